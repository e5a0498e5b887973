"""The measurements of the feed benchmark, in the process of the bench database.

* **feed**: ``GET /mein-feed/`` for the heavy follower through Django's test client (the whole
  stack: middleware, session, the view, the template), and the feed query alone
  (``queries.feed``), each timed ``runs`` times after a warm-up; plus the query alone for a
  sample of ordinary readers.
* **publish**: the composer's "publish" request (``POST /schreiben/<id>/``, action=publish) by
  the owner of a profile with 20,000 followers, timed per request; whatever the request
  enqueues is only queued (database task backend, no worker runs). Then the background part:
  the cron scan that claims the new posts (``notify_new_posts``) and the fan-out task of a post
  run in-process, timed each.
* **plans**: ``EXPLAIN`` of every source query of the heavy follower's first page (PostgreSQL
  also ``EXPLAIN (ANALYZE, BUFFERS)``).

Posts made by the measurement are deleted again at the end, so the database can be reused.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from bench.feed.graph import CELEBRITY_NAMES, HEAVY_USERNAME
from litfass.accounts.models import Profile, User
from litfass.content import reader as teaser_reader
from litfass.content.models import Post
from litfass.content.services import start_post
from litfass.social import queries, services, tasks
from litfass.social.models import Follow, Notification
from litfass.social.queries.feed import PAGE_SIZE, newest_ids, newest_ids_sql

HOST = "127.0.0.1"


def percentile(values: list[float], pct: float) -> float:
    """The ``pct`` percentile by the nearest-rank method."""
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]


def summary(values: list[float]) -> dict[str, float]:
    return {
        "runs": len(values),
        "p50_ms": round(statistics.median(values), 2),
        "p99_ms": round(percentile(values, 99), 2),
        "max_ms": round(max(values), 2),
        "mean_ms": round(statistics.fmean(values), 2),
    }


def timed(call: Callable[[], object], runs: int, warmup: int) -> list[float]:
    for _ in range(warmup):
        call()
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1000)
    return timings


class QueryCounter:
    """Counts the statements run while it wraps the connection (survives a request's
    ``reset_queries``, unlike ``CaptureQueriesContext``)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


def count_queries(call: Callable[[], object]) -> int:
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        call()
    return counter.count


def _client(user: User) -> Client:
    client = Client(HTTP_HOST=HOST)
    client.force_login(user)
    return client


# --- the feed --------------------------------------------------------------------------------


