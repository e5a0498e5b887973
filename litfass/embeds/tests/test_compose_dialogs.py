"""The composer's embed dialogs, end to end through the views: add, refuse, reorder, remove,
search our posts, and what readers then see on the post page."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from conftest import Persona, Town
from litfass.content.models import Post
from litfass.content.services import create_post, edit_post, publish_post
from litfass.embeds.models import MAX_EMBEDS_PER_POST, CodeSnippet, PostEmbed
from litfass.embeds.refs import EmbedKind, EmbedRefused, Refusal
from litfass.embeds.services import add_code_embed, add_embed

from .conftest import CODE_ORIGIN, SITE

HOST = "litfass.example"


def _client(persona: Persona) -> Client:
    client = Client(HTTP_HOST=HOST)
    client.force_login(persona.user)
    return client


def _draft(persona: Persona, town: Town, headline: str = "Stadtfest am Wochenende") -> Post:
    assert persona.profile is not None
    return create_post(
        kind=Post.Kind.ARTICLE,
        author=persona.profile,
        headline=headline,
        body="<p>Es gibt Musik.</p>",
        place=town.kaiserslautern,
    )


def _add(client: Client, post: Post, dialog: str, **data: str):
    return client.post(reverse("embed_dialogs:add", args=[post.pk]), {"dialog": dialog, **data})


def _composer(client: Client, post: Post) -> str:
    return client.get(reverse("content:compose", args=[post.pk])).content.decode()


def _dialog(html: str, kind: str) -> str:
    match = re.search(rf'<dialog id="einbetten-{kind}".*?</dialog>', html, re.S)
    assert match, f"no {kind} dialog"
    return match.group(0)


def test_the_composer_offers_the_dialogs_each_with_a_cancel_button(reporter, town):
    html = _composer(_client(reporter), _draft(reporter, town))
    for kind in ("video", "map", "social", "post", "snapshot", "event"):
        dialog = _dialog(html, kind)
        assert f'commandfor="einbetten-{kind}" command="close"' in dialog
        assert f'commandfor="einbetten-{kind}" command="show-modal"' in html
    # Code is for trusted profiles only: a resident's composer has no code dialog.
    assert 'id="einbetten-code"' not in html


def test_a_video_link_is_stored_as_the_canonical_link_and_shown_behind_a_placeholder(
    reporter, town
):
    client = _client(reporter)
    post = _draft(reporter, town)
    response = _add(
        client, post, "video", url="https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&si=track"
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/schreiben/{post.pk}/#einbetten")
    embed = PostEmbed.objects.get(post=post)
    assert embed.kind == "video"
    assert "si=" not in embed.url and "dQw4w9WgXcQ" in embed.url
    composer = _composer(client, post)
    assert 'id="einbettung-' in composer and "embed--youtube" in composer

    publish_post(post=post)
    page = Client(HTTP_HOST=HOST).get(post.get_absolute_url()).content.decode()
    assert "embed--youtube" in page and "consent.js" in page
    # Nothing from the provider is in the page as a frame: only the placeholder.
    assert "<iframe" not in page
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in page  # the player address, for the click


def test_a_playlist_is_refused_in_german_and_the_dialog_reopens_with_the_link(reporter, town):
    client = _client(reporter)
    post = _draft(reporter, town)
    typed = "https://www.youtube.com/playlist?list=PL1234567890abcdef"
    response = _add(client, post, "video", url=typed)
    assert response.status_code == 302 and response["Location"].endswith("#einbetten-video")
    assert not PostEmbed.objects.filter(post=post).exists()
    dialog = _dialog(_composer(client, post), "video")
    assert "open data-reopen" in dialog
    assert "Das ist eine Playlist" in dialog
    assert f'value="{typed}"' in dialog
    # Shown once: the next visit has the dialog closed again.
    assert "data-reopen" not in _dialog(_composer(client, post), "video")


def test_a_link_in_the_wrong_dialog_names_the_right_one(reporter, town):
    client = _client(reporter)
    post = _draft(reporter, town)
    _add(client, post, "map", url="https://vimeo.com/76979871")
    dialog = _dialog(_composer(client, post), "map")
    assert "Video" in dialog and 'role="alert"' in dialog
    assert not PostEmbed.objects.exists()


def test_an_empty_link_asks_for_one(reporter, town):
    client = _client(reporter)
    post = _draft(reporter, town)
    _add(client, post, "social", url="  ")
    assert "Bitte fügen Sie einen Link ein." in _dialog(_composer(client, post), "social")


def test_a_point_on_the_map_becomes_an_openstreetmap_embed(reporter, town):
    client = _client(reporter)
    post = _draft(reporter, town)
    html = _dialog(_composer(client, post), "map")
    assert 'value="49.4447"' in html, "the point starts at the post's place"
    _add(client, post, "map", latitude="49.4447", longitude="7.769")
    embed = PostEmbed.objects.get(post=post)
    assert embed.kind == "map" and embed.url.startswith("https://www.openstreetmap.org/")
    _add(client, post, "map", latitude="149", longitude="7.769")
    assert PostEmbed.objects.filter(post=post).count() == 1
    dialog = _dialog(_composer(client, post), "map")
    assert 'role="alert"' in dialog and "90" in dialog


def test_nobody_embeds_into_another_persons_post(reporter, outsider, town):
    post = _draft(reporter, town)
    response = _add(_client(outsider), post, "video", url="https://youtu.be/dQw4w9WgXcQ")
    assert response.status_code == 404
    assert not PostEmbed.objects.exists()


def test_code_is_refused_for_residents_and_leaves_nothing_behind(reporter, town):
    client = _client(reporter)
    post = _draft(reporter, town)
    response = _add(client, post, "code", title="Pegel", html="<p>x</p>", height="300")
    assert response.status_code == 302, "a clear message, not an error page"
    assert not CodeSnippet.objects.exists() and not PostEmbed.objects.exists()
    assert "Nur vertrauenswürdige Profile dürfen Code einbetten." in _composer(client, post)
    # A pasted snippet link does not get around the rule either, in any dialog.
    for dialog in ("video", "post"):
        _add(client, post, dialog, url=f"{CODE_ORIGIN}/code/1/")
    assert not PostEmbed.objects.exists()


def test_a_pasted_snippet_link_is_refused_for_lack_of_trust(reporter, town):
    post = _draft(reporter, town)
    with pytest.raises(EmbedRefused) as refused:
        add_embed(post=post, by=reporter.user, url=f"{CODE_ORIGIN}/code/1/", dialog=EmbedKind.CODE)
    assert refused.value.code == Refusal.CODE_NOT_TRUSTED


def test_a_trusted_editor_embeds_code_in_a_sandboxed_frame_on_the_code_origin(editor, town):
    client = _client(editor)
    post = _draft(editor, town)
    code_dialog = _dialog(_composer(client, post), "code")
    assert 'name="html"' in code_dialog
    _add(client, post, "code", title="Pegel der Lauter", html="<script>1</script>", height="320")
    snippet = CodeSnippet.objects.get()
    assert snippet.html == "<script>1</script>"
    publish_post(post=post)
    page = Client(HTTP_HOST=HOST).get(post.get_absolute_url()).content.decode()
    frame = re.search(r"<iframe[^>]*>", page)
    assert frame
    assert f'src="{CODE_ORIGIN}/code/{snippet.pk}/"' in frame.group(0)
    assert 'sandbox="allow-scripts"' in frame.group(0)
    assert "allow-same-origin" not in page
    assert "<script>1</script>" not in page


def test_code_with_a_bad_height_keeps_what_was_typed(editor, town):
    client = _client(editor)
    post = _draft(editor, town)
    _add(client, post, "code", title="Widget", html="<b>hallo</b>", height="5")
    dialog = _dialog(_composer(client, post), "code")
    assert "zwischen 100 und 2000" in dialog
    assert "&lt;b&gt;hallo&lt;/b&gt;" in dialog
    assert not CodeSnippet.objects.exists()


def test_search_finds_published_posts_only(reporter, town, publish):
    assert reporter.profile is not None
    client = _client(reporter)
    post = _draft(reporter, town)
    published = publish(reporter.profile, "Kerwe in Hohenecken")
    _draft(reporter, town, "Kerwe-Entwurf")
    url = reverse("embed_dialogs:search", args=[post.pk])
    fragment = client.get(url, {"dialog": "post", "q": "Kerwe"}, HTTP_HX_REQUEST="true")
    body = fragment.content.decode()
    assert "Kerwe in Hohenecken" in body and "Kerwe-Entwurf" not in body
    assert "<html" not in body
    assert f"{SITE}{published.get_absolute_url()}" in body
    page = client.get(url, {"dialog": "post", "q": "Kerwe"}).content.decode()
    assert "<html" in page and "Kerwe in Hohenecken" in page
    # The snapshot dialog does not offer articles.
    snapshots = client.get(url, {"dialog": "snapshot", "q": "Kerwe"}, HTTP_HX_REQUEST="true")
    assert "Kerwe in Hohenecken" not in snapshots.content.decode()


def test_a_card_of_our_post_shows_only_while_it_is_published_and_follows_its_changes(
    reporter, town
):
    client = _client(reporter)
    host = _draft(reporter, town)
    other = _draft(reporter, town, "Neue Buslinie 105")
    _add(client, host, "post", url=f"{SITE}{other.get_absolute_url()}")
    assert PostEmbed.objects.filter(post=host).count() == 1
    publish_post(post=host)
    reader = Client(HTTP_HOST=HOST)
    assert "Neue Buslinie 105" not in reader.get(host.get_absolute_url()).content.decode()
    publish_post(post=other)
    assert "Neue Buslinie 105" in reader.get(host.get_absolute_url()).content.decode()
    other.refresh_from_db()
    edit_post(post=other, by=reporter.user, headline="Buslinie 105 fährt ab Montag")
    page = reader.get(host.get_absolute_url()).content.decode()
    assert "Buslinie 105 fährt ab Montag" in page


def test_a_post_does_not_embed_itself(reporter, town):
    client = _client(reporter)
    post = _draft(reporter, town)
    _add(client, post, "post", url=f"{SITE}{post.get_absolute_url()}")
    assert not PostEmbed.objects.exists()
    assert "sich nicht selbst" in _dialog(_composer(client, post), "post")


def test_the_event_dialog_takes_a_gallery(reporter, town, publish):
    assert reporter.profile is not None
    gallery = publish(reporter.profile, "Bilder vom Umzug", kind=Post.Kind.GALLERY, pictures=2)
    post = _draft(reporter, town)
    _add(_client(reporter), post, "event", url=f"{SITE}{gallery.get_absolute_url()}")
    assert PostEmbed.objects.filter(post=post).count() == 1


def test_embeds_are_reordered_and_removed(reporter, town):
    client = _client(reporter)
    post = _draft(reporter, town)
    _add(client, post, "video", url="https://youtu.be/dQw4w9WgXcQ")
    _add(client, post, "video", url="https://vimeo.com/76979871")
    first, second = PostEmbed.objects.filter(post=post)
    change = reverse("embed_dialogs:change", args=[post.pk, second.pk])
    client.post(change, {"action": "up"})
    assert [e.pk for e in PostEmbed.objects.filter(post=post)] == [second.pk, first.pk]
    client.post(reverse("embed_dialogs:change", args=[post.pk, first.pk]), {"action": "remove"})
    assert [e.pk for e in PostEmbed.objects.filter(post=post)] == [second.pk]


def test_a_post_has_a_limited_number_of_embeds(reporter, town):
    client = _client(reporter)
    post = _draft(reporter, town)
    for n in range(MAX_EMBEDS_PER_POST + 1):
        _add(client, post, "video", url=f"https://vimeo.com/{1000 + n}")
    assert PostEmbed.objects.filter(post=post).count() == MAX_EMBEDS_PER_POST
    assert "höchstens" in _dialog(_composer(client, post), "video")


@pytest.mark.parametrize("language", ["de", "en"])
def test_refusals_come_in_the_writers_language(reporter, town, language):
    client = _client(reporter)
    post = _draft(reporter, town)
    prefix = "" if language == "de" else "/en"
    client.post(
        f"{prefix}/schreiben/{post.pk}/einbetten/",
        {"dialog": "social", "url": "https://www.instagram.com/stadtkl/"},
    )
    html = client.get(f"{prefix}/schreiben/{post.pk}/").content.decode()
    expected = {"de": "Profilseite", "en": "This is a profile page"}[language]
    assert expected in _dialog(html, "social")


def test_the_providers_page_lists_the_enabled_providers_and_the_readers_choices(db, settings):
    settings.LITFASS_EMBED_PROVIDERS = ["youtube", "openstreetmap"]
    reader = Client(HTTP_HOST=HOST)
    home = reader.get("/").content.decode()
    assert 'href="/inhalte-anderer-anbieter/"' in home, "linked from every page's footer"
    page = reader.get("/inhalte-anderer-anbieter/").content.decode()
    assert "YouTube" in page and "OpenStreetMap" in page
    assert "Vimeo" not in page, "a provider switched off is not listed"
    assert "https://policies.google.com/privacy" in page
    assert "data-embed-consents" in page and "consent.js" in page
    english = reader.get("/en/inhalte-anderer-anbieter/").content.decode()
    assert "Content from other providers" in english


def test_a_profile_an_editor_trusted_may_embed_code(reporter, town):
    assert reporter.profile is not None
    client = _client(reporter)
    post = _draft(reporter, town)
    reporter.profile.code_trusted = True
    reporter.profile.save(update_fields=["code_trusted"])
    assert 'id="einbetten-code"' in _composer(client, post)
    _add(client, post, "code", title="Pegel", html="<p>Pegel</p>", height="300")
    assert PostEmbed.objects.filter(post=post, kind="code").count() == 1


def test_the_event_dialog_names_its_own_reason_for_foreign_links(reporter, town):
    client = _client(reporter)
    post = _draft(reporter, town)
    _add(client, post, "event", url="https://www.youtube.com/watch?v=dQw4w9WgXcQ")
    dialog = _dialog(_composer(client, post), "event")
    assert "Veranstaltung" in dialog and "nicht unterstützt" not in dialog


def test_a_refused_coordinate_is_marked_at_its_field_and_focused(reporter, town):
    client = _client(reporter)
    post = _draft(reporter, town)
    _add(client, post, "map", latitude="49,44", longitude="7.77")
    dialog = _dialog(_composer(client, post), "map")
    latitude = re.search(r'<input[^>]*name="latitude"[^>]*>', dialog)
    assert latitude and 'aria-invalid="true"' in latitude.group(0)
    assert "autofocus" in latitude.group(0)
    assert 'value="49,44"' in latitude.group(0), "kept as typed"
    assert "Bitte geben Sie Breiten- und Längengrad ein." not in dialog, "both were entered"


def test_embeds_of_other_posts_and_foreign_posts_are_out_of_reach(reporter, outsider, town):
    client = _client(reporter)
    mine, other = _draft(reporter, town), _draft(reporter, town, "Zweiter Entwurf")
    _add(client, other, "video", url="https://youtu.be/dQw4w9WgXcQ")
    embed = PostEmbed.objects.get(post=other)
    via_mine = reverse("embed_dialogs:change", args=[mine.pk, embed.pk])
    assert client.post(via_mine, {"action": "remove"}).status_code == 404
    change = reverse("embed_dialogs:change", args=[other.pk, embed.pk])
    assert _client(outsider).post(change, {"action": "remove"}).status_code == 404
    search = reverse("embed_dialogs:search", args=[other.pk])
    assert _client(outsider).get(search, {"q": "x"}).status_code == 404
    assert PostEmbed.objects.filter(pk=embed.pk).exists()


def test_search_ignores_the_case_of_umlauts(reporter, town, publish):
    assert reporter.profile is not None
    publish(reporter.profile, "Ärger um Parkplätze am Stadtpark")
    post = _draft(reporter, town)
    url = reverse("embed_dialogs:search", args=[post.pk])
    found = _client(reporter).get(url, {"dialog": "post", "q": "ärger"}, HTTP_HX_REQUEST="true")
    assert "Ärger um Parkplätze" in found.content.decode()


def test_the_post_counts_its_embeds(reporter, town):
    client = _client(reporter)
    post = _draft(reporter, town)
    _add(client, post, "video", url="https://youtu.be/dQw4w9WgXcQ")
    _add(client, post, "map", latitude="49.44", longitude="7.77")
    post.refresh_from_db()
    assert post.embed_count == 2
    client.post(
        reverse("embed_dialogs:change", args=[post.pk, PostEmbed.objects.filter(post=post)[0].pk]),
        {"action": "remove"},
    )
    post.refresh_from_db()
    assert post.embed_count == 1


def test_a_page_with_every_kind_of_embed_needs_three_more_queries(
    editor, town, publish, django_assert_max_num_queries
):
    """A post page needs at most 6 queries (see content's performance tests); its embeds add
    one for the list, one for all cards and one for all code frames, however many."""
    other = publish(editor.profile, "Neue Buslinie")
    post = _draft(editor, town)
    for url in ("https://youtu.be/dQw4w9WgXcQ", "https://vimeo.com/76979871"):
        add_embed(post=post, by=editor.user, url=url, dialog=EmbedKind.VIDEO)
    add_embed(
        post=post, by=editor.user, url=f"{SITE}{other.get_absolute_url()}", dialog=EmbedKind.POST
    )
    add_code_embed(post=post, by=editor.user, title="Pegel", html="<p>1</p>")
    publish_post(post=post)
    reader = Client(HTTP_HOST=HOST)
    reader.get(post.get_absolute_url())  # menus and memos are warm from now on
    with django_assert_max_num_queries(6 + 3):
        page = reader.get(post.get_absolute_url()).content.decode()
    assert page.count('class="embed ') == 4
