"""Writes of places."""

from __future__ import annotations

from django.db import transaction
from django.utils.text import slugify

from litfass.core import pagecache
from litfass.places.models import Place


@transaction.atomic
def create_place(
    *,
    name: str,
    latitude: float,
    longitude: float,
    kind: str = Place.Kind.TOWN,
    parent: Place | None = None,
    slug: str = "",
) -> Place:
    """Create a place below ``parent`` and set its materialised path."""
    place = Place(
        name=name,
        slug=slug or slugify(name),
        kind=kind,
        parent=parent,
        latitude=latitude,
        longitude=longitude,
        path="",
    )
    place.full_clean(exclude=["path"])
    place.save()
    place.path = f"{parent.path if parent else '/'}{place.pk}/"
    place.save(update_fields=["path"])
    transaction.on_commit(pagecache.bump_generation)
    return place


@transaction.atomic
def move_place(*, place: Place, parent: Place | None) -> Place:
    """Put a place (and its whole subtree) below another parent; refuse cycles."""
    if parent is not None and parent.path.startswith(place.path):
        raise ValueError("A place cannot be moved below itself.")
    old_path = place.path
    new_path = f"{parent.path if parent else '/'}{place.pk}/"
    for node in Place.objects.filter(path__startswith=old_path).select_for_update():
        node.path = new_path + node.path[len(old_path) :]
        if node.pk == place.pk:
            node.parent = parent
        node.save(update_fields=["path", "parent"])
    place.refresh_from_db()
    transaction.on_commit(pagecache.bump_generation)
    return place
