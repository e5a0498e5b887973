"""``python -m bench.feed.child {fill,measure}``: run by ``python -m bench.feed`` with the
environment of one bench database. Prints one JSON object on its last line."""

from __future__ import annotations

import argparse
import json
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "litfass.settings")
django.setup()

# The app registry must be ready before the loader and the measurements import the models.
from django.conf import settings  # noqa: E402

from bench.feed import load, measure  # noqa: E402
from bench.feed.graph import Scale  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.feed.child")
    sub = parser.add_subparsers(dest="command", required=True)
    fill = sub.add_parser("fill", help="fill the empty, migrated database")
    fill.add_argument("--scale", type=float, required=True)
    run = sub.add_parser("measure", help="measure feed, publishing and query plans")
    run.add_argument("--runs", type=int, required=True)
    run.add_argument("--warmup", type=int, required=True)
    run.add_argument("--readers", type=int, required=True)
    run.add_argument("--publishes", type=int, required=True)
    run.add_argument("--fanouts", type=int, required=True)
    args = parser.parse_args(argv)
    if args.command == "fill":
        result = load.fill(scale=Scale.of(args.scale), media_root=settings.MEDIA_ROOT)
    else:
        result = {
            "vendor": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
            "feed": measure.measure_feed(runs=args.runs, warmup=args.warmup, sample=args.readers),
            "publish": measure.measure_publish(runs=args.publishes, fanouts=args.fanouts),
            "plans": measure.plans(),
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
