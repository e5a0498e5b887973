"""Vimeo: single videos, also unlisted ones with their privacy hash; played with dnt=1."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlencode

from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import Query, clock, parse_seconds, segments

from .base import Provider

VIDEO_ID = re.compile(r"\d{1,12}")
PRIVACY_HASH = re.compile(r"[0-9a-f]{6,20}")
NAME = re.compile(r"[A-Za-z0-9_-]{1,100}")


def _start(fragment: str) -> int | None:
    # Vimeo writes the start time in the fragment: #t=90s or #t=1m30s.
    if fragment.startswith("t="):
        return parse_seconds(fragment[2:])
    return None


class Vimeo(Provider):
    slug = "vimeo"
    name = "Vimeo"
    kind = EmbedKind.VIDEO
    hosts = frozenset({"vimeo.com", "www.vimeo.com", "player.vimeo.com"})
    privacy_policy_url = "https://vimeo.com/privacy"
    frame_origins = ("https://player.vimeo.com",)

    def parse(self, url: SplitResult) -> EmbedRef:
        query = Query(url.query)
        parts = segments(url)
        start = _start(url.fragment)
        if url.netloc == "player.vimeo.com":
            if len(parts) == 2 and parts[0] == "video":
                return self._video(parts[1], query.one("h"), start)
            raise self.refuse_not_single()
        if not parts:
            raise self.refuse_not_single()
        first = parts[0]
        if VIDEO_ID.fullmatch(first):
            if len(parts) == 1:
                return self._video(first, query.one("h"), start)
            if len(parts) == 2:
                return self._video(first, parts[1], start)
            raise self.refuse_not_single()
        if first in {"showcase", "album"}:
            # A video opened inside a showcase is still one video.
            if len(parts) == 4 and parts[2] == "video":
                return self._video(parts[3], None, start)
            raise EmbedRefused(Refusal.PLAYLIST)
        if first in {"event", "live", "live-events"}:
            raise EmbedRefused(Refusal.LIVE)
        if first == "channels":
            if len(parts) == 3 and NAME.fullmatch(parts[1]):
                return self._video(parts[2], None, start)
            raise EmbedRefused(Refusal.CHANNEL)
        if first == "groups":
            if len(parts) == 4 and parts[2] == "videos" and NAME.fullmatch(parts[1]):
                return self._video(parts[3], None, start)
            raise EmbedRefused(Refusal.CHANNEL)
        if len(parts) == 1 and NAME.fullmatch(first):
            # vimeo.com/<name> is a member's page.
            raise EmbedRefused(Refusal.CHANNEL)
        raise self.refuse_not_single()

    def _video(self, video: str, privacy_hash: str | None, start: int | None) -> EmbedRef:
        if not VIDEO_ID.fullmatch(video):
            raise self.refuse_not_single()
        if privacy_hash is not None and not PRIVACY_HASH.fullmatch(privacy_hash):
            raise self.refuse_not_single()
        url = f"https://vimeo.com/{video}" + (f"/{privacy_hash}" if privacy_hash else "")
        if start:
            url += f"#t={clock(start)}"
        return self.make_ref(video, url, hash=privacy_hash, start=start)

    def player_src(self, ref: EmbedRef) -> str:
        # dnt=1: Vimeo's player sets no tracking cookies and sends no analytics.
        params = {"dnt": "1"}
        if ref.options.get("hash"):
            params["h"] = str(ref.options["hash"])
        src = f"https://player.vimeo.com/video/{ref.id}?{urlencode(params)}"
        if ref.options.get("start"):
            src += f"#t={int(ref.options['start'])}s"
        return src
