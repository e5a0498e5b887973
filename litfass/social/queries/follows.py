"""Follower counts, follow state, follower lists, mutes and suggestions for new readers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from litfass.accounts.models import Membership, Profile, User
from litfass.content.models import Post, Topic
from litfass.places.models import Place
from litfass.places.queries import surroundings
from litfass.social.models import Follow, Mute


@dataclass(frozen=True)
class FollowState:
    """How many follow a target, and whether (and how) the reader does.

    For profiles also whether the reader acts for it (``member``: no follow button, but the
    list of followers) and whether they muted it.
    """

    count: int
    following: bool
    with_surroundings: bool = False
    member: bool = False
    muted: bool = False


def _me(user: User | None) -> int | None:
    return user.pk if user is not None and user.is_authenticated else None


def _state(queryset: QuerySet[Follow], user: User | None) -> FollowState:
    # One query: the count over the target's index and the reader's own row in one aggregate.
    me = _me(user)
    result = queryset.aggregate(
        count=Count("pk"),
        mine=Count("pk", filter=Q(follower_id=me)),
        surroundings=Count("pk", filter=Q(follower_id=me, with_surroundings=True)),
    )
    return FollowState(result["count"], result["mine"] > 0, result["surroundings"] > 0)


def profile_follow_state(profile: Profile, user: User | None) -> FollowState:
    """The follow state of a profile; for a logged-in reader with membership and mute, still
    in one query."""
    me = _me(user)
    if me is None:
        return _state(Follow.objects.filter(profile=profile), None)
    row = (
        Profile.objects.filter(pk=profile.pk)
        .annotate(
            follower_count=Count("follows"),
            mine=Count("follows", filter=Q(follows__follower_id=me)),
            member=Exists(Membership.objects.filter(profile_id=OuterRef("pk"), user_id=me)),
            muted=Exists(Mute.objects.filter(profile_id=OuterRef("pk"), user_id=me)),
        )
        .values("follower_count", "mine", "member", "muted")
        .first()
    )
    if row is None:
        return FollowState(0, False)
    return FollowState(
        count=row["follower_count"],
        following=row["mine"] > 0,
        member=bool(row["member"]),
        muted=bool(row["muted"]),
    )


def place_follow_state(place: Place, user: User | None) -> FollowState:
    return _state(Follow.objects.filter(place=place), user)


def topic_follow_state(topic: Topic, user: User | None) -> FollowState:
    return _state(Follow.objects.filter(topic=topic), user)


def follower_count(profile: Profile) -> int:
    """Followers of a profile: a count over ``follow_profile_idx`` (no stored counter)."""
    return Follow.objects.filter(profile=profile).count()


def profile_for_members(slug: str, user: User) -> Profile:
    """The profile if ``user`` acts for it (owner or member); Http404 otherwise."""
    profile = Profile.objects.filter(slug=slug, memberships__user=user).first()
    if profile is None or not user.is_authenticated:
        raise Http404("profile")
    return profile


FOLLOWERS_PAGE = 50


def followers(
    profile: Profile, before: int | None = None, size: int = FOLLOWERS_PAGE
) -> list[Follow]:
    """Follows of a profile, newest first, with each follower's personal profile; keyset on id."""
    queryset = Follow.objects.filter(profile=profile).select_related(
        "follower__personal_profile__home_place"
    )
    if before is not None:
        queryset = queryset.filter(pk__lt=before)
    return list(queryset.order_by("-pk")[: size + 1])


def profile_by_pk(pk: int) -> Profile:
    profile = Profile.objects.filter(pk=pk).first()
    if profile is None:
        raise Http404("profile")
    return profile


def place_by_pk(pk: int) -> Place:
    place = Place.objects.filter(pk=pk).first()
    if place is None:
        raise Http404("place")
    return place


def topic_by_pk(pk: int) -> Topic:
    topic = Topic.objects.filter(pk=pk).first()
    if topic is None:
        raise Http404("topic")
    return topic


def is_muted(user: User | None, profile: Profile) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return Mute.objects.filter(user=user, profile=profile).exists()


def mutes_of(user: User) -> list[Mute]:
    return list(Mute.objects.filter(user=user).select_related("profile").order_by("-created_at"))


def follows_of(user: User) -> list[Follow]:
    """Everything the reader follows, with the targets joined, newest first."""
    return list(
        Follow.objects.filter(follower=user)
        .select_related("profile", "place", "topic")
        .order_by("-created_at", "-pk")
    )


@dataclass(frozen=True)
class Suggestions:
    """A start for a reader who follows nothing yet."""

    home_place: Place | None
    places: list[Place]
    profiles: list[Profile]
    topics: list[Topic]


ACTIVE_DAYS = 30


def suggestions(user: User, limit: int = 6, now: dt.datetime | None = None) -> Suggestions:
    """Places around the reader's home place (without one: the places with most posts in the
    last 30 days), the profiles with most posts in that time (not the reader's own, not
    muted), and the topics. Four queries."""
    profile = Profile.objects.select_related("home_place").filter(person=user).first()
    home = profile.home_place if profile is not None else None
    since = (now or timezone.now()) - dt.timedelta(days=ACTIVE_DAYS)
    # Published posts of the last 30 days, for places and profiles alike (both call them posts).
    recent = Q(
        posts__status=Post.Status.PUBLISHED,
        posts__deleted_at__isnull=True,
        posts__published_at__gte=since,
    )
    places: list[Place]
    if home is not None:
        # The home place first, then the others by name.
        places = sorted(surroundings(home)[: limit + 1], key=lambda p: p.pk != home.pk)
    else:
        places = list(
            Place.objects.annotate(recent=Count("posts", filter=recent))
            .filter(recent__gt=0)
            .order_by("-recent", "name", "pk")[:limit]
        )
    active = (
        Profile.objects.annotate(recent=Count("posts", filter=recent))
        .filter(recent__gt=0)
        .exclude(pk__in=Membership.objects.filter(user=user).values("profile_id"))
        .exclude(pk__in=Mute.objects.filter(user=user).values("profile_id"))
        .select_related("home_place")
        .order_by("-recent", "display_name", "pk")[:limit]
    )
    return Suggestions(
        home_place=home,
        places=places,
        profiles=list(active),
        topics=list(Topic.objects.all()[:12]),
    )
