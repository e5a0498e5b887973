"""``python -m bench.feed`` (run by ``make bench``): the social feed at scale. See bench/README.md.

For SQLite and, when it answers, PostgreSQL: prepare the feed database (migrate, reuse a
complete fill of the same scale or fill it afresh), then measure in a child process with that
database's environment, and finally print both side by side with the targets and write
``bench/work/feed-results.json``, ``bench/work/feed-report.json`` and the query plans.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import psycopg

from bench import BenchError, run_command
from bench.feed import FEED_FILL_VERSION
from bench.workspace import (
    BENCH_SECRET_KEY,
    DATA_DIR,
    MEDIA_ROOT,
    ROOT,
    WORK,
    Database,
    base_environment,
    migrations_fingerprint,
    venv_tool,
)

SQLITE_URL = f"sqlite:///{WORK / 'bench-feed.sqlite3'}"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/litfass_bench_feed"
STAMP_FILE = WORK / "feed-stamp.json"
RESULTS_FILE = WORK / "feed-results.json"
REPORT_FILE = WORK / "feed-report.json"
# Share of CPU time other processes may use before the figures are flagged as unreliable.
IDLE_TOLERANCE = 0.15
FEED_P99_TARGET_MS = 50.0
PUBLISH_TARGET_MS = 100.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench.feed", description="Feed benchmark at scale (see bench/README.md)."
    )
    parser.add_argument(
        "--scale",
        type=float,
        default=1.0,
        help="1.0: 1,000,000 posts and 100,000 users; 0.01 for a quick try-out",
    )
    parser.add_argument("--runs", type=int, default=200, help="timed feed requests")
    parser.add_argument("--warmup", type=int, default=20, help="feed requests before timing")
    parser.add_argument("--readers", type=int, default=100, help="ordinary readers sampled")
    parser.add_argument("--publishes", type=int, default=30, help="timed publish requests")
    parser.add_argument("--fanouts", type=int, default=3, help="fan-outs run in-process")
    parser.add_argument(
        "--databases",
        default="sqlite,postgres",
        help="comma-separated: sqlite, postgres (PostgreSQL is skipped if it does not answer)",
    )
    parser.add_argument("--postgres-url", default=POSTGRES_URL, help="the PostgreSQL database")
    parser.add_argument(
        "--refill", action="store_true", help="fill afresh even if a matching fill exists"
    )
    args = parser.parse_args(argv)
    if args.scale <= 0 or min(args.runs, args.readers, args.publishes, args.fanouts) < 1:
        parser.error("--scale, --runs, --readers, --publishes and --fanouts must be positive")
    if args.fanouts > args.publishes:
        parser.error("--fanouts cannot exceed --publishes")
    return args


@dataclass(frozen=True)
class Target:
    database: Database

    @property
    def label(self) -> str:
        return "PostgreSQL" if self.database.is_postgres else "SQLite"

    def env(self) -> dict[str, str]:
        """litfass's own settings with the feed database; tasks are queued, not run."""
        env = base_environment()
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "litfass.settings",
                "LITFASS_ENV": "development",
                "SECRET_KEY": BENCH_SECRET_KEY,
                "DATABASE_URL": self.database.url,
                "LITFASS_DATA_DIR": str(DATA_DIR),
                "MEDIA_ROOT": str(MEDIA_ROOT),
                "LITFASS_TASKS": "database",
                "LITFASS_PAGE_CACHE_SECONDS": "0",
                "LOG_LEVEL": "WARNING",
            }
        )
        return env

    def migrate(self) -> None:
        argv = [venv_tool("litfass"), "migrate", "--no-input", "-v", "0"]
        if subprocess.run(argv, env=self.env(), cwd=ROOT, check=False).returncode != 0:
            raise BenchError(f"litfass migrate on {self.database.display} failed (output above)")

    def child(self, *args: str) -> dict[str, Any]:
        argv = [sys.executable, "-m", "bench.feed.child", *args]
        done = subprocess.run(argv, env=self.env(), cwd=ROOT, stdout=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise BenchError(f"bench.feed.child {args[0]} failed (output above)")
        answer: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
        return answer

    def prepare(self, *, scale: float, refill: bool) -> dict[str, Any] | None:
        """Migrate; fill afresh unless a complete fill of this scale is there. Returns the
        fill's figures, or None when the stored fill was reused."""
        self.database.ensure_exists()
        self.migrate()
        expected = {
            "scale": scale,
            "version": FEED_FILL_VERSION,
            "migrations": migrations_fingerprint(),
        }
        stamps = _read_stamps()
        if not refill and stamps.get(self.database.display) == expected:
            return None
        stamps.pop(self.database.display, None)
        STAMP_FILE.write_text(json.dumps(stamps, indent=1))
        self.database.wipe()
        self.database.ensure_exists()
        self.migrate()
        started = time.monotonic()
        figures = self.child("fill", "--scale", str(scale))
        figures["total_seconds"] = round(time.monotonic() - started, 1)
        stamps[self.database.display] = expected
        STAMP_FILE.write_text(json.dumps(stamps, indent=1))
        return figures


def _read_stamps() -> dict[str, Any]:
    try:
        stamps = json.loads(STAMP_FILE.read_text())
    except (OSError, ValueError):
        return {}
    return stamps if isinstance(stamps, dict) else {}


def _postgres_answers(url: str) -> bool:
    parts = urlsplit(url)
    try:
        psycopg.connect(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=unquote(parts.username or "postgres"),
            password=unquote(parts.password) if parts.password else None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.Error:
        return False
    return True


def _cpu_busy_share(seconds: float) -> float:
    """The share of CPU time used by anything in ``seconds`` (same test as ``python -m bench``;
    sampled while the bench itself is idle)."""

    def sample() -> tuple[int, int]:
        fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        return fields[3] + fields[4], sum(fields)  # idle and iowait, total

    idle_before, total_before = sample()
    time.sleep(seconds)
    idle_after, total_after = sample()
    total = total_after - total_before
    return 1 - (idle_after - idle_before) / total if total else 0.0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    return run_command("bench.feed", lambda: run(args))


def run(args: argparse.Namespace) -> None:
    wanted = {name.strip() for name in args.databases.split(",") if name.strip()}
    if not wanted <= {"sqlite", "postgres"}:
        raise BenchError("--databases takes sqlite and/or postgres")
    targets: list[Target] = []
    warnings: list[str] = []
    if "sqlite" in wanted:
        targets.append(Target(Database(SQLITE_URL)))
    if "postgres" in wanted:
        database = Database.from_option(args.postgres_url)
        if _postgres_answers(database.url):
            targets.append(Target(database))
        else:
            warnings.append(f"PostgreSQL at {database.display} does not answer; skipped")
            print(f"bench.feed: warning: {warnings[-1]}")
    WORK.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, Any]] = {}
    fills: dict[str, dict[str, Any] | None] = {}
    for target in targets:
        print(f"[feed] {target.label}: {target.database.display}, scale {args.scale}")
        fill = target.prepare(scale=args.scale, refill=args.refill)
        fills[target.label] = fill
        if fill is None:
            print("  using the existing fill")
        else:
            print(f"  filled in {fill['total_seconds']:.1f} s")
        busy = _cpu_busy_share(seconds=1.0)
        if busy > IDLE_TOLERANCE:
            warnings.append(
                f"other processes used {busy:.0%} of the CPUs before measuring {target.label}; "
                "its figures are unreliable"
            )
            print(f"  warning: {warnings[-1]}")
        print(f"  measuring: {args.runs} feed pages, {args.publishes} publishes")
        results[target.label] = target.child(
            "measure",
            "--runs",
            str(args.runs),
            "--warmup",
            str(args.warmup),
            "--readers",
            str(args.readers),
            "--publishes",
            str(args.publishes),
            "--fanouts",
            str(args.fanouts),
        )
    if results:
        report(args, results, fills, warnings)


