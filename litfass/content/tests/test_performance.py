"""The fast reading path: its data is right, its memos forget in time, its markup is safe.

The reading pages read with plain SQL (``content.reader``), keep small derived data in process
memory (``core.memo``), build URLs without ``reverse()`` (``content.links``) and render teasers
and galleries in Python (``litfass_reading``). Each of these is checked here against the slow,
obvious way of doing the same thing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse, set_script_prefix
from django.utils import timezone, translation

from conftest import Clock
from litfass.content import links, queries, reader
from litfass.content.models import Post
from litfass.content.reader import Picture, Teaser
from litfass.content.services import (
    EventData,
    count_reads,
    create_post,
    edit_post,
    publish_post,
    unpublish_post,
)
from litfass.content.services.reads import read_buffer
from litfass.content.templatetags.litfass_reading import compact_list, gallery, teasers
from litfass.core import pagecache
from litfass.images.models import Image
from litfass.images.templatetags import pictures
from litfass.places.models import Place
from litfass.places.queries import (
    SURROUNDINGS_MAX_AGE,
    nearby_places,
    surroundings,
    surroundings_of,
)
from litfass.places.services import create_place, move_place


@pytest.fixture(autouse=True)
def _fresh_generation() -> None:
    # Memos of an earlier test (same ids in a rolled-back database) must not count here.
    pagecache.bump_generation()


# --- URLs without reverse() ---------------------------------------------------------------------


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("script_prefix", ["/", "/zeitung/"])
def test_link_helpers_equal_reverse(language: str, script_prefix: str) -> None:
    set_script_prefix(script_prefix)
    try:
        with translation.override(language):
            assert links.language_root() == reverse("content:home")
            for kind, prefix in Post.URL_PREFIX.items():
                expected = reverse(
                    "content:post",
                    kwargs={"prefix": prefix, "slug": "buergerfest-am-see", "pk": 42},
                )
                assert links.post_url(kind, "buergerfest-am-see", 42) == expected
            assert links.place_url("otterberg") == reverse("content:place", args=["otterberg"])
            assert links.topic_url("politik") == reverse("content:topic", args=["politik"])
            assert links.profile_url("rita") == reverse("content:profile", args=["rita"])
    finally:
        set_script_prefix("/")


def test_a_teaser_url_is_the_posts_absolute_url(town, reporter, publish) -> None:
    post = publish(reporter.profile, "Bürgerfest")
    (teaser,) = reader.by_ids([post.pk])
    assert teaser.url == post.get_absolute_url()
    with translation.override("en"):
        assert teaser.url == post.get_absolute_url()


@pytest.mark.parametrize(
    ("path", "language", "expected"),
    [
        ("/beitrag/fest-1/", "en", "/en/beitrag/fest-1/"),
        ("/en/beitrag/fest-1/", "de", "/beitrag/fest-1/"),
        ("/ort/otterberg/?nach=1_2", "en", "/en/ort/otterberg/?nach=1_2"),
        ("/en/", "de", "/"),
        ("/", "en", "/en/"),
    ],
)
def test_the_language_switch_swaps_the_language_prefix(
    path: str, language: str, expected: str, db: None
) -> None:
    from litfass.core.templatetags.litfass import translated_path

    request = Client().get(path).wsgi_request
    assert translated_path({"request": request}, language) == expected  # type: ignore[arg-type]


# --- "X und Umgebung" in process memory ----------------------------------------------------------


def _far_district(town, name: str = "Exklave") -> Place:
    return create_place(
        name=name,
        kind=Place.Kind.DISTRICT,
        parent=town.kaiserslautern,
        latitude=50.5,
        longitude=9.0,
    )


def test_surroundings_of_equal_the_surroundings_query(town) -> None:
    for place in (town.kaiserslautern, town.otterberg, town.region, town.pirmasens):
        remembered = surroundings_of(place)
        assert set(remembered.ids) == {p.pk for p in surroundings(place)}
        assert [p.name for p in remembered.places] == [p.name for p in surroundings(place)]


def test_a_place_added_counts_after_the_generation_changes(town) -> None:
    before = surroundings_of(town.kaiserslautern).ids
    far = _far_district(town)
    assert surroundings_of(town.kaiserslautern).ids == before  # remembered
    pagecache.bump_generation()  # what every service that changes readers' pages does
    assert far.pk in surroundings_of(town.kaiserslautern).ids


def test_a_place_added_counts_at_the_latest_after_the_maximum_age(town, clock: Clock) -> None:
    surroundings_of(town.kaiserslautern)
    far = _far_district(town)
    clock.now += SURROUNDINGS_MAX_AGE - 1
    assert far.pk not in surroundings_of(town.kaiserslautern).ids
    clock.now += 1
    assert far.pk in surroundings_of(town.kaiserslautern).ids


def test_a_moved_place_leaves_the_surroundings(town) -> None:
    far = _far_district(town)
    assert far.pk in surroundings_of(town.kaiserslautern).ids
    move_place(place=far, parent=town.pirmasens)
    pagecache.bump_generation()
    assert far.pk not in surroundings_of(town.kaiserslautern).ids


def test_a_moved_place_is_looked_at_with_its_new_path(town) -> None:
    far = _far_district(town)
    surroundings_of(far)
    moved = move_place(place=far, parent=town.pirmasens)
    # The place's own path and coordinates are part of the key: no stale answer for it.
    assert set(surroundings_of(moved).ids) == {p.pk for p in surroundings(moved)}


def test_the_place_page_lists_posts_of_a_new_place_after_the_change(
    town, reporter, publish
) -> None:
    client = Client()
    client.get("/ort/kaiserslautern/")  # remembers the surroundings
    far = _far_district(town)
    publish(reporter.profile, "Aus der Exklave", place=far)
    pagecache.bump_generation()  # publish_post bumps on commit; tests do not commit
    assert "Aus der Exklave" in client.get("/ort/kaiserslautern/").content.decode()


def test_nearby_places_from_memory_equal_the_query(town) -> None:
    for place in (town.kaiserslautern, town.otterberg, town.hohenecken):
        expected = [p.slug for p in nearby_places(place)]
        assert [p.slug for p in surroundings_of(place).nearby()] == expected


def test_a_new_place_has_its_page_at_once(town) -> None:
    client = Client()
    assert client.get("/ort/lauterecken/").status_code == 404  # a miss is not remembered
    create_place(name="Lauterecken", latitude=49.65, longitude=7.59, parent=town.region)
    assert client.get("/ort/lauterecken/").status_code == 200


# --- lists read with SQL ----------------------------------------------------------------------


def test_reader_lists_equal_the_orm(town, reporter, org_member, publish) -> None:
    for n in range(5):
        publish(reporter.profile, f"Politik {n}", topic=town.politik, place=town.hohenecken)
        publish(org_member.profile, f"Kultur {n}", topic=town.kultur, place=town.pirmasens)
    published = Post.objects.filter(status=Post.Status.PUBLISHED).order_by("-published_at", "-id")
    kl = surroundings_of(town.kaiserslautern).ids
    cases = {
        "place": (reader.latest(place_ids=kl, limit=20), published.filter(place_id__in=kl)),
        "topic": (
            reader.latest(topic_id=town.kultur.pk, limit=20),
            published.filter(topic=town.kultur),
        ),
        "author": (
            reader.latest(author_id=org_member.profile.pk, limit=20),
            published.filter(author=org_member.profile),
        ),
    }
    for name, (fast, slow) in cases.items():
        assert [t.pk for t in fast] == [p.pk for p in slow], name


def test_a_teaser_holds_what_the_row_holds(town, reporter, publish) -> None:
    post = publish(reporter.profile, "Mit Bild", pictures=2, topic=town.politik, kicker="Neu")
    (teaser,) = reader.by_ids([post.pk])
    post.refresh_from_db()
    assert (teaser.headline, teaser.kicker, teaser.image_count) == ("Mit Bild", "Neu", 2)
    assert (teaser.topic_name, teaser.place_name) == ("Politik", "Kaiserslautern")
    assert teaser.published_at == post.published_at
    assert teaser.published_at.tzinfo is not None
    assert teaser.lead_image is not None and teaser.lead_image.pk == post.lead_image_id
    from_orm = Teaser.from_post(queries.teasers().get(pk=post.pk))
    assert from_orm.lead_image is not None
    # The renditions' JSON text differs by database (PostgreSQL normalises it); the data not.
    assert json.loads(from_orm.lead_image.renditions or "{}") == json.loads(
        teaser.lead_image.renditions or "{}"
    )
    same = dataclasses.replace(from_orm.lead_image, renditions=teaser.lead_image.renditions)
    assert dataclasses.replace(from_orm, lead_image=same) == teaser


def test_drafts_and_unpublished_posts_are_in_no_list(town, reporter, publish) -> None:
    gone = publish(reporter.profile, "Zurückgezogen")
    unpublish_post(post=gone)
    create_post(kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Entwurf")
    assert reader.latest(limit=10) == []
    assert reader.by_ids([gone.pk]) == []


# --- most read and upcoming events -------------------------------------------------------------


def _reference_most_read(place: Place, days: int = 30, limit: int = 5) -> list[int]:
    since = timezone.now() - dt.timedelta(days=days)
    return list(
        Post.objects.filter(
            status=Post.Status.PUBLISHED,
            published_at__gte=since,
            place__in=surroundings(place).values("pk"),
        )
        .order_by("-read_count", "-id")
        .values_list("pk", flat=True)[:limit]
    )


def test_most_read_ranks_recent_posts_nearby_by_their_reads(town, reporter, publish) -> None:
    now = timezone.now()
    near = [publish(reporter.profile, f"Nah {n}", place=town.hohenecken) for n in range(7)]
    far = publish(reporter.profile, "Pirmasens", place=town.pirmasens)
    old = publish(reporter.profile, "Alt")
    Post.objects.filter(pk=old.pk).update(published_at=now - dt.timedelta(days=40))
    reads = {p.pk: n * 10 for n, p in enumerate(near)} | {far.pk: 1000, old.pk: 1000}
    reads[near[1].pk] = reads[near[2].pk] = 55  # a tie: the newer id first
    count_reads(counts=reads)
    ranked = [p.pk for p in queries.most_read(town.kaiserslautern)]
    assert ranked == _reference_most_read(town.kaiserslautern)
    assert ranked == [near[6].pk, near[2].pk, near[1].pk, near[5].pk, near[4].pk]


def test_most_read_ranking_is_renewed_after_its_maximum_age(
    town, reporter, publish, clock: Clock
) -> None:
    first, second = (publish(reporter.profile, f"Beitrag {n}") for n in range(2))
    count_reads(counts={first.pk: 5})
    assert [p.pk for p in queries.most_read(town.kaiserslautern)] == [first.pk, second.pk]
    count_reads(counts={second.pk: 50})
    clock.now += queries.MOST_READ_MAX_AGE - 1
    assert [p.pk for p in queries.most_read(town.kaiserslautern)] == [first.pk, second.pk]
    clock.now += 1
    assert [p.pk for p in queries.most_read(town.kaiserslautern)] == [second.pk, first.pk]


def test_an_unpublished_post_leaves_most_read_at_once(town, reporter, publish) -> None:
    post = publish(reporter.profile, "Bald weg")
    count_reads(counts={post.pk: 9})
    assert [p.pk for p in queries.most_read(town.kaiserslautern)] == [post.pk]
    unpublish_post(post=post)  # no generation bump in tests: the ranking is still remembered
    assert queries.most_read(town.kaiserslautern) == []


def _event(reporter, headline: str, place: Place, starts: dt.datetime, ends=None) -> Post:
    post = create_post(
        kind=Post.Kind.EVENT,
        author=reporter.profile,
        headline=headline,
        place=place,
        event=EventData(starts_at=starts, ends_at=ends),
    )
    return publish_post(post=post)


def test_upcoming_events_are_those_not_ended_soonest_first(town, reporter) -> None:
    now = timezone.now()
    hour = dt.timedelta(hours=1)
    _event(reporter, "Vorbei", town.kaiserslautern, now - 3 * hour, now - hour)
    _event(reporter, "Vorbei ohne Ende", town.kaiserslautern, now - hour)
    running = _event(reporter, "Läuft", town.kaiserslautern, now - 30 * 24 * hour, now + hour)
    later = _event(reporter, "Später", town.otterberg, now + 5 * hour)
    soon = _event(reporter, "Bald", town.hohenecken, now + hour, now + 2 * hour)
    _event(reporter, "Zu weit weg", town.pirmasens, now + hour)
    events = queries.upcoming_events(town.kaiserslautern)
    assert [e.pk for e in events] == [running.pk, soon.pk, later.pk]
    assert events[1].starts_at == soon.event.starts_at


# --- markup built in Python ---------------------------------------------------------------------

EVIL = '<script>alert("x")</script>'


def test_teasers_escape_everything_from_the_database(town, reporter, publish) -> None:
    post = publish(reporter.profile, EVIL, kicker=EVIL, teaser=EVIL, topic=town.politik)
    (teaser,) = reader.by_ids([post.pk])
    for html in (teasers([teaser]), compact_list([teaser])):
        assert "<script>" not in html
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_gallery_escapes_captions_credits_and_alternative_texts() -> None:
    picture = Picture(1, "images/a.jpg", 4, 3, EVIL, EVIL, EVIL, 0.5, 0.5, "")
    html = gallery([picture, picture], 9, "50vw", "lazy")
    assert "<script>" not in html
    assert html.count('class="lightbox"') == 2
    assert 'href="#bild-2"' in html and 'href="#gallery-9"' in html


def test_a_teaser_renders_the_same_from_the_orm_and_from_sql(
    town, reporter, advertiser, publish
) -> None:
    post = publish(reporter.profile, "Gleich", pictures=3, sponsor=advertiser.profile)
    orm = queries.teasers().get(pk=post.pk)
    assert teasers([orm]) == teasers(reader.by_ids([post.pk]))
    html = teasers([orm])
    assert "3 Bilder" in html and "Anzeige" in html and "Foto: Foto: Test" in html
    with translation.override("en"):
        assert "3 pictures" in teasers([orm]) and "Advertisement" in teasers([orm])


class CountingStorage:
    """The media storage, counting how often it is asked for a URL."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.base_url = default_storage.base_url  # type: ignore[attr-defined]

    def url(self, name: str) -> str:
        self.asked.append(name)
        return str(default_storage.url(name))


