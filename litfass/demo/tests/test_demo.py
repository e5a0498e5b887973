from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.test import Client, TestCase, override_settings
from django.utils import timezone
from PIL import Image as PILImage

from litfass.accounts.models import Profile, User
from litfass.content import services as content_services
from litfass.content.models import Post, Topic
from litfass.demo import content, images
from litfass.embeds.models import PostEmbed
from litfass.images.models import Image
from litfass.images.tasks import make_renditions
from litfass.places.models import Place
from litfass.places.queries import surroundings

# Central European (winter) time, fixed, so that the test dates need no time-zone database.
CET = dt.timezone(dt.timedelta(hours=1))


def run_demo(*args: str) -> str:
    out = io.StringIO()
    call_command("demo", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {
        "places": Place.objects.count(),
        "topics": Topic.objects.count(),
        "profiles": Profile.objects.count(),
        "accounts": User.objects.count(),
        "posts": Post.objects.count(),
        "pictures": Image.objects.count(),
        "published": Post.objects.filter(status=Post.Status.PUBLISHED).count(),
    }


def stored_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file())


class LoadedDemoTests(TestCase):
    """What the loaded demo contains. The demo is loaded once for the class (it takes a
    second or two); every test runs in its own savepoint and only reads."""

    output: str

    @classmethod
    def setUpClass(cls) -> None:
        media = Path(tempfile.mkdtemp(prefix="litfass-demo-"))
        cls.addClassCleanup(shutil.rmtree, media, ignore_errors=True)
        storage = {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(media), "base_url": "/media/"},
        }
        cls.enterClassContext(
            override_settings(STORAGES={**django_settings.STORAGES, "default": storage})
        )
        super().setUpClass()

    @classmethod
    def setUpTestData(cls) -> None:
        cls.output = run_demo()

    def test_election_article_has_two_pictures_by_herzlich_digital_in_kaiserslautern(self):
        post = Post.objects.get(kicker="OB-Wahl Kaiserslautern")

        assert post.kind == Post.Kind.ARTICLE
        assert post.author.display_name == "Herzlich digital"
        assert post.author.slug == "herzlich-digital"
        assert post.author.kind == Profile.Kind.ORGANISATION
        assert post.author.home_place is not None
        assert post.author.home_place.slug == "kaiserslautern"
        assert post.place is not None
        assert post.place.slug == "kaiserslautern"
        assert post.topic is not None
        assert post.topic.name == "Politik"
        assert post.image_count == 2
        pictures = list(post.images.all())
        assert len(pictures) == 2
        assert all(p.credit and p.alt_text and p.caption for p in pictures)
        assert post.lead_image == pictures[0]

    def test_the_december_article_embeds_the_concert_and_the_concert_its_venue_map(self):
        december = Post.objects.get(headline__startswith="Kultur in Kaiserslautern:")
        concert = Post.objects.get(kind=Post.Kind.EVENT, headline__contains="Klangwelten")
        assert [e.kind for e in PostEmbed.objects.filter(post=december)] == ["event"]
        assert [e.kind for e in PostEmbed.objects.filter(post=concert)] == ["map"]
        page = Client().get(december.get_absolute_url()).content.decode()
        assert 'class="embed embed--internal' in page and concert.get_absolute_url() in page
        venue = Client().get(concert.get_absolute_url()).content.decode()
        assert "embed--openstreetmap" in venue and "<iframe" not in venue

    def test_election_article_states_the_facts(self):
        body = Post.objects.get(kicker="OB-Wahl Kaiserslautern").body

        for fact in (
            "12. Februar",
            "Dr. Klaus Weichel",
            "Beate Kimmel (SPD)",
            "Tobias Wiesemann (Die Grünen)",
            "Anja Pfeiffer (CDU)",
            "Rainer Rocholl (Die Basis)",
            "Thomas Kürwitz",
            "Evangelos Karanikas",
            "seit 2017",
            "KL.digital GmbH",
            "Ilona Benz",
            "Dirk Andres",
            "Dr. Martin Memmel",
            "Smart City Living Lab",
            "Videokonferenz",
        ):
            assert fact in body, fact
        assert f'href="{content.ELECTION_URL}"' in body

    def test_culture_teasers_are_sponsored_with_five_and_four_pictures(self):
        sponsored = list(Post.objects.filter(sponsored=True).order_by("-published_at"))

        assert [(p.image_count, p.images.count()) for p in sponsored] == [(5, 5), (4, 4)]
        for post in sponsored:
            assert post.sponsor is not None
            assert post.sponsor.slug == "kultur-kaiserslautern"
            assert post.topic is not None
            assert (post.topic.slug, post.topic.name) == (
                "ausgehen-geniessen",
                "Ausgehen & Genießen",
            )
        december, season = sponsored
        assert december.headline.startswith("Kultur in Kaiserslautern:")
        assert "Dezember" in december.headline
        for fact in (
            "Deutsche Staatsphilharmonie Rheinland-Pfalz",
            "„Winterliche Klangwelten“",
            "Fruchthalle",
            "David Reiland",
            "„Karneval der Tiere“",
            "Tianwa Yang",
        ):
            assert fact in december.body, fact
        for fact in ("2025/2026", "76. Saison", "750", "Manfred Schulz", "Christoph Dammann"):
            assert fact in season.headline + season.body, fact

    def test_concert_is_an_event_at_the_fruchthalle_on_a_friday_in_december(self):
        post = Post.objects.select_related("event").get(
            kind=Post.Kind.EVENT, headline__contains="Winterliche Klangwelten"
        )
        event = post.event

        assert post.image_count == 1
        assert event.venue == "Fruchthalle"
        assert event.address == "Fruchthallstraße 10, 67655 Kaiserslautern"
        assert event.latitude == pytest.approx(49.4447, abs=0.002)
        assert event.longitude == pytest.approx(7.7690, abs=0.002)
        assert event.ticket_url.startswith("https://")
        local = event.starts_at.astimezone(content.BERLIN)
        assert (local.month, local.weekday(), local.hour, local.minute) == (12, 4, 19, 30)
        assert local.day <= 7
        assert event.starts_at == content.concert_start(timezone.now())
        assert event.starts_at > timezone.now()
        assert event.ends_at is not None
        assert event.ends_at > event.starts_at
        teaser = Post.objects.get(sponsored=True, headline__contains="Dezember")
        assert f"Freitag, {local.day}. Dezember" in teaser.body
        assert str(local.year) in teaser.headline

    def test_online_office_hours_are_an_event_with_a_video_conference_link(self):
        post = Post.objects.select_related("event").get(headline__startswith="Online-Sprechstunde")

        assert post.kind == Post.Kind.EVENT
        assert post.event.online_url.startswith("https://")
        assert post.event.venue == ""
        assert post.event.starts_at > timezone.now()

    def test_snapshot_has_one_picture_and_gallery_several(self):
        snapshots = list(Post.objects.filter(kind=Post.Kind.SNAPSHOT))
        galleries = list(Post.objects.filter(kind=Post.Kind.GALLERY))

        assert len(snapshots) >= 1
        assert all(s.image_count == 1 and s.images.count() == 1 for s in snapshots)
        assert len(galleries) >= 1
        assert all(g.image_count >= 3 and g.images.count() == g.image_count for g in galleries)

    def test_posts_spread_over_places_and_the_far_town_lies_outside_the_surroundings(self):
        places = set(Post.objects.values_list("place__slug", flat=True))
        kaiserslautern = Place.objects.get(slug="kaiserslautern")
        districts = set(
            Place.objects.filter(parent=kaiserslautern, kind=Place.Kind.DISTRICT).values_list(
                "slug", flat=True
            )
        )
        nearby = set(surroundings(kaiserslautern).values_list("slug", flat=True))

        assert len(places) >= 5
        assert len(districts) == 2
        assert districts <= places
        assert {"kaiserslautern", "otterberg", "enkenbach-alsenborn", "pirmasens"} <= places
        assert districts | {"otterberg", "enkenbach-alsenborn"} <= nearby
        assert "pirmasens" not in nearby
        assert Place.objects.get(slug="westpfalz").kind == Place.Kind.REGION

    def test_topics_are_in_menu_order_and_used(self):
        assert list(Topic.objects.values_list("name", flat=True)) == [
            "Politik",
            "Lokales",
            "Kultur",
            "Sport",
            "Wirtschaft",
            "Ausgehen & Genießen",
            "Ratgeber",
        ]
        used = set(Post.objects.values_list("topic__slug", flat=True))
        assert {"politik", "lokales", "kultur", "sport", "wirtschaft", "ratgeber"} <= used

    def test_all_posts_are_published_in_the_past_with_the_election_article_newest(self):
        posts = list(Post.objects.order_by("-published_at"))

        assert len(posts) >= 18
        assert all(p.status == Post.Status.PUBLISHED for p in posts)
        assert all(p.published_at is not None for p in posts)
        assert max(p.published_at for p in posts if p.published_at) < timezone.now()
        assert len({p.published_at for p in posts}) == len(posts)
        assert posts[0].kicker == "OB-Wahl Kaiserslautern"

    def test_every_picture_has_credit_alt_text_and_caption(self):
        pictures = list(Image.objects.all())

        assert 20 <= len(pictures) <= 30
        assert all(p.credit and p.alt_text and p.caption for p in pictures)
        assert all((p.width, p.height) == (images.WIDTH, images.HEIGHT) for p in pictures)

    def test_demo_accounts_have_no_usable_password(self):
        users = list(User.objects.all())

        assert len(users) == Profile.objects.count()
        assert not any(u.has_usable_password() for u in users)
        assert not any(u.is_staff or u.is_superuser for u in users)
        assert Profile.objects.get(slug="sportfreunde-lautertal").members.count() == 2

    def test_summary_prints_the_counts(self):
        assert f"{Post.objects.count()} posts" in self.output
        assert f"{Image.objects.count()} pictures" in self.output
        assert f"{Place.objects.count()} places" in self.output


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (dt.datetime(2025, 11, 1, 12, 0, tzinfo=dt.UTC), dt.date(2025, 12, 5)),
        (dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC), dt.date(2026, 12, 4)),
        (dt.datetime(2026, 12, 4, 20, 0, tzinfo=CET), dt.date(2027, 12, 3)),
        (dt.datetime(2030, 12, 24, 8, 0, tzinfo=dt.UTC), dt.date(2031, 12, 5)),
    ],
)
def test_concert_date_is_the_next_first_friday_of_december(now, expected):
    start = content.concert_start(now)

    assert start.date() == expected
    assert start.weekday() == 4
    assert (start.hour, start.minute) == (19, 30)
    assert start > now


