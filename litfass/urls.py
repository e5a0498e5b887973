from __future__ import annotations

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.static import serve

from litfass.core import views as core_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", core_views.health, name="health"),
]

if not settings.S3_BUCKET:
    # One machine serves its own uploads; a larger set-up puts them behind nginx or S3.
    urlpatterns.append(
        re_path(
            r"^media/(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
            name="media",
        )
    )

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("konto/", include("allauth.urls")),
    path("", include("litfass.accounts.urls")),
    path("", include("litfass.social.urls")),
    path("", include("litfass.embeds.public_urls")),
    path("", include("litfass.embeds.compose_urls")),
    path("", include("litfass.content.urls")),
    prefix_default_language=False,
)

handler404 = "litfass.core.views.not_found"
handler500 = "litfass.core.views.server_error"
