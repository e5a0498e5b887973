"""URLs of the reading pages, built without ``reverse()``.

A list page links every teaser, its place and topic; ``reverse()`` walks the URL resolver for
each of them and was a noticeable share of a page's time. These helpers put the same strings
together directly: the script prefix, the language prefix that ``i18n_patterns`` adds for every
language but the default one, and the fixed paths of ``litfass/content/urls.py``. Slugs are
ASCII (``SlugField``), so nothing needs quoting. ``content/tests/test_links.py`` checks each
helper against ``reverse()`` in every language, so a changed URL pattern fails there rather
than on the site.

Each helper takes the ``root`` when the caller builds many URLs at once: reading the active
language and the script prefix (context variables) costs more than the rest of a URL.
"""

from __future__ import annotations

from django.conf import settings
from django.urls import get_script_prefix
from django.utils.translation import get_language

from litfass.content.models import Post


def language_root() -> str:
    """The home page of the active language: ``/`` for German, ``/en/`` for English."""
    language = get_language()
    if not language or language == settings.LANGUAGE_CODE:
        return get_script_prefix()
    return f"{get_script_prefix()}{language}/"


def post_url(kind: str, slug: str, pk: int, *, root: str | None = None) -> str:
    """Equals ``reverse("content:post", ...)`` with the kind's prefix, slug and id."""
    return f"{root or language_root()}{Post.URL_PREFIX[kind]}/{slug}-{pk}/"


def place_url(slug: str, *, root: str | None = None) -> str:
    return f"{root or language_root()}ort/{slug}/"


def topic_url(slug: str, *, root: str | None = None) -> str:
    return f"{root or language_root()}ressort/{slug}/"


def profile_url(slug: str, *, root: str | None = None) -> str:
    return f"{root or language_root()}profil/{slug}/"
