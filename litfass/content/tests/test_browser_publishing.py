"""What a writer does in a real Chromium: register, write, illustrate, autosave, publish.

The stories start from the empty test database with the small town of the root ``conftest.py``;
pictures are JPEG files made with Pillow in ``tmp_path`` (one carries GPS coordinates in its
EXIF data). The composer pages are also scanned with axe-core for WCAG 2.1 A/AA problems and
watched for console errors (a CSP violation shows up as one).

Some stories stop the browser's clock (``page.clock``) and move it on instead of waiting for
the composer's five-second autosave; the first story waits for it in real time.

The tests under "bugs found on the way" fail on bugs of the app (composer.js, the composer's
templates and forms); each says what is wrong, the report of these tests how to fix it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from PIL import ExifTags
from PIL import Image as PILImage
from playwright.sync_api import Locator, Page, expect
from pytest_django.fixtures import Settings
from pytest_django.live_server_helper import LiveServer

from conftest import Persona, Town, jpeg_bytes
from litfass.accounts.tests.conftest import NEW_PASSWORD, PASSWORD, link_in
from litfass.content import services
from litfass.content.models import Autosave, Post
from litfass.core.tests.browser import PHONE, Watch, axe_violations, violations_report

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("small_renditions")]

COMPOSER_URL = re.compile(r"/schreiben/(\d+)/$")
AUTOSAVED = "Automatisch gesichert um"
LOGGED_OUT = "Sie sind nicht mehr angemeldet"
RESTORED = "wurden wiederhergestellt"
# A moment to start the browser's fake clock at; only differences matter.
CLOCK_START = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)
AUTOSAVE_INTERVAL_MS = 5_000
# How long an assertion that fails on a known bug (see the report) waits before it gives up.
BUG_TIMEOUT = 2_000

NO_HORIZONTAL_SCROLLING = """() => [
  document.documentElement.scrollWidth, document.documentElement.clientWidth,
  [...document.querySelectorAll("main *")]
    .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
    .map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + (typeof el.className === "string" && el.className
        ? "." + el.className.split(" ").join(".") : ""))
    .slice(0, 8)
]"""


@pytest.fixture
def small_renditions(settings: Settings) -> None:
    """One small rendition width instead of three: the same markup, made much faster."""
    settings.LITFASS_RENDITION_WIDTHS = (480,)


# --- helpers ----------------------------------------------------------------------------------


def write_jpeg(directory: Path, name: str, *, seed: int, gps: bool = False) -> Path:
    """A 640x480 JPEG with a colour of its own; with ``gps`` it says where it was taken."""
    image = PILImage.new("RGB", (640, 480), (seed * 53 % 256, seed * 97 % 256, 140))
    # A darker stripe, so that the picture is not one flat colour.
    image.paste((20, 20, 20), (0, 200, 640, 280))
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Testkamera"
    if gps:
        # Kaiserslautern, Stiftskirche.
        exif[ExifTags.IFD.GPSInfo] = {
            ExifTags.GPS.GPSLatitudeRef: "N",
            ExifTags.GPS.GPSLatitude: (49.0, 26.0, 39.0),
            ExifTags.GPS.GPSLongitudeRef: "E",
            ExifTags.GPS.GPSLongitude: (7.0, 46.0, 8.0),
        }
    path = directory / name
    image.save(path, "JPEG", exif=exif, quality=85)
    if gps:
        assert PILImage.open(path).getexif().get_ifd(ExifTags.IFD.GPSInfo), "no GPS written"
    return path


def editor(page: Page) -> Locator:
    """The rich-text editor (TipTap) of the composer's text field."""
    return page.locator('#composer .ProseMirror[contenteditable="true"]')


def type_into_editor(page: Page, text: str) -> None:
    """Click into the editor and type at the end of its text, as a person would."""
    editor(page).click()
    page.keyboard.press("ControlOrMeta+End")
    page.keyboard.type(text)


def headline_field(page: Page) -> Locator:
    return page.locator("#composer").get_by_label("Überschrift")


