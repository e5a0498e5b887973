"""The one entry point from a pasted link to a reference, for the composer and embed-check."""

from __future__ import annotations

from urllib.parse import SplitResult

from litfass.embeds import code, internal
from litfass.embeds.conf import code_netloc, code_origin, mastodon_instances, own_hosts, site_url
from litfass.embeds.providers import enabled_providers, provider_for_host
from litfass.embeds.providers.mastodon import Mastodon
from litfass.embeds.refs import KIND_NAMES, KIND_PHRASES, EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import check_url

OWN_KINDS = frozenset({EmbedKind.POST, EmbedKind.SNAPSHOT, EmbedKind.EVENT})


def parse_embed_url(url: str, *, kind: str | None = None) -> EmbedRef:
    """The reference for a pasted link, offline; EmbedRefused with the reason otherwise.

    ``kind`` is the composer dialog the link was pasted into (an :class:`EmbedKind` value);
    a link of another kind is refused with the name of the right dialog. Without ``kind``
    every kind is accepted (embed-check, or a link pasted into the text).
    """
    dialog = EmbedKind(kind) if kind is not None else None
    # Our own origins may be http or carry a port in development; nobody else's may.
    trusted = [origin for origin in (site_url(), code_origin()) if origin]
    parts = check_url(url, trusted_origins=trusted)
    ref = _reference(parts, dialog)
    if dialog is not None and ref.kind != dialog:
        raise EmbedRefused(
            Refusal.WRONG_DIALOG, found=KIND_PHRASES[ref.kind], dialog=KIND_NAMES[dialog]
        )
    return ref


def _reference(parts: SplitResult, dialog: EmbedKind | None) -> EmbedRef:
    host = parts.hostname or ""
    if parts.netloc == code_netloc():
        return code.parse(parts)
    if host in own_hosts():
        return internal.parse(parts)
    provider = provider_for_host(host)
    if provider is not None:
        return provider.parse(parts)
    if dialog in OWN_KINDS:
        raise EmbedRefused(Refusal.NOT_THIS_SITE)
    if dialog == EmbedKind.CODE:
        raise EmbedRefused(Refusal.NOT_CODE)
    raise EmbedRefused(Refusal.UNSUPPORTED, names=supported_names(dialog))


def supported_names(kind: EmbedKind | None = None) -> str:
    """The enabled providers (of one kind), as the refusal message lists them."""
    names: list[str] = []
    for provider in enabled_providers():
        if kind is not None and provider.kind != kind:
            continue
        if isinstance(provider, Mastodon):
            names.append(f"{provider.name} ({', '.join(mastodon_instances())})")
        else:
            names.append(provider.name)
    return ", ".join(names)
