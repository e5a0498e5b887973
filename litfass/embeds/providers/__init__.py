"""The third-party providers, one file each. Adding a provider: a file here, a line below."""

from __future__ import annotations

from litfass.embeds.conf import Source, enabled_provider_slugs

from .base import Provider
from .bluesky import Bluesky
from .dailymotion import Dailymotion
from .facebook import Facebook
from .googlemaps import GoogleMaps
from .instagram import Instagram
from .mastodon import Mastodon
from .openstreetmap import OpenStreetMap
from .tiktok import TikTok
from .twitch import Twitch
from .twitter import Twitter
from .vimeo import Vimeo
from .youtube import YouTube

#: Every provider, in the order the composer lists them.
PROVIDERS: tuple[Provider, ...] = (
    YouTube(),
    Vimeo(),
    Dailymotion(),
    Twitch(),
    OpenStreetMap(),
    GoogleMaps(),
    Instagram(),
    Twitter(),
    Facebook(),
    TikTok(),
    Bluesky(),
    Mastodon(),
)


def enabled_providers(source: Source = None) -> tuple[Provider, ...]:
    """The providers switched on by ``LITFASS_EMBED_PROVIDERS`` (all when it is unset)."""
    slugs = enabled_provider_slugs(source)
    return tuple(p for p in PROVIDERS if slugs is None or p.slug in slugs)


def provider_for_host(host: str) -> Provider | None:
    """The enabled provider that owns ``host`` exactly, or None."""
    return next((p for p in enabled_providers() if p.handles(host)), None)


def provider_by_slug(slug: str) -> Provider | None:
    """The enabled provider with this slug, or None (unknown or switched off)."""
    return next((p for p in enabled_providers() if p.slug == slug), None)


__all__ = [
    "PROVIDERS",
    "Provider",
    "enabled_providers",
    "provider_by_slug",
    "provider_for_host",
]