@pytest.mark.django_db
def test_if_empty_does_not_load_twice():
    first = run_demo("--if-empty")
    before = counts()

    second = run_demo("--if-empty")

    assert "Demo content loaded" in first
    assert "not loaded" in second
    assert counts() == before
    assert before["posts"] == before["published"] > 0


@pytest.mark.django_db
def test_plain_demo_refuses_to_load_twice():
    run_demo()
    before = counts()

    with pytest.raises(CommandError, match="--reset"):
        run_demo()

    assert counts() == before


@pytest.mark.django_db
def test_reset_reloads_the_same_counts_and_deletes_the_old_files(
    media_root, settings, django_capture_on_commit_callbacks
):
    run_demo()
    before = counts()
    old_posts = set(Post.objects.values_list("pk", flat=True))
    old_files = {media_root / name for name in Image.objects.values_list("file", flat=True)}
    assert len(old_files) == before["pictures"]
    assert all(path.exists() for path in old_files)
    # Run the file deletions that wait for the commit, but leave out the (slow) renditions.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}

    with django_capture_on_commit_callbacks(execute=True):
        out = run_demo("--reset")

    assert counts() == before
    assert old_posts.isdisjoint(Post.objects.values_list("pk", flat=True))
    assert f"Removed {before['places']} places" in out
    assert f"{before['posts']} posts" in out
    assert not any(path.exists() for path in old_files)
    assert len(stored_files(media_root)) == before["pictures"]


