"""Writing, editing, deleting and hiding comments; closing discussions; likes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from litfass.content.models import Post
from litfass.social import blocks, queries, services
from litfass.social.forms import CommentForm, EditCommentForm, HideCommentForm
from litfass.social.models import Comment
from litfass.social.views.common import (
    back,
    client_ip,
    is_htmx,
    login_required,
    report,
    user_of,
)


def _errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _comments_partial(request: HttpRequest, post: Post, form: Any = None) -> HttpResponse:
    context = blocks.comments_context(post, user_of(request), form=form)
    return render(request, "social/partials/comments.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def comment(request: HttpRequest, post_pk: int) -> HttpResponse:
    """POST writes a comment or reply: htmx gets the comment block, others the post page again.

    GET (where the login page returns to when the session ran out while writing) leads to the
    comment box of the post.
    """
    user = user_of(request)
    post = queries.published_post(post_pk)
    if request.method == "GET":
        return HttpResponseRedirect(f"{post.get_absolute_url()}#kommentieren")
    form = CommentForm(request.POST)
    if form.is_valid():
        reply_to = None
        if form.cleaned_data["reply_to"]:
            try:
                reply_to = queries.visible_comment(form.cleaned_data["reply_to"])
            except Http404:
                # Hidden or deleted while the reply was written: say so, keep the text.
                form.add_error("body", _("This comment cannot be replied to."))
    if form.is_valid():
        try:
            created = services.add_comment(
                post=post,
                by=user,
                body=form.cleaned_data["body"],
                reply_to=reply_to,
                ip=client_ip(request),
            )
        except ValidationError as exc:
            _errors(form, exc)
        else:
            if is_htmx(request):
                return _comments_partial(request, post)
            messages.success(request, _("Thank you, your comment is online."))
            return HttpResponseRedirect(f"{post.get_absolute_url()}#kommentar-{created.pk}")
    if is_htmx(request):
        return _comments_partial(request, post, form)
    context = {"post": post, "form": form, "action": request.path}
    return render(request, "social/comment_form.html", context, status=400)


def _comment_form_page(
    request: HttpRequest,
    target: Comment,
    form: forms.Form,
    template: str,
    save: Callable[[dict[str, Any]], object],
) -> HttpResponse:
    """A page with one form about a comment: on a valid POST ``save`` runs and the reader goes
    back to the comment; a refusal shows at the form, with what was typed."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as exc:
            _errors(form, exc)
        else:
            return HttpResponseRedirect(target.get_absolute_url())
    status = 400 if request.method == "POST" else 200
    context = {"post": target.post, "form": form, "comment": target, "action": request.path}
    return render(request, template, context, status=status)


@login_required
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit one's own comment within 15 minutes (404 for anybody else's)."""
    user = user_of(request)
    target = queries.own_comment(pk, user)
    form = EditCommentForm(request.POST or None, initial={"body": target.body})
    return _comment_form_page(
        request,
        target,
        form,
        "social/comment_edit.html",
        lambda data: services.edit_comment(comment=target, by=user, body=data["body"]),
    )


@login_required
@require_POST
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete one's own comment (404 for anybody else's)."""
    user = user_of(request)
    target = queries.own_comment(pk, user)
    services.delete_comment(comment=target, by=user)
    if is_htmx(request):
        return _comments_partial(request, target.post)
    messages.success(request, _("Your comment was deleted."))
    return HttpResponseRedirect(f"{target.post.get_absolute_url()}#kommentare")


@login_required
def hide(request: HttpRequest, pk: int) -> HttpResponse:
    """An editor hides a comment with a reason, or shows it again (404 for non-editors)."""
    user = user_of(request)
    target = queries.comment_for_editor(pk, user)
    form = HideCommentForm(request.POST or None)
    if request.method == "POST" and request.POST.get("action") == "unhide":
        try:
            services.unhide_comment(comment=target, by=user)
        except ValidationError as exc:
            report(request, exc)
        return HttpResponseRedirect(target.get_absolute_url())
    return _comment_form_page(
        request,
        target,
        form,
        "social/comment_hide.html",
        lambda data: services.hide_comment(comment=target, by=user, reason=data["reason"]),
    )


@login_required
@require_POST
def discussion(request: HttpRequest, post_pk: int) -> HttpResponse:
    """POST action=close|reopen by the author's members or an editor (403 for others)."""
    user = user_of(request)
    post = queries.published_post(post_pk)
    action = request.POST.get("action")
    if action == "close":
        services.close_discussion(post=post, by=user)
    elif action == "reopen":
        services.reopen_discussion(post=post, by=user)
    else:
        return HttpResponse(status=400)
    if is_htmx(request):
        return _comments_partial(request, post)
    return HttpResponseRedirect(f"{post.get_absolute_url()}#kommentare")


@login_required
@require_POST
def like_post(request: HttpRequest, pk: int) -> HttpResponse:
    """POST action=like|unlike; htmx gets the button, others go back to the post."""
    user = user_of(request)
    post = queries.published_post(pk)
    action = request.POST.get("action")
    if action not in {"like", "unlike"}:
        return HttpResponse(status=400)
    if action == "like":
        services.like_post(post=post, by=user)
    else:
        services.unlike_post(post=post, by=user)
    if is_htmx(request):
        return render(request, "social/partials/like.html", blocks.like_context(post, user))
    return back(request, post.get_absolute_url())


@login_required
@require_POST
def like_comment(request: HttpRequest, pk: int) -> HttpResponse:
    """POST action=like|unlike on a visible comment; htmx gets the comment block."""
    user = user_of(request)
    target: Comment = queries.visible_comment(pk)
    action = request.POST.get("action")
    if action not in {"like", "unlike"}:
        return HttpResponse(status=400)
    try:
        if action == "like":
            services.like_comment(comment=target, by=user)
        else:
            services.unlike_comment(comment=target, by=user)
    except ValidationError as exc:
        report(request, exc)
    if is_htmx(request):
        return _comments_partial(request, target.post)
    return HttpResponseRedirect(target.get_absolute_url())
