"""Helpers of the social views: the user, htmx requests, going back where the reader was."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from litfass.accounts.models import User


def user_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101 - guaranteed by login_required
    return request.user


def is_htmx(request: HttpRequest) -> bool:
    """Whether htmx sent the request and wants the partial, not a whole page."""
    return request.headers.get("HX-Request") == "true"


def back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    """Redirect to the ``next`` of the form if it is on this site, else to ``fallback``."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = fallback
    return HttpResponseRedirect(target)


def report(request: HttpRequest, error: ValidationError) -> None:
    """Show a service's ValidationError as messages on the next page."""
    for message in error.messages:
        messages.error(request, message)


def client_ip(request: HttpRequest) -> str | None:
    """The address the request came from, for the per-IP comment limit.

    Behind a proxy this is the proxy's address unless the proxy sets REMOTE_ADDR (e.g. with
    gunicorn's ``--forwarded-allow-ips``); see the report on wiring.
    """
    return request.META.get("REMOTE_ADDR") or None
