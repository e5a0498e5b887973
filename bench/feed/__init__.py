"""The social-feed scale benchmark: ``python -m bench.feed`` (part of ``make bench``).

A database of its own (SQLite and PostgreSQL) holds a million posts, 100,000 users with a
profile each and a follow graph with a long tail; the run measures the first page of "Mein Feed"
for a heavy follower, publishing by a profile with 20,000 followers and the background fan-out,
and records the query plans. See bench/README.md, section "Feed at scale".

This ``__init__`` stays free of Django imports, like ``bench.fill``.
"""

from __future__ import annotations

# Bump when the shape of the synthetic feed data changes, so that stored databases are refilled.
FEED_FILL_VERSION = 1
