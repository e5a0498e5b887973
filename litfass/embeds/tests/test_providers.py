"""Rules every provider keeps; a new provider needs a sample link here to be tested by them."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers import PROVIDERS, Provider, provider_by_slug
from litfass.embeds.refs import KIND_NAMES

SAMPLES = {
    "youtube": "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90",
    "vimeo": "https://vimeo.com/76979871/abcdef1234",
    "dailymotion": "https://www.dailymotion.com/video/x8abc12",
    "twitch": "https://www.twitch.tv/videos/1234567890",
    "openstreetmap": "https://www.openstreetmap.org/?mlat=49.445&mlon=7.77#map=15/49.4447/7.769",
    "googlemaps": "https://www.google.com/maps/place/Rathaus/@49.4447,7.769,17z",
    "instagram": "https://www.instagram.com/p/C1a2B3c4D5e/",
    "twitter": "https://x.com/StadtKL/status/1790000000000000000",
    "facebook": "https://www.facebook.com/StadtKL/posts/123456789012345",
    "tiktok": "https://www.tiktok.com/@stadt.kl/video/7234567890123456789",
    "bluesky": "https://bsky.app/profile/stadt-kl.bsky.social/post/3kq2abcdefg2x",
    "mastodon": "https://chaos.social/@stadtkl/112233445566778899",
}
# Where a provider has a privacy-friendly player, its iframe must use it.
PRIVACY_PLAYERS = {
    "youtube": "https://www.youtube-nocookie.com/embed/",
    "vimeo": "https://player.vimeo.com/video/76979871?dnt=1",
    "twitter": "https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000&dnt=true",
}


def _provider(slug: str) -> Provider:
    provider = provider_by_slug(slug)
    assert provider is not None
    return provider


ATTRIBUTE_URLS = re.compile(r'\s([a-z-]+)="(https?://[^"]*)"')


def test_every_provider_has_a_sample_and_unique_exact_hosts():
    assert {p.slug for p in PROVIDERS} == set(SAMPLES)
    seen: set[str] = set()
    for provider in PROVIDERS:
        assert not provider.hosts & seen, provider.slug
        seen |= provider.hosts
        assert all(host == host.lower() and not host.startswith(".") for host in provider.hosts)


@pytest.mark.parametrize("slug", sorted(SAMPLES))
def test_player_src_is_on_a_frame_origin_of_the_provider(slug):
    provider = _provider(slug)
    ref = parse_embed_url(SAMPLES[slug])
    src = provider.player_src(ref)
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(src))
    assert origin in provider.origins()
    assert src.startswith("https://")
    assert SAMPLES[slug] != src, "the pasted link is never the iframe src"
    if slug in PRIVACY_PLAYERS:
        assert src.startswith(PRIVACY_PLAYERS[slug])


@pytest.mark.parametrize("slug", sorted(SAMPLES))
def test_placeholder_loads_nothing_and_names_provider_privacy_policy_and_link(slug):
    provider = _provider(slug)
    ref = parse_embed_url(SAMPLES[slug])
    html = str(provider.render(ref))
    name = provider.display_name(ref)
    assert html.startswith("<figure") and html.endswith("</figure>")
    assert name in html
    assert f'class="embed__privacy" href="{provider.privacy_url(ref)}"' in html
    assert provider.privacy_url(ref).startswith("https://")
    assert "<iframe" not in html and "<script" not in html and "<img" not in html
    assert " src=" not in html and "srcset" not in html
    assert "style=" not in html and " on" not in html.replace(" only", "")
    assert "<button" in html and "hidden" in html
    # Third-party addresses appear only as the privacy link, the original link and the inert
    # data attribute for consent.js, which our renderer built from the reference.
    attributes = [(name, unescape(url)) for name, url in ATTRIBUTE_URLS.findall(html)]
    assert {attribute for attribute, _url in attributes} == {"href", "data-embed-src"}
    hrefs = {url for attribute, url in attributes if attribute == "href"}
    assert hrefs == {provider.privacy_url(ref), ref.url}
    data_src = next(url for attribute, url in attributes if attribute == "data-embed-src")
    assert data_src == provider.player_src(ref)
    assert str(KIND_NAMES[provider.kind]) in html


def test_nothing_from_the_link_can_break_out_of_the_markup():
    ref = parse_embed_url(
        "https://www.google.com/maps/place/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E/@49.4,7.7,15z"
    )
    assert ref.options["place"] == '"><script>alert(1)</script>'
    html = str(_provider("googlemaps").render(ref))
    assert "<script" not in html
    assert "alert(1)" not in html.replace("alert%281%29", "")
