"""Markup for references: placeholders, code frames and cards, in few queries."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString, mark_safe

from litfass.embeds import cards, code, internal, queries
from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers import provider_by_slug
from litfass.embeds.refs import EmbedRef, EmbedRefused

EMPTY = mark_safe("")


def _ids(refs: Sequence[EmbedRef], provider: str) -> set[int]:
    return {int(ref.id) for ref in refs if ref.provider == provider and ref.id.isdigit()}


def render_embeds(refs: Sequence[EmbedRef], *, preview: bool = False) -> list[SafeString]:
    """The markup of each reference, in order; "" for what must not or cannot show.

    One query for all cards of our own posts and one for all code snippets, whatever the
    number of embeds. A provider switched off since the link was stored renders nothing.
    """
    posts = queries.posts_for_cards(_ids(refs, internal.PROVIDER))
    snippets = queries.snippets_by_id(_ids(refs, code.PROVIDER))
    out: list[SafeString] = []
    for ref in refs:
        if ref.provider == internal.PROVIDER:
            out.append(cards.render_card(posts.get(int(ref.id))))
        elif ref.provider == code.PROVIDER:
            snippet = snippets.get(int(ref.id))
            out.append(
                code.render_frame(
                    snippet.pk, title=snippet.title, height=snippet.height, preview=preview
                )
                if snippet
                else EMPTY
            )
        else:
            provider = provider_by_slug(ref.provider)
            out.append(provider.render(ref) if provider else EMPTY)
    return out


def render_embed(ref: EmbedRef) -> SafeString:
    return render_embeds([ref])[0]


def render_embed_urls(urls: Sequence[str], *, preview: bool = False) -> list[SafeString]:
    """Parse stored links again (every render re-checks them) and render them; a link that is
    refused today renders as ""."""
    refs: list[EmbedRef | None] = []
    for url in urls:
        try:
            refs.append(parse_embed_url(url))
        except EmbedRefused:
            refs.append(None)
    rendered = iter(render_embeds([ref for ref in refs if ref is not None], preview=preview))
    return [next(rendered) if ref is not None else EMPTY for ref in refs]
