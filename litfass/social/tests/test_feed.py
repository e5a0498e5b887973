from __future__ import annotations

import pytest
from django.test import Client
from django.utils.translation import gettext as _

from litfass.content.services import delete_post, unpublish_post
from litfass.social import queries, services


def headlines(page):
    return [p.headline for p in page.items]


def test_feed_merges_profiles_places_and_topics_newest_first(
    reader, reporter, org_member, advertiser, town, post_at
):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    services.follow_place(place=town.otterberg, by=reader.user)
    services.follow_topic(topic=town.kultur, by=reader.user)
    post_at(reporter.profile, "Von Rita", minutes=1, place=town.pirmasens)
    post_at(org_member.profile, "Aus Otterberg", minutes=2, place=town.otterberg)
    post_at(
        advertiser.profile,
        "Kultur in Pirmasens",
        minutes=3,
        place=town.pirmasens,
        topic=town.kultur,
    )
    post_at(advertiser.profile, "Nicht gefolgt", minutes=4, place=town.pirmasens)
    # In a followed place *and* by a followed profile *and* in a followed topic: once only.
    post_at(reporter.profile, "Überall", minutes=5, place=town.otterberg, topic=town.kultur)
    page = queries.feed(reader.user)
    assert headlines(page) == ["Überall", "Kultur in Pirmasens", "Aus Otterberg", "Von Rita"]


def test_following_a_place_includes_its_districts_and_surroundings_on_request(
    reader, reporter, town, post_at
):
    post_at(reporter.profile, "Hohenecken", minutes=1, place=town.hohenecken)
    post_at(reporter.profile, "Otterberg", minutes=2, place=town.otterberg)
    post_at(reporter.profile, "Pirmasens", minutes=3, place=town.pirmasens)
    services.follow_place(place=town.kaiserslautern, by=reader.user)
    assert headlines(queries.feed(reader.user)) == ["Hohenecken"]
    services.follow_place(place=town.kaiserslautern, by=reader.user, with_surroundings=True)
    assert headlines(queries.feed(reader.user)) == ["Otterberg", "Hohenecken"]


def test_unpublished_and_deleted_posts_never_appear(reader, reporter, town, post_at):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    kept = post_at(reporter.profile, "Bleibt", minutes=1)
    gone = post_at(reporter.profile, "Zurückgezogen", minutes=2)
    deleted = post_at(reporter.profile, "Gelöscht", minutes=3)
    unpublish_post(post=gone)
    delete_post(post=deleted, by=reporter.user)
    assert headlines(queries.feed(reader.user)) == [kept.headline]


def test_muted_profiles_disappear_from_the_feed(reader, reporter, org_member, town, post_at):
    services.follow_place(place=town.kaiserslautern, by=reader.user)
    post_at(reporter.profile, "Von Rita", minutes=1)
    post_at(org_member.profile, "Vom Verein", minutes=2)
    services.mute_profile(profile=org_member.profile, by=reader.user)
    assert headlines(queries.feed(reader.user)) == ["Von Rita"]
    services.unmute_profile(profile=org_member.profile, by=reader.user)
    assert len(queries.feed(reader.user).items) == 2


def test_pages_have_no_gaps_or_duplicates_while_new_posts_arrive(
    reader, reporter, org_member, town, post_at
):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    services.follow_place(place=town.otterberg, by=reader.user)
    for n in range(15):
        author = reporter.profile if n % 2 else org_member.profile
        place = town.otterberg if author == org_member.profile or n % 3 else town.pirmasens
        post_at(author, f"Alt {n:02d}", minutes=n, place=place)
    first = queries.feed(reader.user, size=6)
    for n in range(5):  # published between reading page 1 and page 2
        post_at(reporter.profile, f"Neu {n}", minutes=100 + n)
    second = queries.feed(reader.user, first.next_cursor, size=6)
    third = queries.feed(reader.user, second.next_cursor, size=6)
    seen = headlines(first) + headlines(second) + headlines(third)
    assert seen == [f"Alt {n:02d}" for n in reversed(range(15))]
    assert third.next_cursor is None


def test_posts_published_at_the_same_moment_are_paged_by_id(reader, reporter, town, post_at):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    for n in range(5):
        post_at(reporter.profile, f"Gleichzeitig {n}", minutes=0)
    first = queries.feed(reader.user, size=2)
    rest = queries.feed(reader.user, first.next_cursor, size=10)
    assert sorted(headlines(first) + headlines(rest)) == [f"Gleichzeitig {n}" for n in range(5)]
    assert len(set(headlines(first)) & set(headlines(rest))) == 0


