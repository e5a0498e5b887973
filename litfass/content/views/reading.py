"""Reading pages. Views parse input, fetch through queries and render; nothing else."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from litfass.accounts.models import User
from litfass.content import links, queries
from litfass.core.middleware import READ_HEADER
from litfass.places import queries as place_queries


def _public(response: HttpResponse, last_modified: float | None = None) -> HttpResponse:
    """Mark a page that looks the same for every anonymous visitor as cacheable."""
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    return response


def _cursor(request: HttpRequest) -> str | None:
    return request.GET.get("nach") or None


def home(request: HttpRequest) -> HttpResponse:
    place = queries.default_place()
    context = {
        "place": place,
        "place_url": links.place_url(place.slug) if place else None,
        "page": queries.in_surroundings(place, _cursor(request)),
        "most_read": queries.most_read(place),
        "events": queries.upcoming_events(place),
    }
    return _public(render(request, "content/home.html", context))


def place_page(request: HttpRequest, slug: str) -> HttpResponse:
    place = place_queries.place_for_reader(slug)
    nearby = place_queries.surroundings_of(place).nearby()
    context = {
        "place": place,
        "page": queries.in_surroundings(place, _cursor(request)),
        "nearby": [(p.name, links.place_url(p.slug)) for p in nearby],
        "most_read": queries.most_read(place),
    }
    return _public(render(request, "content/place.html", context))


def topic_page(request: HttpRequest, slug: str) -> HttpResponse:
    topic = queries.topic_by_slug(slug)
    page = queries.by_topic(topic, _cursor(request))
    return _public(render(request, "content/topic.html", {"topic": topic, "page": page}))


def profile_page(request: HttpRequest, slug: str) -> HttpResponse:
    profile = queries.profile_by_slug(slug)
    page = queries.by_profile(profile, _cursor(request))
    return _public(render(request, "content/profile.html", {"profile": profile, "page": page}))


def post_page(request: HttpRequest, prefix: str, slug: str, pk: int) -> HttpResponse:
    user = request.user if isinstance(request.user, User) else None
    found = queries.post_for_reader(pk, user)
    post = found.post
    canonical = post.url
    if request.path != canonical:
        # The headline (and so the slug) changed, or the kind prefix is wrong: keep old links alive.
        return HttpResponsePermanentRedirect(canonical)
    context = {"post": post, "pictures": found.pictures, "related": queries.related(post)}
    response = render(request, f"content/post_{post.kind}.html", context)
    if not post.is_published:
        response["Cache-Control"] = "private, no-store"
        return response
    response[READ_HEADER] = str(post.pk)
    return _public(response, post.updated_at.timestamp())
