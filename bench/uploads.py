"""Uploads: how long accepting a 12-megapixel JPEG takes, and how fast renditions are made.

Run by ``python -m bench`` as ``python -m bench.uploads`` in a process of its own, against a small
SQLite database of its own (``bench/work/uploads.sqlite3``), so the page benchmark's data and
figures stay untouched. Renditions run in a further child process, which stands for one worker:
its peak memory (VmHWM) is the worker's memory while processing pictures.

Prints one JSON object on its last line.
"""

from __future__ import annotations

import io
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.workspace import BENCH_SECRET_KEY, ROOT, WORK, base_environment

UPLOAD_DB = WORK / "uploads.sqlite3"
UPLOAD_MEDIA = WORK / "upload-media"
MEGAPIXELS_12 = (4000, 3000)


def environment() -> dict[str, str]:
    env = base_environment()
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "litfass.settings",
            "LITFASS_ENV": "development",
            "SECRET_KEY": BENCH_SECRET_KEY,
            "DATABASE_URL": f"sqlite:///{UPLOAD_DB}",
            "MEDIA_ROOT": str(UPLOAD_MEDIA),
            "LITFASS_DATA_DIR": str(WORK / "data"),
            # The request only enqueues; the renditions are measured separately.
            "LITFASS_TASKS": "dummy",
            "LITFASS_APPROVAL_POSTS": "0",
        }
    )
    return env


def photo(seed: int) -> bytes:
    """A 12-megapixel JPEG with camera-like noise and EXIF including GPS, as phones send."""
    from PIL import Image, ImageFilter

    width, height = MEGAPIXELS_12
    noise = Image.effect_noise((width // 4, height // 4), 40 + seed % 7).convert("RGB")
    base = Image.linear_gradient("L").resize((width, height)).convert("RGB")
    picture = Image.blend(base, noise.resize((width, height)), 0.5).filter(ImageFilter.SMOOTH)
    exif = picture.getexif()
    exif[0x010F] = f"BenchPhone {seed}"
    exif.get_ifd(0x8825).update({1: "N", 2: (49.0, 26.0, float(seed)), 3: "E", 4: (7.0, 46.0, 8.0)})
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=90, exif=exif)
    return out.getvalue()


def measure_accept(count: int) -> dict[str, object]:
    """Upload ``count`` photos through the composer's upload view; return timings and ids."""
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from litfass.accounts.models import User
    from litfass.accounts.services import create_profile, create_user
    from litfass.content.models import Post
    from litfass.content.services import start_post
    from litfass.images.models import Image
    from litfass.places.services import create_place

    call_command("migrate", verbosity=0)
    user = User.objects.filter(username="bench-uploader").first()
    if user is None:
        place = create_place(name="Benchhausen", latitude=49.4, longitude=7.7)
        user = create_user(username="bench-uploader", email="bench@example.invalid")
        create_profile(display_name="Bench Uploader", home_place=place, owner=user)
    client = Client()
    client.force_login(user)
    photos = [photo(seed) for seed in range(3)]
    timings: list[float] = []
    image_ids: list[int] = []
    for n in range(count):
        post = start_post(kind=Post.Kind.ARTICLE, author=user.profiles.get(), by=user)
        # A different comment per upload makes every file unique (the same file twice is refused).
        data = photos[n % len(photos)] + f"bench-{time.time_ns()}".encode()
        upload = SimpleUploadedFile("IMG_0001.jpg", data, content_type="image/jpeg")
        started = time.perf_counter()
        response = client.post(
            reverse("content:upload", args=[post.pk]),
            {"pictures": [upload], "credit": "Foto: Bench", "alt_text": "Rauschen"},
        )
        timings.append((time.perf_counter() - started) * 1000)
        if response.status_code != 302:
            raise SystemExit(f"upload answered {response.status_code}")
        image_ids.append(Image.objects.filter(post=post).get().pk)
    return {
        "uploads": count,
        "upload_bytes": len(photos[0]),
        "accept_p50_ms": statistics.median(timings),
        "accept_p99_ms": _percentile(timings, 99),
        "image_ids": image_ids,
    }


def _percentile(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, round(pct / 100 * (len(ordered) - 1)))
    return ordered[index]


def measure_renditions(image_ids: list[int]) -> dict[str, object]:
    """Make the renditions of the pictures one after another, as one worker does."""
    import django

    django.setup()
    from litfass.images.tasks import make_renditions

    started = time.perf_counter()
    files = sum(make_renditions.call(image_id) for image_id in image_ids)
    seconds = time.perf_counter() - started
    status = Path("/proc/self/status").read_text()
    peak_kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM"))
    return {
        "pictures": len(image_ids),
        "rendition_files": files,
        "seconds": seconds,
        "pictures_per_second": len(image_ids) / seconds,
        "renditions_per_second": files / seconds,
        "worker_peak_rss_mb": peak_kb / 1024,
    }


def run(count: int = 20) -> dict[str, float]:
    """Both measurements in child processes; returns the combined figures."""
    for path in (UPLOAD_DB, *UPLOAD_DB.parent.glob("uploads.sqlite3-*")):
        path.unlink(missing_ok=True)
    env = environment()
    accept = _child(["accept", str(count)], env)
    ids = [str(i) for i in accept.pop("image_ids")]
    renditions = _child(["renditions", *ids], env)
    return {key: float(value) for key, value in (accept | renditions).items()}


def _child(args: list[str], env: dict[str, str]) -> dict[str, Any]:
    result = subprocess.run(
        [sys.executable, "-m", "bench.uploads", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"bench.uploads {args[0]} failed:\n{result.stderr[-3000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def main() -> None:
    mode, *rest = sys.argv[1:]
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "litfass.settings")
    if mode == "accept":
        print(json.dumps(measure_accept(int(rest[0]))))
    elif mode == "renditions":
        print(json.dumps(measure_renditions([int(i) for i in rest])))
    else:
        print(json.dumps(run(int(rest[0]) if rest else 20), indent=2))


if __name__ == "__main__":
    main()
