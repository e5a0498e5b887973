from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from litfass.content.models import Post
from litfass.content.services import EventData, create_post, edit_post, publish_post


@pytest.fixture
def client_() -> Client:
    return Client()


def test_home_shows_newest_posts_of_the_default_place_and_surroundings(
    client_, town, reporter, publish
):
    publish(reporter.profile, "Aus Hohenecken", place=town.hohenecken)
    publish(reporter.profile, "Aus Otterberg", place=town.otterberg)
    publish(reporter.profile, "Aus Pirmasens", place=town.pirmasens)
    html = client_.get("/").content.decode()
    assert html.index("Aus Otterberg") < html.index("Aus Hohenecken")
    assert "Aus Pirmasens" not in html
    assert "Kaiserslautern" in html


def test_teaser_shows_picture_count_credit_and_advertisement_label(
    client_, town, reporter, advertiser, publish
):
    publish(reporter.profile, "Mit Bildern", pictures=3, sponsor=advertiser.profile)
    html = client_.get("/").content.decode()
    assert "3 Bilder" in html
    assert "Foto: Test" in html
    assert "Anzeige" in html


def test_unsponsored_posts_carry_no_advertisement_label(client_, town, reporter, publish):
    publish(reporter.profile, "Ganz normal")
    assert "Anzeige" not in client_.get("/").content.decode()


