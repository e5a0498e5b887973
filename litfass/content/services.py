"""Every write of posts goes through here: create, edit, move through the lifecycle, pictures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from litfass.accounts.models import Membership, Profile, User
from litfass.content.models import EventDetails, Post, Topic
from litfass.core import pagecache
from litfass.images import services as image_services
from litfass.images.models import Image
from litfass.images.processing import clean_image
from litfass.places.models import Place
from litfass.richtext import plain_text, sanitize


@dataclass(frozen=True)
class EventData:
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None
    all_day: bool = False
    venue: str = ""
    address: str = ""
    latitude: float | None = None
    longitude: float | None = None
    online_url: str = ""
    organiser: str = ""
    price: str = ""
    ticket_url: str = ""


def can_act_for(user: User | None, profile: Profile) -> bool:
    """Whether ``user`` may write in the name of ``profile`` (a member, or staff)."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return Membership.objects.filter(user=user, profile=profile).exists()


def _check_author(by: User | None, profile: Profile) -> None:
    if by is not None and not can_act_for(by, profile):
        raise PermissionDenied(_("You may not write in the name of this profile."))


def _teaser_from(body: str, limit: int = 280) -> str:
    text = plain_text(body)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _unique_slug(headline: str) -> str:
    return slugify(headline)[:180] or "beitrag"


@transaction.atomic
def create_post(
    *,
    kind: str,
    author: Profile,
    headline: str,
    by: User | None = None,
    kicker: str = "",
    teaser: str = "",
    body: str = "",
    place: Place | None = None,
    topic: Topic | None = None,
    sponsor: Profile | None = None,
    event: EventData | None = None,
) -> Post:
    """Create a draft. ``by`` is the acting user (None for system imports such as the demo).

    Raises PermissionDenied if ``by`` may not write for ``author`` and ValidationError with
    translated messages for invalid fields. The body is sanitised before it is stored.
    """
    _check_author(by, author)
    if kind == Post.Kind.EVENT and event is None:
        raise ValidationError(_("An event needs a start date and time."))
    if kind != Post.Kind.EVENT and event is not None:
        raise ValidationError(_("Only events have a date and venue."))
    clean_body = sanitize(body)
    post = Post(
        kind=kind,
        author=author,
        headline=headline.strip(),
        slug=_unique_slug(headline),
        kicker=kicker.strip(),
        teaser=teaser.strip() or _teaser_from(clean_body),
        body=clean_body,
        place=place,
        topic=topic,
        sponsored=sponsor is not None,
        sponsor=sponsor,
    )
    post.full_clean()
    post.save()
    if event is not None:
        details = EventDetails(post=post, **event.__dict__)
        details.full_clean()
        details.save()
    return post


@transaction.atomic
def edit_post(
    *,
    post: Post,
    by: User | None = None,
    headline: str | None = None,
    kicker: str | None = None,
    teaser: str | None = None,
    body: str | None = None,
    place: Place | None = None,
    topic: Topic | None = None,
) -> Post:
    """Change the text of a post. A changed headline gives a new slug; old URLs redirect."""
    _check_author(by, post.author)
    if headline is not None:
        post.headline = headline.strip()
        post.slug = _unique_slug(headline)
    if kicker is not None:
        post.kicker = kicker.strip()
    if body is not None:
        post.body = sanitize(body)
    if teaser is not None:
        post.teaser = teaser.strip() or _teaser_from(post.body)
    if place is not None:
        post.place = place
    if topic is not None:
        post.topic = topic
    if post.is_published:
        post.edited_at = timezone.now()
        transaction.on_commit(pagecache.bump_generation)
    post.full_clean()
    post.save()
    return post


def _move(post: Post, status: str) -> None:
    if not post.can_move_to(status):
        raise ValidationError(
            _("A post cannot go from “%(old)s” to “%(new)s”."),
            params={
                "old": Post.Status(post.status).label,
                "new": Post.Status(status).label,
            },
        )
    post.status = status


