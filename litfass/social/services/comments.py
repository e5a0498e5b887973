"""Comments: write, reply, edit, delete; editors hide; authors and editors close discussions."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from litfass.accounts.models import User
from litfass.content.models import Post
from litfass.content.services import can_act_for
from litfass.core import pagecache
from litfass.social.models import Comment, Discussion, Notification
from litfass.social.services import limits
from litfass.social.services.common import check_active, is_member, member_ids, now_or
from litfass.social.services.notifications import notify


def _clean_body(body: str) -> str:
    text = body.replace("\r\n", "\n").strip()
    if not text:
        raise ValidationError({"body": _("Please write a comment.")})
    if len(text) > Comment.MAX_LENGTH:
        raise ValidationError(
            {
                "body": _("A comment can have at most %(max)d characters.")
                % {"max": Comment.MAX_LENGTH}
            }
        )
    return text


def _move(comment: Comment, status: str) -> None:
    if not comment.can_move_to(status):
        raise ValidationError(
            _("A comment cannot go from “%(old)s” to “%(new)s”."),
            params={
                "old": Comment.Status(comment.status).label,
                "new": Comment.Status(status).label,
            },
        )
    comment.status = status


def is_closed(post: Post) -> bool:
    return Discussion.objects.filter(post=post, closed_at__isnull=False).exists()


def _check_open(post: Post) -> None:
    if post.status != Post.Status.PUBLISHED or post.deleted_at is not None:
        raise ValidationError(_("Only published posts can be commented on."))
    if is_closed(post):
        raise ValidationError(_("The discussion of this post is closed."))


def _changed() -> None:
    # Comments are part of the post page, which the page cache keeps for anonymous readers.
    transaction.on_commit(pagecache.bump_generation)


@transaction.atomic
def add_comment(
    *,
    post: Post,
    by: User,
    body: str,
    reply_to: Comment | None = None,
    ip: str | None = None,
    now: dt.datetime | None = None,
) -> Comment:
    """Write a comment on a published post, or a reply; return it.

    A reply to a reply attaches to its top-level comment (one level of replies). The post's
    author profile hears about every comment; the writer of the comment replied to hears about a
    reply. ValidationError for an empty or too long text, a closed discussion, an unpublished
    post, and when a flood limit is reached (see :mod:`.limits`).
    """
    at = now_or(now)
    check_active(by)
    text = _clean_body(body)
    _check_open(post)
    parent = None
    if reply_to is not None:
        if reply_to.post_id != post.pk:
            raise ValidationError(_("You can only reply to a comment on the same post."))
        if reply_to.status == Comment.Status.HIDDEN:
            raise ValidationError(_("This comment cannot be replied to."))
        parent = reply_to.parent if reply_to.parent_id is not None else reply_to
    limits.check_comment_limits(user=by, ip=ip, body=text, now=at)
    comment = Comment.objects.create(post=post, parent=parent, author=by, body=text, created_at=at)
    limits.record_comment(user=by, ip=ip, now=at)
    replied = [reply_to.author_id] if reply_to is not None else []
    notify(
        recipients=replied,
        kind=Notification.Kind.REPLY,
        now=at,
        actor=by,
        post=post,
        comment=comment,
    )
    authors = [pk for pk in member_ids(post.author_id) if pk not in replied]
    notify(
        recipients=authors,
        kind=Notification.Kind.COMMENT,
        now=at,
        actor=by,
        post=post,
        comment=comment,
    )
    _changed()
    return comment


def can_edit(comment: Comment, user: User, now: dt.datetime | None = None) -> bool:
    """Whether ``user`` may still edit ``comment``: their own visible comment, 15 minutes."""
    return (
        comment.author_id == user.pk
        and comment.status == Comment.Status.VISIBLE
        and now_or(now) - comment.created_at <= Comment.EDIT_WINDOW
    )


@transaction.atomic
def edit_comment(
    *, comment: Comment, by: User, body: str, now: dt.datetime | None = None
) -> Comment:
    """Change the text of one's own comment within :attr:`Comment.EDIT_WINDOW` of writing it.

    PermissionDenied for somebody else's comment; ValidationError after the window, for a
    comment that is no longer visible, or an empty text.
    """
    at = now_or(now)
    if comment.author_id != by.pk:
        raise PermissionDenied(_("You can only edit your own comments."))
    text = _clean_body(body)
    if comment.status != Comment.Status.VISIBLE:
        raise ValidationError(_("This comment can no longer be edited."))
    if at - comment.created_at > Comment.EDIT_WINDOW:
        raise ValidationError(
            _("Comments can be edited for %(minutes)d minutes after writing them.")
            % {"minutes": int(Comment.EDIT_WINDOW.total_seconds() // 60)}
        )
    if text != comment.body:
        comment.body = text
        comment.edited_at = at
        comment.save(update_fields=["body", "edited_at"])
        _changed()
    return comment


@transaction.atomic
def delete_comment(*, comment: Comment, by: User, now: dt.datetime | None = None) -> Comment:
    """Delete one's own comment; its replies stay, under a "comment deleted" placeholder.

    PermissionDenied for somebody else's comment. Deleting twice changes nothing.
    """
    if comment.author_id != by.pk:
        raise PermissionDenied(_("You can only delete your own comments."))
    if comment.status == Comment.Status.DELETED:
        return comment
    _move(comment, Comment.Status.DELETED)
    comment.deleted_at = now_or(now)
    comment.save(update_fields=["status", "deleted_at"])
    _changed()
    return comment


def _check_editor(by: User) -> None:
    if not by.is_staff:
        raise PermissionDenied(_("Only editors may do this."))


@transaction.atomic
def hide_comment(*, comment: Comment, by: User, reason: str) -> Comment:
    """An editor hides a comment; its writer sees the reason, everybody else a placeholder."""
    _check_editor(by)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Please give the reason the writer will see.")})
    _move(comment, Comment.Status.HIDDEN)
    comment.hidden_reason = reason[:300]
    comment.hidden_by = by
    comment.save(update_fields=["status", "hidden_reason", "hidden_by"])
    _changed()
    return comment


@transaction.atomic
def unhide_comment(*, comment: Comment, by: User) -> Comment:
    """An editor shows a hidden comment again."""
    _check_editor(by)
    _move(comment, Comment.Status.VISIBLE)
    comment.save(update_fields=["status"])
    _changed()
    return comment


def can_close(post: Post, user: User) -> bool:
    """The author's members and the editors may close and reopen a discussion."""
    return can_act_for(user, post.author)


