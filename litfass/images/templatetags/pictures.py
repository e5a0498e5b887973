"""``{% picture image sizes %}``: a responsive <picture> with width and height set."""

from __future__ import annotations

from django import template
from django.core.files.storage import default_storage
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from litfass.images.models import Image

register = template.Library()

_MIME = {"avif": "image/avif", "webp": "image/webp"}


def _srcset(entries: list[dict[str, object]]) -> str:
    return ", ".join(f"{default_storage.url(str(e['name']))} {e['width']}w" for e in entries)


@register.simple_tag
def picture(
    image: Image | None,
    sizes: str = "100vw",
    css_class: str = "",
    loading: str = "lazy",
) -> SafeString:
    """Render the picture with AVIF/WebP sources and a JPEG fallback; nothing for None.

    Until the background renditions exist, the stored (metadata-free) original is shown.
    """
    if image is None:
        return mark_safe("")
    # The focal point becomes two classes (tenths of width and height) that set CSS variables
    # for object-position: a strict CSP allows no style attributes.
    classes = f"fx-{round(image.focal_x * 10)} fy-{round(image.focal_y * 10)} {css_class}"
    renditions = image.renditions or {}
    img_attrs = format_html(
        'alt="{}" width="{}" height="{}" loading="{}" decoding="async" class="{}"',
        image.alt_text,
        image.width,
        image.height,
        loading,
        classes.strip(),
    )
    if not renditions:
        return format_html('<img src="{}" {}>', default_storage.url(image.file.name), img_attrs)
    sources = "".join(
        f'<source type="{mime}" srcset="{escape(_srcset(renditions[fmt]))}" '
        f'sizes="{escape(sizes)}">'
        for fmt, mime in _MIME.items()
        if renditions.get(fmt)
    )
    jpegs = renditions.get("jpeg") or []
    fallback = (
        default_storage.url(jpegs[-1]["name"]) if jpegs else default_storage.url(image.file.name)
    )
    return format_html(
        '<picture>{}<img src="{}" srcset="{}" sizes="{}" {}></picture>',
        mark_safe(sources),  # noqa: S308 - built from escaped parts above
        fallback,
        _srcset(jpegs),
        sizes,
        img_attrs,
    )
