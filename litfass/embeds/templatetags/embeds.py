"""``{% load embeds %}{% oembed_link post %}``: the oEmbed discovery link in the head of a post's
page. The embeds of a post render with ``{% load post_embeds %}{% post_embeds post %}``.
"""

from __future__ import annotations

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from litfass.embeds import oembed
from litfass.embeds.oembed import PostLink

register = template.Library()


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
