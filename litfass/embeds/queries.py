"""Every read the embeds need: cards of our own posts and code snippets, joins applied."""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Q
from django.http import Http404

from litfass.content.models import Post
from litfass.embeds.models import CodeSnippet, PostEmbed


def posts_for_cards(ids: Collection[int]) -> dict[int, Post]:
    """Published, undeleted posts by id, with what a card shows (one query for all).

    A draft, a post awaiting approval, an unpublished or a deleted post is simply missing,
    so an embed of it renders nothing and never reveals that it exists.
    """
    if not ids:
        return {}
    posts = (
        Post.objects.filter(pk__in=ids, status=Post.Status.PUBLISHED, deleted_at__isnull=True)
        .select_related("author", "place", "lead_image", "event")
        .defer("body")
    )
    return {post.pk: post for post in posts}


def snippets_by_id(ids: Collection[int]) -> dict[int, CodeSnippet]:
    """Code snippets by id, without their (possibly large) code: only the frame is rendered."""
    if not ids:
        return {}
    snippets = CodeSnippet.objects.filter(pk__in=ids).only("id", "title", "height")
    return {snippet.pk: snippet for snippet in snippets}


def snippet_is_public(pk: int) -> bool:
    """Whether a published, undeleted post embeds the snippet ``pk``."""
    return PostEmbed.objects.filter(
        kind="code",
        url__endswith=f"/code/{pk}/",
        post__status=Post.Status.PUBLISHED,
        post__deleted_at__isnull=True,
    ).exists()


def snippet_by_id(pk: int) -> CodeSnippet:
    """One snippet with its code, or Http404."""
    snippet = CodeSnippet.objects.filter(pk=pk).first()
    if snippet is None:
        raise Http404("snippet")
    return snippet


def embeds_of(post_id: int) -> list[PostEmbed]:
    """The embeds of a post, in their order."""
    return list(PostEmbed.objects.filter(post_id=post_id).order_by("position", "id"))


def embed_for_writer(post: Post, pk: int) -> PostEmbed:
    """One embed of a post the writer may edit (checked by the caller), or Http404."""
    embed = PostEmbed.objects.select_related("post__author").filter(pk=pk, post=post).first()
    if embed is None:
        raise Http404("embed")
    return embed


#: Which kinds of our posts each dialog offers in its search.
SEARCH_KINDS: dict[str, tuple[str, ...]] = {
    "post": (Post.Kind.ARTICLE, Post.Kind.GALLERY),
    "snapshot": (Post.Kind.SNAPSHOT,),
    "event": (Post.Kind.EVENT, Post.Kind.GALLERY),
}


def _headline_contains(text: str) -> Q:
    """Headlines containing ``text`` in any case, umlauts included: SQLite's LIKE folds only
    ASCII letters, so the usual spellings of a German word are asked for as well."""
    condition = Q(headline__icontains=text)
    for variant in {text.lower(), text.capitalize(), text.upper(), text.title()}:
        condition |= Q(headline__contains=variant)
    return condition


def search_posts(text: str, dialog: str, *, exclude: int, limit: int = 10) -> list[Post]:
    """Published posts of the dialog's kinds whose headline contains ``text``, newest first."""
    text = text.strip()
    if not text or dialog not in SEARCH_KINDS:
        return []
    posts = (
        Post.objects.filter(
            status=Post.Status.PUBLISHED,
            deleted_at__isnull=True,
            kind__in=SEARCH_KINDS[dialog],
        )
        .filter(_headline_contains(text[:100]))
        .exclude(pk=exclude)
        .select_related("author", "place")
        .order_by("-published_at", "-id")
    )
    return list(posts[:limit])
