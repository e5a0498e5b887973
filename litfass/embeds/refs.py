"""What an embed is (a reference, never HTML) and why a link can be refused."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

Option = str | int | float | bool


class EmbedKind(StrEnum):
    """The composer's seven embed dialogs."""

    VIDEO = "video"
    MAP = "map"
    SOCIAL = "social"
    CODE = "code"
    POST = "post"
    SNAPSHOT = "snapshot"
    EVENT = "event"


#: The name of each dialog, as the writer sees it on the button.
KIND_NAMES: Mapping[EmbedKind, Promise] = {
    EmbedKind.VIDEO: _("Video"),
    EmbedKind.MAP: _("Map"),
    EmbedKind.SOCIAL: _("Social media post"),
    EmbedKind.CODE: _("Code"),
    EmbedKind.POST: _("Post"),
    EmbedKind.SNAPSHOT: _("Snapshot"),
    EmbedKind.EVENT: _("Event"),
}

#: "This is a link to …": what a link of each kind leads to.
KIND_PHRASES: Mapping[EmbedKind, Promise] = {
    EmbedKind.VIDEO: _("a video"),
    EmbedKind.MAP: _("a map"),
    EmbedKind.SOCIAL: _("a social media post"),
    EmbedKind.CODE: _("embedded code"),
    EmbedKind.POST: _("a post on this site"),
    EmbedKind.SNAPSHOT: _("a snapshot on this site"),
    EmbedKind.EVENT: _("an event on this site"),
}


@dataclass(frozen=True)
class EmbedRef:
    """An embed as we store it: provider, kind, id and a few checked options.

    ``url`` is the canonical link built from the reference (no tracking parameters); it is what
    the composer stores and what the placeholder shows as the original link, and
    ``parse_embed_url(ref.url) == ref`` holds for every reference the parser returns. Player
    addresses are built from ``id`` and ``options``, never from a pasted link.
    """

    provider: str
    kind: EmbedKind
    id: str
    url: str
    options: Mapping[str, Option] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "provider": self.provider,
            "kind": str(self.kind),
            "id": self.id,
            "url": self.url,
            "options": dict(self.options),
        }


class Refusal(StrEnum):
    """Why a link is refused: a stable code for programs, a translated message for people."""

    EMPTY = "empty"
    TOO_LONG = "too_long"
    INVISIBLE = "invisible_characters"
    BACKSLASH = "backslash"
    NOT_WEB = "not_web"
    INSECURE = "insecure"
    USERINFO = "userinfo"
    PORT = "port"
    IP = "ip_address"
    TRAILING_DOT = "trailing_dot"
    INTERNATIONAL = "international_host"
    BAD_HOST = "bad_host"
    REDIRECT = "redirect"
    SHORT_LINK = "short_link"
    UNSUPPORTED = "unsupported"
    DUPLICATE = "duplicate_parameter"
    WRONG_DIALOG = "wrong_dialog"
    PLAYLIST = "playlist"
    LIVE = "live"
    CHANNEL = "channel"
    NOT_VIDEO = "not_video"
    PROFILE = "profile"
    HASHTAG = "hashtag"
    NOT_POST = "not_post"
    REMOTE_POST = "remote_post"
    NOT_MAP = "not_map"
    MAP_RANGE = "map_range"
    MAP_NO_POSITION = "map_no_position"
    DIRECTIONS = "directions"
    MAP_SEARCH = "map_search"
    NOT_CODE = "not_code"
    CODE_NOT_TRUSTED = "code_not_trusted"
    NOT_OWN_POST = "not_own_post"
    NOT_THIS_SITE = "not_this_site"


MESSAGES: Mapping[Refusal, Promise] = {
    Refusal.EMPTY: _("Please paste a link."),
    Refusal.TOO_LONG: _("This link is too long (more than %(limit)s characters)."),
    Refusal.INVISIBLE: _(
        "The link contains spaces or invisible characters; please paste it exactly as copied."
    ),
    Refusal.BACKSLASH: _("The link contains a backslash (\\); please paste it exactly as copied."),
    Refusal.NOT_WEB: _("This is not a web link; please paste a link beginning with https://."),
    Refusal.INSECURE: _(
        "Only secure links are accepted; please use the link beginning with https://."
    ),
    Refusal.USERINFO: _("Links with a user name or password are not accepted."),
    Refusal.PORT: _("Links with a port number are not accepted."),
    Refusal.IP: _("Links to an IP address are not accepted; please paste the provider's link."),
    Refusal.TRAILING_DOT: _(
        "The host name in this link ends with a dot; please paste the normal link."
    ),
    Refusal.INTERNATIONAL: _(
        "The host name in this link contains international characters, as look-alike sites "
        "do; please check the link."
    ),
    Refusal.BAD_HOST: _("The host name in this link is not valid."),
    Refusal.REDIRECT: _("This is a redirect link; please paste the link of the page itself."),
    Refusal.SHORT_LINK: _(
        "Please paste the full link; short links like %(host)s cannot be checked."
    ),
    Refusal.UNSUPPORTED: _("This provider is not supported; supported are %(names)s."),
    Refusal.DUPLICATE: _("The parameter “%(name)s” occurs more than once in this link."),
    Refusal.WRONG_DIALOG: _("This is a link to %(found)s — please use the “%(dialog)s” dialog."),
    Refusal.PLAYLIST: _("This is a playlist — paste the link of a single video."),
    Refusal.LIVE: _("This is a live stream — paste the link of a single recorded video."),
    Refusal.CHANNEL: _("This is a channel page — paste the link of a single video."),
    Refusal.NOT_VIDEO: _("This link does not lead to a single video — paste the video's link."),
    Refusal.PROFILE: _("This is a profile page — paste the link of a single post."),
    Refusal.HASHTAG: _("This is a hashtag page — paste the link of a single post."),
    Refusal.NOT_POST: _("This link does not lead to a single post — paste the post's link."),
    Refusal.REMOTE_POST: _(
        "This post comes from another server; open it there and paste that link."
    ),
    Refusal.NOT_MAP: _("This link does not show a place on a map."),
    Refusal.MAP_RANGE: _("The map position in this link is out of range."),
    Refusal.MAP_NO_POSITION: _(
        "This link does not say which part of the map to show; move the map a little and "
        "copy the link from the address bar."
    ),
    Refusal.DIRECTIONS: _("Route planners cannot be embedded — paste the link of a place."),
    Refusal.MAP_SEARCH: _("This is a search — paste the link of a single place."),
    Refusal.NOT_CODE: _("This link does not lead to an embedded code snippet."),
    Refusal.CODE_NOT_TRUSTED: _("Only trusted profiles may embed code."),
    Refusal.NOT_OWN_POST: _(
        "This is a page of this site but not a single post — paste the post's link."
    ),
    Refusal.NOT_THIS_SITE: _("Only posts of this site can be embedded here."),
}


class EmbedRefused(ValueError):
    """A link that cannot be embedded; ``reason`` says why in the active language."""

    def __init__(self, code: Refusal, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(code.value)

    @property
    def reason(self) -> str:
        # Translated when read, so one refusal can be shown in the writer's language.
        return str(MESSAGES[self.code]) % {k: str(v) for k, v in self.params.items()}

    def __str__(self) -> str:
        return self.reason
