"""Write synthetic published posts into an empty, migrated bench database.

This is load data, so it bypasses the services and writes with ``bulk_create`` in large
batches, one transaction per batch. Every field the services would keep consistent is set here
as they would set it: place paths, slugs, ``image_count`` and ``lead_image``, sponsor of
sponsored posts, event details of events, and ``updated_at`` (the page's Last-Modified).

Rows get explicit primary keys, counted from 1. That is what lets a post name its lead picture
before the picture row exists: both are written in the same transaction and the foreign keys
are checked at commit (Django declares them deferrable on PostgreSQL and SQLite).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify

from bench.fill import corpus
from bench.media import Photo, ensure_photos
from litfass.accounts.models import Membership, Profile, User
from litfass.content.models import EventDetails, Post, Topic
from litfass.images.models import Image
from litfass.places.models import Place

BATCH_SIZE = 5000
PROFILE_COUNT = 2000
BUSINESS_COUNT = 80
ORGANISATION_COUNT = 160
SPAN = dt.timedelta(days=3 * 365)
BODIES_PER_PLACE = 40

# Share of each kind among the posts; snapshots have exactly one picture, galleries several.
KIND_WEIGHTS = {
    Post.Kind.ARTICLE: 85,
    Post.Kind.SNAPSHOT: 6,
    Post.Kind.GALLERY: 5,
    Post.Kind.EVENT: 4,
}
SPONSORED_SHARE = 0.03
EDITED_SHARE = 0.08


@dataclass(frozen=True)
class Cast:
    """The rows that posts refer to, created before the posts."""

    places: list[Place]
    place_weights: list[float]
    topics: list[Topic]
    authors: list[Profile]
    businesses: list[Profile]
    photos: list[Photo]
    bodies: dict[int, list[str]]  # place id -> a pool of bodies naming that place


def fill(*, posts: int, media_root: Path, seed: int = 20_240_601) -> dict[str, float | int]:
    """Fill the empty database with ``posts`` published posts; return counts and seconds.

    Raises RuntimeError if the database already holds places, profiles or posts.
    """
    if Post.objects.exists() or Place.objects.exists() or Profile.objects.exists():
        raise RuntimeError("the bench fill needs an empty database")
    started = time.monotonic()
    rng = random.Random(seed)
    photos = ensure_photos(media_root)
    with transaction.atomic():
        cast = _create_cast(rng, photos)

    now = timezone.now()
    # Ages sorted from oldest to newest, so that ids grow with publication time as in real life.
    ages = sorted((rng.random() * SPAN.total_seconds() for _ in range(posts)), reverse=True)
    next_image_id = 1
    image_total = 0
    for start in range(0, posts, BATCH_SIZE):
        batch_ages = ages[start : start + BATCH_SIZE]
        with transaction.atomic():
            written = _write_batch(
                rng, cast, now, first_id=start + 1, ages=batch_ages, first_image_id=next_image_id
            )
        next_image_id += written
        image_total += written
        done = start + len(batch_ages)
        if done * 10 // posts > start * 10 // posts:  # crossed a tenth
            _progress(f"{done:,} of {posts:,} posts ({time.monotonic() - started:.1f} s)")

    _reset_sequences()
    with connection.cursor() as cursor:
        # A freshly loaded database has no planner statistics yet; a settled one would.
        cursor.execute("ANALYZE")
    return {"posts": posts, "images": image_total, "seconds": time.monotonic() - started}


def _progress(message: str) -> None:
    print(f"  fill: {message}", file=sys.stderr, flush=True)


def _create_cast(rng: random.Random, photos: list[Photo]) -> Cast:
    places = _create_places()
    topics = Topic.objects.bulk_create(
        Topic(id=pk, slug=slug, name=name, position=pk)
        for pk, (slug, name) in enumerate(corpus.TOPICS, start=1)
    )
    profiles = _create_profiles(rng, places)
    businesses = [p for p in profiles if p.kind == Profile.Kind.BUSINESS]
    authors = [p for p in profiles if p.kind != Profile.Kind.BUSINESS]
    bodies = {
        place.pk: [corpus.body_html(rng, place.name) for _ in range(BODIES_PER_PLACE)]
        for place in places
    }
    weights = [spec.weight for spec in corpus.PLACES]
    return Cast(places, weights, topics, authors, businesses, photos, bodies)


def _create_places() -> list[Place]:
    """The place tree; the central town takes the configured default slug if that is new."""
    default_slug = settings.LITFASS_DEFAULT_PLACE
    known = {spec.slug for spec in corpus.PLACES}
    by_spec: dict[str, Place] = {}
    for pk, spec in enumerate(corpus.PLACES, start=1):
        parent = by_spec[spec.parent] if spec.parent else None
        slug = spec.slug
        if spec.slug == corpus.CENTRAL_TOWN and default_slug not in known:
            slug = default_slug
        by_spec[spec.slug] = Place(
            id=pk,
            name=spec.name,
            slug=slug,
            kind=spec.kind,
            parent=parent,
            path=(parent.path if parent else "/") + f"{pk}/",
            latitude=spec.latitude,
            longitude=spec.longitude,
        )
    return Place.objects.bulk_create(by_spec.values())


def _create_profiles(rng: random.Random, places: list[Place]) -> list[Profile]:
    """~2,000 profiles (editorial team, businesses, organisations, people).

    Each profile has one owner, a user with the same id as the profile.
    """
    profiles: list[Profile] = []
    users: list[User] = []
    memberships: list[Membership] = []
    password = make_password(None)  # unusable: nobody logs in as a bench user
    for pk in range(1, PROFILE_COUNT + 1):
        home = rng.choice(places)
        if pk == 1:
            kind, name = Profile.Kind.EDITORIAL, "Redaktion"
        elif pk <= 1 + BUSINESS_COUNT:
            kind, name = Profile.Kind.BUSINESS, corpus.business_name(rng)
        elif pk <= 1 + BUSINESS_COUNT + ORGANISATION_COUNT:
            kind, name = Profile.Kind.ORGANISATION, corpus.organisation_name(rng, home.name)
        else:
            kind, name = Profile.Kind.PERSON, corpus.person_name(rng)
        profiles.append(
            Profile(
                id=pk,
                kind=kind,
                # A person's profile is their personal profile; user and profile share the id.
                person_id=pk if kind == Profile.Kind.PERSON else None,
                display_name=name,
                slug=f"{slugify(name)}-{pk}",
                home_place=home,
                bio=f"Schreibt über {home.name} und Umgebung.",
            )
        )
        first, _, last = name.partition(" ")
        users.append(
            User(
                id=pk,
                username=f"bench-{pk}",
                email=f"bench-{pk}@example.org",
                password=password,
                first_name=first[:150] if kind == Profile.Kind.PERSON else "",
                last_name=last[:150] if kind == Profile.Kind.PERSON else "",
                is_staff=kind == Profile.Kind.EDITORIAL,
            )
        )
        memberships.append(Membership(id=pk, user_id=pk, profile_id=pk, role=Membership.Role.OWNER))
    User.objects.bulk_create(users)
    created = Profile.objects.bulk_create(profiles)
    Membership.objects.bulk_create(memberships)
    return created


def _write_batch(
    rng: random.Random,
    cast: Cast,
    now: dt.datetime,
    *,
    first_id: int,
    ages: list[float],
    first_image_id: int,
) -> int:
    """Write one batch of posts with their pictures and event details; return the picture count."""
    posts: list[Post] = []
    images: list[Image] = []
    events: list[EventDetails] = []
    slugs: dict[str, str] = {}
    kinds = list(KIND_WEIGHTS)
    kind_weights = list(KIND_WEIGHTS.values())
    image_id = first_image_id
    for offset, age in enumerate(ages):
        pk = first_id + offset
        published_at = now - dt.timedelta(seconds=age)
        kind = rng.choices(kinds, kind_weights)[0]
        place = rng.choices(cast.places, cast.place_weights)[0]
        topic = rng.choice(cast.topics)
        sponsored = rng.random() < SPONSORED_SHARE
        sponsor = rng.choice(cast.businesses) if sponsored else None
        # A sponsored post appears in the name of the business that paid for it.
        author = sponsor if sponsor is not None else rng.choice(cast.authors)
        headline = corpus.headline(rng, place.name)
        slug = slugs.get(headline)
        if slug is None:
            slug = slugs[headline] = slugify(headline)[:180] or "beitrag"
        edited_at = None
        if rng.random() < EDITED_SHARE:
            edited_at = min(now, published_at + dt.timedelta(hours=rng.uniform(1, 72)))

        if kind == Post.Kind.SNAPSHOT:
            image_count = 1
        elif kind == Post.Kind.GALLERY:
            image_count = rng.randint(3, 5)
        else:
            image_count = rng.randint(1, 5)
        # Different photos within a post: the same upload twice to one post is refused.
        for position, photo in enumerate(rng.sample(cast.photos, image_count)):
            images.append(
                Image(
                    id=image_id + position,
                    post_id=pk,
                    file=photo.name,
                    width=photo.width,
                    height=photo.height,
                    caption=f"{rng.choice(corpus.PHOTO_SUBJECTS)} in {place.name}.",
                    credit=f"Foto: {corpus.person_name(rng)}",
                    alt_text=f"{rng.choice(corpus.PHOTO_SUBJECTS)} in {place.name}",
                    focal_x=round(rng.uniform(0.3, 0.7), 2),
                    focal_y=round(rng.uniform(0.3, 0.7), 2),
                    position=position,
                    source_sha256=photo.sha256,
                    renditions=photo.renditions,
                )
            )

        posts.append(
            Post(
                id=pk,
                kind=kind,
                kicker=rng.choice(corpus.KICKERS) if rng.random() < 0.4 else "",
                headline=headline,
                slug=slug,
                teaser=corpus.sentences(rng, 2, place.name),
                body=rng.choice(cast.bodies[place.pk]),
                author_id=author.pk,
                # Every profile's owner has the profile's id (see _create_profiles).
                created_by_id=author.pk,
                place_id=place.pk,
                topic_id=topic.pk,
                status=Post.Status.PUBLISHED,
                sponsored=sponsored,
                sponsor_id=sponsor.pk if sponsor else None,
                lead_image_id=image_id,
                image_count=image_count,
                read_count=min(100_000, int(rng.paretovariate(1.3) * 10)),
                published_at=published_at,
                edited_at=edited_at,
            )
        )
        image_id += image_count

        if kind == Post.Kind.EVENT:
            events.append(_event(rng, pk, place, author, published_at))

    Post.objects.bulk_create(posts)
    Image.objects.bulk_create(images)
    EventDetails.objects.bulk_create(events)
    # bulk_create stamps created_at/updated_at with "now"; a post was created when published
    # and last changed when published or edited (update() leaves auto_now fields alone).
    Post.objects.filter(pk__range=(first_id, first_id + len(ages) - 1)).update(
        created_at=F("published_at"),
        updated_at=Coalesce(F("edited_at"), F("published_at")),
    )
    return len(images)


def _event(
    rng: random.Random, pk: int, place: Place, author: Profile, published_at: dt.datetime
) -> EventDetails:
    """Event details: announced 2-40 days ahead, so the newest events are still upcoming."""
    day = (published_at + dt.timedelta(days=rng.randint(2, 40))).date()
    all_day = rng.random() < 0.1
    hour = 0 if all_day else rng.choice((10, 15, 18, 19, 20))
    starts_at = dt.datetime.combine(day, dt.time(hour), tzinfo=dt.UTC)
    return EventDetails(
        post_id=pk,
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=24 if all_day else 3),
        all_day=all_day,
        venue=f"{rng.choice(corpus.VENUES)} {place.name}",
        address=f"Hauptstraße {rng.randint(1, 120)}, {place.name}",
        latitude=round(place.latitude + rng.uniform(-0.01, 0.01), 5),
        longitude=round(place.longitude + rng.uniform(-0.01, 0.01), 5),
        organiser=author.display_name,
        price=rng.choice(("Eintritt frei", "5 Euro", "12 Euro, ermäßigt 8 Euro")),
        ticket_url="" if rng.random() < 0.7 else f"https://tickets.example.org/{pk}",
    )


def _reset_sequences() -> None:
    """Move id sequences past the explicit ids (PostgreSQL; SQLite needs nothing)."""
    models = [Place, Topic, User, Profile, Membership, Post, Image]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def describe() -> dict[str, object]:
    """What the database holds: counts, and the URLs the bench measures (None when empty)."""
    place = Place.objects.filter(slug=settings.LITFASS_DEFAULT_PLACE).first()
    article = (
        Post.objects.filter(status=Post.Status.PUBLISHED, kind=Post.Kind.ARTICLE)
        .order_by("-published_at", "-id")
        .first()
    )
    return {
        "posts": Post.objects.count(),
        "published": Post.objects.filter(status=Post.Status.PUBLISHED).count(),
        "places": Place.objects.count(),
        "profiles": Profile.objects.count(),
        "home_path": "/",
        "place_path": place.get_absolute_url() if place else None,
        "article_path": article.get_absolute_url() if article else None,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.fill")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("describe", help="print what the database holds as JSON")
    load = sub.add_parser("load", help="fill the empty database, print counts as JSON")
    load.add_argument("--posts", type=int, required=True)
    args = parser.parse_args(argv)
    if args.command == "load":
        result: dict[str, object] = dict(
            fill(posts=args.posts, media_root=Path(settings.MEDIA_ROOT))
        )
    else:
        result = describe()
    print(json.dumps(result))
