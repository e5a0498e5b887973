from __future__ import annotations

from urllib.parse import quote

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils.translation import gettext as _

from litfass.social import queries, services
from litfass.social.models import Follow, Notification


def test_follow_and_unfollow_a_profile(reader, reporter):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    services.follow_profile(profile=reporter.profile, by=reader.user)  # twice is once
    assert queries.profile_follow_state(reporter.profile, reader.user).count == 1
    assert queries.profile_follow_state(reporter.profile, reader.user).following
    assert services.unfollow(by=reader.user, profile=reporter.profile)
    assert queries.follower_count(reporter.profile) == 0


def test_follow_a_place_with_or_without_surroundings(reader, town):
    follow = services.follow_place(place=town.kaiserslautern, by=reader.user)
    assert not follow.with_surroundings
    services.follow_place(place=town.kaiserslautern, by=reader.user, with_surroundings=True)
    state = queries.place_follow_state(town.kaiserslautern, reader.user)
    assert (state.count, state.following, state.with_surroundings) == (1, True, True)
    services.unfollow(by=reader.user, place=town.kaiserslautern)
    assert not queries.place_follow_state(town.kaiserslautern, reader.user).following


def test_follow_a_topic(reader, town):
    services.follow_topic(topic=town.kultur, by=reader.user)
    assert queries.topic_follow_state(town.kultur, reader.user).following
    services.unfollow(by=reader.user, topic=town.kultur)
    assert queries.topic_follow_state(town.kultur, None).count == 0


