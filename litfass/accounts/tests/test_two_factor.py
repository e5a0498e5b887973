"""Two-factor login with an authenticator app (allauth.mfa), reached from the profile settings."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from litfass.accounts.tests.conftest import PASSWORD, log_in


def totp(secret: str, at: float) -> str:
    """RFC 6238 code (30 s steps, 6 digits, SHA-1), computed independently of allauth."""
    key = base64.b32decode(secret, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """A stopped clock, so that a code computed in the test is still valid when checked."""
    stopped = Clock(float(int(time.time()) // 30 * 30 + 5))
    monkeypatch.setattr(time, "time", stopped)
    return stopped


def open_activation(client):
    """Go from the settings page to the activation page (confirming the password on the way);
    return the page."""
    settings_page = client.get(reverse("accounts:settings")).content.decode()
    assert reverse("mfa_index") in settings_page
    assert reverse("mfa_activate_totp") in settings_page
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response["Location"] == reverse("mfa_activate_totp")
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    return page.content.decode()


def test_activation_page_shows_the_qr_code_inline_and_the_secret(client, reporter, clock):
    log_in(client, reporter.user.email)

    page = open_activation(client)

    secret = client.session["mfa.totp.secret"]
    assert '<svg role="img" aria-label="QR-Code für Ihre Authenticator-App"' in page
    # A data: image would be blocked by the Content-Security-Policy.
    assert "data:image" not in page
    assert f'value="{secret}"' in page
    assert "otpauth://totp/" in page


def test_activating_with_a_code_from_the_app_protects_the_next_login(client, reporter, clock):
    log_in(client, reporter.user.email)
    open_activation(client)
    secret = client.session["mfa.totp.secret"]

    response = client.post(reverse("mfa_activate_totp"), {"code": totp(secret, clock.now)})

    assert response.status_code == 302
    assert Authenticator.objects.filter(user=reporter.user, type=Authenticator.Type.TOTP).exists()
    client.post(reverse("account_logout"))
    clock.advance(30)
    response = log_in(client, reporter.user.email)
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": totp(secret, clock.now)})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == reporter.user.pk
    assert "<strong>an</strong>" in client.get(reverse("accounts:settings")).content.decode()


def test_activating_with_a_wrong_code_is_refused_in_german(client, reporter, clock):
    log_in(client, reporter.user.email)
    open_activation(client)
    secret = client.session["mfa.totp.secret"]
    wrong = f"{(int(totp(secret, clock.now)) + 1) % 1_000_000:06d}"

    response = client.post(reverse("mfa_activate_totp"), {"code": wrong})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Falscher Code." in page
    assert 'id="id_code_error"' in page
    assert not Authenticator.objects.filter(user=reporter.user).exists()


def test_two_factor_pages_need_a_login(client, db):
    for name in ("mfa_index", "mfa_activate_totp"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
