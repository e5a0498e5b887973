from __future__ import annotations

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.dailymotion import Dailymotion
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

ACCEPTED = [
    ("https://www.dailymotion.com/video/x8abc12", "x8abc12", {}),
    ("https://dailymotion.com/video/x8abc12", "x8abc12", {}),
    ("https://www.dailymotion.com/video/x8abc12_rathaus-neu", "x8abc12", {}),
    ("https://www.dailymotion.com/video/x8abc12?start=30", "x8abc12", {"start": 30}),
    ("https://www.dailymotion.com/embed/video/x8abc12", "x8abc12", {}),
    ("https://dai.ly/x8abc12", "x8abc12", {}),
]

REFUSED = [
    ("https://www.dailymotion.com/playlist/x6hynp", Refusal.PLAYLIST),
    ("https://www.dailymotion.com/arte", Refusal.CHANNEL),
    ("https://www.dailymotion.com/video/12345", Refusal.NOT_VIDEO),
    ("https://www.dailymotion.com/", Refusal.NOT_VIDEO),
    ("https://dai.ly/", Refusal.NOT_VIDEO),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_dailymotion_accepts_single_videos(url, ref_id, options):
    accepted(url, "dailymotion", EmbedKind.VIDEO, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_dailymotion_refuses_playlists_and_channels(url, code):
    refused(url, code)


def test_player_uses_the_sites_player_id_when_configured(settings):
    ref = parse_embed_url("https://dai.ly/x8abc12?start=5")
    assert Dailymotion().player_src(ref) == (
        "https://geo.dailymotion.com/player.html?video=x8abc12&startTime=5"
    )
    settings.LITFASS_DAILYMOTION_PLAYER_ID = "xab12"
    assert (
        Dailymotion()
        .player_src(ref)
        .startswith("https://geo.dailymotion.com/player/xab12.html?video=x8abc12")
    )
