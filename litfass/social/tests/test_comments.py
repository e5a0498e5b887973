from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from litfass.content.models import Post
from litfass.content.services import EventData, create_post
from litfass.social import queries, services
from litfass.social.models import Comment, Notification
from litfass.social.text import comment_html
from litfass.social.views.common import client_ip


@pytest.fixture
def post(reporter, publish):
    return publish(reporter.profile, "Stadtrat tagt")


def wait_message(seconds: int) -> str:
    return ngettext(
        "Please wait %(seconds)d second before you write the next comment.",
        "Please wait %(seconds)d seconds before you write the next comment.",
        seconds,
    ) % {"seconds": seconds}


def later(minutes: float) -> dt.datetime:
    return timezone.now() + dt.timedelta(minutes=minutes)


def test_anonymous_visitors_see_comments_and_a_call_to_log_in(post, reader):
    services.add_comment(post=post, by=reader.user, body="Sehr gut!")
    from django.template import Context, Template
    from django.test import RequestFactory

    request = RequestFactory().get(post.get_absolute_url())
    from django.contrib.auth.models import AnonymousUser

    request.user = AnonymousUser()
    html = Template("{% load social %}{% comments_block post %}").render(
        Context({"request": request, "post": post})
    )
    assert "Sehr gut!" in html
    assert f"/konto/login/?next={post.get_absolute_url()}%23kommentieren" in html
    assert "csrfmiddlewaretoken" not in html  # the cached anonymous page sets no cookie


def test_reader_comments_without_javascript(login, reader, post):
    client = login(reader)
    response = client.post(f"/kommentare/beitrag/{post.pk}/", {"body": "Ich bin dabei."})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{post.get_absolute_url()}#kommentar-{comment.pk}"
    assert comment.author == reader.user and comment.body == "Ich bin dabei."


def test_reader_comments_with_htmx_and_gets_the_block(login, reader, post, htmx):
    response = login(reader).post(f"/kommentare/beitrag/{post.pk}/", {"body": "Per htmx."}, **htmx)
    html = response.content.decode()
    assert response.status_code == 200 and 'id="kommentare"' in html and "Per htmx." in html


def test_empty_comment_is_refused_with_a_message(login, reader, post, htmx):
    client = login(reader)
    response = client.post(f"/kommentare/beitrag/{post.pk}/", {"body": "  "})
    assert response.status_code == 400
    assert _("Please write a comment.") in response.content.decode()
    response = client.post(f"/kommentare/beitrag/{post.pk}/", {"body": ""}, **htmx)
    assert _("Please write a comment.") in response.content.decode()
    assert not Comment.objects.exists()


