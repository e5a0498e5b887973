from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from litfass.content.models import Topic

NAV_CACHE_SECONDS = 300


def site(request: HttpRequest) -> dict[str, Any]:
    """Site name and the topic menu, which every page shows (cached: it rarely changes)."""
    nav = cache.get("litfass:nav-topics")
    if nav is None:
        nav = list(Topic.objects.values("name", "slug")[:10])
        cache.set("litfass:nav-topics", nav, NAV_CACHE_SECONDS)
    return {"site_name": settings.LITFASS_SITE_NAME, "nav_topics": nav}
