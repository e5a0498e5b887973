"""Follow, feed, comment and notification in a real Chromium, with htmx doing the clicks.

A reader follows a place; the reporter publishes a post in one of its districts; the reader
finds it in "Mein Feed" and comments on it; the reporter sees the bell count and the
notification. Every page is scanned with axe-core for WCAG 2.1 A/AA problems and watched for
console errors (a CSP violation shows up as one).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from conftest import Persona, Town
from litfass.accounts.tests.conftest import PASSWORD
from litfass.core.tests.browser import Watch, axe_violations, violations_report
from litfass.social.models import Comment, Follow

pytestmark = pytest.mark.browser

HEADLINE = "Neuer Spielplatz in Hohenecken"
COMMENT = "Endlich! Mehr dazu unter https://example.org/spielplatz."


def watched(page: Page, live_server: LiveServer) -> Watch:
    watch = Watch(origin=live_server.url)
    watch.attach(page)
    return watch


def assert_accessible(page: Page, where: str) -> None:
    violations = axe_violations(page)
    assert not violations, f"{where}: {violations_report(violations)}"


def test_reader_follows_a_place_comments_on_its_new_post_and_the_author_is_told(
    open_page: Callable[..., Page],
    live_server: LiveServer,
    reader: Persona,
    reporter: Persona,
    town: Town,
    publish: Callable[..., object],
):
    assert reporter.profile is not None
    page = open_page(reader.user)
    watch = watched(page, live_server)

    # The place page: nobody follows it yet; one click (htmx) and the reader does.
    page.goto("/ort/kaiserslautern/")
    follow_box = page.locator(f"#folgen-ort-{town.kaiserslautern.pk}")
    expect(follow_box).to_contain_text("Folgen Sie diesem Ort als Erste/r")
    assert_accessible(page, "place page")
    url_before = page.url
    follow_box.get_by_role("button", name="Kaiserslautern folgen", exact=True).click()
    expect(follow_box).to_contain_text("Sie folgen Kaiserslautern mit seinen Ortsteilen.")
    expect(follow_box).to_contain_text("1 Follower")
    # The keyboard focus stays on the button, now "Nicht mehr folgen", for a second press.
    expect(follow_box.get_by_role("button", name="Nicht mehr folgen")).to_be_focused()
    assert page.url == url_before  # swapped in place, no page load
    assert Follow.objects.filter(follower=reader.user, place=town.kaiserslautern).exists()

    # The reporter publishes in Hohenecken, a district of Kaiserslautern.
    post = publish(reporter.profile, HEADLINE, place=town.hohenecken)

    # Mein Feed shows it.
    page.get_by_role("link", name="Mein Feed").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mein Feed")
    teaser = page.locator("article.teaser").filter(has_text=HEADLINE)
    expect(teaser).to_have_count(1)
    assert_accessible(page, "feed")

    # The reader opens it and comments (htmx swaps the comment block).
    teaser.get_by_role("link", name=HEADLINE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(HEADLINE)
    comments = page.locator("#kommentare")
    expect(comments).to_contain_text("Noch keine Kommentare.")
    post_page = page.url
    comments.get_by_label("Ihr Kommentar").fill(COMMENT)
    comments.get_by_role("button", name="Kommentar veröffentlichen").click()
    shown = comments.locator("article.comment").filter(has_text="Endlich!")
    expect(shown).to_have_count(1)
    expect(shown.get_by_role("link", name="https://example.org/spielplatz")).to_have_attribute(
        "rel", "nofollow noopener ugc"
    )
    expect(comments.get_by_label("Ihr Kommentar")).to_have_value("")
    assert page.url == post_page  # swapped in place, no page load
    assert_accessible(page, "post page with a comment")
    comment = Comment.objects.get(post_id=post.pk)  # type: ignore[attr-defined]
    assert comment.author == reader.user
    assert watch.errors() == []

    # The author sees the bell count and the notification, and opens it.
    author_page = open_page(reporter.user)
    author_watch = watched(author_page, live_server)
    author_page.goto("/")
    bell = author_page.locator("a.bell")
    expect(bell).to_contain_text("1 ungelesen")
    bell.click()
    expect(author_page.get_by_role("heading", level=1)).to_have_text("Benachrichtigungen")
    item = author_page.locator(".notification-list li")
    expect(item).to_have_count(1)
    expect(item).to_contain_text(f"rolf hat „{HEADLINE}“ kommentiert.")
    expect(item).to_have_class(re.compile(r"\bunread\b"))
    assert_accessible(author_page, "notifications")
    item.get_by_role("button", name="Öffnen").click()
    expect(author_page).to_have_url(re.compile(rf"#kommentar-{comment.pk}$"))
    expect(author_page.locator(f"#kommentar-{comment.pk}")).to_contain_text("Endlich!")
    expect(author_page.locator("a.bell .count-badge")).to_have_count(0)
    assert author_watch.errors() == []


def test_anonymous_reader_logs_in_from_the_comment_box_and_lands_back_in_it(
    open_page: Callable[..., Page],
    live_server: LiveServer,
    reader: Persona,
    reporter: Persona,
    publish: Callable[..., object],
):
    assert reporter.profile is not None
    post = publish(reporter.profile, HEADLINE)
    post_url: str = post.get_absolute_url()  # type: ignore[attr-defined]
    page = open_page()
    watch = watched(page, live_server)
    page.goto(post_url)
    call = page.locator("#kommentieren")
    expect(call).to_contain_text("Melden Sie sich an oder registrieren Sie sich")
    assert_accessible(page, "post page, anonymous")
    call.get_by_role("link", name="Anmelden").click()

    form = page.locator("main form")
    form.locator('input[name="login"]').fill(reader.user.email)
    form.locator('input[name="password"]').fill(PASSWORD)
    form.get_by_role("button", name="Anmelden").click()

    expect(page).to_have_url(f"{live_server.url}{post_url}#kommentieren")
    box = page.get_by_label("Ihr Kommentar")
    expect(box).to_be_visible()
    expect(box).to_be_in_viewport()
    assert watch.errors() == []