def test_picture_urls_are_built_once_per_picture(monkeypatch: pytest.MonkeyPatch) -> None:
    storage = CountingStorage()
    monkeypatch.setattr(pictures, "default_storage", storage)
    pictures._sources.cache_clear()
    renditions = (
        '{"jpeg": [{"name": "r/a-480.jpg", "width": 480}, {"name": "r/a-960.jpg", "width": 960}],'
        ' "webp": [{"name": "r/a-480.webp", "width": 480}]}'
    )
    picture = Picture(1, "images/a.jpg", 960, 720, "Alt", "C", "", 0.2, 0.8, renditions)
    first = pictures.picture(picture, "50vw")
    for sizes in ("50vw", "100vw", "50vw"):
        pictures.picture(picture, sizes, "", "eager")
    # Three renditions in the srcsets and the largest JPEG once more as the fallback.
    assert len(storage.asked) == 4
    assert 'srcset="/media/r/a-480.webp 480w"' in first
    assert 'src="/media/r/a-960.jpg"' in first
    assert 'class="fx-2 fy-8"' in first


def test_a_picture_renders_the_same_from_an_image_row(town, reporter, publish) -> None:
    post = publish(reporter.profile, "Bild", pictures=1)
    image = Image.objects.get(post=post)
    image.renditions = {"jpeg": [{"name": "r/b-480.jpg", "width": 480, "height": 360}]}
    assert pictures.picture(image, "50vw") == pictures.picture(Picture.from_image(image), "50vw")
    image.renditions = {}
    assert pictures.picture(image).startswith("<img src=")


