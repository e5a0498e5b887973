"""Periodic clean-up (cron, e.g. hourly): remove posts deleted longer than the grace period."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from litfass.content.services import purge_deleted_posts


class Command(BaseCommand):
    help = "Remove deleted posts and their pictures once the grace period has passed."

    def handle(self, *args: Any, **options: Any) -> None:
        purged = purge_deleted_posts()
        self.stdout.write(f"{purged} deleted post(s) removed for good.")