@transaction.atomic
def close_discussion(*, post: Post, by: User, now: dt.datetime | None = None) -> Discussion:
    """Close the discussion of a post: no new comments or replies; the existing ones stay.

    PermissionDenied unless ``by`` acts for the author or is an editor. When an editor who does
    not write for the author closes it, the author's members are told.
    """
    at = now_or(now)
    if not can_close(post, by):
        raise PermissionDenied(_("Only the author and the editors can close the discussion."))
    discussion, _created = Discussion.objects.get_or_create(post=post)
    if discussion.closed_at is not None:
        return discussion
    discussion.closed_at = at
    discussion.closed_by = by
    discussion.save(update_fields=["closed_at", "closed_by"])
    if by.is_staff and not is_member(by, post.author):
        notify(
            recipients=member_ids(post.author_id),
            kind=Notification.Kind.CLOSED,
            now=at,
            actor=by,
            post=post,
        )
    _changed()
    return discussion


@transaction.atomic
def reopen_discussion(*, post: Post, by: User) -> None:
    """Open a closed discussion again (same permission as closing)."""
    if not can_close(post, by):
        raise PermissionDenied(_("Only the author and the editors can reopen the discussion."))
    Discussion.objects.filter(post=post).update(closed_at=None, closed_by=None)
    _changed()
