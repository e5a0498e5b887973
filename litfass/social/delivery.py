"""The bodies of the background work: fan-out of new posts, immediate e-mails and digests.

Called by :mod:`litfass.social.tasks` and the management commands, never from a request. The
database row is the truth everywhere: a notification is claimed (``emailed_at`` or
``digested_at`` set) in the same transaction that selects it, and only then sent, so a task that
runs twice, or two cron runs that overlap, send nothing twice. The price is at-most-once: a mail
server that fails after the claim loses that one e-mail (the bell still shows it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from litfass.accounts.models import User
from litfass.content.models import Post
from litfass.social import notices, tokens
from litfass.social.models import (
    Follow,
    Mute,
    Notification,
    PostFanout,
    SocialSettings,
    notification_still_shown,
)

Kind = Notification.Kind
Delivery = Notification.Delivery

# Followers told per transaction by the fan-out of a new post.
FANOUT_BATCH = 1000
# A digest goes out at most once in this time, however often cron runs the command.
DIGEST_MIN_INTERVAL = dt.timedelta(hours=20)
# A fan-out claimed longer ago than this and not done is taken up again by the next scan.
FANOUT_RETRY_AFTER = dt.timedelta(minutes=30)


def site_url() -> str:
    """The absolute root of links in e-mails (``LITFASS_SITE_URL``)."""
    return str(getattr(settings, "LITFASS_SITE_URL", "http://localhost:8000/"))


def absolute(path: str) -> str:
    return urljoin(site_url(), path)


def _with_targets(queryset: QuerySet[Notification]) -> QuerySet[Notification]:
    return queryset.select_related(
        "recipient",
        "actor__personal_profile",
        "post__author",
        "post__place",
        "post__event",
        "comment",
        "profile",
    )


# --- fan-out of a new post -----------------------------------------------------------------------


def fan_out(
    post_id: int,
    *,
    send: Callable[[list[int]], None],
    now: dt.datetime | None = None,
    batch_size: int = FANOUT_BATCH,
) -> int:
    """Tell every follower of the post's author about it; return how many were told.

    Followers are read in batches by id (keyset, no offset) and each batch is written with one
    ``bulk_create`` in a transaction of its own, so a large fan-out never holds the database for
    long. ``send`` receives the ids of each batch's immediate notifications inside that
    transaction (the task enqueues their e-mails on commit). Readers who muted the author, and
    readers told already by an earlier, interrupted run, are skipped.
    """
    at = now or timezone.now()
    post = (
        Post.objects.select_related("author")
        .filter(pk=post_id, status=Post.Status.PUBLISHED, deleted_at__isnull=True)
        .first()
    )
    fanout = PostFanout.objects.filter(pk=post_id).first()
    if fanout is not None and fanout.done_at is not None:
        return 0
    told = 0
    if post is not None:
        followers = (
            Follow.objects.filter(profile_id=post.author_id)
            .exclude(
                follower_id__in=Mute.objects.filter(profile_id=post.author_id).values("user_id")
            )
            .exclude(
                follower_id__in=Notification.objects.filter(
                    kind=Kind.FOLLOWED_POST, post_id=post.pk
                ).values("recipient_id")
            )
            .order_by("follower_id")
            .values_list("follower_id", flat=True)
        )
        last = 0
        while True:
            batch = list(followers.filter(follower_id__gt=last)[:batch_size])
            if not batch:
                break
            last = batch[-1]
            with transaction.atomic():
                rows = notices.build(
                    recipients=batch,
                    kind=Kind.FOLLOWED_POST,
                    now=at,
                    post=post,
                    profile=post.author,
                )
                Notification.objects.bulk_create(rows)
                immediate = [n.pk for n in rows if n.email == Delivery.IMMEDIATE]
                if immediate:
                    send(immediate)
            told += len(rows)
    PostFanout.objects.update_or_create(
        post_id=post_id,
        defaults={"done_at": at, "notified": told},
        create_defaults={"claimed_at": at, "done_at": at, "notified": told},
    )
    return told


def claim_new_posts(*, now: dt.datetime | None = None, lookback: dt.timedelta) -> list[int]:
    """Claim published posts not fanned out yet (published within ``lookback``); return ids.

    A claim is a :class:`PostFanout` row; a claim older than :data:`FANOUT_RETRY_AFTER` that
    never finished (a lost task) is claimed again.
    """
    at = now or timezone.now()
    recent = Post.objects.filter(
        status=Post.Status.PUBLISHED,
        deleted_at__isnull=True,
        published_at__gte=at - lookback,
        published_at__lte=at,
    )
    with transaction.atomic():
        new = list(
            recent.exclude(pk__in=PostFanout.objects.values("post_id"))
            .order_by("published_at", "id")
            .values_list("pk", flat=True)
        )
        PostFanout.objects.bulk_create(
            [PostFanout(post_id=pk, claimed_at=at) for pk in new], ignore_conflicts=True
        )
        stale = list(
            PostFanout.objects.select_for_update(skip_locked=True)
            .filter(done_at__isnull=True, claimed_at__lt=at - FANOUT_RETRY_AFTER)
            .values_list("post_id", flat=True)
        )
        PostFanout.objects.filter(post_id__in=stale).update(claimed_at=at)
    return new + stale


# --- immediate e-mails ---------------------------------------------------------------------------


def send_immediate(ids: Iterable[int], *, now: dt.datetime | None = None) -> int:
    """E-mail the given immediate notifications not e-mailed yet; return how many were sent."""
    at = now or timezone.now()
    with transaction.atomic():
        pending = list(
            Notification.objects.select_for_update(skip_locked=True)
            .filter(pk__in=list(ids), email=Delivery.IMMEDIATE, emailed_at__isnull=True)
            .values_list("pk", flat=True)
        )
        Notification.objects.filter(pk__in=pending).update(emailed_at=at)
    # Claimed either way; what was withdrawn meanwhile is not sent.
    shown = Notification.objects.filter(pk__in=pending).filter(notification_still_shown())
    notifications = list(_with_targets(shown))
    messages = [notification_message(n) for n in notifications if n.recipient.email]
    if messages:
        mailers.default.send_messages(messages)
    return len(messages)


def _unsubscribe_headers(url: str) -> dict[str, str]:
    # RFC 8058: a mail client offers "unsubscribe" and POSTs "List-Unsubscribe=One-Click".
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def unsubscribe_url(user_id: int, kinds: list[str]) -> str:
    token = tokens.unsubscribe_token(user_id, kinds)
    return absolute(reverse("social:unsubscribe", kwargs={"token": token}))


def notification_url(notification: Notification) -> str:
    """Where a notification leads: the comment, the post, or the list of followers."""
    if notification.comment is not None and notification.post is not None:
        return f"{notification.post.get_absolute_url()}#kommentar-{notification.comment.pk}"
    if notification.post is not None:
        return notification.post.get_absolute_url()
    if notification.kind == Kind.FOLLOWER and notification.profile is not None:
        return reverse("social:followers", kwargs={"slug": notification.profile.slug})
    return reverse("social:notifications")


def notification_message(notification: Notification) -> EmailMessage:
    """The e-mail of one notification, in the site's language, with one-click unsubscribe."""
    unsubscribe = unsubscribe_url(notification.recipient_id, [notification.kind])
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "n": notification,
            "url": absolute(notification_url(notification)),
            "settings_url": absolute(reverse("social:preferences")),
            "unsubscribe_url": unsubscribe,
            "site_name": settings.LITFASS_SITE_NAME,
        }
        subject = render_to_string("social/email/notification_subject.txt", context)
        body = render_to_string("social/email/notification.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[notification.recipient.email],
        headers=_unsubscribe_headers(unsubscribe),
    )


