"""The personal profile settings page: /mein-bereich/profil/."""

from __future__ import annotations

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image as PILImage

from litfass.accounts import services
from litfass.accounts.models import Profile
from litfass.accounts.services import create_user
from litfass.accounts.tests.conftest import PASSWORD

URL = reverse("accounts:settings")


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(town, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "display_name": "Rita Rheinberger",
        "home_place": town.otterberg.pk,
        "bio": "Schreibt über den Stadtrat.",
        "links-TOTAL_FORMS": "2",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "5",
        "links-0-label": "Mein Blog",
        "links-0-url": "https://rita.example.org/",
        "links-1-label": "",
        "links-1-url": "",
    }
    data.update(changes)
    return data


def jpeg_bytes(color: str = "steelblue") -> bytes:
    out = io.BytesIO()
    PILImage.new("RGB", (64, 48), color).save(out, "JPEG")
    return out.getvalue()


def jpeg_with_metadata(width: int = 1200, height: int = 900) -> bytes:
    exif = PILImage.Exif()
    exif[0x010F] = "Spycam"  # camera make
    exif[0x8825] = {1: "N", 2: (49.0, 26.0, 40.0), 3: "E", 4: (7.0, 46.0, 8.0)}  # GPS
    out = io.BytesIO()
    PILImage.new("RGB", (width, height), "teal").save(out, "JPEG", exif=exif)
    return out.getvalue()


def test_settings_page_shows_the_profile_with_labels_and_the_security_links(reporter):
    response = logged_in(reporter.user).get(URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Rita Reporter"' in page
    assert '<label for="id_display_name">' in page
    assert 'aria-describedby="id_display_name_helptext"' in page
    assert reverse("account_email") in page
    assert reverse("account_change_password") in page
    assert reverse("mfa_index") in page
    assert reporter.profile.get_absolute_url() in page


def test_settings_page_needs_a_login(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_saving_the_profile_changes_it_and_says_so(reporter, town):
    client = logged_in(reporter.user)

    response = client.post(URL, form_data(town))

    assert response.status_code == 302
    assert response["Location"] == URL
    profile = Profile.objects.get(pk=reporter.profile.pk)
    assert profile.display_name == "Rita Rheinberger"
    assert profile.home_place == town.otterberg
    assert profile.bio == "Schreibt über den Stadtrat."
    assert profile.links == [{"label": "Mein Blog", "url": "https://rita.example.org/"}]
    assert "Ihr Profil wurde gespeichert." in client.get(URL).content.decode()


def test_a_link_without_scheme_is_taken_as_https(reporter, town):
    logged_in(reporter.user).post(URL, form_data(town, **{"links-0-url": "rita.example.org"}))

    assert Profile.objects.get(pk=reporter.profile.pk).links[0]["url"] == "https://rita.example.org"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"display_name": " "}, "Bitte geben Sie Ihren Namen ein"),
        ({"display_name": "x" * 121}, "Der Name darf höchstens 120 Zeichen haben (er hat 121)."),
        ({"home_place": "abc"}, "Diesen Ort gibt es nicht. Bitte wählen Sie einen aus der Liste."),
        ({"bio": "b" * 601}, "Dieser Text darf höchstens 600 Zeichen haben (er hat 601)."),
        ({"links-0-url": "javascript:alert(1)"}, "Bitte geben Sie eine Webadresse ein, die mit"),
        (
            {"links-0-url": "ftp://rita.example.org/"},
            "Bitte geben Sie eine Webadresse ein, die mit",
        ),
        ({"links-0-url": ""}, "Bitte ergänzen Sie die Webadresse dieses Links"),
    ],
)
def test_invalid_input_keeps_everything_typed_and_saves_nothing(reporter, town, changes, message):
    data = form_data(town, **changes)

    response = logged_in(reporter.user).post(URL, data)

    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Schreibt über den Stadtrat." in page or "bio" in changes
    assert 'value="Mein Blog"' in page
    assert Profile.objects.get(pk=reporter.profile.pk).display_name == "Rita Reporter"


