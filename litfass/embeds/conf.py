"""The settings the embeds read, with their defaults and validation.

Every function takes an optional ``source`` mapping. ``settings.py`` passes ``globals()`` to
:func:`litfass.embeds.origins.frame_src_origins` because Django's settings object cannot be read
while the settings module itself is still being imported; everywhere else ``source`` is left out
and the values come from ``django.conf.settings`` at call time (so ``override_settings`` works).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

Source = Mapping[str, Any] | None

DEFAULT_MASTODON_INSTANCES = ("mastodon.social", "chaos.social", "social.bund.de", "norden.social")

# Lower-case ASCII host names; single labels (localhost, testserver) are valid for our own hosts.
_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
HOST_RE = re.compile(rf"{_LABEL}(?:\.{_LABEL})*")
_NUMERIC_LABEL = re.compile(r"\d+|0x[0-9a-f]*")


def _get(name: str, default: Any, source: Source) -> Any:
    if source is not None:
        return source.get(name, default)
    return getattr(settings, name, default)


def is_ip_literal(host: str) -> bool:
    """True for IPv4 in any notation (1.2.3.4, 16909060, 0x1.0x2.0x3.0x4) and bracketed IPv6.

    Browsers read a host whose last label is a number (decimal or 0x…) as an IPv4 address;
    no top-level domain looks like that.
    """
    return host.startswith("[") or bool(_NUMERIC_LABEL.fullmatch(host.rsplit(".", 1)[-1]))


def _origin(value: str, name: str) -> str:
    """``scheme://host[:port]`` from a configured URL, or ImproperlyConfigured."""
    value = value.strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    host = parts.hostname or ""
    if (
        parts.scheme not in {"http", "https"}
        or parts.username is not None
        or parts.path
        or parts.query
        or parts.fragment
        or not HOST_RE.fullmatch(host)
    ):
        raise ImproperlyConfigured(f"{name} must be an origin like https://embed.example.org")
    return f"{parts.scheme}://{parts.netloc.lower()}"


def code_origin(source: Source = None) -> str:
    """The separate origin that serves code snippets (``LITFASS_CODE_EMBED_ORIGIN``), or ""."""
    value = _get("LITFASS_CODE_EMBED_ORIGIN", "", source)
    return _origin(str(value or ""), "LITFASS_CODE_EMBED_ORIGIN")


def code_netloc(source: Source = None) -> str:
    origin = code_origin(source)
    return urlsplit(origin).netloc if origin else ""


def site_url(source: Source = None) -> str:
    """The site's public origin (``LITFASS_SITE_URL``), or ""."""
    return _origin(str(_get("LITFASS_SITE_URL", "", source) or ""), "LITFASS_SITE_URL")


def mastodon_instances(source: Source = None) -> tuple[str, ...]:
    """The Mastodon servers whose posts may be embedded (``LITFASS_MASTODON_INSTANCES``)."""
    configured = _get("LITFASS_MASTODON_INSTANCES", DEFAULT_MASTODON_INSTANCES, source)
    hosts: list[str] = []
    for entry in configured:
        host = str(entry).strip().lower()
        if not HOST_RE.fullmatch(host) or "." not in host or is_ip_literal(host):
            raise ImproperlyConfigured(
                f"LITFASS_MASTODON_INSTANCES: {entry!r} is not a host name like chaos.social"
            )
        if host not in hosts:
            hosts.append(host)
    return tuple(hosts)


def enabled_provider_slugs(source: Source = None) -> frozenset[str] | None:
    """The providers switched on (``LITFASS_EMBED_PROVIDERS``); None means all of them."""
    value = _get("LITFASS_EMBED_PROVIDERS", None, source)
    if value is None:
        return None
    return frozenset(str(slug).strip().lower() for slug in value)


def dailymotion_player_id(source: Source = None) -> str:
    """Dailymotion answers embeds without a player id of the site with 403 at times."""
    value = str(_get("LITFASS_DAILYMOTION_PLAYER_ID", "", source) or "").strip()
    if value and not re.fullmatch(r"[A-Za-z0-9]{1,32}", value):
        raise ImproperlyConfigured("LITFASS_DAILYMOTION_PLAYER_ID must be letters and digits.")
    return value


def own_hosts(source: Source = None) -> tuple[str, ...]:
    """Host names of this site: the host of ``LITFASS_SITE_URL`` and every exact name in
    ``ALLOWED_HOSTS`` (wildcards and IP addresses are skipped, the code origin's host too)."""
    hosts: list[str] = []
    url = site_url(source)
    if url:
        hosts.append(urlsplit(url).hostname or "")
    for entry in _get("ALLOWED_HOSTS", [], source):
        host = str(entry).strip().lower()
        if HOST_RE.fullmatch(host) and not is_ip_literal(host) and host not in hosts:
            hosts.append(host)
    code_host = urlsplit(code_origin(source)).hostname
    return tuple(h for h in hosts if h and h != code_host)


def site_origins(source: Source = None) -> tuple[str, ...]:
    """Origins of this site's pages: the configured site URL, else https:// on each own host."""
    origins = [site_url(source)] if site_url(source) else []
    for host in own_hosts(source):
        origin = f"https://{host}"
        if origin not in origins:
            origins.append(origin)
    return tuple(o for o in origins if o)


def site_base(source: Source = None) -> str:
    """Where links to our own posts point: the site URL, else the first own host."""
    url = site_url(source)
    if url:
        return url
    hosts = own_hosts(source)
    return f"https://{hosts[0]}" if hosts else ""
