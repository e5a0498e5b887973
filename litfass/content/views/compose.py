"""The composer: start, write, illustrate, publish and delete posts."""

from __future__ import annotations

import secrets
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_POST

from litfass.accounts.models import User
from litfass.accounts.queries import profiles_user_can_post_as
from litfass.content import queries, services
from litfass.content.forms import EventForm, NewPostForm, PictureForm, PostForm, UploadForm
from litfass.content.models import Post
from litfass.content.services.posts import teaser_from

# The rich-text editor (TipTap) injects one fixed <style> element; the composer allows exactly
# that element by its hash, everything else keeps the strict policy.
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
_policy = cast(dict[str, list[str]], settings.SECURE_CSP)
editor_csp = csp_override({**_policy, "style-src": [*_policy["style-src"], EDITOR_STYLE_HASH]})


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # noqa: S101 - guaranteed by login_required
    return request.user


@login_required
def new_post(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    authors = profiles_user_can_post_as(user)
    form = NewPostForm(
        request.POST or None,
        authors=authors,
        initial={"kind": request.GET.get("art", Post.Kind.ARTICLE), "token": _token()},
    )
    if request.method == "POST" and form.is_valid():
        post = services.start_post(
            kind=form.cleaned_data["kind"],
            author=form.cleaned_data["author"],
            by=user,
            token=form.cleaned_data["token"],
        )
        return redirect("content:compose", pk=post.pk)
    return render(request, "content/compose_new.html", {"form": form, "authors": authors})


def _token() -> str:
    return secrets.token_urlsafe(24)


def _initial(post: Post) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "kicker": post.kicker,
        "headline": post.headline,
        "teaser": "" if post.teaser == teaser_from(post.body) else post.teaser,
        "body": post.body,
        "place": post.place_id,
        "topic": post.topic_id,
        "version": post.version,
    }
    if post.kind == Post.Kind.EVENT and hasattr(post, "event"):
        event = post.event
        initial |= {f: getattr(event, f) for f in EventForm.base_fields}
    return initial


def _compose_context(
    request: HttpRequest,
    post: Post,
    *,
    form: PostForm | None = None,
    event_form: EventForm | None = None,
    upload_form: UploadForm | None = None,
    stale: services.StaleEditError | None = None,
) -> dict[str, Any]:
    user = _user(request)
    autosaved = queries.autosave_of(post, user)
    initial = _initial(post)
    restored = False
    if form is None and autosaved is not None and request.GET.get("autosave") != "verwerfen":
        initial |= autosaved.data
        restored = True
    return {
        "post": post,
        "form": form or PostForm(initial=initial, kind=post.kind),
        "event_form": event_form
        or (EventForm(initial=initial) if post.kind == Post.Kind.EVENT else None),
        "upload_form": upload_form or UploadForm(auto_id="id_upload_%s"),
        "pictures": [
            (image, PictureForm(initial=_picture_initial(image), auto_id=f"id_bild{image.pk}_%s"))
            for image in queries.pictures_of(post)
        ],
        "restored": restored and autosaved,
        "stale": stale,
        "publish_directly": services.can_publish_directly(user),
    }


def _picture_initial(image: Any) -> dict[str, Any]:
    return {
        "credit": image.credit,
        "alt_text": image.alt_text,
        "caption": image.caption,
        "focal_x": round(image.focal_x * 100),
        "focal_y": round(image.focal_y * 100),
    }


