"""Embeds tests run against a fixed site (litfass.example) and code origin (embed.example.org).

``requires_app`` marks tests that need the app in INSTALLED_APPS (the CodeSnippet table and the
management command); they are skipped, with that reason, until the app is wired.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings as django_settings

from conftest import Persona, Town
from litfass.accounts.models import Profile
from litfass.accounts.services import create_profile, create_user

SITE = "https://litfass.example"
CODE_ORIGIN = "https://embed.example.org"

APP_INSTALLED = "litfass.embeds" in django_settings.INSTALLED_APPS
requires_app = pytest.mark.skipif(
    not APP_INSTALLED,
    reason="litfass.embeds is not in INSTALLED_APPS yet (needs its table or its command)",
)


@pytest.fixture(autouse=True)
def embed_settings(settings: Any) -> Any:
    settings.LITFASS_SITE_URL = SITE
    settings.LITFASS_CODE_EMBED_ORIGIN = CODE_ORIGIN
    settings.ALLOWED_HOSTS = ["litfass.example", "www.litfass.example", "embed.example.org"]
    for name in ("LITFASS_MASTODON_INSTANCES", "LITFASS_EMBED_PROVIDERS"):
        if hasattr(settings, name):
            delattr(settings, name)
    return settings


@pytest.fixture
def editor(town: Town) -> Persona:
    """A member of the editorial team's profile: trusted to embed code, but not staff."""
    user = create_user(username="erika", email="erika@example.org", password="correct horse 42")
    desk = create_profile(
        display_name="Redaktion Westpfalz",
        kind=Profile.Kind.EDITORIAL,
        home_place=town.kaiserslautern,
        owner=user,
    )
    return Persona(user, desk)
