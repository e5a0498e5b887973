"""Where the bench keeps its files, the environment it runs litfass with, and its database.

Everything the bench writes lives in ``bench/work/`` (git-ignored), except ``bench/results.json``.
litfass is configured the way production configures it: by environment variables only.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bench import BenchError
from bench.fill import FILL_VERSION

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
WORK = BENCH_DIR / "work"
RESULTS_FILE = BENCH_DIR / "results.json"
REPORT_FILE = WORK / "report.json"
LOG_DIR = WORK / "logs"
MEDIA_ROOT = WORK / "media"
STATIC_ROOT = WORK / "static"
DATA_DIR = WORK / "data"
ARTICLE_FILE = WORK / "article.html"
STAMP_FILE = WORK / "fill-stamp.json"
DEFAULT_DATABASE_URL = f"sqlite:///{WORK / 'bench.sqlite3'}"
DEFAULT_POSTGRES_NAME = "litfass_bench"

# A fixed key: the bench serves synthetic data on 127.0.0.1 only.
BENCH_SECRET_KEY = "litfass-bench-only-not-a-secret-0123456789abcdefghijklmnop"  # noqa: S105
# Variables of the caller's environment that would change what is measured.
DROPPED_VARIABLES = ("REDIS_URL", "LITFASS_S3_BUCKET", "DJANGO_SETTINGS_MODULE", "DEBUG")


def venv_tool(name: str) -> str:
    """The console script ``name`` next to the running Python (the project's venv)."""
    candidate = Path(sys.executable).with_name(name)
    if candidate.exists():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise BenchError(f"{name} not found next to {sys.executable} or on the PATH")
    return found


def base_environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DROPPED_VARIABLES}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


@dataclass(frozen=True)
class Database:
    """The bench database, SQLite (default) or PostgreSQL, given by a DATABASE_URL."""

    url: str

    @classmethod
    def from_option(cls, url: str | None) -> Database:
        if not url:
            return cls(DEFAULT_DATABASE_URL)
        parts = urlsplit(url)
        if parts.scheme in {"postgres", "postgresql", "pgsql"} and parts.path in {"", "/"}:
            url = parts._replace(path=f"/{DEFAULT_POSTGRES_NAME}").geturl()
        database = cls(url)
        if not (database.is_sqlite or database.is_postgres):
            raise BenchError("--database-url must be a sqlite:/// or postgres:// URL")
        return database

    @property
    def is_sqlite(self) -> bool:
        return urlsplit(self.url).scheme == "sqlite"

    @property
    def is_postgres(self) -> bool:
        return urlsplit(self.url).scheme in {"postgres", "postgresql", "pgsql"}

    @property
    def name(self) -> str:
        return unquote(urlsplit(self.url).path.lstrip("/") if self.is_postgres else self.path.name)

    @property
    def path(self) -> Path:
        """The SQLite file (sqlite:////abs/path or sqlite:///relative/path)."""
        return Path(unquote(urlsplit(self.url).path)[1:] if self.is_sqlite else "")

    @property
    def display(self) -> str:
        """The URL without its password, for output and the fill stamp."""
        parts = urlsplit(self.url)
        if parts.password:
            netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
            return parts._replace(netloc=netloc).geturl()
        return self.url

    def ensure_exists(self) -> None:
        if self.is_sqlite:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return
        if not self._postgres_exists():
            self._postgres_tool("createdb", self.name)

    def wipe(self) -> None:
        """Delete and recreate the database; only for databases with "bench" in their name."""
        if "bench" not in self.name:
            raise BenchError(
                f"refusing to wipe {self.display}: the bench only refills databases whose "
                'name contains "bench"'
            )
        if self.is_sqlite:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
        else:
            self._postgres_tool("dropdb", "--if-exists", "--force", self.name)
            self._postgres_tool("createdb", self.name)

    def _postgres_exists(self) -> bool:
        out = self._postgres_tool(
            "psql", "-d", "postgres", "-tAc", "SELECT datname FROM pg_database"
        )
        return self.name in out.split()

    def _postgres_tool(self, tool: str, *args: str) -> str:
        parts = urlsplit(self.url)
        argv = [
            tool,
            "-h",
            parts.hostname or "127.0.0.1",
            "-p",
            str(parts.port or 5432),
            "-U",
            unquote(parts.username or "postgres"),
            *args,
        ]
        env = dict(os.environ)
        if parts.password:
            env["PGPASSWORD"] = unquote(parts.password)
        try:
            done = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)
        except FileNotFoundError:
            raise BenchError(f"{tool} not found: install the PostgreSQL client tools") from None
        if done.returncode != 0:
            raise BenchError(f"{' '.join(argv)} failed: {done.stderr.strip()}")
        return done.stdout


