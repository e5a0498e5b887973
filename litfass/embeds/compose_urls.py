"""The URLs of the composer's embed dialogs, next to the composer's own."""

from __future__ import annotations

from django.urls import path

from litfass.embeds import compose_views

app_name = "embed_dialogs"

urlpatterns = [
    path("schreiben/<int:pk>/einbetten/", compose_views.add, name="add"),
    path("schreiben/<int:pk>/einbetten/suche/", compose_views.search, name="search"),
    path("schreiben/<int:pk>/einbetten/<int:embed_pk>/", compose_views.change, name="change"),
]
