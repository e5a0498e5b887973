from __future__ import annotations

import pytest
from django.test import Client

from litfass.content.models import Post
from litfass.content.services import create_post


@pytest.fixture
def editor_client(moderator) -> Client:
    moderator.user.is_superuser = True
    moderator.user.save()
    client = Client()
    client.force_login(moderator.user)
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/content/post/",
        "/admin/content/post/add/",
        "/admin/content/topic/",
        "/admin/places/place/",
        "/admin/places/place/add/",
        "/admin/accounts/profile/",
    ],
)
def test_editors_manage_posts_places_topics_and_profiles(editor_client, town, url):
    assert editor_client.get(url).status_code == 200


def test_admin_publish_action_goes_through_the_lifecycle(editor_client, reporter):
    draft = create_post(
        kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Entwurf", body="<p>Text</p>"
    )
    snapshot = create_post(kind=Post.Kind.SNAPSHOT, author=reporter.profile, headline="Ohne Bild")
    response = editor_client.post(
        "/admin/content/post/",
        {"action": "publish_selected", "_selected_action": [draft.pk, snapshot.pk]},
        follow=True,
    )
    draft.refresh_from_db()
    snapshot.refresh_from_db()
    assert draft.status == Post.Status.PUBLISHED
    assert snapshot.status == Post.Status.DRAFT
    assert "genau ein Bild" in response.content.decode()


def test_the_admin_is_closed_to_residents(reporter):
    client = Client()
    client.force_login(reporter.user)
    response = client.get("/admin/content/post/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_admin_sanitises_the_body(editor_client, reporter, town):
    response = editor_client.post(
        "/admin/content/post/add/",
        {
            "kind": "article",
            "headline": "Per Admin",
            "slug": "per-admin",
            "body": "<p>Hallo<script>alert(1)</script></p>",
            "author": reporter.profile.pk,
            "place": town.kaiserslautern.pk,
            "event-TOTAL_FORMS": "0",
            "event-INITIAL_FORMS": "0",
            "images-TOTAL_FORMS": "0",
            "images-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Post.objects.get(slug="per-admin").body == "<p>Hallo</p>"