# --- what a page costs ---------------------------------------------------------------------------


def test_reading_pages_need_few_queries(
    town, reporter, publish, django_assert_max_num_queries
) -> None:
    posts = [publish(reporter.profile, f"Beitrag {n}", pictures=2) for n in range(3)]
    client = Client()
    # Place and post pages add the follow button, likes and comments (1 and 3 queries).
    pages = {"/": 3, "/ort/kaiserslautern/": 3, posts[0].get_absolute_url(): 6}
    for url, limit in pages.items():
        client.get(url)  # the menu, the places and the rankings are remembered from now on
        read_buffer.flush()  # read counts are written every few seconds; not in this request
        with django_assert_max_num_queries(limit):
            assert client.get(url).status_code == 200


def test_without_the_page_cache_every_request_reads_the_database(town, reporter, publish) -> None:
    post = publish(reporter.profile, "Erste Fassung")
    client = Client()
    assert "Erste Fassung" in client.get("/").content.decode()
    # Changed behind the services' back: no generation bump, nothing may be remembered.
    Post.objects.filter(pk=post.pk).update(headline="Zweite Fassung")
    assert "Zweite Fassung" in client.get("/").content.decode()
    edit_post(post=Post.objects.get(pk=post.pk), body="<p>Neu</p>")
    assert (
        "<p>Neu</p>" in client.get(Post.objects.get(pk=post.pk).get_absolute_url()).content.decode()
    )


def test_teasers_from_the_orm_render_without_further_queries(
    town, reporter, publish, django_assert_num_queries
) -> None:
    for n in range(3):
        publish(reporter.profile, f"Beitrag {n}", pictures=2, topic=town.politik)
    posts = list(queries.teasers())
    with django_assert_num_queries(0):
        teasers(posts)
        compact_list(posts)


def test_teaser_dates_follow_the_readers_language(town, reporter, publish) -> None:
    post = publish(reporter.profile, "Datum")
    Post.objects.filter(pk=post.pk).update(
        published_at=dt.datetime(2030, 12, 24, 22, 30, tzinfo=dt.UTC)  # 23:30 in Berlin
    )
    items = reader.by_ids([post.pk])
    assert ">24.12.2030</time>" in teasers(items)
    with translation.override("en"):
        assert ">12/24/2030</time>" in teasers(items)
    Post.objects.filter(pk=post.pk).update(
        published_at=dt.datetime(2030, 12, 24, 23, 30, tzinfo=dt.UTC)  # past midnight in Berlin
    )
    assert ">25.12.2030</time>" in teasers(reader.by_ids([post.pk]))
