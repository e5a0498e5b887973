"""A few real photos and renditions that every bench picture row points to.

The bench database holds millions of picture rows but only these files: a handful of
synthetic JPEG originals and their AVIF/WebP/JPEG renditions, made once with Pillow and kept
under the bench media directory. Pages therefore render the same ``<picture>`` markup as with
real uploads, and the files exist when a browser asks for them.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFilter

PHOTO_COUNT = 6
PHOTO_SIZE = (1600, 1067)
RENDITION_WIDTHS = (480, 960, 1600)
SUBDIR = "bench"
MANIFEST = "photos.json"

# Format name in the renditions JSON -> (Pillow format, save options), as the image task does.
FORMATS: dict[str, tuple[str, dict[str, Any]]] = {
    "avif": ("AVIF", {"quality": 60, "speed": 8}),
    "webp": ("WEBP", {"quality": 80, "method": 4}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
}


@dataclass(frozen=True)
class Photo:
    """One original (a storage name relative to MEDIA_ROOT) and its renditions JSON."""

    name: str
    width: int
    height: int
    sha256: str  # of the original's bytes, as the upload service records it
    renditions: dict[str, list[dict[str, Any]]]


def ensure_photos(media_root: Path) -> list[Photo]:
    """Return the bench photos, making the files first if they are missing."""
    manifest = media_root / SUBDIR / MANIFEST
    try:
        photos = [Photo(**entry) for entry in json.loads(manifest.read_text())]
    except (OSError, ValueError, TypeError):
        photos = []  # missing, or written by an older version of the bench
    if photos and all(_files_exist(media_root, photo) for photo in photos):
        return photos
    photos = [_make_photo(media_root, index) for index in range(1, PHOTO_COUNT + 1)]
    manifest.write_text(json.dumps([asdict(photo) for photo in photos], indent=1))
    return photos


def _files_exist(media_root: Path, photo: Photo) -> bool:
    names = [photo.name] + [e["name"] for entries in photo.renditions.values() for e in entries]
    return all((media_root / name).is_file() for name in names)


def _make_photo(media_root: Path, index: int) -> Photo:
    picture = _draw(random.Random(index))
    name = f"{SUBDIR}/photo-{index}.jpg"
    target = media_root / name
    target.parent.mkdir(parents=True, exist_ok=True)
    picture.save(target, "JPEG", quality=88, optimize=True)

    renditions: dict[str, list[dict[str, Any]]] = {fmt: [] for fmt in FORMATS}
    for width in RENDITION_WIDTHS:
        height = max(1, round(picture.height * width / picture.width))
        scaled = picture.resize((width, height), Image.Resampling.LANCZOS)
        for fmt, (pillow_format, options) in FORMATS.items():
            rendition = f"{SUBDIR}/renditions/photo-{index}-{width}.{fmt}"
            path = media_root / rendition
            path.parent.mkdir(parents=True, exist_ok=True)
            scaled.save(path, pillow_format, **options)
            renditions[fmt].append({"width": width, "height": height, "name": rendition})
    return Photo(
        name=name,
        width=picture.width,
        height=picture.height,
        sha256=hashlib.sha256(target.read_bytes()).hexdigest(),
        renditions=renditions,
    )


def _draw(rng: random.Random) -> Image.Image:
    """A landscape-like picture: a sky-to-ground gradient, blurred shapes and some grain.

    Flat colours would compress to a few kilobytes; grain and detail give files of the size of
    real photos, which matters for what nginx and the browser move around.
    """
    width, height = PHOTO_SIZE
    sky = Image.new("RGB", PHOTO_SIZE, (rng.randint(90, 160), rng.randint(140, 200), 235))
    ground = Image.new("RGB", PHOTO_SIZE, (rng.randint(40, 110), rng.randint(80, 140), 50))
    mask = Image.linear_gradient("L").resize(PHOTO_SIZE)
    picture = Image.composite(ground, sky, mask)
    draw = ImageDraw.Draw(picture)
    for _ in range(60):
        x, y = rng.randrange(width), rng.randrange(height // 3, height)
        w, h = rng.randint(20, 300), rng.randint(20, 200)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        if rng.random() < 0.5:
            draw.ellipse((x, y, x + w, y + h), fill=colour)
        else:
            draw.rectangle((x, y, x + w, y + h), fill=colour)
    picture = picture.filter(ImageFilter.GaussianBlur(4))
    grain = Image.effect_noise(PHOTO_SIZE, 40).convert("RGB")
    return Image.blend(picture, grain, 0.12)
