"""Organisation profiles: create, view, edit, roles, removing members and leaving."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from litfass.accounts.models import Membership, Profile
from litfass.accounts.services import add_member


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def club(org_member, reporter):
    """TSG Otterbach: Olga is its owner, Rita a member."""
    profile = org_member.profile
    add_member(profile=profile, user=org_member.user, role=Membership.Role.OWNER)
    add_member(profile=profile, user=reporter.user, role=Membership.Role.MEMBER)
    return profile


def membership(profile: Profile, user) -> Membership:
    return Membership.objects.get(profile=profile, user=user)


# --- create ------------------------------------------------------------------------------------


def test_creating_an_organisation_makes_the_creator_its_owner(reporter, town):
    client = logged_in(reporter.user)
    data = {
        "kind": Profile.Kind.ORGANISATION,
        "display_name": "Freundeskreis Stadtpark",
        "home_place": town.kaiserslautern.pk,
        "bio": "Wir pflegen den Stadtpark.",
    }

    response = client.post(reverse("accounts:organisation_create"), data)

    profile = Profile.objects.get(display_name="Freundeskreis Stadtpark")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:organisation", args=[profile.pk])
    assert profile.kind == Profile.Kind.ORGANISATION
    assert profile.person is None
    assert profile.home_place == town.kaiserslautern
    assert membership(profile, reporter.user).role == Membership.Role.OWNER
    page = client.get(response["Location"]).content.decode()
    assert "„Freundeskreis Stadtpark“ wurde angelegt. Sie sind Inhaber/in." in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"display_name": ""}, "Bitte geben Sie den Namen der Organisation ein."),
        ({"kind": Profile.Kind.EDITORIAL}, "Bitte wählen Sie, ob es eine Organisation oder ein"),
        ({"kind": Profile.Kind.PERSON}, "Bitte wählen Sie, ob es eine Organisation oder ein"),
        ({"home_place": "999999"}, "Diesen Ort gibt es nicht."),
    ],
)
def test_creating_an_organisation_with_invalid_input_keeps_it(reporter, town, changes, message):
    data = {
        "kind": Profile.Kind.BUSINESS,
        "display_name": "Bäckerei Lauer",
        "home_place": town.hohenecken.pk,
        "bio": "Brot seit 1901.",
        **changes,
    }

    response = logged_in(reporter.user).post(reverse("accounts:organisation_create"), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Brot seit 1901." in page
    assert not Profile.objects.filter(kind__in=["business", "editorial"]).exists()


def test_creating_an_organisation_needs_a_login(client, db):
    response = client.get(reverse("accounts:organisation_create"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


# --- list and page -----------------------------------------------------------------------------


def test_my_organisations_lists_the_memberships_but_not_the_personal_profile(club, reporter):
    page = logged_in(reporter.user).get(reverse("accounts:organisations")).content.decode()

    assert "TSG Otterbach" in page
    assert reverse("accounts:organisation", args=[club.pk]) in page
    assert reverse("accounts:organisation", args=[reporter.profile.pk]) not in page


def test_the_organisation_page_shows_members_and_owner_tools(club, org_member, reporter):
    page = logged_in(org_member.user).get(reverse("accounts:organisation", args=[club.pk]))

    assert page.status_code == 200
    html = page.content.decode()
    assert "Rita Reporter" in html
    assert reverse("accounts:invite", args=[club.pk]) in html
    assert reverse("accounts:organisation_edit", args=[club.pk]) in html
    assert reverse("accounts:member_remove", args=[membership(club, reporter.user).pk]) in html


def test_a_member_sees_the_page_without_owner_tools(club, reporter):
    html = logged_in(reporter.user).get(reverse("accounts:organisation", args=[club.pk]))

    assert html.status_code == 200
    assert reverse("accounts:invite", args=[club.pk]) not in html.content.decode()
    assert reverse("accounts:leave", args=[club.pk]) in html.content.decode()


@pytest.mark.parametrize("name", ["accounts:organisation", "accounts:organisation_edit"])
def test_organisation_pages_are_not_found_for_outsiders(club, outsider, name):
    assert logged_in(outsider.user).get(reverse(name, args=[club.pk])).status_code == 404


@pytest.mark.parametrize("name", ["accounts:organisation", "accounts:organisation_edit"])
def test_organisation_pages_of_unknown_or_personal_profiles_are_not_found(reporter, name):
    client = logged_in(reporter.user)

    assert client.get(reverse(name, args=[999_999])).status_code == 404
    assert client.get(reverse(name, args=[reporter.profile.pk])).status_code == 404


# --- edit --------------------------------------------------------------------------------------


def edit_data(town, **changes: object) -> dict[str, object]:
    return {
        "display_name": "TSG Otterbach 1899 e.V.",
        "home_place": town.otterberg.pk,
        "bio": "Fußball und Turnen.",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "5",
        "links-0-label": "Website",
        "links-0-url": "https://tsg-otterbach.example/",
        **changes,
    }


def test_an_owner_edits_the_organisation_profile(club, org_member, town):
    url = reverse("accounts:organisation_edit", args=[club.pk])

    response = logged_in(org_member.user).post(url, edit_data(town))

    assert response.status_code == 302
    club.refresh_from_db()
    assert club.display_name == "TSG Otterbach 1899 e.V."
    assert club.links == [{"label": "Website", "url": "https://tsg-otterbach.example/"}]


def test_editing_the_organisation_with_invalid_input_keeps_it(club, org_member, town):
    url = reverse("accounts:organisation_edit", args=[club.pk])

    response = logged_in(org_member.user).post(url, edit_data(town, display_name="T"))

    assert response.status_code == 200
    assert "Fußball und Turnen." in response.content.decode()
    club.refresh_from_db()
    assert club.display_name == "TSG Otterbach"


def test_a_member_cannot_edit_the_organisation(club, reporter, town):
    url = reverse("accounts:organisation_edit", args=[club.pk])

    response = logged_in(reporter.user).post(url, edit_data(town))

    assert response.status_code == 404
    club.refresh_from_db()
    assert club.display_name == "TSG Otterbach"


# --- roles, removing, leaving ------------------------------------------------------------------


def test_an_owner_makes_a_member_an_owner(club, org_member, reporter):
    target = membership(club, reporter.user)

    response = logged_in(org_member.user).post(
        reverse("accounts:member_role", args=[target.pk]), {"role": "owner"}
    )

    assert response.status_code == 302
    assert membership(club, reporter.user).role == Membership.Role.OWNER


def test_the_last_owner_cannot_give_up_the_owner_role(club, org_member):
    own = membership(club, org_member.user)
    client = logged_in(org_member.user)

    response = client.post(reverse("accounts:member_role", args=[own.pk]), {"role": "member"})

    assert response.status_code == 302
    assert membership(club, org_member.user).role == Membership.Role.OWNER
    page = client.get(response["Location"]).content.decode()
    assert "Eine Organisation braucht mindestens eine Inhaberin oder einen Inhaber." in page


def test_an_unknown_role_is_refused_with_a_message(club, org_member, reporter):
    target = membership(club, reporter.user)
    client = logged_in(org_member.user)

    response = client.post(reverse("accounts:member_role", args=[target.pk]), {"role": "king"})

    assert membership(club, reporter.user).role == Membership.Role.MEMBER
    page = client.get(response["Location"]).content.decode()
    assert "Bitte wählen Sie eine der Rollen aus der Liste." in page


def test_a_member_cannot_change_roles_or_remove_others(club, org_member, reporter):
    owner = membership(club, org_member.user)
    client = logged_in(reporter.user)

    assert (
        client.post(
            reverse("accounts:member_role", args=[owner.pk]), {"role": "member"}
        ).status_code
        == 404
    )
    assert client.post(reverse("accounts:member_remove", args=[owner.pk])).status_code == 404
    assert membership(club, org_member.user).role == Membership.Role.OWNER


def test_member_actions_on_unknown_memberships_are_not_found(org_member):
    client = logged_in(org_member.user)

    assert (
        client.post(reverse("accounts:member_role", args=[999_999]), {"role": "owner"}).status_code
        == 404
    )
    assert client.post(reverse("accounts:member_remove", args=[999_999])).status_code == 404


def test_personal_profile_memberships_cannot_be_managed_here(reporter):
    own = membership(reporter.profile, reporter.user)
    client = logged_in(reporter.user)

    assert client.post(reverse("accounts:member_remove", args=[own.pk])).status_code == 404
    assert Membership.objects.filter(pk=own.pk).exists()


def test_member_actions_need_post(club, org_member, reporter):
    target = membership(club, reporter.user)
    client = logged_in(org_member.user)

    assert client.get(reverse("accounts:member_remove", args=[target.pk])).status_code == 405
    assert client.get(reverse("accounts:leave", args=[club.pk])).status_code == 405


def test_an_owner_removes_a_member(club, org_member, reporter):
    target = membership(club, reporter.user)

    response = logged_in(org_member.user).post(reverse("accounts:member_remove", args=[target.pk]))

    assert response.status_code == 302
    assert not Membership.objects.filter(pk=target.pk).exists()


def test_a_member_leaves_the_organisation(club, reporter):
    client = logged_in(reporter.user)

    response = client.post(reverse("accounts:leave", args=[club.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:organisations")
    assert not Membership.objects.filter(profile=club, user=reporter.user).exists()
    assert (
        "Sie haben „TSG Otterbach“ verlassen." in client.get(response["Location"]).content.decode()
    )


def test_the_last_owner_cannot_leave(club, org_member):
    response = logged_in(org_member.user).post(reverse("accounts:leave", args=[club.pk]))

    assert response.status_code == 302
    assert Membership.objects.filter(profile=club, user=org_member.user).exists()


def test_leaving_an_organisation_one_is_not_in_is_not_found(club, outsider):
    assert (
        logged_in(outsider.user).post(reverse("accounts:leave", args=[club.pk])).status_code == 404
    )