def start_in_browser(page: Page, kind: str) -> int:
    """Choose the kind on /schreiben/ and start writing; returns the id of the new draft."""
    page.goto("/schreiben/")
    page.get_by_label(kind, exact=True).check()
    page.get_by_role("button", name="Losschreiben").click()
    expect(page).to_have_url(COMPOSER_URL)
    expect(editor(page)).to_be_visible()
    match = COMPOSER_URL.search(page.url)
    assert match is not None
    return int(match.group(1))


def upload(page: Page, files: list[Path], *, credit: str, alt_text: str) -> None:
    """Send pictures with the upload form (by its labels: only while the post has no picture,
    see ``test_every_picture_field_has_a_label_of_its_own``)."""
    form = page.locator("#upload-form")
    form.locator('input[name="pictures"]').set_input_files(files)
    form.get_by_label("Bildnachweis").fill(credit)
    form.get_by_label("Alternativtext").fill(alt_text)
    form.get_by_role("button", name="Hochladen").click()


def log_in_with_form(page: Page, email: str, password: str = PASSWORD) -> None:
    """Fill in the login form the page shows now and send it."""
    form = page.locator("main form")
    form.locator('input[name="login"]').fill(email)
    form.locator('input[name="password"]').fill(password)
    form.get_by_role("button", name="Anmelden").click()


def install_clock(page: Page) -> None:
    """Stop the page's clock: its timers fire only when the test moves it on (``autosave_now``).

    So no autosave happens by chance halfway through typing.
    """
    page.clock.install(time=CLOCK_START)
    page.clock.pause_at(CLOCK_START + dt.timedelta(seconds=1))


def autosave_now(page: Page) -> None:
    """Move the page's clock past the next autosave tick of composer.js."""
    page.clock.run_for(AUTOSAVE_INTERVAL_MS + 100)


def horizontal_overflow(page: Page) -> tuple[int, int, list[str]]:
    """Page width, screen width and the first elements that stick out, once fonts are loaded.

    The editor's toolbar icons are ligatures of a web font: until it has loaded, the buttons
    show their names and are much wider (see ``test_composer_fits_the_phone_without_…``).
    """
    page.evaluate("() => document.fonts.ready.then(() => true)")
    scroll_width, client_width, culprits = page.evaluate(NO_HORIZONTAL_SCROLLING)
    return scroll_width, client_width, culprits


def image_loaded(image: Locator) -> bool:
    return bool(image.evaluate("img => img.complete && img.naturalWidth > 0"))


def draft(persona: Persona, *, pictures: int = 0) -> Post:
    """An empty article draft of ``persona``, with ``pictures`` pictures added by services."""
    assert persona.profile is not None
    post = services.start_post(kind=Post.Kind.ARTICLE, author=persona.profile, by=persona.user)
    for n in range(pictures):
        services.add_picture(
            post=post,
            data=jpeg_bytes(width=640, height=480, seed=n + 3),
            credit="Rita Reporter",
            alt_text=f"Die Stiftskirche im Abendlicht, Bild {n + 1}",
            by=persona.user,
        )
    return post


def compose_path(post: Post) -> str:
    return f"/schreiben/{post.pk}/"


# --- 1. register, write, illustrate, autosave, publish ----------------------------------------


