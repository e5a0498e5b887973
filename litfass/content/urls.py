from __future__ import annotations

from django.urls import path

from litfass.content import views

app_name = "content"

urlpatterns = [
    path("", views.home, name="home"),
    path("ort/<slug:slug>/", views.place_page, name="place"),
    path("ressort/<slug:slug>/", views.topic_page, name="topic"),
    path("profil/<slug:slug>/", views.profile_page, name="profile"),
    path(
        "<str:prefix>/<slug:slug>-<int:pk>/",
        views.post_page,
        name="post",
    ),
]
