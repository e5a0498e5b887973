"""The context of each partial template, shared by the template tags and the htmx views.

A template tag renders a partial inside a page; after a click, the view renders the same
partial alone for htmx to swap in. Both build the context here, with a constant number of
queries per partial.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from litfass.accounts.models import Profile, User
from litfass.content.models import Topic
from litfass.places.models import Place
from litfass.social import queries
from litfass.social.queries.comments import PostLike

# The URL segment of each kind of follow target.
TARGET_SEGMENTS = {"profil": Profile, "ort": Place, "ressort": Topic}


def reader(user: Any) -> User | None:
    """The logged-in user, or None for anonymous visitors."""
    return user if isinstance(user, User) and user.is_authenticated else None


def follow_context(target: Profile | Place | Topic, user: User | None) -> dict[str, Any]:
    """Context of ``social/partials/follow.html`` (one query).

    For a profile also where its members see who follows it, and where readers mute it.
    """
    if isinstance(target, Profile):
        segment, state = "profil", queries.profile_follow_state(target, user)
    elif isinstance(target, Place):
        segment, state = "ort", queries.place_follow_state(target, user)
    else:
        segment, state = "ressort", queries.topic_follow_state(target, user)
    context = {
        "target": target,
        "segment": segment,
        "state": state,
        "reader": user,
        "action": reverse("social:follow", kwargs={"segment": segment, "pk": target.pk}),
        "back": target.get_absolute_url(),
    }
    if isinstance(target, Profile):
        context["mute_action"] = reverse("social:mute", kwargs={"pk": target.pk})
        context["followers_url"] = reverse("social:followers", kwargs={"slug": target.slug})
    return context


def like_context(post: PostLike, user: User | None) -> dict[str, Any]:
    """Context of ``social/partials/like.html`` (two queries)."""
    return {
        "post": post,
        "likes": queries.post_likes(post, user),
        "reader": user,
        "action": reverse("social:like_post", kwargs={"pk": post.pk}),
    }


def comments_context(post: PostLike, user: User | None, form: Any = None) -> dict[str, Any]:
    """Context of ``social/partials/comments.html`` (at most four queries).

    ``form`` is a refused comment form: its text and errors go back into the box it came
    from, the comment box or the reply box of the comment it answered (``reply_to``).
    """
    reply_to = _reply_to(form)
    return {
        "post": post,
        "block": queries.comment_block(post, user),
        "reader": user,
        "form": form if reply_to is None else None,
        "reply_form": form if reply_to is not None else None,
        "reply_to": reply_to,
        "action": reverse("social:comment", kwargs={"post_pk": post.pk}),
        "next_here": post.get_absolute_url() + "#kommentieren",
    }


def _reply_to(form: Any) -> int | None:
    """The id of the comment a refused form replied to, or None for a top-level comment."""
    if form is None or not form.is_bound:
        return None
    try:
        return int(form.data.get("reply_to") or 0) or None
    except ValueError:
        return None


def nav_context(user: User | None) -> dict[str, Any]:
    """Context of ``social/partials/nav.html``: the unread count for the bell (one query)."""
    return {"reader": user, "unread": queries.unread_count(user) if user is not None else 0}