def test_newcomer_registers_writes_an_article_with_two_pictures_and_publishes_it(
    open_page: Callable[..., Page],
    town: Town,
    mailoutbox: list[mail.EmailMessage],
    settings: Settings,
    tmp_path: Path,
):
    settings.LITFASS_APPROVAL_POSTS = 0
    headline = "Neue Bänke im Stadtpark"
    first_words = "Der Stadtrat hat zehn neue Bänke beschlossen."
    more_words = " Sie stehen ab Mai am Weiher."
    pictures = [
        write_jpeg(tmp_path, "bank-1.jpg", seed=1, gps=True),
        write_jpeg(tmp_path, "bank-2.jpg", seed=2),
    ]
    page = open_page()

    # Register: the home place <select> offers the places of the town.
    page.goto("/konto/signup/")
    form = page.locator("main form")
    form.locator('input[name="email"]').fill("nora@example.org")
    form.locator('input[name="password1"]').fill(NEW_PASSWORD)
    form.locator('input[name="password2"]').fill(NEW_PASSWORD)
    form.get_by_label("Ihr Name").fill("Nora Neumann")
    form.get_by_label("Heimatort").select_option(str(town.kaiserslautern.pk))
    form.locator('textarea[name="bio"]').fill("Wohnt seit 20 Jahren am Burgberg.")
    form.get_by_role("button", name="Registrieren").click()
    expect(page).to_have_url(re.compile(r"/konto/confirm-email/$"))
    expect(page.get_by_role("button", name="Abmelden")).to_have_count(0)

    # The e-mail's link confirms the address and logs in.
    assert len(mailoutbox) == 1
    (message,) = mailoutbox
    assert message.to == ["nora@example.org"]
    page.goto(link_in(str(message.body), "/konto/confirm-email/"))
    page.locator("main").get_by_role("button", name="Bestätigen").click()
    expect(page.get_by_role("button", name="Abmelden")).to_be_visible()

    # Write: kicker, headline, text in the rich-text editor, place and topic.
    page.get_by_role("link", name="Schreiben", exact=True).click()
    post_id = start_in_browser(page, "Beitrag")
    composer = page.locator("#composer")
    composer.get_by_label("Dachzeile").fill("Stadtpark")
    headline_field(page).fill(headline)
    type_into_editor(page, first_words)
    composer.get_by_label("Ort", exact=True).select_option(str(town.kaiserslautern.pk))
    composer.get_by_label("Ressort").select_option(str(town.politik.pk))
    composer.get_by_role("button", name="Entwurf speichern").click()
    expect(page.locator(".messages")).to_contain_text("Gespeichert.")
    expect(editor(page)).to_contain_text(first_words)

    # Two pictures at once, with credit and alternative text.
    upload(page, pictures, credit="Nora Neumann", alt_text="Neue Holzbank am Weiher")
    expect(page.locator(".messages")).to_contain_text("Die Bilder wurden hinzugefügt.")
    expect(page.locator(".picture-list .picture-item")).to_have_count(2)
    expect(page.locator("#pictures-title")).to_have_text("Bilder (2)")
    for item in page.locator(".picture-list .picture-item").all():
        expect(item.locator("img")).to_have_attribute("alt", "Neue Holzbank am Weiher")
        # By name: the labels of the picture forms are broken (see the test further below).
        expect(item.locator('input[name="credit"]')).to_have_value("Nora Neumann")
    # The GPS position of the first file did not stop the upload, and it is not stored.
    post = Post.objects.get(pk=post_id)
    assert post.image_count == 2
    for image in post.images.all():
        with default_storage.open(str(image.file.name)) as stored:
            gps = PILImage.open(stored).getexif().get_ifd(ExifTags.IFD.GPSInfo)
        assert not gps, f"{image.file.name} still carries GPS data: {gps}"

    # More text; the composer saves it by itself within one interval.
    type_into_editor(page, more_words)
    expect(page.locator("#autosave-status")).to_contain_text(AUTOSAVED, timeout=8_000)
    # (A tick halfway through the typing saves half of it; the next one the rest.)
    autosaved_body = ""
    for _ in range(40):
        autosave = Autosave.objects.filter(post_id=post_id).first()
        autosaved_body = str(autosave.data.get("body", "")) if autosave else ""
        if more_words.strip() in autosaved_body:
            break
        page.wait_for_timeout(200)
    assert more_words.strip() in autosaved_body, autosaved_body

    # Reloading brings the unsaved text back from the server.
    page.reload()
    expect(page.locator("main .notice").filter(has_text=RESTORED)).to_be_visible()
    expect(headline_field(page)).to_have_value(headline)
    expect(editor(page)).to_contain_text(first_words + more_words)

    # Publish: the post page shows the headline and both pictures.
    page.locator("#composer").get_by_role("button", name="Veröffentlichen").click()
    expect(page).to_have_url(re.compile(r"/[\w-]+/neue-banke-im-stadtpark-\d+/$"))
    expect(page.locator(".messages")).to_contain_text("Ihr Beitrag ist veröffentlicht.")
    expect(page.get_by_role("heading", level=1)).to_have_text(headline)
    expect(page.locator(".gallery .count-badge")).to_have_text("2 Bilder")
    expect(page.locator("article.post .body")).to_contain_text(first_words + more_words)
    expect(page.locator("article.post .byline")).to_contain_text("Nora Neumann")
    post_url = page.url

    # … and on the page of its place, for everybody.
    reader = open_page()
    reader.goto("/ort/kaiserslautern/")
    teaser = reader.locator("article.teaser").filter(has_text=headline)
    expect(teaser).to_have_count(1)
    expect(teaser.locator(".count-badge")).to_have_text("2 Bilder")
    teaser.get_by_role("link", name=headline).click()
    expect(reader).to_have_url(post_url)


