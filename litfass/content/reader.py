"""What readers see, read with plain SQL into plain objects.

The reading pages are the site's hot path. Building their querysets (six joins, a column list,
filters) cost more than running them, and turning rows into model instances and looking up
their attributes in templates cost as much again. So the few queries behind lists and post
pages are written out here once, in SQL that SQLite and PostgreSQL both run (row values,
``CAST(... AS TEXT)``), and return frozen dataclasses that hold exactly what a page shows.

The published filter is written as a literal, ``p.status = 'published'``: the partial indexes
on published posts can only serve a query whose condition provably implies theirs, which a
bound parameter does not (SQLite).

Every function here reads published posts only, except :func:`post_row`, whose caller checks
who may see an unpublished post (``queries.post_for_reader``).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection

from litfass.content import links
from litfass.content.models import EventDetails, Post
from litfass.images.models import Image

# The columns of a teaser, in the order ``_teaser`` reads them.
_TEASER_SELECT = """
SELECT p.id, p.kind, p.kicker, p.headline, p.slug, p.teaser, p.published_at, p.image_count,
       p.sponsored, t.name,
       i.id, i.file, i.width, i.height, i.alt_text, i.credit, i.caption, i.focal_x, i.focal_y,
       CAST(i.renditions AS TEXT), pl.name, e.starts_at
FROM content_post p
LEFT JOIN places_place pl ON pl.id = p.place_id
LEFT JOIN content_topic t ON t.id = p.topic_id
LEFT JOIN images_image i ON i.id = p.lead_image_id
LEFT JOIN content_eventdetails e ON e.post_id = p.id
WHERE p.status = 'published' AND {where}
"""

_PICTURE_COLUMNS = (
    "id, file, width, height, alt_text, credit, caption, focal_x, focal_y, CAST(renditions AS TEXT)"
)


@dataclass(frozen=True, slots=True)
class Picture:
    """One picture as ``{% picture %}`` renders it; ``renditions`` is the stored JSON text."""

    pk: int
    file_name: str
    width: int
    height: int
    alt_text: str
    credit: str
    caption: str
    focal_x: float
    focal_y: float
    renditions: str

    @classmethod
    def from_image(cls, image: Image) -> Picture:
        """The picture of an ``Image`` row (lists built with the ORM)."""
        return cls(
            pk=image.pk,
            file_name=image.file.name or "",
            width=image.width,
            height=image.height,
            alt_text=image.alt_text,
            credit=image.credit,
            caption=image.caption,
            focal_x=image.focal_x,
            focal_y=image.focal_y,
            renditions=json.dumps(image.renditions, sort_keys=True) if image.renditions else "",
        )


class _PostLink:
    """The public URL of a row with ``kind``, ``slug`` and ``pk``, like ``Post``'s."""

    __slots__ = ()
    kind: str
    slug: str
    pk: int

    @property
    def url(self) -> str:
        return links.post_url(self.kind, self.slug, self.pk)

    def get_absolute_url(self) -> str:
        """As ``Post.get_absolute_url``, for code written for models (tags of other apps)."""
        return self.url


@dataclass(frozen=True, slots=True)
class Teaser(_PostLink):
    """A post in a list: what a teaser, a compact list entry or an event entry shows."""

    pk: int
    kind: str
    kicker: str
    headline: str
    slug: str
    teaser: str
    published_at: dt.datetime
    image_count: int
    sponsored: bool
    topic_name: str | None
    lead_image: Picture | None
    place_name: str | None
    starts_at: dt.datetime | None  # events only

    @classmethod
    def from_post(cls, post: Post) -> Teaser:
        """The teaser of a ``Post`` from ``queries.teasers()`` (lists built with the ORM).

        An event's start is taken only if the queryset selected ``event``: never a query here.
        """
        event = Post.event.related.get_cached_value(post, default=None)
        starts_at = event.starts_at if isinstance(event, EventDetails) else None
        return cls(
            pk=post.pk,
            kind=post.kind,
            kicker=post.kicker,
            headline=post.headline,
            slug=post.slug,
            teaser=post.teaser,
            published_at=post.published_at or dt.datetime.min.replace(tzinfo=dt.UTC),
            image_count=post.image_count,
            sponsored=post.sponsored,
            topic_name=post.topic.name if post.topic else None,
            lead_image=Picture.from_image(post.lead_image) if post.lead_image else None,
            place_name=post.place.name if post.place else None,
            starts_at=starts_at,
        )


@dataclass(frozen=True, slots=True)
class PlaceRef:
    pk: int
    name: str
    slug: str
    path: str
    latitude: float
    longitude: float

    @property
    def url(self) -> str:
        return links.place_url(self.slug)

    def get_absolute_url(self) -> str:
        return self.url


