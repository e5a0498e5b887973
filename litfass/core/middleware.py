"""Middleware: the anonymous page cache with conditional requests."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple, TypeGuard

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.http.response import ResponseHeaders
from django.utils.cache import get_conditional_response, set_response_etag
from django.utils.http import parse_http_date_safe

from litfass.core import pagecache

Handler = Callable[[HttpRequest], HttpResponseBase]

READ_HEADER = "X-Litfass-Read"
# Cookies that make a page personal: a session (logged in), or messages waiting to be shown.
PERSONAL_COOKIES = ("messages",)
# Request headers that make a request conditional; without them a hit needs no comparison.
CONDITIONAL_HEADERS = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


# Pages a process keeps in its own memory in front of the shared cache (see _RecentPages).
RECENT_PAGES = 128


class CachedPage(NamedTuple):
    """What the cache keeps of a page: everything a hit needs, parsed once when stored."""

    content: bytes
    # Every header the response had on its way out of the stack (security headers and CSP
    # included), so that a hit needs no other middleware. Kept as the response's own header
    # object, which hits hand on unchanged (nothing runs after this middleware that would
    # change it), so that no hit checks every header again.
    headers: ResponseHeaders
    etag: str
    last_modified: int | None  # seconds since the epoch, from Last-Modified
    read_id: int | None  # the post whose read a delivery counts
    expires: float  # wall-clock time (time.time()) when the page leaves the cache


class _RecentPages:
    """The pages this process served last, in its own memory, in front of the shared cache.

    Reading a page from the cache unpickles ~25 KB and a header object, and with Redis costs
    a round trip; that was a third of a hit. Keys carry the generation, so an entry here is as
    fresh as the shared one; it is dropped when the page would have left the shared cache, and
    the oldest go first once ``RECENT_PAGES`` are kept (~3 MB).
    """

    def __init__(self, size: int = RECENT_PAGES) -> None:
        self.size = size
        self.pages: dict[str, CachedPage] = {}

    def get(self, key: str) -> CachedPage | None:
        entry = self.pages.get(key)
        if entry is not None and entry.expires <= pagecache.wall_clock():
            self.pages.pop(key, None)
            return None
        return entry

    def keep(self, key: str, entry: CachedPage) -> None:
        while len(self.pages) >= self.size:
            self.pages.pop(next(iter(self.pages)), None)
        self.pages[key] = entry


class AnonymousPageCacheMiddleware:
    """Serve whole pages from the cache to visitors without a session, and answer 304s.

    Only GET/HEAD requests without a session (or messages) cookie and without a query string
    other than a page cursor are cached, and only 200 responses that set no cookie, carry no
    CSP nonce and that the view declared ``Cache-Control: public``. Every HTML response of this
    site gets an ETag, so conditional requests are answered with 304 either way.

    It must come first in ``MIDDLEWARE``: a hit is answered without running any other
    middleware, from headers stored with the page (the rest of the stack made them on the
    miss). A hit costs at most one cache lookup (none for the pages this process served
    lately); the generation number comes from process memory (see
    :mod:`litfass.core.pagecache` for how stale it may be).

    A view may name a callback to run on every delivery, cached or not, in the
    ``READ_HEADER`` header (a post id whose read is counted); the header never leaves the server.
    """

    def __init__(self, get_response: Handler, on_read: Callable[[int], None] | None = None) -> None:
        self.get_response = get_response
        self.on_read = on_read
        self.recent = _RecentPages()

    def _eligible(self, request: HttpRequest) -> bool:
        if not pagecache.enabled() or request.method not in {"GET", "HEAD"}:
            return False
        cookies = request.COOKIES
        if settings.SESSION_COOKIE_NAME in cookies or any(c in cookies for c in PERSONAL_COOKIES):
            return False
        if settings.SECURE_SSL_REDIRECT and not request.is_secure():
            return False  # the stack answers with the redirect to https
        return not request.META.get("QUERY_STRING") or set(request.GET) <= {"nach"}

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not self._eligible(request):
            with pagecache.request_scope():
                response = self.get_response(request)
            return self._conditional(request, self._read(response))
        # The raw path and query string name the page exactly; no need to quote them again.
        query = request.META.get("QUERY_STRING", "")
        path = f"{request.path}?{query}" if query else request.path
        scheme, host = request.scheme or "", request.META.get("HTTP_HOST", "")
        gen = pagecache.generation(pagecache.RECHECK_SECONDS)
        key = pagecache.page_key(scheme, host, path, gen)
        entry = self._lookup(key)
        if entry is not None:
            return self._hit(request, entry)
        # A miss renders the page anyway: worth asking for the current generation, so that the
        # page is stored under the number the next hits will look for.
        current = pagecache.generation()
        if current != gen:
            key = pagecache.page_key(scheme, host, path, current)
            entry = self._lookup(key)
            if entry is not None:
                return self._hit(request, entry)
        with pagecache.request_scope(current):
            response = self.get_response(request)
        read_id = self._read_id(response)
        self._read(response)
        if self._storable(response):
            set_response_etag(response)
            entry = CachedPage(
                content=response.content,
                headers=response.headers,
                etag=response["ETag"],
                last_modified=_parse_last_modified(response.get("Last-Modified")),
                read_id=read_id,
                expires=pagecache.wall_clock() + settings.LITFASS_PAGE_CACHE_SECONDS,
            )
            cache.set(key, entry, settings.LITFASS_PAGE_CACHE_SECONDS)
        return self._conditional(request, response)

    def _lookup(self, key: str) -> CachedPage | None:
        entry = self.recent.get(key)
        if entry is None:
            entry = cache.get(key)
            if entry is None or entry.expires <= pagecache.wall_clock():
                return None  # (a shared cache may keep an entry a little longer than asked)
            self.recent.keep(key, entry)
        return entry

    def _hit(self, request: HttpRequest, entry: CachedPage) -> HttpResponseBase:
        if entry.read_id and self.on_read is not None:
            self.on_read(entry.read_id)
        response = HttpResponse(entry.content)
        response.headers = entry.headers
        if any(header in request.META for header in CONDITIONAL_HEADERS):
            conditional = get_conditional_response(
                request, etag=entry.etag, last_modified=entry.last_modified, response=response
            )
            return conditional or response
        return response

    @staticmethod
    def _storable(response: HttpResponseBase) -> TypeGuard[HttpResponse]:
        return (
            isinstance(response, HttpResponse)
            and not response.streaming
            and response.status_code == 200
            and "public" in response.get("Cache-Control", "")
            and not response.cookies
            # A nonce must differ on every response; such a page cannot be shared.
            and "'nonce-" not in response.get("Content-Security-Policy", "")
        )

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
