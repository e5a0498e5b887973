"""Helpers for the browser tests: launching Chromium, watching a page, axe scans, test content.

The fixtures that use these live in ``conftest.py`` next to this file.
"""

from __future__ import annotations

import io
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.utils import translation
from playwright.sync_api import Browser, ConsoleMessage, Page, Playwright

from litfass.content.models import Post

CHROMIUM = "/usr/bin/chromium"
# We run as root (no sandbox); the rest keeps Chromium from phoning home, which this machine
# refuses and which would make a "no foreign requests" test meaningless.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

ELECTION_KICKER = "OB-Wahl Kaiserslautern"
ELECTION_AUTHOR = "Herzlich digital"


def launch(playwright: Playwright) -> Browser:
    """Start the system Chromium headless; never a downloaded browser."""
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)


@dataclass
class Watch:
    """Everything a page asks for and complains about while a test drives it."""

    origin: str
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    # A 404 page logs "Failed to load resource" for its own document: that is the status, not
    # a fault of the page. Tests add the URLs they expect to answer with an error status.
    expected_error_urls: set[str] = field(default_factory=set)

    def attach(self, page: Page) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        url = message.location.get("url", "")
        if url in self.expected_error_urls and message.text.startswith("Failed to load resource"):
            return
        self.console_errors.append(f"{message.text} ({url})")

    def foreign_requests(self) -> list[str]:
        prefix = self.origin.rstrip("/") + "/"
        return [url for url in self.requests if not url.startswith(prefix)]

    def errors(self) -> list[str]:
        return [f"console: {e}" for e in self.console_errors] + [
            f"pageerror: {e}" for e in self.page_errors
        ]


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now (WCAG 2.1 A and AA rules only)."""
    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "resultTypes": ["violations"],
    }
    results = Axe().run(page, options=options)
    return list(results.response["violations"])


def violations_report(violations: list[dict[str, Any]]) -> str:
    """One block per rule: id, impact, help text and the CSS selectors of the failing nodes."""
    lines = [f"{len(violations)} accessibility violation(s):"]
    for v in violations:
        lines.append(f"- {v['id']} [{v['impact']}] {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            target = " ".join(str(t) for t in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    at {target}: {summary}")
            lines.append(f"      {node.get('html', '')[:200]}")
    return "\n".join(lines)


# --- Content ----------------------------------------------------------------------------------

# Tables the demo does not fill or that ``flush`` re-creates by itself.
NOT_DUMPED = ["contenttypes", "auth.permission", "sessions", "admin", "django_tasks_database"]


@dataclass(frozen=True)
class Snapshot:
    """The demo content once loaded: a fixture file and the media folder with its pictures."""

    fixture: Path
    media: Path


def snapshot_demo(directory: Path) -> Snapshot:
    """Load the demo into the empty test database once, dump it, and empty the database again.

    Loading the demo makes ~26 pictures and their renditions (about half a minute); restoring
    the dump takes a fraction of a second, so every browser test can start from the real demo
    content in a database of its own. The caller must hold database access.
    """
    media = directory / "media"
    media.mkdir()
    fixture = directory / "demo.json"
    storages = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media), "base_url": "/media/"},
        },
    }
    # One small rendition width instead of three: the same <picture> markup, made in a tenth
    # of the time (AVIF at 1600 px takes about a second per picture).
    with (
        override_settings(MEDIA_ROOT=media, STORAGES=storages, LITFASS_RENDITION_WIDTHS=(480,)),
        translation.override("de"),
    ):
        call_command("demo", stdout=io.StringIO())
    call_command(
        "dumpdata",
        exclude=NOT_DUMPED,
        use_natural_foreign_keys=True,
        output=str(fixture),
        verbosity=0,
    )
    call_command("flush", interactive=False, verbosity=0)
    return Snapshot(fixture=fixture, media=media)


@dataclass(frozen=True)
class Site:
    """The pages the tests visit, as paths below the live server."""

    home: str
    article: str
    article_headline: str
    place: str
    profile: str


def restore(snapshot: Snapshot, media_root: Path) -> Site:
    """Put the demo content into the (empty) database and media folder of this test."""
    call_command("loaddata", str(snapshot.fixture), verbosity=0)
    shutil.copytree(snapshot.media, media_root, dirs_exist_ok=True)
    article = (
        Post.objects.filter(kicker=ELECTION_KICKER, status=Post.Status.PUBLISHED)
        .select_related("author")
        .order_by("published_at")
        .first()
    )
    assert article is not None, f"the demo has no published post with kicker {ELECTION_KICKER!r}"
    return Site(
        home="/",
        article=article.get_absolute_url(),
        article_headline=article.headline,
        place="/ort/kaiserslautern/",
        profile=article.author.get_absolute_url(),
    )
