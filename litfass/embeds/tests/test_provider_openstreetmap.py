from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.openstreetmap import OpenStreetMap
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

OSM = "https://www.openstreetmap.org"
KL = {"lat": 49.4447, "lon": 7.769, "zoom": 15}

ACCEPTED = [
    (f"{OSM}/#map=15/49.4447/7.7690", "15/49.4447/7.769", KL),
    (f"{OSM}/#map=15/49.4447/7.7690&layers=C", "15/49.4447/7.769", KL),
    ("https://openstreetmap.org/#map=15/49.44470/7.76900", "15/49.4447/7.769", KL),
    (
        f"{OSM}/?mlat=49.4450&mlon=7.7700#map=17/49.4447/7.7690",
        "17/49.4447/7.769",
        {"lat": 49.4447, "lon": 7.769, "zoom": 17, "mlat": 49.445, "mlon": 7.77},
    ),
    (
        f"{OSM}/?mlat=49.4450&mlon=7.7700",
        "16/49.445/7.77",
        {"lat": 49.445, "lon": 7.77, "zoom": 16, "mlat": 49.445, "mlon": 7.77},
    ),
    (
        f"{OSM}/node/240109189#map=19/49.44472/7.76901",
        "node/240109189",
        {
            "lat": 49.44472,
            "lon": 7.76901,
            "zoom": 19,
            "mlat": 49.44472,
            "mlon": 7.76901,
            "object": "node/240109189",
        },
    ),
    (
        f"{OSM}/way/4043727#map=17/49.44/7.77",
        "way/4043727",
        {"lat": 49.44, "lon": 7.77, "zoom": 17, "object": "way/4043727"},
    ),
    (
        f"{OSM}/relation/62543#map=12/49.44/7.77",
        "relation/62543",
        {"lat": 49.44, "lon": 7.77, "zoom": 12, "object": "relation/62543"},
    ),
    (
        f"{OSM}/export/embed.html?bbox=7.7,49.4,7.8,49.5&layer=mapnik",
        "7.7,49.4,7.8,49.5",
        {"bbox": "7.7,49.4,7.8,49.5"},
    ),
    (
        f"{OSM}/export/embed.html?bbox=7.7,49.4,7.8,49.5&layer=mapnik&marker=49.45,7.75",
        "7.7,49.4,7.8,49.5",
        {"bbox": "7.7,49.4,7.8,49.5", "mlat": 49.45, "mlon": 7.75},
    ),
    (f"{OSM}/#map=0/0/0", "0/0/0", {"lat": 0.0, "lon": 0.0, "zoom": 0}),
    (f"{OSM}/#map=5/-33.86/151.2", "5/-33.86/151.2", {"lat": -33.86, "lon": 151.2, "zoom": 5}),
]

REFUSED = [
    (f"{OSM}/#map=15/91.0/7.7", Refusal.MAP_RANGE),
    (f"{OSM}/#map=15/49.4/181", Refusal.MAP_RANGE),
    (f"{OSM}/#map=25/49.4/7.7", Refusal.MAP_RANGE),
    (f"{OSM}/#map=15/nan/7.7", Refusal.NOT_MAP),
    (f"{OSM}/#map=15/1e2/7.7", Refusal.NOT_MAP),
    (f"{OSM}/#map=15/49.4", Refusal.NOT_MAP),
    (f"{OSM}/?mlat=49.4", Refusal.NOT_MAP),
    (f"{OSM}/?mlat=95&mlon=7", Refusal.MAP_RANGE),
    (f"{OSM}/node/240109189", Refusal.MAP_NO_POSITION),
    (f"{OSM}/", Refusal.MAP_NO_POSITION),
    (f"{OSM}/export/embed.html?bbox=7.8,49.4,7.7,49.5", Refusal.MAP_RANGE),
    (f"{OSM}/export/embed.html?bbox=7.7,49.4,7.8", Refusal.NOT_MAP),
    (f"{OSM}/export/embed.html?bbox=1,2,3,4&bbox=1,2,3,5", Refusal.DUPLICATE),
    (f"{OSM}/directions?from=a&to=b", Refusal.DIRECTIONS),
    (f"{OSM}/search?query=Rathaus#map=15/49.4/7.7", Refusal.MAP_SEARCH),
    (f"{OSM}/user/someone", Refusal.NOT_MAP),
    (f"{OSM}/#map=15/49.4/7.7&map=3/0/0", Refusal.DUPLICATE),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_openstreetmap_accepts_positions_markers_objects_and_areas(url, ref_id, options):
    accepted(url, "openstreetmap", EmbedKind.MAP, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_openstreetmap_refuses_bad_or_missing_positions(url, code):
    refused(url, code)


def test_player_shows_the_area_around_the_position_with_the_marker():
    ref = parse_embed_url(f"{OSM}/?mlat=49.445&mlon=7.77#map=15/49.4447/7.769")
    src = OpenStreetMap().player_src(ref)
    assert src.startswith(f"{OSM}/export/embed.html?")
    params = parse_qs(urlsplit(src).query)
    min_lon, min_lat, max_lon, max_lat = (float(v) for v in params["bbox"][0].split(","))
    assert min_lon < 7.769 < max_lon
    assert min_lat < 49.4447 < max_lat
    assert params["marker"] == ["49.445,7.77"]
    assert params["layer"] == ["mapnik"]
