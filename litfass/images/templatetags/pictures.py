"""``{% picture image sizes %}``: a responsive <picture> with width and height set."""

from __future__ import annotations

import functools
import json
from typing import NamedTuple, Protocol

from django import template
from django.core.files.storage import default_storage
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from litfass.images.models import Image

register = template.Library()

_MIME = {"avif": "image/avif", "webp": "image/webp"}


class PictureData(Protocol):
    """A picture as the reading pages read it (``litfass.content.reader.Picture``).

    ``renditions`` is the stored JSON text, so that it can key the memo of URLs unparsed.
    """

    @property
    def file_name(self) -> str: ...
    @property
    def renditions(self) -> str: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...
    @property
    def alt_text(self) -> str: ...
    @property
    def focal_x(self) -> float: ...
    @property
    def focal_y(self) -> float: ...


class _Sources(NamedTuple):
    """The escaped URL parts of one picture's markup: (type, srcset) pairs and the JPEG ones."""

    has_renditions: bool
    sources: tuple[tuple[str, str], ...]
    fallback: str
    jpeg_srcset: str


@functools.lru_cache(maxsize=4096)
def _sources(storage_key: str, file_name: str, renditions: str) -> _Sources:
    """The URLs of a picture and its renditions, computed once per picture and process.

    A gallery page shows about 140 of them; asking the storage for each on every request was
    the larger part of rendering a picture. They change only with the picture's file or
    renditions, which are both part of the key (with the storage's base URL).
    """
    made: dict[str, list[dict[str, object]]] = json.loads(renditions) if renditions else {}

    def srcset(entries: list[dict[str, object]]) -> str:
        return escape(
            ", ".join(f"{default_storage.url(str(e['name']))} {e['width']}w" for e in entries)
        )

    sources = tuple((mime, srcset(made[fmt])) for fmt, mime in _MIME.items() if made.get(fmt))
    jpegs = made.get("jpeg") or []
    fallback = (
        default_storage.url(str(jpegs[-1]["name"])) if jpegs else default_storage.url(file_name)
    )
    return _Sources(bool(made), sources, escape(fallback), srcset(jpegs))


@functools.lru_cache(maxsize=64)
def _escaped(value: str) -> str:
    # ``sizes``, ``loading`` and class values: a handful of constants from the templates.
    return str(escape(value))


@register.simple_tag
def picture(
    image: Image | PictureData | None,
    sizes: str = "100vw",
    css_class: str = "",
    loading: str = "lazy",
) -> SafeString:
    """Render the picture with AVIF/WebP sources and a JPEG fallback; nothing for None.

    Until the background renditions exist, the stored (metadata-free) original is shown.
    """
    if image is None:
        return mark_safe("")
    return mark_safe(picture_html(image, sizes, css_class, loading))  # noqa: S308 - escaped


def picture_html(
    image: Image | PictureData, sizes: str, css_class: str = "", loading: str = "lazy"
) -> str:
    """The markup of :func:`picture`, for Python code that builds HTML; every part escaped."""
    if isinstance(image, Image):
        file_name = image.file.name or ""
        renditions = json.dumps(image.renditions, sort_keys=True) if image.renditions else ""
    else:
        file_name, renditions = image.file_name, image.renditions or ""
    urls = _sources(str(getattr(default_storage, "base_url", "")), file_name, renditions)
    # The focal point becomes two classes (tenths of width and height) that set CSS variables
    # for object-position: a strict CSP allows no style attributes.
    classes = f"fx-{round(image.focal_x * 10)} fy-{round(image.focal_y * 10)} {css_class}".strip()
    img_attrs = (
        f'alt="{escape(image.alt_text)}" width="{image.width}" height="{image.height}" '
        f'loading="{_escaped(loading)}" decoding="async" class="{_escaped(classes)}"'
    )
    if not urls.has_renditions:
        return f'<img src="{urls.fallback}" {img_attrs}>'
    sizes_attr = _escaped(sizes)
    sources = "".join(
        f'<source type="{mime}" srcset="{srcset}" sizes="{sizes_attr}">'
        for mime, srcset in urls.sources
    )
    return (
        f'<picture>{sources}<img src="{urls.fallback}" srcset="{urls.jpeg_srcset}" '
        f'sizes="{sizes_attr}" {img_attrs}></picture>'
    )
