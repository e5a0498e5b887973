"""Small derived data kept in process memory until the content generation changes.

Reading pages need a few things that are cheap to keep and slow to compute on every request:
the place ids of "X und Umgebung", the ids of the most read posts. A :class:`GenerationMemo`
keeps such values per process, forgets all of them when the content generation changes (every
service that changes what readers see bumps it, see :mod:`litfass.core.pagecache`) and each one
after ``max_age`` seconds, which bounds staleness for changes that do not bump the generation
and for values that drift with time (read counts).

Only data goes in here, never rendered pages or lists: the page cache is the one place for those,
and with ``LITFASS_PAGE_CACHE_SECONDS=0`` every page is rendered from the database.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from litfass.core import pagecache


class GenerationMemo[K: Hashable, V]:
    """Values by key, valid for one content generation and at most ``max_age`` seconds."""

    def __init__(self, *, max_age: float, max_entries: int = 512) -> None:
        self.max_age = max_age
        # Keys are few (places, cursor-free lists); the bound only guards against a flood.
        self.max_entries = max_entries
        self._generation: int | None = None
        self._entries: dict[K, tuple[V, float]] = {}

    def get(self, key: K, compute: Callable[[], V]) -> V:
        """The remembered value of ``key``, or ``compute()``'s, remembered from now on.

        Asks the cache for the generation (one lookup): values must not outlive a change,
        also not by the second a cache hit may lag.
        """
        generation = pagecache.generation()
        now = pagecache.clock()
        if generation != self._generation:
            self._entries = {}
            self._generation = generation
        found = self._entries.get(key)
        if found is not None and 0 <= now - found[1] < self.max_age:
            return found[0]
        value = compute()
        if self._generation != generation:
            return value  # the generation changed meanwhile (another thread): do not keep it
        if len(self._entries) >= self.max_entries:
            self._entries = {}
        self._entries[key] = (value, now)
        return value

    def clear(self) -> None:
        self._entries = {}
