from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from litfass.embeds.parser import parse_embed_url
from litfass.embeds.providers.googlemaps import GoogleMaps
from litfass.embeds.refs import EmbedKind, Refusal

from .helpers import accepted, refused

G = "https://www.google.com/maps"
POINT = {"lat": 49.4447, "lon": 7.769, "zoom": 15}
PLACE = {"place": "Rathaus Kaiserslautern", "lat": 49.4447, "lon": 7.769, "zoom": 17}

ACCEPTED = [
    (f"{G}/@49.4447,7.769,15z", "49.4447,7.769", POINT),
    (f"{G}/@49.4447,7.769,15.5z?entry=ttu", "49.4447,7.769", {**POINT, "zoom": 16}),
    (f"{G}/@49.4447,7.769,500m/data=!3m1!1e3", "49.4447,7.769", POINT),
    ("https://www.google.de/maps/@49.4447,7.769,15z", "49.4447,7.769", POINT),
    ("https://google.at/maps/@49.4447,7.769,15z", "49.4447,7.769", POINT),
    ("https://maps.google.com/?q=49.4447,7.769", "49.4447,7.769", POINT),
    ("https://maps.google.de/maps?q=49.4447,%207.769&z=12", "49.4447,7.769", {**POINT, "zoom": 12}),
    (f"{G}?ll=49.4447,7.769", "49.4447,7.769", POINT),
    (f"{G}/search/?api=1&query=49.4447,7.769", "49.4447,7.769", POINT),
    (
        f"{G}/place/Rathaus+Kaiserslautern/@49.4447,7.769,17z/data=!3m1!4b1!4m6",
        "Rathaus Kaiserslautern",
        PLACE,
    ),
    (
        f"{G}/place/Rathaus%20Kaiserslautern/@49.4447,7.769,17z",
        "Rathaus Kaiserslautern",
        PLACE,
    ),
    (
        f"{G}/place/Fritz-Walter-Stadion",
        "Fritz-Walter-Stadion",
        {"place": "Fritz-Walter-Stadion"},
    ),
]

REFUSED = [
    ("https://www.google.com/url?q=https://evil.org", Refusal.REDIRECT),
    ("https://www.google.de/url?sa=t&url=https%3A%2F%2Fevil.org", Refusal.REDIRECT),
    (f"{G}/dir/Kaiserslautern/Otterberg", Refusal.DIRECTIONS),
    (f"{G}/search/Pizza+Kaiserslautern", Refusal.MAP_SEARCH),
    (f"{G}?q=Rathaus", Refusal.MAP_SEARCH),
    (f"{G}/@95.0,7.769,15z", Refusal.MAP_RANGE),
    (f"{G}/@49.4,7.7,30z", Refusal.MAP_RANGE),
    (f"{G}/@49.4", Refusal.NOT_MAP),
    (f"{G}", Refusal.NOT_MAP),
    ("https://www.google.com/search?q=kaiserslautern", Refusal.NOT_MAP),
    (f"{G}/embed?pb=!1m18!1m12", Refusal.NOT_MAP),
    (f"{G}?q=49.4,7.7&q=0,0", Refusal.DUPLICATE),
    ("https://maps.app.goo.gl/AbCdEf123", Refusal.SHORT_LINK),
    ("https://goo.gl/maps/AbCdEf123", Refusal.SHORT_LINK),
    ("https://www.google.fr/maps/@49.4447,7.769,15z", Refusal.UNSUPPORTED),
]


@pytest.mark.parametrize(("url", "ref_id", "options"), ACCEPTED)
def test_google_maps_accepts_places_and_positions(url, ref_id, options):
    accepted(url, "googlemaps", EmbedKind.MAP, ref_id, options)


@pytest.mark.parametrize(("url", "code"), REFUSED)
def test_google_maps_refuses_searches_routes_and_redirects(url, code):
    refused(url, code)


def test_player_is_the_keyless_embed_with_the_place_and_its_position():
    ref = parse_embed_url(f"{G}/place/Rathaus+Kaiserslautern/@49.4447,7.769,17z")
    src = GoogleMaps().player_src(ref)
    assert src.startswith("https://www.google.com/maps?")
    params = parse_qs(urlsplit(src).query)
    assert params["q"] == ["Rathaus Kaiserslautern"]
    assert params["ll"] == ["49.4447,7.769"]
    assert params["z"] == ["17"]
    assert params["output"] == ["embed"]
