"""Pure image work on bytes: validate, normalise, make renditions. No database here."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

ACCEPTED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
RENDITION_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}


@dataclass(frozen=True)
class CleanImage:
    """A picture ready to store: re-encoded without metadata, orientation applied."""

    content: bytes
    extension: str
    width: int
    height: int


def _open_checked(data: bytes) -> PILImage.Image:
    if len(data) > settings.LITFASS_MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)d MB."),
            params={"limit": settings.LITFASS_MAX_UPLOAD_BYTES // (1024 * 1024)},
            code="too_large",
        )
    try:
        image = PILImage.open(io.BytesIO(data))
    except (UnidentifiedImageError, OSError):
        raise ValidationError(
            _("This file is not a picture. Please upload a JPEG, PNG, WebP or GIF file."),
            code="not_an_image",
        ) from None
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(
            _("Pictures in %(format)s format are not accepted; use JPEG, PNG, WebP or GIF."),
            params={"format": image.format or "?"},
            code="format",
        )
    if image.width * image.height > settings.LITFASS_MAX_IMAGE_PIXELS:
        raise ValidationError(
            _("The picture has more than %(limit)d megapixels; please make it smaller."),
            params={"limit": settings.LITFASS_MAX_IMAGE_PIXELS // 1_000_000},
            code="too_many_pixels",
        )
    return image


def clean_image(data: bytes) -> CleanImage:
    """Validate uploaded bytes and return them re-encoded without EXIF, GPS or other metadata.

    The format is detected from the bytes, never from the file name. Raises ValidationError with
    a translated message for anything that is not a complete JPEG, PNG, WebP or GIF picture
    within the size and pixel limits.
    """
    image = _open_checked(data)
    source_format = image.format or "JPEG"
    try:
        image.load()
        upright = ImageOps.exif_transpose(image)
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        raise ValidationError(
            _("The picture is damaged or incomplete. Please upload it again."),
            code="damaged",
        ) from None
    out = io.BytesIO()
    if source_format == "JPEG":
        upright.convert("RGB").save(out, "JPEG", quality=88, optimize=True)
    elif source_format == "PNG":
        upright.save(out, "PNG", optimize=True)
    elif source_format == "WEBP":
        upright.save(out, "WEBP", quality=88)
    else:
        # Animated GIFs keep only their first frame: posts show still pictures.
        upright.save(out, "GIF")
    return CleanImage(
        content=out.getvalue(),
        extension=ACCEPTED_FORMATS[source_format],
        width=upright.width,
        height=upright.height,
    )


def scaled_versions(data: bytes, widths: list[int]) -> dict[int, PILImage.Image]:
    """The picture scaled to each width, cheaply: a JPEG is decoded at a reduced size right
    away, and every smaller width is made from the next larger one instead of the original."""
    source = PILImage.open(io.BytesIO(data))
    largest = max(widths)
    if source.format == "JPEG":
        # DCT scaling decodes a 12-megapixel photo at 1/2, 1/4 or 1/8 size for a fraction of
        # the time; the result is still at least as large as the largest rendition.
        source.draft("RGB", (largest, max(1, round(source.height * largest / source.width))))
    source.load()
    versions: dict[int, PILImage.Image] = {}
    current: PILImage.Image = source
    for width in sorted(widths, reverse=True):
        height = max(1, round(current.height * width / current.width))
        current = current.resize((width, height), PILImage.Resampling.LANCZOS, reducing_gap=3.0)
        versions[width] = current
    return versions


def render_variant(scaled: PILImage.Image, *, fmt: str) -> bytes:
    """Encode an already scaled picture in ``fmt`` (avif, webp or jpeg)."""
    if scaled.mode not in {"RGB", "RGBA"} or fmt == "jpeg":
        scaled = scaled.convert("RGB")
    out = io.BytesIO()
    if fmt == "avif":
        scaled.save(out, "AVIF", quality=60, speed=8)
    elif fmt == "webp":
        scaled.save(out, "WEBP", quality=80, method=4)
    else:
        scaled.save(out, "JPEG", quality=82, optimize=True, progressive=True)
    return out.getvalue()


def rendition_widths(original_width: int) -> list[int]:
    """Configured widths not larger than the original (the original width if it is smaller)."""
    widths = [w for w in settings.LITFASS_RENDITION_WIDTHS if w < original_width]
    largest = min(original_width, max(settings.LITFASS_RENDITION_WIDTHS))
    return widths if largest in widths else [*widths, largest]
