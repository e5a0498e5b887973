"""The comment block of a post page, likes, and the access-checked fetchers of comments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Protocol

from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from litfass.accounts.models import Membership, User
from litfass.content.models import Post
from litfass.social.models import Comment, Discussion, Like

LIKERS_SHOWN = 3


def published_post(pk: int) -> Post:
    """A published, not deleted post with its author; Http404 otherwise (drafts included)."""
    post = (
        Post.objects.select_related("author")
        .filter(pk=pk, status=Post.Status.PUBLISHED, deleted_at__isnull=True)
        .first()
    )
    if post is None:
        raise Http404("post")
    return post


def comment_on_published_post(pk: int) -> Comment:
    """A comment of a published post (any status); Http404 otherwise."""
    comment = (
        Comment.objects.select_related("post", "post__author", "author")
        .filter(pk=pk, post__status=Post.Status.PUBLISHED, post__deleted_at__isnull=True)
        .first()
    )
    if comment is None:
        raise Http404("comment")
    return comment


def own_comment(pk: int, user: User) -> Comment:
    """The user's own, not deleted comment on a published post; Http404 for anybody else's."""
    comment = comment_on_published_post(pk)
    if comment.author_id != user.pk or comment.status == Comment.Status.DELETED:
        raise Http404("comment")
    return comment


def comment_for_editor(pk: int, user: User) -> Comment:
    """Any comment on a published post, for editors (staff) only; Http404 for everybody else."""
    if not user.is_staff:
        raise Http404("comment")
    return comment_on_published_post(pk)


def visible_comment(pk: int) -> Comment:
    """A visible comment on a published post (to like or reply to); Http404 otherwise."""
    comment = comment_on_published_post(pk)
    if comment.status != Comment.Status.VISIBLE:
        raise Http404("comment")
    return comment


@dataclass
class CommentView:
    """A comment as the reader sees it: what to show and which buttons."""

    comment: Comment
    likes: int
    liked: bool
    editable: bool
    own: bool
    replies: list[CommentView] = field(default_factory=list)

    @property
    def show_text(self) -> bool:
        return self.comment.is_visible or (self.own and self.comment.status == "hidden")


@dataclass
class CommentBlock:
    post: PostLike
    closed: bool
    can_close: bool
    threads: list[CommentView]
    count: int  # visible comments and replies


class PostLike(Protocol):
    """What the comment and like blocks need of a post: a model row or a reading-page row."""

    pk: int
    author_id: int

    def get_absolute_url(self) -> str: ...


def _writes_for(user: User, profile_id: int) -> bool:
    return user.is_staff or Membership.objects.filter(user=user, profile_id=profile_id).exists()


def comment_block(
    post: PostLike, user: User | None, now: dt.datetime | None = None
) -> CommentBlock:
    """Everything the comment block of a post page shows, in at most four queries.

    Top-level comments oldest first, each with its replies; a deleted comment with replies
    stays as a placeholder, one without replies is left out.
    """
    at = now or timezone.now()
    me = user if user is not None and user.is_authenticated else None
    closed = Discussion.objects.filter(post_id=post.pk, closed_at__isnull=False).exists()
    comments = list(
        Comment.objects.filter(post_id=post.pk)
        .select_related("author__personal_profile")
        .annotate(like_count=Count("likes"))
        .order_by("created_at", "id")
    )
    liked: set[int] = set()
    if me is not None and comments:
        liked = set(
            Like.objects.filter(user=me, comment__post_id=post.pk).values_list(
                "comment_id", flat=True
            )
        )
    views: dict[int, CommentView] = {}
    threads: list[CommentView] = []
    for comment in comments:
        own = me is not None and comment.author_id == me.pk
        view = CommentView(
            comment=comment,
            likes=comment.like_count,
            liked=comment.pk in liked,
            editable=own and comment.is_visible and at - comment.created_at <= Comment.EDIT_WINDOW,
            own=own,
        )
        views[comment.pk] = view
        parent = views.get(comment.parent_id) if comment.parent_id else None
        if parent is not None:
            parent.replies.append(view)
        elif comment.parent_id is None:
            threads.append(view)
    threads = [
        t
        for t in threads
        if t.comment.status != Comment.Status.DELETED
        or any(r.comment.status != Comment.Status.DELETED for r in t.replies)
    ]
    for thread in threads:
        thread.replies = [r for r in thread.replies if r.comment.status != Comment.Status.DELETED]
    count = sum(1 for c in comments if c.is_visible)
    return CommentBlock(
        post=post,
        closed=closed,
        can_close=me is not None and _writes_for(me, post.author_id),
        threads=threads,
        count=count,
    )


@dataclass(frozen=True)
class LikeState:
    """Likes of a post or comment: the count, the reader's own, and the names that may show."""

    count: int
    liked: bool
    names: list[str]

    @property
    def others(self) -> int:
        return self.count - len(self.names)


def post_likes(post: PostLike, user: User | None, shown: int = LIKERS_SHOWN) -> LikeState:
    """Two queries: the count with the reader's own like, and the newest likers who allowed
    their name to show (``SocialSettings.show_my_likes``)."""
    me = user.pk if user is not None and user.is_authenticated else None
    totals = Like.objects.filter(post_id=post.pk).aggregate(
        count=Count("pk"), mine=Count("pk", filter=Q(user_id=me))
    )
    names: list[str] = []
    if totals["count"]:
        likers = (
            Like.objects.filter(post_id=post.pk, user__social_settings__show_my_likes=True)
            .select_related("user__personal_profile")
            .order_by("-created_at", "-pk")[:shown]
        )
        names = [_name(like.user) for like in likers]
    return LikeState(totals["count"], totals["mine"] > 0, names)


def _name(user: User) -> str:
    profile = getattr(user, "personal_profile", None)
    return profile.display_name if profile is not None else user.get_username()


def comment_likes(comment: Comment, user: User | None) -> LikeState:
    """Likes of a comment (for the button after a like): one query, no names."""
    me = user.pk if user is not None and user.is_authenticated else None
    totals = Like.objects.filter(comment=comment).aggregate(
        count=Count("pk"), mine=Count("pk", filter=Q(user_id=me))
    )
    return LikeState(totals["count"], totals["mine"] > 0, [])
