"""Template tags for other apps' pages: follow and like buttons, comments, the bell.

Each tag takes the object and reads the user from the template context, and does its own
bounded queries (see :mod:`litfass.social.blocks`)::

    {% load social %}
    {% follow_button profile %}  {% follow_button place %}  {% follow_button topic %}
    {% like_button post %}
    {% comments_block post %}
    {% social_nav %}
"""

from __future__ import annotations

from typing import Any

from django import template
from django.template.context import Context
from django.utils.safestring import SafeString

from litfass.accounts.models import Profile
from litfass.content.models import Topic
from litfass.places.models import Place
from litfass.social import blocks
from litfass.social.queries.comments import PostLike
from litfass.social.text import comment_html

register = template.Library()


def _reader(context: Context) -> Any:
    request = context.get("request")
    return blocks.reader(getattr(request, "user", None) or context.get("user"))


@register.inclusion_tag("social/partials/follow.html", takes_context=True)
def follow_button(context: Context, target: Profile | Place | Topic) -> dict[str, Any]:
    """Follow/unfollow with the follower count (profiles, places) — one query."""
    return blocks.follow_context(target, _reader(context))


@register.inclusion_tag("social/partials/like.html", takes_context=True)
def like_button(context: Context, post: PostLike) -> dict[str, Any]:
    """ "Gefällt mir" with the count and the names that may show — two queries."""
    return blocks.like_context(post, _reader(context))


@register.inclusion_tag("social/partials/comments.html", takes_context=True)
def comments_block(context: Context, post: PostLike) -> dict[str, Any]:
    """The comments of a published post with the form — at most four queries."""
    return blocks.comments_context(post, _reader(context))


@register.inclusion_tag("social/partials/nav.html", takes_context=True)
def social_nav(context: Context) -> dict[str, Any]:
    """ "Mein Feed" and the bell with the unread count, as <li> items — one query."""
    return blocks.nav_context(_reader(context))


@register.filter
def as_comment(text: str) -> SafeString:
    """A comment's plain text as HTML: escaped, with clickable http(s) links."""
    return comment_html(text)
