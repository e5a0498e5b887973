"""Likes ("Gefällt mir") of posts and comments."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from litfass.accounts.models import Profile, User
from litfass.content.models import Post
from litfass.social.models import Comment, Like, Notification, SocialSettings
from litfass.social.services.common import check_active, member_ids, now_or
from litfass.social.services.notifications import notify


def _published(post: Post) -> None:
    if post.status != Post.Status.PUBLISHED or post.deleted_at is not None:
        raise ValidationError(_("Only published posts can be liked."))


def _save(like: Like) -> bool:
    try:
        with transaction.atomic():
            like.save()
    except IntegrityError:
        return False  # liked already (a double click)
    return True


@transaction.atomic
def like_post(*, post: Post, by: User, now: dt.datetime | None = None) -> bool:
    """``by`` likes ``post``; its author's members hear about it. Return whether it is new."""
    check_active(by)
    _published(post)
    if Like.objects.filter(post=post, user=by).exists() or not _save(Like(post=post, user=by)):
        return False
    notify(
        recipients=[pk for pk in member_ids(post.author_id) if pk != by.pk],
        kind=Notification.Kind.LIKE,
        now=now_or(now),
        post=post,
        **_liker(by),
    )
    return True


@transaction.atomic
def like_comment(*, comment: Comment, by: User, now: dt.datetime | None = None) -> bool:
    """``by`` likes a visible comment; its writer hears about it. Return whether it is new."""
    check_active(by)
    _published(comment.post)
    if not comment.is_visible:
        raise ValidationError(_("This comment cannot be liked."))
    if Like.objects.filter(comment=comment, user=by).exists():
        return False
    if not _save(Like(comment=comment, user=by)):
        return False
    notify(
        recipients=[pk for pk in [comment.author_id] if pk != by.pk],
        kind=Notification.Kind.LIKE,
        now=now_or(now),
        post=comment.post,
        comment=comment,
        **_liker(by),
    )
    return True


def _liker(by: User) -> dict[str, Any]:
    """Who a like notification names: the liker only if they allowed their name to be shown
    with their likes; otherwise nobody ("someone likes …"), while readers who muted the liker
    still hear nothing of it."""
    if SocialSettings.objects.filter(user=by, show_my_likes=True).exists():
        return {"actor": by}
    personal = Profile.objects.filter(person=by).values_list("pk", flat=True).first()
    return {"actor": None, "muted_profile_id": personal}


def unlike_post(*, post: Post, by: User) -> bool:
    """Take back a like; return whether there was one."""
    deleted, _rows = Like.objects.filter(post=post, user=by).delete()
    return deleted > 0


def unlike_comment(*, comment: Comment, by: User) -> bool:
    """Take back a like of a comment; return whether there was one."""
    deleted, _rows = Like.objects.filter(comment=comment, user=by).delete()
    return deleted > 0
