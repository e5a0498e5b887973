"""Facebook: single public posts, videos, reels and photos; never pages, groups or events."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlencode

from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import Query, segments

from .base import Provider

NUMERIC_ID = re.compile(r"\d{1,25}")
# Posts have numeric ids or, since 2022, opaque "pfbid…" ones.
POST_ID = re.compile(r"\d{1,25}|pfbid[0-9A-Za-z]{10,80}")
PAGE = re.compile(r"[A-Za-z0-9.-]{1,100}")
SITE_PAGES = frozenset(
    {
        "groups",
        "events",
        "marketplace",
        "gaming",
        "help",
        "login",
        "settings",
        "pages",
        "people",
        "search",
        "stories",
        "notifications",
        "messages",
        "bookmarks",
        "friends",
        "privacy",
        "policies",
        "plugins",
        "dialog",
        "sharer",
        "sharer.php",
    }
)
VIDEO_TYPES = frozenset({"video", "reel"})


class Facebook(Provider):
    slug = "facebook"
    name = "Facebook"
    kind = EmbedKind.SOCIAL
    hosts = frozenset({"facebook.com", "www.facebook.com", "m.facebook.com", "web.facebook.com"})
    privacy_policy_url = "https://www.facebook.com/privacy/policy/"
    frame_origins = ("https://www.facebook.com",)
    shape = "post"

    def parse(self, url: SplitResult) -> EmbedRef:
        query = Query(url.query)
        parts = segments(url)
        first = parts[0] if parts else ""
        if first == "share":
            # /share/p/…, /share/v/…, /share/r/… are short links resolved only by Facebook.
            raise EmbedRefused(Refusal.SHORT_LINK, host="facebook.com/share")
        if first in {"l.php", "flx"}:
            raise EmbedRefused(Refusal.REDIRECT)
        if first == "hashtag":
            raise EmbedRefused(Refusal.HASHTAG)
        if parts in (["permalink.php"], ["story.php"]):
            return self._story(query.one("story_fbid"), query.one("id"))
        if parts in (["photo.php"], ["photo"]):
            return self._item("photo", query.one("fbid"))
        if first == "watch":
            if parts[1:] == ["live"]:
                raise EmbedRefused(Refusal.LIVE)
            if len(parts) == 1 and query.one("v") is not None:
                return self._item("video", query.one("v"))
            raise self.refuse_not_single()
        if first == "reel" and len(parts) == 2:
            return self._item("reel", parts[1])
        if first == "profile.php":
            raise EmbedRefused(Refusal.PROFILE)
        if not parts or first in SITE_PAGES or not PAGE.fullmatch(first):
            raise self.refuse_not_single()
        page, rest = first, parts[1:]
        if len(rest) == 2 and rest[0] == "posts":
            if not POST_ID.fullmatch(rest[1]):
                raise self.refuse_not_single()
            return self.make_ref(
                rest[1], f"https://www.facebook.com/{page}/posts/{rest[1]}", type="post", page=page
            )
        if rest[:1] == ["videos"] and len(rest) in {2, 3}:
            # /<page>/videos/<id>/ and the older /<page>/videos/<title>/<id>/.
            return self._item("video", rest[-1])
        if rest[:1] == ["photos"] and len(rest) == 3:
            return self._item("photo", rest[2])
        if len(rest) <= 1:
            raise EmbedRefused(Refusal.PROFILE)
        raise self.refuse_not_single()

    def _item(self, item_type: str, item_id: str | None) -> EmbedRef:
        if item_id is None or not NUMERIC_ID.fullmatch(item_id):
            raise self.refuse_not_single()
        urls = {
            "photo": f"https://www.facebook.com/photo/?fbid={item_id}",
            "video": f"https://www.facebook.com/watch/?v={item_id}",
            "reel": f"https://www.facebook.com/reel/{item_id}",
        }
        return self.make_ref(item_id, urls[item_type], type=item_type)

    def _story(self, story: str | None, owner: str | None) -> EmbedRef:
        if story is None or owner is None or not POST_ID.fullmatch(story):
            raise self.refuse_not_single()
        if not NUMERIC_ID.fullmatch(owner):
            raise self.refuse_not_single()
        query = urlencode({"story_fbid": story, "id": owner})
        url = f"https://www.facebook.com/permalink.php?{query}"
        return self.make_ref(story, url, type="story", owner=owner)

    def player_src(self, ref: EmbedRef) -> str:
        # Facebook's plugins take the post's address; we pass the canonical one we built.
        plugin = "video" if ref.options.get("type") in VIDEO_TYPES else "post"
        params = {"href": ref.url, "show_text": "true", "width": "500"}
        return f"https://www.facebook.com/plugins/{plugin}.php?{urlencode(params)}"
