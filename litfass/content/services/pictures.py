"""Pictures of posts: upload, describe, reorder, remove."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from litfass.accounts.models import User
from litfass.content.models import Post, Revision
from litfass.content.services.common import check_author, record
from litfass.core import pagecache
from litfass.images import services as image_services
from litfass.images.models import Image
from litfass.images.processing import clean_image


def _refresh_counters(post: Post) -> None:
    post.lead_image = Image.objects.filter(post=post).order_by("position", "id").first()
    post.image_count = Image.objects.filter(post=post).count()
    post.save(update_fields=["lead_image", "image_count", "updated_at"])
    if post.status == Post.Status.PUBLISHED:
        transaction.on_commit(pagecache.bump_generation)


def _check_picture_text(credit: str, alt_text: str) -> None:
    errors = {}
    if not credit.strip():
        errors["credit"] = _("Please name who took the picture (photo credit).")
    if not alt_text.strip():
        errors["alt_text"] = _(
            "Please describe the picture for people who cannot see it (alternative text)."
        )
    if errors:
        raise ValidationError(errors)


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

    Raises ValidationError (translated) for a bad file, missing credit or alt text, a second
    picture on a snapshot or the same file twice; then neither a row nor a file remains.
    """
    check_author(by, post.author)
    _check_picture_text(credit, alt_text)
    if post.kind == Post.Kind.SNAPSHOT and Image.objects.filter(post=post).exists():
        raise ValidationError(_("A snapshot has exactly one picture."))
    digest = hashlib.sha256(data).hexdigest()
    if Image.objects.filter(post=post, source_sha256=digest).exists():
        raise ValidationError(_("This picture is already part of the post."))
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
            source_sha256=digest,
        )
        _refresh_counters(post)
        record(post, Revision.Action.PICTURE_ADDED, by, {"picture": ["", alt_text.strip()]})
    return image


@transaction.atomic
def update_picture(
    *,
    image: Image,
    by: User | None,
    credit: str,
    alt_text: str,
    caption: str = "",
    focal_x: float = 0.5,
    focal_y: float = 0.5,
) -> Image:
    """Change the texts and the focal point of a picture."""
    check_author(by, image.post.author)
    _check_picture_text(credit, alt_text)
    image.credit, image.alt_text, image.caption = credit.strip(), alt_text.strip(), caption.strip()
    image.focal_x, image.focal_y = focal_x, focal_y
    image.full_clean(exclude=["post", "file"])
    image.save(update_fields=["credit", "alt_text", "caption", "focal_x", "focal_y"])
    if image.post.status == Post.Status.PUBLISHED:
        transaction.on_commit(pagecache.bump_generation)
    return image


@transaction.atomic
def move_picture(*, image: Image, by: User | None, offset: int) -> None:
    """Move a picture ``offset`` places earlier (negative) or later in its post."""
    post = image.post
    check_author(by, post.author)
    ordered = list(Image.objects.filter(post=post).order_by("position", "id"))
    index = next(i for i, other in enumerate(ordered) if other.pk == image.pk)
    target = max(0, min(len(ordered) - 1, index + offset))
    ordered.insert(target, ordered.pop(index))
    for position, other in enumerate(ordered):
        if other.position != position:
            Image.objects.filter(pk=other.pk).update(position=position)
    _refresh_counters(post)


@transaction.atomic
def remove_picture(*, image: Image, by: User | None = None) -> None:
    """Remove a picture from its post; its files go once the transaction commits."""
    post = image.post
    check_author(by, post.author)
    record(post, Revision.Action.PICTURE_REMOVED, by, {"picture": [image.alt_text, ""]})
    image_services.delete_image(image=image)
    _refresh_counters(post)
