"""Google Maps: a place (/maps/place/…) or a position (/maps/@lat,lon,zoomz, ?q=lat,lon)."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, quote_plus, unquote_plus, urlencode

from django.utils.translation import get_language

from litfass.embeds import geo
from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import Query, segments

from .base import Provider

DEFAULT_ZOOM = 15
MAX_ZOOM = 21
MAX_PLACE_LENGTH = 200
# Google's country domains that people in our region paste; exact names, no wildcards.
COUNTRIES = ("com", "de", "at", "ch")
COORDINATES = re.compile(r"(-?[\d.]+),\s*(-?[\d.]+)")


class GoogleMaps(Provider):
    slug = "googlemaps"
    name = "Google Maps"
    kind = EmbedKind.MAP
    hosts = frozenset(
        host
        for tld in COUNTRIES
        for host in (f"google.{tld}", f"www.google.{tld}", f"maps.google.{tld}")
    )
    privacy_policy_url = "https://policies.google.com/privacy"
    frame_origins = ("https://www.google.com",)
    shape = "map"

    def parse(self, url: SplitResult) -> EmbedRef:
        query = Query(url.query)
        parts = segments(url)
        if parts == ["url"]:
            # google.*/url?q=… forwards to any address.
            raise EmbedRefused(Refusal.REDIRECT)
        if url.netloc.startswith("maps.") and parts[:1] != ["maps"]:
            parts = ["maps", *parts]
        if parts[:1] != ["maps"]:
            raise EmbedRefused(Refusal.NOT_MAP)
        rest = parts[1:]
        if not rest:
            return self._query_point(query)
        first = rest[0]
        if first == "dir":
            raise EmbedRefused(Refusal.DIRECTIONS)
        if first == "search":
            text = query.one("query") if query.one("api") == "1" else None
            if text is None and len(rest) > 1:
                text = unquote_plus(rest[1])
            match = COORDINATES.fullmatch((text or "").strip())
            if not match:
                raise EmbedRefused(Refusal.MAP_SEARCH)
            return self._point(*geo.point(*match.groups()), DEFAULT_ZOOM)
        if first == "place" and len(rest) > 1:
            place = self._place_name(rest[1])
            view = next((p for p in rest[2:] if p.startswith("@")), None)
            if view is None:
                return self.make_ref(place, self._place_url(place), place=place)
            lat, lon, zoom = self._view(view)
            return self._place(place, lat, lon, zoom)
        if first.startswith("@"):
            return self._point(*self._view(first))
        raise EmbedRefused(Refusal.NOT_MAP)

    def _query_point(self, query: Query) -> EmbedRef:
        text = query.one("q") or query.one("ll")
        if text is None:
            raise EmbedRefused(Refusal.NOT_MAP)
        match = COORDINATES.fullmatch(text.strip())
        if not match:
            # ?q=Rathaus is a search whose first hit may change; ask for the place itself.
            raise EmbedRefused(Refusal.MAP_SEARCH)
        zoom_text = query.one("z")
        zoom = geo.zoom(zoom_text, highest=MAX_ZOOM) if zoom_text else DEFAULT_ZOOM
        return self._point(*geo.point(*match.groups()), zoom)

    def _view(self, text: str) -> tuple[float, float, int]:
        """``@lat,lon,15z`` (also ``…,500m`` or street view's ``…,3a,75y``: default zoom)."""
        values = text[1:].split(",")
        if len(values) < 2:
            raise EmbedRefused(Refusal.NOT_MAP)
        lat, lon = geo.point(values[0], values[1])
        zoom = DEFAULT_ZOOM
        if len(values) > 2 and values[2].endswith("z"):
            zoom = geo.zoom(values[2][:-1], highest=MAX_ZOOM)
        return lat, lon, zoom

    def _place_name(self, raw: str) -> str:
        name = unquote_plus(raw).strip()
        if not name or len(name) > MAX_PLACE_LENGTH or not name.isprintable():
            raise EmbedRefused(Refusal.NOT_MAP)
        return name

    def _place_url(self, place: str) -> str:
        return f"https://www.google.com/maps/place/{quote_plus(place)}"

    def _place(self, place: str, lat: float, lon: float, zoom: int) -> EmbedRef:
        url = f"{self._place_url(place)}/@{geo.fmt(lat)},{geo.fmt(lon)},{zoom}z"
        return self.make_ref(place, url, place=place, lat=lat, lon=lon, zoom=zoom)

    def _point(self, lat: float, lon: float, zoom: int) -> EmbedRef:
        position = f"{geo.fmt(lat)},{geo.fmt(lon)}"
        url = f"https://www.google.com/maps/@{position},{zoom}z"
        return self.make_ref(position, url, lat=lat, lon=lon, zoom=zoom)

    def player_src(self, ref: EmbedRef) -> str:
        options = ref.options
        params: dict[str, str | int] = {}
        if "place" in options:
            params["q"] = str(options["place"])
        if "lat" in options:
            position = f"{geo.fmt(float(options['lat']))},{geo.fmt(float(options['lon']))}"
            params["ll" if "q" in params else "q"] = position
            params["z"] = int(options["zoom"])
        params["hl"] = get_language() or "de"
        params["output"] = "embed"
        return f"https://www.google.com/maps?{urlencode(params)}"
