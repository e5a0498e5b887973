"""Account pages: the personal profile, organisations, members and invitations.

Views parse input, fetch with the access check of ``queries`` (404 for "missing" and "not
yours" alike), make one service call and respond. Registration, login, password and two-factor
pages are allauth's, with our templates.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from litfass.accounts import queries, services
from litfass.accounts.forms import (
    BaseLinkFormSet,
    InviteForm,
    LinkFormSet,
    OrganisationForm,
    ProfileForm,
    RoleForm,
)
from litfass.accounts.models import Membership, Profile, User


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101 - guaranteed by login_required
    return request.user


def _data(request: HttpRequest) -> Any:
    """The posted data, or None for a GET (so that the form is unbound)."""
    return request.POST if request.method == "POST" else None


def _add_service_error(form: BaseForm, error: ValidationError) -> None:
    """Show a service's ValidationError at the form field it names, else above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _profile_initial(profile: Profile | None) -> dict[str, Any]:
    if profile is None:
        return {}
    return {
        "display_name": profile.display_name,
        "home_place": profile.home_place_id,
        "bio": profile.bio,
    }


def _edit_profile(
    request: HttpRequest, profile: Profile | None, *, organisation: bool
) -> tuple[ProfileForm, BaseLinkFormSet, bool]:
    """Bind the profile form and link rows; save through the services if both are valid."""
    user = _user(request)
    data = _data(request)
    form = ProfileForm(
        data,
        request.FILES if data is not None else None,
        initial=_profile_initial(profile),
        organisation=organisation,
    )
    links = LinkFormSet(data, initial=profile.links if profile else [], prefix="links")
    if data is None or not all([form.is_valid(), links.is_valid()]):
        return form, links, False
    fields = {**form.cleaned_data, "links": links.links()}
    try:
        if profile is None or not organisation:
            services.save_personal_profile(user=user, **fields)
        else:
            services.update_profile(profile=profile, by=user, **fields)
    except ValidationError as error:
        _add_service_error(form, error)
        return form, links, False
    return form, links, True


@login_required
def profile_settings(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    profile = queries.personal_profile(user)
    form, links, saved = _edit_profile(request, profile, organisation=False)
    if saved:
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:settings")
    context = {
        "form": form,
        "links": links,
        "profile": profile,
        "two_factor": queries.two_factor_enabled(user),
    }
    return render(request, "accounts/settings.html", context)


@login_required
def organisations(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    context = {
        "memberships": queries.organisations_of(user),
        "invitations": queries.invitations_for(user),
    }
    return render(request, "accounts/organisations.html", context)


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            profile = services.create_organisation(by=_user(request), **form.cleaned_data)
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(
                request,
                _("“%(name)s” has been created. You are its owner.")
                % {"name": profile.display_name},
            )
            return redirect("accounts:organisation", pk=profile.pk)
    return render(request, "accounts/organisation_create.html", {"form": form})


def _organisation_page(
    request: HttpRequest, membership: Membership, invite_form: InviteForm | None = None
) -> HttpResponse:
    profile = membership.profile
    is_owner = membership.role == Membership.Role.OWNER
    context = {
        "membership": membership,
        "profile": profile,
        "is_owner": is_owner,
        "members": queries.members_of(profile),
        "invitations": queries.open_invitations(profile) if is_owner else [],
        "invite_form": invite_form or InviteForm(),
        "roles": Membership.Role.choices,
    }
    return render(request, "accounts/organisation.html", context)


@login_required
def organisation(request: HttpRequest, pk: int) -> HttpResponse:
    return _organisation_page(request, queries.organisation_membership(_user(request), pk))


@login_required
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    profile = queries.owner_membership(_user(request), pk).profile
    form, links, saved = _edit_profile(request, profile, organisation=True)
    if saved:
        messages.success(request, _("The profile has been saved."))
        return redirect("accounts:organisation", pk=profile.pk)
    context = {"form": form, "links": links, "profile": profile}
    return render(request, "accounts/organisation_edit.html", context)


@login_required
@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    membership = queries.owner_membership(user, pk)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invite_member(
                profile=membership.profile,
                by=user,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                site_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            _add_service_error(form, error)
        else:
            messages.success(
                request,
                _("The invitation to %(email)s has been sent.") % {"email": invitation.email},
            )
            return redirect("accounts:organisation", pk=pk)
    return _organisation_page(request, membership, invite_form=form)


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    invitation = queries.managed_invitation(user, pk)
    services.revoke_invitation(invitation=invitation, by=user)
    messages.success(
        request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email}
    )
    return redirect("accounts:organisation", pk=invitation.profile_id)


@login_required
@require_POST
def member_role(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    membership = queries.managed_membership(user, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(str(error) for error in form.errors["role"]))
        return redirect("accounts:organisation", pk=membership.profile_id)
    try:
        services.change_role(membership=membership, role=form.cleaned_data["role"], by=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The role has been changed."))
    return redirect("accounts:organisation", pk=membership.profile_id)


@login_required
@require_POST
def member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    membership = queries.managed_membership(user, pk)
    try:
        services.remove_member(membership=membership, by=user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accounts:organisation", pk=membership.profile_id)
    if membership.user_id == user.pk:
        messages.success(request, _("You have left “%(name)s”.") % {"name": membership.profile})
        return redirect("accounts:organisations")
    messages.success(request, _("The member has been removed."))
    return redirect("accounts:organisation", pk=membership.profile_id)


@login_required
@require_POST
def leave(request: HttpRequest, pk: int) -> HttpResponse:
    membership = queries.organisation_membership(_user(request), pk)
    try:
        services.leave_organisation(membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("accounts:organisation", pk=pk)
    messages.success(request, _("You have left “%(name)s”.") % {"name": membership.profile})
    return redirect("accounts:organisations")


def invitation(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the invitation e-mail: whoever holds it sees the invitation; only the
    invited person, logged in with the invited address, can accept or decline it."""
    found = queries.open_invitation_by_token(token)
    user = request.user if isinstance(request.user, User) else None
    is_for_user = user is not None and queries.invitation_is_for(found, user)
    if request.method == "POST":
        if user is None or not is_for_user:
            raise Http404("invitation")
        if "decline" in request.POST:
            services.decline_invitation(invitation=found, user=user)
            messages.success(request, _("You have declined the invitation."))
            return redirect("accounts:organisations")
        services.accept_invitation(invitation=found, user=user)
        messages.success(
            request,
            _("Welcome to “%(name)s”. You can now write in its name.") % {"name": found.profile},
        )
        return redirect("accounts:organisation", pk=found.profile_id)
    next_query = urlencode({"next": request.path})
    context = {
        "invitation": found,
        "is_for_user": is_for_user,
        "login_url": f"{reverse('account_login')}?{next_query}",
        "signup_url": f"{reverse('account_signup')}?{next_query}",
    }
    response = render(request, "accounts/invitation.html", context)
    response["Cache-Control"] = "private, no-store"
    return response