def _check_kind_rules(post: Post) -> None:
    count = Image.objects.filter(post=post).count()
    if post.kind == Post.Kind.SNAPSHOT and count != 1:
        raise ValidationError(_("A snapshot has exactly one picture."))
    if post.kind == Post.Kind.GALLERY and count < 2:
        raise ValidationError(_("A photo gallery needs at least two pictures."))


@transaction.atomic
def publish_post(*, post: Post, by: User | None = None, at: dt.datetime | None = None) -> Post:
    """Publish a draft, pending or unpublished post; the first publication date is kept."""
    _check_author(by, post.author)
    _check_kind_rules(post)
    _move(post, Post.Status.PUBLISHED)
    if post.published_at is None:
        post.published_at = at or timezone.now()
    post.save(update_fields=["status", "published_at", "updated_at"])
    transaction.on_commit(pagecache.bump_generation)
    return post


@transaction.atomic
def unpublish_post(*, post: Post, by: User | None = None) -> Post:
    """Take a published post off the site."""
    _check_author(by, post.author)
    _move(post, Post.Status.UNPUBLISHED)
    post.save(update_fields=["status", "updated_at"])
    transaction.on_commit(pagecache.bump_generation)
    return post


def _refresh_picture_counters(post: Post) -> None:
    first = Image.objects.filter(post=post).order_by("position", "id").first()
    post.lead_image = first
    post.image_count = Image.objects.filter(post=post).count()
    post.save(update_fields=["lead_image", "image_count", "updated_at"])
    if post.is_published:
        transaction.on_commit(pagecache.bump_generation)


def add_picture(
    *,
    post: Post,
    data: bytes,
    credit: str,
    alt_text: str,
    caption: str = "",
    focal_x: float = 0.5,
    focal_y: float = 0.5,
    by: User | None = None,
) -> Image:
    """Add an uploaded picture to a post; metadata is stripped before anything is stored.

    Raises ValidationError (translated) for a bad file or missing credit/alt text; then neither
    a row nor a file remains.
    """
    _check_author(by, post.author)
    if post.kind == Post.Kind.SNAPSHOT and Image.objects.filter(post=post).exists():
        raise ValidationError(_("A snapshot has exactly one picture."))
    cleaned = clean_image(data)
    with image_services.stored_picture(cleaned) as name, transaction.atomic():
        image = image_services.create_image(
            post_id=post.pk,
            file_name=name,
            cleaned=cleaned,
            credit=credit,
            alt_text=alt_text,
            caption=caption,
            focal_x=focal_x,
            focal_y=focal_y,
            position=Image.objects.filter(post=post).count(),
        )
        _refresh_picture_counters(post)
    return image


@transaction.atomic
def remove_picture(*, image: Image, by: User | None = None) -> None:
    """Remove a picture from its post; its files go once the transaction commits."""
    post = image.post
    _check_author(by, post.author)
    image_services.delete_image(image=image)
    _refresh_picture_counters(post)


def count_reads(*, counts: dict[int, int]) -> None:
    """Add buffered read counts to posts (called by the periodic flush)."""
    for post_id, n in counts.items():
        Post.objects.filter(pk=post_id).update(read_count=F("read_count") + n)


class _ReadBuffer:
    """Read counts gathered in memory and written in one batch at most every few seconds.

    Counting every page view with its own UPDATE would turn each read into a write; losing a
    few seconds of counts when a process stops is acceptable for a "most read" list.
    """

    def __init__(self, interval: float = 10.0) -> None:
        self.interval = interval
        self.pending: dict[int, int] = {}
        self.last_flush = timezone.now()

    def add(self, post_id: int) -> None:
        self.pending[post_id] = self.pending.get(post_id, 0) + 1
        if (timezone.now() - self.last_flush).total_seconds() >= self.interval:
            self.flush()

    def flush(self) -> None:
        counts, self.pending = self.pending, {}
        self.last_flush = timezone.now()
        if counts:
            count_reads(counts=counts)


read_buffer = _ReadBuffer()


def record_read(*, post_id: int) -> None:
    """Count one read of a published post."""
    read_buffer.add(post_id)
