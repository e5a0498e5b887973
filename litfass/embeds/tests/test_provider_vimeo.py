from __future__ import annotations

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.vimeo import Vimeo
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

ACCEPTED = [
    ("https://vimeo.com/76979871", "76979871", {}),
    ("https://www.vimeo.com/76979871", "76979871", {}),
    ("https://vimeo.com/76979871/", "76979871", {}),
    ("https://vimeo.com/76979871?share=copy", "76979871", {}),
    ("https://vimeo.com/76979871#t=90s", "76979871", {"start": 90}),
    ("https://vimeo.com/76979871#t=1m30s", "76979871", {"start": 90}),
    ("https://vimeo.com/76979871/abcdef1234", "76979871", {"hash": "abcdef1234"}),
    ("https://player.vimeo.com/video/76979871", "76979871", {}),
    ("https://player.vimeo.com/video/76979871?h=abc123def0", "76979871", {"hash": "abc123def0"}),
    (
        "https://player.vimeo.com/video/76979871?h=abc123def0&badge=0#t=10s",
        "76979871",
        {"hash": "abc123def0", "start": 10},
    ),
    ("https://vimeo.com/channels/staffpicks/76979871", "76979871", {}),
    ("https://vimeo.com/groups/shortfilms/videos/76979871", "76979871", {}),
    ("https://vimeo.com/showcase/11111/video/76979871", "76979871", {}),
]

REFUSED = [
    ("https://vimeo.com/showcase/11111", Refusal.PLAYLIST),
    ("https://vimeo.com/album/11111", Refusal.PLAYLIST),
    ("https://vimeo.com/event/22222", Refusal.LIVE),
    ("https://vimeo.com/channels/staffpicks", Refusal.CHANNEL),
    ("https://vimeo.com/groups/shortfilms", Refusal.CHANNEL),
    ("https://vimeo.com/stadtkaiserslautern", Refusal.CHANNEL),
    ("https://vimeo.com/", Refusal.NOT_VIDEO),
    ("https://vimeo.com/76979871/NOT-A-HASH", Refusal.NOT_VIDEO),
    ("https://player.vimeo.com/video/abc", Refusal.NOT_VIDEO),
    ("https://player.vimeo.com/video/76979871?h=a&h=b", Refusal.DUPLICATE),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_vimeo_accepts_single_videos(url, ref_id, options):
    accepted(url, "vimeo", EmbedKind.VIDEO, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_vimeo_refuses_collections_and_pages(url, code):
    refused(url, code)


def test_player_does_not_track_and_keeps_the_privacy_hash():
    ref = parse_embed_url("https://vimeo.com/76979871/abcdef1234#t=90s")
    src = Vimeo().player_src(ref)
    assert src == "https://player.vimeo.com/video/76979871?dnt=1&h=abcdef1234#t=90s"
