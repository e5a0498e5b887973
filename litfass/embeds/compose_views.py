"""The composer's embed dialogs: add, reorder and remove the embeds of a post, find our posts.

The dialogs live on the composer page (see the ``embed_dialogs`` tag). Their forms post here;
a refused link sends the writer back to the open dialog with the reason and the link as typed.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from litfass.accounts.models import User
from litfass.content.models import Post
from litfass.content.queries import post_for_writer
from litfass.embeds import queries, services
from litfass.embeds.conf import code_origin, site_base
from litfass.embeds.forms import CodeEmbedForm, EmbedLinkForm
from litfass.embeds.refs import KIND_NAMES, EmbedKind, EmbedRefused, Refusal

#: The session key of a dialog to open again, with what was typed and why it was refused.
REOPEN_KEY = "litfass_embed_dialog"


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101 - guaranteed by login_required
    return request.user


def _composer(post: Post, anchor: str) -> HttpResponse:
    return redirect(f"{reverse('content:compose', args=[post.pk])}#{anchor}")


def _reopen(
    request: HttpRequest,
    post: Post,
    dialog: str,
    values: dict[str, Any],
    errors: dict[str, list[str]],
) -> HttpResponse:
    request.session[REOPEN_KEY] = {
        "post": post.pk,
        "dialog": dialog,
        "values": values,
        "errors": errors,
    }
    return _composer(post, f"einbetten-{dialog}")


def _errors_of(error: ValidationError) -> dict[str, list[str]]:
    """A service's ValidationError by field ("__all__" for the form as a whole)."""
    if hasattr(error, "error_dict"):
        return {field: [str(m) for m in messages] for field, messages in error.message_dict.items()}
    return {"__all__": [str(message) for message in error.messages]}


def _form_errors(form: EmbedLinkForm | CodeEmbedForm) -> dict[str, list[str]]:
    return {field: [str(m) for m in messages] for field, messages in form.errors.items()}


@login_required
@require_POST
def add(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    post = post_for_writer(pk, user)
    dialog = request.POST.get("dialog", "")
    if dialog == EmbedKind.CODE:
        return _add_code(request, post, user)
    form = EmbedLinkForm(request.POST)
    typed = {name: request.POST.get(name, "") for name in ("url", "latitude", "longitude")}
    if dialog not in EmbedKind.__members__.values():
        messages.error(request, _("This embed dialog does not exist."))
        return _composer(post, "einbetten")
    if not form.is_valid():
        return _reopen(request, post, dialog, typed, _form_errors(form))
    try:
        services.add_embed(
            post=post, by=user, url=form.cleaned_data["url"], dialog=EmbedKind(dialog)
        )
    except EmbedRefused as refusal:
        return _reopen(request, post, dialog, typed, {"url": [refusal.reason]})
    except ValidationError as error:
        return _reopen(request, post, dialog, typed, _errors_of(error))
    messages.success(
        request, _("%(kind)s embedded below the text.") % {"kind": KIND_NAMES[EmbedKind(dialog)]}
    )
    return _composer(post, "einbetten")


def _add_code(request: HttpRequest, post: Post, user: User) -> HttpResponse:
    form = CodeEmbedForm(request.POST)
    typed = {name: request.POST.get(name, "") for name in ("title", "html", "height")}
    if not services.may_embed_code(user, post.author) or not code_origin():
        # No code dialog to go back to: the reason comes as a message.
        messages.error(request, EmbedRefused(Refusal.CODE_NOT_TRUSTED).reason)
        return _composer(post, "einbetten")
    if not form.is_valid():
        return _reopen(request, post, EmbedKind.CODE, typed, _form_errors(form))
    try:
        services.add_code_embed(post=post, by=user, **form.cleaned_data)
    except ValidationError as error:
        return _reopen(request, post, EmbedKind.CODE, typed, _errors_of(error))
    messages.success(request, _("The code is embedded below the text."))
    return _composer(post, "einbetten")


@login_required
@require_POST
def change(request: HttpRequest, pk: int, embed_pk: int) -> HttpResponse:
    user = _user(request)
    post = post_for_writer(pk, user)
    embed = queries.embed_for_writer(post, embed_pk)
    action = request.POST.get("action", "")
    if action == "remove":
        services.remove_embed(embed=embed, by=user)
        messages.success(request, _("The embed was removed."))
    elif action in {"up", "down"}:
        services.move_embed(embed=embed, by=user, offset=-1 if action == "up" else 1)
    return _composer(post, "einbetten")


@login_required
@require_GET
def search(request: HttpRequest, pk: int) -> HttpResponse:
    """Our published posts for the post, snapshot and event dialogs, found by headline.

    htmx asks for the result list only; without JavaScript the list comes as a page of its own.
    """
    post = post_for_writer(pk, _user(request))
    dialog = request.GET.get("dialog", "")
    if dialog not in queries.SEARCH_KINDS:
        dialog = EmbedKind.POST
    text = request.GET.get("q", "")[:100]
    context = {
        "post": post,
        "dialog": dialog,
        "dialog_name": KIND_NAMES[EmbedKind(dialog)],
        "q": text,
        "results": [
            (found, f"{site_base()}{found.get_absolute_url()}")
            for found in queries.search_posts(text, dialog, exclude=post.pk)
        ],
    }
    if request.headers.get("HX-Request"):
        return render(request, "embeds/search_results.html", context)
    return render(request, "embeds/search_page.html", context)
