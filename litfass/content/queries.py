"""Every read of posts that a view or feed needs, with its joins applied."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from litfass.accounts.models import Profile, User
from litfass.content.models import Autosave, Post, Revision, Topic
from litfass.images.models import Image
from litfass.places.models import Place
from litfass.places.queries import surroundings

PAGE_SIZE = 12


TEASER_EVENT_FIELDS = ("event__starts_at", "event__ends_at", "event__all_day", "event__venue")


def teasers(*extra_fields: str) -> QuerySet[Post]:
    """Published posts with everything a teaser shows joined in (one query for a list)."""
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
            "lead_image__focal_x",
            "lead_image__focal_y",
            "lead_image__renditions",
        )
    )


@dataclass(frozen=True)
class Page:
    """One page of a list: the items and the cursor of the next page, if any."""

    items: list[Post]
    next_cursor: str | None


def _cursor(post: Post) -> str:
    stamp = post.published_at.timestamp() if post.published_at else 0.0
    return f"{stamp:.6f}_{post.pk}"


def _parse_cursor(cursor: str | None) -> tuple[dt.datetime, int] | None:
    if not cursor:
        return None
    try:
        stamp, pk = cursor.split("_", 1)
        return dt.datetime.fromtimestamp(float(stamp), tz=dt.UTC), int(pk)
    except ValueError:
        return None


def paginate(queryset: QuerySet[Post], cursor: str | None, size: int = PAGE_SIZE) -> Page:
    """Keyset pagination on (published_at, id) descending: no offset scans, stable pages."""
    after = _parse_cursor(cursor)
    if after is not None:
        stamp, pk = after
        queryset = queryset.filter(Q(published_at__lt=stamp) | Q(published_at=stamp, pk__lt=pk))
    items = list(queryset.order_by("-published_at", "-id")[: size + 1])
    more = len(items) > size
    items = items[:size]
    return Page(items=items, next_cursor=_cursor(items[-1]) if more and items else None)


def default_place() -> Place | None:
    return Place.objects.filter(slug=settings.LITFASS_DEFAULT_PLACE).first()


def in_surroundings(place: Place) -> QuerySet[Post]:
    return teasers().filter(place__in=surroundings(place).values("pk"))


def most_read(place: Place | None, days: int = 30, limit: int = 5) -> list[Post]:
    """The most read posts of the last ``days`` days in the place and its surroundings."""
    since = timezone.now() - dt.timedelta(days=days)
    queryset = in_surroundings(place) if place else teasers()
    return list(queryset.filter(published_at__gte=since).order_by("-read_count", "-id")[:limit])


def by_topic(topic: Topic) -> QuerySet[Post]:
    return teasers().filter(topic=topic)


def by_profile(profile: Profile) -> QuerySet[Post]:
    return teasers().filter(author=profile)


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


def post_for_reader(pk: int, user: User | None = None) -> Post:
    """The post with everything its page shows, if this reader may see it; else Http404.

    Published posts are public. Drafts and other unpublished states are visible to the
    author's members and staff only; for everybody else they do not exist.
    """
    queryset = Post.objects.select_related(
        "author", "author__home_place", "place", "topic", "sponsor", "lead_image"
    ).prefetch_related(
        Prefetch("images", queryset=Image.objects.order_by("position", "id")),
    )
    post = queryset.filter(pk=pk, deleted_at__isnull=True).first()
    if post is None:
        raise Http404("post")
    if post.status != Post.Status.PUBLISHED and not _may_preview(user, post):
        raise Http404("post")
    if post.kind == Post.Kind.EVENT:
        # One extra query only for events; other kinds have no event row.
        post.event  # noqa: B018 - load the one-to-one row now, not in the template
    return post


def _may_preview(user: User | None, post: Post) -> bool:
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return post.author.memberships.filter(user=user).exists()


def related(post: Post, limit: int = 4) -> list[Post]:
    """Other published posts of the same topic near the same place, newest first."""
    queryset = teasers().exclude(pk=post.pk)
    if post.place is not None:
        queryset = queryset.filter(place__in=surroundings(post.place).values("pk"))
    if post.topic_id is not None:
        queryset = queryset.filter(topic_id=post.topic_id)
    return list(queryset.order_by("-published_at", "-id")[:limit])


def upcoming_events(place: Place | None, limit: int = 5) -> list[Post]:
    """Published events that have not ended, soonest first."""
    now = timezone.now()
    queryset = teasers(*TEASER_EVENT_FIELDS).select_related("event")
    if place is not None:
        queryset = queryset.filter(place__in=surroundings(place).values("pk"))
    queryset = queryset.filter(kind=Post.Kind.EVENT).filter(
        Q(event__ends_at__gte=now) | Q(event__ends_at__isnull=True, event__starts_at__gte=now)
    )
    return list(queryset.order_by("event__starts_at")[:limit])


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


def author_choices(user: User) -> list[Profile]:
    """Profiles the user may publish as: the personal profile first, then organisations."""
    profiles = Profile.objects.filter(memberships__user=user).select_related("home_place")
    return sorted(profiles, key=lambda p: (p.person_id != user.pk, p.display_name.lower()))


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
