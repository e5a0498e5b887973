"""The synthetic social graph of the feed benchmark, as plain rows (no models, no database).

Everything comes from one seeded random generator, so SQLite and PostgreSQL get the same data.
Rows are tuples in the column order of :data:`COLUMNS`; big tables are produced as iterators,
so a million posts and millions of follows never sit in memory at once.

The shape, at ``scale`` 1:

* 100,000 users, each the owner of one profile with the same id. Profile 1 is the editorial
  team; profiles 2–6 are the "celebrities" (town hall, police, fire brigade, the football club,
  the local paper) with exactly 20,000 followers each; 1 % businesses, 2 % organisations, the
  rest people. The last user is the heavy follower.
* A place tree of ~800 places: the bench's towns around Kaiserslautern and eight generated
  regions with 25 towns each and 0–6 districts per town, all with materialised paths.
* Follows: every user follows 1–5 places (most one or two; a third of town follows with
  surroundings) and 10–200 profiles, log-uniformly (most follow few), drawn with a popularity
  that falls off as 1 / (rank + 300): the most popular ordinary profile has a few thousand
  followers, most have a dozen. A quarter of the users follow a topic or two. The heavy follower
  follows exactly 5 places (the default town with surroundings and four others) and 500
  profiles (two celebrities among them), and mutes three profiles.
* 1,000,000 posts over three years, ids growing with publication time: 6 % by the celebrities,
  1 % sponsored by businesses, the rest by the 20 % most popular profiles (the more followed,
  the more they write). 95.5 % are published; the rest are drafts, pending, unpublished or
  deleted (unpublished with ``deleted_at``), so the feed's filters have something to filter.
  Snapshots and galleries and 40 % of the articles have a lead picture (one picture row).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.utils.text import slugify

from bench.fill import corpus

SEED = 20_250_101
SPAN = dt.timedelta(days=3 * 365)
HEAVY_USERNAME = "feed-heavy"
CELEBRITY_NAMES = (
    "Stadtverwaltung Kaiserslautern",
    "Polizeipräsidium Westpfalz",
    "Feuerwehr Kaiserslautern",
    "1. FC Kaiserslautern",
    "Pfälzer Tageblatt",
)
CELEBRITY_POST_SHARE = 0.06
SPONSORED_SHARE = 0.01
WRITER_SHARE = 0.20
IMAGE_SHARE_ARTICLES = 0.40
FANNED_OUT_RECENT = dt.timedelta(days=3)
# (status, deleted, share): deleted posts are unpublished with deleted_at, as delete_post does.
STATUS_SHARES = (
    ("published", False, 0.955),
    ("unpublished", False, 0.015),
    ("unpublished", True, 0.015),
    ("draft", False, 0.01),
    ("pending", False, 0.005),
)
KIND_SHARES = (("article", 0.88), ("snapshot", 0.07), ("gallery", 0.05))

# Column order of the rows each table gets (database column names).
COLUMNS: dict[str, tuple[str, ...]] = {
    "place": ("id", "name", "slug", "kind", "path", "latitude", "longitude", "parent_id"),
    "topic": ("id", "name", "slug", "position"),
    "user": (
        "id", "password", "last_login", "is_superuser", "username", "first_name", "last_name",
        "is_staff", "is_active", "date_joined", "email",
    ),
    "profile": (
        "id", "kind", "display_name", "slug", "bio", "avatar", "links", "created_at",
        "home_place_id", "person_id",
    ),
    "membership": ("id", "role", "created_at", "user_id", "profile_id"),
    "follow": (
        "id", "target", "with_surroundings", "created_at", "follower_id", "place_id",
        "profile_id", "topic_id",
    ),
    "mute": ("id", "created_at", "profile_id", "user_id"),
    "post": (
        "id", "kind", "kicker", "headline", "slug", "teaser", "body", "status", "sponsored",
        "image_count", "read_count", "created_at", "updated_at", "published_at", "edited_at",
        "deleted_at", "version", "review_note", "author_id", "created_by_id", "lead_image_id",
        "place_id", "sponsor_id", "topic_id", "client_token",
    ),
    "image": (
        "id", "file", "width", "height", "caption", "credit", "alt_text", "focal_x", "focal_y",
        "position", "renditions", "created_at", "post_id", "source_sha256",
    ),
    "fanout": ("post_id", "claimed_at", "done_at", "notified"),
}  # fmt: skip

Row = tuple[object, ...]


@dataclass(frozen=True)
class Scale:
    """How big the graph is; ``Scale.of(1.0)`` is the size the targets are set for."""

    posts: int
    users: int
    celebrity_followers: int
    heavy_places: int = 5
    heavy_profiles: int = 500

    @classmethod
    def of(cls, factor: float) -> Scale:
        users = max(200, round(100_000 * factor))
        return cls(
            posts=max(2_000, round(1_000_000 * factor)),
            users=users,
            celebrity_followers=min(users // 2, max(50, round(20_000 * factor))),
            heavy_profiles=min(500, users // 4),
        )


@dataclass(frozen=True)
class PlaceRow:
    id: int
    name: str
    slug: str
    kind: str
    parent_id: int | None
    path: str
    latitude: float
    longitude: float
    weight: float  # how often posts are about this place


@dataclass
class Graph:
    """The generated graph; the big tables come from its ``*_rows`` iterators."""

    scale: Scale
    now: dt.datetime
    places: list[PlaceRow]
    photos: list[dict[str, object]]  # name, width, height, sha256, renditions (JSON text)
    rng: random.Random = field(default_factory=lambda: random.Random(SEED))

    def __post_init__(self) -> None:
        rng = self.rng
        users = self.scale.users
        self.celebrities = list(range(2, 2 + len(CELEBRITY_NAMES)))
        self.heavy = users
        first_ordinary = 2 + len(CELEBRITY_NAMES)
        self.businesses = list(range(first_ordinary, first_ordinary + max(2, users // 100)))
        organisations_end = self.businesses[-1] + 1 + users // 50
        self.organisations = range(self.businesses[-1] + 1, organisations_end)
        # Popularity: ordinary profiles in random order; rank r draws follows ∝ 1 / (r + 300).
        ranked = [pk for pk in range(first_ordinary, users + 1) if pk != self.heavy]
        rng.shuffle(ranked)
        self.by_rank = ranked
        self.follow_cum = list(itertools.accumulate(1 / (r + 300) for r in range(len(ranked))))
        writers = ranked[: max(10, int(len(ranked) * WRITER_SHARE))]
        self.writers = writers
        weights = (1 / (r + 50) ** 0.7 for r in range(len(writers)))
        self.writer_cum = list(itertools.accumulate(weights))
        followable = [p for p in self.places if p.kind != "region"]
        self.followable_places = followable
        self.followable_cum = list(itertools.accumulate(p.weight for p in followable))
        self.post_place_cum = list(itertools.accumulate(p.weight for p in self.places))
        # Exactly ``celebrity_followers`` per celebrity; the heavy follower follows two of them.
        others = [pk for pk in range(1, users) if pk not in self.celebrities]
        self.celebrity_follows: dict[int, list[int]] = {}
        for index, celebrity in enumerate(self.celebrities):
            count = self.scale.celebrity_followers - (1 if index < 2 else 0)
            for follower in rng.sample(others, count):
                self.celebrity_follows.setdefault(follower, []).append(celebrity)
        stamps = [self.now - SPAN * rng.random() for _ in range(10_000)]
        self.stamps = stamps

    # --- small tables --------------------------------------------------------------------------

    def place_rows(self) -> list[Row]:
        return [
            (p.id, p.name, p.slug, p.kind, p.path, p.latitude, p.longitude, p.parent_id)
            for p in self.places
        ]

    @staticmethod
    def topic_rows() -> list[Row]:
        return [(pk, name, slug, pk) for pk, (slug, name) in enumerate(corpus.TOPICS, start=1)]

    def user_rows(self, password: str) -> Iterator[Row]:
        for pk in range(1, self.scale.users + 1):
            username = HEAVY_USERNAME if pk == self.heavy else f"feed-{pk}"
            yield (
                pk, password, None, False, username, "", "", pk == 1, True,
                self.stamps[pk % len(self.stamps)], f"{username}@example.org",
            )  # fmt: skip

    def profile_kind(self, pk: int) -> str:
        if pk == 1:
            return "editorial"
        if pk in self.celebrities or pk in self.organisations:
            return "organisation"
        if self.businesses[0] <= pk <= self.businesses[-1]:
            return "business"
        return "person"

    def profile_rows(self) -> Iterator[Row]:
        rng = random.Random(SEED + 1)
        towns = [p for p in self.places if p.kind != "region"]
        for pk in range(1, self.scale.users + 1):
            kind = self.profile_kind(pk)
            home = rng.choice(towns)
            if pk == 1:
                name = "Redaktion"
            elif pk in self.celebrities:
                name = CELEBRITY_NAMES[pk - 2]
            elif kind == "business":
                name = corpus.business_name(rng)
            elif kind == "organisation":
                name = corpus.organisation_name(rng, home.name)
            else:
                name = corpus.person_name(rng)
            yield (
                pk, kind, name, f"{slugify(name)}-{pk}", f"Aus {home.name}.", "", "[]",
                self.stamps[pk % len(self.stamps)], home.id, pk if kind == "person" else None,
            )  # fmt: skip

    def membership_rows(self) -> Iterator[Row]:
        for pk in range(1, self.scale.users + 1):
            yield (pk, "owner", self.stamps[pk % len(self.stamps)], pk, pk)

    def fanout_rows(self, published: list[tuple[int, dt.datetime]]) -> list[Row]:
        """Recent published posts were announced already, as on a site that runs its cron."""
        since = self.now - FANNED_OUT_RECENT
        return [(pk, at, at, 0) for pk, at in published if at >= since]

    # --- follows and mutes ---------------------------------------------------------------------

    def _profiles(self, rng: random.Random, count: int, exclude: int) -> set[int]:
        chosen: set[int] = set()
        total = self.follow_cum[-1]
        ranked = self.by_rank
        while len(chosen) < min(count, len(ranked) - 1):
            pk = ranked[bisect.bisect(self.follow_cum, rng.random() * total)]
            if pk != exclude:
                chosen.add(pk)
        return chosen

    def _places(self, rng: random.Random, count: int) -> set[int]:
        chosen: set[int] = set()
        total = self.followable_cum[-1]
        while len(chosen) < count:
            index = bisect.bisect(self.followable_cum, rng.random() * total)
            chosen.add(self.followable_places[index].id)
        return chosen

    def heavy_follows(self) -> tuple[list[tuple[int, bool]], list[int]]:
        """The heavy follower's places (with the surroundings flag) and profiles."""
        rng = random.Random(SEED + 2)
        default = next(p for p in self.places if p.slug == corpus.CENTRAL_TOWN)
        towns = [p.id for p in self.places if p.kind == "town" and p.id != default.id]
        places = [(default.id, True)] + [
            (pk, False) for pk in rng.sample(towns, self.scale.heavy_places - 1)
        ]
        profiles = self.celebrities[:2] + sorted(
            self._profiles(rng, self.scale.heavy_profiles - 2, exclude=self.heavy)
        )
        return places, profiles

    def follow_rows(self) -> Iterator[Row]:
        """All follows, user by user (each user's follows in one go, ids ascending)."""
        rng = random.Random(SEED + 3)
        stamps = self.stamps
        place_ids = {p.id: p.kind for p in self.places}
        topics = len(corpus.TOPICS)
        next_id = itertools.count(1)
        heavy_places, heavy_profiles = self.heavy_follows()
        for user in range(1, self.scale.users + 1):
            at = stamps[rng.randrange(len(stamps))]
            if user == self.heavy:
                for place, with_surroundings in heavy_places:
                    yield (next(next_id), "place", with_surroundings, at, user, place, None, None)
                for profile in heavy_profiles:
                    yield (next(next_id), "profile", False, at, user, None, profile, None)
                continue
            place_count = rng.choices((1, 2, 3, 4, 5), (35, 25, 18, 12, 10))[0]
            for place in sorted(self._places(rng, place_count)):
                surroundings = place_ids[place] == "town" and rng.random() < 0.33
                yield (next(next_id), "place", surroundings, at, user, place, None, None)
            profiles = self._profiles(rng, int(10 * 20 ** rng.random()), exclude=user)
            profiles.update(self.celebrity_follows.get(user, ()))
            profiles.discard(user)
            for profile in sorted(profiles):
                yield (next(next_id), "profile", False, at, user, None, profile, None)
            if rng.random() < 0.25:
                for topic in sorted(rng.sample(range(1, topics + 1), rng.randint(1, 2))):
                    yield (next(next_id), "topic", False, at, user, None, None, topic)

    def mute_rows(self) -> list[Row]:
        rng = random.Random(SEED + 4)
        rows: list[Row] = []
        _, followed = self.heavy_follows()
        unfollowed = [pk for pk in self.writers[:200] if pk not in set(followed)]
        for profile in unfollowed[:3]:
            rows.append((len(rows) + 1, self.now, profile, self.heavy))
        for user in rng.sample(range(1, self.scale.users), self.scale.users // 100):
            profile = self.writers[rng.randrange(len(self.writers))]
            if profile != user:
                rows.append((len(rows) + 1, self.now, profile, user))
        return rows

    # --- posts and their lead pictures ---------------------------------------------------------

    def post_rows(
        self, images: list[Row], published: list[tuple[int, dt.datetime]]
    ) -> Iterator[Row]:
        """The posts, oldest first; appends their picture rows to ``images`` and the id and
        date of every published post to ``published`` as it goes (the caller drains both)."""
        rng = random.Random(SEED + 5)
        count = self.scale.posts
        seconds = SPAN.total_seconds()
        ages = sorted((rng.random() * seconds for _ in range(count)), reverse=True)
        headlines = [_headline(rng, self.places) for _ in range(5_000)]
        teasers = [corpus.sentences(rng, 2, rng.choice(self.places).name) for _ in range(1_000)]
        bodies = [f"<p>{corpus.sentences(rng, 3, p.name)}</p>" for p in self.places[:200]]
        statuses = [(s, d) for s, d, _ in STATUS_SHARES]
        status_weights = list(itertools.accumulate(w for _, _, w in STATUS_SHARES))
        kinds = [k for k, _ in KIND_SHARES]
        kind_weights = list(itertools.accumulate(w for _, w in KIND_SHARES))
        writer_total = self.writer_cum[-1]
        place_total = self.post_place_cum[-1]
        topics = len(corpus.TOPICS)
        image_id = 1
        for pk, age in enumerate(ages, start=1):
            at = self.now - dt.timedelta(seconds=age)
            roll = rng.random()
            sponsor = None
            if roll < CELEBRITY_POST_SHARE:
                author = self.celebrities[rng.randrange(len(self.celebrities))]
            elif roll < CELEBRITY_POST_SHARE + SPONSORED_SHARE:
                author = sponsor = self.businesses[rng.randrange(len(self.businesses))]
            else:
                author = self.writers[bisect.bisect(self.writer_cum, rng.random() * writer_total)]
            place = self.places[bisect.bisect(self.post_place_cum, rng.random() * place_total)]
            status, deleted = rng.choices(statuses, cum_weights=status_weights)[0]
            kind = rng.choices(kinds, cum_weights=kind_weights)[0]
            headline, slug = headlines[rng.randrange(len(headlines))]
            lead_image = None
            image_count = 0
            if kind != "article" or rng.random() < IMAGE_SHARE_ARTICLES:
                lead_image = image_id
                image_count = 1 if kind != "gallery" else rng.randint(3, 6)
                photo = self.photos[image_id % len(self.photos)]
                images.append(
                    (
                        image_id, photo["name"], photo["width"], photo["height"],
                        f"Blick auf {place.name}.", "Foto: Bench", f"Straßenszene in {place.name}",
                        0.5, 0.5, 0, photo["renditions"], at, pk, photo["sha256"],
                    )
                )  # fmt: skip
                image_id += 1
            ever_published = status in {"published", "unpublished"}
            if status == "published":
                published.append((pk, at))
            yield (
                pk, kind, "", headline, slug, teasers[rng.randrange(len(teasers))],
                bodies[rng.randrange(len(bodies))], status, sponsor is not None, image_count,
                int(rng.paretovariate(1.3) * 10), at, at, at if ever_published else None, None,
                at if deleted else None, 1, "", author, author, lead_image, place.id, sponsor,
                rng.randint(1, topics), "",
            )  # fmt: skip


def _headline(rng: random.Random, places: list[PlaceRow]) -> tuple[str, str]:
    text = corpus.headline(rng, rng.choice(places).name)
    return text, slugify(text)[:180] or "beitrag"


# --- the place tree ------------------------------------------------------------------------------

_STEMS = (
    "Linden",
    "Eichen",
    "Mühl",
    "Wald",
    "Stein",
    "Rosen",
    "Kirch",
    "Hoch",
    "Sonnen",
    "Buchen",
    "Erlen",
    "Wiesen",
    "Fels",
    "Bären",
    "Hirsch",
    "Burg",
    "Brunn",
    "Hasel",
    "Weiden",
    "Ahorn",
)
_ENDINGS = ("bach", "feld", "heim", "stein", "berg", "hausen", "dorf", "weiler", "au", "tal")
_REGIONS = (
    "Saarpfalz", "Vorderpfalz", "Südpfalz", "Hunsrück", "Nahe", "Donnersberg", "Glan",
    "Rheinhessen",
)  # fmt: skip
TOWNS_PER_REGION = 25


def places(rng: random.Random | None = None) -> list[PlaceRow]:
    """The bench's towns around Kaiserslautern, then eight generated regions (~800 places)."""
    rng = rng or random.Random(SEED)
    rows: list[PlaceRow] = []
    by_slug: dict[str, PlaceRow] = {}

    def add(name: str, slug: str, kind: str, parent: PlaceRow | None, lat: float, lon: float,
            weight: float) -> PlaceRow:  # fmt: skip
        pk = len(rows) + 1
        row = PlaceRow(
            pk, name, slug, kind, parent.id if parent else None,
            (parent.path if parent else "/") + f"{pk}/", round(lat, 5), round(lon, 5), weight,
        )  # fmt: skip
        rows.append(row)
        by_slug[slug] = row
        return row

    for spec in corpus.PLACES:
        parent = by_slug[spec.parent] if spec.parent else None
        add(spec.name, spec.slug, spec.kind, parent, spec.latitude, spec.longitude, spec.weight)
    for index, region_name in enumerate(_REGIONS):
        # Regions on a ring 40-90 km around Kaiserslautern.
        angle = 2 * math.pi * index / len(_REGIONS)
        lat = 49.44 + 0.6 * math.sin(angle)
        lon = 7.77 + 0.9 * math.cos(angle)
        region = add(region_name, slugify(region_name), "region", None, lat, lon, 0.3)
        for _ in range(TOWNS_PER_REGION):
            name = f"{rng.choice(_STEMS)}{rng.choice(_ENDINGS)}"
            town = add(
                name, f"{slugify(name)}-{len(rows) + 1}", "town", region,
                lat + rng.uniform(-0.25, 0.25), lon + rng.uniform(-0.35, 0.35),
                rng.choice((1.0, 1.5, 2.0, 3.0)),
            )  # fmt: skip
            for _ in range(rng.randint(0, 6)):
                district = f"{rng.choice(_STEMS)}{rng.choice(_ENDINGS)}"
                add(
                    f"{name}-{district}", f"{slugify(district)}-{len(rows) + 1}", "district",
                    town, town.latitude + rng.uniform(-0.03, 0.03),
                    town.longitude + rng.uniform(-0.04, 0.04), 0.8,
                )  # fmt: skip
    return rows
