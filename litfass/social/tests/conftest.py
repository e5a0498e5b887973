"""Helpers of the social tests: posts published at a chosen time, logged-in clients and pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from litfass.content.models import Post
from litfass.content.services import create_post, publish_post

# ``open_page(user=None)``: pages on the live server, optionally logged in (browser tests).
from litfass.content.tests.conftest import open_page

__all__ = ["open_page"]

BASE = timezone.now().replace(microsecond=0) - dt.timedelta(days=1)


@pytest.fixture
def post_at(town):
    """``post_at(author, headline, minutes=n, place=…, topic=…)``: published n minutes after a
    fixed base time (one day ago), so that the order of a list is known."""

    def make(author, headline="Beitrag", *, minutes=0, place=None, topic=None, **extra):
        post = create_post(
            kind=extra.pop("kind", Post.Kind.ARTICLE),
            author=author,
            headline=headline,
            body="<p>Text.</p>",
            place=place if place is not None else town.kaiserslautern,
            topic=topic,
            **extra,
        )
        return publish_post(post=post, at=BASE + dt.timedelta(minutes=minutes))

    return make


@pytest.fixture
def login():
    """``login(persona)``: a client logged in as the persona's user."""

    def make(persona):
        client = Client()
        client.force_login(persona.user)
        return client

    return make


@pytest.fixture
def htmx():
    return {"HTTP_HX_REQUEST": "true"}
