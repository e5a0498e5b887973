"""Registration, e-mail confirmation, login, logout, password reset and rate limits (allauth)."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from litfass.accounts.models import Membership, Profile, User
from litfass.accounts.tests.conftest import NEW_PASSWORD, PASSWORD, link_in, log_in


def signup_data(town, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "email": "nora@example.org",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "display_name": "Nora Neumann",
        "home_place": town.hohenecken.pk,
        "bio": "Wohnt seit 20 Jahren am Burgberg.",
    }
    data.update(changes)
    return data


def test_registration_confirms_the_address_logs_in_and_creates_the_personal_profile(
    client, town, mailoutbox
):
    response = client.post(reverse("account_signup"), signup_data(town))

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    user = User.objects.get(email="nora@example.org")
    profile = Profile.objects.get(person=user)
    assert profile.kind == Profile.Kind.PERSON
    assert profile.display_name == "Nora Neumann"
    assert profile.home_place == town.hohenecken
    assert profile.bio == "Wohnt seit 20 Jahren am Burgberg."
    assert Membership.objects.get(profile=profile).user == user
    assert Membership.objects.get(profile=profile).role == Membership.Role.OWNER
    # Not logged in before the address is confirmed.
    assert client.get(reverse("accounts:settings")).status_code == 302

    (mail,) = mailoutbox
    assert mail.to == ["nora@example.org"]
    assert "Bitte bestätigen Sie Ihre E-Mail-Adresse" in mail.subject
    confirm_path = link_in(mail.body, "/konto/confirm-email/")
    page = client.get(confirm_path)
    assert page.status_code == 200
    assert "Bestätigen" in page.content.decode()
    response = client.post(confirm_path)

    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    settings_page = client.get(reverse("accounts:settings"))
    assert settings_page.status_code == 200
    assert "Nora Neumann" in settings_page.content.decode()


def test_registration_page_offers_the_place_tree_grouped_by_region(client, town):
    page = client.get(reverse("account_signup")).content.decode()

    assert '<optgroup label="Westpfalz">' in page
    assert f'<option value="{town.hohenecken.pk}">\u00a0\u00a0\u00a0Hohenecken</option>' in page
    assert 'autocomplete="email"' in page
    assert 'autocomplete="new-password"' in page
    assert 'autocomplete="name"' in page


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            {"display_name": ""},
            "display_name",
            "Bitte geben Sie Ihren Namen ein; er erscheint bei allem, was Sie veröffentlichen.",
        ),
        (
            {"display_name": "N"},
            "display_name",
            "Der Name muss mindestens 2 Zeichen haben.",
        ),
        (
            {"home_place": 999_999},
            "home_place",
            "Diesen Ort gibt es nicht. Bitte wählen Sie einen aus der Liste.",
        ),
        (
            {"home_place": ""},
            "home_place",
            "Bitte wählen Sie den Heimatort aus der Liste.",
        ),
        (
            {"password1": "passwort2024", "password2": "passwort2024"},
            "password1",
            "Dieses Passwort ist zu leicht zu erraten.",
        ),
        (
            {"password2": "etwas anderes 42"},
            "password2",
            "Passwort",
        ),
    ],
)
def test_registration_with_invalid_input_keeps_what_was_typed_and_explains_in_german(
    client, town, mailoutbox, changes, field, message
):
    data = signup_data(town, **changes)

    response = client.post(reverse("account_signup"), data)

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert f'id="id_{field}_error"' in page
    assert 'value="nora@example.org"' in page
    assert "Wohnt seit 20 Jahren am Burgberg." in page
    if field != "display_name":
        assert 'value="Nora Neumann"' in page
    assert not User.objects.filter(email="nora@example.org").exists()
    assert not Profile.objects.exists()
    assert mailoutbox == []


def test_registering_an_address_that_has_an_account_reveals_nothing_and_warns_its_owner(
    client, town, reporter, mailoutbox
):
    """allauth prevents account enumeration: same answer as a new registration, no new
    account, and the owner of the address is told by e-mail (ACCOUNT_PREVENT_ENUMERATION)."""
    data = signup_data(town, email="RITA_reporter@example.org")

    response = client.post(reverse("account_signup"), data)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert User.objects.filter(email__iexact="rita_reporter@example.org").count() == 1
    assert Profile.objects.filter(display_name="Nora Neumann").count() == 0
    (mail,) = mailoutbox
    assert mail.to == ["rita_reporter@example.org"]
    assert "Konto existiert bereits" in mail.subject


def test_registration_page_is_english_under_en(client, town):
    page = client.get("/en" + reverse("account_signup")).content.decode()

    assert "Register for free" in page
    assert "Your public profile" in page
    assert "Home place" in page


def test_login_page_shows_stay_logged_in_and_the_password_reset_link(client, db):
    page = client.get(reverse("account_login")).content.decode()

    assert 'name="remember"' in page
    assert "Angemeldet bleiben" in page
    assert reverse("account_reset_password") in page
    assert 'autocomplete="current-password"' in page


def test_login_without_stay_logged_in_ends_with_the_browser_session(client, reporter):
    response = log_in(client, reporter.user.email)

    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close()
    assert int(client.session["_auth_user_id"]) == reporter.user.pk


def test_login_with_stay_logged_in_keeps_the_session(client, reporter):
    log_in(client, reporter.user.email, remember="on")

    assert not client.session.get_expire_at_browser_close()


def test_login_with_a_wrong_password_keeps_the_address_and_explains_in_german(client, reporter):
    response = log_in(client, reporter.user.email, password="falsch falsch 1")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Die E-Mail-Adresse und/oder das Passwort sind leider falsch." in page
    assert f'value="{reporter.user.email}"' in page
    assert "_auth_user_id" not in client.session


def test_too_many_failed_logins_are_refused_even_with_the_right_password(client, reporter):
    for _attempt in range(5):
        log_in(client, reporter.user.email, password="falsch falsch 1")

    response = log_in(client, reporter.user.email)

    assert response.status_code == 200
    assert "Zu viele gescheiterte Anmeldeversuche" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logout_ends_the_session(client, reporter):
    log_in(client, reporter.user.email)

    response = client.post(reverse("account_logout"))

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("accounts:settings")).status_code == 302


def test_password_reset_mails_a_link_that_sets_a_new_password(client, reporter, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": reporter.user.email})

    assert response.status_code == 302
    (mail,) = mailoutbox
    assert mail.to == [reporter.user.email]
    assert "Passwort" in mail.subject
    reset_path = link_in(mail.body, "/konto/password/reset/key/")
    form_page = client.get(reset_path, follow=True)
    assert form_page.status_code == 200
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_path
    response = client.post(action, {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    client.logout()
    assert log_in(client, reporter.user.email, password=PASSWORD).status_code == 200
    assert log_in(client, reporter.user.email, password=NEW_PASSWORD).status_code == 302


def test_password_reset_for_an_unknown_address_sends_no_reset_link(client, db, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": "niemand@example.org"})

    assert response.status_code == 302
    assert all("/password/reset/key/" not in mail.body for mail in mailoutbox)


def test_password_reset_with_an_invalid_address_explains_the_error(client, db, mailoutbox):
    response = client.post(reverse("account_reset_password"), {"email": "kein-at-zeichen"})

    assert response.status_code == 200
    assert 'value="kein-at-zeichen"' in response.content.decode()
    assert mailoutbox == []


def test_allauth_e_mails_greet_with_the_site_name(client, reporter, mailoutbox, settings):
    settings.LITFASS_SITE_NAME = "Westpfalz-Litfass"

    client.post(reverse("account_reset_password"), {"email": reporter.user.email})

    assert mailoutbox[0].body.startswith("Hallo von Westpfalz-Litfass!")
    assert "Danke, dass Sie Westpfalz-Litfass nutzen!" in mailoutbox[0].body
