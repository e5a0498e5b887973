"""Helpers of the account tests: a strong password, logging in through the real form."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

PASSWORD = "correct horse 42"
NEW_PASSWORD = "Lautertal-Sonnenuhr-48"


def log_in(client: Client, email: str, password: str = PASSWORD, **extra: str):
    """Log in through allauth's form (which also records the time for reauthentication)."""
    return client.post(reverse("account_login"), {"login": email, "password": password, **extra})


def link_in(body: str, path_part: str) -> str:
    """The path of the first link in an e-mail body that contains ``path_part``."""
    match = re.search(r"https?://[^/\s]+(\S*" + re.escape(path_part) + r"\S*)", body)
    assert match, body
    return match.group(1)
