"""YouTube: single videos and shorts, played from youtube-nocookie.com."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlencode

from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import Query, clock, parse_seconds, segments

from .base import Provider

VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{11}")
CHANNEL_PREFIXES = frozenset({"channel", "c", "user"})
# Paths whose segment after the first names a single video.
VIDEO_PATHS = frozenset({"shorts", "embed", "v", "e"})


class YouTube(Provider):
    slug = "youtube"
    name = "YouTube"
    kind = EmbedKind.VIDEO
    hosts = frozenset(
        {
            "youtube.com",
            "www.youtube.com",
            "m.youtube.com",
            "youtu.be",
            "youtube-nocookie.com",
            "www.youtube-nocookie.com",
        }
    )
    privacy_policy_url = "https://policies.google.com/privacy"
    frame_origins = ("https://www.youtube-nocookie.com",)

    def parse(self, url: SplitResult) -> EmbedRef:
        query = Query(url.query)
        parts = segments(url)
        if url.netloc == "youtu.be":
            if len(parts) != 1:
                raise self.refuse_not_single()
            return self._video(parts[0], query.one("t"))
        if not parts:
            raise self.refuse_not_single()
        first = parts[0]
        if first in {"redirect", "attribution_link"}:
            raise EmbedRefused(Refusal.REDIRECT)
        if first == "playlist" or parts[:2] == ["embed", "videoseries"]:
            raise EmbedRefused(Refusal.PLAYLIST)
        if first == "live" or parts[-1] == "live" or parts[:2] == ["embed", "live_stream"]:
            raise EmbedRefused(Refusal.LIVE)
        if first.startswith("@") or first in CHANNEL_PREFIXES:
            raise EmbedRefused(Refusal.CHANNEL)
        if first == "watch" and len(parts) == 1:
            video = query.one("v")
            if video is None:
                # watch?list=… without v= is the playlist's own page.
                raise EmbedRefused(Refusal.PLAYLIST if query.has("list") else Refusal.NOT_VIDEO)
            # watch?v=X&list=Y is a video inside a playlist: we embed the video, never the list.
            return self._video(video, query.one("t"))
        if first in VIDEO_PATHS and len(parts) == 2:
            start = query.one("start") if first == "embed" else query.one("t")
            return self._video(parts[1], start, vertical=first == "shorts")
        raise self.refuse_not_single()

    def _video(self, video: str, start: str | None, *, vertical: bool = False) -> EmbedRef:
        if not VIDEO_ID.fullmatch(video):
            raise self.refuse_not_single()
        if vertical:
            # Shorts play from the start; their links carry no time.
            return self.make_ref(video, f"https://www.youtube.com/shorts/{video}", vertical=True)
        seconds = parse_seconds(start)
        url = f"https://www.youtube.com/watch?v={video}"
        if seconds:
            url += f"&t={clock(seconds)}"
        return self.make_ref(video, url, start=seconds)

    def player_src(self, ref: EmbedRef) -> str:
        params: dict[str, str | int] = {"rel": 0}
        if ref.options.get("start"):
            params["start"] = int(ref.options["start"])
        return f"https://www.youtube-nocookie.com/embed/{ref.id}?{urlencode(params)}"

    def frame_shape(self, ref: EmbedRef) -> str:
        return "portrait" if ref.options.get("vertical") else "wide"
