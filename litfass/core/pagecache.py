"""The anonymous page cache: whole responses for visitors without a session.

Entries are keyed by path and a content generation number. Services that change what readers
see call :func:`bump_generation`, so that with a shared cache (Redis) every server drops its
pages at once; with a per-process cache the entry lifetime bounds how long a page stays stale.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "litfass:pagecache:generation"


def generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, 1, None)
        value = cache.get(GENERATION_KEY, 1)
    return int(value)


def bump_generation() -> None:
    """Invalidate every cached page (call after any change readers can see)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def page_key(path: str, gen: int) -> str:
    digest = hashlib.blake2b(path.encode(), digest_size=16).hexdigest()
    return f"litfass:page:{gen}:{digest}"


def enabled() -> bool:
    return settings.LITFASS_PAGE_CACHE_SECONDS > 0
