"""The card page other sites frame: /embed/<prefix>/<slug>-<id>/ (German) and /en/embed/…."""

from __future__ import annotations

import re

import pytest

from litfass.content.services import unpublish_post
from litfass.embeds import oembed

from .own_posts import HIDDEN_STATES, hidden_post_path, site_client


def card_path(post, language: str = "de") -> str:
    prefix = "/en" if language == "en" else ""
    return f"{prefix}/embed/beitrag/{post.slug}-{post.pk}/"


def assert_frameable_without_cookies(response) -> None:
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in response.headers
    assert "X-Frame-Options" not in response.headers
    policy = response["Content-Security-Policy"]
    assert "frame-ancestors *" in policy
    assert "default-src 'none'" in policy
    assert "'nonce-" not in policy
    assert "Cookie" not in response.get("Vary", "")


def test_a_published_post_is_a_standalone_card_page(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg am Stadtpark", pictures=1)
    response = site_client().get(card_path(post))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert html.startswith("<!doctype html>")
    assert '<html lang="de">' in html
    assert 'class="embed embed--internal embed--post"' in html
    assert "Neuer Radweg am Stadtpark" in html
    assert reporter.profile.display_name in html
    # The headline leaves the frame: our page opens in a tab of its own.
    assert (
        f'<a href="{post.get_absolute_url()}" target="_blank" rel="noopener">'
        "Neuer Radweg am Stadtpark"
    ) in html
    assert 'href="/static/embeds/card.css"' in html
    assert 'name="robots" content="noindex"' in html


def test_the_card_page_is_in_english_under_en(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg am Stadtpark")
    response = site_client().get(card_path(post, "en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert response["Content-Language"] == "en"
    assert f'href="/en/beitrag/{post.slug}-{post.pk}/"' in html
    assert "(opens in a new tab)" in html
    assert '<footer class="embed-page__source"><a href="/en/"' in html


def test_the_card_loads_nothing_from_other_sites(reporter, publish):
    post = publish(reporter.profile, "Mit Bild", pictures=1)
    html = site_client().get(card_path(post)).content.decode()
    addresses = re.findall(r'(?:src|href|srcset)="([^"]*)"', html)
    assert addresses
    assert all(address.startswith("/") for address in addresses), addresses
    assert "<script" not in html
    assert "style=" not in html
    assert "<style" not in html


def test_the_card_headers_allow_framing_and_caching(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    response = site_client().get(card_path(post))
    assert_frameable_without_cookies(response)
    assert response["Content-Security-Policy"] == (
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; "
        "form-action 'none'; frame-ancestors *"
    )
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=0", "must-revalidate"}
    assert response["ETag"]
    assert response["Last-Modified"]


def test_the_card_answers_a_conditional_request_with_304(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    client = site_client()
    etag = client.get(card_path(post))["ETag"]
    assert client.get(card_path(post), HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_logged_in_visitor_gets_no_cookie_either(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    client = site_client()
    client.force_login(reporter.user)
    client.cookies["csrftoken"] = "x" * 32
    client.cookies["django_language"] = "en"
    response = client.get(card_path(post))
    assert response.status_code == 200
    assert_frameable_without_cookies(response)
    # The language is the URL's, never the visitor's cookie.
    assert '<html lang="de">' in response.content.decode()


def test_a_cached_card_keeps_its_headers_and_sets_no_cookie(
    reporter, publish, settings, django_assert_num_queries
):
    settings.LITFASS_PAGE_CACHE_SECONDS = 60
    post = publish(reporter.profile, "Neuer Radweg")
    client = site_client()
    first = client.get(card_path(post))
    with django_assert_num_queries(0):
        hit = client.get(card_path(post))
    assert hit.content == first.content
    assert_frameable_without_cookies(hit)
    assert hit["ETag"] == first["ETag"]


def test_the_card_page_is_one_query(reporter, publish, django_assert_num_queries):
    post = publish(reporter.profile, "Neuer Radweg", pictures=1)
    client = site_client()
    with django_assert_num_queries(1):
        assert client.get(card_path(post)).status_code == 200


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_a_post_nobody_may_read_is_not_found_like_a_missing_one(state, reporter, town, publish):
    path = hidden_post_path(state, reporter, town, publish)
    missing = site_client().get("/embed/beitrag/nie-geschrieben-999999/")
    response = site_client().get(f"/embed{path}")
    assert response.status_code == 404
    assert response.content == missing.content
    assert 'class="embed-page__unavailable"' in response.content.decode()
    assert_frameable_without_cookies(response)
    english = site_client().get(f"/en/embed{path}")
    assert english.status_code == 404
    assert "This post is not available." in english.content.decode()


def test_an_unpublished_post_disappears_from_the_frame(reporter, publish):
    post = publish(reporter.profile, "Bald weg")
    client = site_client()
    assert client.get(card_path(post)).status_code == 200
    unpublish_post(post=post, by=reporter.user)
    assert client.get(card_path(post)).status_code == 404


@pytest.mark.parametrize(
    "path",
    ["/embed/artikel/x-1/", "/embed/", "/embed/beitrag/ohne-nummer/", "/en/embed/irgendwas"],
)
def test_other_embed_paths_get_the_frameable_not_found_page(db, path):
    response = site_client().get(path)
    assert response.status_code == 404
    assert_frameable_without_cookies(response)


def test_an_old_slug_or_kind_is_redirected_to_the_card(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    client = site_client()
    for stale in (f"/embed/beitrag/alter-titel-{post.pk}/", f"/embed/schnappschuss/x-{post.pk}/"):
        response = client.get(stale)
        assert response.status_code == 301
        assert response["Location"] == oembed.card_path(post)
        assert not response.cookies
    response = client.get(f"/en/embed/beitrag/alter-titel-{post.pk}/")
    assert response["Location"] == card_path(post, "en")


def test_only_reading_methods_are_allowed(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    client = site_client()
    assert client.head(card_path(post)).status_code == 200
    assert client.post(card_path(post)).status_code == 405


def test_the_code_origin_serves_no_cards(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    response = site_client().get(card_path(post), HTTP_HOST="embed.example.org")
    assert response.status_code == 404
    assert b"Neuer Radweg" not in response.content