# --- 2. a snapshot from the phone -------------------------------------------------------------


def test_phone_user_publishes_a_snapshot_without_horizontal_scrolling(
    open_page: Callable[..., Page],
    reporter: Persona,
    settings: Settings,
    tmp_path: Path,
):
    settings.LITFASS_APPROVAL_POSTS = 0
    headline = "Regenbogen über dem Betzenberg"
    picture = write_jpeg(tmp_path, "regenbogen.jpg", seed=7, gps=True)
    page = open_page(
        reporter.user, viewport=PHONE, device_scale_factor=3, is_mobile=True, has_touch=True
    )

    page.goto("/schreiben/")
    page.get_by_label("Schnappschuss", exact=True).tap()
    page.get_by_role("button", name="Losschreiben").tap()
    expect(page).to_have_url(COMPOSER_URL)
    expect(editor(page)).to_be_visible()
    expect(page.locator("main .meta .kind")).to_have_text("Schnappschuss")
    wide, screen, culprits = horizontal_overflow(page)
    assert wide <= screen, f"empty composer is {wide}px wide on a {screen}px phone: {culprits}"

    # Picture first, then the headline (typing before an upload is another story, see below).
    upload(page, [picture], credit="Rita Reporter", alt_text="Regenbogen über dem Stadion")
    expect(page.locator(".picture-list .picture-item")).to_have_count(1)
    # A snapshot has exactly one picture: no second upload is offered.
    expect(page.locator("#upload-form")).to_have_count(0)
    wide, screen, culprits = horizontal_overflow(page)
    assert wide <= screen, f"composer with picture is {wide}px wide on {screen}px: {culprits}"

    headline_field(page).fill(headline)
    page.locator("#composer").get_by_role("button", name="Veröffentlichen").tap()
    expect(page.locator(".messages")).to_contain_text("Ihr Beitrag ist veröffentlicht.")
    expect(page.get_by_role("heading", level=1)).to_have_text(headline)
    snapshot = page.locator("article.post figure.snapshot")
    image = snapshot.locator("img")
    expect(image).to_have_count(1)
    expect(image).to_have_attribute("alt", "Regenbogen über dem Stadion")
    expect(image).to_be_visible()
    image.evaluate("img => img.decode()")
    assert image_loaded(image), "the snapshot's picture did not load"
    expect(snapshot.locator(".credit")).to_have_text("Foto: Rita Reporter")
    wide, screen, culprits = horizontal_overflow(page)
    assert wide <= screen, f"snapshot page is {wide}px wide on {screen}px: {culprits}"


# --- 3. accessibility and console -------------------------------------------------------------


AXE_PAGES = [
    "signup",
    "login",
    "new-post",
    "composer-empty",
    "composer-picture-save-error",
    "composer-picture-upload-error",
]


@pytest.mark.parametrize("where", AXE_PAGES)
def test_writing_pages_have_no_wcag_violations(
    open_page: Callable[..., Page], reporter: Persona, tmp_path: Path, where: str
):
    if where in {"signup", "login"}:
        page = open_page()
        response = page.goto(f"/konto/{where}/")
        assert response is not None and response.status == 200
    elif where == "new-post":
        page = open_page(reporter.user)
        page.goto("/schreiben/")
        expect(page.get_by_role("button", name="Losschreiben")).to_be_visible()
    else:
        post = draft(reporter, pictures=0 if where == "composer-empty" else 1)
        page = open_page(reporter.user)
        page.goto(compose_path(post))
        expect(editor(page)).to_be_visible()
        if where == "composer-picture-save-error":
            # No headline: the composer answers with its error summary.
            page.locator("#composer").get_by_role("button", name="Entwurf speichern").click()
            expect(page.locator("#composer .error-summary")).to_contain_text(
                "Bitte geben Sie dem Beitrag eine Überschrift."
            )
        elif where == "composer-picture-upload-error":
            # A file that is no picture is refused with an explanation.
            not_a_picture = tmp_path / "kaputt.jpg"
            not_a_picture.write_text("Das ist kein Bild.")
            form = page.locator("#upload-form")
            form.locator('input[name="pictures"]').set_input_files(not_a_picture)
            form.locator('input[name="credit"]').fill("Rita Reporter")
            form.locator('input[name="alt_text"]').fill("Kaputte Datei")
            form.get_by_role("button", name="Hochladen").click()
            expect(page.locator("#upload-form .error-summary")).to_contain_text(
                "kaputt.jpg: Diese Datei ist kein Bild."
            )
            expect(editor(page)).to_be_visible()
        if where != "composer-empty":
            expect(page.locator(".picture-list .picture-item")).to_have_count(1)
    violations = axe_violations(page)
    assert violations == [], f"{where}: {violations_report(violations)}"


