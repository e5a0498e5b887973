"""Twitch: recorded videos (VODs) and clips; never a channel, which is its live stream.

A clip is a short recorded excerpt with a fixed address, so it is "a single video" in the sense
of the video dialog; a channel page plays whatever is live and is refused.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlencode

from litfass.embeds.conf import own_hosts
from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import Query, clock, parse_seconds, segments

from .base import Provider

VIDEO_ID = re.compile(r"\d{1,12}")
CLIP_SLUG = re.compile(r"[A-Za-z0-9_-]{3,100}")
CHANNEL = re.compile(r"[A-Za-z0-9_]{2,25}")
# First path segments of Twitch's own pages, which are not channels.
SITE_PAGES = frozenset(
    {
        "directory",
        "search",
        "settings",
        "p",
        "downloads",
        "jobs",
        "turbo",
        "subscriptions",
        "inventory",
        "wallet",
        "drops",
        "prime",
        "store",
        "friends",
        "messages",
        "embed",
    }
)


class Twitch(Provider):
    slug = "twitch"
    name = "Twitch"
    kind = EmbedKind.VIDEO
    hosts = frozenset({"twitch.tv", "www.twitch.tv", "m.twitch.tv", "clips.twitch.tv"})
    privacy_policy_url = "https://www.twitch.tv/p/legal/privacy-notice/"
    frame_origins = ("https://player.twitch.tv", "https://clips.twitch.tv")

    def parse(self, url: SplitResult) -> EmbedRef:
        query = Query(url.query)
        parts = segments(url)
        if url.netloc == "clips.twitch.tv":
            if parts == ["embed"]:
                return self._clip(query.one("clip") or "")
            if len(parts) == 1:
                return self._clip(parts[0])
            raise self.refuse_not_single()
        if not parts:
            raise self.refuse_not_single()
        first = parts[0]
        if first == "videos" and len(parts) == 2:
            # ?collection=… opens the video inside a collection; we embed the video alone.
            return self._video(parts[1], query.one("t"))
        if first in {"videos", "collections"}:
            raise EmbedRefused(Refusal.PLAYLIST if first == "collections" else Refusal.NOT_VIDEO)
        if first in SITE_PAGES or not CHANNEL.fullmatch(first):
            raise self.refuse_not_single()
        if len(parts) == 3 and parts[1] == "clip":
            return self._clip(parts[2])
        if len(parts) == 3 and parts[1] == "v":
            return self._video(parts[2], query.one("t"))
        if len(parts) == 1:
            raise EmbedRefused(Refusal.LIVE)
        raise EmbedRefused(Refusal.CHANNEL)

    def _video(self, video: str, start: str | None) -> EmbedRef:
        if not VIDEO_ID.fullmatch(video):
            raise self.refuse_not_single()
        seconds = parse_seconds(start)
        url = f"https://www.twitch.tv/videos/{video}"
        if seconds:
            url += f"?t={clock(seconds)}"
        return self.make_ref(video, url, start=seconds)

    def _clip(self, slug: str) -> EmbedRef:
        if not CLIP_SLUG.fullmatch(slug):
            raise self.refuse_not_single()
        return self.make_ref(slug, f"https://clips.twitch.tv/{slug}", clip=True)

    def player_src(self, ref: EmbedRef) -> str:
        # Twitch plays only inside pages whose host is named as "parent".
        params: list[tuple[str, str]] = [("parent", host) for host in own_hosts() or ("localhost",)]
        params.append(("autoplay", "false"))
        if ref.options.get("clip"):
            return f"https://clips.twitch.tv/embed?{urlencode([('clip', ref.id), *params])}"
        if ref.options.get("start"):
            params.append(("time", clock(int(ref.options["start"]))))
        return f"https://player.twitch.tv/?{urlencode([('video', 'v' + ref.id), *params])}"
