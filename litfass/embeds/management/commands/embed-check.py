"""``litfass embed-check URL [URL …]``: would the composer accept these links, and why not?

Prints one JSON object per link and exits with 1 if any link was refused. Nothing is fetched.
"""

from __future__ import annotations

import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from litfass.embeds.check import check_urls
from litfass.embeds.refs import EmbedKind


class Command(BaseCommand):
    help = "Check links as the composer's embed dialogs would, offline; one JSON line each."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("urls", nargs="+", metavar="URL")
        parser.add_argument(
            "--kind",
            choices=[kind.value for kind in EmbedKind],
            help="Check as the dialog of this kind would (default: any kind).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        results = check_urls(options["urls"], kind=options["kind"])
        for result in results:
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        refused = sum(1 for result in results if not result["accepted"])
        if refused:
            raise CommandError(f"{refused} of {len(results)} link(s) refused.", returncode=1)
