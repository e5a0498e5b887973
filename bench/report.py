"""Turn measurements into the table, the target check, results.json and report.json."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.wrk import WrkResult

STATIC = "static"
FLOOR = "floor"

# Targets, as shares of the framework floor's requests/s.
ARTICLE_UNCACHED_SHARE = 0.25
CACHED_SHARE = 0.80
WORKER_RSS_LIMIT_MB = 150.0


@dataclass(frozen=True)
class Measurement:
    name: str
    description: str
    result: WrkResult


@dataclass(frozen=True)
class Row:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    ratio_to_static: float
    ratio_to_floor: float


@dataclass(frozen=True)
class Rss:
    """Resident memory of one server's workers, in MB."""

    server: str
    workers: int
    sum_mb: float
    max_mb: float

    @classmethod
    def from_kb(cls, server: str, per_worker_kb: list[int]) -> Rss:
        return cls(
            server=server,
            workers=len(per_worker_kb),
            sum_mb=round(sum(per_worker_kb) / 1024, 1),
            max_mb=round(max(per_worker_kb, default=0) / 1024, 1),
        )


@dataclass(frozen=True)
class Target:
    description: str
    measured: str
    met: bool


def rows(measurements: list[Measurement]) -> list[Row]:
    """One row per measurement with its ratios to the static ceiling and the framework floor."""
    by_name = {m.name: m.result.rps for m in measurements}
    static, floor = by_name[STATIC], by_name[FLOOR]
    return [
        Row(
            name=m.name,
            rps=round(m.result.rps, 1),
            p50_ms=round(m.result.p50_ms, 3),
            p99_ms=round(m.result.p99_ms, 3),
            ratio_to_static=round(m.result.rps / static, 4) if static else 0.0,
            ratio_to_floor=round(m.result.rps / floor, 4) if floor else 0.0,
        )
        for m in measurements
    ]


def table(table_rows: list[Row], measurements: list[Measurement]) -> str:
    descriptions = {m.name: m.description for m in measurements}
    header = (
        f"{'name':<16} {'rps':>10} {'p50_ms':>9} {'p99_ms':>9} "
        f"{'ratio_to_static':>15} {'ratio_to_floor':>14}  what"
    )
    lines = [header, "-" * len(header)]
    for row in table_rows:
        lines.append(
            f"{row.name:<16} {row.rps:>10.1f} {row.p50_ms:>9.2f} {row.p99_ms:>9.2f} "
            f"{row.ratio_to_static:>15.4f} {row.ratio_to_floor:>14.3f}  {descriptions[row.name]}"
        )
    return "\n".join(lines)


def targets(table_rows: list[Row], rss: list[Rss]) -> list[Target]:
    """The project's targets: uncached article >= 25 % of the floor, cached pages >= 80 %,
    every litfass worker under 150 MB."""
    by_name = {row.name: row for row in table_rows}
    checks = []
    article = by_name.get("article_nocache")
    if article is not None:
        checks.append(
            Target(
                f"article without cache >= {ARTICLE_UNCACHED_SHARE:.0%} of the floor",
                f"{article.ratio_to_floor:.1%}",
                article.ratio_to_floor >= ARTICLE_UNCACHED_SHARE,
            )
        )
    for row in table_rows:
        if row.name.endswith("_cache"):
            checks.append(
                Target(
                    f"{row.name.removesuffix('_cache')} with page cache >= {CACHED_SHARE:.0%} "
                    "of the floor",
                    f"{row.ratio_to_floor:.1%}",
                    row.ratio_to_floor >= CACHED_SHARE,
                )
            )
    litfass = [r for r in rss if r.server.startswith("litfass")]
    if litfass:
        largest = max(r.max_mb for r in litfass)
        checks.append(
            Target(
                f"litfass worker RSS < {WORKER_RSS_LIMIT_MB:.0f} MB",
                f"max {largest:.1f} MB",
                largest < WORKER_RSS_LIMIT_MB,
            )
        )
    return checks


def write_results(path: Path, table_rows: list[Row]) -> None:
    path.write_text(json.dumps([asdict(row) for row in table_rows], indent=2) + "\n")


def write_report(path: Path, details: dict[str, object]) -> None:
    path.write_text(json.dumps(details, indent=2, default=_plain) + "\n")


def _plain(value: object) -> object:
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)  # type: ignore[call-overload]
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
