from __future__ import annotations

from django.urls import path

from litfass.social.views import comments, follows, notifications

app_name = "social"

urlpatterns = [
    path("mein-feed/", follows.my_feed, name="feed"),
    path("folgen/<str:segment>/<int:pk>/", follows.follow, name="follow"),
    path("stummschalten/<int:pk>/", follows.mute, name="mute"),
    path("profil/<slug:slug>/follower/", follows.followers, name="followers"),
    path("kommentare/beitrag/<int:post_pk>/", comments.comment, name="comment"),
    path("kommentare/<int:pk>/bearbeiten/", comments.edit, name="comment_edit"),
    path("kommentare/<int:pk>/loeschen/", comments.delete, name="comment_delete"),
    path("kommentare/<int:pk>/ausblenden/", comments.hide, name="comment_hide"),
    path("kommentare/<int:pk>/gefaellt-mir/", comments.like_comment, name="like_comment"),
    path("diskussion/<int:post_pk>/", comments.discussion, name="discussion"),
    path("gefaellt-mir/<int:pk>/", comments.like_post, name="like_post"),
    path("benachrichtigungen/", notifications.notifications, name="notifications"),
    path("benachrichtigungen/<int:pk>/", notifications.open_notification, name="notification"),
    path("mein-bereich/benachrichtigungen/", notifications.preferences, name="preferences"),
    path("abbestellen/<str:token>/", notifications.unsubscribe, name="unsubscribe"),
]
