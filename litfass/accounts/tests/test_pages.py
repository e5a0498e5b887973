"""What every account page must be: CSP-clean, labelled, English under /en/, few queries."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from litfass.accounts import services
from litfass.accounts.models import Membership, Profile
from litfass.accounts.tests.conftest import PASSWORD, log_in

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", re.I)


@pytest.fixture
def club(org_member, reporter):
    services.add_member(profile=org_member.profile, user=reporter.user, role="owner")
    return org_member.profile


def allauth_pages() -> list[str]:
    return [
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
        reverse("account_email_verification_sent"),
    ]


def own_pages(club: Profile) -> list[str]:
    return [
        reverse("accounts:settings"),
        reverse("accounts:organisations"),
        reverse("accounts:organisation_create"),
        reverse("accounts:organisation", args=[club.pk]),
        reverse("accounts:organisation_edit", args=[club.pk]),
        reverse("mfa_index"),
        reverse("account_email"),
        reverse("account_change_password"),
        reverse("account_logout"),
    ]


def assert_csp_clean(html: str, url: str) -> None:
    assert " style=" not in html, url
    assert "<style" not in html, url
    assert not INLINE_SCRIPT.search(html), url
    assert "javascript:" not in html, url


def test_public_account_pages_use_the_site_layout_without_inline_code(client, town):
    for url in allauth_pages():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'class="site-header"' in html, url
        assert '<meta name="robots" content="noindex">' in html, url
        assert_csp_clean(html, url)


def test_logged_in_account_pages_use_the_site_layout_without_inline_code(club, reporter):
    client = Client()
    log_in(client, reporter.user.email)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    for url in [*own_pages(club), reverse("mfa_activate_totp")]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'class="site-header"' in html, url
        assert_csp_clean(html, url)


def test_every_visible_field_has_a_label(club, reporter):
    client = Client()
    client.force_login(reporter.user)
    for url in own_pages(club)[:5]:
        html = client.get(url).content.decode()
        for attributes in re.findall(r"<(?:input|select|textarea)\b([^>]*)>", html):
            if 'type="hidden"' in attributes:
                continue
            field_id = re.search(r'\bid="([^"]+)"', attributes)
            assert field_id, (url, attributes)
            assert f'for="{field_id.group(1)}"' in html, (url, field_id.group(1))


def test_account_pages_are_english_under_en(club, reporter):
    settings_url, organisation_url, login_url = (
        "/en" + reverse("accounts:settings"),
        "/en" + reverse("accounts:organisation", args=[club.pk]),
        "/en" + reverse("account_login"),
    )
    client = Client()
    client.force_login(reporter.user)

    settings_page = client.get(settings_url).content.decode()
    organisation_page = client.get(organisation_url).content.decode()

    assert "Your profile" in settings_page
    assert "Save profile" in settings_page
    assert "Members" in organisation_page
    assert "Log in" in Client().get(login_url).content.decode()


def test_query_counts_of_the_account_pages_are_fixed(
    club, reporter, org_member, outsider, django_assert_num_queries
):
    for n in range(3):
        member = services.create_user(username=f"m{n}", email=f"m{n}@example.org")
        services.create_personal_profile(user=member, display_name=f"Mitglied {n}", home_place=None)
        services.add_member(profile=club, user=member)
        services.invite_member(
            profile=club, by=reporter.user, email=f"i{n}@example.org", site_url="http://x/"
        )
    client = Client()
    client.force_login(reporter.user)
    client.get(reverse("accounts:settings"))  # the first request also loads the site menu

    with django_assert_num_queries(6):
        client.get(reverse("accounts:settings"))
    with django_assert_num_queries(6):
        client.get(reverse("accounts:organisations"))
    with django_assert_num_queries(6):
        client.get(reverse("accounts:organisation", args=[club.pk]))
    assert Membership.objects.filter(profile=club).count() == 5
