"""``python -m bench`` (``make bench``): fill, serve and measure litfass. See bench/README.md.

The run, in order: prepare the bench database (migrate, reuse or refill), collect static files,
then start one server after another and load it with wrk: litfass without and with the page
cache, the framework floor, and nginx serving the same article as a file. Only one server runs
at a time, so every figure of a run was taken on the same, otherwise idle machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bench import BenchError, report, run_command, servers, uploads, wrk
from bench.media import ensure_photos
from bench.workspace import (
    ARTICLE_FILE,
    MEDIA_ROOT,
    REPORT_FILE,
    RESULTS_FILE,
    ROOT,
    WORK,
    Database,
    Workspace,
)

PAGES = ("home", "place", "article")
# Share of CPU time other processes may use before the bench warns that figures are skewed.
IDLE_TOLERANCE = 0.15
# Fewer completed requests than this make a measurement too rough to compare.
MIN_REQUESTS = 200


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description="Load benchmark of litfass (see bench/README.md)."
    )
    parser.add_argument("--posts", type=int, default=100_000, help="posts in the bench database")
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per URL")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections")
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--warmup", type=int, default=2, help="seconds of load before measuring")
    parser.add_argument(
        "--page-cache-seconds", type=int, default=60, help="page cache lifetime when it is on"
    )
    parser.add_argument(
        "--database-url",
        help="postgres://postgres@127.0.0.1/litfass_bench to measure on PostgreSQL "
        "(default: SQLite in bench/work/bench.sqlite3)",
    )
    parser.add_argument(
        "--skip-fill", action="store_true", help="use the bench database as it is (migrate only)"
    )
    parser.add_argument(
        "--uploads", type=int, default=20, help="12-megapixel uploads to measure (0: skip)"
    )
    args = parser.parse_args(argv)
    if args.posts < 1 or args.duration < 1 or args.connections < 1 or args.threads < 1:
        parser.error("--posts, --duration, --connections and --threads must be positive")
    if args.warmup < 0:
        parser.error("--warmup must not be negative")
    if args.page_cache_seconds < 1:
        parser.error("--page-cache-seconds must be positive (0 is the run without cache)")
    return args


@dataclass
class Run:
    """One bench run: its options, workspace and what it measured so far."""

    args: argparse.Namespace
    workspace: Workspace
    cores: int
    measurements: list[report.Measurement] = field(default_factory=list)
    rss: list[report.Rss] = field(default_factory=list)
    revalidation: dict[str, bool] = field(default_factory=dict)
    upload_figures: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def measure(self, server: servers.Server, name: str, path: str, description: str) -> None:
        """Warm ``path`` up, then load it for the run's duration and keep the result."""
        url = server.url(path)
        load = {"connections": self.args.connections, "threads": self.args.threads}
        if self.args.warmup > 0:
            wrk.run_wrk(url, seconds=self.args.warmup, **load)
        # granian finishes the requests of connections wrk has closed; one more request, queued
        # behind them, returns when they are done, so the measurement starts on an empty queue.
        wrk.fetch(url)
        result = wrk.run_wrk(url, seconds=self.args.duration, **load)
        if result.requests == 0:
            raise BenchError(
                f"no request to {url} completed in {self.args.duration} s; "
                "use a longer --duration or fewer --connections"
            )
        print(
            f"  {name:<16} {result.rps:>10.1f} req/s   p50 {result.p50_ms:8.2f} ms   "
            f"p99 {result.p99_ms:8.2f} ms"
        )
        if result.requests < MIN_REQUESTS:
            self.warnings.append(
                f"{name}: only {result.requests} requests completed; its figures are rough "
                "(use a longer --duration)"
            )
        if result.non_2xx_3xx or result.socket_errors:
            self.warnings.append(
                f"{name}: {result.non_2xx_3xx} non-2xx/3xx responses and "
                f"{result.socket_errors} socket errors in {result.requests} requests"
            )
        self.measurements.append(report.Measurement(name, description, result))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    return run_command(
        "bench", lambda: run(args), interrupted="interrupted; all servers were stopped"
    )


