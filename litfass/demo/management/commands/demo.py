from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Load the demo content."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--reset", action="store_true")
        parser.add_argument("--if-empty", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write("demo content: not yet")
