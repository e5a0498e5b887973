"""System checks: the CSP lets the embeds' frames load, and the code origin is really apart."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Error, Warning, register

from litfass.embeds.conf import code_origin, site_url
from litfass.embeds.origins import frame_src_origins


@register("security")
def check_frame_src(**kwargs: Any) -> list[CheckMessage]:
    """Every frame origin an embed may load must be in SECURE_CSP["frame-src"]."""
    allowed = set(getattr(settings, "SECURE_CSP", {}).get("frame-src", []))
    missing = [origin for origin in frame_src_origins() if origin not in allowed]
    if not missing:
        return []
    return [
        Warning(
            "SECURE_CSP['frame-src'] lacks origins that embeds load: " + ", ".join(missing),
            hint="Set it to litfass.embeds.origins.frame_src_origins(globals()) in settings.py.",
            id="embeds.W001",
        )
    ]


@register("security")
def check_code_origin(**kwargs: Any) -> list[CheckMessage]:
    """The code origin must be a host of its own, and one the site answers for."""
    origin = code_origin()
    if not origin:
        return []
    host = urlsplit(origin).hostname or ""
    messages: list[CheckMessage] = []
    if host == urlsplit(site_url()).hostname:
        messages.append(
            Error(
                "LITFASS_CODE_EMBED_ORIGIN must not be on the host of LITFASS_SITE_URL.",
                hint="Use a separate domain, e.g. litfass-embed.org, not a path or a port.",
                id="embeds.E001",
            )
        )
    allowed = {str(h).lower() for h in settings.ALLOWED_HOSTS}
    if host not in allowed and "*" not in allowed:
        messages.append(
            Warning(
                "The host of LITFASS_CODE_EMBED_ORIGIN is not in ALLOWED_HOSTS, so snippets "
                "would be answered with 400.",
                id="embeds.W002",
            )
        )
    return messages
