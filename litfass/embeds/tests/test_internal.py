"""Links to our own posts, and their cards: published posts only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from litfass.content.models import Post
from litfass.content.services import (
    EventData,
    create_post,
    publish_post,
)
from litfass.embeds import internal
from litfass.embeds.parser import parse_embed_url
from litfass.embeds.refs import EmbedKind, Refusal
from litfass.embeds.rendering import render_embed, render_embeds

from .conftest import SITE
from .helpers import accepted, refused
from .own_posts import post_in

ACCEPTED = [
    (f"{SITE}/beitrag/neuer-radweg-12/", EmbedKind.POST, "12", "beitrag", "neuer-radweg"),
    (f"{SITE}/beitrag/neuer-radweg-12", EmbedKind.POST, "12", "beitrag", "neuer-radweg"),
    (f"{SITE}/en/beitrag/neuer-radweg-12/", EmbedKind.POST, "12", "beitrag", "neuer-radweg"),
    (
        f"{SITE}/bildergalerie/stadtfest-2024-7/",
        EmbedKind.POST,
        "7",
        "bildergalerie",
        "stadtfest-2024",
    ),
    (
        f"{SITE}/schnappschuss/abendrot-8/?utm_source=x",
        EmbedKind.SNAPSHOT,
        "8",
        "schnappschuss",
        "abendrot",
    ),
    (
        f"{SITE}/veranstaltung/flohmarkt-9/#karte",
        EmbedKind.EVENT,
        "9",
        "veranstaltung",
        "flohmarkt",
    ),
    ("https://www.litfass.example/beitrag/a-1/", EmbedKind.POST, "1", "beitrag", "a"),
    ("https://LITFASS.example/beitrag/a-1/", EmbedKind.POST, "1", "beitrag", "a"),
]

REFUSED = [
    (f"{SITE}/", Refusal.NOT_OWN_POST),
    (f"{SITE}/ort/kaiserslautern/", Refusal.NOT_OWN_POST),
    (f"{SITE}/profil/rita/", Refusal.NOT_OWN_POST),
    (f"{SITE}/beitrag/ohne-nummer/", Refusal.NOT_OWN_POST),
    (f"{SITE}/beitrag/x-0/", Refusal.NOT_OWN_POST),
    (f"{SITE}/schreiben/12/", Refusal.NOT_OWN_POST),
    (f"{SITE}/artikel/x-12/", Refusal.NOT_OWN_POST),
    (f"{SITE}/fr/beitrag/x-12/", Refusal.NOT_OWN_POST),
    ("http://litfass.example/beitrag/x-12/", Refusal.INSECURE),
    ("https://litfass.example:8443/beitrag/x-12/", Refusal.PORT),
    ("https://litfass.example.evil.org/beitrag/x-12/", Refusal.UNSUPPORTED),
]


@pytest.mark.parametrize(("url", "kind", "ref_id", "prefix", "slug"), ACCEPTED)
def test_own_post_links_become_internal_references(url, kind, ref_id, prefix, slug):
    ref = accepted(url, "internal", kind, ref_id, {"prefix": prefix, "slug": slug})
    assert ref.url == f"{SITE}/{prefix}/{slug}-{ref_id}/"


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_other_pages_of_ours_are_refused(url, code):
    refused(url, code)


def test_prefixes_are_those_of_the_post_urls():
    assert set(internal.KIND_OF_PREFIX) == set(Post.URL_PREFIX.values())


def test_development_site_on_http_with_a_port(settings):
    settings.LITFASS_SITE_URL = "http://localhost:8000"
    settings.ALLOWED_HOSTS = ["localhost"]
    ref = parse_embed_url("http://localhost:8000/beitrag/x-5/")
    assert (ref.provider, ref.id, ref.url) == (
        "internal",
        "5",
        "http://localhost:8000/beitrag/x-5/",
    )


def test_without_site_url_the_allowed_hosts_are_ours(settings):
    settings.LITFASS_SITE_URL = ""
    settings.ALLOWED_HOSTS = [".wildcard.example", "*", "10.0.0.1", "zeitung.example"]
    assert parse_embed_url("https://zeitung.example/beitrag/x-5/").url == (
        "https://zeitung.example/beitrag/x-5/"
    )
    refused("https://sub.wildcard.example/beitrag/x-5/", Refusal.UNSUPPORTED)


def test_the_code_origin_is_not_one_of_our_sites():
    refused("https://embed.example.org/beitrag/x-5/", Refusal.NOT_CODE)


def ref_for(post: Post):
    return parse_embed_url(f"{SITE}{post.get_absolute_url()}")


def test_published_post_renders_as_a_card_from_our_data(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg am Stadtpark", pictures=1)
    html = str(render_embed(ref_for(post)))
    assert 'class="embed embed--internal embed--post"' in html
    assert f'href="{post.get_absolute_url()}"' in html
    assert "Neuer Radweg am Stadtpark" in html
    assert reporter.profile.display_name in html
    assert "<img" in html and 'alt="Bild 0"' in html
    assert "<iframe" not in html and "style=" not in html


def test_a_card_shows_the_current_headline_whatever_the_link_said(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    ref = parse_embed_url(f"{SITE}/beitrag/alter-titel-{post.pk}/")
    assert "Neuer Radweg" in str(render_embed(ref))


def test_sponsored_post_card_is_marked_as_advertisement(advertiser, publish):
    post = publish(advertiser.profile, "Sommerschlussverkauf", sponsor=advertiser.profile)
    assert post.sponsored
    assert 'class="ad-label"' in str(render_embed(ref_for(post)))


def test_event_card_shows_when_and_where(reporter, town):
    starts = timezone.make_aware(dt.datetime(2031, 6, 20, 19, 30))
    post = create_post(
        kind=Post.Kind.EVENT,
        author=reporter.profile,
        headline="Flohmarkt am Stiftsplatz",
        body="<p>Kommt alle.</p>",
        place=town.kaiserslautern,
        event=EventData(starts_at=starts, venue="Stiftsplatz"),
    )
    publish_post(post=post)
    html = str(render_embed(ref_for(post)))
    assert "embed--event" in html
    assert 'datetime="2031-06-20T19:30:00+02:00"' in html
    assert "Stiftsplatz" in html


@pytest.mark.parametrize("state", ["draft", "pending", "unpublished", "deleted"])
def test_a_post_readers_cannot_see_renders_nothing(state, reporter, town, publish):
    post = post_in(state, reporter, town, publish)
    assert str(render_embed(ref_for(post))) == ""


def test_a_published_row_marked_deleted_renders_nothing(reporter, publish):
    post = publish(reporter.profile, "Halb gelöscht")
    # A published post with deleted_at set cannot come from the services; the card must still
    # not show it, whatever order future code writes the two fields in.
    Post.objects.filter(pk=post.pk).update(deleted_at=timezone.now())
    assert str(render_embed(ref_for(post))) == ""


def test_a_missing_post_renders_nothing(db):
    assert str(render_embed(parse_embed_url(f"{SITE}/beitrag/weg-999999/"))) == ""


def test_many_cards_are_one_query(reporter, publish, django_assert_num_queries):
    refs = [ref_for(publish(reporter.profile, f"Beitrag {n}", pictures=1)) for n in range(4)]
    with django_assert_num_queries(1):
        html = render_embeds(refs)
    assert all("embed-card" in str(card) for card in html)
