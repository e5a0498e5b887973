"""Tell followers about new posts (cron, e.g. every minute).

Scans for posts published in the last two days that were not announced yet, claims them and
enqueues one fan-out task per post. Idempotent: a claimed post is never announced twice.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from litfass.social.services import notify_new_posts


class Command(BaseCommand):
    help = "Notify the followers of newly published posts (run from cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        ids = notify_new_posts()
        self.stdout.write(f"{len(ids)} new post(s) queued for their followers.")
