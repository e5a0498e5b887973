from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from conftest import jpeg_bytes
from litfass.content.models import EventDetails, Post
from litfass.content.services import (
    EventData,
    add_picture,
    create_post,
    edit_post,
    publish_post,
    remove_picture,
    unpublish_post,
)
from litfass.images.models import Image


def test_reporter_creates_a_draft_with_a_sanitised_body(reporter):
    post = create_post(
        kind=Post.Kind.ARTICLE,
        author=reporter.profile,
        by=reporter.user,
        headline="Neue Bänke am Stadtpark",
        body='<p onclick="x()">Schön <script>alert(1)</script></p>',
    )
    assert post.status == Post.Status.DRAFT
    assert "onclick" not in post.body
    assert "alert" not in post.body
    assert post.slug == "neue-banke-am-stadtpark"
    assert post.teaser == "Schön"


def test_organisation_member_writes_for_the_club(org_member):
    post = create_post(
        kind=Post.Kind.ARTICLE, author=org_member.profile, by=org_member.user, headline="Sommerfest"
    )
    assert post.author == org_member.profile


def test_outsider_may_not_write_for_someone_elses_profile(reporter, outsider):
    with pytest.raises(PermissionDenied):
        create_post(
            kind=Post.Kind.ARTICLE, author=reporter.profile, by=outsider.user, headline="Fake"
        )
    assert not Post.objects.exists()


def test_empty_headline_is_refused_with_a_message(reporter):
    with pytest.raises(ValidationError) as excinfo:
        create_post(kind=Post.Kind.ARTICLE, author=reporter.profile, headline="   ")
    assert "headline" in excinfo.value.message_dict
    assert not Post.objects.exists()


def test_event_needs_its_date(reporter):
    with pytest.raises(ValidationError, match="Datum und Uhrzeit des Beginns"):
        create_post(kind=Post.Kind.EVENT, author=reporter.profile, headline="Konzert")


def test_event_that_ends_before_it_starts_is_refused_and_nothing_is_saved(reporter):
    start = timezone.now() + dt.timedelta(days=3)
    with pytest.raises(ValidationError) as excinfo:
        create_post(
            kind=Post.Kind.EVENT,
            author=reporter.profile,
            headline="Konzert",
            event=EventData(starts_at=start, ends_at=start - dt.timedelta(hours=1)),
        )
    assert "kann nicht enden, bevor sie beginnt" in str(excinfo.value)
    assert not Post.objects.exists()
    assert not EventDetails.objects.exists()


def test_publishing_sets_the_date_once(reporter):
    post = create_post(
        kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Erst", body="<p>Text</p>"
    )
    first = timezone.now() - dt.timedelta(days=2)
    publish_post(post=post, at=first)
    unpublish_post(post=post)
    publish_post(post=post)
    assert post.published_at == first
    assert post.status == Post.Status.PUBLISHED


def test_illegal_status_moves_are_refused(reporter):
    post = create_post(kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Entwurf")
    with pytest.raises(ValidationError, match="kann nicht von „Entwurf“ zu „Zurückgezogen“"):
        unpublish_post(post=post)


def test_snapshot_needs_exactly_one_image(reporter):
    post = create_post(kind=Post.Kind.SNAPSHOT, author=reporter.profile, headline="Abendrot")
    with pytest.raises(ValidationError, match="genau ein Bild"):
        publish_post(post=post)
    add_picture(post=post, data=jpeg_bytes(), credit="Foto: R.", alt_text="Roter Himmel")
    with pytest.raises(ValidationError, match="genau ein Bild"):
        add_picture(post=post, data=jpeg_bytes(seed=1), credit="Foto: R.", alt_text="Noch einer")
    publish_post(post=post)
    assert Image.objects.filter(post=post).count() == 1


def test_gallery_needs_two_pictures(reporter):
    post = create_post(kind=Post.Kind.GALLERY, author=reporter.profile, headline="Fest")
    add_picture(post=post, data=jpeg_bytes(), credit="Foto: R.", alt_text="Bühne")
    with pytest.raises(ValidationError, match="mindestens zwei Bilder"):
        publish_post(post=post)


def test_pictures_keep_the_lead_image_and_count_in_step(reporter):
    post = create_post(kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Bilder")
    first = add_picture(post=post, data=jpeg_bytes(), credit="Foto: A", alt_text="Erstes")
    second = add_picture(post=post, data=jpeg_bytes(seed=1), credit="Foto: B", alt_text="Zweites")
    post.refresh_from_db()
    assert (post.lead_image, post.image_count) == (first, 2)
    remove_picture(image=first)
    post.refresh_from_db()
    assert (post.lead_image, post.image_count) == (second, 1)


def test_editing_a_published_post_marks_it_updated_and_changes_the_slug(reporter, publish):
    post = publish(reporter.profile, "Alter Titel")
    assert post.edited_at is None
    edit_post(post=post, headline="Neuer Titel", by=reporter.user)
    assert post.slug == "neuer-titel"
    assert post.edited_at is not None


def test_sponsored_post_names_its_sponsor(advertiser, reporter):
    post = create_post(
        kind=Post.Kind.ARTICLE,
        author=reporter.profile,
        headline="Winterschlussverkauf",
        sponsor=advertiser.profile,
    )
    assert post.sponsored
    assert post.sponsor == advertiser.profile
