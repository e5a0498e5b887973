"""The embeds' URLs on the site, included in ``i18n_patterns`` (so also under ``/en/``).

``/embed/<prefix>/<slug>-<id>/`` is a post's card for other sites to frame, in the language of
its URL; ``/oembed/`` is the oEmbed endpoint, which answers the same in both languages (the card
follows the language of the link it is asked about). Any other ``/embed/…`` path gets the
card page's framable "not available" answer rather than the site's 404 page.
"""

from __future__ import annotations

from django.urls import path, re_path

from litfass.embeds import views

app_name = "embeds"

urlpatterns = [
    path("oembed/", views.oembed_endpoint, name="oembed"),
    path("inhalte-anderer-anbieter/", views.providers_page, name="providers"),
    path("embed/<str:prefix>/<slug:slug>-<int:pk>/", views.card, name="card"),
    re_path(r"^embed/", views.card_unavailable, name="card_unavailable"),
]
