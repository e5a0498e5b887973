"""OpenStreetMap: a map position (#map=zoom/lat/lon), a marker, an object or an embed area."""

from __future__ import annotations

import re
from urllib.parse import SplitResult, urlencode

from litfass.embeds import geo
from litfass.embeds.refs import EmbedKind, EmbedRef, EmbedRefused, Refusal
from litfass.embeds.urlcheck import Query, segments

from .base import Provider

OBJECT_TYPES = frozenset({"node", "way", "relation"})
OBJECT_ID = re.compile(r"\d{1,15}")
MAX_ZOOM = 20
DEFAULT_ZOOM = 16


class OpenStreetMap(Provider):
    slug = "openstreetmap"
    name = "OpenStreetMap"
    kind = EmbedKind.MAP
    hosts = frozenset({"openstreetmap.org", "www.openstreetmap.org"})
    privacy_policy_url = "https://osmfoundation.org/wiki/Privacy_Policy"
    frame_origins = ("https://www.openstreetmap.org",)
    shape = "map"

    def parse(self, url: SplitResult) -> EmbedRef:
        query = Query(url.query)
        parts = segments(url)
        if parts == ["export", "embed.html"]:
            return self._area(query)
        if parts[:1] == ["directions"]:
            raise EmbedRefused(Refusal.DIRECTIONS)
        if parts[:1] == ["search"]:
            raise EmbedRefused(Refusal.MAP_SEARCH)
        obj = None
        if len(parts) == 2 and parts[0] in OBJECT_TYPES and OBJECT_ID.fullmatch(parts[1]):
            obj = f"{parts[0]}/{parts[1]}"
        elif parts:
            raise EmbedRefused(Refusal.NOT_MAP)
        return self._view(query, Query(url.fragment), obj)

    def _area(self, query: Query) -> EmbedRef:
        box = geo.bbox(query.one("bbox") or "")
        marker = query.one("marker")
        mlat = mlon = None
        url = f"https://www.openstreetmap.org/export/embed.html?bbox={geo.bbox_text(box)}"
        if marker:
            lat_text, _comma, lon_text = marker.partition(",")
            mlat, mlon = geo.point(lat_text, lon_text)
            url += f"&marker={geo.fmt(mlat)},{geo.fmt(mlon)}"
        return self.make_ref(geo.bbox_text(box), url, bbox=geo.bbox_text(box), mlat=mlat, mlon=mlon)

    def _view(self, query: Query, fragment: Query, obj: str | None) -> EmbedRef:
        mlat_text, mlon_text = query.one("mlat"), query.one("mlon")
        if (mlat_text is None) != (mlon_text is None):
            raise EmbedRefused(Refusal.NOT_MAP)
        marker = geo.point(mlat_text, mlon_text) if mlat_text and mlon_text else None
        position = fragment.one("map")
        if position:
            values = position.split("/")
            if len(values) != 3:
                raise EmbedRefused(Refusal.NOT_MAP)
            zoom = geo.zoom(values[0], highest=MAX_ZOOM)
            lat, lon = geo.point(values[1], values[2])
        elif marker:
            zoom_text = query.one("zoom")
            zoom = geo.zoom(zoom_text, highest=MAX_ZOOM) if zoom_text else DEFAULT_ZOOM
            lat, lon = marker
        else:
            # /node/123 alone names an object but not where it is, and we never look it up.
            raise EmbedRefused(Refusal.MAP_NO_POSITION)
        if marker is None and obj and obj.startswith("node/"):
            # The site centres the map on a node it opens: the marker goes there.
            marker = (lat, lon)
        url = "https://www.openstreetmap.org/" + (obj or "")
        if marker and not (obj and obj.startswith("node/") and marker == (lat, lon)):
            url += "?" + urlencode({"mlat": geo.fmt(marker[0]), "mlon": geo.fmt(marker[1])})
        view = f"{zoom}/{geo.fmt(lat)}/{geo.fmt(lon)}"
        url += f"#map={view}"
        return self.make_ref(
            obj or view,
            url,
            lat=lat,
            lon=lon,
            zoom=zoom,
            mlat=marker[0] if marker else None,
            mlon=marker[1] if marker else None,
            object=obj,
        )

    def player_src(self, ref: EmbedRef) -> str:
        options = ref.options
        if "bbox" in options:
            box = str(options["bbox"])
        else:
            area = geo.bbox_around(
                float(options["lat"]), float(options["lon"]), min(int(options["zoom"]), 19)
            )
            box = geo.bbox_text(area)
        params = [("bbox", box), ("layer", "mapnik")]
        if "mlat" in options:
            params.append(
                ("marker", f"{geo.fmt(float(options['mlat']))},{geo.fmt(float(options['mlon']))}")
            )
        return f"https://www.openstreetmap.org/export/embed.html?{urlencode(params)}"
