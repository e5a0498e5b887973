from __future__ import annotations

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.twitch import Twitch
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

ACCEPTED = [
    ("https://www.twitch.tv/videos/1234567890", "1234567890", {}),
    ("https://twitch.tv/videos/1234567890", "1234567890", {}),
    ("https://m.twitch.tv/videos/1234567890", "1234567890", {}),
    ("https://www.twitch.tv/videos/1234567890?t=1h2m3s", "1234567890", {"start": 3723}),
    ("https://www.twitch.tv/videos/1234567890?collection=abcDEF", "1234567890", {}),
    ("https://www.twitch.tv/somechannel/v/1234567890", "1234567890", {}),
    ("https://clips.twitch.tv/FunnyClipSlug-AbC123", "FunnyClipSlug-AbC123", {"clip": True}),
    ("https://clips.twitch.tv/embed?clip=FunnyClipSlug", "FunnyClipSlug", {"clip": True}),
    ("https://www.twitch.tv/somechannel/clip/FunnyClipSlug", "FunnyClipSlug", {"clip": True}),
]

REFUSED = [
    ("https://www.twitch.tv/somechannel", Refusal.LIVE),
    ("https://www.twitch.tv/somechannel/videos", Refusal.CHANNEL),
    ("https://www.twitch.tv/somechannel/clips", Refusal.CHANNEL),
    ("https://www.twitch.tv/collections/abcDEF", Refusal.PLAYLIST),
    ("https://www.twitch.tv/directory/category/just-chatting", Refusal.NOT_VIDEO),
    ("https://www.twitch.tv/videos/abc", Refusal.NOT_VIDEO),
    ("https://www.twitch.tv/", Refusal.NOT_VIDEO),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_twitch_accepts_recorded_videos_and_clips(url, ref_id, options):
    accepted(url, "twitch", EmbedKind.VIDEO, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_twitch_refuses_channels_which_are_live_streams(url, code):
    refused(url, code)


def test_player_names_our_hosts_as_parent():
    ref = parse_embed_url("https://www.twitch.tv/videos/1234567890?t=90s")
    src = Twitch().player_src(ref)
    assert src.startswith("https://player.twitch.tv/?video=v1234567890&")
    assert "parent=litfass.example" in src
    assert "parent=www.litfass.example" in src
    assert "parent=embed.example.org" not in src
    assert "time=1m30s" in src
