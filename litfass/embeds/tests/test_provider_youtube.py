from __future__ import annotations

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.youtube import YouTube
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

V = "dQw4w9WgXcQ"

ACCEPTED = [
    (f"https://www.youtube.com/watch?v={V}", V, {}),
    (f"https://youtube.com/watch?v={V}", V, {}),
    (f"https://m.youtube.com/watch?v={V}", V, {}),
    (f"https://www.youtube.com/watch/?v={V}", V, {}),
    (f"https://youtu.be/{V}", V, {}),
    (f"https://youtu.be/{V}?si=trackingToken123", V, {}),
    (f"https://youtu.be/{V}?t=90", V, {"start": 90}),
    (f"https://www.youtube.com/watch?v={V}&t=1m30s", V, {"start": 90}),
    (f"https://www.youtube.com/watch?v={V}&t=90s", V, {"start": 90}),
    (f"https://www.youtube.com/watch?v={V}&t=1h2m3s", V, {"start": 3723}),
    (f"https://www.youtube.com/watch?v={V}&t=0", V, {}),
    (f"https://www.youtube.com/watch?v={V}&t=soon", V, {}),
    (f"https://www.youtube.com/watch?v={V}&feature=share&pp=ygUEdGVzdA%3D%3D", V, {}),
    (f"https://www.youtube.com/watch?v={V}&list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG", V, {}),
    (f"https://www.youtube.com/watch?v={V}&list=PLabc&index=3&t=10", V, {"start": 10}),
    (f"https://www.youtube.com/embed/{V}", V, {}),
    (f"https://www.youtube.com/embed/{V}?start=42", V, {"start": 42}),
    (f"https://www.youtube-nocookie.com/embed/{V}?start=42", V, {"start": 42}),
    (f"https://youtube-nocookie.com/embed/{V}", V, {}),
    (f"https://www.youtube.com/shorts/{V}", V, {"vertical": True}),
    (f"https://youtube.com/shorts/{V}?feature=share", V, {"vertical": True}),
    (f"https://www.youtube.com/v/{V}", V, {}),
    (f"HTTPS://WWW.YOUTUBE.COM/watch?v={V}", V, {}),
    (f"  https://www.youtube.com/watch?v={V}  ", V, {}),
]

REFUSED = [
    ("https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG", Refusal.PLAYLIST),
    ("https://www.youtube.com/watch?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG", Refusal.PLAYLIST),
    ("https://www.youtube.com/embed/videoseries?list=PLabc", Refusal.PLAYLIST),
    (f"https://www.youtube.com/live/{V}", Refusal.LIVE),
    ("https://www.youtube.com/@tagesschau/live", Refusal.LIVE),
    ("https://www.youtube.com/channel/UC5NOEUbkLheQcaaRldYW5GA/live", Refusal.LIVE),
    ("https://www.youtube.com/embed/live_stream?channel=UC5NOEUbkLheQcaaRldYW5GA", Refusal.LIVE),
    ("https://www.youtube.com/@tagesschau", Refusal.CHANNEL),
    ("https://www.youtube.com/@tagesschau/videos", Refusal.CHANNEL),
    ("https://www.youtube.com/channel/UC5NOEUbkLheQcaaRldYW5GA", Refusal.CHANNEL),
    ("https://www.youtube.com/c/tagesschau", Refusal.CHANNEL),
    ("https://www.youtube.com/user/tagesschau", Refusal.CHANNEL),
    ("https://www.youtube.com/", Refusal.NOT_VIDEO),
    ("https://www.youtube.com/results?search_query=kaiserslautern", Refusal.NOT_VIDEO),
    ("https://www.youtube.com/feed/trending", Refusal.NOT_VIDEO),
    ("https://www.youtube.com/watch?v=tooShort", Refusal.NOT_VIDEO),
    ("https://www.youtube.com/watch?v=dQw4w9WgXcQextra", Refusal.NOT_VIDEO),
    ("https://www.youtube.com/watch?v=dQw4w9WgXc%21", Refusal.NOT_VIDEO),
    (f"https://youtu.be/{V}/extra", Refusal.NOT_VIDEO),
    ("https://youtu.be/", Refusal.NOT_VIDEO),
    (f"https://www.youtube.com/watch?v={V}&v=aaaaaaaaaaa", Refusal.DUPLICATE),
    (f"https://www.youtube.com/watch?v={V}&t=10&t=20", Refusal.DUPLICATE),
    ("https://www.youtube.com/redirect?q=https%3A%2F%2Fevil.org", Refusal.REDIRECT),
    ("https://www.youtube.com/attribution_link?u=/watch%3Fv%3DdQw4w9WgXcQ", Refusal.REDIRECT),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_youtube_accepts_single_videos(url, ref_id, options):
    accepted(url, "youtube", EmbedKind.VIDEO, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_youtube_refuses_everything_but_a_single_video(url, code):
    refused(url, code)


def test_playlist_parameter_never_reaches_the_canonical_link_or_the_player():
    ref = parse_embed_url(f"https://www.youtube.com/watch?v={V}&list=PLabc&index=3")
    assert ref.url == f"https://www.youtube.com/watch?v={V}"
    assert "list" not in YouTube().player_src(ref)


def test_player_is_on_the_privacy_host_with_the_start_time():
    ref = parse_embed_url(f"https://youtu.be/{V}?t=1m30s")
    assert YouTube().player_src(ref) == f"https://www.youtube-nocookie.com/embed/{V}?rel=0&start=90"


def test_shorts_play_in_a_portrait_frame():
    ref = parse_embed_url(f"https://www.youtube.com/shorts/{V}")
    assert YouTube().frame_shape(ref) == "portrait"
    assert 'data-embed-shape="portrait"' in YouTube().render(ref)
