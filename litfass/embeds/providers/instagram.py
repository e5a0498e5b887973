"""Instagram: single posts, reels and IGTV videos; never profiles, stories or tag pages."""

from __future__ import annotations

import re
from urllib.parse import SplitResult

from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import segments

from .base import Provider

SHORTCODE = re.compile(r"[A-Za-z0-9_-]{5,40}")
USERNAME = re.compile(r"[A-Za-z0-9._]{1,30}")
# "reels" is what the app's share sheet writes for a single reel.
POST_TYPES = {"p": "p", "reel": "reel", "reels": "reel", "tv": "tv"}
SITE_PAGES = frozenset({"explore", "accounts", "direct", "about", "legal", "developer"})


class Instagram(Provider):
    slug = "instagram"
    name = "Instagram"
    kind = EmbedKind.SOCIAL
    hosts = frozenset({"instagram.com", "www.instagram.com"})
    privacy_policy_url = "https://privacycenter.instagram.com/policy"
    frame_origins = ("https://www.instagram.com",)
    shape = "post"

    def parse(self, url: SplitResult) -> EmbedRef:
        parts = segments(url)
        if parts and parts[-1] == "embed":
            parts = parts[:-1]
        if len(parts) == 3 and parts[1] in POST_TYPES and USERNAME.fullmatch(parts[0]):
            # Newer links name the account first: /<user>/p/<code>/.
            parts = parts[1:]
        if len(parts) == 2 and parts[0] in POST_TYPES:
            if not SHORTCODE.fullmatch(parts[1]):
                raise self.refuse_not_single()
            post_type = POST_TYPES[parts[0]]
            return self.make_ref(
                parts[1], f"https://www.instagram.com/{post_type}/{parts[1]}/", type=post_type
            )
        if parts[:1] == ["share"]:
            raise EmbedRefused(Refusal.SHORT_LINK, host="instagram.com/share")
        if parts[:2] == ["explore", "tags"]:
            raise EmbedRefused(Refusal.HASHTAG)
        if (
            1 <= len(parts) <= 2
            and parts[0] not in SITE_PAGES | {"stories", *POST_TYPES}
            and USERNAME.fullmatch(parts[0])
        ):
            raise EmbedRefused(Refusal.PROFILE)
        raise self.refuse_not_single()

    def player_src(self, ref: EmbedRef) -> str:
        return f"https://www.instagram.com/{ref.options['type']}/{ref.id}/embed/captioned/"
