"""Helpers of the social views: the user, htmx requests, going back where the reader was."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme

from litfass.accounts.models import User

View = Callable[..., HttpResponse]


def user_of(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101 - guaranteed by login_required
    return request.user


def is_htmx(request: HttpRequest) -> bool:
    """Whether htmx sent the request and wants the partial, not a whole page."""
    return request.headers.get("HX-Request") == "true"


def login_required(view: View) -> View:
    """Django's ``login_required``, but an htmx request of a logged-out visitor (an expired
    session) gets ``HX-Redirect`` to the login page, which then returns to the page the button
    was on, instead of the login page swapped into the button."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            return view(request, *args, **kwargs)
        if not is_htmx(request):
            return redirect_to_login(request.get_full_path())
        response = HttpResponse(status=204)
        response["HX-Redirect"] = redirect_to_login(_current_path(request)).url
        return response

    return wrapper


def _current_path(request: HttpRequest) -> str:
    # The page the button was on: htmx names it, and most forms carry it as "next". Only a page
    # of this site counts.
    for candidate in (request.headers.get("HX-Current-URL", ""), request.POST.get("next", "")):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            parts = urlsplit(candidate)
            return parts.path + (f"?{parts.query}" if parts.query else "")
    return request.get_full_path()


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

    When the connection comes from a trusted proxy (``LITFASS_TRUSTED_PROXIES``, by default
    the machine itself, where nginx or Caddy run), the address is the last one in
    X-Forwarded-For that is not a trusted proxy: what the client wrote there itself stands
    further left and is not believed.
    """
    remote: str | None = request.META.get("REMOTE_ADDR") or None
    if remote is None or not _trusted_proxy(remote):
        return remote
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", ""))
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if not _valid_ip(hop):
            break
        if not _trusted_proxy(hop):
            return hop
    return remote


def _valid_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


def _trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    for network in settings.LITFASS_TRUSTED_PROXIES:
        try:
            if ip in ipaddress.ip_network(network, strict=False):
                return True
        except ValueError:
            continue
    return False
