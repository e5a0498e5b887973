"""Writes of pictures. The content services call these inside their own transactions."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction

from litfass.images import tasks
from litfass.images.models import Image
from litfass.images.processing import CleanImage


@contextmanager
def stored_picture(cleaned: CleanImage) -> Iterator[str]:
    """Write the cleaned picture to storage and yield its name.

    If the block raises (a validation error, a failed database write), the file is deleted
    again, so that a failed upload leaves neither a row nor a file behind.
    """
    name = default_storage.save(
        f"images/{uuid.uuid4().hex}.{cleaned.extension}", ContentFile(cleaned.content)
    )
    try:
        yield name
    except BaseException:
        default_storage.delete(name)
        raise


def create_image(
    *,
    post_id: int,
    file_name: str,
    cleaned: CleanImage,
    credit: str,
    alt_text: str,
    caption: str = "",
    focal_x: float = 0.5,
    focal_y: float = 0.5,
    position: int,
    source_sha256: str = "",
) -> Image:
    """Insert the row for a stored picture and schedule its renditions after the commit."""
    image = Image(
        post_id=post_id,
        caption=caption.strip(),
        credit=credit.strip(),
        alt_text=alt_text.strip(),
        focal_x=focal_x,
        focal_y=focal_y,
        position=position,
        source_sha256=source_sha256,
        width=cleaned.width,
        height=cleaned.height,
    )
    image.file.name = file_name
    image.full_clean(exclude=["post", "file"])
    image.save()
    transaction.on_commit(lambda: tasks.make_renditions.enqueue(image.pk))
    return image


def delete_image(*, image: Image) -> None:
    """Delete the row now and its files once the transaction has committed."""
    names = [image.file.name] + [
        entry["name"] for entries in image.renditions.values() for entry in entries
    ]
    image.delete()

    def delete_files() -> None:
        for name in names:
            if name:
                default_storage.delete(name)

    transaction.on_commit(delete_files)