def test_composer_logs_no_console_errors_and_asks_no_other_host(
    open_page: Callable[..., Page], reporter: Persona, live_server: LiveServer, tmp_path: Path
):
    post = draft(reporter)
    page = open_page(reporter.user)
    watch = Watch(origin=live_server.url)
    watch.attach(page)
    install_clock(page)
    page.goto(compose_path(post))
    expect(editor(page)).to_be_visible()
    headline_field(page).fill("Flohmarkt auf dem Schillerplatz")
    # Bold text makes TipTap change its own styles: a CSP violation would be logged here.
    type_into_editor(page, "Am Samstag ist ")
    page.keyboard.press("ControlOrMeta+b")
    page.keyboard.type("Flohmarkt")
    page.keyboard.press("ControlOrMeta+b")
    page.keyboard.type(" von 8 bis 14 Uhr.")
    expect(editor(page).locator("strong")).to_have_text("Flohmarkt")
    autosave_now(page)
    expect(page.locator("#autosave-status")).to_contain_text(AUTOSAVED)
    page.locator("#composer").get_by_role("button", name="Entwurf speichern").click()
    expect(page.locator(".messages")).to_contain_text("Gespeichert.")
    upload(
        page,
        [write_jpeg(tmp_path, "flohmarkt.jpg", seed=4)],
        credit="Rita Reporter",
        alt_text="Stände auf dem Schillerplatz",
    )
    expect(page.locator(".picture-list .picture-item")).to_have_count(1)
    page.locator(".picture-list img").first.evaluate("img => img.decode()")
    page.wait_for_load_state("networkidle")
    assert watch.errors() == []
    assert watch.foreign_requests() == []


# --- 4. nothing lost when the session ends ----------------------------------------------------


def test_text_typed_after_the_session_ended_comes_back_after_logging_in_again(
    open_page: Callable[..., Page], reporter: Persona, live_server: LiveServer
):
    post = draft(reporter)
    page = open_page(reporter.user)
    install_clock(page)
    page.goto(compose_path(post))
    status = page.locator("#autosave-status")
    headline_field(page).fill("Baustelle am Rathaus")
    type_into_editor(page, "Die Kanalarbeiten beginnen am Montag.")
    autosave_now(page)
    expect(status).to_contain_text(AUTOSAVED)

    # The session ends while the writer goes on typing.
    page.context.clear_cookies()
    headline_field(page).fill("Baustelle am Rathaus dauert bis Juli")
    type_into_editor(page, " Die Sperrung bleibt bis Juli.")
    autosave_now(page)
    expect(status).to_contain_text(LOGGED_OUT)
    assert post.autosaves.get().data["headline"] == "Baustelle am Rathaus"

    # Logging in again in the same tab leads back to the composer …
    page.reload()
    expect(page).to_have_url(re.compile(r"/konto/login/\?next=/schreiben/\d+/$"))
    log_in_with_form(page, reporter.user.email)
    expect(page).to_have_url(live_server.url + compose_path(post))
    # … where the server has the state of the last autosave, and this browser the newer text.
    expect(headline_field(page)).to_have_value("Baustelle am Rathaus")
    restore = page.locator("main").get_by_role("button", name="Wiederherstellen")
    expect(restore).to_be_visible()
    restore.click()
    expect(status).to_contain_text("Wiederhergestellt")
    expect(headline_field(page)).to_have_value("Baustelle am Rathaus dauert bis Juli")
    expect(
        editor(page),
        "the restored text must appear in the editor, not only in its hidden <textarea> "
        "(composer.js sets textarea.value, which TipTap does not read after it started)",
    ).to_contain_text(
        "Die Kanalarbeiten beginnen am Montag. Die Sperrung bleibt bis Juli.", timeout=BUG_TIMEOUT
    )

    page.locator("#composer").get_by_role("button", name="Entwurf speichern").click()
    expect(page.locator(".messages")).to_contain_text("Gespeichert.")
    post.refresh_from_db()
    assert post.headline == "Baustelle am Rathaus dauert bis Juli"
    assert "Die Sperrung bleibt bis Juli." in post.body


