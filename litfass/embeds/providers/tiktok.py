"""TikTok: single videos and photo posts at /@<user>/video|photo/<id>."""

from __future__ import annotations

import re
from urllib.parse import SplitResult

from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import segments

from .base import Provider

ITEM_ID = re.compile(r"\d{8,25}")
USERNAME = re.compile(r"@[A-Za-z0-9._]{1,30}")


class TikTok(Provider):
    slug = "tiktok"
    name = "TikTok"
    kind = EmbedKind.SOCIAL
    hosts = frozenset({"tiktok.com", "www.tiktok.com", "m.tiktok.com"})
    privacy_policy_url = "https://www.tiktok.com/legal/page/eea/privacy-policy/en"
    frame_origins = ("https://www.tiktok.com",)
    shape = "portrait"

    def parse(self, url: SplitResult) -> EmbedRef:
        parts = segments(url)
        if parts[:1] == ["t"]:
            raise EmbedRefused(Refusal.SHORT_LINK, host="tiktok.com/t")
        if parts[:1] == ["tag"]:
            raise EmbedRefused(Refusal.HASHTAG)
        if parts and USERNAME.fullmatch(parts[0]):
            if len(parts) == 3 and parts[1] in {"video", "photo"}:
                return self._item(parts[0], parts[1], parts[2])
            if parts[1:2] == ["live"]:
                raise EmbedRefused(Refusal.LIVE)
            if len(parts) == 1:
                raise EmbedRefused(Refusal.PROFILE)
        raise self.refuse_not_single()

    def _item(self, user: str, item_type: str, item_id: str) -> EmbedRef:
        if not ITEM_ID.fullmatch(item_id):
            raise self.refuse_not_single()
        url = f"https://www.tiktok.com/{user}/{item_type}/{item_id}"
        return self.make_ref(item_id, url, user=user, type=item_type)

    def player_src(self, ref: EmbedRef) -> str:
        return f"https://www.tiktok.com/embed/v2/{ref.id}"
