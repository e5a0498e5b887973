"""``{% load embeds %}{% render_embed url %}``: a stored embed link as markup ("" if refused).

For a page with several embeds, render them in a view with
:func:`litfass.embeds.rendering.render_embed_urls` (one query for all cards).
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from litfass.embeds.rendering import render_embed_urls

register = template.Library()


@register.simple_tag
def render_embed(url: str) -> SafeString:
    return render_embed_urls([url])[0]