def test_comments_on_drafts_or_missing_posts_are_not_found(login, reader, reporter):
    draft = create_post(kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Entwurf")
    client = login(reader)
    assert client.post(f"/kommentare/beitrag/{draft.pk}/", {"body": "x"}).status_code == 404
    assert client.post("/kommentare/beitrag/99999/", {"body": "x"}).status_code == 404


def test_anonymous_cannot_comment(post):
    response = Client().post(f"/kommentare/beitrag/{post.pk}/", {"body": "x"})
    assert response.status_code == 302 and not Comment.objects.exists()


def test_a_reply_to_a_reply_attaches_to_the_top_level_comment(post, reader, outsider, reporter):
    top = services.add_comment(post=post, by=reader.user, body="Oben")
    reply = services.add_comment(
        post=post, by=outsider.user, body="Antwort", reply_to=top, now=later(1)
    )
    again = services.add_comment(
        post=post, by=reader.user, body="Antwort auf Antwort", reply_to=reply, now=later(2)
    )
    assert reply.parent == top and again.parent == top
    block = queries.comment_block(post, reader.user)
    assert [r.comment.body for r in block.threads[0].replies] == ["Antwort", "Antwort auf Antwort"]
    # The writer of the reply replied to hears about it; the post's author about each comment.
    kinds = set(Notification.objects.filter(recipient=outsider.user).values_list("kind", flat=True))
    assert kinds == {"reply"}
    assert Notification.objects.filter(recipient=reporter.user, kind="comment").count() == 3


def test_edit_within_fifteen_minutes_only(post, reader):
    comment = services.add_comment(post=post, by=reader.user, body="Tippfehlr")
    services.edit_comment(comment=comment, by=reader.user, body="Tippfehler", now=later(14))
    assert Comment.objects.get().body == "Tippfehler" and comment.edited_at is not None
    with pytest.raises(ValidationError) as error:
        services.edit_comment(comment=comment, by=reader.user, body="Zu spät", now=later(16))
    assert "15" in error.value.messages[0]


def test_edit_page_for_the_writer_and_404_for_others(login, post, reader, outsider):
    comment = services.add_comment(post=post, by=reader.user, body="Original")
    url = f"/kommentare/{comment.pk}/bearbeiten/"
    assert login(outsider).get(url).status_code == 404
    assert login(outsider).post(url, {"body": "Gekapert"}).status_code == 404
    client = login(reader)
    assert client.get(url).status_code == 200
    assert client.post(url, {"body": ""}).status_code == 400
    assert client.post(url, {"body": "Geändert"}).status_code == 302
    assert Comment.objects.get().body == "Geändert"
    assert client.get("/kommentare/99999/bearbeiten/").status_code == 404


def test_nobody_edits_or_deletes_somebody_elses_comment(post, reader, outsider):
    comment = services.add_comment(post=post, by=reader.user, body="Meins")
    with pytest.raises(PermissionDenied):
        services.edit_comment(comment=comment, by=outsider.user, body="x")
    with pytest.raises(PermissionDenied):
        services.delete_comment(comment=comment, by=outsider.user)


def test_deleting_keeps_the_replies_under_a_placeholder(login, post, reader, outsider):
    top = services.add_comment(post=post, by=reader.user, body="Wird gelöscht")
    services.add_comment(post=post, by=outsider.user, body="Bleibt stehen", reply_to=top)
    assert login(outsider).post(f"/kommentare/{top.pk}/loeschen/").status_code == 404
    assert login(reader).post(f"/kommentare/{top.pk}/loeschen/").status_code == 302
    block = queries.comment_block(post, None)
    assert block.threads[0].comment.status == "deleted"
    assert [r.comment.body for r in block.threads[0].replies] == ["Bleibt stehen"]


def test_the_comment_block_shows_the_placeholder(rf, post, reader, outsider):
    from django.template import Context, Template

    top = services.add_comment(post=post, by=reader.user, body="Wird gelöscht")
    services.add_comment(post=post, by=outsider.user, body="Bleibt stehen", reply_to=top)
    services.delete_comment(comment=top, by=reader.user)
    request = rf.get("/")
    request.user = outsider.user
    html = Template("{% load social %}{% comments_block post %}").render(
        Context({"request": request, "post": post})
    )
    assert _("Comment deleted") in html and "Bleibt stehen" in html
    assert "Wird gelöscht" not in html


def test_the_author_closes_the_discussion(login, post, reporter, reader):
    assert login(reader).post(f"/diskussion/{post.pk}/", {"action": "close"}).status_code == 403
    response = login(reporter).post(f"/diskussion/{post.pk}/", {"action": "close"})
    assert response.status_code == 302
    with pytest.raises(ValidationError) as error:
        services.add_comment(post=post, by=reader.user, body="Noch was")
    assert error.value.messages == [_("The discussion of this post is closed.")]
    assert not Notification.objects.filter(kind="closed").exists()
    assert login(reporter).post(f"/diskussion/{post.pk}/", {"action": "x"}).status_code == 400
    login(reporter).post(f"/diskussion/{post.pk}/", {"action": "reopen"})
    services.add_comment(post=post, by=reader.user, body="Wieder offen")


def test_the_author_is_told_when_editors_close_the_discussion(post, reporter, moderator):
    services.close_discussion(post=post, by=moderator.user)
    notification = Notification.objects.get(kind="closed")
    assert notification.recipient == reporter.user and notification.actor == moderator.user


def test_editor_hides_a_comment_and_the_writer_sees_the_reason(
    login, rf, post, reader, outsider, moderator
):
    from django.template import Context, Template

    comment = services.add_comment(post=post, by=reader.user, body="Beleidigung")
    url = f"/kommentare/{comment.pk}/ausblenden/"
    assert login(outsider).post(url, {"reason": "x"}).status_code == 404
    assert login(moderator).post(url, {"reason": ""}).status_code == 400
    assert login(moderator).post(url, {"reason": "Bitte sachlich bleiben"}).status_code == 302
    template = Template("{% load social %}{% comments_block post %}")

    def render(user):
        request = rf.get("/")
        request.user = user
        return template.render(Context({"request": request, "post": post}))

    own = render(reader.user)
    assert "Bitte sachlich bleiben" in own and "Beleidigung" in own
    other = render(outsider.user)
    assert "Beleidigung" not in other and "Bitte sachlich bleiben" not in other
    assert _("This comment was hidden by the editors.") in other
    login(moderator).post(url, {"action": "unhide"})
    assert Comment.objects.get().status == "visible"


def test_hiding_needs_a_reason(post, reader, moderator):
    comment = services.add_comment(post=post, by=reader.user, body="x")
    with pytest.raises(ValidationError):
        services.hide_comment(comment=comment, by=moderator.user, reason=" ")
    with pytest.raises(PermissionDenied):
        services.hide_comment(comment=comment, by=reader.user, reason="eigen")


def test_links_become_clickable_and_markup_stays_text():
    html = comment_html("Siehe https://example.org/a?b=1&c=2. <script>alert(1)</script>\nZeile")
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow noopener ugc">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "</a>. " in html and "<br>Zeile" in html
    assert 'href="javascript' not in comment_html("javascript:alert(1)")
    assert comment_html('https://x.org/"onmouseover="a').count('"') == 4


def test_rate_limit_per_account(post, reader, settings):
    settings.LITFASS_COMMENT_MIN_INTERVAL = 0
    for n in range(5):
        services.add_comment(post=post, by=reader.user, body=f"Nummer {n}", now=later(0))
    with pytest.raises(ValidationError) as error:
        services.add_comment(post=post, by=reader.user, body="Nummer 6", now=later(0))
    assert error.value.code == "account_rate"
    assert error.value.messages == [
        _("You have written many comments in a short time. Please try again in a minute.")
    ]
    services.add_comment(post=post, by=reader.user, body="Später", now=later(2))


def test_rate_limit_per_ip(post, reader, outsider, settings):
    settings.LITFASS_COMMENT_RATE_IP = (2, 600)
    services.add_comment(post=post, by=reader.user, body="a", ip="203.0.113.5")
    services.add_comment(post=post, by=outsider.user, body="b", ip="203.0.113.5")
    with pytest.raises(ValidationError) as error:
        services.add_comment(post=post, by=outsider.user, body="c", ip="203.0.113.5", now=later(1))
    assert error.value.code == "ip_rate"


def test_minimum_interval_between_comments(login, post, reader):
    services.add_comment(post=post, by=reader.user, body="Erster")
    response = login(reader).post(f"/kommentare/beitrag/{post.pk}/", {"body": "Zweiter"})
    assert response.status_code == 400
    assert "10" in response.content.decode()
    services.add_comment(post=post, by=reader.user, body="Dritter", now=later(0.2))


def test_the_same_comment_twice_within_an_hour_is_refused(post, reader):
    services.add_comment(post=post, by=reader.user, body="Doppelt")
    with pytest.raises(ValidationError) as error:
        services.add_comment(post=post, by=reader.user, body="Doppelt", now=later(5))
    assert error.value.messages == [_("You have written this comment already.")]
    services.add_comment(post=post, by=reader.user, body="Doppelt", now=later(61))


@pytest.mark.parametrize("count", [1, 6])
def test_comment_block_query_count_is_constant(
    rf, post, reader, outsider, django_assert_max_num_queries, count, settings
):
    from django.template import Context, Template

    settings.LITFASS_COMMENT_MIN_INTERVAL = 0
    settings.LITFASS_COMMENT_RATE_ACCOUNT = (100, 60)
    for n in range(count):
        top = services.add_comment(post=post, by=reader.user, body=f"Kommentar {n}")
        reply = services.add_comment(post=post, by=outsider.user, body=f"Antwort {n}", reply_to=top)
        services.like_comment(comment=reply, by=reader.user)
    template = Template("{% load social %}{% comments_block post %}{% like_button post %}")
    request = rf.get("/")
    request.user = reader.user
    # closed?, comments with likes, my likes, can close (membership); likes: count, names
    with django_assert_max_num_queries(6):
        html = template.render(Context({"request": request, "post": post}))
    assert html.count('class="comment comment-visible"') == 2 * count


def test_a_refused_comment_keeps_what_was_typed(login, post, reader, htmx):
    services.add_comment(post=post, by=reader.user, body="Erster")
    client = login(reader)
    extras: list[dict[str, str]] = [{}, htmx]
    for extra in extras:
        response = client.post(f"/kommentare/beitrag/{post.pk}/", {"body": "Zweiter!"}, **extra)
        html = response.content.decode()
        assert "Zweiter!</textarea>" in html
        assert any(wait_message(seconds) in html for seconds in range(1, 11))
    assert Comment.objects.count() == 1


def test_a_refused_reply_keeps_its_text_in_its_own_reply_box(login, post, reader, outsider, htmx):
    top = services.add_comment(post=post, by=outsider.user, body="Oben")
    services.add_comment(post=post, by=reader.user, body="Eben geschrieben")
    data = {"body": "Meine Antwort", "reply_to": top.pk}
    html = login(reader).post(f"/kommentare/beitrag/{post.pk}/", data, **htmx).content.decode()
    reply_box = html[html.index(f'id="kommentar-{top.pk}"') : html.index('id="kommentieren"')]
    assert '<details class="reply" open>' in reply_box
    assert 'aria-invalid="true"' in reply_box and ">Meine Antwort</textarea>" in reply_box
    assert any(wait_message(seconds) in reply_box for seconds in range(1, 11))
    # The comment box below stays empty: sending it would not post the reply as a comment.
    main_box = html[html.index('id="kommentieren"') :]
    assert "Meine Antwort" not in main_box


def test_a_reply_to_a_comment_hidden_meanwhile_is_refused_with_its_text_kept(
    login, post, reader, outsider, moderator
):
    top = services.add_comment(post=post, by=outsider.user, body="Oben")
    services.hide_comment(comment=top, by=moderator.user, reason="Werbung")
    data = {"body": "Meine Antwort", "reply_to": top.pk}
    response = login(reader).post(f"/kommentare/beitrag/{post.pk}/", data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "Auf diesen Kommentar kann man nicht antworten." in html
    assert "Meine Antwort</textarea>" in html
    assert not post.comments.filter(body="Meine Antwort").exists()


def test_the_comment_address_leads_to_the_comment_box(login, post, reader):
    # Where the login page returns to when a session ran out while writing.
    response = Client().get(f"/kommentare/beitrag/{post.pk}/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]
    response = login(reader).get(f"/kommentare/beitrag/{post.pk}/")
    assert response["Location"] == f"{post.get_absolute_url()}#kommentieren"


@pytest.mark.parametrize(
    "persona", ["reader", "reporter", "org_member", "advertiser", "moderator", "outsider"]
)
def test_comment_rules_for_each_persona(request, login, post, reporter, persona, htmx):
    """Everybody logged in comments and deletes their own; the author's members and the
    editors close the discussion; only editors hide comments."""
    who = request.getfixturevalue(persona)
    client = login(who)
    response = client.post(f"/kommentare/beitrag/{post.pk}/", {"body": f"Von {persona}"})
    assert response.status_code == 302
    comment = Comment.objects.get(author=who.user)
    may_close = persona in {"reporter", "moderator"}
    closed = client.post(f"/diskussion/{post.pk}/", {"action": "close"})
    assert closed.status_code == (302 if may_close else 403)
    if may_close:
        services.reopen_discussion(post=post, by=reporter.user)
    hide = client.post(f"/kommentare/{comment.pk}/ausblenden/", {"reason": "Test"})
    assert hide.status_code == (302 if persona == "moderator" else 404)
    comment.refresh_from_db()
    assert comment.status == ("hidden" if persona == "moderator" else "visible")
    # Writers see their hidden comment with the reason; they can still delete it.
    assert client.post(f"/kommentare/{comment.pk}/loeschen/").status_code == 302
    comment.refresh_from_db()
    assert comment.status == "deleted"


@pytest.mark.parametrize("kind", ["article", "snapshot", "gallery", "event"])
def test_every_kind_of_post_can_be_commented(login, reporter, reader, publish, kind):
    extra = {}
    if kind == "event":
        extra["event"] = EventData(starts_at=timezone.now() + dt.timedelta(days=3))
    pictures = 2 if kind == "gallery" else 1
    post = publish(reporter.profile, f"Ein {kind}", kind=kind, pictures=pictures, **extra)
    client = login(reader)
    assert 'id="kommentieren"' in client.get(post.get_absolute_url()).content.decode()
    client.post(f"/kommentare/beitrag/{post.pk}/", {"body": "Schön!"})
    assert "Schön!" in client.get(post.get_absolute_url()).content.decode()
    notification = Notification.objects.get(kind="comment")
    assert notification.recipient == reporter.user and notification.post == post


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        ("203.0.113.7", "", "203.0.113.7"),
        # A direct client cannot claim another address.
        ("203.0.113.7", "198.51.100.1", "203.0.113.7"),
        # Behind the local proxy: the address the proxy saw, not what the client wrote.
        ("127.0.0.1", "198.51.100.1", "198.51.100.1"),
        ("127.0.0.1", "10.9.9.9, 198.51.100.1", "198.51.100.1"),
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "kaputt", "127.0.0.1"),
        ("::1", "2001:db8::5", "2001:db8::5"),
    ],
)
def test_the_per_address_limit_sees_the_client_behind_a_trusted_proxy(
    rf, remote, forwarded, expected
):
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_readers_behind_the_proxy_do_not_share_one_comment_limit(post, reader, outsider, settings):
    settings.LITFASS_COMMENT_RATE_IP = (1, 600)
    for persona, address in ((reader, "198.51.100.1"), (outsider, "198.51.100.2")):
        client = Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)
        client.force_login(persona.user)
        response = client.post(f"/kommentare/beitrag/{post.pk}/", {"body": f"Hallo {address}"})
        assert response.status_code == 302, response.content.decode()[:200]
