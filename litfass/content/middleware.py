"""The site's page cache, counting reads of posts also when a page comes from the cache."""

from __future__ import annotations

from litfass.content.services import record_read
from litfass.core.middleware import AnonymousPageCacheMiddleware, Handler


def _count(post_id: int) -> None:
    record_read(post_id=post_id)


class PageCacheMiddleware(AnonymousPageCacheMiddleware):
    def __init__(self, get_response: Handler) -> None:
        super().__init__(get_response, on_read=_count)
