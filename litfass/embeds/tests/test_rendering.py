from __future__ import annotations

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.rendering import render_embed, render_embed_urls, render_embeds

from .conftest import SITE

YT = "https://youtu.be/dQw4w9WgXcQ"
OSM = "https://www.openstreetmap.org/#map=15/49.4447/7.769"


def test_embeds_render_in_order(reporter, publish, django_assert_num_queries):
    post = publish(reporter.profile, "Radweg")
    refs = [
        parse_embed_url(YT),
        parse_embed_url(f"{SITE}{post.get_absolute_url()}"),
        parse_embed_url(OSM),
    ]
    with django_assert_num_queries(1):
        html = [str(part) for part in render_embeds(refs)]
    assert "embed--youtube" in html[0]
    assert "Radweg" in html[1]
    assert "embed--openstreetmap" in html[2]


def test_external_embeds_need_no_query(django_assert_num_queries, db):
    with django_assert_num_queries(0):
        assert "embed--youtube" in str(render_embed(parse_embed_url(YT)))


def test_a_provider_switched_off_later_renders_nothing(settings):
    ref = parse_embed_url(YT)
    settings.LITFASS_EMBED_PROVIDERS = ["vimeo"]
    assert str(render_embed(ref)) == ""


def test_stored_links_are_checked_again_when_rendered(settings, db):
    html = render_embed_urls([YT, "https://www.youtube.com/playlist?list=PL1", OSM])
    assert "embed--youtube" in html[0]
    assert str(html[1]) == ""
    assert "embed--openstreetmap" in html[2]
    settings.LITFASS_EMBED_PROVIDERS = ["openstreetmap"]
    assert [bool(str(part)) for part in render_embed_urls([YT, OSM])] == [False, True]
