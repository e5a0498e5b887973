"""Inviting people to an organisation by e-mail, and accepting, declining, withdrawing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.http import urlencode

from litfass.accounts.models import Invitation, Membership, Profile, User
from litfass.accounts.services import add_member
from litfass.accounts.tests.conftest import NEW_PASSWORD, link_in


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def club(org_member):
    add_member(profile=org_member.profile, user=org_member.user, role=Membership.Role.OWNER)
    return org_member.profile


def invite(client: Client, club: Profile, email: str, role: str = "member"):
    return client.post(reverse("accounts:invite", args=[club.pk]), {"email": email, "role": role})


def test_an_owner_invites_by_e_mail_with_an_accept_link(
    club, org_member, mailoutbox, django_capture_on_commit_callbacks
):
    client = logged_in(org_member.user)

    with django_capture_on_commit_callbacks(execute=True):
        response = invite(client, club, "Neu@Example.org")

    assert response.status_code == 302
    invitation = Invitation.objects.get(profile=club)
    assert invitation.email == "neu@example.org"
    assert invitation.role == Membership.Role.MEMBER
    assert len(invitation.token) >= 40
    (mail,) = mailoutbox
    assert mail.to == ["neu@example.org"]
    assert "TSG Otterbach" in mail.subject
    assert "Einladung" in mail.subject
    assert link_in(mail.body, "/einladung/") == reverse(
        "accounts:invitation", args=[invitation.token]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Die Einladung an neu@example.org wurde verschickt." in page
    assert "neu@example.org" in page


def test_no_e_mail_leaves_before_the_invitation_is_committed(club, org_member, mailoutbox):
    invite(logged_in(org_member.user), club, "neu@example.org")

    assert Invitation.objects.filter(profile=club).exists()
    assert mailoutbox == []


def test_inviting_again_renews_the_token(club, org_member):
    client = logged_in(org_member.user)
    invite(client, club, "neu@example.org")
    first = Invitation.objects.get(profile=club).token

    invite(client, club, "neu@example.org", role="owner")

    invitation = Invitation.objects.get(profile=club)
    assert invitation.token != first
    assert invitation.role == Membership.Role.OWNER


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("kein-at-zeichen", "Bitte geben Sie eine gültige E-Mail-Adresse ein."),
        ("", "Bitte geben Sie die E-Mail-Adresse ein, an die die Einladung gehen soll."),
        ("olga@example.org", "olga@example.org ist schon Mitglied."),
    ],
)
def test_invalid_invitations_are_explained_and_keep_the_address(
    club, org_member, mailoutbox, email, message
):
    response = invite(logged_in(org_member.user), club, email)

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert f'value="{email}"' in page or not email
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_members_cannot_invite(club, reporter):
    add_member(profile=club, user=reporter.user)

    assert invite(logged_in(reporter.user), club, "neu@example.org").status_code == 404
    assert not Invitation.objects.exists()


def test_outsiders_and_unknown_organisations_cannot_invite(club, outsider):
    client = logged_in(outsider.user)

    assert invite(client, club, "neu@example.org").status_code == 404
    assert (
        client.post(reverse("accounts:invite", args=[999_999]), {"email": "a@b.org"}).status_code
        == 404
    )
    assert not Invitation.objects.exists()


@pytest.fixture
def invitation(club, org_member) -> Invitation:
    invite(logged_in(org_member.user), club, "otto@example.org")
    return Invitation.objects.get(profile=club)


def test_the_invited_person_accepts_and_becomes_a_member(invitation, outsider, club):
    client = logged_in(outsider.user)
    url = reverse("accounts:invitation", args=[invitation.token])
    page = client.get(url)
    assert page.status_code == 200
    assert "Einladung annehmen" in page.content.decode()

    response = client.post(url, {"accept": ""})

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:organisation", args=[club.pk])
    assert Membership.objects.get(profile=club, user=outsider.user).role == "member"
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert client.get(url).status_code == 404


def test_the_invited_person_can_decline(invitation, outsider, club):
    url = reverse("accounts:invitation", args=[invitation.token])

    response = logged_in(outsider.user).post(url, {"decline": ""})

    assert response.status_code == 302
    assert not Invitation.objects.exists()
    assert not Membership.objects.filter(profile=club, user=outsider.user).exists()


def test_pending_invitations_appear_in_my_organisations(invitation, outsider):
    page = logged_in(outsider.user).get(reverse("accounts:organisations")).content.decode()

    assert "TSG Otterbach" in page
    assert reverse("accounts:invitation", args=[invitation.token]) in page


def test_anybody_else_logged_in_is_told_and_cannot_accept(invitation, reader, club):
    client = logged_in(reader.user)
    url = reverse("accounts:invitation", args=[invitation.token])

    page = client.get(url)
    assert page.status_code == 200
    assert "an eine andere E-Mail-Adresse" in page.content.decode()
    assert "Einladung annehmen" not in page.content.decode()

    assert client.post(url, {"accept": ""}).status_code == 404
    assert client.post(url, {"decline": ""}).status_code == 404
    assert not Membership.objects.filter(profile=club, user=reader.user).exists()
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is None


def test_a_visitor_is_asked_to_log_in_or_register_and_cannot_accept(client, invitation):
    url = reverse("accounts:invitation", args=[invitation.token])

    page = client.get(url)

    assert page.status_code == 200
    html = page.content.decode()
    next_query = urlencode({"next": url})
    assert f"{reverse('account_login')}?{next_query}" in html
    assert f"{reverse('account_signup')}?{next_query}" in html
    assert page["Cache-Control"] == "private, no-store"
    assert client.post(url, {"accept": ""}).status_code == 404


def test_unknown_and_expired_invitations_are_not_found(client, invitation, outsider):
    assert client.get(reverse("accounts:invitation", args=["unbekannt"])).status_code == 404
    Invitation.objects.filter(pk=invitation.pk).update(
        created_at=invitation.created_at - Invitation.VALID_FOR - dt.timedelta(minutes=1)
    )
    url = reverse("accounts:invitation", args=[invitation.token])
    assert logged_in(outsider.user).post(url, {"accept": ""}).status_code == 404


def test_an_invited_newcomer_registers_and_comes_back_to_the_invitation(
    client, club, org_member, town, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invite(logged_in(org_member.user), club, "nina@example.org")
    accept_path = link_in(mailoutbox[0].body, "/einladung/")
    signup_url = client.get(accept_path).context["signup_url"]
    data = {
        "email": "nina@example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "display_name": "Nina Neu",
        "home_place": town.otterberg.pk,
    }
    assert client.post(signup_url, data).status_code == 302

    confirm_path = link_in(mailoutbox[1].body, "/konto/confirm-email/")
    confirmed = client.post(confirm_path)
    assert confirmed["Location"] == accept_path
    response = client.post(accept_path, {"accept": ""})

    assert response.status_code == 302
    nina = User.objects.get(email="nina@example.org")
    assert Membership.objects.get(profile=club, user=nina).role == Membership.Role.MEMBER


def test_an_owner_withdraws_an_invitation(invitation, org_member, club):
    response = logged_in(org_member.user).post(
        reverse("accounts:invitation_revoke", args=[invitation.pk])
    )

    assert response.status_code == 302
    assert not Invitation.objects.exists()


def test_only_owners_can_withdraw_invitations(invitation, outsider, reporter, club):
    add_member(profile=club, user=reporter.user)
    url = reverse("accounts:invitation_revoke", args=[invitation.pk])

    assert logged_in(reporter.user).post(url).status_code == 404
    assert logged_in(outsider.user).post(url).status_code == 404
    assert (
        logged_in(reporter.user)
        .post(reverse("accounts:invitation_revoke", args=[999_999]))
        .status_code
        == 404
    )
    assert Invitation.objects.filter(pk=invitation.pk).exists()