def run(args: argparse.Namespace) -> None:
    wrk.wrk_executable()
    servers.nginx_executable()
    workspace = Workspace(Database.from_option(args.database_url))
    workspace.create_directories()
    bench = Run(args=args, workspace=workspace, cores=os.cpu_count() or 1)
    print(f"bench: {bench.cores} cores, database {workspace.database.display}")

    print(f"[1/5] database: {args.posts:,} posts" + (" (--skip-fill)" if args.skip_fill else ""))
    fill = workspace.prepare_database(posts=args.posts, skip_fill=args.skip_fill)
    ensure_photos(MEDIA_ROOT)
    if fill.fill_seconds is None:
        print(f"  using the existing fill ({fill.posts:,} posts)")
    else:
        print(f"  filled in {fill.fill_seconds:.1f} s")
    if not fill.place_path:
        raise BenchError("the bench database has no place with the LITFASS_DEFAULT_PLACE slug")
    paths = {"home": fill.home_path, "place": fill.place_path, "article": fill.article_path}

    print("[2/5] static files (collectstatic)")
    workspace.litfass("collectstatic", "--no-input", "-v", "0")

    print(f"[3/5] litfass on granian, {bench.cores} workers; wrk -c{args.connections}")
    _measure_litfass(bench, paths, page_cache_seconds=0)
    _measure_litfass(bench, paths, page_cache_seconds=args.page_cache_seconds)

    print("[4/5] framework floor: a Django view returning the article bytes")
    _measure_floor(bench)

    print("[5/5] static ceiling: nginx serving the article as a file")
    _measure_static(bench)

    if args.uploads > 0:
        print(f"[+] uploads: {args.uploads} photos of 12 megapixels, then their renditions")
        _check_idle(bench, before="uploads")
        bench.upload_figures = uploads.run(args.uploads)

    _report(bench, fill_seconds=fill.fill_seconds, posts=fill.posts)


def _check_idle(bench: Run, before: str) -> None:
    """Warn when other processes keep the CPUs busy: that skews figures, even ratios.

    Sampled while no server of the bench runs, so whatever is busy is not the bench.
    """
    busy = _cpu_busy_share(seconds=1.0)
    if busy > IDLE_TOLERANCE:
        bench.warnings.append(
            f"other processes used {busy:.0%} of the CPUs before {before}; "
            "the figures of this run are unreliable"
        )
        print(f"  warning: {bench.warnings[-1]}")


def _cpu_busy_share(seconds: float) -> float:
    def sample() -> tuple[int, int]:
        fields = [int(n) for n in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
        idle = fields[3] + fields[4]  # idle and iowait
        return idle, sum(fields)

    idle_before, total_before = sample()
    time.sleep(seconds)
    idle_after, total_after = sample()
    total = total_after - total_before
    return 1 - (idle_after - idle_before) / total if total else 0.0


def _measure_litfass(bench: Run, paths: dict[str, str], *, page_cache_seconds: int) -> None:
    cached = page_cache_seconds > 0
    server_name = "litfass-cache" if cached else "litfass-nocache"
    _check_idle(bench, before=server_name)
    suffix = "cache" if cached else "nocache"
    label = f"with page cache ({page_cache_seconds} s)" if cached else "without cache"
    env = bench.workspace.litfass_env(page_cache_seconds=page_cache_seconds)
    with servers.granian(
        server_name, "litfass.wsgi:application", env=env, workers=bench.cores
    ) as server:
        responses = {page: wrk.expect_ok(server.url(paths[page])) for page in PAGES}
        for page, response in responses.items():
            if "set-cookie" in response.headers:
                bench.warnings.append(
                    f"{page} {label} sets a cookie, so the page cache cannot keep it"
                )
        if not cached:
            # The floor and nginx serve exactly these bytes.
            ARTICLE_FILE.write_bytes(responses["article"].body)
        bench.revalidation[server_name] = wrk.revalidates(server.url(paths["article"]))
        for page in PAGES:
            bench.measure(server, f"{page}_{suffix}", paths[page], f"{paths[page]} {label}")
        bench.rss.append(report.Rss.from_kb(server_name, server.worker_rss_kb()))


def _measure_floor(bench: Run) -> None:
    _check_idle(bench, before="floor")
    article = ARTICLE_FILE.read_bytes()
    env = bench.workspace.floor_env()
    with servers.granian(
        "floor", "bench.floor.wsgi:application", env=env, workers=bench.cores
    ) as server:
        if wrk.expect_ok(server.url("/")).body != article:
            raise BenchError("the floor app does not return the article's bytes")
        bench.measure(server, report.FLOOR, "/", "Django view returning the article bytes")
        bench.rss.append(report.Rss.from_kb("floor", server.worker_rss_kb()))


def _measure_static(bench: Run) -> None:
    _check_idle(bench, before="nginx")
    root = WORK / "nginx" / "root"
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ARTICLE_FILE, root / "article.html")
    with servers.nginx(
        "nginx", root=root, workers=bench.cores, ready_path="/article.html"
    ) as server:
        if wrk.expect_ok(server.url("/article.html")).body != ARTICLE_FILE.read_bytes():
            raise BenchError("nginx does not return the article's bytes")
        bench.measure(server, report.STATIC, "/article.html", "nginx serving the article file")