def test_a_follow_has_exactly_one_target_in_the_database(reader, reporter, town):
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(
            follower=reader.user, target="profile", profile=reporter.profile, place=town.otterberg
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Follow.objects.create(follower=reader.user, target="topic")


def test_nobody_follows_their_own_profile(reporter):
    with pytest.raises(ValidationError):
        services.follow_profile(profile=reporter.profile, by=reporter.user)


def test_members_hear_about_a_new_follower(reader, org_member):
    services.follow_profile(profile=org_member.profile, by=reader.user)
    notification = Notification.objects.get(recipient=org_member.user)
    assert notification.kind == "follower" and notification.actor == reader.user


def test_follow_button_without_javascript_redirects_back(login, reader, reporter):
    client = login(reader)
    url = f"/folgen/profil/{reporter.profile.pk}/"
    response = client.post(url, {"action": "follow", "next": "/profil/x/"})
    assert response.status_code == 302 and response["Location"] == "/profil/x/"
    assert queries.follower_count(reporter.profile) == 1


def test_follow_button_with_htmx_swaps_the_partial(login, reader, reporter, htmx):
    client = login(reader)
    url = f"/folgen/profil/{reporter.profile.pk}/"
    response = client.post(url, {"action": "follow"}, **htmx)
    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="folgen-profil-{reporter.profile.pk}"' in html
    assert 'value="unfollow"' in html and "<html" not in html


def test_follow_place_and_surroundings_by_form(login, reader, town):
    client = login(reader)
    client.post(f"/folgen/ort/{town.otterberg.pk}/", {"action": "follow_surroundings"})
    assert Follow.objects.get(follower=reader.user, place=town.otterberg).with_surroundings


def test_follow_rejects_bad_input_and_missing_targets(login, reader, town):
    client = login(reader)
    assert client.post(f"/folgen/ort/{town.otterberg.pk}/", {"action": "x"}).status_code == 400
    assert (
        client.post(
            f"/folgen/ressort/{town.kultur.pk}/", {"action": "follow_surroundings"}
        ).status_code
        == 400
    )
    assert client.post("/folgen/profil/99999/", {"action": "follow"}).status_code == 404
    assert client.post("/folgen/planet/1/", {"action": "follow"}).status_code == 404


def test_anonymous_cannot_follow(reporter):
    response = Client().post(f"/folgen/profil/{reporter.profile.pk}/", {"action": "follow"})
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    assert queries.follower_count(reporter.profile) == 0


def test_follow_button_shows_count_or_invites_the_first_follower(rf, reader, reporter, outsider):
    from django.template import Context, Template

    template = Template("{% load social %}{% follow_button profile %}")
    request = rf.get("/")
    request.user = outsider.user
    html = template.render(Context({"request": request, "profile": reporter.profile}))
    assert _("Be the first to follow this profile") in html
    services.follow_profile(profile=reporter.profile, by=reader.user)
    html = template.render(Context({"request": request, "profile": reporter.profile}))
    assert "1" in html and _("Be the first to follow this profile") not in html


def test_follow_button_is_one_query(rf, reader, town, django_assert_num_queries):
    from django.template import Context, Template

    template = Template("{% load social %}{% follow_button place %}")
    request = rf.get("/")
    request.user = reader.user
    with django_assert_num_queries(1):
        template.render(Context({"request": request, "place": town.kaiserslautern}))


def test_followers_are_listed_to_the_members_only(login, reader, outsider, org_member):
    services.follow_profile(profile=org_member.profile, by=reader.user)
    url = f"/profil/{org_member.profile.slug}/follower/"
    response = login(org_member).get(url)
    assert response.status_code == 200
    assert "rolf" in response.content.decode().lower()
    assert login(outsider).get(url).status_code == 404
    assert login(reader).get(url).status_code == 404
    assert login(org_member).get("/profil/gibt-es-nicht/follower/").status_code == 404
    assert Client().get(url).status_code == 302


def test_mute_and_unmute_by_form(login, reader, reporter):
    client = login(reader)
    url = f"/stummschalten/{reporter.profile.pk}/"
    assert client.post(url, {"action": "mute"}).status_code == 302
    assert queries.is_muted(reader.user, reporter.profile)
    client.post(url, {"action": "unmute"})
    assert not queries.is_muted(reader.user, reporter.profile)
    assert client.post(url, {"action": "x"}).status_code == 400
    assert client.post("/stummschalten/99999/", {"action": "mute"}).status_code == 404


def test_nobody_mutes_their_own_profile(reporter):
    with pytest.raises(ValidationError):
        services.mute_profile(profile=reporter.profile, by=reporter.user)


def render_follow_button(rf, persona, target):
    from django.template import Context, Template

    request = rf.get("/")
    request.user = persona.user
    template = Template("{% load social %}{% follow_button target %}")
    return template.render(Context({"request": request, "target": target}))


def test_members_see_who_follows_instead_of_a_follow_button(rf, reader, org_member):
    services.follow_profile(profile=org_member.profile, by=reader.user)
    html = render_follow_button(rf, org_member, org_member.profile)
    assert f"/profil/{org_member.profile.slug}/follower/" in html
    assert _("Who follows this profile") in html
    assert 'value="follow"' not in html and 'value="mute"' not in html
    # Everybody else gets the follow and mute buttons, never the list.
    html = render_follow_button(rf, reader, org_member.profile)
    assert "/follower/" not in html
    assert 'value="unfollow"' in html and 'value="mute"' in html


def test_profile_follow_button_for_a_reader_is_one_query(
    rf, reader, reporter, django_assert_num_queries
):
    services.mute_profile(profile=reporter.profile, by=reader.user)
    with django_assert_num_queries(1):
        html = render_follow_button(rf, reader, reporter.profile)
    assert 'value="unmute"' in html


def test_reader_mutes_a_profile_from_its_page_with_htmx(login, reader, reporter, htmx, post_at):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    post_at(reporter.profile, "Laute Meldung")
    client = login(reader)
    page = client.get(reporter.profile.get_absolute_url()).content.decode()
    assert f'action="/stummschalten/{reporter.profile.pk}/"' in page
    response = client.post(f"/stummschalten/{reporter.profile.pk}/", {"action": "mute"}, **htmx)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert f'id="folgen-profil-{reporter.profile.pk}"' in html and 'value="unmute"' in html
    assert queries.feed(reader.user).items == []
    assert "Laute Meldung" not in client.get("/mein-feed/").content.decode()
    client.post(f"/stummschalten/{reporter.profile.pk}/", {"action": "unmute"}, **htmx)
    assert [p.headline for p in queries.feed(reader.user).items] == ["Laute Meldung"]


def test_muting_ones_own_profile_is_refused_with_a_message(login, reporter, htmx):
    client = login(reporter)
    url = f"/stummschalten/{reporter.profile.pk}/"
    html = client.post(url, {"action": "mute"}, **htmx).content.decode()
    assert _("You cannot mute a profile you write for.") in html
    response = client.post(url, {"action": "mute"}, follow=True)
    assert _("You cannot mute a profile you write for.") in response.content.decode()
    assert not queries.is_muted(reporter.user, reporter.profile)


def test_muted_people_notify_nobody(org_member, reporter, publish):
    post = publish(org_member.profile, "Vereinsfest")
    services.mute_profile(profile=reporter.profile, by=org_member.user)
    services.add_comment(post=post, by=reporter.user, body="Schon wieder?")
    services.like_post(post=post, by=reporter.user)
    assert not Notification.objects.filter(recipient=org_member.user).exists()


def test_a_logged_out_htmx_click_is_sent_to_the_login_page_and_back(reporter, htmx):
    url = f"/folgen/profil/{reporter.profile.pk}/"
    profile_url = reporter.profile.get_absolute_url()
    response = Client().post(
        url, {"action": "follow"}, HTTP_HX_CURRENT_URL=f"http://testserver{profile_url}", **htmx
    )
    assert response.status_code == 204
    assert response["HX-Redirect"] == f"/konto/login/?next={quote(profile_url, safe='/')}"
    # A page of another site is never where the login returns to.
    response = Client().post(
        url, {"action": "follow"}, HTTP_HX_CURRENT_URL="https://evil.example/x/", **htmx
    )
    assert "evil" not in response["HX-Redirect"]
    assert queries.follower_count(reporter.profile) == 0
