"""Telling followers about new posts, without content knowing about social.

content must not import social (dependencies point one way), so publishing calls no hook here.
Instead ``litfass notify_new_posts`` (cron, e.g. every minute) scans for published posts that
have no :class:`~litfass.social.models.PostFanout` row yet, claims them and enqueues one task per
post; the task writes the notifications in batches. The claim row makes the scan idempotent.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

from django.db import transaction

from litfass.social import delivery, tasks
from litfass.social.services.common import now_or

# Posts published longer ago than this are never announced (e.g. on the first run).
LOOKBACK = dt.timedelta(days=2)


def notify_new_posts(*, now: dt.datetime | None = None) -> list[int]:
    """Claim every new post not announced yet and enqueue its fan-out; return the post ids."""
    ids = delivery.claim_new_posts(now=now_or(now), lookback=LOOKBACK)
    for pk in ids:
        transaction.on_commit(partial(tasks.fan_out_post.enqueue, pk))
    return ids