@pytest.mark.django_db
def test_reset_keeps_accounts_of_real_people(publish, reporter):
    publish(reporter.profile, "Ein Beitrag, der beim Zurücksetzen verschwindet")

    run_demo("--reset")

    assert User.objects.filter(pk=reporter.user.pk).exists()
    assert not Post.objects.filter(headline__startswith="Ein Beitrag, der").exists()
    assert not Profile.objects.filter(pk=reporter.profile.pk).exists()
    assert Post.objects.filter(kicker="OB-Wahl Kaiserslautern").count() == 1


@pytest.mark.django_db
def test_failed_load_leaves_no_rows_and_no_files(media_root, monkeypatch):
    published = 0
    real_publish = content_services.publish_post

    def publish_then_fail(**kwargs):
        nonlocal published
        published += 1
        if published == 6:
            raise RuntimeError("disk full")
        return real_publish(**kwargs)

    monkeypatch.setattr(content_services, "publish_post", publish_then_fail)

    with pytest.raises(RuntimeError, match="disk full"):
        run_demo()

    assert published == 6
    assert counts() == dict.fromkeys(counts(), 0)
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_stored_pictures_and_renditions_have_no_exif(media_root):
    run_demo()
    # Renditions take a second or two per picture; two pictures' worth proves the point.
    for image in Image.objects.all()[:2]:
        assert make_renditions.call(image.pk) == 9

    files = stored_files(media_root)
    renditions = [f for f in files if "renditions" in f.parts]
    assert len(renditions) == 2 * 9
    assert len(files) == Image.objects.count() + len(renditions)
    for path in files:
        with PILImage.open(path) as picture:
            assert dict(picture.getexif()) == {}, path
            assert "exif" not in picture.info, path


def test_pictures_are_deterministic_jpegs():
    first = images.render("concert_hall", seed=7, label="Fruchthalle", palette="night")
    again = images.render("concert_hall", seed=7, label="Fruchthalle", palette="night")
    other = images.render("concert_hall", seed=8, label="Fruchthalle", palette="night")

    assert first == again
    assert first != other
    with PILImage.open(io.BytesIO(first)) as picture:
        assert picture.format == "JPEG"
        assert picture.size == (images.WIDTH, images.HEIGHT)
