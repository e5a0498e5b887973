"""Follows, mutes, comments, likes and notifications.

Invariants live in the database: a follow or a like has exactly one target, each at most once
per person; a hidden comment carries its reason; a fan-out notification exists once per reader
and post. Counts (followers, likes, comments) are computed from indexes, see
``docs/architecture.md``.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from litfass.accounts.models import Profile, User
from litfass.content.models import Post, Topic
from litfass.places.models import Place


class Follow(models.Model):
    """A user follows a profile, a place (with its districts, optionally its surroundings) or a
    topic. Exactly one target is set, and it matches ``target``."""

    class Target(models.TextChoices):
        PROFILE = "profile", _("Profile")
        PLACE = "place", _("Place")
        TOPIC = "topic", _("Topic")

    follower = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="follows", verbose_name=_("follower")
    )
    target = models.CharField(_("target"), max_length=10, choices=Target.choices)
    profile = models.ForeignKey(
        Profile, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    topic = models.ForeignKey(
        Topic, null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    # "X und Umgebung": the place, its districts and every town within the surroundings radius.
    with_surroundings = models.BooleanField(_("with surroundings"), default=False)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(
                        target="profile",
                        profile__isnull=False,
                        place__isnull=True,
                        topic__isnull=True,
                    )
                    | Q(
                        target="place",
                        profile__isnull=True,
                        place__isnull=False,
                        topic__isnull=True,
                    )
                    | Q(
                        target="topic",
                        profile__isnull=True,
                        place__isnull=True,
                        topic__isnull=False,
                    )
                ),
                name="follow_exactly_one_target",
                violation_error_message=_("A follow has exactly one target."),
            ),
            models.CheckConstraint(
                condition=Q(with_surroundings=False) | Q(target="place"),
                name="follow_surroundings_only_for_places",
            ),
            models.UniqueConstraint(
                fields=["follower", "profile"],
                condition=Q(profile__isnull=False),
                name="follow_profile_unique",
            ),
            models.UniqueConstraint(
                fields=["follower", "place"],
                condition=Q(place__isnull=False),
                name="follow_place_unique",
            ),
            models.UniqueConstraint(
                fields=["follower", "topic"],
                condition=Q(topic__isnull=False),
                name="follow_topic_unique",
            ),
        ]
        indexes = [
            # Follower counts and lists: an index range per target, newest first.
            models.Index(
                fields=["profile", "-created_at"],
                name="follow_profile_idx",
                condition=Q(profile__isnull=False),
            ),
            models.Index(
                fields=["place", "-created_at"],
                name="follow_place_idx",
                condition=Q(place__isnull=False),
            ),
            models.Index(
                fields=["topic"], name="follow_topic_idx", condition=Q(topic__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        target = self.profile_id or self.place_id or self.topic_id
        return f"{self.follower_id} → {self.target} {target}"


class Mute(models.Model):
    """A user no longer sees a profile's posts in their feed, nor notifications about them."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="mutes")
    profile = models.ForeignKey(Profile, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("mute")
        verbose_name_plural = _("mutes")
        constraints = [models.UniqueConstraint(fields=["user", "profile"], name="mute_unique")]

    def __str__(self) -> str:
        return f"{self.user_id} mutes {self.profile_id}"


class SocialSettings(models.Model):
    """A user's social settings; a missing row means the defaults."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, primary_key=True, related_name="social_settings"
    )
    # Whether others may see this person's name among those who liked something.
    show_my_likes = models.BooleanField(_("show my name among the likes"), default=False)
    # When the last digest went out, so that a command run twice a day sends one digest.
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("social settings")
        verbose_name_plural = _("social settings")

    def __str__(self) -> str:
        return f"settings of {self.user_id}"


class Discussion(models.Model):
    """The comment thread of a post: only its closed state is stored; no row means open."""

    post = models.OneToOneField(
        Post, on_delete=models.CASCADE, primary_key=True, related_name="discussion"
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("discussion")
        verbose_name_plural = _("discussions")

    def __str__(self) -> str:
        return f"discussion of {self.post_id}"

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None


class Comment(models.Model):
    """A comment on a published post, or a reply to one (one level deep).

    Lifecycle: visible → deleted (by its author) | hidden (by an editor, with a reason);
    hidden → visible | deleted. Deleting is soft so that replies keep their place.
    """

    EDIT_WINDOW: ClassVar[dt.timedelta] = dt.timedelta(minutes=15)
    MAX_LENGTH: ClassVar[int] = 3000

    class Status(models.TextChoices):
        VISIBLE = "visible", _("Visible")
        HIDDEN = "hidden", _("Hidden by the editors")
        DELETED = "deleted", _("Deleted")

    TRANSITIONS: ClassVar[dict[str, frozenset[str]]] = {
        Status.VISIBLE: frozenset({Status.HIDDEN, Status.DELETED}),
        Status.HIDDEN: frozenset({Status.VISIBLE, Status.DELETED}),
        Status.DELETED: frozenset(),
    }

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments")
    # Only top-level comments have replies: a reply to a reply attaches to its top-level comment.
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(User, on_delete=models.CASCADE, related_name="comments")
    body = models.TextField(_("comment"), max_length=MAX_LENGTH)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VISIBLE
    )
    created_at = models.DateTimeField(_("written"))
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_reason = models.CharField(_("reason"), max_length=300, blank=True)
    hidden_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["post", "created_at", "id"], name="comment_post_idx"),
            models.Index(fields=["author", "-created_at"], name="comment_author_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["visible", "hidden", "deleted"]),
                name="comment_status_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status="hidden") | ~Q(hidden_reason=""),
                name="comment_hidden_has_reason",
                violation_error_message=_("A hidden comment needs a reason."),
            ),
            models.CheckConstraint(
                condition=~Q(status="deleted") | Q(deleted_at__isnull=False),
                name="comment_deleted_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="comment_not_own_parent"
            ),
        ]

    def __str__(self) -> str:
        return f"comment {self.pk} on {self.post_id}"

    def get_absolute_url(self) -> str:
        return f"{self.post.get_absolute_url()}#kommentar-{self.pk}"

    @property
    def is_visible(self) -> bool:
        return self.status == self.Status.VISIBLE

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.status]


class Like(models.Model):
    """ "Gefällt mir" on a post or a comment: exactly one target, once per person."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="likes")
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="likes"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="likes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("like")
        verbose_name_plural = _("likes")
        constraints = [
            models.CheckConstraint(
                condition=Q(post__isnull=False, comment__isnull=True)
                | Q(post__isnull=True, comment__isnull=False),
                name="like_exactly_one_target",
            ),
            models.UniqueConstraint(
                fields=["post", "user"], condition=Q(post__isnull=False), name="like_post_unique"
            ),
            models.UniqueConstraint(
                fields=["comment", "user"],
                condition=Q(comment__isnull=False),
                name="like_comment_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} likes {self.post_id or self.comment_id}"


def notification_still_shown() -> models.Q:
    """Notifications whose post is still published and whose comment is still visible.

    What was unpublished, deleted or hidden after the notification was made is left out of the
    bell, the list and every e-mail: a withdrawn text is not sent around afterwards.
    """
    post_shown = models.Q(post__isnull=True) | models.Q(
        post__status="published", post__deleted_at__isnull=True
    )
    comment_shown = models.Q(comment__isnull=True) | models.Q(comment__status="visible")
    return post_shown & comment_shown


class Notification(models.Model):
    """Something a user should hear about; shown under the bell and e-mailed per preference.

    ``email`` is the recipient's preference for the kind when the notification was made:
    ``emailed_at`` marks an immediate e-mail as sent, ``digested_at`` that a digest carried it.
    """

    class Kind(models.TextChoices):
        FOLLOWER = "follower", _("New follower")
        COMMENT = "comment", _("Comment on my post")
        REPLY = "reply", _("Reply to my comment")
        LIKE = "like", _("Like")
        FOLLOWED_POST = "followed_post", _("New post by someone I follow")
        CLOSED = "closed", _("Discussion closed by the editors")

    class Delivery(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately")
        DIGEST = "digest", _("Daily digest")
        OFF = "off", _("No e-mail")

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    post = models.ForeignKey(
        Post, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    comment = models.ForeignKey(
        Comment, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # The followed profile for a new follower; the author for a new post.
    profile = models.ForeignKey(
        Profile, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    email = models.CharField(max_length=10, choices=Delivery.choices, default=Delivery.OFF)
    created_at = models.DateTimeField(_("at"))
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    digested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_list_idx"),
            models.Index(
                fields=["recipient"],
                name="notification_unread_idx",
                condition=Q(read_at__isnull=True),
            ),
            models.Index(
                fields=["recipient", "created_at"],
                name="notification_digest_idx",
                condition=Q(email="digest", digested_at__isnull=True),
            ),
        ]
        constraints = [
            # The fan-out of a new post may run again after a crash: one notice per reader.
            models.UniqueConstraint(
                fields=["recipient", "post"],
                condition=Q(kind="followed_post"),
                name="notification_followed_post_once",
            ),
            models.CheckConstraint(
                condition=Q(email__in=["immediate", "digest", "off"]),
                name="notification_email_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} for {self.recipient_id}"

    @property
    def actor_name(self) -> str:
        """How the actor appears: their personal profile's name, else their user name."""
        if self.actor is None:
            return ""
        profile = getattr(self.actor, "personal_profile", None)
        return profile.display_name if profile is not None else self.actor.get_username()


class NotificationPreference(models.Model):
    """How a user wants to hear about one kind of notification by e-mail; no row: the default."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Notification.Kind.choices)
    email = models.CharField(max_length=10, choices=Notification.Delivery.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_pref_unique"),
            models.CheckConstraint(
                condition=Q(email__in=["immediate", "digest", "off"]),
                name="notification_pref_email_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.email}"


class PostFanout(models.Model):
    """A published post whose followers were (or are being) told: the scan's memory.

    ``litfass notify_new_posts`` claims a post by creating this row, the task sets ``done_at``
    when every follower has their notification. A row without ``done_at`` that is old is claimed
    again by the next scan; the unique notification per reader and post makes that safe.
    """

    post = models.OneToOneField(Post, on_delete=models.CASCADE, primary_key=True, related_name="+")
    claimed_at = models.DateTimeField()
    done_at = models.DateTimeField(null=True, blank=True)
    notified = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("post fan-out")
        verbose_name_plural = _("post fan-outs")

    def __str__(self) -> str:
        return f"fan-out of {self.post_id}"