# --- 5. the approval path for newcomers -------------------------------------------------------


def test_newcomers_post_waits_for_the_editors_and_is_published_once_approved(
    open_page: Callable[..., Page],
    reporter: Persona,
    moderator: Persona,
    town: Town,
    settings: Settings,
    live_server: LiveServer,
):
    settings.LITFASS_APPROVAL_POSTS = 2
    headline = "Kerwe in Hohenecken"
    page = open_page(reporter.user)
    post_id = start_in_browser(page, "Beitrag")
    headline_field(page).fill(headline)
    type_into_editor(page, "Am Wochenende wird auf dem Dorfplatz gefeiert.")
    composer = page.locator("#composer")
    composer.get_by_label("Ort", exact=True).select_option(str(town.kaiserslautern.pk))
    expect(composer.get_by_role("button", name="Veröffentlichen")).to_have_count(0)
    composer.get_by_role("button", name="Zur Freigabe einreichen").click()

    expect(page).to_have_url(live_server.url + "/mein-bereich/")
    expect(page.locator(".messages")).to_contain_text(
        "Danke! Ihr Beitrag ist bei der Redaktion und erscheint, sobald er freigegeben ist."
    )
    waiting = page.locator("main section section").filter(
        has=page.get_by_role("heading", name="Wartet auf Freigabe (1)")
    )
    expect(waiting.get_by_role("link", name=headline)).to_be_visible()
    assert Post.objects.get(pk=post_id).status == Post.Status.PENDING
    # Back in the composer, the post cannot be submitted a second time.
    waiting.get_by_role("link", name=headline).click()
    expect(page.locator("main .meta .status")).to_have_text("Wartet auf Freigabe")
    expect(
        page.locator("#composer").get_by_role("button", name="Zur Freigabe einreichen")
    ).to_have_count(0)

    reader = open_page()
    reader.goto("/ort/kaiserslautern/")
    expect(reader.locator("article.teaser").filter(has_text=headline)).to_have_count(0)

    # An editor finds it in the queue and approves it.
    editor_page = open_page(moderator.user)
    editor_page.goto("/")
    editor_page.get_by_role("link", name="Freigaben").click()
    expect(editor_page).to_have_url(live_server.url + "/redaktion/freigaben/")
    item = editor_page.locator("article.review-item").filter(has_text=headline)
    expect(item).to_have_count(1)
    expect(item.locator(".meta")).to_contain_text("Rita Reporter")
    item.get_by_role("button", name="Freigeben und veröffentlichen").click()
    expect(editor_page.locator(".messages")).to_contain_text(f"„{headline}“ ist veröffentlicht.")
    expect(editor_page.locator("article.review-item").filter(has_text=headline)).to_have_count(0)
    assert Post.objects.get(pk=post_id).status == Post.Status.PUBLISHED

    reader.reload()
    expect(reader.locator("article.teaser").filter(has_text=headline)).to_have_count(1)


# --- bugs found on the way --------------------------------------------------------------------