def _report(bench: Run, *, fill_seconds: float | None, posts: int) -> None:
    order = [report.STATIC, report.FLOOR] + [
        f"{page}_{suffix}" for suffix in ("nocache", "cache") for page in PAGES
    ]
    measurements = sorted(bench.measurements, key=lambda m: order.index(m.name))
    rows = report.rows(measurements)
    checks = report.targets(rows, bench.rss)
    args = bench.args
    print()
    print(
        f"== {posts:,} posts, {bench.workspace.database.display}, {bench.cores} cores, "
        f"wrk -t{args.threads} -c{args.connections} -d{args.duration}s; "
        f"article page {ARTICLE_FILE.stat().st_size:,} bytes =="
    )
    print(report.table(rows, measurements))
    print()
    print("conditional requests (article ETag, then If-None-Match answered with 304):")
    for server_name, ok in bench.revalidation.items():
        print(f"  {server_name:<16} {'yes' if ok else 'NO'}")
    print("worker RSS after the runs:")
    for rss in bench.rss:
        print(
            f"  {rss.server:<16} {rss.workers} workers, sum {rss.sum_mb:.1f} MB, "
            f"max {rss.max_mb:.1f} MB per worker"
        )
    if bench.upload_figures:
        up = bench.upload_figures
        print(
            f"uploads: accepting a {up['upload_bytes'] / 1e6:.1f} MB 12-megapixel JPEG: "
            f"p50 {up['accept_p50_ms']:.0f} ms, "
            f"p99 {up['accept_p99_ms']:.0f} ms ({up['uploads']:.0f} uploads)"
        )
        print(
            f"renditions, one worker: {up['pictures_per_second']:.2f} pictures/s = "
            f"{up['renditions_per_second']:.1f} rendition files/s; "
            f"worker peak RSS {up['worker_peak_rss_mb']:.0f} MB"
        )
        peak = up["worker_peak_rss_mb"]
        checks.append(
            report.Target(
                description="worker memory while making renditions < 300 MB",
                measured=f"{peak:.0f} MB",
                met=peak < 300,
            )
        )
    print("targets:")
    for check in checks:
        print(f"  [{'met' if check.met else 'MISSED'}] {check.description}: {check.measured}")
    for warning in bench.warnings:
        print(f"warning: {warning}")

    report.write_results(RESULTS_FILE, rows)
    report.write_report(
        REPORT_FILE,
        {
            "posts": posts,
            "database": bench.workspace.database.display,
            "fill_seconds": fill_seconds,
            "cores": bench.cores,
            "wrk": {
                "threads": args.threads,
                "connections": args.connections,
                "duration_s": args.duration,
                "warmup_s": args.warmup,
            },
            "article_bytes": ARTICLE_FILE.stat().st_size,
            "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "results": [asdict(row) for row in rows],
            "requests": {m.name: asdict(m.result) for m in measurements},
            "revalidation_304": bench.revalidation,
            "worker_rss": [asdict(r) for r in bench.rss],
            "uploads": bench.upload_figures,
            "targets": [asdict(c) for c in checks],
            "warnings": bench.warnings,
        },
    )
    print(f"wrote {RESULTS_FILE.relative_to(ROOT)} and {REPORT_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    sys.exit(main())