def measure_feed(*, runs: int, warmup: int, sample: int) -> dict[str, Any]:
    heavy = User.objects.get(username=HEAVY_USERNAME)
    client = _client(heavy)
    url = reverse("social:feed")

    def view() -> None:
        response = client.get(url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")

    def query() -> None:
        page = queries.feed(heavy)
        if len(page.items) != PAGE_SIZE:
            raise RuntimeError(f"the feed's first page has {len(page.items)} posts")

    query()
    request_queries = count_queries(view)
    feed_queries = count_queries(query)
    view_ms = timed(view, runs, warmup)
    query_ms = timed(query, runs, warmup)

    rng = random.Random(7)
    readers = list(User.objects.filter(pk__in=rng.sample(range(1, heavy.pk), sample)))
    ordinary_ms = []
    for reader in readers:
        queries.feed(reader)  # warm this reader's index pages as a returning reader has
        started = time.perf_counter()
        queries.feed(reader)
        ordinary_ms.append((time.perf_counter() - started) * 1000)

    follows = queries.followed(heavy)
    return {
        "heavy_follower": {
            "user_id": heavy.pk,
            "places": Follow.objects.filter(follower=heavy, target="place").count(),
            "place_ids_expanded": len(follows.place_ids),
            "profiles": Follow.objects.filter(follower=heavy, target="profile").count(),
        },
        "view": summary(view_ms),
        "view_queries": request_queries,
        "view_bytes": len(client.get(url).content),
        "query": summary(query_ms),
        "query_queries": feed_queries,
        "ordinary_readers_query": summary(ordinary_ms),
    }


# --- publishing ------------------------------------------------------------------------------


PUBLISH_WARMUP = 3


def measure_publish(*, runs: int, fanouts: int) -> dict[str, Any]:
    """Publish ``runs`` posts as a 20,000-follower profile, then claim and fan some out."""
    profile = Profile.objects.get(display_name=CELEBRITY_NAMES[0])
    owner = User.objects.get(pk=profile.pk)
    followers = Follow.objects.filter(profile=profile).count()
    client = _client(owner)
    place_id = profile.home_place_id
    created: list[int] = []
    request_ms: list[float] = []
    request_queries = 0
    try:
        # The first requests of a process load templates, forms and the sanitiser: not timed.
        for n in range(PUBLISH_WARMUP + runs):
            draft = start_post(kind=Post.Kind.ARTICLE, author=profile, by=owner)
            created.append(draft.pk)
            data = {
                "headline": f"Bench: Bekanntmachung Nummer {n}",
                "teaser": "Die Stadtverwaltung informiert.",
                "body": "<p>Die Stadtverwaltung informiert über die Sperrung der Hauptstraße.</p>",
                "place": str(place_id),
                "topic": "1",
                "version": str(draft.version),
                "action": "publish",
            }
            url = reverse("content:compose", args=[draft.pk])
            counter = QueryCounter()
            with connection.execute_wrapper(counter):
                started = time.perf_counter()
                response = client.post(url, data)
                if n >= PUBLISH_WARMUP:
                    request_ms.append((time.perf_counter() - started) * 1000)
            request_queries = counter.count
            if response.status_code != 302:
                raise RuntimeError(f"publishing answered {response.status_code}")
        published = Post.objects.filter(pk__in=created, status=Post.Status.PUBLISHED).count()
        if published != len(created):
            raise RuntimeError(f"{published} of {len(created)} bench posts were published")
        told_in_request = Notification.objects.filter(post_id__in=created).count()

        started = time.perf_counter()
        claimed = services.notify_new_posts()
        claim_ms = (time.perf_counter() - started) * 1000
        fanout_ms: list[float] = []
        told: list[int] = []
        for pk in created[:fanouts]:
            started = time.perf_counter()
            told.append(tasks.fan_out_post.call(pk))
            fanout_ms.append((time.perf_counter() - started) * 1000)
    finally:
        _clean_up(created)
    return {
        "profile_followers": followers,
        "request": summary(request_ms),
        "request_queries": request_queries,
        "notifications_written_in_request": told_in_request,
        "claim_ms": round(claim_ms, 1),
        "claimed_posts": len(claimed),
        "fanout": summary(fanout_ms),
        "fanout_notifications": told,
        "fanout_notifications_per_second": round(sum(told) / (sum(fanout_ms) / 1000), 0),
    }


def _clean_up(post_ids: list[int]) -> None:
    """Remove the measurement's posts (and with them their notifications) and queued tasks."""
    if post_ids:
        Post.objects.filter(pk__in=post_ids).delete()
    DBTaskResult.objects.all().delete()


# --- query plans -----------------------------------------------------------------------------


def plans() -> dict[str, Any]:
    """EXPLAIN of the two post queries of the heavy follower's first page, as the feed runs
    them: the ids of the sources' newest posts (one UNION ALL), and the page's teasers."""
    heavy = User.objects.get(username=HEAVY_USERNAME)
    follows = queries.followed(heavy)
    postgres = connection.vendor == "postgresql"
    ids_query = newest_ids_sql(heavy, follows)
    if ids_query is None:
        raise RuntimeError("the heavy follower follows nothing")
    ids = newest_ids(heavy, follows)[:PAGE_SIZE]
    sql, params = teaser_reader.by_ids_query(ids)
    result: dict[str, Any] = {}
    for name, (statement, values) in {
        "ids": ids_query,
        "teasers": (sql, list(params)),
    }.items():
        plan = _explain(statement, values, "" if postgres else "QUERY PLAN")
        entry: dict[str, Any] = {"sql": statement, "params": [str(v) for v in values]}
        entry["plan"] = plan
        if postgres:
            entry["analyze"] = _explain(statement, values, "(ANALYZE, BUFFERS)")
        entry["post_indexes"] = sorted(set(re.findall(r"\b(post_\w+_idx)\b", plan)))
        entry["scans_posts_without_index"] = _scans_posts(plan, postgres=postgres)
        result[name] = entry
    return result


def _explain(sql: str, params: list[Any], options: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {options} {sql}", params)
        rows = cursor.fetchall()
    if connection.vendor == "postgresql":
        return "\n".join(row[0] for row in rows)
    # SQLite: id, parent, unused, detail, as Django's QuerySet.explain() prints them.
    return "\n".join(" ".join(str(column) for column in row) for row in rows)


def _scans_posts(plan: str, *, postgres: bool) -> bool:
    """Whether the plan reads content_post without an index (a sequential scan)."""
    if postgres:
        return "Seq Scan on content_post" in plan
    return any("SCAN content_post" in line and "USING" not in line for line in plan.splitlines())
