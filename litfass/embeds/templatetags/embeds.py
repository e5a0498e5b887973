"""``{% load embeds %}{% render_embed url %}``: a stored embed link as markup ("" if refused);
``{% oembed_link post %}``: the oEmbed discovery link in the head of a post's page.

For a page with several embeds, render them in a view with
:func:`litfass.embeds.rendering.render_embed_urls` (one query for all cards).
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from litfass.embeds import oembed
from litfass.embeds.oembed import PostLink
from litfass.embeds.rendering import render_embed_urls

register = template.Library()


@register.simple_tag
def render_embed(url: str) -> SafeString:
    return render_embed_urls([url])[0]


@register.simple_tag
def oembed_link(post: PostLink) -> SafeString:
    """``<link rel="alternate" type="application/json+oembed">`` for a published post's page,
    so that other sites find its card; nothing for a draft or any other unpublished post."""
    if not post.is_published:
        return mark_safe("")
    return format_html(
        '<link rel="alternate" type="application/json+oembed" href="{}" title="{}">',
        oembed.discovery_href(post),
        post.headline,
    )
