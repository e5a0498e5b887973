"""Background work on pictures."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.tasks import task

from litfass.images.models import Image, RenditionInfo
from litfass.images.processing import (
    RENDITION_FORMATS,
    render_variant,
    rendition_widths,
    scaled_versions,
)

logger = logging.getLogger(__name__)


@task()
def make_renditions(image_id: int) -> int:
    """Make the AVIF, WebP and JPEG renditions of one picture; return how many were written.

    Idempotent: a picture that already has its renditions, or that was deleted meanwhile, is
    left alone, so a task that runs twice or after a restart does no harm.
    """
    image = Image.objects.filter(pk=image_id).first()
    if image is None or image.renditions:
        return 0
    with image.file.open("rb") as handle:
        data = handle.read()
    widths = rendition_widths(image.width)
    scaled = scaled_versions(data, widths)
    stem = (image.file.name or "").rsplit(".", 1)[0].replace("images/", "renditions/", 1)
    made: dict[str, list[RenditionInfo]] = {}
    written: list[str] = []
    try:
        for fmt in RENDITION_FORMATS:
            entries: list[RenditionInfo] = []
            for width in widths:
                encoded = render_variant(scaled[width], fmt=fmt)
                ext = "jpg" if fmt == "jpeg" else fmt
                name = default_storage.save(f"{stem}-{width}.{ext}", ContentFile(encoded))
                written.append(name)
                entries.append({"width": width, "height": scaled[width].height, "name": name})
            made[fmt] = entries
        with transaction.atomic():
            updated = Image.objects.filter(pk=image_id, renditions={}).update(renditions=made)
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise
    if not updated:
        # Deleted or done by another worker meanwhile: our files are not referenced.
        for name in written:
            default_storage.delete(name)
        return 0
    logger.info("made %d renditions for picture %s", len(written), image_id)
    return len(written)


@task()
def make_missing_renditions() -> int:
    """Enqueue renditions for every picture that has none (after a crash or an import)."""
    ids = list(Image.objects.filter(renditions={}).values_list("pk", flat=True))
    for image_id in ids:
        make_renditions.enqueue(image_id)
    return len(ids)
