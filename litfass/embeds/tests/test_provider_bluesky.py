from __future__ import annotations

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.bluesky import Bluesky
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

B = "https://bsky.app/profile"
DID = "did:plc:ewvi7nxzyoun6zhxrhs64oiz"

ACCEPTED = [
    (
        f"{B}/stadt-kl.bsky.social/post/3kq2abcdefg2x",
        "stadt-kl.bsky.social/3kq2abcdefg2x",
        {"actor": "stadt-kl.bsky.social"},
    ),
    (
        f"{B}/Stadt-KL.bsky.social/post/3kq2abcdefg2x",
        "stadt-kl.bsky.social/3kq2abcdefg2x",
        {"actor": "stadt-kl.bsky.social"},
    ),
    (f"{B}/{DID}/post/3kq2abcdefg2x", f"{DID}/3kq2abcdefg2x", {"actor": DID}),
    (
        f"{B}/kaiserslautern.de/post/3kq2abcdefg2x?ref_src=embed",
        "kaiserslautern.de/3kq2abcdefg2x",
        {"actor": "kaiserslautern.de"},
    ),
]

REFUSED = [
    (f"{B}/stadt-kl.bsky.social", Refusal.PROFILE),
    (f"{B}/stadt-kl.bsky.social/likes", Refusal.PROFILE),
    (f"{B}/stadt-kl.bsky.social/feed/aaa/bbb", Refusal.NOT_POST),
    ("https://bsky.app/hashtag/kaiserslautern", Refusal.HASHTAG),
    ("https://bsky.app/search?q=kl", Refusal.NOT_POST),
    (f"{B}/not a handle/post/3kq2abcdefg2x", Refusal.INVISIBLE),
    (f"{B}/nohandle/post/3kq2abcdefg2x", Refusal.NOT_POST),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_bluesky_accepts_single_posts_by_handle_or_did(url, ref_id, options):
    accepted(url, "bluesky", EmbedKind.SOCIAL, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_bluesky_refuses_profiles_and_feeds(url, code):
    refused(url, code)


def test_player_is_the_bluesky_embed_page():
    ref = parse_embed_url(f"{B}/{DID}/post/3kq2abcdefg2x")
    assert Bluesky().player_src(ref) == (
        f"https://embed.bsky.app/embed/{DID}/app.bsky.feed.post/3kq2abcdefg2x"
    )
