from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage

from conftest import jpeg_bytes
from litfass.content.models import Autosave, Post, Revision
from litfass.content.services import start_post
from litfass.images.models import Image


def login(persona) -> Client:
    client = Client()
    client.force_login(persona.user)
    return client


def new_draft(persona, kind=Post.Kind.ARTICLE):
    return start_post(kind=kind, author=persona.profile, by=persona.user)


def compose_data(post, **overrides):
    data = {
        "kicker": "Stadtrat",
        "headline": "Neue Bänke im Park",
        "teaser": "",
        "body": "<p>Der Stadtrat hat <strong>zehn</strong> neue Bänke beschlossen.</p>",
        "place": post.place_id or "",
        "topic": "",
        "version": post.version,
        "action": "save",
    }
    data.update(overrides)
    return data


def upload(name: str, content: bytes, kind: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=kind)


# --- starting a post -------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login(db):
    response = Client().get(reverse("content:new"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_reporter_starts_an_article_and_lands_in_the_composer(reporter):
    client = login(reporter)
    response = client.post(
        reverse("content:new"),
        {"kind": "article", "author": reporter.profile.pk, "token": "t-1"},
    )
    post = Post.objects.get()
    assert response["Location"] == reverse("content:compose", args=[post.pk])
    assert post.status == Post.Status.DRAFT
    assert post.place == reporter.profile.home_place


def test_a_double_submit_makes_one_draft(reporter):
    client = login(reporter)
    data = {"kind": "article", "author": reporter.profile.pk, "token": "same-token"}
    first = client.post(reverse("content:new"), data)
    second = client.post(reverse("content:new"), data)
    assert first["Location"] == second["Location"]
    assert Post.objects.count() == 1


def test_organisation_member_starts_a_post_for_the_club(org_member):
    client = login(org_member)
    page = client.get(reverse("content:new")).content.decode()
    assert "TSG Otterbach" in page
    client.post(
        reverse("content:new"), {"kind": "event", "author": org_member.profile.pk, "token": "x"}
    )
    post = Post.objects.get()
    assert post.author == org_member.profile
    assert post.event.starts_at is not None


def test_nobody_starts_a_post_for_a_foreign_profile(reporter, org_member):
    client = login(org_member)
    response = client.post(
        reverse("content:new"), {"kind": "article", "author": reporter.profile.pk, "token": "x"}
    )
    assert response.status_code == 200
    assert "Sie können nicht im Namen dieses Profils veröffentlichen." in response.content.decode()
    assert not Post.objects.exists()


# --- writing ---------------------------------------------------------------------------------


def test_saving_keeps_the_text_sanitised_and_records_history(reporter):
    post = new_draft(reporter)
    client = login(reporter)
    body = '<p onmouseover="x()">Hallo <script>alert(1)</script><a href="javascript:x">y</a></p>'
    response = client.post(
        reverse("content:compose", args=[post.pk]), compose_data(post, body=body)
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.headline == "Neue Bänke im Park"
    assert "script" not in post.body
    assert "onmouseover" not in post.body
    assert "javascript" not in post.body
    assert post.revisions.filter(action=Revision.Action.EDITED).exists()


def test_an_empty_headline_is_refused_and_the_text_is_kept(reporter):
    post = new_draft(reporter)
    client = login(reporter)
    response = client.post(
        reverse("content:compose", args=[post.pk]),
        compose_data(post, headline="", body="<p>Mein langer Text</p>"),
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Bitte geben Sie dem Beitrag eine Überschrift." in html
    assert "Mein langer Text" in html


def test_a_too_long_headline_is_refused(reporter):
    post = new_draft(reporter)
    response = login(reporter).post(
        reverse("content:compose", args=[post.pk]), compose_data(post, headline="x" * 161)
    )
    assert response.status_code == 400
    assert "höchstens 160 Zeichen" in response.content.decode()


def test_a_place_that_does_not_exist_is_refused(reporter):
    post = new_draft(reporter)
    response = login(reporter).post(
        reverse("content:compose", args=[post.pk]), compose_data(post, place=999_999)
    )
    assert response.status_code == 400
    assert "Diesen Ort gibt es nicht" in response.content.decode()


def test_an_event_that_ends_before_it_starts_is_refused(reporter):
    post = new_draft(reporter, Post.Kind.EVENT)
    data = compose_data(
        post, starts_at="2030-05-01T20:00", ends_at="2030-05-01T18:00", venue="Stadthalle"
    )
    response = login(reporter).post(reverse("content:compose", args=[post.pk]), data)
    assert response.status_code == 400
    assert "kann nicht enden, bevor sie beginnt" in response.content.decode()
    post.refresh_from_db()
    assert post.headline == ""


def test_an_event_is_saved_with_its_details(reporter):
    post = new_draft(reporter, Post.Kind.EVENT)
    data = compose_data(
        post,
        starts_at="2030-05-01T18:00",
        ends_at="2030-05-01T20:00",
        venue="Stadthalle",
        online_url="https://meet.example.org/x",
        latitude="49.44",
        longitude="7.77",
    )
    assert login(reporter).post(reverse("content:compose", args=[post.pk]), data).status_code == 302
    post.event.refresh_from_db()
    assert post.event.venue == "Stadthalle"
    assert post.event.online_url == "https://meet.example.org/x"


def test_a_stale_edit_names_who_changed_the_post_and_keeps_both_texts(reporter, moderator):
    post = new_draft(reporter)
    opened_version = post.version
    login(moderator).post(
        reverse("content:compose", args=[post.pk]),
        compose_data(post, body="<p>Fassung der Redaktion</p>"),
    )
    response = login(reporter).post(
        reverse("content:compose", args=[post.pk]),
        compose_data(post, body="<p>Meine Fassung</p>", version=opened_version),
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "mona@example.org" in html
    assert "Fassung der Redaktion" in html
    assert "Meine Fassung" in html
    post.refresh_from_db()
    assert "Fassung der Redaktion" in post.body


def test_outsiders_get_404_for_someone_elses_draft(reporter, outsider):
    post = new_draft(reporter)
    client = login(outsider)
    for name in ["compose", "history", "delete"]:
        assert client.get(reverse(f"content:{name}", args=[post.pk])).status_code == 404
    response = client.post(reverse("content:compose", args=[post.pk]), compose_data(post))
    assert response.status_code == 404
    assert client.get(reverse("content:compose", args=[987_654])).status_code == 404


# --- pictures ---------------------------------------------------------------------------------


def test_several_pictures_upload_at_once_without_metadata(reporter):
    post = new_draft(reporter)
    client = login(reporter)
    response = client.post(
        reverse("content:upload", args=[post.pk]),
        {
            "pictures": [upload("a.jpg", jpeg_bytes(seed=1)), upload("b.jpg", jpeg_bytes(seed=2))],
            "credit": "Foto: Rita",
            "alt_text": "Bänke im Park",
        },
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.image_count == 2
    for image in Image.objects.filter(post=post):
        assert not PILImage.open(image.file.path).getexif()


def test_a_text_file_renamed_to_jpg_is_refused_and_the_form_is_kept(reporter):
    post = new_draft(reporter)
    response = login(reporter).post(
        reverse("content:upload", args=[post.pk]),
        {
            "pictures": [upload("virus.jpg", b"MZ not a picture")],
            "credit": "Foto: R",
            "alt_text": "Alt",
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "virus.jpg: Diese Datei ist kein Bild" in html
    assert 'value="Foto: R"' in html
    assert not Image.objects.exists()


def test_a_pixel_bomb_is_refused(reporter, settings):
    settings.LITFASS_MAX_IMAGE_PIXELS = 60_000_000
    out = io.BytesIO()
    # 60 megapixels of one colour compress to a small PNG: the classic decompression bomb.
    PILImage.new("1", (10_000, 6_001)).save(out, "PNG")
    post = new_draft(reporter)
    response = login(reporter).post(
        reverse("content:upload", args=[post.pk]),
        {
            "pictures": [upload("bomb.png", out.getvalue(), "image/png")],
            "credit": "F",
            "alt_text": "A",
        },
    )
    assert response.status_code == 400
    assert "Megapixel" in response.content.decode()
    assert not Image.objects.exists()


def test_a_truncated_picture_is_refused(reporter):
    data = jpeg_bytes(400, 300)
    post = new_draft(reporter)
    response = login(reporter).post(
        reverse("content:upload", args=[post.pk]),
        {"pictures": [upload("halb.jpg", data[: len(data) // 2])], "credit": "F", "alt_text": "A"},
    )
    assert response.status_code == 400
    assert not Image.objects.exists()


def test_credit_and_alt_text_are_required_with_a_reason(reporter):
    post = new_draft(reporter)
    response = login(reporter).post(
        reverse("content:upload", args=[post.pk]), {"pictures": [upload("a.jpg", jpeg_bytes())]}
    )
    html = response.content.decode()
    assert "Bitte nennen Sie, wer das Bild aufgenommen hat" in html
    assert "für Menschen, die es nicht sehen können" in html


def test_a_snapshot_with_two_pictures_is_refused(reporter):
    post = new_draft(reporter, Post.Kind.SNAPSHOT)
    response = login(reporter).post(
        reverse("content:upload", args=[post.pk]),
        {
            "pictures": [upload("a.jpg", jpeg_bytes(seed=1)), upload("b.jpg", jpeg_bytes(seed=2))],
            "credit": "F",
            "alt_text": "A",
        },
    )
    assert "Ein Schnappschuss hat genau ein Bild" in response.content.decode()
    assert Image.objects.filter(post=post).count() == 1


def test_pictures_are_described_reordered_and_removed(reporter):
    post = new_draft(reporter)
    client = login(reporter)
    client.post(
        reverse("content:upload", args=[post.pk]),
        {
            "pictures": [upload("a.jpg", jpeg_bytes(seed=1)), upload("b.jpg", jpeg_bytes(seed=2))],
            "credit": "F",
            "alt_text": "A",
        },
    )
    first, second = Image.objects.filter(post=post).order_by("position")
    url = reverse("content:picture", args=[post.pk, second.pk])
    client.post(
        url,
        {
            "action": "save",
            "credit": "Foto: B",
            "alt_text": "Zwei",
            "caption": "",
            "focal_x": 20,
            "focal_y": 80,
        },
    )
    client.post(url, {"action": "up"})
    post.refresh_from_db()
    second.refresh_from_db()
    assert post.lead_image == second
    assert (second.alt_text, second.focal_x, second.focal_y) == ("Zwei", 0.2, 0.8)
    client.post(reverse("content:picture", args=[post.pk, first.pk]), {"action": "remove"})
    post.refresh_from_db()
    assert post.image_count == 1


def test_pictures_of_other_posts_are_not_found(reporter, outsider):
    post = new_draft(reporter)
    response = login(outsider).post(
        reverse("content:picture", args=[post.pk, 1]), {"action": "remove"}
    )
    assert response.status_code == 404


# --- publishing --------------------------------------------------------------------------------


def test_a_newcomers_first_posts_wait_for_approval_then_publish_directly(
    reporter, moderator, settings
):
    settings.LITFASS_APPROVAL_POSTS = 1
    client = login(reporter)
    post = new_draft(reporter)
    client.post(reverse("content:compose", args=[post.pk]), compose_data(post, action="publish"))
    post.refresh_from_db()
    assert post.status == Post.Status.PENDING

    editor = login(moderator)
    assert "Neue Bänke im Park" in editor.get(reverse("content:review")).content.decode()
    editor.post(reverse("content:review_decide", args=[post.pk]), {"action": "approve"})
    post.refresh_from_db()
    assert post.status == Post.Status.PUBLISHED

    second = new_draft(reporter)
    client.post(
        reverse("content:compose", args=[second.pk]), compose_data(second, action="publish")
    )
    second.refresh_from_db()
    assert second.status == Post.Status.PUBLISHED


def test_editors_send_a_post_back_with_a_note_the_author_sees(reporter, moderator):
    client = login(reporter)
    post = new_draft(reporter)
    client.post(reverse("content:compose", args=[post.pk]), compose_data(post, action="publish"))
    editor = login(moderator)
    missing_note = editor.post(
        reverse("content:review_decide", args=[post.pk]), {"action": "send_back", "note": ""}
    )
    assert missing_note.status_code == 400
    editor.post(
        reverse("content:review_decide", args=[post.pk]),
        {"action": "send_back", "note": "Bitte Quelle nennen."},
    )
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT
    assert (
        "Bitte Quelle nennen."
        in client.get(reverse("content:compose", args=[post.pk])).content.decode()
    )


def test_the_review_queue_is_for_editors_only(reporter):
    response = login(reporter).get(reverse("content:review"))
    assert response.status_code == 302


def test_publishing_a_gallery_with_one_picture_says_why_not(reporter, settings):
    settings.LITFASS_APPROVAL_POSTS = 0
    post = new_draft(reporter, Post.Kind.GALLERY)
    client = login(reporter)
    client.post(
        reverse("content:upload", args=[post.pk]),
        {"pictures": [upload("a.jpg", jpeg_bytes())], "credit": "F", "alt_text": "A"},
    )
    response = client.post(
        reverse("content:compose", args=[post.pk]),
        compose_data(post, action="publish"),
        follow=True,
    )
    assert "mindestens zwei Bilder" in response.content.decode()
    post.refresh_from_db()
    assert post.status == Post.Status.DRAFT
    assert post.headline == "Neue Bänke im Park"


def test_edit_after_publishing_shows_updated_and_unpublish_hides(reporter, settings):
    settings.LITFASS_APPROVAL_POSTS = 0
    client = login(reporter)
    post = new_draft(reporter)
    client.post(reverse("content:compose", args=[post.pk]), compose_data(post, action="publish"))
    post.refresh_from_db()
    client.post(
        reverse("content:compose", args=[post.pk]),
        compose_data(post, body="<p>Korrigiert</p>"),
    )
    page = Client().get(post.get_absolute_url()).content.decode()
    assert "aktualisiert" in page
    assert "Korrigiert" in page
    post.refresh_from_db()
    client.post(reverse("content:compose", args=[post.pk]), compose_data(post, action="unpublish"))
    assert Client().get(post.get_absolute_url()).status_code == 404


def test_delete_hides_the_post_and_purge_removes_pictures_later(reporter, settings, media_root):
    import datetime as dt

    from django.utils import timezone

    from litfass.content.services import purge_deleted_posts

    settings.LITFASS_APPROVAL_POSTS = 0
    client = login(reporter)
    post = new_draft(reporter)
    client.post(
        reverse("content:upload", args=[post.pk]),
        {"pictures": [upload("a.jpg", jpeg_bytes())], "credit": "F", "alt_text": "A"},
    )
    client.post(reverse("content:compose", args=[post.pk]), compose_data(post, action="publish"))
    client.post(reverse("content:delete", args=[post.pk]))
    assert Client().get(post.get_absolute_url()).status_code == 404
    assert client.get(reverse("content:compose", args=[post.pk])).status_code == 404
    assert purge_deleted_posts() == 0
    assert [p for p in media_root.rglob("*") if p.is_file()]
    assert purge_deleted_posts(now=timezone.now() + dt.timedelta(days=8)) == 1
    assert not Post.objects.filter(pk=post.pk).exists()
    assert not [p for p in media_root.rglob("*.jpg") if p.is_file()]


# --- autosave, history, my area ---------------------------------------------------------------


def test_autosave_keeps_typed_text_and_restores_it_on_return(reporter):
    post = new_draft(reporter)
    client = login(reporter)
    response = client.post(
        reverse("content:autosave", args=[post.pk]),
        {
            "headline": "Halb fertig",
            "body": "<p>Entwurf im Werden</p>",
            "version": post.version,
            "evil": "x",
        },
    )
    assert response.status_code == 200
    assert response.json()["stale"] is False
    saved = Autosave.objects.get()
    assert "evil" not in saved.data
    post.refresh_from_db()
    assert post.headline == ""
    html = client.get(reverse("content:compose", args=[post.pk])).content.decode()
    assert "Halb fertig" in html
    assert "wiederhergestellt" in html


def test_autosave_needs_a_login_and_the_right_to_write(reporter, outsider):
    post = new_draft(reporter)
    url = reverse("content:autosave", args=[post.pk])
    assert Client().post(url, {"headline": "x"}).status_code == 302
    assert login(outsider).post(url, {"headline": "x"}).status_code == 404
    assert not Autosave.objects.exists()


def test_history_lists_who_did_what(reporter):
    post = new_draft(reporter)
    client = login(reporter)
    client.post(reverse("content:compose", args=[post.pk]), compose_data(post))
    html = client.get(reverse("content:history", args=[post.pk])).content.decode()
    assert "erstellt" in html
    assert "bearbeitet" in html
    assert "Neue Bänke im Park" in html
    assert "<dt>Überschrift</dt>" in html, "changed fields are named in the writer's language"
    assert "<dt>headline</dt>" not in html


def test_my_area_groups_posts_by_status_with_reads(reporter, org_member, publish):
    publish(reporter.profile, "Schon erschienen")
    new_draft(reporter)
    html = login(reporter).get(reverse("content:my_area")).content.decode()
    assert "Entwürfe (1)" in html
    assert "Veröffentlicht (1)" in html
    assert "Schon erschienen" in html


def test_composer_pages_keep_their_query_count(reporter, django_assert_max_num_queries):
    post = new_draft(reporter)
    client = login(reporter)
    for n in range(3):
        client.post(
            reverse("content:upload", args=[post.pk]),
            {"pictures": [upload(f"{n}.jpg", jpeg_bytes(seed=n))], "credit": "F", "alt_text": "A"},
        )
    with django_assert_max_num_queries(14):
        assert client.get(reverse("content:compose", args=[post.pk])).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get(reverse("content:my_area")).status_code == 200


@pytest.mark.parametrize("name", ["content:my_area", "content:new"])
def test_writer_pages_need_a_login(db, name):
    assert Client().get(reverse(name)).status_code == 302


def test_the_composer_allows_only_the_editors_own_style_and_nonced_scripts(reporter):
    post = new_draft(reporter)
    response = login(reporter).get(reverse("content:compose", args=[post.pk]))
    csp = response["Content-Security-Policy"]
    assert "'sha256-" in csp
    assert "unsafe-inline" not in csp
    assert "'nonce-" in csp
    html = response.content.decode()
    assert '<script type="importmap" nonce="' in html


def test_purge_command_reports_what_it_removed(reporter):
    import datetime as dt
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    post = new_draft(reporter)
    Post.objects.filter(pk=post.pk).update(deleted_at=timezone.now() - dt.timedelta(days=30))
    out = StringIO()
    call_command("purge_deleted", stdout=out)
    assert "1 deleted post(s)" in out.getvalue()
    assert not Post.objects.filter(pk=post.pk).exists()


def test_without_javascript_plain_text_becomes_paragraphs(reporter):
    post = new_draft(reporter)
    login(reporter).post(
        reverse("content:compose", args=[post.pk]),
        compose_data(post, body="Erster Absatz.\n\nZweiter <Absatz> & mehr."),
    )
    post.refresh_from_db()
    assert post.body == "<p>Erster Absatz.</p><p>Zweiter &lt;Absatz&gt; &amp; mehr.</p>"
