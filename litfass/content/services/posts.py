"""Creating, editing and deleting posts."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from litfass.accounts.models import Profile, User
from litfass.content.models import EventDetails, Post, Revision, Topic
from litfass.content.services.common import check_author, record
from litfass.core import pagecache
from litfass.images.models import Image
from litfass.places.models import Place
from litfass.richtext import plain_text, sanitize, text_to_html


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


class StaleEditError(Exception):
    """The post was changed by someone else since the editor opened it.

    ``post`` is the current state from the database; ``changed_by`` names who saved last.
    """

    def __init__(self, post: Post, changed_by: str) -> None:
        super().__init__(f"post {post.pk} changed meanwhile by {changed_by}")
        self.post = post
        self.changed_by = changed_by


def teaser_from(body: str, limit: int = 280) -> str:
    text = plain_text(body)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _slug(headline: str) -> str:
    return slugify(headline)[:180] or "beitrag"


def _save_event(post: Post, event: EventData) -> None:
    details = EventDetails(post=post, **asdict(event))
    details.full_clean(validate_unique=False)
    details.save()


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
    """Create a draft with its text. ``by`` is the acting user (None for system imports).

    Raises PermissionDenied if ``by`` may not write for ``author`` and ValidationError with
    translated messages for invalid fields. The body is sanitised before it is stored.
    """
    check_author(by, author)
    if not headline.strip():
        raise ValidationError({"headline": _("Please give the post a headline.")})
    if kind == Post.Kind.EVENT and event is None:
        raise ValidationError(_("An event needs a start date and time."))
    if kind != Post.Kind.EVENT and event is not None:
        raise ValidationError(_("Only events have a date and venue."))
    clean_body = sanitize(body)
    post = Post(
        kind=kind,
        author=author,
        headline=headline.strip(),
        slug=_slug(headline),
        kicker=kicker.strip(),
        teaser=teaser.strip() or teaser_from(clean_body),
        body=clean_body,
        place=place,
        topic=topic,
        sponsored=sponsor is not None,
        sponsor=sponsor,
        created_by=by,
    )
    post.full_clean()
    post.save()
    if event is not None:
        _save_event(post, event)
    record(post, Revision.Action.CREATED, by)
    return post


def start_post(*, kind: str, author: Profile, by: User, token: str = "") -> Post:
    """Open an empty draft in the composer. A repeated ``token`` returns the same draft.

    Raises PermissionDenied if ``by`` may not write for ``author``.
    """
    check_author(by, author)
    if kind not in Post.Kind.values:
        raise ValidationError(_("Please choose what you want to write."))
    if token:
        existing = Post.objects.filter(created_by=by, client_token=token).first()
        if existing is not None:
            return existing
    try:
        with transaction.atomic():
            post = Post.objects.create(
                kind=kind,
                author=author,
                slug="entwurf",
                created_by=by,
                client_token=token,
                place=author.home_place,
            )
            if kind == Post.Kind.EVENT:
                start = (timezone.now() + dt.timedelta(days=7)).replace(
                    hour=18, minute=0, second=0, microsecond=0
                )
                EventDetails.objects.create(post=post, starts_at=start)
            record(post, Revision.Action.CREATED, by)
    except IntegrityError:
        # The same form was submitted twice at the same moment: the other request won.
        return Post.objects.get(created_by=by, client_token=token)
    return post


_TEXT_FIELDS = ("kicker", "headline", "teaser", "body")


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
    event: EventData | None = None,
    base_version: int | None = None,
) -> Post:
    """Change a post. A changed headline gives a new slug; old URLs redirect.

    With ``base_version`` the edit is refused with StaleEditError when someone else saved the
    post after that version. Every change is written to the post's history.
    """
    check_author(by, post.author)
    current = Post.objects.select_for_update().get(pk=post.pk)
    if base_version is not None and current.version != base_version:
        last = current.revisions.select_related("by").first()
        name = last.by.get_full_name() or last.by.email if last and last.by else _("someone")
        raise StaleEditError(current, name)
    new: dict[str, Any] = {
        "headline": None if headline is None else headline.strip(),
        "kicker": None if kicker is None else kicker.strip(),
        "body": None if body is None else sanitize(text_to_html(body)),
    }
    if teaser is not None:
        new["teaser"] = teaser.strip() or teaser_from(new["body"] or post.body)
    changes: dict[str, Any] = {}
    for field in _TEXT_FIELDS:
        value = new.get(field)
        if value is not None and value != getattr(post, field):
            changes[field] = [getattr(post, field), value]
            setattr(post, field, value)
    for field, value in (("place", place), ("topic", topic)):
        if value is not None and value != getattr(post, field):
            changes[field] = [str(getattr(post, field) or ""), str(value)]
            setattr(post, field, value)
    if "headline" in changes:
        post.slug = _slug(post.headline)
    if event is not None:
        if post.kind != Post.Kind.EVENT:
            raise ValidationError(_("Only events have a date and venue."))
        _save_event(post, event)
        changes["event"] = ["", event.starts_at.isoformat()]
    if post.status == Post.Status.PUBLISHED:
        if not post.headline:
            raise ValidationError({"headline": _("Please give the post a headline.")})
        if changes:
            post.edited_at = timezone.now()
        transaction.on_commit(pagecache.bump_generation)
    post.full_clean()
    if changes:
        post.version = current.version + 1
    post.save()
    if changes:
        record(post, Revision.Action.EDITED, by, _json_safe(changes))
    return post


def _json_safe(changes: dict[str, Any]) -> dict[str, Any]:
    return {k: [str(v) if v is not None else "" for v in pair] for k, pair in changes.items()}


@transaction.atomic
def delete_post(*, post: Post, by: User) -> Post:
    """Delete a post for readers at once; its pictures follow after the grace period."""
    check_author(by, post.author)
    if post.deleted_at is not None:
        return post
    post.deleted_at = timezone.now()
    fields = ["deleted_at", "updated_at"]
    if post.status == Post.Status.PUBLISHED:
        post.status = Post.Status.UNPUBLISHED
        fields.append("status")
        transaction.on_commit(pagecache.bump_generation)
    post.save(update_fields=fields)
    record(post, Revision.Action.DELETED, by)
    return post


def purge_deleted_posts(*, now: dt.datetime | None = None) -> int:
    """Remove posts deleted longer than the grace period, with their picture files."""
    cutoff = (now or timezone.now()) - dt.timedelta(days=settings.LITFASS_DELETE_GRACE_DAYS)
    purged = 0
    for post in Post.objects.filter(deleted_at__lt=cutoff):
        names: list[str] = []
        for image in Image.objects.filter(post=post):
            names.append(image.file.name or "")
            names += [e["name"] for entries in image.renditions.values() for e in entries]
        with transaction.atomic():
            Post.objects.filter(pk=post.pk).update(lead_image=None)
            post.delete()
        for name in names:
            if name:
                default_storage.delete(name)
        purged += 1
    return purged
