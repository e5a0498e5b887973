"""Moving posts through their lifecycle: submit, approve, send back, publish, unpublish."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from litfass.accounts.models import User
from litfass.content.models import Post, Revision
from litfass.content.services.common import check_author, check_editor, record
from litfass.core import pagecache
from litfass.images.models import Image


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


def check_publishable(post: Post) -> None:
    """Raise ValidationError with every reason the post cannot appear yet."""
    problems: list[str] = []
    if not post.headline.strip():
        problems.append(_("Please give the post a headline."))
    count = Image.objects.filter(post=post).count()
    if post.kind == Post.Kind.SNAPSHOT and count != 1:
        problems.append(_("A snapshot has exactly one picture."))
    if post.kind == Post.Kind.GALLERY and count < 2:
        problems.append(_("A photo gallery needs at least two pictures."))
    if post.kind == Post.Kind.ARTICLE and not post.body.strip():
        problems.append(_("Please write the text of the article."))
    if post.deleted_at is not None:
        problems.append(_("This post was deleted."))
    if problems:
        raise ValidationError(problems)


def can_publish_directly(user: User) -> bool:
    """Editors always; everybody else after their first N posts were approved."""
    if user.is_staff:
        return True
    needed = settings.LITFASS_APPROVAL_POSTS
    if needed <= 0:
        return True
    # Counted up to the threshold only: a prolific writer's thousands of posts are not read.
    approved = Post.objects.filter(created_by=user, published_at__isnull=False)
    return approved.order_by().values("pk")[:needed].count() >= needed


@transaction.atomic
def publish_post(*, post: Post, by: User | None = None, at: dt.datetime | None = None) -> Post:
    """Publish a post now; the first publication date is kept for later re-publications.

    ``by`` must be allowed to write for the author; whether a newcomer may publish without
    approval is decided by :func:`submit_post`, which the composer calls.
    """
    check_author(by, post.author)
    check_publishable(post)
    _move(post, Post.Status.PUBLISHED)
    if post.published_at is None:
        post.published_at = at or timezone.now()
    post.review_note = ""
    post.save(update_fields=["status", "published_at", "review_note", "updated_at"])
    record(post, Revision.Action.PUBLISHED, by)
    transaction.on_commit(pagecache.bump_generation)
    return post


@transaction.atomic
def submit_post(*, post: Post, by: User) -> Post:
    """The writer's "publish" button: publishes, or submits for approval for newcomers."""
    if can_publish_directly(by):
        return publish_post(post=post, by=by)
    check_author(by, post.author)
    check_publishable(post)
    _move(post, Post.Status.PENDING)
    post.save(update_fields=["status", "updated_at"])
    record(post, Revision.Action.SUBMITTED, by)
    return post


@transaction.atomic
def approve_post(*, post: Post, by: User) -> Post:
    """An editor approves a submitted post: it is published."""
    check_editor(by)
    if post.status != Post.Status.PENDING:
        raise ValidationError(_("Only submitted posts can be approved."))
    record(post, Revision.Action.APPROVED, by)
    return publish_post(post=post, by=by)


@transaction.atomic
def send_back_post(*, post: Post, by: User, note: str) -> Post:
    """An editor returns a submitted post to its author as a draft, with a note."""
    check_editor(by)
    if not note.strip():
        raise ValidationError({"note": _("Please tell the author what to change.")})
    if post.status != Post.Status.PENDING:
        raise ValidationError(_("Only submitted posts can be sent back."))
    _move(post, Post.Status.DRAFT)
    post.review_note = note.strip()
    post.save(update_fields=["status", "review_note", "updated_at"])
    record(post, Revision.Action.SENT_BACK, by, note=note.strip())
    return post


@transaction.atomic
def unpublish_post(*, post: Post, by: User | None = None) -> Post:
    """Take a published post off the site."""
    check_author(by, post.author)
    _move(post, Post.Status.UNPUBLISHED)
    post.save(update_fields=["status", "updated_at"])
    record(post, Revision.Action.UNPUBLISHED, by)
    transaction.on_commit(pagecache.bump_generation)
    return post
