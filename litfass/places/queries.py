"""Reads of places: one place, its surroundings, the place tree."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.http import Http404

from litfass.core.memo import GenerationMemo
from litfass.places.models import Place

KM_PER_DEGREE_LATITUDE = 111.2
_NEAR_KINDS = (Place.Kind.TOWN, Place.Kind.DISTRICT)
# How long a process may use the surroundings it computed: the bound for place changes that do
# not bump the content generation (see ``surroundings_of``).
SURROUNDINGS_MAX_AGE = 60.0


class PlacePoint(Protocol):
    """What the surroundings of a place depend on: a ``Place`` or a row read for a page."""

    @property
    def pk(self) -> int: ...
    @property
    def path(self) -> str: ...
    @property
    def latitude(self) -> float: ...
    @property
    def longitude(self) -> float: ...


def place_by_slug(slug: str) -> Place:
    """Return the place with this slug or raise Http404."""
    try:
        return Place.objects.get(slug=slug)
    except Place.DoesNotExist:
        raise Http404(slug) from None


_places_memo: GenerationMemo[str, Place] = GenerationMemo(max_age=SURROUNDINGS_MAX_AGE)


def place_for_reader(slug: str) -> Place:
    """The place with this slug for a reading page, or Http404; kept like the surroundings.

    Place pages and the home page look their place up on every request; places change
    rarely, so a process keeps what it read for the same time as ``surroundings_of``
    (a missing slug is not kept: a new place is found at once). Callers must not change the
    returned instance: other requests share it.
    """
    return _places_memo.get(slug, lambda: place_by_slug(slug))


def surroundings_filter(place: PlacePoint, radius_km: float | None = None) -> Q:
    """A filter for "X und Umgebung": the place, its descendants and places within the radius.

    The radius test uses an equirectangular distance, exact enough at town scale, so that the
    whole test is plain arithmetic every database evaluates in one indexed query.
    """
    radius = settings.LITFASS_SURROUNDINGS_KM if radius_km is None else radius_km
    dlat = radius / KM_PER_DEGREE_LATITUDE
    cos_lat = max(math.cos(math.radians(place.latitude)), 0.01)
    dlon = dlat / cos_lat
    in_box = Q(
        latitude__range=(place.latitude - dlat, place.latitude + dlat),
        longitude__range=(place.longitude - dlon, place.longitude + dlon),
    )
    # Regions count through the hierarchy only: a region is not "near" a town.
    return Q(path__startswith=place.path) | (in_box & ~Q(kind=Place.Kind.REGION))


def surroundings(place: PlacePoint, radius_km: float | None = None) -> QuerySet[Place]:
    """Places in "X und Umgebung", nearest first is not guaranteed: order by name."""
    radius = settings.LITFASS_SURROUNDINGS_KM if radius_km is None else radius_km
    cos_lat = max(math.cos(math.radians(place.latitude)), 0.01)
    limit = (radius / KM_PER_DEGREE_LATITUDE) ** 2
    distance2 = (F("latitude") - place.latitude) * (F("latitude") - place.latitude) + (
        (F("longitude") - place.longitude) * cos_lat
    ) * ((F("longitude") - place.longitude) * cos_lat)
    return (
        Place.objects.filter(surroundings_filter(place, radius))
        .alias(distance2=distance2)
        .filter(Q(path__startswith=place.path) | Q(distance2__lte=limit, kind__in=_NEAR_KINDS))
        .order_by("name")
    )


@dataclass(frozen=True, slots=True)
class PlaceLink:
    pk: int
    name: str
    slug: str


@dataclass(frozen=True, slots=True)
class Surroundings:
    """ "X und Umgebung" of one place as plain data."""

    place_pk: int
    ids: tuple[int, ...]  # the place itself, its descendants and the places near it
    places: tuple[PlaceLink, ...]  # the same places, by name

    def nearby(self, limit: int = 8) -> list[PlaceLink]:
        """Like :func:`nearby_places`: the first places by name, other than the place itself."""
        return [p for p in self.places[: limit + 1] if p.pk != self.place_pk][:limit]


_surroundings_memo: GenerationMemo[tuple[object, ...], Surroundings] = GenerationMemo(
    max_age=SURROUNDINGS_MAX_AGE
)


def surroundings_of(place: PlacePoint) -> Surroundings:
    """The surroundings of ``place``, computed once per process and content generation.

    The set is small and changes only when places change, so lists filter by its ids
    (``place_id IN (...)``) instead of repeating the distance arithmetic in every query. A
    process keeps it until the content generation changes and for at most
    ``SURROUNDINGS_MAX_AGE`` seconds: a place added, moved or edited without a bump of the
    generation reaches the lists within that time.
    """
    radius = settings.LITFASS_SURROUNDINGS_KM
    key = (place.pk, place.path, place.latitude, place.longitude, radius)

    def compute() -> Surroundings:
        rows = surroundings(place, radius).values_list("pk", "name", "slug")
        places = tuple(PlaceLink(pk, name, slug) for pk, name, slug in rows)
        return Surroundings(place.pk, tuple(p.pk for p in places), places)

    return _surroundings_memo.get(key, compute)


_descendants_memo: GenerationMemo[str, tuple[int, ...]] = GenerationMemo(
    max_age=SURROUNDINGS_MAX_AGE
)


def descendant_ids(path: str) -> tuple[int, ...]:
    """The place with this path and all places below it (its districts), remembered like
    :func:`surroundings_of`."""

    def compute() -> tuple[int, ...]:
        rows = Place.objects.filter(path__startswith=path).order_by("pk")
        return tuple(rows.values_list("pk", flat=True))

    return _descendants_memo.get(path, compute)


def nearby_places(place: Place, limit: int = 8) -> list[Place]:
    """Places in the surroundings other than the place itself, for navigation."""
    return [p for p in surroundings(place)[: limit + 1] if p.pk != place.pk][:limit]


def ancestors(place: Place) -> list[Place]:
    """The chain from the top region down to the place's parent."""
    ids = [int(part) for part in place.path.strip("/").split("/")[:-1] if part]
    by_id = Place.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]