def test_a_broken_cursor_starts_at_the_first_page(reader, reporter, post_at):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    post_at(reporter.profile, "Erste")
    assert headlines(queries.feed(reader.user, "kaputt_x")) == ["Erste"]


def test_feed_page_shows_teasers_with_the_advertisement_label(
    login, reader, reporter, advertiser, town, post_at
):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    post_at(reporter.profile, "Gesponsert", sponsor=advertiser.profile)
    html = login(reader).get("/mein-feed/").content.decode()
    assert "Gesponsert" in html and "Anzeige" in html


def test_feed_more_link_loads_the_next_page_with_htmx(login, reader, reporter, post_at, htmx):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    for n in range(14):
        post_at(reporter.profile, f"Meldung {n:02d}", minutes=n)
    client = login(reader)
    html = client.get("/mein-feed/").content.decode()
    assert "Meldung 13" in html and "Meldung 01" not in html
    cursor = queries.feed(reader.user).next_cursor
    assert f"?nach={cursor}" in html
    response = client.get(f"/mein-feed/?nach={cursor}", **htmx)
    more = response.content.decode()
    assert "Meldung 01" in more and "Meldung 13" not in more and "<html" not in more
    # The fragment and the page share a URL: caches must keep them apart.
    assert "HX-Request" in response["Vary"] and "private" in response["Cache-Control"]


def test_a_reader_following_nothing_gets_suggestions(login, outsider, reporter, town, post_at):
    post_at(reporter.profile, "Aktiv")
    html = login(reporter).get("/mein-feed/").content.decode()
    # Places around the home place (Kaiserslautern) and active profiles other than one's own.
    assert "Hohenecken" in html and "Otterberg" in html
    assert queries.suggestions(reporter.user).profiles == []
    suggestions = queries.suggestions(outsider.user)
    assert [p.display_name for p in suggestions.profiles] == ["Rita Reporter"]
    html = login(outsider).get("/mein-feed/").content.decode()
    assert "Rita Reporter" in html and "Politik" in html


def test_a_reader_without_home_place_gets_the_busy_places_and_a_hint(
    login, outsider, reporter, org_member, town, post_at
):
    post_at(reporter.profile, "Eins", place=town.hohenecken)
    post_at(reporter.profile, "Zwei", place=town.hohenecken, minutes=1)
    post_at(org_member.profile, "Drei", place=town.otterberg, minutes=2)
    suggestions = queries.suggestions(outsider.user)
    assert suggestions.home_place is None
    # Places with posts in the last 30 days, the busiest first; none without posts.
    assert suggestions.places == [town.hohenecken, town.otterberg]
    html = login(outsider).get("/mein-feed/").content.decode()
    assert _("Places with new posts") in html and "/mein-bereich/profil/" in html
    assert f"/folgen/ort/{town.hohenecken.pk}/" in html


def test_suggestions_around_the_home_place_start_with_it(reporter, town):
    places = queries.suggestions(reporter.user).places
    assert places[0] == town.kaiserslautern
    assert town.hohenecken in places and town.pirmasens not in places


def test_feed_needs_login():
    response = Client().get("/mein-feed/")
    assert response.status_code == 302 and "/konto/login/" in response["Location"]


@pytest.mark.parametrize("count", [2, 12])
def test_feed_query_count_is_constant(
    login, reader, reporter, org_member, town, post_at, django_assert_max_num_queries, count
):
    services.follow_profile(profile=reporter.profile, by=reader.user)
    services.follow_place(place=town.otterberg, by=reader.user, with_surroundings=True)
    services.follow_place(place=town.pirmasens, by=reader.user)
    services.follow_topic(topic=town.politik, by=reader.user)
    for n in range(count):
        post_at(reporter.profile, f"R {n}", minutes=n, topic=town.politik)
        post_at(org_member.profile, f"O {n}", minutes=n, place=town.otterberg)
    client = login(reader)
    client.get("/mein-feed/")  # warm the menu cache
    # session + user, follows, place expansion, three sources, the bell is not in base.html yet
    with django_assert_max_num_queries(8):
        response = client.get("/mein-feed/")
    assert response.status_code == 200
    assert _("My feed") in response.content.decode()
