from __future__ import annotations

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.twitter import Twitter
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

S = "1790000000000000000"

ACCEPTED = [
    (f"https://x.com/StadtKL/status/{S}", S, {"user": "StadtKL"}),
    (f"https://twitter.com/StadtKL/status/{S}", S, {"user": "StadtKL"}),
    (f"https://www.twitter.com/StadtKL/status/{S}", S, {"user": "StadtKL"}),
    (f"https://mobile.twitter.com/StadtKL/status/{S}", S, {"user": "StadtKL"}),
    (f"https://x.com/StadtKL/status/{S}?s=20&t=abcDEF", S, {"user": "StadtKL"}),
    (f"https://x.com/StadtKL/status/{S}/photo/1", S, {"user": "StadtKL"}),
    (f"https://x.com/StadtKL/status/{S}/video/1", S, {"user": "StadtKL"}),
    (f"https://x.com/i/web/status/{S}", S, {"user": "i"}),
    (f"https://twitter.com/StadtKL/statuses/{S}", S, {"user": "StadtKL"}),
]

REFUSED = [
    ("https://x.com/StadtKL", Refusal.PROFILE),
    ("https://twitter.com/StadtKL/with_replies", Refusal.PROFILE),
    ("https://x.com/hashtag/Kaiserslautern", Refusal.HASHTAG),
    ("https://x.com/search?q=kaiserslautern", Refusal.NOT_POST),
    ("https://x.com/home", Refusal.NOT_POST),
    ("https://x.com/StadtKL/status/notanumber", Refusal.NOT_POST),
    (f"https://x.com/StadtKL/status/{S}/retweets", Refusal.NOT_POST),
    ("https://t.co/AbCdEf123", Refusal.SHORT_LINK),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_x_accepts_single_posts(url, ref_id, options):
    accepted(url, "twitter", EmbedKind.SOCIAL, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_x_refuses_profiles_searches_and_short_links(url, code):
    refused(url, code)


def test_player_asks_not_to_track():
    ref = parse_embed_url(f"https://twitter.com/StadtKL/status/{S}")
    assert ref.url == f"https://x.com/StadtKL/status/{S}"
    src = Twitter().player_src(ref)
    assert src.startswith(f"https://platform.twitter.com/embed/Tweet.html?id={S}&dnt=true")
