"""The rules of the account services, independent of the pages."""

from __future__ import annotations

import datetime as dt

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from litfass.accounts import services
from litfass.accounts.adapter import user_display
from litfass.accounts.models import Invitation, Membership, Profile, User
from litfass.accounts.tests.conftest import NEW_PASSWORD

SITE = "https://litfass.example/"


@pytest.fixture
def club(org_member):
    services.add_member(profile=org_member.profile, user=org_member.user, role="owner")
    return org_member.profile


def test_a_person_profile_with_an_owner_is_the_owners_personal_profile(reporter):
    assert reporter.profile.person == reporter.user
    assert reporter.profile.kind == Profile.Kind.PERSON


def test_nobody_gets_two_personal_profiles(reporter, town):
    with pytest.raises(ValidationError):
        services.create_personal_profile(
            user=reporter.user, display_name="Rita Zwei", home_place=town.otterberg
        )


def test_organisations_are_nobodys_personal_profile(club):
    assert club.person is None


def test_the_database_refuses_an_organisation_as_personal_profile(club, outsider):
    with pytest.raises(IntegrityError), transaction.atomic():
        Profile.objects.filter(pk=club.pk).update(person=outsider.user)


def test_display_names_are_tidied_and_need_two_characters(outsider, town):
    profile = services.create_personal_profile(
        user=outsider.user, display_name="  Otto   Ohnesorg ", home_place=town.otterberg
    )
    assert profile.display_name == "Otto Ohnesorg"

    with pytest.raises(ValidationError) as error:
        services.update_profile(
            profile=profile, by=outsider.user, display_name="O", home_place=None
        )
    assert "display_name" in error.value.error_dict


def test_only_owners_update_a_profile(club, reporter, outsider, org_member):
    services.add_member(profile=club, user=reporter.user)

    for user in (reporter.user, outsider.user):
        with pytest.raises(PermissionDenied):
            services.update_profile(profile=club, by=user, display_name="Gekapert", home_place=None)
    with pytest.raises(PermissionDenied):
        services.update_profile(
            profile=reporter.profile, by=org_member.user, display_name="Gekapert", home_place=None
        )


def test_links_must_be_web_addresses(reporter):
    with pytest.raises(ValidationError):
        services.update_profile(
            profile=reporter.profile,
            by=reporter.user,
            display_name="Rita",
            home_place=None,
            links=[{"label": "x", "url": "javascript:alert(1)"}],
        )


def test_a_broken_avatar_leaves_no_file_and_no_change(reporter, media_root):
    with pytest.raises(ValidationError) as error:
        services.update_profile(
            profile=reporter.profile,
            by=reporter.user,
            display_name="Neu",
            home_place=None,
            avatar=b"GIF89a broken",
        )
    assert "avatar" in error.value.error_dict
    assert not any(media_root.rglob("*.*"))


def test_create_organisation_refuses_person_and_editorial_kinds(reporter, town):
    for kind in (Profile.Kind.PERSON, Profile.Kind.EDITORIAL):
        with pytest.raises(ValidationError):
            services.create_organisation(
                by=reporter.user, kind=kind, display_name="Redaktion", home_place=town.otterberg
            )


def test_only_owners_invite_and_never_for_a_personal_profile(club, reporter):
    services.add_member(profile=club, user=reporter.user)

    with pytest.raises(PermissionDenied):
        services.invite_member(profile=club, by=reporter.user, email="a@b.org", site_url=SITE)
    with pytest.raises(PermissionDenied):
        services.invite_member(
            profile=reporter.profile, by=reporter.user, email="a@b.org", site_url=SITE
        )


def test_an_organisation_can_have_only_so_many_open_invitations(club, org_member):
    for n in range(services.MAX_OPEN_INVITATIONS):
        services.invite_member(
            profile=club, by=org_member.user, email=f"p{n}@example.org", site_url=SITE
        )

    with pytest.raises(ValidationError):
        services.invite_member(
            profile=club, by=org_member.user, email="one-more@example.org", site_url=SITE
        )


def test_a_verified_second_address_may_accept_an_unverified_one_may_not(club, org_member, outsider):
    invitation = services.invite_member(
        profile=club, by=org_member.user, email="otto@verein.example", site_url=SITE
    )
    address = EmailAddress.objects.create(
        user=outsider.user, email="otto@verein.example", verified=False
    )
    with pytest.raises(PermissionDenied):
        services.accept_invitation(invitation=invitation, user=outsider.user)

    address.verified = True
    address.save()
    services.accept_invitation(invitation=invitation, user=outsider.user)

    assert Membership.objects.filter(profile=club, user=outsider.user).exists()


def test_an_invitation_works_once_and_not_after_expiry(club, org_member, outsider, reader):
    invitation = services.invite_member(
        profile=club, by=org_member.user, email=outsider.user.email, site_url=SITE
    )
    services.accept_invitation(invitation=invitation, user=outsider.user)
    with pytest.raises(ValidationError):
        services.accept_invitation(invitation=invitation, user=outsider.user)

    late = services.invite_member(
        profile=club, by=org_member.user, email=reader.user.email, site_url=SITE
    )
    late.created_at -= Invitation.VALID_FOR + dt.timedelta(seconds=1)
    with pytest.raises(ValidationError):
        services.accept_invitation(invitation=late, user=reader.user)


def test_accepting_a_member_invitation_never_demotes_an_owner(club, org_member, reporter):
    services.add_member(profile=club, user=reporter.user, role="owner")
    invitation = Invitation.objects.create(
        profile=club, email=reporter.user.email, token="t" * 43, invited_by=org_member.user
    )

    services.accept_invitation(invitation=invitation, user=reporter.user)

    assert Membership.objects.get(profile=club, user=reporter.user).role == "owner"


def test_roles_and_removals_keep_at_least_one_owner(club, org_member, reporter):
    own = Membership.objects.get(profile=club, user=org_member.user)
    member = services.add_member(profile=club, user=reporter.user)

    with pytest.raises(ValidationError):
        services.change_role(membership=own, role="member", by=org_member.user)
    with pytest.raises(ValidationError):
        services.leave_organisation(membership=own)
    with pytest.raises(ValidationError):
        services.change_role(membership=member, role="chef", by=org_member.user)
    with pytest.raises(PermissionDenied):
        services.remove_member(membership=own, by=reporter.user)

    services.change_role(membership=member, role="owner", by=org_member.user)
    services.leave_organisation(membership=own)
    assert list(club.memberships.values_list("user", "role")) == [(reporter.user.pk, "owner")]


def test_create_user_records_the_address_as_verified(db):
    user = services.create_user(username="vera", email="vera@example.org")

    assert EmailAddress.objects.get(user=user).verified
    unverified = services.create_user(username="uwe", email="uwe@example.org", email_verified=False)
    assert not EmailAddress.objects.get(user=unverified).verified


def test_signup_creates_no_account_when_the_profile_cannot_be_created(client, town, monkeypatch):
    def broken(**kwargs: object) -> Profile:
        raise RuntimeError("database went away")

    monkeypatch.setattr(services, "create_personal_profile", broken)
    data = {
        "email": "nora@example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "display_name": "Nora Neumann",
        "home_place": town.otterberg.pk,
    }

    with pytest.raises(RuntimeError):
        client.post(reverse("account_signup"), data)

    assert not User.objects.filter(email="nora@example.org").exists()


def test_users_are_named_by_their_profile_in_allauth_messages(reporter, outsider):
    assert user_display(reporter.user) == "Rita Reporter"
    assert user_display(outsider.user) == "otto@example.org"
