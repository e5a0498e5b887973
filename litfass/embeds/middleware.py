"""Keeps the code origin apart from the site: it answers only snippet URLs.

Place it right after SecurityMiddleware, before the page cache, sessions and CSRF: a request to
the code origin gets a snippet or a bare 404, never a (cached) page of the site, a session
cookie or the site's CSP.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotFound
from django.urls import Resolver404, resolve
from django.utils.csp import CSP

from litfass.embeds.code import is_code_host

CODE_URLCONF = "litfass.embeds.urls"


class CodeOriginMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_code_host(request):
            return self.get_response(request)
        try:
            match = resolve(request.path_info, urlconf=CODE_URLCONF)
            response: HttpResponse = match.func(request, *match.args, **match.kwargs)
        except (Resolver404, Http404):
            return _not_found()
        return response


def _not_found() -> HttpResponse:
    # Bare on purpose: the site's 404 page would put the site's markup on the code origin.
    response = HttpResponseNotFound(b"", content_type="text/plain")
    response.headers[CSP.HEADER_ENFORCE] = "default-src 'none'"
    return response
