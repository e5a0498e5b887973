from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import transaction
from django.http import HttpRequest

from litfass.core import pagecache
from litfass.places.models import Place
from litfass.places.services import move_place


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin[Place]):
    list_display = ["name", "kind", "parent", "latitude", "longitude"]
    list_filter = ["kind"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]

    def save_model(self, request: HttpRequest, obj: Place, form: Any, change: bool) -> None:
        # The materialised path follows the parent; the service keeps the subtree consistent.
        if not change:
            obj.path = ""
            super().save_model(request, obj, form, change)
            obj.path = f"{obj.parent.path if obj.parent else '/'}{obj.pk}/"
            obj.save(update_fields=["path"])
            transaction.on_commit(pagecache.bump_generation)
            return
        parent = obj.parent
        super().save_model(request, obj, form, change)
        move_place(place=obj, parent=parent)
