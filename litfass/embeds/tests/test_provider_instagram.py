from __future__ import annotations

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.instagram import Instagram
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

ACCEPTED = [
    ("https://www.instagram.com/p/C1a2B3c4D5e/", "C1a2B3c4D5e", {"type": "p"}),
    ("https://instagram.com/p/C1a2B3c4D5e", "C1a2B3c4D5e", {"type": "p"}),
    ("https://www.instagram.com/p/C1a2B3c4D5e/?igsh=MWx0dHJ3", "C1a2B3c4D5e", {"type": "p"}),
    ("https://www.instagram.com/p/C1a2B3c4D5e/embed/", "C1a2B3c4D5e", {"type": "p"}),
    ("https://www.instagram.com/reel/C1a2B3c4D5e/", "C1a2B3c4D5e", {"type": "reel"}),
    ("https://www.instagram.com/reels/C1a2B3c4D5e/", "C1a2B3c4D5e", {"type": "reel"}),
    ("https://www.instagram.com/tv/C1a2B3c4D5e/", "C1a2B3c4D5e", {"type": "tv"}),
    ("https://www.instagram.com/stadt.kl/p/C1a2B3c4D5e/", "C1a2B3c4D5e", {"type": "p"}),
]

REFUSED = [
    ("https://www.instagram.com/stadt.kl/", Refusal.PROFILE),
    ("https://www.instagram.com/stadt.kl/reels/", Refusal.PROFILE),
    ("https://www.instagram.com/explore/tags/kaiserslautern/", Refusal.HASHTAG),
    ("https://www.instagram.com/stories/stadt.kl/3312345678901234567/", Refusal.NOT_POST),
    ("https://www.instagram.com/explore/", Refusal.NOT_POST),
    ("https://www.instagram.com/p/abc/", Refusal.NOT_POST),
    ("https://www.instagram.com/share/BAabcdef12", Refusal.SHORT_LINK),
    ("https://l.instagram.com/?u=https%3A%2F%2Fevil.org", Refusal.REDIRECT),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_instagram_accepts_single_posts(url, ref_id, options):
    accepted(url, "instagram", EmbedKind.SOCIAL, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_instagram_refuses_profiles_and_tag_pages(url, code):
    refused(url, code)


def test_player_is_the_captioned_embed_page():
    ref = parse_embed_url("https://www.instagram.com/reel/C1a2B3c4D5e/")
    assert Instagram().player_src(ref) == (
        "https://www.instagram.com/reel/C1a2B3c4D5e/embed/captioned/"
    )
