"""“Mein Feed”: the newest posts of everything a reader follows, computed at read time.

Design (see docs/architecture.md, "litfass.social"): the feed is the merge of up to three
sources, each one indexed query on a partial index of published posts —

* posts by the followed profiles (``post_author_published_idx``),
* posts in the followed places, their districts and, where chosen, their surroundings
  (``post_place_published_idx``; the place ids are expanded first, in one query),
* posts in the followed topics (``post_topic_published_idx``).

Each source applies the keyset cursor (``published_at``, ``id``) and takes the newest
``size + 1`` posts with the teaser joins; the sources are merged in Python (a k-way merge of
sorted lists), duplicates dropped, muted authors excluded in SQL. The global newest ``size + 1``
are always among the sources' newest ``size + 1`` each, so the page is exact, and posts
published after the first page was read are newer than the cursor and never shift a later page.
A page costs at most five queries whatever the number of follows or followers: the reader's
follows, the place expansion, and one query per source.

Callers use :func:`feed` only; a materialised feed (rows per reader written by the fan-out)
would replace the body of :func:`feed` and keep its signature and cursor format.
"""

from __future__ import annotations

import datetime as dt
import heapq
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from litfass.accounts.models import User
from litfass.content.models import Post
from litfass.content.queries import teasers
from litfass.places.models import Place
from litfass.places.queries import surroundings
from litfass.social.models import Follow, Mute

PAGE_SIZE = 12
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MICROSECOND = dt.timedelta(microseconds=1)


@dataclass(frozen=True)
class FeedPage:
    """One page of the feed: posts from ``content.queries.teasers()`` and the next cursor."""

    items: list[Post]
    next_cursor: str | None


def encode_cursor(post: Post) -> str:
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

    Two queries at most: the follows, and (if places are followed) the expansion as one UNION.
    """
    rows = list(
        Follow.objects.filter(follower=user).values_list(
            "target",
            "with_surroundings",
            "place__pk",
            "place__path",
            "place__latitude",
            "place__longitude",
        )
    )
    targets = {row[0] for row in rows}
    places = [row for row in rows if row[0] == Follow.Target.PLACE]
    place_ids: tuple[int, ...] = ()
    if places:
        prefixes = Q()
        parts: list[QuerySet[Place, int]] = []
        for _target, with_surroundings, pk, path, latitude, longitude in places:
            if with_surroundings:
                point = Place(pk=pk, path=path, latitude=latitude, longitude=longitude)
                parts.append(surroundings(point).order_by().values_list("pk", flat=True))
            else:
                prefixes |= Q(path__startswith=path)
        if prefixes:
            parts.insert(0, Place.objects.filter(prefixes).order_by().values_list("pk", flat=True))
        query = parts[0].union(*parts[1:]).order_by() if len(parts) > 1 else parts[0]
        place_ids = tuple(sorted(set(query)))
    return Followed(
        profiles=Follow.Target.PROFILE in targets,
        topics=Follow.Target.TOPIC in targets,
        place_ids=place_ids,
    )


def _after(queryset: QuerySet[Post], cursor: str | None) -> QuerySet[Post]:
    after = decode_cursor(cursor)
    if after is None:
        return queryset
    stamp, pk = after
    return queryset.filter(Q(published_at__lt=stamp) | Q(published_at=stamp, pk__lt=pk))


def sources(user: User, follows: Followed) -> list[QuerySet[Post]]:
    """One queryset per kind of follow, muted authors and deleted posts excluded, unordered."""
    base = teasers().filter(deleted_at__isnull=True)
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


def _key(post: Post) -> tuple[dt.datetime, int]:
    assert post.published_at is not None  # noqa: S101 - published posts only
    return post.published_at, post.pk


def feed(
    user: User, cursor: str | None = None, size: int = PAGE_SIZE, follows: Followed | None = None
) -> FeedPage:
    """One page of the reader's feed, newest first, after ``cursor`` (the "nach" parameter).

    Pass ``follows`` when the caller read them already (saves a query). A broken cursor starts
    at the first page.
    """
    follows = follows if follows is not None else followed(user)
    lists = [
        list(_after(source, cursor).order_by("-published_at", "-id")[: size + 1])
        for source in sources(user, follows)
    ]
    items: list[Post] = []
    seen: set[int] = set()
    for post in heapq.merge(*lists, key=_key, reverse=True):
        if post.pk in seen:
            continue
        seen.add(post.pk)
        items.append(post)
        if len(items) > size:
            break
    more = len(items) > size
    items = items[:size]
    return FeedPage(items=items, next_cursor=encode_cursor(items[-1]) if more and items else None)
