"""The editors' queue of submitted posts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from litfass.accounts.models import User
from litfass.content import queries, services
from litfass.content.forms import SendBackForm


@staff_member_required
def queue(request: HttpRequest) -> HttpResponse:
    posts = list(queries.review_queue()[:100])
    return render(request, "content/review.html", {"posts": posts, "form": SendBackForm()})


@staff_member_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)  # noqa: S101 - staff_member_required
    post = queries.review_queue().filter(pk=pk).first()
    if post is None:
        raise Http404("post")
    if request.POST.get("action") == "approve":
        services.approve_post(post=post, by=user)
        messages.success(request, _("“%(headline)s” is published.") % {"headline": post.headline})
        return redirect("content:review")
    form = SendBackForm(request.POST)
    if not form.is_valid():
        posts = list(queries.review_queue()[:100])
        context = {"posts": posts, "form": form, "failed": post.pk}
        return render(request, "content/review.html", context, status=400)
    try:
        services.send_back_post(post=post, by=user, note=form.cleaned_data["note"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("“%(headline)s” went back to its author.") % {"headline": post.headline}
        )
    return redirect("content:review")
