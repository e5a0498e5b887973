"""The anonymous page cache: whole responses for visitors without a session.

Entries are keyed by the request's scheme, host and path and by a content generation number.
Services that change what readers see call :func:`bump_generation` after their transaction
commits. With a shared cache (Redis) every process then drops its pages; with a per-process
cache the entry lifetime bounds how long another process's pages stay stale.

The generation number is also the key of small derived data that reading pages keep in process
memory (the place ids of "X und Umgebung", the "most read" ids): whatever is remembered under an
older generation is computed again.

Reading the generation from the cache costs a round trip to Redis, too much for a cache hit that
should cost little more than Django's own request handling. So each process remembers the number
and asks the cache again at most every :data:`RECHECK_SECONDS` (``max_age``): a change made by
another process reaches this process's cache hits at most that long after it committed. A bump
in this process is seen at once.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "litfass:pagecache:generation"
# How long a cache hit may use this process's copy of the generation number before asking the
# shared cache again: the bound on how stale a page served to anonymous readers can be after
# another process changed something (plus however long that change takes to commit).
RECHECK_SECONDS = 1.0

# Indirections for tests, which move the clocks instead of sleeping: ``clock`` measures
# intervals within a process, ``wall_clock`` dates pages that several processes share.
clock = time.monotonic
wall_clock = time.time


class _LocalGeneration:
    """This process's copy of the generation number and when it was last read from the cache."""

    def __init__(self) -> None:
        # One tuple, replaced as a whole, so that threads never see a number with another
        # number's time.
        self.state: tuple[int, float] = (0, float("-inf"))

    def get(self, max_age: float) -> int:
        now = clock()
        value, read_at = self.state
        if 0 <= now - read_at < max_age:
            return value
        stored = cache.get(GENERATION_KEY)
        if stored is None:
            # A fresh start (or an evicted key): begin at a number no earlier page can carry, so
            # that pages cached under an older counter are never served again.
            fresh = self.fresh_number()
            cache.add(GENERATION_KEY, fresh, None)
            stored = cache.get(GENERATION_KEY, fresh)
        self.state = (int(stored), now)
        return int(stored)

    def bump(self) -> None:
        try:
            value = int(cache.incr(GENERATION_KEY))
        except ValueError:
            value = self.fresh_number()
            cache.set(GENERATION_KEY, value, None)
        self.state = (value, clock())

    def fresh_number(self) -> int:
        # Microseconds since the epoch: larger than any counter reached by incrementing since
        # an earlier start (a change per microsecond is far beyond this site), and larger than
        # the number this process last knew.
        return max(time.time_ns() // 1000, self.state[0] + 1)


_local = _LocalGeneration()
# Within a request (see request_scope) the generation read first, so that the memos a page
# consults cost one cache lookup together, not one each.
_request: ContextVar[list[int] | None] = ContextVar("litfass_request_generation", default=None)


@contextmanager
def request_scope(known: int | None = None) -> Iterator[None]:
    """Within this block, :func:`generation` asks the cache at most once (``known``: not at all).

    The page cache middleware wraps every request it passes on in it.
    """
    token = _request.set([] if known is None else [known])
    try:
        yield
    finally:
        _request.reset(token)


def generation(max_age: float = 0.0) -> int:
    """The current content generation.

    ``max_age`` is how old this process's copy may be, in seconds: 0 (the default) always asks
    the cache (once per request inside :func:`request_scope`); the page cache's hits pass
    :data:`RECHECK_SECONDS`.
    """
    slot = _request.get()
    if slot:
        return slot[0]
    value = _local.get(max_age)
    if slot is not None:
        slot.append(value)
    return value


def bump_generation() -> None:
    """Invalidate every cached page and derived data (call after any change readers can see)."""
    _local.bump()
    slot = _request.get()
    if slot is not None:
        slot[:] = [_local.state[0]]


def page_key(scheme: str, host: str, path: str, gen: int) -> str:
    """The cache key of one page (``path`` with its query string) in one generation."""
    digest = hashlib.blake2b(f"{scheme}://{host}{path}".encode(), digest_size=16).hexdigest()
    return f"litfass:page:{gen}:{digest}"


def enabled() -> bool:
    return settings.LITFASS_PAGE_CACHE_SECONDS > 0
