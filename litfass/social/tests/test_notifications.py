from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litfass.content.models import Post
from litfass.content.services import EventData, create_post, publish_post
from litfass.social import delivery, queries, services, tokens
from litfass.social.models import Notification, NotificationPreference


@pytest.fixture
def post(reporter, publish):
    return publish(reporter.profile, "Stadtrat tagt")


def comment(post, persona, text="Ein Kommentar", minutes=0):
    at = timezone.now() + dt.timedelta(minutes=minutes)
    return services.add_comment(post=post, by=persona.user, body=text, now=at)


def test_immediate_preference_sends_an_email_with_unsubscribe_headers(
    post, reader, reporter, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment(post, reader, "Gleich per Mail")
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [reporter.user.email]
    assert "Gleich per Mail" in mail.body and "Stadtrat tagt" in mail.subject
    assert mail.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = mail.extra_headers["List-Unsubscribe"].strip("<>")
    assert "/abbestellen/" in url and url in mail.body
    assert Notification.objects.get(kind="comment").emailed_at is not None


def test_digest_preference_collects_and_off_sends_nothing(
    post, reader, outsider, reporter, mailoutbox, django_capture_on_commit_callbacks
):
    services.set_preferences(user=reporter.user, emails={"comment": "digest"})
    with django_capture_on_commit_callbacks(execute=True):
        comment(post, reader)
    assert mailoutbox == []
    assert Notification.objects.get().email == "digest"
    services.set_preferences(user=reporter.user, emails={"comment": "off"})
    with django_capture_on_commit_callbacks(execute=True):
        comment(post, outsider)
    assert mailoutbox == []
    # Switching off also stops what was waiting for the digest.
    assert delivery.send_digests() == 0
    assert mailoutbox == []
    services.set_preferences(user=reporter.user, emails={"comment": "digest"})
    comment(post, reader, "Noch ein Gedanke", minutes=5)
    assert delivery.send_digests(now=timezone.now() + dt.timedelta(minutes=6)) == 1
    assert len(mailoutbox) == 1
    assert delivery.send_digests(now=timezone.now() + dt.timedelta(days=2)) == 0


def test_every_notification_is_digested_once(post, reader, reporter, mailoutbox):
    services.set_preferences(user=reporter.user, emails={"comment": "digest"})
    comment(post, reader)
    call_command("send_digests")
    call_command("send_digests")
    assert len(mailoutbox) == 1
    later = timezone.now() + dt.timedelta(days=1)
    services.add_comment(post=post, by=reader.user, body="Am nächsten Tag", now=later)
    assert delivery.send_digests(now=later + dt.timedelta(minutes=1)) == 1
    assert "Am nächsten Tag" in mailoutbox[1].body and "Ein Kommentar" not in mailoutbox[1].body


def test_digest_groups_by_place_and_post_with_event_details_and_comment_text(
    town, reporter, reader, outsider, publish, mailoutbox
):
    services.set_preferences(user=reporter.user, emails={"comment": "digest", "like": "digest"})
    article = publish(reporter.profile, "Artikel in Otterberg", place=town.otterberg)
    event = create_post(
        kind=Post.Kind.EVENT,
        author=reporter.profile,
        headline="Weinfest",
        place=town.kaiserslautern,
        event=EventData(
            starts_at=dt.datetime(2030, 8, 3, 16, 30, tzinfo=dt.UTC), venue="Stiftsplatz"
        ),
    )
    publish_post(post=event)
    comment(article, reader, "Erster Kommentar", minutes=1)
    comment(event, outsider, "Ich komme!", minutes=2)
    services.like_post(post=article, by=outsider.user, now=timezone.now() + dt.timedelta(minutes=3))
    assert delivery.send_digests(now=timezone.now() + dt.timedelta(minutes=5)) == 1
    body = mailoutbox[0].body
    # Newest first: Otterberg (the like at minute 3) before Kaiserslautern (minute 2).
    assert body.index("== Otterberg ==") < body.index("== Kaiserslautern ==")
    assert body.index("Artikel in Otterberg") < body.index("Weinfest")
    assert "Erster Kommentar" in body and "Ich komme!" in body
    assert "Stiftsplatz" in body and "18:30" in body and "2030" in body  # Berlin time
    assert "List-Unsubscribe" in mailoutbox[0].extra_headers


def test_one_click_unsubscribe_works_without_login(post, reader, reporter):
    token = tokens.unsubscribe_token(reporter.user.pk, ["comment"])
    url = f"/abbestellen/{token}/"
    page = Client().get(url)
    assert page.status_code == 200 and _("Comment on my post") in page.content.decode()
    assert not NotificationPreference.objects.exists()  # GET changes nothing
    response = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert queries.preferences_of(reporter.user)["comment"] == "off"


def test_a_forged_unsubscribe_link_is_not_found(reporter):
    token = tokens.unsubscribe_token(reporter.user.pk, ["comment"])
    assert Client().get(f"/abbestellen/{token}x/").status_code == 404
    assert Client().post(f"/abbestellen/{token}x/").status_code == 404


def test_bell_list_and_mark_read(login, post, reader, reporter, outsider):
    comment(post, reader)
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.user = reporter.user
    nav = Template("{% load social %}{% social_nav %}").render(Context({"request": request}))
    assert "/benachrichtigungen/" in nav and "/mein-feed/" in nav and "1" in nav
    client = login(reporter)
    html = client.get("/benachrichtigungen/").content.decode()
    assert "Stadtrat tagt" in html
    notification = Notification.objects.get()
    assert login(outsider).post(f"/benachrichtigungen/{notification.pk}/").status_code == 404
    response = client.post(f"/benachrichtigungen/{notification.pk}/")
    assert response["Location"].endswith(f"#kommentar-{notification.comment_id}")
    assert queries.unread_count(reporter.user) == 0
    comment(post, outsider, "Noch einer")
    client.post("/benachrichtigungen/")
    assert queries.unread_count(reporter.user) == 0
    assert Client().get("/benachrichtigungen/").status_code == 302


def test_preferences_page(login, reader):
    client = login(reader)
    assert client.get("/mein-bereich/benachrichtigungen/").status_code == 200
    data = {f"email_{kind}": "off" for kind in Notification.Kind.values}
    data["email_comment"] = "digest"
    data["show_my_likes"] = "on"
    assert client.post("/mein-bereich/benachrichtigungen/", data).status_code == 302
    prefs = queries.preferences_of(reader.user)
    assert prefs["comment"] == "digest" and prefs["reply"] == "off"
    assert queries.show_my_likes(reader.user)
    data["email_comment"] = "sometimes"
    assert client.post("/mein-bereich/benachrichtigungen/", data).status_code == 400


def test_the_bell_shows_the_unread_count_on_every_page(login, post, reader, outsider, reporter):
    comment(post, reader)
    comment(post, outsider, "Noch einer")
    client = login(reporter)
    badge = ngettext("%(n)s unread", "%(n)s unread", 2) % {"n": 2}
    for url in ("/", post.get_absolute_url(), "/mein-feed/"):
        html = client.get(url).content.decode()
        assert f'<span class="count-badge">{badge}</span>' in html, url
    client.post("/benachrichtigungen/")
    assert "count-badge" not in client.get("/").content.decode()


def test_digest_of_an_all_day_event_names_no_time(town, reporter, reader, mailoutbox):
    services.set_preferences(user=reporter.user, emails={"comment": "digest"})
    event = create_post(
        kind=Post.Kind.EVENT,
        author=reporter.profile,
        headline="Flohmarkt",
        place=town.otterberg,
        event=EventData(
            starts_at=dt.datetime(2030, 5, 4, 0, 0, tzinfo=dt.UTC),
            all_day=True,
            venue="Marktplatz",
        ),
    )
    publish_post(post=event)
    comment(event, reader, "Wann geht es los?")
    assert delivery.send_digests(now=timezone.now() + dt.timedelta(minutes=5)) == 1
    body = mailoutbox[0].body
    assert "Flohmarkt" in body and "Marktplatz" in body and "Otterberg" in body
    assert "Wann geht es los?" in body and "2030" in body
    assert "02:00" not in body and "00:00" not in body


def test_bad_preferences_are_refused_with_a_message_and_keep_the_choices(login, reader):
    client = login(reader)
    data = {f"email_{kind}": "off" for kind in Notification.Kind.values}
    data["email_comment"] = "sometimes"
    data["email_reply"] = "digest"
    response = client.post("/mein-bereich/benachrichtigungen/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert 'class="error"' in html
    assert 'value="digest" id="id_email_reply_1" required checked' in html
    assert not NotificationPreference.objects.exists()


def test_the_like_setting_is_part_of_the_account_settings(login, reader):
    html = login(reader).get("/mein-bereich/profil/").content.decode()
    assert 'href="/mein-bereich/benachrichtigungen/"' in html
    html = login(reader).get("/mein-bereich/benachrichtigungen/").content.decode()
    assert 'aria-current="page"' in html
    assert _("Show my name to others among those who liked a post") in html
    assert not queries.show_my_likes(reader.user)  # off until switched on


def test_a_mail_client_unsubscribes_with_one_click(
    post, reader, reporter, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        comment(post, reader)
    (message,) = mailoutbox
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = url.split("://", 1)[1].split("/", 1)[1]
    # RFC 8058: a POST without cookies or CSRF token, the body "List-Unsubscribe=One-Click".
    response = Client(enforce_csrf_checks=True).post(
        f"/{path}",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert queries.preferences_of(reporter.user)["comment"] == "off"


def test_withdrawn_comments_and_posts_are_neither_mailed_nor_listed(
    login, post, reader, reporter, moderator, mailoutbox
):
    services.set_preferences(user=reporter.user, emails={"comment": "digest"})
    rude = comment(post, reader, "BELEIDIGUNG xyz")
    services.hide_comment(comment=rude, by=moderator.user, reason="Beleidigung")
    assert delivery.send_digests() == 0
    assert mailoutbox == []
    page = login(reporter).get("/benachrichtigungen/").content.decode()
    assert "BELEIDIGUNG" not in page and queries.unread_count(reporter.user) == 0


def test_mails_about_a_sponsored_post_carry_the_advertisement_label(
    town, reporter, advertiser, reader, mailoutbox, django_capture_on_commit_callbacks
):
    assert reporter.profile is not None
    sponsored = publish_post(
        post=create_post(
            kind=Post.Kind.ARTICLE,
            author=reporter.profile,
            headline="Winterreifen jetzt günstig",
            body="<p>Angebot.</p>",
            place=town.kaiserslautern,
            sponsor=advertiser.profile,
        )
    )
    with django_capture_on_commit_callbacks(execute=True):
        comment(sponsored, reader, "Gilt das auch für Ganzjahresreifen?")
    assert "Anzeige: " in mailoutbox[0].body
    services.set_preferences(user=reporter.user, emails={"comment": "digest"})
    comment(sponsored, reader, "Und für Anhänger?", minutes=5)
    assert delivery.send_digests(now=timezone.now() + dt.timedelta(minutes=6)) == 1
    assert "[Anzeige] Winterreifen jetzt günstig" in mailoutbox[1].body
