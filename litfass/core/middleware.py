"""Middleware: the anonymous page cache with conditional requests."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import parse_http_date_safe

from litfass.core import pagecache

Handler = Callable[[HttpRequest], HttpResponseBase]
# Headers worth keeping with a cached page; cookies are never cached.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "Last-Modified",
    "ETag",
    "Vary",
    "Link",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Content-Type-Options",
)


READ_HEADER = "X-Litfass-Read"


class AnonymousPageCacheMiddleware:
    """Serve whole pages from the cache to visitors without a session, and answer 304s.

    Only GET/HEAD requests without a session cookie and without a query string other than a
    page cursor are cached, and only 200 responses that set no cookie and that the view
    declared ``Cache-Control: public``. Every HTML response of this site gets an ETag, so
    conditional requests are answered with 304 either way.

    A view may name a callback to run on every delivery, cached or not, in the
    ``READ_HEADER`` header (a post id whose read is counted); the header never leaves the server.
    """

    def __init__(self, get_response: Handler, on_read: Callable[[int], None] | None = None) -> None:
        self.get_response = get_response
        self.on_read = on_read

    def _eligible(self, request: HttpRequest) -> bool:
        return (
            pagecache.enabled()
            and request.method in {"GET", "HEAD"}
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and set(request.GET) <= {"nach"}
        )

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not self._eligible(request):
            return self._conditional(request, self._read(self.get_response(request)))
        gen = pagecache.generation()
        key = pagecache.page_key(request.get_full_path(), gen)
        entry = cache.get(key)
        if entry is not None:
            status, headers, content, read_id = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            if read_id and self.on_read is not None:
                self.on_read(read_id)
            return self._conditional(request, response)
        fresh = self.get_response(request)
        read_id = self._read_id(fresh)
        self._read(fresh)
        if not isinstance(fresh, HttpResponse):
            return fresh
        response = fresh
        if (
            response.status_code == 200
            and "public" in response.get("Cache-Control", "")
            and not response.cookies
            and isinstance(response, HttpResponse)
            and not response.streaming
        ):
            set_response_etag(response)
            headers = [(h, response[h]) for h in KEPT_HEADERS if response.has_header(h)]
            cache.set(
                key,
                (response.status_code, headers, response.content, read_id),
                settings.LITFASS_PAGE_CACHE_SECONDS,
            )
        return self._conditional(request, response)

    @staticmethod
    def _read_id(response: HttpResponseBase) -> int | None:
        value = response.get(READ_HEADER)
        return int(value) if value and value.isdigit() else None

    def _read(self, response: HttpResponseBase) -> HttpResponseBase:
        read_id = self._read_id(response)
        if response.has_header(READ_HEADER):
            del response[READ_HEADER]
        if read_id and self.on_read is not None:
            self.on_read(read_id)
        return response

    @staticmethod
    def _conditional(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
        if (
            request.method not in {"GET", "HEAD"}
            or response.status_code != 200
            or not isinstance(response, HttpResponse)
            or response.streaming
        ):
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
        conditional = get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=_parse_last_modified(response.get("Last-Modified")),
            response=response,
        )
        if isinstance(conditional, HttpResponseNotModified):
            return conditional
        return response


def _parse_last_modified(value: str | None) -> int | None:
    return parse_http_date_safe(value) if value else None