def _row(name: str, values: dict[str, str]) -> str:
    return f"  {name:<44}" + "".join(f"{v:>22}" for v in values.values())


def report(
    args: argparse.Namespace,
    results: dict[str, dict[str, Any]],
    fills: dict[str, dict[str, Any] | None],
    warnings: list[str],
) -> None:
    labels = list(results)

    def each(pick: Any) -> dict[str, str]:
        return {label: pick(results[label]) for label in labels}

    def p(section: str, key: str) -> Any:
        return lambda r: f"{r[section][key]['p50_ms']:.1f} / {r[section][key]['p99_ms']:.1f}"

    first = results[labels[0]]
    heavy = first["feed"]["heavy_follower"]
    print()
    print(
        f"== feed at scale {args.scale}: heavy follower with {heavy['places']} places "
        f"({heavy['place_ids_expanded']} with districts and surroundings) and "
        f"{heavy['profiles']} profiles; {first['publish']['profile_followers']:,} followers "
        "of the publishing profile =="
    )
    print(_row("", {label: label for label in labels}))
    print(_row("feed page, GET /mein-feed/ p50 / p99 ms", each(p("feed", "view"))))
    print(_row("feed query alone p50 / p99 ms", each(p("feed", "query"))))
    print(_row("  queries per page (request / feed)", each(
        lambda r: f"{r['feed']['view_queries']} / {r['feed']['query_queries']}"
    )))  # fmt: skip
    print(_row("  share of the page spent in the query", each(
        lambda r: f"{r['feed']['query']['p50_ms'] / r['feed']['view']['p50_ms']:.0%}"
    )))  # fmt: skip
    print(_row("feed query, ordinary readers p50 / p99 ms", each(
        p("feed", "ordinary_readers_query")
    )))  # fmt: skip
    print(_row("publish request p50 / p99 ms", each(p("publish", "request"))))
    print(_row("  notifications written in the request", each(
        lambda r: str(r["publish"]["notifications_written_in_request"])
    )))  # fmt: skip
    print(_row("background: claim scan ms", each(lambda r: f"{r['publish']['claim_ms']:.0f}")))
    print(_row("background: fan-out of one post p50 ms", each(
        lambda r: f"{r['publish']['fanout']['p50_ms']:,.0f}"
    )))  # fmt: skip
    print(_row("  notifications per second", each(
        lambda r: f"{r['publish']['fanout_notifications_per_second']:,.0f}"
    )))  # fmt: skip
    print(_row("  fan-out / publish request (p50)", each(
        lambda r: f"{r['publish']['fanout']['p50_ms'] / r['publish']['request']['p50_ms']:,.0f}×"
    )))  # fmt: skip
    print(_row("feed plans: post indexes used", each(
        lambda r: ", ".join(sorted({i for e in r["plans"].values() for i in e["post_indexes"]}))
        or "none"
    )))  # fmt: skip
    if len(labels) == 2:
        a, b = (results[label]["feed"]["view"]["p50_ms"] for label in labels)
        print(f"  {labels[1]} / {labels[0]} feed page p50: {b / a:.2f}")
    for label, fill in fills.items():
        if fill is not None:
            counts = fill["counts"]
            print(
                f"fill {label}: {fill['total_seconds']:.0f} s for {counts['post']:,} posts, "
                f"{counts['user']:,} users, {counts['follow']:,} follows, "
                f"{counts['image']:,} pictures, {counts['place']:,} places"
            )

    checks = targets(results)
    print("targets:")
    for check in checks:
        print(f"  [{'met' if check['met'] else 'MISSED'}] {check['description']}: "
              f"{check['measured']}")  # fmt: skip
    for warning in warnings:
        print(f"warning: {warning}")

    for label, result in results.items():
        explain = WORK / f"feed-explain-{label.lower()}.txt"
        explain.write_text(_plans_text(label, result["plans"]))
    rows = [
        {
            "database": label,
            "feed_view_p50_ms": r["feed"]["view"]["p50_ms"],
            "feed_view_p99_ms": r["feed"]["view"]["p99_ms"],
            "feed_query_p50_ms": r["feed"]["query"]["p50_ms"],
            "feed_query_p99_ms": r["feed"]["query"]["p99_ms"],
            "publish_request_p50_ms": r["publish"]["request"]["p50_ms"],
            "publish_request_p99_ms": r["publish"]["request"]["p99_ms"],
            "fanout_p50_ms": r["publish"]["fanout"]["p50_ms"],
        }
        for label, r in results.items()
    ]
    RESULTS_FILE.write_text(json.dumps(rows, indent=1))
    REPORT_FILE.write_text(
        json.dumps(
            {
                "scale": args.scale,
                "runs": args.runs,
                "warmup": args.warmup,
                "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                "fills": fills,
                "results": results,
                "targets": checks,
                "warnings": warnings,
            },
            indent=1,
        )
    )
    written = [RESULTS_FILE, REPORT_FILE, *WORK.glob("feed-explain-*.txt")]
    print("wrote " + ", ".join(str(Path(f).relative_to(ROOT)) for f in written))


