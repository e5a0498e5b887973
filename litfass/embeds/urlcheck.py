"""The checks every pasted link passes before any provider looks at it, and small URL helpers.

Nothing here fetches anything: a link is judged by its text alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from urllib.parse import SplitResult, parse_qsl, urlsplit

from litfass.embeds.conf import HOST_RE, is_ip_literal
from litfass.embeds.refs import EmbedRefused, Refusal

MAX_URL_LENGTH = 2048

# Hosts that only forward to another address; the target is in the link, but we want the
# writer to paste the target itself, so that what they see is what we check.
REDIRECT_HOSTS = frozenset(
    {
        "l.facebook.com",
        "lm.facebook.com",
        "l.instagram.com",
        "l.messenger.com",
        "out.reddit.com",
        "href.li",
        "t.umblr.com",
        "away.vk.com",
    }
)

# Short links whose target cannot be read from the link itself; resolving them would need a
# request to the shortener, and we never fetch anything on the server.
SHORT_LINK_HOSTS = frozenset(
    {
        "t.co",
        "vm.tiktok.com",
        "vt.tiktok.com",
        "fb.watch",
        "fb.me",
        "maps.app.goo.gl",
        "goo.gl",
        "g.co",
        "bit.ly",
        "tinyurl.com",
        "ow.ly",
        "buff.ly",
        "dlvr.it",
        "trib.al",
        "is.gd",
        "rebrand.ly",
        "shorturl.at",
        "youtube.app.goo.gl",
    }
)


def _invisible(char: str) -> bool:
    # Cc: control characters (Python's urlsplit silently drops tabs and newlines, which would
    # let "you\ntube.com" through as youtube.com); Cf: zero-width and bidi overrides, which
    # make a link read differently from what it is.
    return char.isspace() or unicodedata.category(char) in {"Cc", "Cf"}


def check_url(raw: str, *, trusted_origins: Collection[str] = ()) -> SplitResult:
    """Split a pasted link after the generic checks; raise EmbedRefused with the reason.

    ``trusted_origins`` (our own site and code origin, e.g. ``http://localhost:8000`` in
    development) are exempt from the https-only and no-port rules, and only they.
    The returned netloc is lower-case.
    """
    url = raw.strip() if isinstance(raw, str) else ""
    if not url:
        raise EmbedRefused(Refusal.EMPTY)
    if len(url) > MAX_URL_LENGTH:
        raise EmbedRefused(Refusal.TOO_LONG, limit=MAX_URL_LENGTH)
    if any(_invisible(char) for char in url):
        raise EmbedRefused(Refusal.INVISIBLE)
    # Browsers read a backslash as a slash, Python does not: "https://evil.org\@youtube.com".
    if "\\" in url:
        raise EmbedRefused(Refusal.BACKSLASH)
    try:
        parts = urlsplit(url)
    except ValueError:
        raise EmbedRefused(Refusal.BAD_HOST) from None
    netloc = parts.netloc.lower()
    trusted = f"{parts.scheme}://{netloc}" in trusted_origins
    if parts.scheme == "http" and not trusted:
        raise EmbedRefused(Refusal.INSECURE)
    if parts.scheme not in {"https", "http"} or not url.lower().startswith(parts.scheme + "://"):
        raise EmbedRefused(Refusal.NOT_WEB)
    if "@" in netloc:
        raise EmbedRefused(Refusal.USERINFO)
    if netloc.startswith("["):
        raise EmbedRefused(Refusal.IP)
    host = netloc
    if ":" in netloc:
        if not trusted:
            raise EmbedRefused(Refusal.PORT)
        host = netloc.rsplit(":", 1)[0]
    if host.endswith("."):
        raise EmbedRefused(Refusal.TRAILING_DOT)
    if not host.isascii() or any(label.startswith("xn--") for label in host.split(".")):
        raise EmbedRefused(Refusal.INTERNATIONAL)
    if not HOST_RE.fullmatch(host):
        raise EmbedRefused(Refusal.BAD_HOST)
    if is_ip_literal(host):
        raise EmbedRefused(Refusal.IP)
    if host in REDIRECT_HOSTS:
        raise EmbedRefused(Refusal.REDIRECT)
    if host in SHORT_LINK_HOSTS:
        raise EmbedRefused(Refusal.SHORT_LINK, host=host)
    return parts._replace(netloc=netloc)


class Query:
    """The query string of a link; a parameter we read must occur at most once."""

    def __init__(self, query: str) -> None:
        self._pairs = parse_qsl(query, keep_blank_values=True)

    def one(self, name: str) -> str | None:
        """The value of ``name``, None if absent; EmbedRefused if it occurs twice.

        Two ``v=`` in one link could mean one thing to us and another to the provider.
        """
        values = [value for key, value in self._pairs if key == name]
        if len(values) > 1:
            raise EmbedRefused(Refusal.DUPLICATE, name=name)
        return values[0] if values else None

    def has(self, name: str) -> bool:
        return any(key == name for key, _value in self._pairs)


def segments(parts: SplitResult) -> list[str]:
    """The non-empty path segments: ``/watch/`` and ``/watch`` are the same page."""
    return [segment for segment in parts.path.split("/") if segment]


_CLOCK = re.compile(r"(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s?)?")
MAX_START_SECONDS = 7 * 24 * 3600


def parse_seconds(value: str | None) -> int | None:
    """Seconds from ``90``, ``90s``, ``1m30s`` or ``1h2m3s``; None if absent, zero or invalid.

    A malformed start time does not refuse the link: the video is still the right one.
    """
    if not value:
        return None
    match = _CLOCK.fullmatch(value.strip().lower())
    if not match or not any(match.groups()):
        return None
    hours, minutes, seconds = (int(group or 0) for group in match.groups())
    total = hours * 3600 + minutes * 60 + seconds
    return total if 0 < total <= MAX_START_SECONDS else None


def clock(seconds: int) -> str:
    """``1h2m3s`` style, as YouTube, Vimeo and Twitch write start times."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = (f"{hours}h" if hours else "") + (f"{minutes}m" if minutes else "")
    return text + (f"{secs}s" if secs or not text else "")
