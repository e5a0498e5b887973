"""The oEmbed endpoint (/oembed/) and its discovery link on post pages."""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from litfass.content.models import Post
from litfass.content.services import create_post
from litfass.images.models import Image

from .conftest import CODE_ORIGIN, SITE
from .own_posts import HIDDEN_STATES, hidden_post_path, site_client

ENDPOINT = "/oembed/"


def ask(url: str, **params: str):
    return site_client().get(ENDPOINT, {"url": url, **params})


def post_url(post: Post, language: str = "de") -> str:
    prefix = "/en" if language == "en" else ""
    return f"{SITE}{prefix}/beitrag/{post.slug}-{post.pk}/"


def iframe_src(answer: dict[str, object]) -> str:
    match = re.search(r'<iframe src="([^"]+)"', str(answer["html"]))
    assert match, answer["html"]
    return html_lib.unescape(match[1])


def test_a_published_post_is_a_rich_embed(reporter, publish, settings):
    settings.LITFASS_SITE_NAME = "Litfaß Westpfalz"
    post = publish(reporter.profile, "Neuer Radweg am Stadtpark")
    response = ask(post_url(post))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    answer = response.json()
    assert set(answer) == {
        "version",
        "type",
        "title",
        "author_name",
        "author_url",
        "provider_name",
        "provider_url",
        "cache_age",
        "html",
        "width",
        "height",
    }
    assert answer["version"] == "1.0"
    assert answer["type"] == "rich"
    assert answer["title"] == "Neuer Radweg am Stadtpark"
    assert answer["author_name"] == reporter.profile.display_name
    assert answer["author_url"] == f"{SITE}/profil/{reporter.profile.slug}/"
    assert answer["provider_name"] == "Litfaß Westpfalz"
    assert answer["provider_url"] == f"{SITE}/"
    assert answer["cache_age"] == 3600
    assert (answer["width"], answer["height"]) == (560, 200)
    assert answer["html"] == (
        f'<iframe src="{SITE}/embed/beitrag/{post.slug}-{post.pk}/" width="560" height="200" '
        'title="Neuer Radweg am Stadtpark" sandbox="allow-popups allow-popups-to-escape-sandbox" '
        'loading="lazy"></iframe>'
    )


