"""Account pages. allauth's own pages (login, signup, password, two-factor) live under /konto/."""

from __future__ import annotations

from django.urls import path

from litfass.accounts import views

app_name = "accounts"

urlpatterns = [
    path("mein-bereich/profil/", views.profile_settings, name="settings"),
    path("mein-bereich/organisationen/", views.organisations, name="organisations"),
    path("mein-bereich/organisationen/neu/", views.organisation_create, name="organisation_create"),
    path("mein-bereich/organisationen/<int:pk>/", views.organisation, name="organisation"),
    path(
        "mein-bereich/organisationen/<int:pk>/bearbeiten/",
        views.organisation_edit,
        name="organisation_edit",
    ),
    path("mein-bereich/organisationen/<int:pk>/einladen/", views.invite, name="invite"),
    path("mein-bereich/organisationen/<int:pk>/verlassen/", views.leave, name="leave"),
    path("mein-bereich/mitglieder/<int:pk>/rolle/", views.member_role, name="member_role"),
    path("mein-bereich/mitglieder/<int:pk>/entfernen/", views.member_remove, name="member_remove"),
    path(
        "mein-bereich/einladungen/<int:pk>/zurueckziehen/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("einladung/<slug:token>/", views.invitation, name="invitation"),
]