# --- daily digests -------------------------------------------------------------------------------


@dataclass
class DigestGroup:
    """The notifications about one post (or, without a post, of one kind), newest first."""

    post: Post | None
    url: str  # absolute: where the group's newest notification leads
    items: list[Notification] = field(default_factory=list)


@dataclass
class DigestSection:
    """The groups of one place, newest group first."""

    place: str
    groups: list[DigestGroup] = field(default_factory=list)


def digest_sections(notifications: list[Notification]) -> list[DigestSection]:
    """Group a digest's notifications by place and post, newest first at every level.

    ``notifications`` must come newest first. Notifications without a post (new followers) form
    one group per kind in a section without a place name.
    """
    sections: dict[str, DigestSection] = {}
    groups: dict[tuple[str, int | str], DigestGroup] = {}
    for n in notifications:
        post = n.post
        place = post.place.name if post is not None and post.place is not None else ""
        section = sections.setdefault(place, DigestSection(place))
        key: tuple[str, int | str] = (place, post.pk if post is not None else n.kind)
        group = groups.get(key)
        if group is None:
            group = groups[key] = DigestGroup(post, absolute(notification_url(n)))
            section.groups.append(group)
        group.items.append(n)
    return list(sections.values())


def send_digests(*, now: dt.datetime | None = None) -> int:
    """Send every due digest; return how many e-mails went out.

    A reader is due when they have digest notifications not digested yet and got no digest in
    the last :data:`DIGEST_MIN_INTERVAL`. Each reader's notifications are claimed (``digested_at``)
    in one transaction with their ``last_digest_at``, then mailed.
    """
    at = now or timezone.now()
    pending = Notification.objects.filter(
        email=Delivery.DIGEST, digested_at__isnull=True, created_at__lte=at
    )
    recipients = set(pending.values_list("recipient_id", flat=True).distinct())
    recently = set(
        SocialSettings.objects.filter(
            user_id__in=recipients, last_digest_at__gt=at - DIGEST_MIN_INTERVAL
        ).values_list("user_id", flat=True)
    )
    sent = 0
    for user in User.objects.filter(pk__in=recipients - recently, is_active=True).order_by("pk"):
        with transaction.atomic():
            ids = list(
                pending.select_for_update(skip_locked=True)
                .filter(recipient=user)
                .values_list("pk", flat=True)
            )
            if not ids:
                continue
            Notification.objects.filter(pk__in=ids).update(digested_at=at)
            SocialSettings.objects.update_or_create(user=user, defaults={"last_digest_at": at})
        shown = Notification.objects.filter(pk__in=ids).filter(notification_still_shown())
        items = list(_with_targets(shown).order_by("-created_at", "-id"))
        if user.email and items:
            digest_message(user, items).send()
            sent += 1
    return sent


def digest_message(user: User, notifications: list[Notification]) -> EmailMessage:
    """One reader's digest e-mail; its unsubscribe link switches off every digested kind."""
    kinds = sorted({n.kind for n in notifications})
    unsubscribe = unsubscribe_url(user.pk, kinds)
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "sections": digest_sections(notifications),
            "count": len(notifications),
            "settings_url": absolute(reverse("social:preferences")),
            "unsubscribe_url": unsubscribe,
            "site_name": settings.LITFASS_SITE_NAME,
        }
        subject = render_to_string("social/email/digest_subject.txt", context)
        body = render_to_string("social/email/digest.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        to=[user.email],
        headers=_unsubscribe_headers(unsubscribe),
    )
