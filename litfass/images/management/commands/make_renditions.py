"""Enqueue renditions for every picture that has none (after a crash, a restore or an import)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from litfass.images.tasks import make_missing_renditions


class Command(BaseCommand):
    help = "Enqueue the renditions of all pictures that have none yet."

    def handle(self, *args: Any, **options: Any) -> None:
        count = make_missing_renditions.call()
        self.stdout.write(f"{count} picture(s) queued for renditions.")
