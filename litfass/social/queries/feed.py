"""“Mein Feed”: the newest posts of everything a reader follows, computed at read time.

Design (see docs/architecture.md, "The feed at scale"): the feed is the merge of up to three
sources, each one indexed query on a partial index of published posts —

* posts by the followed profiles (``post_author_published_idx``),
* posts in the followed places, their districts and, where chosen, their surroundings
  (``post_place_published_idx``; the place ids are expanded first, in one query),
* posts in the followed topics (``post_topic_published_idx``).

A page is read in two steps. First the ids: each source applies the keyset cursor
(``published_at``, ``id``), excludes muted authors and takes the ids of its newest ``size + 1``
posts, reading the posts table alone; the sources go to the database as one UNION ALL, ordered
newest first, and duplicates are dropped here. Then one query fetches the page's posts by id
with the teaser joins. The global newest ``size + 1`` are always among the sources' newest
``size + 1`` each, so the page is exact, and posts published after the first page was read are
newer than the cursor and never shift a later page. A page costs three queries whatever the
number of follows or followers: the reader's follows, the ids, the posts (the places'
expansion comes from in-process memos). Why two steps: with the six teaser joins in every
source, PostgreSQL spent up to 30 ms planning a source that then ran in under a millisecond;
apart, both plans are small. The posts
come from the reading pages' hand-written teaser query (``content.reader.by_ids``), which
PostgreSQL plans in about a quarter of the time of the equivalent ORM query.

Callers use :func:`feed` only; a materialised feed (rows per reader written by the fan-out)
would replace the body of :func:`feed` and keep its signature and cursor format.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import Q, QuerySet

from litfass.accounts.models import User
from litfass.content import reader
from litfass.content.models import Post
from litfass.content.reader import Teaser
from litfass.places.models import Place
from litfass.places.queries import descendant_ids, surroundings_of
from litfass.social.models import Follow, Mute

PAGE_SIZE = 12
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


@dataclass(frozen=True)
class FeedPage:
    """One page of the feed: teasers from ``content.reader`` and the next cursor."""

    items: list[Teaser]
    next_cursor: str | None


def encode_cursor(post: Post | Teaser) -> str:
    """The cursor after ``post``: its publication time in whole microseconds and its id."""
    assert post.published_at is not None  # noqa: S101 - feeds hold published posts only
    return f"{(post.published_at - _EPOCH) // _MICROSECOND}_{post.pk}"


def decode_cursor(cursor: str | None) -> tuple[dt.datetime, int] | None:
    """The (published_at, id) a cursor stands for; None for no cursor or a broken one."""
    if not cursor:
        return None
    try:
        micros, pk = cursor.split("_", 1)
        return _EPOCH + int(micros) * _MICROSECOND, int(pk)
    except (ValueError, OverflowError):
        return None


@dataclass(frozen=True)
class Followed:
    """What a reader follows, as the feed needs it."""

    profiles: bool
    topics: bool
    place_ids: tuple[int, ...]

    @property
    def anything(self) -> bool:
        return self.profiles or self.topics or bool(self.place_ids)


def followed(user: User) -> Followed:
    """The reader's follows, with followed places expanded to districts and surroundings.

    One query: the followed places with their position, and which other kinds of follows
    the reader has (not the hundreds of profiles themselves: the feed query reads those). The
    expansion comes from the places' in-process memos, so it costs no query once warm.
    """
    follow, place = Follow._meta.db_table, Place._meta.db_table
    sql = (
        f"SELECT f.target, f.with_surroundings, p.id, p.path, p.latitude, p.longitude "  # noqa: S608
        f"FROM {follow} f JOIN {place} p ON p.id = f.place_id "
        "WHERE f.follower_id = %s AND f.target = %s "
        "UNION ALL "
        f"SELECT f.target, NULL, NULL, NULL, NULL, NULL FROM {follow} f "
        "WHERE f.follower_id = %s AND f.target <> %s GROUP BY f.target"
    )
    place_target = str(Follow.Target.PLACE)
    params: list[int | str] = [user.pk, place_target, user.pk, place_target]
    with connections[Follow.objects.db].cursor() as db_cursor:
        db_cursor.execute(sql, params)
        rows = db_cursor.fetchall()
    targets = {row[0] for row in rows}
    ids: set[int] = set()
    for target, with_surroundings, pk, path, latitude, longitude in rows:
        if target != Follow.Target.PLACE:
            continue
        if with_surroundings:
            point = Place(pk=pk, path=path, latitude=latitude, longitude=longitude)
            ids.update(surroundings_of(point).ids)
        else:
            ids.update(descendant_ids(path))
    return Followed(
        profiles=Follow.Target.PROFILE in targets,
        topics=Follow.Target.TOPIC in targets,
        place_ids=tuple(sorted(ids)),
    )


def _after(queryset: QuerySet[Post], cursor: str | None) -> QuerySet[Post]:
    after = decode_cursor(cursor)
    if after is None:
        return queryset
    stamp, pk = after
    return queryset.filter(Q(published_at__lt=stamp) | Q(published_at=stamp, pk__lt=pk))


def sources(user: User, follows: Followed) -> list[QuerySet[Post]]:
    """One queryset per kind of follow on the posts table alone: published, not deleted,
    muted authors excluded, unordered."""
    base = Post.objects.filter(status=Post.Status.PUBLISHED, deleted_at__isnull=True)
    base = base.exclude(author_id__in=Mute.objects.filter(user=user).values("profile_id"))
    result = []
    if follows.profiles:
        profiles = Follow.objects.filter(follower=user, profile__isnull=False)
        result.append(base.filter(author_id__in=profiles.values("profile_id")))
    if follows.place_ids:
        result.append(base.filter(place_id__in=follows.place_ids))
    if follows.topics:
        topics = Follow.objects.filter(follower=user, topic__isnull=False)
        result.append(base.filter(topic_id__in=topics.values("topic_id")))
    return result


def newest_ids_sql(
    user: User, follows: Followed, cursor: str | None = None, limit: int = PAGE_SIZE + 1
) -> tuple[str, list[Any]] | None:
    """The SQL and parameters of :func:`newest_ids`' one query; None when nothing is followed.

    Each source is sorted and cut in a subquery of its own, so that it reads its index in order
    and stops after ``limit`` rows; the outer query orders the at most 3 × ``limit`` rows.
    """
    parts = [
        _after(source, cursor)
        .order_by("-published_at", "-id")
        .values_list("published_at", "id")[:limit]
        for source in sources(user, follows)
    ]
    statements: list[str] = []
    params: list[Any] = []
    for n, part in enumerate(parts):
        sql, part_params = part.query.get_compiler(using=part.db).as_sql()
        # Django's own SQL with placeholders; the values travel as parameters.
        statements.append(f"SELECT * FROM ({sql}) AS source_{n}")  # noqa: S608
        params.extend(part_params)
    if not statements:
        return None
    union = " UNION ALL ".join(statements)
    sql = f"SELECT id FROM ({union}) AS sources ORDER BY published_at DESC, id DESC"  # noqa: S608
    return sql, params


def newest_ids(
    user: User, follows: Followed, cursor: str | None = None, limit: int = PAGE_SIZE + 1
) -> list[int]:
    """The ids of up to ``limit`` newest posts of the reader's sources after ``cursor``,
    newest first, each once. One query (see :func:`newest_ids_sql`)."""
    query = newest_ids_sql(user, follows, cursor, limit)
    if query is None:
        return []
    with connections[Post.objects.db].cursor() as db_cursor:
        db_cursor.execute(*query)
        rows = db_cursor.fetchall()
    return list(dict.fromkeys(row[0] for row in rows))[:limit]


def feed(
    user: User, cursor: str | None = None, size: int = PAGE_SIZE, follows: Followed | None = None
) -> FeedPage:
    """One page of the reader's feed, newest first, after ``cursor`` (the "nach" parameter).

    Pass ``follows`` when the caller read them already (saves a query). A broken cursor starts
    at the first page.
    """
    follows = follows if follows is not None else followed(user)
    ids = newest_ids(user, follows, cursor, size + 1)
    more = len(ids) > size
    ids = ids[:size]
    # The reading pages' teaser query: hand-written SQL that PostgreSQL plans in a fraction of
    # the ORM query's time. A post unpublished between the two queries is left out.
    items = reader.by_ids(ids)
    return FeedPage(items=items, next_cursor=encode_cursor(items[-1]) if more and items else None)