def test_article_page_shows_byline_gallery_and_credits(client_, town, reporter, publish):
    post = publish(reporter.profile, "Bürgerfest", pictures=2, kicker="Stadtleben")
    response = client_.get(post.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Stadtleben" in html
    assert "Rita Reporter" in html and "aus Kaiserslautern" in html
    assert "2 Bilder" in html
    assert html.count('class="lightbox"') == 2
    assert 'alt="Bild 1"' in html


def test_english_version_is_complete(client_, town, reporter, publish):
    post = publish(reporter.profile, "Bürgerfest", pictures=2)
    html = client_.get("/en" + post.get_absolute_url()).content.decode()
    assert '<html lang="en">' in html
    assert "2 pictures" in html and "Author:" in html and "from Kaiserslautern" in html
    assert "Bilder" not in html


def test_language_switch_links_to_the_same_page(client_, town, reporter, publish):
    post = publish(reporter.profile, "Bürgerfest")
    html = client_.get(post.get_absolute_url()).content.decode()
    assert f'href="/en{post.get_absolute_url()}"' in html


def test_changed_headline_redirects_old_url_permanently(client_, town, reporter, publish):
    post = publish(reporter.profile, "Alter Titel")
    old_url = post.get_absolute_url()
    edit_post(post=post, headline="Neuer Titel")
    response = client_.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()
    assert "neuer-titel" in response["Location"]


def test_draft_is_not_found_for_strangers_but_visible_to_its_author(
    client_, town, reporter, outsider
):
    draft = create_post(kind=Post.Kind.ARTICLE, author=reporter.profile, headline="Geheim")
    url = draft.get_absolute_url()
    assert client_.get(url).status_code == 404
    client_.force_login(outsider.user)
    assert client_.get(url).status_code == 404
    client_.force_login(reporter.user)
    response = client_.get(url)
    assert response.status_code == 200
    assert "Vorschau" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_missing_post_place_topic_and_profile_are_404_in_site_design(client_, town):
    for url in ["/beitrag/gibt-es-nicht-999/", "/ort/atlantis/", "/ressort/x/", "/profil/x/"]:
        response = client_.get(url)
        assert response.status_code == 404, url
        assert "Startseite" in response.content.decode()


def test_event_page_shows_date_venue_and_online_link(client_, town, reporter):
    start = dt.datetime(2030, 12, 6, 18, 30, tzinfo=dt.UTC)
    post = create_post(
        kind=Post.Kind.EVENT,
        author=reporter.profile,
        headline="Sprechstunde",
        place=town.kaiserslautern,
        event=EventData(
            starts_at=start,
            venue="Fruchthalle",
            address="Fruchthallstraße 10",
            online_url="https://meet.example.org/raum",
        ),
    )
    publish_post(post=post)
    html = client_.get(post.get_absolute_url()).content.decode()
    assert "Fruchthalle" in html and "Fruchthallstraße 10" in html
    assert "https://meet.example.org/raum" in html
    assert "19:30" in html  # 18:30 UTC is 19:30 in Kaiserslautern in winter
    assert "Freitag" in html


def test_place_page_lists_surroundings_and_nearby_places(client_, town, reporter, publish):
    publish(reporter.profile, "Aus Otterberg", place=town.otterberg)
    html = client_.get(reverse("content:place", args=["kaiserslautern"])).content.decode()
    assert "Kaiserslautern und Umgebung" in html
    assert "Aus Otterberg" in html
    assert reverse("content:place", args=["otterberg"]) in html


def test_topic_and_profile_pages_list_their_posts(client_, town, reporter, publish):
    publish(reporter.profile, "Ratssitzung", topic=town.politik)
    publish(reporter.profile, "Konzert", topic=town.kultur)
    topic_html = client_.get(reverse("content:topic", args=["politik"])).content.decode()
    assert "Ratssitzung" in topic_html and "Konzert" not in topic_html
    profile_html = client_.get(reporter.profile.get_absolute_url()).content.decode()
    assert "Ratssitzung" in profile_html and "Konzert" in profile_html


def test_pages_are_keyset_paginated_without_gaps_or_duplicates(client_, town, reporter, publish):
    for n in range(30):
        publish(reporter.profile, f"Meldung {n:02d}")
    seen: list[str] = []
    url = "/ort/kaiserslautern/"
    for _ in range(5):
        response = client_.get(url)
        page = response.context["page"]
        seen += [p.headline for p in page.items]
        if not page.next_cursor:
            break
        url = f"/ort/kaiserslautern/?nach={page.next_cursor}"
    assert seen == [f"Meldung {n:02d}" for n in reversed(range(30))]


def test_a_broken_cursor_starts_at_the_first_page(client_, town, reporter, publish):
    publish(reporter.profile, "Erste Meldung")
    response = client_.get("/ort/kaiserslautern/?nach=kaputt")
    assert response.status_code == 200
    assert "Erste Meldung" in response.content.decode()


@pytest.mark.parametrize("count", [1, 8])
def test_query_count_of_every_page_is_constant(
    client_, town, reporter, publish, django_assert_max_num_queries, count
):
    posts = [
        publish(reporter.profile, f"Beitrag {n}", pictures=2, topic=town.politik)
        for n in range(count)
    ]
    # Lists: the posts, and on home and place pages "most read" and the upcoming events by id
    # (their rankings and the places around are remembered per process). A post page needs
    # three (post, pictures, related) and leaves room for the batched write of read counts.
    pages = {
        # One query of each list page and three of the post page are the follow button,
        # the likes and the comments.
        "/": 3,
        "/ort/kaiserslautern/": 3,
        "/ressort/politik/": 3,
        reporter.profile.get_absolute_url(): 3,
        posts[0].get_absolute_url(): 8,
    }
    for url, limit in pages.items():
        client_.get(url)  # warm the menu cache
        with django_assert_max_num_queries(limit):
            assert client_.get(url).status_code == 200


def test_pages_answer_conditional_requests_with_304(client_, town, reporter, publish):
    post = publish(reporter.profile, "Bürgerfest")
    response = client_.get(post.get_absolute_url())
    assert response.has_header("ETag") and response.has_header("Last-Modified")
    again = client_.get(post.get_absolute_url(), HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_page_cache_serves_anonymous_visitors_and_drops_pages_on_change(
    client_,
    town,
    reporter,
    publish,
    settings,
    django_assert_num_queries,
    django_capture_on_commit_callbacks,
):
    settings.LITFASS_PAGE_CACHE_SECONDS = 60
    post = publish(reporter.profile, "Bürgerfest")
    url = post.get_absolute_url()
    client_.get(url)
    with django_assert_num_queries(0):
        cached = client_.get(url)
    assert "Bürgerfest" in cached.content.decode()
    assert cached.has_header("Content-Security-Policy")
    with django_capture_on_commit_callbacks(execute=True):
        edit_post(post=post, body="<p>Neuer Text</p>")
    assert "Neuer Text" in client_.get(url).content.decode()


def test_logged_in_users_bypass_the_page_cache(client_, town, reporter, publish, settings):
    settings.LITFASS_PAGE_CACHE_SECONDS = 60
    publish(reporter.profile, "Bürgerfest")
    client_.force_login(reporter.user)
    client_.get("/")
    assert client_.get("/").context is not None  # rendered, not served from the cache


def test_pages_send_a_strict_content_security_policy(client_, town):
    csp = client_.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp


def test_teaser_headlines_follow_the_heading_order(client_, town, reporter, publish):
    post = publish(reporter.profile, "Ratssitzung", topic=town.politik)
    publish(reporter.profile, "Zweite Sitzung", topic=town.politik)
    assert '<h2><a href="' in client_.get("/").content.decode()
    assert '<h3><a href="' in client_.get(reporter.profile.get_absolute_url()).content.decode()
    assert '<h3><a href="' in client_.get(post.get_absolute_url()).content.decode()
