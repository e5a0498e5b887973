"""Every read of posts that a view or feed needs, with its joins applied.

The reader's side (lists, post pages) runs the plain SQL of :mod:`litfass.content.reader` and
returns its plain objects; the writer's side (composer, editors' queue) uses the ORM.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from litfass.accounts.models import Membership, Profile, User
from litfass.content import reader
from litfass.content.models import Autosave, Post, Revision, Topic
from litfass.content.reader import PostPage, PostRow, Teaser
from litfass.core.memo import GenerationMemo
from litfass.images.models import Image
from litfass.places.models import Place
from litfass.places.queries import place_for_reader, surroundings_of

PAGE_SIZE = 12
MOST_READ_DAYS = 30
# "Most read" ranks a month of posts by their reads; a process recomputes the ranking at most
# this often (and after every change of the content generation). Read counts reach the
# database in batches every few seconds anyway, so a minute more changes little.
MOST_READ_MAX_AGE = 60.0
# Finding the events that have not ended scans the events by date; a minute's delay in dropping
# one that just ended is fine for a sidebar.
UPCOMING_MAX_AGE = 60.0
# Pass to teasers() with select_related("event") for lists that show an event's start.
TEASER_EVENT_FIELDS = ("event__starts_at", "event__ends_at", "event__all_day", "event__venue")


@dataclass(frozen=True)
class Page[T]:
    """One page of a list: the items and the cursor of the next page, if any."""

    items: list[T]
    next_cursor: str | None


def teasers(*extra_fields: str) -> QuerySet[Post]:
    """Published posts with everything a teaser shows joined in (one query for a list).

    For lists built with the ORM (the reader's feed); ``{% teasers %}`` renders their posts
    too. The site's own lists use the faster :mod:`litfass.content.reader`.
    """
    return (
        Post.objects.filter(status=Post.Status.PUBLISHED)
        .select_related("author", "author__home_place", "place", "topic", "lead_image", "sponsor")
        .only(
            *extra_fields,
            "id",
            "kind",
            "kicker",
            "headline",
            "slug",
            "teaser",
            "published_at",
            "image_count",
            "sponsored",
            "author__display_name",
            "author__slug",
            "author__home_place__name",
            "place__name",
            "place__slug",
            "topic__name",
            "topic__slug",
            "sponsor__display_name",
            "lead_image__file",
            "lead_image__width",
            "lead_image__height",
            "lead_image__alt_text",
            "lead_image__credit",
            "lead_image__caption",
            "lead_image__focal_x",
            "lead_image__focal_y",
            "lead_image__renditions",
        )
    )


def _cursor(post: Teaser) -> str:
    return f"{post.published_at.timestamp():.6f}_{post.pk}"


def _parse_cursor(cursor: str | None) -> tuple[dt.datetime, int] | None:
    if not cursor:
        return None
    try:
        stamp, pk = cursor.split("_", 1)
        return dt.datetime.fromtimestamp(float(stamp), tz=dt.UTC), int(pk)
    except (ValueError, OverflowError, OSError):
        return None


def _page(
    cursor: str | None,
    size: int,
    *,
    place_ids: tuple[int, ...] | None = None,
    topic_id: int | None = None,
    author_id: int | None = None,
) -> Page[Teaser]:
    """Keyset pagination on (published_at, id) descending: no offset scans, stable pages."""
    items = reader.latest(
        place_ids=place_ids,
        topic_id=topic_id,
        author_id=author_id,
        before=_parse_cursor(cursor),
        limit=size + 1,
    )
    more = len(items) > size
    items = items[:size]
    return Page(items=items, next_cursor=_cursor(items[-1]) if more and items else None)


def _place_ids(place: Place | None) -> tuple[int, ...] | None:
    return surroundings_of(place).ids if place is not None else None


def default_place() -> Place | None:
    """The place of the home page (``LITFASS_DEFAULT_PLACE``), if it exists."""
    try:
        return place_for_reader(settings.LITFASS_DEFAULT_PLACE)
    except Http404:
        return None


def in_surroundings(
    place: Place | None, cursor: str | None = None, size: int = PAGE_SIZE
) -> Page[Teaser]:
    """Newest posts in "X und Umgebung" (all posts without a place)."""
    return _page(cursor, size, place_ids=_place_ids(place))


def by_topic(topic: Topic, cursor: str | None = None, size: int = PAGE_SIZE) -> Page[Teaser]:
    return _page(cursor, size, topic_id=topic.pk)


def by_profile(profile: Profile, cursor: str | None = None, size: int = PAGE_SIZE) -> Page[Teaser]:
    return _page(cursor, size, author_id=profile.pk)


_most_read_memo: GenerationMemo[tuple[int | None, int, int], list[int]] = GenerationMemo(
    max_age=MOST_READ_MAX_AGE
)


def most_read(place: Place | None, days: int = MOST_READ_DAYS, limit: int = 5) -> list[Teaser]:
    """The most read posts of the last ``days`` days in the place and its surroundings.

    The ranking (a handful of ids) is kept per process for ``MOST_READ_MAX_AGE`` seconds; the
    posts themselves are read on every call, so a post unpublished meanwhile drops out at once.
    """
    place_ids = _place_ids(place)

    def rank() -> list[int]:
        since = timezone.now() - dt.timedelta(days=days)
        return reader.most_read_ids(place_ids=place_ids, since=since, limit=limit)

    key = (place.pk if place is not None else None, days, limit)
    return reader.by_ids(_most_read_memo.get(key, rank))


def topic_by_slug(slug: str) -> Topic:
    try:
        return Topic.objects.get(slug=slug)
    except Topic.DoesNotExist:
        raise Http404(slug) from None


def profile_by_slug(slug: str) -> Profile:
    try:
        return Profile.objects.select_related("home_place").get(slug=slug)
    except Profile.DoesNotExist:
        raise Http404(slug) from None


def topics() -> list[Topic]:
    return list(Topic.objects.all())


def post_for_reader(pk: int, user: User | None = None) -> PostPage:
    """The post with everything its page shows, if this reader may see it; else Http404.

    Published posts are public. Drafts and other unpublished states are visible to the
    author's members and staff only; for everybody else they do not exist.
    """
    post = reader.post_row(pk)
    if post is None:
        raise Http404("post")
    if not post.is_published and not _may_preview(user, post):
        raise Http404("post")
    return PostPage(post=post, pictures=reader.pictures_of(pk))


def _may_preview(user: User | None, post: PostRow) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Membership.objects.filter(profile_id=post.author_id, user=user).exists()


def related(post: PostRow, limit: int = 4) -> list[Teaser]:
    """Other published posts of the same topic near the same place, newest first."""
    return reader.latest(
        place_ids=surroundings_of(post.place).ids if post.place is not None else None,
        topic_id=post.topic_id,
        exclude=post.pk,
        limit=limit,
    )


_upcoming_memo: GenerationMemo[tuple[int | None, int], list[int]] = GenerationMemo(
    max_age=UPCOMING_MAX_AGE
)


def upcoming_events(place: Place | None, limit: int = 5) -> list[Teaser]:
    """Published events that have not ended, soonest first.

    Like "most read", the choice (a handful of ids) is kept per process, for
    ``UPCOMING_MAX_AGE`` seconds: an event that has just ended may stay that long.
    """
    place_ids = _place_ids(place)

    def choose() -> list[int]:
        return reader.upcoming_ids(place_ids=place_ids, now=timezone.now(), limit=limit)

    key = (place.pk if place is not None else None, limit)
    return reader.by_ids(_upcoming_memo.get(key, choose))


# --- the writer's side -------------------------------------------------------------------------


def post_for_writer(pk: int, user: User) -> Post:
    """A post the user may edit (member of its author profile, or staff); else Http404.

    Missing, deleted and foreign posts look the same, so nothing leaks that a draft exists.
    """
    post = (
        Post.objects.select_related("author", "place", "topic", "lead_image")
        .filter(pk=pk, deleted_at__isnull=True)
        .first()
    )
    if post is None:
        raise Http404("post")
    if not user.is_staff and not post.author.memberships.filter(user=user).exists():
        raise Http404("post")
    return post


def pictures_of(post: Post) -> list[Image]:
    return list(Image.objects.filter(post=post).order_by("position", "id"))


def picture_for_writer(post: Post, image_pk: int) -> Image:
    image = Image.objects.filter(post=post, pk=image_pk).first()
    if image is None:
        raise Http404("picture")
    return image


def my_posts(user: User) -> QuerySet[Post]:
    """Every post of the profiles the user writes for, newest change first."""
    return (
        Post.objects.filter(author__memberships__user=user, deleted_at__isnull=True)
        .select_related("author", "place", "lead_image")
        .order_by("-updated_at", "-id")
    )


def review_queue() -> QuerySet[Post]:
    """Submitted posts waiting for an editor, oldest first."""
    return (
        Post.objects.filter(status=Post.Status.PENDING, deleted_at__isnull=True)
        .select_related("author", "place", "created_by", "lead_image")
        .order_by("updated_at", "id")
    )


def history(post: Post) -> list[Revision]:
    return list(post.revisions.select_related("by"))


def autosave_of(post: Post, user: User) -> Autosave | None:
    return Autosave.objects.filter(post=post, user=user).first()
