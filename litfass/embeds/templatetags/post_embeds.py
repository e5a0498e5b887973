"""``{% load post_embeds %}``: the embeds below a post's text, and the composer's dialogs.

``{% post_embeds post %}`` renders a post's embeds on reading pages (one query for the list,
one for all cards of our posts, one for code frames). ``{% embed_dialogs post %}`` is the
composer's embed section: the list with reorder and remove, and the seven dialogs.
"""

from __future__ import annotations

from typing import Any, Protocol

from django import template
from django.http import HttpRequest
from django.template.context import Context
from django.utils.translation import gettext as _

from litfass.accounts.models import User
from litfass.content.models import Post
from litfass.embeds import queries, services
from litfass.embeds.compose_views import REOPEN_KEY
from litfass.embeds.conf import code_origin
from litfass.embeds.forms import CodeEmbedForm, EmbedLinkForm
from litfass.embeds.parser import supported_names
from litfass.embeds.refs import KIND_NAMES, EmbedKind
from litfass.embeds.rendering import render_embed_urls

register = template.Library()


class _WithEmbeds(Protocol):
    """A post as its page holds it (``PostRow`` or ``Post``): its id and number of embeds."""

    @property
    def pk(self) -> int: ...
    @property
    def embed_count(self) -> int: ...
    @property
    def is_published(self) -> bool: ...


@register.inclusion_tag("embeds/post_embeds.html")
def post_embeds(post: _WithEmbeds) -> dict[str, Any]:
    """The embeds of a post for readers, with the consent script once; nothing if none (and
    then not a single query)."""
    if not post.embed_count:
        return {"embeds": []}
    urls = [embed.url for embed in queries.embeds_of(post.pk)]
    # A draft's preview (only its writers and the editors see it) shows code by signed address.
    shown = render_embed_urls(urls, preview=not post.is_published)
    return {"embeds": [markup for markup in shown if markup]}


def _help(kind: EmbedKind) -> str:
    if kind in {EmbedKind.VIDEO, EmbedKind.SOCIAL, EmbedKind.MAP}:
        names = supported_names(kind)
        text = {
            EmbedKind.VIDEO: _(
                "Paste the link of a single video (not a playlist, channel or live stream)."
            ),
            EmbedKind.SOCIAL: _("Paste the link of a single post (not a profile or hashtag page)."),
            EmbedKind.MAP: _(
                "Paste the link of a point or area on the map, or enter the coordinates of a point."
            ),
        }[kind]
        return f"{text} " + _("Supported: %(names)s.") % {"names": names}
    return {
        EmbedKind.CODE: _(
            "For widgets that no other dialog covers. Where they fit, use the video, social "
            "media, map and post dialogs or a link instead: they are safer and load nothing "
            "until readers agree. The code runs without warranty in an isolated frame."
        ),
        EmbedKind.POST: _(
            "Search for an article or photo gallery of this site, or paste its link."
        ),
        EmbedKind.SNAPSHOT: _("Search for a snapshot of this site, or paste its link."),
        EmbedKind.EVENT: _("Search for an event or photo gallery of this site, or paste its link."),
    }[kind]


def _refused_form(
    form_class: type[EmbedLinkForm] | type[CodeEmbedForm],
    kind: EmbedKind,
    values: dict[str, Any],
    errors: dict[str, list[str]],
    auto_id: str,
) -> EmbedLinkForm | CodeEmbedForm:
    """The dialog's form as the writer sent it, each reason at its field, the first of those
    fields focused when the dialog opens again."""
    form = form_class(data={**values, "dialog": kind.value}, auto_id=auto_id)
    form.is_valid()
    for field, messages in errors.items():
        name = field if field in form.fields else None
        known = [str(m) for m in form.errors.get(field, [])]
        for message in messages:
            if message not in known:
                form.add_error(name, message)
    first = next((name for name in form.fields if name in form.errors), None)
    if first is None:
        first = "title" if kind == EmbedKind.CODE else "url"
    form.fields[first].widget.attrs["autofocus"] = True
    return form


def _dialogs(request: HttpRequest, post: Post, user: User) -> list[dict[str, Any]]:
    reopen = request.session.pop(REOPEN_KEY, None)
    if not isinstance(reopen, dict) or reopen.get("post") != post.pk:
        reopen = None
    with_code = bool(code_origin()) and services.may_embed_code(user, post.author)
    kinds: list[EmbedKind] = [kind for kind in EmbedKind if with_code or kind != EmbedKind.CODE]
    dialogs = []
    for kind in kinds:
        is_open = reopen is not None and reopen.get("dialog") == kind.value
        values = reopen.get("values", {}) if reopen and is_open else {}
        if kind == EmbedKind.MAP and not values and post.place is not None:
            # Start from the post's place; the writer moves the point from there.
            values = {"latitude": post.place.latitude, "longitude": post.place.longitude}
        form_class = CodeEmbedForm if kind == EmbedKind.CODE else EmbedLinkForm
        prefix = f"id_embed_{kind.value}_%s"
        if is_open and reopen is not None:
            form = _refused_form(form_class, kind, values, reopen.get("errors", {}), prefix)
        else:
            form = form_class(initial={"dialog": kind.value, **values}, auto_id=prefix)
        dialogs.append(
            {
                "kind": kind.value,
                "name": KIND_NAMES[kind],
                "help": _help(kind),
                "form": form,
                "open": is_open,
                "search": kind in {EmbedKind.POST, EmbedKind.SNAPSHOT, EmbedKind.EVENT},
                "point": kind == EmbedKind.MAP,
            }
        )
    return dialogs


@register.inclusion_tag("embeds/compose_section.html", takes_context=True)
def embed_dialogs(context: Context, post: Post) -> dict[str, Any]:
    request = context["request"]
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - the composer is for logged-in writers
    stored = queries.embeds_of(post.pk)
    markup = render_embed_urls([embed.url for embed in stored], preview=True)
    embeds = [
        {
            "embed": embed,
            "name": KIND_NAMES.get(EmbedKind(embed.kind), embed.kind),
            "markup": shown,
        }
        for embed, shown in zip(stored, markup, strict=True)
    ]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "post": post,
        "embeds": embeds,
        "dialogs": _dialogs(request, post, user),
    }
