"""Coordinates from map links: strict number syntax, ranges checked, one display format."""

from __future__ import annotations

import math
import re

from litfass.embeds.refs import EmbedRefused, Refusal

# Plain decimals only: float() would also take "nan", "inf" and "1e3".
NUMBER = re.compile(r"-?\d{1,4}(?:\.\d{1,15})?")


def number(text: str) -> float:
    if not NUMBER.fullmatch(text.strip()):
        raise EmbedRefused(Refusal.NOT_MAP)
    return float(text)


def point(lat_text: str, lon_text: str) -> tuple[float, float]:
    """Latitude and longitude rounded to 5 decimals (about a metre); refused out of range."""
    lat, lon = number(lat_text), number(lon_text)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise EmbedRefused(Refusal.MAP_RANGE)
    return round(lat, 5), round(lon, 5)


def zoom(text: str, *, highest: int) -> int:
    value = number(text)
    if not 0 <= value <= highest:
        raise EmbedRefused(Refusal.MAP_RANGE)
    return round(value)


def bbox(text: str) -> tuple[float, float, float, float]:
    """``min_lon,min_lat,max_lon,max_lat`` as OpenStreetMap writes it; refused if empty."""
    values = text.split(",")
    if len(values) != 4:
        raise EmbedRefused(Refusal.NOT_MAP)
    min_lat, min_lon = point(values[1], values[0])
    max_lat, max_lon = point(values[3], values[2])
    if not (min_lon < max_lon and min_lat < max_lat):
        raise EmbedRefused(Refusal.MAP_RANGE)
    return min_lon, min_lat, max_lon, max_lat


def fmt(value: float) -> str:
    """Shortest form with at most 5 decimals: 49.4447, 7.769, -0.5."""
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in {"-0", ""} else text


def bbox_text(box: tuple[float, float, float, float]) -> str:
    return ",".join(fmt(v) for v in box)


# Web Mercator cannot show the poles; tiles end here.
MAX_MERCATOR_LAT = 85.05112878


def bbox_around(
    lat: float, lon: float, zoom: int, *, width: int = 800, height: int = 450
) -> tuple[float, float, float, float]:
    """The area a ``width`` × ``height`` pixel map at ``zoom`` shows around a point.

    OpenStreetMap's embed page takes an area, not a centre and zoom, so we work it out.
    """
    size = 256 << zoom
    lat = max(-MAX_MERCATOR_LAT, min(MAX_MERCATOR_LAT, lat))
    x = (lon + 180) / 360 * size
    sin = math.sin(math.radians(lat))
    y = (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)) * size

    def to_lon(px: float) -> float:
        return max(-180.0, min(180.0, px / size * 360 - 180))

    def to_lat(py: float) -> float:
        py = max(0.0, min(float(size), py))
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * py / size))))

    return (
        round(to_lon(x - width / 2), 5),
        round(to_lat(y + height / 2), 5),
        round(to_lon(x + width / 2), 5),
        round(to_lat(y - height / 2), 5),
    )
