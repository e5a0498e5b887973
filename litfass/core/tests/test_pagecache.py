"""The anonymous page cache: what a hit carries, when it is bypassed, how stale it may be."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.test import RequestFactory
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from conftest import Clock
from litfass.core import pagecache
from litfass.core.middleware import READ_HEADER, AnonymousPageCacheMiddleware

LAST_MODIFIED = 1_700_000_000


@pytest.fixture(autouse=True)
def _page_cache_on(settings: pytest.FixtureRequest) -> None:
    settings.LITFASS_PAGE_CACHE_SECONDS = 60  # type: ignore[attr-defined]
    pagecache.bump_generation()  # nothing cached by an earlier test counts


class Site:
    """A stand-in for the rest of the middleware stack and a view: counts what it renders."""

    def __init__(self) -> None:
        self.rendered = 0
        self.body = "Erste Fassung"
        self.reads: list[int] = []
        self.public = True
        self.csp = "default-src 'self'"

    def view(self, request: HttpRequest) -> HttpResponseBase:
        self.rendered += 1
        response = HttpResponse(f"<p>{self.body}</p>")
        if self.public:
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        response["Last-Modified"] = http_date(LAST_MODIFIED)
        response[READ_HEADER] = "7"
        # What SecurityMiddleware, the CSP middleware and XFrameOptionsMiddleware add.
        response["Content-Security-Policy"] = self.csp
        response["X-Content-Type-Options"] = "nosniff"
        response["Referrer-Policy"] = "strict-origin-when-cross-origin"
        response["X-Frame-Options"] = "DENY"
        return response

    def middleware(self) -> AnonymousPageCacheMiddleware:
        return AnonymousPageCacheMiddleware(self.view, on_read=self.reads.append)


@pytest.fixture
def site() -> Site:
    return Site()


rf = RequestFactory(HTTP_HOST="testserver")


def test_a_hit_is_served_without_the_view_and_with_the_security_headers(site: Site) -> None:
    middleware = site.middleware()
    first = middleware(rf.get("/"))
    hit = middleware(rf.get("/"))
    assert site.rendered == 1
    assert isinstance(hit, HttpResponse) and hit.content == b"<p>Erste Fassung</p>"
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options"):
        assert hit[header] == first[header], header
    assert hit["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert hit["ETag"] == first["ETag"]
    assert not hit.has_header(READ_HEADER)


def test_every_delivery_counts_a_read_also_from_the_cache(site: Site) -> None:
    middleware = site.middleware()
    middleware(rf.get("/"))
    middleware(rf.get("/"))
    assert site.reads == [7, 7]


def test_a_hit_answers_conditional_requests_with_304(site: Site) -> None:
    middleware = site.middleware()
    etag = middleware(rf.get("/"))["ETag"]
    assert middleware(rf.get("/", HTTP_IF_NONE_MATCH=etag)).status_code == 304
    since = http_date(LAST_MODIFIED)
    assert middleware(rf.get("/", HTTP_IF_MODIFIED_SINCE=since)).status_code == 304
    older = http_date(LAST_MODIFIED - 60)
    assert middleware(rf.get("/", HTTP_IF_MODIFIED_SINCE=older)).status_code == 200
    assert middleware(rf.get("/", HTTP_IF_NONE_MATCH='"other"')).status_code == 200
    assert site.rendered == 1


def test_logged_in_visitors_and_waiting_messages_bypass_the_cache(site: Site) -> None:
    middleware = site.middleware()
    middleware(rf.get("/"))
    logged_in = rf.get("/")
    logged_in.COOKIES[settings.SESSION_COOKIE_NAME] = "abc"
    middleware(logged_in)
    with_message = rf.get("/")
    with_message.COOKIES["messages"] = "abc"
    middleware(with_message)
    assert site.rendered == 3


def test_only_the_page_cursor_may_be_in_the_query_string(site: Site) -> None:
    middleware = site.middleware()
    for _ in range(2):
        middleware(rf.get("/", {"nach": "1_2"}))
        middleware(rf.get("/", {"utm_source": "x"}))
    assert site.rendered == 3  # the cursor page once, the other one both times


def test_pages_not_marked_public_or_with_a_nonce_are_not_kept(site: Site) -> None:
    middleware = site.middleware()
    site.public = False
    middleware(rf.get("/a/"))
    middleware(rf.get("/a/"))
    site.public, site.csp = True, "script-src 'self' 'nonce-abc'"
    middleware(rf.get("/b/"))
    middleware(rf.get("/b/"))
    assert site.rendered == 4


def test_hosts_and_schemes_have_pages_of_their_own(site: Site) -> None:
    middleware = site.middleware()
    middleware(rf.get("/", HTTP_HOST="testserver"))
    middleware(rf.get("/", HTTP_HOST="localhost"))
    middleware(rf.get("/", HTTP_HOST="testserver", secure=True))
    assert site.rendered == 3


def test_with_the_https_redirect_on_a_plain_request_goes_to_the_stack(
    site: Site, settings: pytest.FixtureRequest
) -> None:
    middleware = site.middleware()
    middleware(rf.get("/", secure=True))
    settings.SECURE_SSL_REDIRECT = True  # type: ignore[attr-defined]
    middleware(rf.get("/"))  # SecurityMiddleware behind the cache answers with the redirect
    middleware(rf.get("/", secure=True))
    assert site.rendered == 2


def test_a_change_in_this_process_is_seen_by_the_next_request(site: Site, clock: Clock) -> None:
    middleware = site.middleware()
    middleware(rf.get("/"))
    site.body = "Zweite Fassung"
    pagecache.bump_generation()
    assert middleware(rf.get("/")).content == b"<p>Zweite Fassung</p>"  # type: ignore[attr-defined]


def test_a_change_in_another_process_reaches_hits_within_the_recheck_interval(
    site: Site, clock: Clock
) -> None:
    middleware = site.middleware()
    middleware(rf.get("/"))
    site.body = "Zweite Fassung"
    cache.incr(pagecache.GENERATION_KEY)  # what bump_generation() in another process does
    clock.now += pagecache.RECHECK_SECONDS / 2
    stale = middleware(rf.get("/"))
    clock.now += pagecache.RECHECK_SECONDS / 2
    fresh = middleware(rf.get("/"))
    assert stale.content == b"<p>Erste Fassung</p>"  # type: ignore[attr-defined]
    assert fresh.content == b"<p>Zweite Fassung</p>"  # type: ignore[attr-defined]


def test_the_generation_is_read_from_the_cache_at_most_once_per_interval(clock: Clock) -> None:
    before = pagecache.generation(pagecache.RECHECK_SECONDS)
    cache.incr(pagecache.GENERATION_KEY)
    assert pagecache.generation(pagecache.RECHECK_SECONDS) == before
    assert pagecache.generation() == before + 1  # max_age=0 always asks


def test_a_lost_generation_restarts_above_every_number_used_before(site: Site) -> None:
    middleware = site.middleware()
    middleware(rf.get("/"))
    old = pagecache.generation()
    cache.delete(pagecache.GENERATION_KEY)  # evicted, or the cache was flushed
    site.body = "Zweite Fassung"
    assert pagecache.generation() > old
    assert middleware(rf.get("/")).content == b"<p>Zweite Fassung</p>"  # type: ignore[attr-defined]


def test_switched_off_nothing_is_kept(site: Site, settings: pytest.FixtureRequest) -> None:
    settings.LITFASS_PAGE_CACHE_SECONDS = 0  # type: ignore[attr-defined]
    middleware = site.middleware()
    middleware(rf.get("/"))
    response = middleware(rf.get("/"))
    assert site.rendered == 2
    assert response.has_header("ETag")  # conditional requests work without the cache too


class CountingCache:
    """The cache, counting reads of the generation number."""

    def __init__(self) -> None:
        self.generation_reads = 0

    def get(self, key: str, default: object = None) -> object:
        if key == pagecache.GENERATION_KEY:
            self.generation_reads += 1
        return cache.get(key, default)

    def __getattr__(self, name: str) -> object:
        return getattr(cache, name)


def test_within_a_request_the_generation_is_read_once_and_follows_bumps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    counting = CountingCache()
    monkeypatch.setattr(pagecache, "cache", counting)
    with pagecache.request_scope():
        first = pagecache.generation()
        assert pagecache.generation() == first
        cache.incr(pagecache.GENERATION_KEY)  # another process: this request keeps its view
        assert pagecache.generation() == first
        pagecache.bump_generation()  # this request's own change counts at once
        assert pagecache.generation() == first + 2
    assert counting.generation_reads == 1
    assert pagecache.generation() == first + 2


def test_the_middleware_gives_the_rest_of_the_request_the_generation_it_read(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []
    view = site.view

    def reading_view(request: HttpRequest) -> HttpResponseBase:
        seen.extend([pagecache.generation(), pagecache.generation()])
        return view(request)

    counting = CountingCache()
    monkeypatch.setattr(pagecache, "cache", counting)
    AnonymousPageCacheMiddleware(reading_view)(rf.get("/"))
    assert counting.generation_reads == 1  # the miss asked once; the view reused it
    assert seen == [pagecache.generation()] * 2


class WallClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def wall_clock(monkeypatch: pytest.MonkeyPatch) -> WallClock:
    fake = WallClock()
    monkeypatch.setattr(pagecache, "wall_clock", fake)
    return fake


def test_pages_served_lately_come_from_process_memory(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    middleware = site.middleware()
    first = middleware(rf.get("/"))
    middleware(rf.get("/"))  # from the shared cache, kept in memory from now on
    counting = CountingCache()
    monkeypatch.setattr("litfass.core.middleware.cache", counting)
    lookups = []
    monkeypatch.setattr(counting, "get", lambda key, default=None: lookups.append(key))
    again = middleware(rf.get("/"))
    assert lookups == []
    assert again.content == first.content  # type: ignore[attr-defined]
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert site.reads == [7, 7, 7] and site.rendered == 1


def test_a_page_leaves_process_memory_with_its_lifetime(
    site: Site, wall_clock: WallClock, settings: pytest.FixtureRequest
) -> None:
    middleware = site.middleware()
    middleware(rf.get("/"))
    middleware(rf.get("/"))
    site.body = "Zweite Fassung"  # a change that bumps nothing (a place, the topic menu)
    wall_clock.now += settings.LITFASS_PAGE_CACHE_SECONDS - 1  # type: ignore[attr-defined]
    assert middleware(rf.get("/")).content == b"<p>Erste Fassung</p>"  # type: ignore[attr-defined]
    wall_clock.now += 1
    assert middleware(rf.get("/")).content == b"<p>Zweite Fassung</p>"  # type: ignore[attr-defined]


def test_process_memory_keeps_a_bounded_number_of_pages(site: Site) -> None:
    middleware = site.middleware()
    middleware.recent.size = 3
    for n in range(5):
        middleware(rf.get(f"/{n}/"))
        middleware(rf.get(f"/{n}/"))
    assert len(middleware.recent.pages) == 3
    assert list(middleware.recent.pages) == [
        pagecache.page_key("http", "testserver", f"/{n}/", pagecache.generation())
        for n in (2, 3, 4)
    ]