@dataclass(frozen=True, slots=True)
class EventFacts:
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    all_day: bool
    venue: str
    address: str
    online_url: str
    organiser: str
    price: str
    ticket_url: str


@dataclass(frozen=True, slots=True)
class PostRow(_PostLink):
    """A post with everything its page shows but the pictures (see :func:`pictures_of`)."""

    pk: int
    kind: str
    status: str
    kicker: str
    headline: str
    slug: str
    teaser: str
    body: str
    published_at: dt.datetime | None
    edited_at: dt.datetime | None
    updated_at: dt.datetime
    sponsored: bool
    author_id: int
    author_name: str
    author_slug: str
    author_home: str | None
    sponsor_name: str | None
    topic_id: int | None
    topic_name: str | None
    topic_slug: str | None
    place: PlaceRef | None
    event: EventFacts | None
    embed_count: int = 0

    @property
    def author_url(self) -> str:
        return links.profile_url(self.author_slug)

    @property
    def topic_url(self) -> str:
        return links.topic_url(self.topic_slug or "")

    @property
    def is_published(self) -> bool:
        return self.status == Post.Status.PUBLISHED

    @property
    def status_label(self) -> str:
        return str(Post.Status(self.status).label)


@dataclass(frozen=True, slots=True)
class PostPage:
    """A post page's post: its row and its pictures in order."""

    post: PostRow
    pictures: list[Picture]


