"""The notifications list, the e-mail preferences and one-click unsubscribe."""

from __future__ import annotations

from django.contrib import messages
from django.core import signing
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from litfass.social import delivery, queries, services, tokens
from litfass.social.forms import PreferencesForm
from litfass.social.models import Notification
from litfass.social.views.common import login_required, user_of


@login_required
def notifications(request: HttpRequest) -> HttpResponse:
    """GET the list (newest first, "vor" pages); POST marks all as read."""
    user = user_of(request)
    if request.method == "POST":
        services.mark_all_read(user=user)
        return redirect("social:notifications")
    try:
        before = int(request.GET["vor"]) if "vor" in request.GET else None
    except ValueError:
        before = None
    page = queries.notifications_of(user, before)
    links = {n.pk: delivery.notification_url(n) for n in page.items}
    context = {"page": page, "links": links, "unread": sum(1 for n in page.items if not n.read_at)}
    response = render(request, "social/notifications.html", context)
    response["Cache-Control"] = "private, no-cache"
    return response


@login_required
@require_POST
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one notification as read and go to what it is about (404 for others')."""
    user = user_of(request)
    notification = queries.notification_for(pk, user)
    services.mark_read(notification=notification, by=user)
    return HttpResponseRedirect(delivery.notification_url(notification))


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    """E-mail per kind (immediately, daily digest, off) and whether likes show one's name."""
    user = user_of(request)
    initial: dict[str, object] = {
        f"email_{kind}": email for kind, email in queries.preferences_of(user).items()
    }
    initial["show_my_likes"] = queries.show_my_likes(user)
    form = PreferencesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.set_preferences(
                user=user, emails=form.emails(), show_my_likes=form.cleaned_data["show_my_likes"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your settings were saved."))
            return redirect("social:preferences")
    context = {"form": form, "mutes": queries.mutes_of(user), "follows": queries.follows_of(user)}
    status = 400 if request.method == "POST" else 200
    return render(request, "social/preferences.html", context, status=status)


# Mail clients POST the one-click unsubscribe (RFC 8058) without a CSRF token; the signed token
# in the URL is the proof, and all it can do is switch e-mails off.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a page with one button; POST: switch the e-mails of the link's kinds off."""
    if request.method == "POST":
        try:
            services.unsubscribe(token=token)
        except ValidationError:
            return render(request, "social/unsubscribe.html", {"invalid": True}, status=404)
        return render(request, "social/unsubscribe.html", {"done": True})
    try:
        _user_id, kinds = tokens.read_unsubscribe_token(token)
    except signing.BadSignature:
        return render(request, "social/unsubscribe.html", {"invalid": True}, status=404)
    labels = [Notification.Kind(kind).label for kind in kinds]
    return render(request, "social/unsubscribe.html", {"kinds": labels})