def test_too_many_links_are_refused(reporter, town):
    data = form_data(town, **{"links-TOTAL_FORMS": "6"})
    for n in range(6):
        data[f"links-{n}-label"] = f"Link {n}"
        data[f"links-{n}-url"] = f"https://example.org/{n}"

    response = logged_in(reporter.user).post(URL, data)

    assert response.status_code == 200
    assert "Ein Profil kann höchstens 5 Links zeigen." in response.content.decode()
    assert Profile.objects.get(pk=reporter.profile.pk).links == []


def test_an_avatar_is_stored_without_metadata_and_scaled_down(reporter, town):
    upload = SimpleUploadedFile("urlaub.jpg", jpeg_with_metadata(), content_type="image/jpeg")

    response = logged_in(reporter.user).post(URL, {**form_data(town), "avatar": upload})

    assert response.status_code == 302
    profile = Profile.objects.get(pk=reporter.profile.pk)
    name = str(profile.avatar.name)
    assert name.startswith("avatars/")
    with default_storage.open(name) as stored:
        picture = PILImage.open(io.BytesIO(stored.read()))
        assert max(picture.size) == services.AVATAR_MAX_SIDE
        assert dict(picture.getexif()) == {}
        assert "exif" not in picture.info


def test_replacing_and_removing_the_avatar_deletes_the_old_file(
    reporter, town, django_capture_on_commit_callbacks
):
    client = logged_in(reporter.user)
    first = SimpleUploadedFile("a.jpg", jpeg_bytes(), content_type="image/jpeg")
    client.post(URL, {**form_data(town), "avatar": first})
    old_name = str(Profile.objects.get(pk=reporter.profile.pk).avatar.name)
    second = SimpleUploadedFile("b.jpg", jpeg_bytes(color="tomato"), content_type="image/jpeg")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {**form_data(town), "avatar": second})

    new_name = str(Profile.objects.get(pk=reporter.profile.pk).avatar.name)
    assert new_name != old_name
    assert not default_storage.exists(old_name)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, {**form_data(town), "remove_avatar": "on"})
    assert not Profile.objects.get(pk=reporter.profile.pk).avatar
    assert not default_storage.exists(new_name)


def test_a_file_that_is_not_a_picture_is_refused_and_the_text_is_kept(reporter, town):
    upload = SimpleUploadedFile("foto.jpg", b"%PDF-1.7 not a picture", content_type="image/jpeg")

    response = logged_in(reporter.user).post(URL, {**form_data(town), "avatar": upload})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Diese Datei ist kein Bild." in page
    assert 'id="id_avatar_error"' in page
    assert 'value="Rita Rheinberger"' in page
    profile = Profile.objects.get(pk=reporter.profile.pk)
    assert profile.display_name == "Rita Reporter"
    assert not profile.avatar


def test_an_account_without_profile_creates_it_from_the_settings_page(town):
    user = create_user(username="ada", email="ada@example.org", password=PASSWORD)
    client = logged_in(user)
    assert "Sie haben noch kein öffentliches Profil." in client.get(URL).content.decode()

    response = client.post(URL, form_data(town, display_name="Ada Lovelace"))

    assert response.status_code == 302
    profile = Profile.objects.get(person=user)
    assert profile.display_name == "Ada Lovelace"
    assert profile.home_place == town.otterberg


def test_the_settings_page_edits_only_the_own_profile(reporter, outsider, town):
    """There is no profile id in the address: whoever posts edits their own profile only."""
    logged_in(outsider.user).post(URL, form_data(town, display_name="Otto Outsider"))

    assert Profile.objects.get(pk=reporter.profile.pk).display_name == "Rita Reporter"
    assert Profile.objects.get(person=outsider.user).display_name == "Otto Outsider"
