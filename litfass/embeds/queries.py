"""Every read the embeds need: cards of our own posts and code snippets, joins applied."""

from __future__ import annotations

from collections.abc import Collection

from django.http import Http404

from litfass.content.models import Post
from litfass.embeds.models import CodeSnippet


def posts_for_cards(ids: Collection[int]) -> dict[int, Post]:
    """Published, undeleted posts by id, with what a card shows (one query for all).

    A draft, a post awaiting approval, an unpublished or a deleted post is simply missing,
    so an embed of it renders nothing and never reveals that it exists.
    """
    if not ids:
        return {}
    posts = Post.objects.filter(
        pk__in=ids, status=Post.Status.PUBLISHED, deleted_at__isnull=True
    ).select_related("author", "place", "lead_image", "event")
    return {post.pk: post for post in posts}


def snippets_by_id(ids: Collection[int]) -> dict[int, CodeSnippet]:
    """Code snippets by id, without their (possibly large) code: only the frame is rendered."""
    if not ids:
        return {}
    snippets = CodeSnippet.objects.filter(pk__in=ids).only("id", "title", "height")
    return {snippet.pk: snippet for snippet in snippets}


def snippet_by_id(pk: int) -> CodeSnippet:
    """One snippet with its code, or Http404."""
    snippet = CodeSnippet.objects.filter(pk=pk).first()
    if snippet is None:
        raise Http404("snippet")
    return snippet
