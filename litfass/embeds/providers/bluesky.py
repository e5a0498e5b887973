"""Bluesky: single posts at bsky.app/profile/<handle or DID>/post/<record key>."""

from __future__ import annotations

import re
from urllib.parse import SplitResult

from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import segments

from .base import Provider

HANDLE = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]")
DID = re.compile(r"did:plc:[a-z2-7]{24}|did:web:[a-z0-9.-]{1,253}")
RECORD_KEY = re.compile(r"[A-Za-z0-9._~-]{1,100}")


class Bluesky(Provider):
    slug = "bluesky"
    name = "Bluesky"
    kind = EmbedKind.SOCIAL
    hosts = frozenset({"bsky.app"})
    privacy_policy_url = "https://bsky.social/about/support/privacy-policy"
    frame_origins = ("https://embed.bsky.app",)
    shape = "post"

    def parse(self, url: SplitResult) -> EmbedRef:
        parts = segments(url)
        if parts[:1] == ["hashtag"]:
            raise EmbedRefused(Refusal.HASHTAG)
        if parts[:1] != ["profile"] or len(parts) < 2:
            raise self.refuse_not_single()
        actor = parts[1].lower()
        if not (HANDLE.fullmatch(actor) or DID.fullmatch(actor)):
            raise self.refuse_not_single()
        if len(parts) == 4 and parts[2] == "post" and RECORD_KEY.fullmatch(parts[3]):
            rkey = parts[3]
            # The embed page resolves handles itself, so nothing is looked up here.
            return self.make_ref(
                f"{actor}/{rkey}", f"https://bsky.app/profile/{actor}/post/{rkey}", actor=actor
            )
        if len(parts) <= 3:
            raise EmbedRefused(Refusal.PROFILE)
        raise self.refuse_not_single()

    def player_src(self, ref: EmbedRef) -> str:
        actor, rkey = ref.id.split("/", 1)
        return f"https://embed.bsky.app/embed/{actor}/app.bsky.feed.post/{rkey}"
