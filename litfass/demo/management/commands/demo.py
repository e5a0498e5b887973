"""``litfass demo``: load the demo content (places, topics, profiles, posts with pictures)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from litfass.demo import content


class Command(BaseCommand):
    help = (
        "Load the demo content. --if-empty loads it only into a site without posts; --reset "
        "deletes all posts, profiles, places and topics (and their pictures) first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        group = parser.add_mutually_exclusive_group()
        group.add_argument(
            "--reset",
            action="store_true",
            help="Delete all posts, profiles, places, topics and demo accounts, then load.",
        )
        group.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only if there are no posts yet; otherwise do nothing.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["if_empty"] and content.has_posts():
            self.stdout.write("There are posts already; demo content not loaded.")
            return
        try:
            result = content.load_demo(reset=options["reset"])
        except content.DemoAlreadyLoaded as error:
            raise CommandError(str(error)) from None
        if result.removed is not None:
            self.stdout.write(f"Removed {result.removed}.")
        self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {result.loaded}."))
