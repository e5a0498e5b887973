"""Limits against comment floods, counted in Django's cache (locmem or Redis).

Fixed windows: a counter per account (and per IP address, hashed) and window, created with
``cache.add`` and increased with ``cache.incr`` (atomic in Redis). A minimum interval between two
comments of one account, and no identical comment by the same account within an hour (asked of
the database, which is the truth for that).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litfass.accounts.models import User
from litfass.social.models import Comment


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def account_rate() -> Rate:
    """Comments per account and window (``LITFASS_COMMENT_RATE_ACCOUNT``, (count, seconds))."""
    count, seconds = getattr(settings, "LITFASS_COMMENT_RATE_ACCOUNT", (5, 60))
    return Rate(int(count), int(seconds))


def ip_rate() -> Rate:
    """Comments per IP address and window (``LITFASS_COMMENT_RATE_IP``, (count, seconds))."""
    count, seconds = getattr(settings, "LITFASS_COMMENT_RATE_IP", (20, 600))
    return Rate(int(count), int(seconds))


def min_interval() -> int:
    """Seconds between two comments of one account (``LITFASS_COMMENT_MIN_INTERVAL``)."""
    return int(getattr(settings, "LITFASS_COMMENT_MIN_INTERVAL", 10))


DUPLICATE_WINDOW = dt.timedelta(hours=1)


def _window_key(kind: str, who: str, rate: Rate, now: dt.datetime, back: int = 0) -> str:
    window = int(now.timestamp()) // rate.seconds - back
    return f"litfass:social:rate:{kind}:{who}:{rate.seconds}:{window}"


def _recent(kind: str, who: str, rate: Rate, now: dt.datetime) -> int:
    # The current and the previous window together, so that a burst is caught even when it
    # straddles a window boundary.
    keys = [_window_key(kind, who, rate, now, back) for back in (0, 1)]
    return sum(int(v) for v in cache.get_many(keys).values())


def _ip_key(ip: str) -> str:
    # The address itself never goes into the cache.
    return hashlib.blake2b(
        ip.encode(), digest_size=12, key=settings.SECRET_KEY[:64].encode()
    ).hexdigest()


def _last_key(user: User) -> str:
    return f"litfass:social:last-comment:{user.pk}"


def check_comment_limits(*, user: User, ip: str | None, body: str, now: dt.datetime) -> None:
    """Raise ValidationError (a full sentence) if this comment would break a limit."""
    last = cache.get(_last_key(user))
    interval = min_interval()
    if last is not None and 0 <= now.timestamp() - float(last) < interval:
        wait = max(1, int(interval - (now.timestamp() - float(last)) + 0.999))
        raise ValidationError(
            ngettext(
                "Please wait %(seconds)d second before you write the next comment.",
                "Please wait %(seconds)d seconds before you write the next comment.",
                wait,
            )
            % {"seconds": wait},
            code="interval",
        )
    rate = account_rate()
    if _recent("user", str(user.pk), rate, now) >= rate.count:
        raise ValidationError(
            _("You have written many comments in a short time. Please try again in a minute."),
            code="account_rate",
        )
    if ip:
        rate = ip_rate()
        if _recent("ip", _ip_key(ip), rate, now) >= rate.count:
            raise ValidationError(
                _("Too many comments come from your network. Please try again later."),
                code="ip_rate",
            )
    since = now - DUPLICATE_WINDOW
    if Comment.objects.filter(author=user, body=body, created_at__gte=since).exists():
        raise ValidationError(_("You have written this comment already."), code="duplicate")


def _count(key: str, rate: Rate) -> None:
    cache.add(key, 0, rate.seconds + 5)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, rate.seconds + 5)


def record_comment(*, user: User, ip: str | None, now: dt.datetime) -> None:
    """Count a comment that was written against the limits."""
    cache.set(_last_key(user), now.timestamp(), min_interval() + 5)
    _count(_window_key("user", str(user.pk), account_rate(), now), account_rate())
    if ip:
        _count(_window_key("ip", _ip_key(ip), ip_rate(), now), ip_rate())
