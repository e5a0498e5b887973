"""What ``litfass embed-check`` reports: one result per link, through the composer's parser."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.refs import EmbedRefused


def check_url(url: str, *, kind: str | None = None) -> dict[str, Any]:
    """``{"url", "accepted", "kind", "provider", "id", "reason"}`` for one link."""
    try:
        ref = parse_embed_url(url, kind=kind)
    except EmbedRefused as refused:
        return {
            "url": url,
            "accepted": False,
            "kind": None,
            "provider": None,
            "id": None,
            "reason": refused.reason,
        }
    return {
        "url": url,
        "accepted": True,
        "kind": ref.kind.value,
        "provider": ref.provider,
        "id": ref.id,
        "reason": None,
    }


def check_urls(urls: Iterable[str], *, kind: str | None = None) -> list[dict[str, Any]]:
    return [check_url(url, kind=kind) for url in urls]
