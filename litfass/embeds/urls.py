"""The URLs of the code origin. Not included in the site's urls.py: the code origin shares no
page with the site, and :class:`~litfass.embeds.middleware.CodeOriginMiddleware` routes its
requests here."""

from __future__ import annotations

from django.urls import path

from litfass.embeds import views

urlpatterns = [
    path("code/<int:pk>/", views.code_snippet, name="embeds_code_snippet"),
]
