"""Reads of places: one place, its surroundings, the place tree."""

from __future__ import annotations

import math

from django.conf import settings
from django.db.models import F, Q, QuerySet
from django.http import Http404

from litfass.places.models import Place

KM_PER_DEGREE_LATITUDE = 111.2
_NEAR_KINDS = (Place.Kind.TOWN, Place.Kind.DISTRICT)


def place_by_slug(slug: str) -> Place:
    """Return the place with this slug or raise Http404."""
    try:
        return Place.objects.get(slug=slug)
    except Place.DoesNotExist:
        raise Http404(slug) from None


def surroundings_filter(place: Place, radius_km: float | None = None) -> Q:
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


def surroundings(place: Place, radius_km: float | None = None) -> QuerySet[Place]:
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


def nearby_places(place: Place, limit: int = 8) -> list[Place]:
    """Places in the surroundings other than the place itself, for navigation."""
    return [p for p in surroundings(place)[: limit + 1] if p.pk != place.pk][:limit]


def ancestors(place: Place) -> list[Place]:
    """The chain from the top region down to the place's parent."""
    ids = [int(part) for part in place.path.strip("/").split("/")[:-1] if part]
    by_id = Place.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]
