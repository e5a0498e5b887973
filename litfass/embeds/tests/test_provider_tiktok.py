from __future__ import annotations

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.tiktok import TikTok
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

T = "7234567890123456789"

ACCEPTED = [
    (f"https://www.tiktok.com/@stadt.kl/video/{T}", T, {"user": "@stadt.kl", "type": "video"}),
    (f"https://tiktok.com/@stadt.kl/video/{T}?lang=de", T, {"user": "@stadt.kl", "type": "video"}),
    (f"https://m.tiktok.com/@stadt.kl/video/{T}", T, {"user": "@stadt.kl", "type": "video"}),
    (f"https://www.tiktok.com/@stadt.kl/photo/{T}", T, {"user": "@stadt.kl", "type": "photo"}),
]

REFUSED = [
    ("https://www.tiktok.com/@stadt.kl", Refusal.PROFILE),
    ("https://www.tiktok.com/@stadt.kl/live", Refusal.LIVE),
    ("https://www.tiktok.com/tag/kaiserslautern", Refusal.HASHTAG),
    ("https://www.tiktok.com/foryou", Refusal.NOT_POST),
    ("https://www.tiktok.com/@stadt.kl/video/123", Refusal.NOT_POST),
    ("https://vm.tiktok.com/ZMabcdef/", Refusal.SHORT_LINK),
    ("https://vt.tiktok.com/ZSabcdef/", Refusal.SHORT_LINK),
    ("https://www.tiktok.com/t/ZTabcdef/", Refusal.SHORT_LINK),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_tiktok_accepts_single_videos_and_photo_posts(url, ref_id, options):
    accepted(url, "tiktok", EmbedKind.SOCIAL, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_tiktok_refuses_profiles_and_short_links(url, code):
    refused(url, code)


def test_player_is_the_embed_page_in_portrait():
    ref = parse_embed_url(f"https://www.tiktok.com/@stadt.kl/video/{T}")
    assert TikTok().player_src(ref) == f"https://www.tiktok.com/embed/v2/{T}"
    assert TikTok().frame_shape(ref) == "portrait"
