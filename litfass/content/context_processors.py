from __future__ import annotations

import functools
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

from litfass.content import links
from litfass.content.models import Topic

NAV_CACHE_SECONDS = 300
# The links of the site's header and footer, by name for the templates: URL name to reverse.
SITE_LINKS = {
    "home": "content:home",
    "login": "account_login",
    "signup": "account_signup",
    "logout": "account_logout",
    "write": "content:new",
    "my_area": "content:my_area",
    "review": "content:review",
    "editors_login": "admin:index",
    "providers": "embeds:providers",
}


def site(request: HttpRequest) -> dict[str, Any]:
    """Site name, the topic menu and the header's links, which every page shows.

    The topics are cached (they rarely change); the links are reversed once per language and
    process, the topics' URLs put together from their slugs.
    """
    nav = cache.get("litfass:nav-topics")
    if nav is None:
        nav = list(Topic.objects.values("name", "slug")[:10])
        cache.set("litfass:nav-topics", nav, NAV_CACHE_SECONDS)
    root = links.language_root()
    return {
        "site_name": settings.LITFASS_SITE_NAME,
        "nav_topics": [
            {"name": t["name"], "url": links.topic_url(t["slug"], root=root)} for t in nav
        ],
        "site_links": _site_links(get_language(), get_script_prefix(), get_urlconf()),
    }


@functools.lru_cache(maxsize=16)
def _site_links(language: str | None, script_prefix: str, urlconf: str | None) -> dict[str, str]:
    # reverse() reads the active language, script prefix and URLconf; all three are the key.
    # Every page showed about a dozen {% url %} results that are the same for all requests.
    return {name: reverse(route) for name, route in SITE_LINKS.items()}
