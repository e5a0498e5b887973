"""Small template helpers used across the site."""

from __future__ import annotations

from typing import Any

from django import template
from django.template.context import Context
from django.urls import translate_url
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext
from js_asset import Media

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_path(context: Context, language: str) -> str:
    """The current page's path in another language (falls back to that language's home)."""
    request = context.get("request")
    if request is None:
        return "/" if language == "de" else f"/{language}/"
    return translate_url(request.get_full_path(), language)


@register.filter
def picture_count(count: int) -> str:
    """ "2 Bilder" / "1 Bild" in the reader's language."""
    return ngettext("%(n)d picture", "%(n)d pictures", count) % {"n": count}


@register.simple_tag(takes_context=True)
def media_with_nonce(context: Context, media: Any) -> SafeString:
    """Render form media (scripts, import map, styles) carrying this response's CSP nonce."""
    nonce = str(context.get("csp_nonce", ""))
    return mark_safe(str(Media.from_media(media, nonce=nonce).render()))  # noqa: S308 - tags built by js_asset
