"""Posts in every state a reader must not see, and a client for the site's host."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from conftest import Persona, Town
from litfass.content.models import Post
from litfass.content.services import (
    create_post,
    delete_post,
    submit_post,
    unpublish_post,
)

HOST = "litfass.example"

#: Nothing of these may reach another site: each answers like a post that never existed.
HIDDEN_STATES = ("draft", "pending", "unpublished", "deleted", "missing")


def site_client() -> Client:
    return Client(HTTP_HOST=HOST)


def hidden_post_path(
    state: str, reporter: Persona, town: Town, publish: Callable[..., Post]
) -> str:
    """The path of a post in ``state`` (one of HIDDEN_STATES), as ``/beitrag/<slug>-<id>/``."""
    if state == "missing":
        return "/beitrag/nie-geschrieben-999999/"
    post = post_in(state, reporter, town, publish)
    return f"/{Post.URL_PREFIX[post.kind]}/{post.slug}-{post.pk}/"


def post_in(state: str, reporter: Persona, town: Town, publish: Callable[..., Post]) -> Post:
    """A post of ``reporter`` that readers must not see: draft, pending, unpublished, deleted."""
    assert reporter.profile is not None
    if state == "draft":
        return create_post(kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Geheim")
    if state == "pending":
        post = create_post(
            kind=Post.Kind.ARTICLE,
            author=reporter.profile,
            by=reporter.user,
            headline="Wartet auf Freigabe",
            body="<p>Text.</p>",
            place=town.kaiserslautern,
        )
        submit_post(post=post, by=reporter.user)
        post.refresh_from_db()
        assert post.status == Post.Status.PENDING
        return post
    post = publish(reporter.profile, "Bald weg")
    if state == "unpublished":
        return unpublish_post(post=post, by=reporter.user)
    assert state == "deleted"
    return delete_post(post=post, by=reporter.user)
