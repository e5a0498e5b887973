"""Counting reads for the "most read" lists."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone

from litfass.content.models import Post


def count_reads(*, counts: dict[int, int]) -> None:
    """Add buffered read counts to posts."""
    for post_id, n in counts.items():
        Post.objects.filter(pk=post_id).update(read_count=F("read_count") + n)


class _ReadBuffer:
    """Read counts gathered in memory and written in one batch at most every few seconds.

    Counting every page view with its own UPDATE would turn each read into a write; losing a
    few seconds of counts when a process stops is acceptable for a "most read" list.
    """

    def __init__(self, interval: float = 10.0) -> None:
        self.interval = interval
        self.pending: dict[int, int] = {}
        self.last_flush = timezone.now()

    def add(self, post_id: int) -> None:
        self.pending[post_id] = self.pending.get(post_id, 0) + 1
        if (timezone.now() - self.last_flush).total_seconds() >= self.interval:
            self.flush()

    def flush(self) -> None:
        counts, self.pending = self.pending, {}
        self.last_flush = timezone.now()
        if counts:
            count_reads(counts=counts)


read_buffer = _ReadBuffer()


def record_read(*, post_id: int) -> None:
    """Count one read of a published post."""
    read_buffer.add(post_id)
