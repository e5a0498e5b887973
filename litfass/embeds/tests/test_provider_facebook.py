from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.facebook import Facebook
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

FB = "https://www.facebook.com"
PFBID = "pfbid02abcDEF123ghiJKL456mnoPQR789"

ACCEPTED = [
    (f"{FB}/StadtKL/posts/123456789012345", "123456789012345", {"type": "post", "page": "StadtKL"}),
    (f"{FB}/StadtKL/posts/{PFBID}", PFBID, {"type": "post", "page": "StadtKL"}),
    (f"https://m.facebook.com/StadtKL/posts/{PFBID}", PFBID, {"type": "post", "page": "StadtKL"}),
    (f"{FB}/StadtKL/videos/987654321", "987654321", {"type": "video"}),
    (f"{FB}/StadtKL/videos/stadtfest-2024/987654321/", "987654321", {"type": "video"}),
    (f"{FB}/watch/?v=987654321", "987654321", {"type": "video"}),
    (f"{FB}/watch?v=987654321", "987654321", {"type": "video"}),
    (f"{FB}/reel/1122334455", "1122334455", {"type": "reel"}),
    (
        f"{FB}/permalink.php?story_fbid=123456&id=100064",
        "123456",
        {"type": "story", "owner": "100064"},
    ),
    (
        f"https://facebook.com/story.php?story_fbid={PFBID}&id=100064",
        PFBID,
        {"type": "story", "owner": "100064"},
    ),
    (f"{FB}/photo.php?fbid=555666777", "555666777", {"type": "photo"}),
    (f"{FB}/photo/?fbid=555666777&set=a.1234", "555666777", {"type": "photo"}),
    (f"{FB}/StadtKL/photos/a.1234/555666777/", "555666777", {"type": "photo"}),
]

REFUSED = [
    (f"{FB}/StadtKL", Refusal.PROFILE),
    (f"{FB}/StadtKL/about", Refusal.PROFILE),
    (f"{FB}/profile.php?id=100064", Refusal.PROFILE),
    (f"{FB}/hashtag/kaiserslautern", Refusal.HASHTAG),
    (f"{FB}/groups/kl.flohmarkt/posts/123", Refusal.NOT_POST),
    (f"{FB}/events/123456", Refusal.NOT_POST),
    (f"{FB}/watch/", Refusal.NOT_POST),
    (f"{FB}/watch/live/?v=123", Refusal.LIVE),
    (f"{FB}/permalink.php?story_fbid=123456", Refusal.NOT_POST),
    (f"{FB}/permalink.php?story_fbid=1&story_fbid=2&id=3", Refusal.DUPLICATE),
    (f"{FB}/share/p/1AbCdEfGh/", Refusal.SHORT_LINK),
    (f"{FB}/share/v/1AbCdEfGh/", Refusal.SHORT_LINK),
    ("https://fb.watch/abcDEF123/", Refusal.SHORT_LINK),
    ("https://l.facebook.com/l.php?u=https%3A%2F%2Fevil.org", Refusal.REDIRECT),
    ("https://lm.facebook.com/l.php?u=https%3A%2F%2Fevil.org", Refusal.REDIRECT),
    (f"{FB}/l.php?u=https%3A%2F%2Fevil.org", Refusal.REDIRECT),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_facebook_accepts_single_posts_videos_and_photos(url, ref_id, options):
    accepted(url, "facebook", EmbedKind.SOCIAL, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_facebook_refuses_pages_groups_and_short_links(url, code):
    refused(url, code)


def test_plugin_gets_our_canonical_link_not_the_pasted_one():
    ref = parse_embed_url(f"{FB}/StadtKL/videos/stadtfest-2024/987654321/?ref=tracking")
    src = Facebook().player_src(ref)
    assert src.startswith(f"{FB}/plugins/video.php?")
    assert parse_qs(urlsplit(src).query)["href"] == [f"{FB}/watch/?v=987654321"]
