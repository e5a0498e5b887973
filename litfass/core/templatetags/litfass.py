"""Small template helpers used across the site."""

from __future__ import annotations

import functools
from typing import Any

from django import template
from django.conf import settings
from django.template.context import Context
from django.templatetags.static import static
from django.urls import get_script_prefix
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import ngettext
from js_asset import Media

register = template.Library()


@register.simple_tag(takes_context=True)
def translated_path(context: Context, language: str) -> str:
    """The current page's path in another language (that language's home without a request).

    Every language but the default one is a path prefix (``i18n_patterns`` with
    ``prefix_default_language=False``) and no URL pattern is translated, so the page in another
    language is the same path with the prefix swapped. ``translate_url()`` found that by
    resolving and reversing the path on every page; if patterns are ever translated, return to
    it.
    """
    request = context.get("request")
    prefix = get_script_prefix()
    if request is None:
        return prefix if language == settings.LANGUAGE_CODE else f"{prefix}{language}/"
    full_path = request.get_full_path()
    rest = full_path[len(prefix) :] if full_path.startswith(prefix) else full_path.lstrip("/")
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE and (rest == code or rest.startswith(f"{code}/")):
            rest = rest[len(code) + 1 :]
            break
    if language == settings.LANGUAGE_CODE:
        return f"{prefix}{rest}"
    return f"{prefix}{language}/{rest}"


@register.simple_tag
def asset(path: str) -> str:
    """``{% static path %}``, looked up once per process.

    With the manifest storage every lookup parses and normalises the name before reading the
    manifest; the answer cannot change while a process runs (a new collectstatic comes with a
    restart). STATIC_URL is part of the key for tests that change it.
    """
    return _asset(path, settings.STATIC_URL)


@functools.lru_cache(maxsize=64)
def _asset(path: str, static_url: str) -> str:
    return static(path)


@register.filter
def picture_count(count: int) -> str:
    """ "2 Bilder" / "1 Bild" in the reader's language."""
    return ngettext("%(n)d picture", "%(n)d pictures", count) % {"n": count}


@register.simple_tag(takes_context=True)
def media_with_nonce(context: Context, media: Any) -> SafeString:
    """Render form media (scripts, import map, styles) carrying this response's CSP nonce."""
    nonce = str(context.get("csp_nonce", ""))
    return mark_safe(str(Media.from_media(media, nonce=nonce).render()))  # noqa: S308 - tags built by js_asset
