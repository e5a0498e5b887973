"""Daily digests (cron, e.g. every morning): one e-mail per reader with what is waiting.

Idempotent: every notification is digested once (``digested_at``), and a reader gets at most one
digest in 20 hours however often the command runs.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from litfass.social.delivery import send_digests


class Command(BaseCommand):
    help = "Send the daily digest e-mails of notifications."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = send_digests()
        self.stdout.write(f"{sent} digest(s) sent.")