def test_the_iframe_shows_the_card_view(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg am Stadtpark")
    src = urlsplit(iframe_src(ask(post_url(post)).json()))
    assert f"{src.scheme}://{src.netloc}" == SITE
    card = site_client().get(src.path)
    assert card.status_code == 200
    assert "Neuer Radweg am Stadtpark" in card.content.decode()
    assert "frame-ancestors *" in card["Content-Security-Policy"]


def test_an_english_link_gives_the_english_card(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg am Stadtpark")
    answer = ask(post_url(post, "en")).json()
    assert iframe_src(answer) == f"{SITE}/en/embed/beitrag/{post.slug}-{post.pk}/"
    assert answer["author_url"] == f"{SITE}/en/profil/{reporter.profile.slug}/"
    assert answer["provider_url"] == f"{SITE}/en/"
    card = site_client().get(urlsplit(iframe_src(answer)).path)
    assert '<html lang="en">' in card.content.decode()


def test_the_endpoint_answers_the_same_under_en(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    german = site_client().get(ENDPOINT, {"url": post_url(post)}).json()
    english = site_client().get(f"/en{ENDPOINT}", {"url": post_url(post)}).json()
    assert german == english


def test_an_old_slug_still_finds_the_post(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    answer = ask(f"{SITE}/beitrag/alter-titel-{post.pk}/?utm_source=x").json()
    assert iframe_src(answer) == f"{SITE}/embed/beitrag/{post.slug}-{post.pk}/"


@pytest.mark.parametrize(
    ("maxwidth", "maxheight", "size"),
    [
        ("300", "150", (300, 150)),
        ("1200", "900", (560, 200)),
        ("560", "", (560, 200)),
        ("", "120", (560, 120)),
        ("99999999999999999999", "1", (560, 1)),
    ],
)
def test_the_frame_never_exceeds_the_maximum_size(reporter, publish, maxwidth, maxheight, size):
    post = publish(reporter.profile, "Neuer Radweg")
    answer = ask(post_url(post), maxwidth=maxwidth, maxheight=maxheight).json()
    assert (answer["width"], answer["height"]) == size
    assert f'width="{size[0]}" height="{size[1]}"' in answer["html"]


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5", "٣"])
def test_a_bad_size_is_a_bad_request(reporter, publish, value):
    post = publish(reporter.profile, "Neuer Radweg")
    assert ask(post_url(post), maxwidth=value).status_code == 400
    assert ask(post_url(post), maxheight=value).status_code == 400


def test_a_missing_url_is_a_bad_request(db):
    assert site_client().get(ENDPOINT).status_code == 400
    assert site_client().get(ENDPOINT, {"url": "  "}).status_code == 400


@pytest.mark.parametrize("fmt", ["xml", "XML", "yaml"])
def test_formats_other_than_json_are_not_implemented(reporter, publish, fmt):
    post = publish(reporter.profile, "Neuer Radweg")
    assert ask(post_url(post), format=fmt).status_code == 501


def test_format_json_is_served(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    assert ask(post_url(post), format="json").json()["type"] == "rich"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://zeitung.example/beitrag/x-1/",
        f"{SITE}/",
        f"{SITE}/ort/kaiserslautern/",
        f"{SITE}/profil/rita-reporter/",
        f"{CODE_ORIGIN}/code/1/",
        "http://litfass.example/beitrag/x-1/",
        "javascript:alert(1)",
        "kein Link",
    ],
)
def test_links_that_are_not_our_posts_are_not_found(db, url):
    response = ask(url)
    assert response.status_code == 404
    assert not response.cookies


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_posts_nobody_may_read_are_not_found(state, reporter, town, publish):
    path = hidden_post_path(state, reporter, town, publish)
    response = ask(f"{SITE}{path}")
    assert response.status_code == 404
    assert response.content == ask(f"{SITE}/beitrag/nie-geschrieben-999999/").content


def set_renditions(post: Post, widths: list[int]) -> Image:
    image = post.lead_image
    assert image is not None
    renditions = {
        "jpeg": [
            {"width": w, "height": w * 2 // 3, "name": f"renditions/{image.pk}-{w}.jpg"}
            for w in widths
        ]
    }
    Image.objects.filter(pk=image.pk).update(renditions=renditions)
    return image


def test_a_post_with_a_picture_has_a_thumbnail(reporter, publish):
    post = publish(reporter.profile, "Mit Bild", pictures=1)
    image = set_renditions(post, [480, 960, 1600])
    answer = ask(post_url(post)).json()
    assert answer["thumbnail_url"] == f"{SITE}/media/renditions/{image.pk}-960.jpg"
    assert (answer["thumbnail_width"], answer["thumbnail_height"]) == (960, 640)


def test_the_thumbnail_fits_the_maximum_size(reporter, publish):
    post = publish(reporter.profile, "Mit Bild", pictures=1)
    image = set_renditions(post, [480, 960, 1600])
    answer = ask(post_url(post), maxwidth="600").json()
    assert answer["thumbnail_url"] == f"{SITE}/media/renditions/{image.pk}-480.jpg"
    assert ask(post_url(post), maxheight="600").json()["thumbnail_width"] == 480
    assert "thumbnail_url" not in ask(post_url(post), maxwidth="300").json()


def test_before_renditions_exist_the_stored_original_is_the_thumbnail(reporter, publish):
    post = publish(reporter.profile, "Mit Bild", pictures=1)
    image = post.lead_image
    answer = ask(post_url(post)).json()
    assert answer["thumbnail_url"] == f"{SITE}/media/{image.file.name}"
    assert (answer["thumbnail_width"], answer["thumbnail_height"]) == (image.width, image.height)


def test_a_post_without_a_picture_has_no_thumbnail(reporter, publish):
    post = publish(reporter.profile, "Ohne Bild")
    answer = ask(post_url(post)).json()
    assert not {"thumbnail_url", "thumbnail_width", "thumbnail_height"} & set(answer)


def test_the_answer_is_public_and_sets_no_cookie(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    client = site_client()
    client.force_login(reporter.user)
    response = client.get(ENDPOINT, {"url": post_url(post)})
    assert response.status_code == 200
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert cache_control == {"public", "max-age=3600"}
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"]


def test_the_answer_is_one_query(reporter, publish, django_assert_num_queries):
    post = publish(reporter.profile, "Neuer Radweg", pictures=1)
    client = site_client()
    with django_assert_num_queries(1):
        assert client.get(ENDPOINT, {"url": post_url(post)}).status_code == 200


def test_only_reading_methods_are_allowed(reporter, publish):
    post = publish(reporter.profile, "Neuer Radweg")
    assert site_client().post(ENDPOINT, {"url": post_url(post)}).status_code == 405


# --- Discovery ---------------------------------------------------------------------------------

DISCOVERY = re.compile(r'<link rel="alternate" type="application/json\+oembed" href="([^"]+)"')


def discovery_href(page_html: str) -> str:
    links = DISCOVERY.findall(page_html)
    assert len(links) == 1, links
    return html_lib.unescape(links[0])


@pytest.mark.parametrize("language", ["de", "en"])
def test_a_post_page_links_a_working_oembed_answer(reporter, publish, language):
    post = publish(reporter.profile, "Neuer Radweg am Stadtpark")
    page_path = urlsplit(post_url(post, language)).path
    page = site_client().get(page_path)
    assert page.status_code == 200
    href = urlsplit(discovery_href(page.content.decode()))
    assert f"{href.scheme}://{href.netloc}{href.path}" == f"{SITE}{ENDPOINT}"
    params = parse_qs(href.query)
    assert params == {"url": [post_url(post, language)], "format": ["json"]}
    answer = site_client().get(href.path, params).json()
    assert answer["title"] == "Neuer Radweg am Stadtpark"
    prefix = "/en" if language == "en" else ""
    assert iframe_src(answer) == f"{SITE}{prefix}/embed/beitrag/{post.slug}-{post.pk}/"


def test_a_draft_preview_has_no_discovery_link(reporter, town):
    post = create_post(
        kind=Post.Kind.ARTICLE,
        author=reporter.profile,
        by=reporter.user,
        headline="Noch geheim",
        body="<p>Text.</p>",
        place=town.kaiserslautern,
    )
    client = site_client()
    client.force_login(reporter.user)
    page = client.get(f"/beitrag/{post.slug}-{post.pk}/")
    assert page.status_code == 200
    assert "Noch geheim" in page.content.decode()
    assert "json+oembed" not in page.content.decode()
