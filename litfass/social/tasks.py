"""Background work of the social app (django.tasks; enqueued only after a commit).

Every task is idempotent: the rows say what was done, so a task that runs twice does nothing
the second time.
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.tasks import task

from litfass.social import delivery


@task()
def send_notification_emails(notification_ids: list[int]) -> int:
    """E-mail immediate notifications that were not e-mailed yet; return how many were sent."""
    return delivery.send_immediate(notification_ids)


def _send_after_commit(ids: list[int]) -> None:
    transaction.on_commit(partial(send_notification_emails.enqueue, ids))


@task()
def fan_out_post(post_id: int) -> int:
    """Notify the followers of a new post's author in batches; return how many were told."""
    return delivery.fan_out(post_id, send=_send_after_commit)