def _utc(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes (stored in UTC), PostgreSQL aware ones.
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _utc_or_none(value: dt.datetime | None) -> dt.datetime | None:
    return None if value is None else _utc(value)


def _stamp(value: dt.datetime) -> Any:
    """A datetime as the database compares it (naive UTC text on SQLite)."""
    return connection.ops.adapt_datetimefield_value(value)


def _placeholders(values: Sequence[Any]) -> str:
    return ", ".join(["%s"] * len(values))


def _picture(row: Sequence[Any], at: int) -> Picture | None:
    if row[at] is None:
        return None
    return Picture(*row[at : at + 10])


def _teaser(row: Sequence[Any]) -> Teaser:
    return Teaser(
        pk=row[0],
        kind=row[1],
        kicker=row[2],
        headline=row[3],
        slug=row[4],
        teaser=row[5],
        published_at=_utc(row[6]),
        image_count=row[7],
        sponsored=bool(row[8]),
        topic_name=row[9],
        lead_image=_picture(row, 10),
        place_name=row[20],
        starts_at=_utc_or_none(row[21]),
    )


def _teaser_query(
    where: str, params: Sequence[Any], *, limit: int | None = None
) -> tuple[str, list[Any]]:
    sql = _TEASER_SELECT.format(where=where) + " ORDER BY p.published_at DESC, p.id DESC"
    args = list(params)
    if limit is not None:
        sql += " LIMIT %s"
        args.append(limit)
    return sql, args


def _teasers(where: str, params: Sequence[Any], *, limit: int | None = None) -> list[Teaser]:
    """Teasers of the published posts matching ``where``, newest first."""
    sql, args = _teaser_query(where, params, limit=limit)
    with connection.cursor() as cursor:
        cursor.execute(sql, args)
        return [_teaser(row) for row in cursor.fetchall()]


def latest(
    *,
    place_ids: Sequence[int] | None = None,
    topic_id: int | None = None,
    author_id: int | None = None,
    before: tuple[dt.datetime, int] | None = None,
    exclude: int | None = None,
    limit: int,
) -> list[Teaser]:
    """Published posts, newest first, filtered by every criterion given.

    ``place_ids`` limits to those places (an empty sequence gives nothing, None does not
    filter), ``before`` continues a list after (published_at, id).
    """
    conditions = ["1 = 1"]
    params: list[Any] = []
    if place_ids is not None:
        if not place_ids:
            return []
        conditions.append(f"p.place_id IN ({_placeholders(place_ids)})")
        params += place_ids
    if topic_id is not None:
        conditions.append("p.topic_id = %s")
        params.append(topic_id)
    if author_id is not None:
        conditions.append("p.author_id = %s")
        params.append(author_id)
    if exclude is not None:
        conditions.append("p.id <> %s")
        params.append(exclude)
    if before is not None:
        conditions.append("(p.published_at, p.id) < (%s, %s)")
        params += [_stamp(before[0]), before[1]]
    return _teasers(" AND ".join(conditions), params, limit=limit)


def by_ids_query(ids: Sequence[int]) -> tuple[str, list[Any]]:
    """The SQL and parameters :func:`by_ids` runs (for EXPLAIN in the benchmarks)."""
    return _teaser_query(f"p.id IN ({_placeholders(ids)})", ids)


def by_ids(ids: Sequence[int]) -> list[Teaser]:
    """The published posts among ``ids``, in the order of ``ids``."""
    if not ids:
        return []
    found = {t.pk: t for t in _teasers(f"p.id IN ({_placeholders(ids)})", ids)}
    return [found[pk] for pk in ids if pk in found]


def most_read_ids(*, place_ids: Sequence[int] | None, since: dt.datetime, limit: int) -> list[int]:
    """Ids of the posts published since ``since`` with the most reads, most first.

    The date range comes first, so the query reads the posts of those days through the index
    on publication date, however many posts the site has.
    """
    conditions = "p.status = 'published' AND p.published_at >= %s"
    params: list[Any] = [_stamp(since)]
    if place_ids is not None:
        if not place_ids:
            return []
        conditions += f" AND p.place_id IN ({_placeholders(place_ids)})"
        params += place_ids
    sql = (
        f"SELECT p.id FROM content_post p WHERE {conditions} "  # noqa: S608 - placeholders only
        "ORDER BY p.read_count DESC, p.id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [row[0] for row in cursor.fetchall()]


def upcoming_ids(*, place_ids: Sequence[int] | None, now: dt.datetime, limit: int) -> list[int]:
    """Ids of the published events that have not ended by ``now``, soonest start first."""
    stamp = _stamp(now)
    conditions = (
        "p.status = 'published' AND p.kind = 'event' "
        "AND (e.ends_at >= %s OR (e.ends_at IS NULL AND e.starts_at >= %s))"
    )
    params: list[Any] = [stamp, stamp]
    if place_ids is not None:
        if not place_ids:
            return []
        conditions += f" AND p.place_id IN ({_placeholders(place_ids)})"
        params += place_ids
    # From the events to their posts: the dates (indexed) decide, not the many posts.
    sql = (
        "SELECT p.id FROM content_eventdetails e "  # noqa: S608 - placeholders only
        f"JOIN content_post p ON p.id = e.post_id WHERE {conditions} "
        "ORDER BY e.starts_at, p.id LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, limit])
        return [row[0] for row in cursor.fetchall()]


_POST_SQL = """
SELECT p.id, p.kind, p.status, p.kicker, p.headline, p.slug, p.teaser, p.body,
       p.published_at, p.edited_at, p.updated_at, p.sponsored,
       p.author_id, a.display_name, a.slug, hp.name, s.display_name,
       p.topic_id, t.name, t.slug,
       pl.id, pl.name, pl.slug, pl.path, pl.latitude, pl.longitude,
       e.starts_at, e.ends_at, e.all_day, e.venue, e.address, e.online_url, e.organiser,
       e.price, e.ticket_url, p.embed_count
FROM content_post p
JOIN accounts_profile a ON a.id = p.author_id
LEFT JOIN places_place hp ON hp.id = a.home_place_id
LEFT JOIN accounts_profile s ON s.id = p.sponsor_id
LEFT JOIN content_topic t ON t.id = p.topic_id
LEFT JOIN places_place pl ON pl.id = p.place_id
LEFT JOIN content_eventdetails e ON e.post_id = p.id
WHERE p.id = %s AND p.deleted_at IS NULL
"""


def post_row(pk: int) -> PostRow | None:
    """The post ``pk`` in any status unless deleted; None if there is none."""
    with connection.cursor() as cursor:
        cursor.execute(_POST_SQL, [pk])
        row = cursor.fetchone()
    if row is None:
        return None
    place = PlaceRef(*row[20:26]) if row[20] is not None else None
    event = None
    if row[26] is not None:
        event = EventFacts(_utc(row[26]), _utc_or_none(row[27]), bool(row[28]), *row[29:35])
    return PostRow(
        pk=row[0],
        kind=row[1],
        status=row[2],
        kicker=row[3],
        headline=row[4],
        slug=row[5],
        teaser=row[6],
        body=row[7],
        published_at=_utc_or_none(row[8]),
        edited_at=_utc_or_none(row[9]),
        updated_at=_utc(row[10]),
        sponsored=bool(row[11]),
        author_id=row[12],
        author_name=row[13],
        author_slug=row[14],
        author_home=row[15],
        sponsor_name=row[16],
        topic_id=row[17],
        topic_name=row[18],
        topic_slug=row[19],
        place=place,
        event=event,
        embed_count=row[35],
    )


def pictures_of(post_pk: int) -> list[Picture]:
    """The pictures of a post in their order."""
    sql = (
        f"SELECT {_PICTURE_COLUMNS} FROM images_image "  # noqa: S608 - a constant column list
        "WHERE post_id = %s ORDER BY position, id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [post_pk])
        return [Picture(*row) for row in cursor.fetchall()]