def test_uploading_pictures_right_after_typing_keeps_the_typed_text(
    open_page: Callable[..., Page], reporter: Persona, tmp_path: Path
):
    """Typing, then uploading within the five seconds before the next autosave.

    The upload form is a form of its own: its page load throws away what was typed into the
    composer form unless composer.js saved it first. The page's clock is stopped, so that no
    autosave tick rescues the text by chance.
    """
    post = draft(reporter)
    page = open_page(reporter.user)
    install_clock(page)
    page.goto(compose_path(post))
    headline_field(page).fill("Neue Ampel an der Mainzer Straße")
    type_into_editor(page, "Seit heute regelt eine Ampel den Verkehr.")
    upload(
        page,
        [write_jpeg(tmp_path, "ampel.jpg", seed=5)],
        credit="Rita Reporter",
        alt_text="Die neue Ampel",
    )
    expect(page.locator(".picture-list .picture-item")).to_have_count(1)
    expect(
        headline_field(page),
        "the headline typed just before the upload is lost (fix in composer.js: save before "
        "the upload form is sent)",
    ).to_have_value("Neue Ampel an der Mainzer Straße", timeout=BUG_TIMEOUT)
    expect(editor(page)).to_contain_text("Seit heute regelt eine Ampel den Verkehr.")


def test_after_an_autosave_a_reload_offers_the_text_only_once(
    open_page: Callable[..., Page], reporter: Persona
):
    """The server restored the autosave; the browser's copy is the same text, not another one."""
    post = draft(reporter)
    page = open_page(reporter.user)
    install_clock(page)
    page.goto(compose_path(post))
    headline_field(page).fill("Stadtbücherei öffnet länger")
    autosave_now(page)
    expect(page.locator("#autosave-status")).to_contain_text(AUTOSAVED)

    page.reload()
    expect(page.locator("main .notice").filter(has_text=RESTORED)).to_be_visible()
    expect(headline_field(page)).to_have_value("Stadtbücherei öffnet länger")
    expect(
        page.locator("main").get_by_role("button", name="Wiederherstellen"),
        "composer.js offers the browser's copy although the server restored the same text "
        "(it compares the per-response CSRF token and keeps the copy after a server save)",
    ).to_have_count(0, timeout=BUG_TIMEOUT)


def test_photo_credit_written_as_the_help_text_suggests_is_shown_once(
    open_page: Callable[..., Page],
    reporter: Persona,
    settings: Settings,
    tmp_path: Path,
):
    settings.LITFASS_APPROVAL_POSTS = 0
    post = draft(reporter)
    page = open_page(reporter.user)
    page.goto(compose_path(post))
    headline_field(page).fill("Herbstlaub im Volkspark")
    type_into_editor(page, "Im Volkspark leuchten die Ahornbäume.")
    page.locator("#composer").get_by_role("button", name="Entwurf speichern").click()
    expect(page.locator(".messages")).to_contain_text("Gespeichert.")
    credit_field = page.locator("#upload-form .field").filter(
        has=page.locator('input[name="credit"]')
    )
    help_text = credit_field.locator(".help").inner_text()
    example = re.search(r"[„“\"](.+?)[“”\"]", help_text)
    assert example, help_text
    upload(
        page,
        [write_jpeg(tmp_path, "laub.jpg", seed=6)],
        credit=example.group(1),
        alt_text="Buntes Laub auf dem Weg",
    )
    page.locator("#composer").get_by_role("button", name="Veröffentlichen").click()
    credit = page.locator(".gallery figcaption .credit").first
    expect(credit).to_be_visible()
    assert not credit.inner_text().startswith("Foto: Foto:"), (
        f"help text {help_text!r} makes the page say {credit.inner_text()!r}"
    )


def test_every_picture_field_has_a_label_of_its_own(
    open_page: Callable[..., Page], reporter: Persona
):
    """Each picture's form and the upload form repeat the same field names, hence the same ids.

    ``<label for="id_credit">`` then names only the first such input: the fields of the
    second picture and of the upload form have no name for screen readers, and clicking their
    labels puts the cursor into the first picture's field.
    """
    post = draft(reporter, pictures=2)
    page = open_page(reporter.user)
    page.goto(compose_path(post))
    expect(page.locator(".picture-list .picture-item")).to_have_count(2)
    duplicates = page.evaluate(
        """() => {
          const seen = {};
          for (const el of document.querySelectorAll("[id]")) seen[el.id] = (seen[el.id] || 0) + 1;
          return Object.entries(seen).filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
        }"""
    )
    unnamed = [
        f"{where}: {label}"
        for where, scope in [
            ("picture 1", page.locator(".picture-item").nth(0)),
            ("picture 2", page.locator(".picture-item").nth(1)),
            ("upload form", page.locator("#upload-form")),
        ]
        for label in ("Bildnachweis", "Alternativtext", "Bildunterschrift")
        if scope.get_by_label(label).count() != 1
    ]
    assert (duplicates, unnamed) == ([], []), (
        f"ids used more than once: {duplicates}; fields without their label: {unnamed}"
    )