def targets(results: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    checks: list[dict[str, Any]] = []
    if "PostgreSQL" in results:
        view = results["PostgreSQL"]["feed"]["view"]
        checks.append(
            {
                "description": f"feed first page p99 < {FEED_P99_TARGET_MS:.0f} ms on PostgreSQL",
                "measured": f"{view['p99_ms']:.1f} ms",
                "met": view["p99_ms"] < FEED_P99_TARGET_MS,
            }
        )
    for label, result in results.items():
        publish = result["publish"]
        checks.append(
            {
                "description": f"publishing adds < {PUBLISH_TARGET_MS:.0f} ms to the request, "
                f"fan-out in the background ({label})",
                "measured": f"p99 {publish['request']['p99_ms']:.1f} ms, "
                f"{publish['notifications_written_in_request']} notifications in the request",
                "met": publish["request"]["p99_ms"] < PUBLISH_TARGET_MS
                and publish["notifications_written_in_request"] == 0,
            }
        )
        unindexed = [n for n, e in result["plans"].items() if e["scans_posts_without_index"]]
        checks.append(
            {
                "description": f"feed query plans read posts through indexes ({label})",
                "measured": "all sources indexed"
                if not unindexed
                else "sequential scan in " + ", ".join(unindexed),
                "met": not unindexed,
            }
        )
    return checks


def _plans_text(label: str, plans: dict[str, Any]) -> str:
    parts = [f"# Feed source queries of the heavy follower, {label}\n"]
    for name, entry in plans.items():
        parts.append(f"\n## {name}\n\n{entry['sql']}\n\nEXPLAIN:\n{entry['plan']}\n")
        if "analyze" in entry:
            parts.append(f"\nEXPLAIN (ANALYZE, BUFFERS):\n{entry['analyze']}\n")
    return "".join(parts)


if __name__ == "__main__":
    sys.exit(main())
