"""Assertions shared by the provider tables."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal


def accepted(
    url: str,
    provider: str,
    kind: EmbedKind,
    ref_id: str,
    options: Mapping[str, Any],
    *,
    dialog: str | None = None,
) -> EmbedRef:
    """Parse ``url``, check every field, and check that the canonical link gives the same."""
    ref = parse_embed_url(url, kind=dialog)
    assert (ref.provider, ref.kind, ref.id, dict(ref.options)) == (
        provider,
        kind,
        ref_id,
        dict(options),
    )
    assert parse_embed_url(ref.url) == ref, "the canonical link must parse to the same reference"
    assert ref.url.startswith("https://")
    return ref


def refused(url: str, code: Refusal, *, dialog: str | None = None) -> EmbedRefused:
    with pytest.raises(EmbedRefused) as excinfo:
        parse_embed_url(url, kind=dialog)
    assert excinfo.value.code == code, excinfo.value.reason
    assert excinfo.value.reason
    return excinfo.value