def test_composer_offers_the_places_in_german(open_page: Callable[..., Page], reporter: Persona):
    post = draft(reporter)
    page = open_page(reporter.user)
    page.goto(compose_path(post))
    options = page.locator("#composer").get_by_label("Ort", exact=True).locator("option")
    first = options.first.inner_text()
    assert first != "- Select an option -", (
        "the empty choice of the place is Django's untranslated English default"
    )


def test_teaser_follows_the_text_until_the_writer_writes_one(
    open_page: Callable[..., Page],
    reporter: Persona,
    settings: Settings,
):
    """ "Leave empty to use the beginning of the text" must hold after the first save, too."""
    settings.LITFASS_APPROVAL_POSTS = 0
    headline = "Sommerfest der Grundschule"
    post = draft(reporter)
    page = open_page(reporter.user)
    page.goto(compose_path(post))
    headline_field(page).fill(headline)
    type_into_editor(page, "Notiz an mich: Termin noch offen, Schulleitung fragen.")
    page.locator("#composer").get_by_role("button", name="Entwurf speichern").click()
    expect(page.locator(".messages")).to_contain_text("Gespeichert.")

    # The writer replaces the whole text and leaves the teaser alone.
    editor(page).click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Das Sommerfest beginnt am Samstag um 14 Uhr auf dem Schulhof.")
    page.locator("#composer").get_by_role("button", name="Veröffentlichen").click()
    expect(page.locator(".messages")).to_contain_text("Ihr Beitrag ist veröffentlicht.")

    page.goto("/ort/kaiserslautern/")
    teaser = page.locator("article.teaser").filter(has_text=headline)
    expect(teaser).to_have_count(1)
    expect(
        teaser,
        "the teaser still shows the first saved draft text, which is no longer in the post",
    ).not_to_contain_text("Notiz an mich", timeout=BUG_TIMEOUT)
    expect(teaser).to_contain_text("Das Sommerfest beginnt am Samstag")


def test_composer_fits_the_phone_without_the_editor_icon_font(
    open_page: Callable[..., Page], reporter: Persona
):
    """The text editor's toolbar draws its icons with a web font (ligatures such as
    "format_list_bulleted"). Until that font has loaded, or when a browser blocks web fonts
    (data saver, iOS Lockdown Mode), the buttons show these words and must still not push the
    composer wider than the phone."""
    post = draft(reporter)
    page = open_page(reporter.user, viewport=PHONE, is_mobile=True, has_touch=True)
    page.route(re.compile(r"material-icons[^/]*\.woff2"), lambda route: route.abort())
    page.goto(compose_path(post))
    expect(editor(page)).to_be_visible()
    wide, screen, culprits = horizontal_overflow(page)
    assert wide <= screen, f"composer is {wide}px wide on a {screen}px phone: {culprits}"


def test_composer_fields_announce_their_help_and_error_texts(
    open_page: Callable[..., Page], reporter: Persona
):
    """Django points ``aria-describedby`` at ``<id>_helptext`` and ``<id>_error``; the help and
    error texts of the composer must carry these ids, or screen readers never read them."""
    post = draft(reporter)
    page = open_page(reporter.user)
    page.goto(compose_path(post))
    page.locator("#composer").get_by_role("button", name="Entwurf speichern").click()
    expect(page.locator("#composer .error-summary")).to_be_visible()
    composer = page.locator("#composer")
    expect(composer.get_by_label("Dachzeile")).to_have_accessible_description(
        re.compile("Eine kurze Zeile über der Überschrift"), timeout=BUG_TIMEOUT
    )
    expect(headline_field(page)).to_have_accessible_description(
        re.compile("Bitte geben Sie dem Beitrag eine Überschrift"), timeout=BUG_TIMEOUT
    )
