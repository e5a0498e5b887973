"""Following, muting, the followers list and "Mein Feed"."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from litfass.accounts.models import Profile, User
from litfass.content.models import Topic
from litfass.places.models import Place
from litfass.social import blocks, queries, services
from litfass.social.views.common import back, is_htmx, login_required, report, user_of

FOLLOW_ACTIONS = {"follow", "follow_surroundings", "unfollow"}


def _target(segment: str, pk: int) -> Profile | Place | Topic:
    if segment == "profil":
        return queries.profile_by_pk(pk)
    if segment == "ort":
        return queries.place_by_pk(pk)
    if segment == "ressort":
        return queries.topic_by_pk(pk)
    raise Http404(segment)


@login_required
@require_POST
def follow(request: HttpRequest, segment: str, pk: int) -> HttpResponse:
    """POST action=follow|follow_surroundings|unfollow; htmx gets the button, others go back."""
    user = user_of(request)
    target = _target(segment, pk)
    action = request.POST.get("action", "")
    if action not in FOLLOW_ACTIONS or (action == "follow_surroundings" and segment != "ort"):
        return HttpResponse(status=400)
    error = None
    try:
        if action == "unfollow":
            _unfollow(user, target)
        elif isinstance(target, Profile):
            services.follow_profile(profile=target, by=user)
        elif isinstance(target, Place):
            services.follow_place(
                place=target, by=user, with_surroundings=action == "follow_surroundings"
            )
        else:
            services.follow_topic(topic=target, by=user)
    except ValidationError as exc:
        error = exc
    if is_htmx(request):
        context = blocks.follow_context(target, user)
        context["errors"] = error.messages if error else []
        return render(request, "social/partials/follow.html", context)
    if error:
        report(request, error)
    return back(request, target.get_absolute_url())


def _unfollow(user: User, target: Profile | Place | Topic) -> None:
    if isinstance(target, Profile):
        services.unfollow(by=user, profile=target)
    elif isinstance(target, Place):
        services.unfollow(by=user, place=target)
    else:
        services.unfollow(by=user, topic=target)


@login_required
@require_POST
def mute(request: HttpRequest, pk: int) -> HttpResponse:
    """POST action=mute|unmute for a profile; htmx gets the follow partial, others go back."""
    user = user_of(request)
    profile = queries.profile_by_pk(pk)
    action = request.POST.get("action", "")
    if action not in {"mute", "unmute"}:
        return HttpResponse(status=400)
    error = None
    try:
        if action == "mute":
            services.mute_profile(profile=profile, by=user)
        else:
            services.unmute_profile(profile=profile, by=user)
    except ValidationError as exc:
        error = exc
    if is_htmx(request):
        context = blocks.follow_context(profile, user)
        context["errors"] = error.messages if error else []
        return render(request, "social/partials/follow.html", context)
    if error:
        report(request, error)
    return back(request, profile.get_absolute_url())


@login_required
def followers(request: HttpRequest, slug: str) -> HttpResponse:
    """Who follows a profile: for its members only (404 for everybody else)."""
    user = user_of(request)
    profile = queries.profile_for_members(slug, user)
    try:
        before = int(request.GET["vor"]) if "vor" in request.GET else None
    except ValueError:
        before = None
    rows = queries.followers(profile, before)
    more = len(rows) > queries.follows.FOLLOWERS_PAGE
    rows = rows[: queries.follows.FOLLOWERS_PAGE]
    context = {
        "profile": profile,
        "rows": rows,
        "count": queries.follower_count(profile),
        "next_before": rows[-1].pk if more and rows else None,
    }
    return render(request, "social/followers.html", context)


@login_required
def my_feed(request: HttpRequest) -> HttpResponse:
    """ "Mein Feed": newest first, keyset pages ("nach"); suggestions for a reader with no
    follows. htmx asks for the next page only."""
    user = user_of(request)
    follows = queries.followed(user)
    page = queries.feed(user, request.GET.get("nach") or None, follows=follows)
    if is_htmx(request):
        response = render(request, "social/feed.html#page", {"page": page})
    else:
        context = {
            "page": page,
            "follows_anything": follows.anything,
            "suggestions": None if follows.anything else queries.suggestions(user),
            "feed_url": reverse("social:feed"),
        }
        response = render(request, "social/feed.html", context)
    # The same URL answers htmx with a fragment: no cache may hand one out for the other.
    response["Cache-Control"] = "private, no-cache"
    patch_vary_headers(response, ["HX-Request"])
    return response
