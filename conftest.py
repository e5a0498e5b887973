"""Shared fixtures: a small town and the people of the test stories.

Personas: ``reader`` (registered, writes nothing), ``reporter`` (a resident with a person
profile), ``org_member`` (posts for the club "TSG Otterbach"), ``advertiser`` (a business with
sponsored posts), ``moderator`` (staff) and ``outsider`` (registered, no rights on anything).
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image as PILImage
from playwright.sync_api import Browser, sync_playwright

from litfass.accounts.models import Profile, User
from litfass.accounts.services import add_member, create_profile, create_user
from litfass.content.models import Post, Topic
from litfass.content.services import add_picture, create_post, publish_post
from litfass.core import pagecache
from litfass.core.tests.browser import launch
from litfass.places.models import Place
from litfass.places.services import create_place

IN_CI = os.environ.get("CI") == "true"


@pytest.fixture(autouse=True)
def media_root(tmp_path: Path, settings: pytest.FixtureRequest) -> Iterator[Path]:
    """Every test writes pictures into its own folder."""
    media = tmp_path / "media"
    media.mkdir()
    settings.MEDIA_ROOT = media  # type: ignore[attr-defined]
    settings.STORAGES = {  # type: ignore[attr-defined]
        **settings.STORAGES,  # type: ignore[attr-defined]
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media), "base_url": "/media/"},
        },
    }
    yield media
    shutil.rmtree(media, ignore_errors=True)


@pytest.fixture(autouse=True)
def _german() -> Iterator[None]:
    """Each test starts in German, the site's primary language, whatever ran before."""
    from django.utils import translation

    with translation.override("de"):
        yield


@pytest.fixture(autouse=True)
def _clear_cache() -> Iterator[None]:
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def jpeg_bytes(width: int = 64, height: int = 48, seed: int = 0) -> bytes:
    """A small JPEG; different seeds give different files."""
    out = io.BytesIO()
    color = (seed * 37 % 256, seed * 91 % 256, 120)
    PILImage.new("RGB", (width, height), color).save(out, "JPEG")
    return out.getvalue()


@dataclass
class Town:
    region: Place
    kaiserslautern: Place
    hohenecken: Place
    otterberg: Place
    pirmasens: Place
    politik: Topic
    kultur: Topic


@pytest.fixture
def town(db: None) -> Town:
    region = create_place(name="Westpfalz", kind=Place.Kind.REGION, latitude=49.4, longitude=7.6)
    kl = create_place(name="Kaiserslautern", parent=region, latitude=49.4447, longitude=7.7690)
    hohenecken = create_place(
        name="Hohenecken", kind=Place.Kind.DISTRICT, parent=kl, latitude=49.4189, longitude=7.7211
    )
    otterberg = create_place(name="Otterberg", parent=region, latitude=49.5036, longitude=7.7706)
    pirmasens = create_place(name="Pirmasens", parent=region, latitude=49.2010, longitude=7.6050)
    politik = Topic.objects.create(name="Politik", slug="politik", position=1)
    kultur = Topic.objects.create(name="Kultur", slug="kultur", position=2)
    return Town(region, kl, hohenecken, otterberg, pirmasens, politik, kultur)


@dataclass
class Persona:
    user: User
    profile: Profile | None


def _persona(name: str, town: Town, kind: str = Profile.Kind.PERSON) -> Persona:
    user = create_user(username=name, email=f"{name}@example.org", password="correct horse 42")
    profile = create_profile(
        display_name=name.replace("_", " ").title(),
        kind=kind,
        home_place=town.kaiserslautern,
        owner=user,
    )
    return Persona(user, profile)


@pytest.fixture
def reporter(town: Town) -> Persona:
    return _persona("rita_reporter", town)


@pytest.fixture
def org_member(town: Town) -> Persona:
    user = create_user(username="olga", email="olga@example.org", password="correct horse 42")
    club = create_profile(
        display_name="TSG Otterbach", kind=Profile.Kind.ORGANISATION, home_place=town.otterberg
    )
    add_member(profile=club, user=user)
    return Persona(user, club)


@pytest.fixture
def advertiser(town: Town) -> Persona:
    return _persona("anzeigen_gmbh", town, kind=Profile.Kind.BUSINESS)


@pytest.fixture
def moderator(db: None) -> Persona:
    user = create_user(username="mona", email="mona@example.org", password="correct horse 42")
    user.is_staff = True
    user.save()
    return Persona(user, None)


@pytest.fixture
def outsider(db: None) -> Persona:
    user = create_user(username="otto", email="otto@example.org", password="correct horse 42")
    return Persona(user, None)


@pytest.fixture
def reader(db: None) -> Persona:
    user = create_user(username="rolf", email="rolf@example.org", password="correct horse 42")
    return Persona(user, None)


@pytest.fixture
def publish(town: Town):
    """Make and publish a post quickly: ``publish(author, headline, place=…, pictures=n)``."""

    def make(
        author: Profile,
        headline: str = "Neuer Radweg am Stadtpark",
        *,
        place: Place | None = None,
        topic: Topic | None = None,
        pictures: int = 0,
        kind: str = Post.Kind.ARTICLE,
        **extra: object,
    ) -> Post:
        post = create_post(
            kind=kind,
            author=author,
            headline=headline,
            body="<p>Text mit <strong>Inhalt</strong>.</p>",
            place=place or town.kaiserslautern,
            topic=topic,
            **extra,  # type: ignore[arg-type]
        )
        for n in range(pictures):
            add_picture(
                post=post, data=jpeg_bytes(seed=n), credit="Foto: Test", alt_text=f"Bild {n}"
            )
        return publish_post(post=post)

    return make


class Clock:
    """A clock moved by hand, in seconds."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    """The page cache's clock (generation re-checks, in-process memos), moved by hand."""
    fake = Clock()
    monkeypatch.setattr(pagecache, "clock", fake)
    return fake


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """The system Chromium, headless, shared by every browser test of the session.

    Playwright allows one sync instance per thread, so there is exactly one such fixture.
    """
    # Playwright's sync API keeps an event loop around; Django would take every ORM call from
    # the test thread for async code and refuse it.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = launch(playwright)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Browser tests need Chromium: skip with a note locally, fail loudly in CI."""
    if shutil.which("chromium") or IN_CI:
        return
    skip = pytest.mark.skip(reason="chromium is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


__all__ = ["IN_CI", "jpeg_bytes", "settings"]
