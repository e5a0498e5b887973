from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from litfass.content.models import Post
from litfass.content.services import add_picture, create_post
from litfass.images.models import Image
from litfass.images.processing import clean_image

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def _jpeg_with_gps(width: int = 80, height: int = 40, orientation: int = 1) -> bytes:
    image = PILImage.new("RGB", (width, height), "tomato")
    exif = image.getexif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (49.0, 26.0, 40.0), 3: "E", 4: (7.0, 46.0, 8.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    PILImage.new("L", (width, height)).save(out, "PNG")
    return out.getvalue()


def test_exif_and_gps_are_removed_before_storing():
    data = _jpeg_with_gps()
    assert PILImage.open(io.BytesIO(data)).getexif().get_ifd(GPS_IFD)
    cleaned = clean_image(data)
    stored = PILImage.open(io.BytesIO(cleaned.content))
    assert not stored.getexif()
    assert b"PhoneMaker" not in cleaned.content


def test_orientation_is_applied_to_the_pixels():
    # Orientation 6 means "rotate 90° clockwise to display": width and height swap.
    cleaned = clean_image(_jpeg_with_gps(80, 40, orientation=6))
    assert (cleaned.width, cleaned.height) == (40, 80)


def test_a_text_file_renamed_to_jpg_is_refused():
    with pytest.raises(ValidationError, match="kein Bild"):
        clean_image(b"this is not a picture at all")


def test_a_truncated_file_is_refused():
    data = _jpeg_with_gps(400, 300)
    with pytest.raises(ValidationError, match=r"beschädigt|kein Bild"):
        clean_image(data[: len(data) // 2])


def test_a_pixel_bomb_is_refused_before_decoding(settings):
    settings.LITFASS_MAX_IMAGE_PIXELS = 10_000
    with pytest.raises(ValidationError, match="Megapixel"):
        clean_image(_png(200, 200))


def test_other_formats_are_refused():
    out = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(out, "BMP")
    with pytest.raises(ValidationError, match="Format BMP"):
        clean_image(out.getvalue())


def test_renditions_are_made_in_three_formats_without_metadata(
    reporter, settings, django_capture_on_commit_callbacks
):
    settings.LITFASS_RENDITION_WIDTHS = (40, 60)
    post = create_post(kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Bilder")
    with django_capture_on_commit_callbacks(execute=True):
        image = add_picture(post=post, data=_jpeg_with_gps(), credit="Foto: R", alt_text="Himmel")
    image.refresh_from_db()
    assert set(image.renditions) == {"avif", "webp", "jpeg"}
    assert [e["width"] for e in image.renditions["webp"]] == [40, 60]
    for entries in image.renditions.values():
        for entry in entries:
            with default_storage.open(entry["name"]) as handle:
                assert not PILImage.open(handle).getexif()


def test_a_refused_upload_leaves_no_row_and_no_file(reporter, media_root):
    post = create_post(kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Bilder")
    with pytest.raises(ValidationError):
        add_picture(post=post, data=b"GIF89a broken", credit="Foto: R", alt_text="x")
    with pytest.raises(ValidationError):
        add_picture(post=post, data=_jpeg_with_gps(), credit="", alt_text="")
    assert not Image.objects.exists()
    assert not [p for p in media_root.rglob("*") if p.is_file()]


def test_renditions_task_is_idempotent(reporter, settings, django_capture_on_commit_callbacks):
    from litfass.images.tasks import make_renditions

    settings.LITFASS_RENDITION_WIDTHS = (40,)
    post = create_post(kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Bilder")
    with django_capture_on_commit_callbacks(execute=True):
        image = add_picture(post=post, data=_jpeg_with_gps(), credit="Foto: R", alt_text="x")
    assert make_renditions.call(image.pk) == 0
    assert make_renditions.call(999_999) == 0


def test_make_renditions_command_makes_what_is_missing(reporter, settings):
    from io import StringIO

    from django.core.management import call_command

    settings.LITFASS_RENDITION_WIDTHS = (40,)
    post = create_post(kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Bilder")
    image = add_picture(post=post, data=_jpeg_with_gps(), credit="Foto: R", alt_text="x")
    image.refresh_from_db()
    assert image.renditions == {}  # the on-commit task never ran inside the test transaction
    out = StringIO()
    call_command("make_renditions", stdout=out)
    image.refresh_from_db()
    assert "1 picture(s)" in out.getvalue()
    assert set(image.renditions) == {"avif", "webp", "jpeg"}