@login_required
@editor_csp
def compose(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    post = queries.post_for_writer(pk, user)
    if request.method != "POST":
        return render(request, "content/compose.html", _compose_context(request, post))
    form = PostForm(request.POST, kind=post.kind)
    event_form = EventForm(request.POST) if post.kind == Post.Kind.EVENT else None
    if not form.is_valid() or (event_form is not None and not event_form.is_valid()):
        context = _compose_context(request, post, form=form, event_form=event_form)
        return render(request, "content/compose.html", context, status=400)
    try:
        post = _save(post, user, form, event_form)
    except services.StaleEditError as stale:
        # The next save knowingly replaces the other version; both texts are on the page.
        data = request.POST.copy()
        data["version"] = str(stale.post.version)
        form = PostForm(data, kind=post.kind)
        form.is_valid()
        context = _compose_context(
            request, stale.post, form=form, event_form=event_form, stale=stale
        )
        return render(request, "content/compose.html", context, status=409)
    except ValidationError as error:
        for message in error.messages:
            form.add_error(None, message)
        context = _compose_context(request, post, form=form, event_form=event_form)
        return render(request, "content/compose.html", context, status=400)
    return _after_save(request, post, user, request.POST.get("action", "save"))


def _save(post: Post, user: User, form: PostForm, event_form: EventForm | None) -> Post:
    data = form.cleaned_data
    post = services.edit_post(
        post=post,
        by=user,
        headline=data["headline"],
        kicker=data.get("kicker", ""),
        teaser=data.get("teaser", ""),
        body=data.get("body", ""),
        place=data.get("place"),
        topic=data.get("topic"),
        event=event_form.event_data() if event_form is not None else None,
        base_version=data["version"],
    )
    services.discard_autosave(post=post, by=user)
    return post


def _after_save(request: HttpRequest, post: Post, user: User, action: str) -> HttpResponse:
    if action == "publish":
        try:
            post = services.submit_post(post=post, by=user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("content:compose", pk=post.pk)
        if post.status == Post.Status.PUBLISHED:
            messages.success(request, _("Your post is published."))
            return redirect(post.get_absolute_url())
        messages.success(
            request, _("Thank you! Your post was sent to the editors and appears once approved.")
        )
        return redirect("content:my_area")
    if action == "unpublish":
        services.unpublish_post(post=post, by=user)
        messages.success(request, _("Your post is no longer visible to readers."))
    elif action == "preview":
        return redirect(post.get_absolute_url())
    else:
        messages.success(request, _("Saved."))
    return redirect("content:compose", pk=post.pk)


@login_required
@editor_csp
@require_POST
def upload(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    post = queries.post_for_writer(pk, user)
    form = UploadForm(request.POST, request.FILES, auto_id="id_upload_%s")
    if form.is_valid():
        failed = 0
        for upload_file in form.cleaned_data["pictures"]:
            try:
                services.add_picture(
                    post=post,
                    data=upload_file.read(),
                    credit=form.cleaned_data["credit"],
                    alt_text=form.cleaned_data["alt_text"],
                    caption=form.cleaned_data["caption"],
                    by=user,
                )
            except ValidationError as error:
                failed += 1
                for message in error.messages:
                    form.add_error("pictures", f"{upload_file.name}: {message}")
        if not failed:
            messages.success(request, _("The pictures were added."))
            return redirect("content:compose", pk=post.pk)
    post.refresh_from_db()
    context = _compose_context(request, post, upload_form=form)
    return render(request, "content/compose.html", context, status=400)


@login_required
@require_POST
def picture(request: HttpRequest, pk: int, image_pk: int) -> HttpResponse:
    user = _user(request)
    post = queries.post_for_writer(pk, user)
    image = queries.picture_for_writer(post, image_pk)
    action = request.POST.get("action", "save")
    if action == "remove":
        services.remove_picture(image=image, by=user)
        messages.success(request, _("The picture was removed."))
    elif action in {"up", "down"}:
        services.move_picture(image=image, by=user, offset=-1 if action == "up" else 1)
    else:
        form = PictureForm(request.POST)
        if not form.is_valid():
            for field_errors in form.errors.get_json_data().values():
                for entry in field_errors:
                    messages.error(request, str(entry["message"]))
            return redirect(f"{request.path.rsplit('/bilder/', 1)[0]}/#bild-{image.pk}")
        data = form.cleaned_data
        services.update_picture(
            image=image,
            by=user,
            credit=data["credit"],
            alt_text=data["alt_text"],
            caption=data["caption"],
            focal_x=data["focal_x"] / 100,
            focal_y=data["focal_y"] / 100,
        )
        messages.success(request, _("The picture was updated."))
    return redirect("content:compose", pk=post.pk)


@login_required
@require_POST
def autosave(request: HttpRequest, pk: int) -> JsonResponse:
    user = _user(request)
    post = queries.post_for_writer(pk, user)
    try:
        version = int(request.POST.get("version", post.version))
    except ValueError:
        version = post.version
    entry = services.autosave(post=post, by=user, data=request.POST.dict(), base_version=version)
    return JsonResponse(
        {"saved_at": entry.updated_at.isoformat(), "stale": version != post.version}
    )


@login_required
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    post = queries.post_for_writer(pk, user)
    if request.method == "POST":
        services.delete_post(post=post, by=user)
        messages.success(request, _("The post was deleted."))
        return redirect("content:my_area")
    return render(request, "content/compose_delete.html", {"post": post})


@login_required
def history(request: HttpRequest, pk: int) -> HttpResponse:
    post = queries.post_for_writer(pk, _user(request))
    revisions = [
        (revision, [(_change_label(name), pair) for name, pair in revision.changes.items()])
        for revision in queries.history(post)
    ]
    return render(request, "content/history.html", {"post": post, "revisions": revisions})


# Changes the history records that are not fields of the post.
CHANGE_LABELS = {
    "picture": gettext_lazy("Picture"),
    "embeds": gettext_lazy("Embeds"),
    "event": gettext_lazy("Date and place of the event"),
}


def _change_label(name: str) -> str:
    """The translated name of a changed field, as the writer knows it from the composer."""
    if name in CHANGE_LABELS:
        return str(CHANGE_LABELS[name]).capitalize()
    try:
        field = Post._meta.get_field(name)
    except FieldDoesNotExist:
        return name
    return str(getattr(field, "verbose_name", name)).capitalize()


@login_required
def my_area(request: HttpRequest) -> HttpResponse:
    posts = list(queries.my_posts(_user(request))[:200])
    groups = {
        status: [p for p in posts if p.status == status]
        for status in (
            Post.Status.DRAFT,
            Post.Status.PENDING,
            Post.Status.PUBLISHED,
            Post.Status.UNPUBLISHED,
        )
    }
    return render(request, "content/my_area.html", {"groups": groups})
