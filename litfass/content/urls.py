from __future__ import annotations

from django.urls import path

from litfass.content.views import compose, reading, review

app_name = "content"

urlpatterns = [
    path("", reading.home, name="home"),
    path("ort/<slug:slug>/", reading.place_page, name="place"),
    path("ressort/<slug:slug>/", reading.topic_page, name="topic"),
    path("profil/<slug:slug>/", reading.profile_page, name="profile"),
    path("mein-bereich/", compose.my_area, name="my_area"),
    path("schreiben/", compose.new_post, name="new"),
    path("schreiben/<int:pk>/", compose.compose, name="compose"),
    path("schreiben/<int:pk>/bilder/", compose.upload, name="upload"),
    path("schreiben/<int:pk>/bilder/<int:image_pk>/", compose.picture, name="picture"),
    path("schreiben/<int:pk>/autosave/", compose.autosave, name="autosave"),
    path("schreiben/<int:pk>/loeschen/", compose.delete, name="delete"),
    path("schreiben/<int:pk>/verlauf/", compose.history, name="history"),
    path("redaktion/freigaben/", review.queue, name="review"),
    path("redaktion/freigaben/<int:pk>/", review.decide, name="review_decide"),
    path("<str:prefix>/<slug:slug>-<int:pk>/", reading.post_page, name="post"),
]
