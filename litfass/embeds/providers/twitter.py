"""X (Twitter): single posts at /<user>/status/<id> on x.com and twitter.com."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlencode

from django.utils.translation import get_language

from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import segments

from .base import Provider

STATUS_ID = re.compile(r"\d{1,20}")
USERNAME = re.compile(r"[A-Za-z0-9_]{1,15}")
SITE_PAGES = frozenset(
    {
        "home",
        "explore",
        "search",
        "notifications",
        "messages",
        "settings",
        "i",
        "login",
        "tos",
        "privacy",
        "compose",
        "intent",
        "share",
    }
)


class Twitter(Provider):
    slug = "twitter"
    name = "X (Twitter)"
    kind = EmbedKind.SOCIAL
    hosts = frozenset(
        {
            "x.com",
            "www.x.com",
            "mobile.x.com",
            "twitter.com",
            "www.twitter.com",
            "mobile.twitter.com",
        }
    )
    privacy_policy_url = "https://x.com/privacy"
    frame_origins = ("https://platform.twitter.com",)
    shape = "post"

    def parse(self, url: SplitResult) -> EmbedRef:
        parts = segments(url)
        # /<user>/status/<id>, optionally /photo/1 or /video/1 after it; /i/web/status/<id>.
        if parts[:3] == ["i", "web", "status"] and len(parts) == 4:
            return self._post("i", parts[3])
        if parts[:2] == ["i", "status"] and len(parts) == 3:
            return self._post("i", parts[2])
        if len(parts) >= 3 and parts[1] in {"status", "statuses"}:
            extra = parts[3:]
            if extra and not (len(extra) == 2 and extra[0] in {"photo", "video"}):
                raise self.refuse_not_single()
            if not USERNAME.fullmatch(parts[0]):
                raise self.refuse_not_single()
            return self._post(parts[0], parts[2])
        if parts[:1] == ["hashtag"]:
            raise EmbedRefused(Refusal.HASHTAG)
        if parts and parts[0] not in SITE_PAGES and USERNAME.fullmatch(parts[0]):
            raise EmbedRefused(Refusal.PROFILE)
        raise self.refuse_not_single()

    def _post(self, user: str, status: str) -> EmbedRef:
        if not STATUS_ID.fullmatch(status):
            raise self.refuse_not_single()
        url = (
            f"https://x.com/i/web/status/{status}"
            if user == "i"
            else f"https://x.com/{user}/status/{status}"
        )
        return self.make_ref(status, url, user=user)

    def player_src(self, ref: EmbedRef) -> str:
        # dnt: do not use the embed for personalisation.
        params = {"id": ref.id, "dnt": "true", "lang": get_language() or "de"}
        return f"https://platform.twitter.com/embed/Tweet.html?{urlencode(params)}"
