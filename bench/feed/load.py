"""Bulk-load the feed graph into the tables ``litfass migrate`` made, as fast as each database
allows: PostgreSQL with COPY, SQLite with ``executemany`` in one transaction per table.

A bulk load is faster without secondary indexes: the loader drops a table's indexes first
(the ones not backing a primary key or unique constraint) and creates them again from their
own stored definitions afterwards, so the schema ends up exactly as the migrations made it.
Foreign keys are not checked during the load (``session_replication_role = replica`` on
PostgreSQL, ``foreign_keys = OFF`` on SQLite): the generator writes consistent rows.

Run in the bench environment (DATABASE_URL of the bench database) after ``django.setup()``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from bench.feed.graph import COLUMNS, Graph, Row, Scale, places
from bench.media import ensure_photos
from litfass.accounts.models import Membership, Profile, User
from litfass.content.models import Post, Topic
from litfass.images.models import Image
from litfass.places.models import Place
from litfass.social.models import Follow, Mute, PostFanout

CHUNK = 20_000
TABLES: dict[str, type[models.Model]] = {
    "place": Place,
    "topic": Topic,
    "user": User,
    "profile": Profile,
    "membership": Membership,
    "follow": Follow,
    "mute": Mute,
    "post": Post,
    "image": Image,
    "fanout": PostFanout,
}


def _progress(message: str) -> None:
    print(f"  feed fill: {message}", file=sys.stderr, flush=True)


class Loader:
    """Writes rows into one database; knows how that database is fastest."""

    def __init__(self) -> None:
        self.postgres = connection.vendor == "postgresql"

    def prepare(self) -> None:
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute("SET session_replication_role = replica")
                cursor.execute("SET maintenance_work_mem = '512MB'")
            else:
                cursor.execute("PRAGMA foreign_keys = OFF")
                cursor.execute("PRAGMA synchronous = OFF")
                cursor.execute("PRAGMA cache_size = -400000")
                cursor.execute("PRAGMA temp_store = MEMORY")

    def finish(self) -> None:
        models_ = list(TABLES.values())
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models_):
                cursor.execute(statement)
            if self.postgres:
                cursor.execute("SET session_replication_role = DEFAULT")
                # A settled database has planner statistics and a visibility map.
                cursor.execute("VACUUM (ANALYZE)")
            else:
                cursor.execute("ANALYZE")
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                cursor.execute("PRAGMA foreign_keys = ON")

    def load(self, name: str, rows: Iterable[Row]) -> int:
        """Write ``rows`` into the table of ``TABLES[name]``; return how many were written."""
        model = TABLES[name]
        table = model._meta.db_table
        columns = COLUMNS[name]
        # Columns the graph does not know (added by a later migration) get the field's default.
        extra = [
            f for f in model._meta.concrete_fields if f.column not in columns and f.has_default()
        ]
        if extra:
            columns = (*columns, *(str(f.column) for f in extra))
            defaults = tuple(f.get_db_prep_save(f.get_default(), connection) for f in extra)
            rows = (row + defaults for row in rows)
        indexes = self._drop_indexes(table)
        with transaction.atomic():
            if self.postgres:
                written = self._copy(table, columns, rows)
            else:
                written = self._insert(table, columns, rows)
        with connection.cursor() as cursor:
            for statement in indexes:
                cursor.execute(statement)
        return written

    def _copy(self, table: str, columns: tuple[str, ...], rows: Iterable[Row]) -> int:
        names = ", ".join(connection.ops.quote_name(c) for c in columns)
        written = 0
        with (
            connection.cursor() as cursor,
            cursor.copy(f"COPY {connection.ops.quote_name(table)} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)
                written += 1
        return written

    def _insert(self, table: str, columns: tuple[str, ...], rows: Iterable[Row]) -> int:
        names = ", ".join(connection.ops.quote_name(c) for c in columns)
        marks = ", ".join("%s" for _ in columns)
        # Table and column names come from the models; the values travel as parameters.
        table = connection.ops.quote_name(table)
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks})"  # noqa: S608
        written = 0
        iterator = iter(rows)
        with connection.cursor() as cursor:
            while chunk := [_sqlite_row(r) for r in itertools.islice(iterator, CHUNK)]:
                cursor.executemany(sql, chunk)
                written += len(chunk)
        return written

    def _drop_indexes(self, table: str) -> list[str]:
        """Drop the table's secondary indexes; return the statements that recreate them."""
        with connection.cursor() as cursor:
            if self.postgres:
                cursor.execute(
                    "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
                    "JOIN pg_class i ON i.oid = x.indexrelid "
                    "JOIN pg_class t ON t.oid = x.indrelid "
                    "WHERE t.relname = %s AND NOT EXISTS "
                    "(SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)",
                    [table],
                )
            else:
                cursor.execute(
                    "SELECT name, sql FROM sqlite_master "
                    "WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
                    [table],
                )
            found = cursor.fetchall()
            for name, _definition in found:
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
        return [definition for _name, definition in found]


def _sqlite_row(row: Row) -> tuple[Any, ...]:
    # Django keeps datetimes in SQLite as naive UTC text; every generated datetime is UTC.
    return tuple(
        v.replace(tzinfo=None).isoformat(" ") if isinstance(v, dt.datetime) else v for v in row
    )


def fill(*, scale: Scale, media_root: Path) -> dict[str, object]:
    """Fill the empty, migrated database with the feed graph; return counts and seconds.

    Raises RuntimeError if the database holds users, places or posts already.
    """
    if User.objects.exists() or Place.objects.exists() or Post.objects.exists():
        raise RuntimeError("the feed fill needs an empty database")
    started = time.monotonic()
    photos = [
        {
            "name": p.name,
            "width": p.width,
            "height": p.height,
            "sha256": p.sha256,
            "renditions": json.dumps(p.renditions),
        }
        for p in ensure_photos(media_root)
    ]
    now = timezone.now().astimezone(dt.UTC)
    graph = Graph(scale=scale, now=now, places=places(), photos=photos)
    loader = Loader()
    loader.prepare()
    counts: dict[str, object] = {}
    seconds: dict[str, float] = {}

    def step(name: str, rows: Iterable[Row]) -> None:
        begun = time.monotonic()
        counts[name] = loader.load(name, rows)
        seconds[name] = round(time.monotonic() - begun, 1)
        _progress(f"{name}: {counts[name]:,} rows in {seconds[name]} s")

    step("place", graph.place_rows())
    step("topic", graph.topic_rows())
    step("user", graph.user_rows(make_password(None)))
    step("profile", graph.profile_rows())
    step("membership", graph.membership_rows())
    step("follow", graph.follow_rows())
    step("mute", graph.mute_rows())
    images: list[Row] = []
    published: list[tuple[int, dt.datetime]] = []
    step("post", graph.post_rows(images, published))
    step("image", images)
    step("fanout", graph.fanout_rows(published))
    begun = time.monotonic()
    loader.finish()
    seconds["analyze"] = round(time.monotonic() - begun, 1)
    _progress(f"statistics in {seconds['analyze']} s")
    return {
        "counts": counts,
        "step_seconds": seconds,
        "seconds": round(time.monotonic() - started, 1),
    }