@dataclass(frozen=True)
class Workspace:
    database: Database

    def litfass_env(self, *, page_cache_seconds: int) -> dict[str, str]:
        """Production settings as a deployment would set them, on 127.0.0.1 without TLS."""
        env = base_environment()
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "litfass.settings",
                "LITFASS_ENV": "production",
                "SECRET_KEY": BENCH_SECRET_KEY,
                "ALLOWED_HOSTS": "127.0.0.1,localhost",
                "SECURE_SSL_REDIRECT": "false",
                "DATABASE_URL": self.database.url,
                "LITFASS_DATA_DIR": str(DATA_DIR),
                "MEDIA_ROOT": str(MEDIA_ROOT),
                "STATIC_ROOT": str(STATIC_ROOT),
                "LITFASS_PAGE_CACHE_SECONDS": str(page_cache_seconds),
                "LOG_LEVEL": "WARNING",
            }
        )
        return env

    def floor_env(self) -> dict[str, str]:
        env = base_environment()
        env["DJANGO_SETTINGS_MODULE"] = "bench.floor.settings"
        env["BENCH_ARTICLE_FILE"] = str(ARTICLE_FILE)
        return env

    @staticmethod
    def create_directories() -> None:
        for directory in (WORK, LOG_DIR, MEDIA_ROOT, STATIC_ROOT, DATA_DIR):
            directory.mkdir(parents=True, exist_ok=True)

    def litfass(self, *args: str) -> None:
        """Run a ``litfass`` management command against the bench database."""
        argv = [venv_tool("litfass"), *args]
        env = self.litfass_env(page_cache_seconds=0)
        if subprocess.run(argv, env=env, cwd=ROOT, check=False).returncode != 0:
            raise BenchError(f"litfass {' '.join(args)} failed (output above)")

    def fill_command(self, *args: str) -> dict[str, object]:
        """Run ``python -m bench.fill`` with the bench environment; return its JSON answer."""
        argv = [sys.executable, "-m", "bench.fill", *args]
        env = self.litfass_env(page_cache_seconds=0)
        done = subprocess.run(argv, env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True)
        if done.returncode != 0:
            raise BenchError(f"python -m bench.fill {' '.join(args)} failed (output above)")
        answer: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
        return answer

    def prepare_database(self, *, posts: int, skip_fill: bool) -> FillOutcome:
        """Migrate, then reuse the filled database or refill it; return what it holds."""
        self.database.ensure_exists()
        try:
            self.litfass("migrate", "--no-input", "-v", "0")
        except BenchError:
            if skip_fill:
                raise
            # Migrations that were rewritten in place no longer fit the stored database.
            print(f"  migrate failed; starting {self.database.display} afresh")
            self.database.wipe()
            self.database.ensure_exists()
            self.litfass("migrate", "--no-input", "-v", "0")
        held = self.describe()
        if skip_fill:
            if not held.article_path:
                raise BenchError("--skip-fill, but the database holds no published article")
            return held
        if held.posts == posts and held.article_path and self._stamp() == self._expected(posts):
            return held

        self._write_stamp(None)
        if not held.empty:
            print(f"  wiping {self.database.display} (it holds {held.posts:,} posts)")
            self.database.wipe()
            self.database.ensure_exists()
            self.litfass("migrate", "--no-input", "-v", "0")
        started = time.monotonic()
        self.fill_command("load", "--posts", str(posts))
        seconds = time.monotonic() - started
        self._write_stamp(self._expected(posts))
        return replace(self.describe(), fill_seconds=seconds)

    def describe(self) -> FillOutcome:
        info = self.fill_command("describe")
        return FillOutcome(
            posts=int(str(info["posts"])),
            empty=not (info["posts"] or info["places"] or info["profiles"]),
            home_path=str(info["home_path"]),
            place_path=str(info["place_path"] or ""),
            article_path=str(info["article_path"] or ""),
        )

    def _expected(self, posts: int) -> dict[str, object]:
        return {
            "database": self.database.display,
            "posts": posts,
            "version": FILL_VERSION,
            "migrations": migrations_fingerprint(),
        }

    # The stamp file maps each bench database to the fill it holds, so that a database is
    # reused only when a complete fill of the same size and version went into it.
    def _stamp(self) -> object:
        return _read_stamps().get(self.database.display)

    def _write_stamp(self, value: dict[str, object] | None) -> None:
        stamps = _read_stamps()
        if value is None:
            stamps.pop(self.database.display, None)
        else:
            stamps[self.database.display] = value
        STAMP_FILE.write_text(json.dumps(stamps, indent=1))


def migrations_fingerprint() -> str:
    """A hash of litfass's migration files.

    A migration edited in place (as happens before a first release) leaves a stored database
    with a schema the code no longer matches, although ``migrate`` has nothing to do; a new
    fingerprint makes the bench fill the database afresh.
    """
    digest = hashlib.blake2b(digest_size=12)
    for path in sorted((ROOT / "litfass").glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _read_stamps() -> dict[str, object]:
    try:
        stamps = json.loads(STAMP_FILE.read_text())
    except (OSError, ValueError):
        return {}
    return stamps if isinstance(stamps, dict) else {}


@dataclass(frozen=True)
class FillOutcome:
    """What the bench database holds (see ``bench.fill.writer.describe``)."""

    posts: int
    empty: bool  # no posts, places or profiles
    home_path: str
    place_path: str  # "" when there is no place with the default slug
    article_path: str  # "" when there is no published article
    fill_seconds: float | None = None  # None when an existing fill was reused
