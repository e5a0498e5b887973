"""Dailymotion: single videos (dailymotion.com/video/<id> and dai.ly/<id>)."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlencode

from litfass.embeds.conf import dailymotion_player_id
from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import Query, parse_seconds, segments

from .base import Provider

# Old page links append the title: /video/x8abc12_rathaus-neu.
VIDEO_ID = re.compile(r"(x[0-9a-z]{4,12})(?:_[A-Za-z0-9_-]*)?")


class Dailymotion(Provider):
    slug = "dailymotion"
    name = "Dailymotion"
    kind = EmbedKind.VIDEO
    hosts = frozenset({"dailymotion.com", "www.dailymotion.com", "dai.ly"})
    privacy_policy_url = "https://legal.dailymotion.com/en/privacy-policy/"
    frame_origins = ("https://geo.dailymotion.com",)

    def parse(self, url: SplitResult) -> EmbedRef:
        query = Query(url.query)
        parts = segments(url)
        if url.netloc == "dai.ly":
            if len(parts) == 1:
                return self._video(parts[0], query.one("start"))
            raise self.refuse_not_single()
        if len(parts) == 2 and parts[0] == "video":
            return self._video(parts[1], query.one("start"))
        if len(parts) == 3 and parts[:2] == ["embed", "video"]:
            return self._video(parts[2], query.one("start"))
        if parts and parts[0] == "playlist":
            raise EmbedRefused(Refusal.PLAYLIST)
        if len(parts) == 1 and parts[0] not in {"video", "search", "tag"}:
            raise EmbedRefused(Refusal.CHANNEL)
        raise self.refuse_not_single()

    def _video(self, raw: str, start: str | None) -> EmbedRef:
        match = VIDEO_ID.fullmatch(raw)
        if not match:
            raise self.refuse_not_single()
        video = match.group(1)
        seconds = parse_seconds(start)
        url = f"https://www.dailymotion.com/video/{video}"
        if seconds:
            url += f"?start={seconds}"
        return self.make_ref(video, url, start=seconds)

    def player_src(self, ref: EmbedRef) -> str:
        # Dailymotion wants the site's own player id in embeds (setting); without one the
        # generic player is used, which Dailymotion may throttle.
        player = dailymotion_player_id()
        base = "https://geo.dailymotion.com/player" + (f"/{player}.html" if player else ".html")
        params: dict[str, str | int] = {"video": ref.id}
        if ref.options.get("start"):
            params["startTime"] = int(ref.options["start"])
        return f"{base}?{urlencode(params)}"
