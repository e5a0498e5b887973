from __future__ import annotations

import pytest
from django.test import Client

from litfass.social import queries, services
from litfass.social.models import Notification


@pytest.fixture
def post(reporter, publish):
    return publish(reporter.profile, "Sommerfest")


def test_like_and_unlike_a_post_by_form(login, reader, post):
    client = login(reader)
    response = client.post(f"/gefaellt-mir/{post.pk}/", {"action": "like"})
    assert response.status_code == 302
    client.post(f"/gefaellt-mir/{post.pk}/", {"action": "like"})  # twice is once
    assert queries.post_likes(post, reader.user).count == 1
    assert queries.post_likes(post, reader.user).liked
    client.post(f"/gefaellt-mir/{post.pk}/", {"action": "unlike"})
    assert queries.post_likes(post, reader.user).count == 0


def test_like_with_htmx_returns_the_button(login, reader, post, htmx):
    response = login(reader).post(f"/gefaellt-mir/{post.pk}/", {"action": "like"}, **htmx)
    html = response.content.decode()
    assert f'id="gefaellt-{post.pk}"' in html and 'aria-pressed="true"' in html


def test_like_rejects_bad_input_missing_posts_and_anonymous(login, reader, post):
    client = login(reader)
    assert client.post(f"/gefaellt-mir/{post.pk}/", {"action": "x"}).status_code == 400
    assert client.post("/gefaellt-mir/99999/", {"action": "like"}).status_code == 404
    assert Client().post(f"/gefaellt-mir/{post.pk}/", {"action": "like"}).status_code == 302


def test_likers_show_only_if_they_allowed_it(reader, outsider, moderator, post, org_member):
    services.set_preferences(user=outsider.user, emails={}, show_my_likes=True)
    for persona in (reader, outsider, moderator, org_member):
        services.like_post(post=post, by=persona.user)
    likes = queries.post_likes(post, None)
    assert likes.count == 4
    assert likes.names == ["otto"]
    assert likes.others == 3


def test_like_list_says_and_n_others(rf, reader, outsider, post):
    from django.template import Context, Template

    services.set_preferences(user=outsider.user, emails={}, show_my_likes=True)
    services.like_post(post=post, by=outsider.user)
    services.like_post(post=post, by=reader.user)
    request = rf.get("/")
    request.user = reader.user
    html = Template("{% load social %}{% like_button post %}").render(
        Context({"request": request, "post": post})
    )
    assert "otto" in html and "rolf" not in html and "und 1 weiteren Person" in html


def test_the_author_hears_about_a_like_once(reader, reporter, post):
    services.like_post(post=post, by=reader.user)
    services.unlike_post(post=post, by=reader.user)
    services.like_post(post=post, by=reader.user)
    assert Notification.objects.filter(recipient=reporter.user, kind="like").count() == 1


def test_like_a_comment(login, reader, outsider, post, htmx):
    comment = services.add_comment(post=post, by=outsider.user, body="Schön")
    response = login(reader).post(
        f"/kommentare/{comment.pk}/gefaellt-mir/", {"action": "like"}, **htmx
    )
    assert response.status_code == 200 and "(1)" in response.content.decode()
    assert Notification.objects.filter(recipient=outsider.user, kind="like").exists()
    assert (
        login(reader).post("/kommentare/99999/gefaellt-mir/", {"action": "like"}).status_code == 404
    )


def test_a_like_names_the_liker_only_if_they_allowed_it(login, reader, outsider, reporter, post):
    services.like_post(post=post, by=reader.user)
    services.set_preferences(user=outsider.user, emails={}, show_my_likes=True)
    services.like_post(post=post, by=outsider.user)
    likes = Notification.objects.filter(recipient=reporter.user, kind="like")
    assert sorted(n.actor_id or 0 for n in likes) == [0, outsider.user.pk]
    page = login(reporter).get("/benachrichtigungen/").content.decode()
    assert "Jemandem gefällt" in page
    assert "Rolf" not in page and "rolf" not in page
