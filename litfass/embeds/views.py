"""The views of the embeds app: code snippets on the code origin; the card page of a post and
the oEmbed endpoint, for other sites.

The card page and the oEmbed answer never touch the session, the CSRF token or the user, so no
middleware sets a cookie or ``Vary: Cookie`` on them, and both come out the same for every
visitor. Their "not found" answers are our own bare documents: the site's 404 page would read
the session and carry the site's frame-blocking headers.
"""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from typing import cast

from django.conf import settings
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponsePermanentRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.csp import CSP
from django.utils.http import http_date
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_safe

from litfass.content import links
from litfass.embeds import cards, code, internal, oembed, queries
from litfass.embeds.conf import site_base
from litfass.embeds.providers import enabled_providers
from litfass.embeds.refs import KIND_NAMES

View = Callable[..., HttpResponseBase]

_site_policy = cast(dict[str, list[str]], settings.SECURE_CSP)
# The card page loads our stylesheet and our pictures, nothing else; any site may frame it
# (it holds no form, no script and nothing personal, so there is nothing to click-jack).
CARD_CSP: dict[str, list[str]] = {
    "default-src": [CSP.NONE],
    "style-src": [CSP.SELF],
    "img-src": _site_policy["img-src"],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.NONE],
    "frame-ancestors": ["*"],
}


@require_safe
@xframe_options_exempt
def code_snippet(request: HttpRequest, pk: int) -> HttpResponse:
    """Serve a snippet's document; 404 on any host but the code origin.

    Framing is limited by the snippet's CSP frame-ancestors (our site), not X-Frame-Options.
    """
    if not code.is_code_host(request):
        raise Http404("snippet")
    # Only what readers can see: a snippet of a draft, or one removed from its post, is served
    # to its writer's signed preview address alone.
    token = request.GET.get("vorschau", "")
    if not (token and code.is_valid_preview(pk, token)) and not queries.snippet_is_public(pk):
        raise Http404("snippet")
    snippet = queries.snippet_by_id(pk)
    return code.snippet_response(title=snippet.title, html=snippet.html)


def _frameable(view: View) -> View:
    """GET/HEAD only, framed by any site under the card's own CSP, no X-Frame-Options."""
    return require_safe(xframe_options_exempt(csp_override(CARD_CSP)(view)))


def _public(response: HttpResponse) -> HttpResponse:
    # Revalidated on every view, so that an unpublished post disappears at once; the page
    # cache answers the revalidation with a 304 from its copy.
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


def _card_page(context: dict[str, object], *, status: int = 200) -> HttpResponse:
    # Rendered without the request: no context processor runs, so nothing reads the session.
    context = {"site_name": settings.LITFASS_SITE_NAME, "home": links.language_root(), **context}
    return HttpResponse(render_to_string("embeds/card_page.html", context), status=status)


def _unavailable() -> HttpResponse:
    # One answer for missing, draft, pending, unpublished and deleted posts alike.
    return _public(_card_page({}, status=HTTPStatus.NOT_FOUND))


@_frameable
def card_unavailable(request: HttpRequest) -> HttpResponse:
    """The framable "not available" page, for card URLs that match no card."""
    return _unavailable()


@_frameable
def card(request: HttpRequest, prefix: str, slug: str, pk: int) -> HttpResponse:
    """A published post's card as a page of its own, for other sites to frame."""
    post = queries.posts_for_cards([pk]).get(pk) if prefix in internal.KIND_OF_PREFIX else None
    if post is None:
        return _unavailable()
    canonical = oembed.card_path(post)
    if request.path != canonical:
        # The headline (so the slug) changed since the frame was made: keep it working.
        return HttpResponsePermanentRedirect(canonical)
    response = _card_page({"title": post.headline, "card": cards.render_card(post, new_tab=True)})
    response["Last-Modified"] = http_date(post.updated_at.timestamp())
    return _public(response)


@require_safe
def oembed_endpoint(request: HttpRequest) -> HttpResponse:
    """The oEmbed answer (JSON) for a link to one of our published posts.

    400 for a missing url or a bad maxwidth/maxheight, 404 for anything but a published post
    of ours, 501 for a format other than JSON.
    """
    try:
        query = oembed.parse_query(request.GET)
        post, language = oembed.find_post(query.url)
    except oembed.OEmbedError as error:
        return HttpResponse(
            error.status.phrase, status=error.status, content_type="text/plain; charset=utf-8"
        )
    base = site_base() or f"{request.scheme}://{request.get_host()}"
    response = JsonResponse(oembed.answer(post, language=language, base=base, query=query))
    patch_cache_control(response, public=True, max_age=oembed.CACHE_AGE)
    # Public data without cookies: consumers may also ask from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def providers_page(request: HttpRequest) -> HttpResponse:
    """Which providers' content can appear in posts, their privacy policies, and the reader's
    "always load" choices (kept in the browser, revoked here)."""
    providers = [
        {
            "name": provider.name,
            "kind": KIND_NAMES[provider.kind],
            "privacy_url": provider.privacy_policy_url,
        }
        for provider in enabled_providers()
    ]
    response = render(request, "embeds/providers_page.html", {"providers": providers})
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response
