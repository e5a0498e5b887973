"""Code snippets: sandboxed frames on the code origin, served only there."""

from __future__ import annotations

import re

import pytest
from django.http import Http404, HttpResponse
from django.test import RequestFactory

from litfass.content.models import Post
from litfass.content.services import create_post, publish_post
from litfass.embeds import code
from litfass.embeds.middleware import CodeOriginMiddleware
from litfass.embeds.models import CodeSnippet
from litfass.embeds.parser import parse_embed_url
from litfass.embeds.refs import EmbedKind, Refusal
from litfass.embeds.rendering import render_embed
from litfass.embeds.services import add_code_embed, create_code_snippet, remove_embed
from litfass.embeds.views import code_snippet

from .conftest import CODE_ORIGIN, requires_app
from .helpers import accepted, refused


@pytest.mark.parametrize(
    "url",
    [f"{CODE_ORIGIN}/code/12/", f"{CODE_ORIGIN}/code/12", f"{CODE_ORIGIN}/code/12/?x=1"],
)
def test_a_snippet_link_is_a_code_reference(url):
    ref = accepted(url, "code", EmbedKind.CODE, "12", {})
    assert ref.url == f"{CODE_ORIGIN}/code/12/"


@pytest.mark.parametrize(
    ("url", "code_"),
    [
        (f"{CODE_ORIGIN}/", Refusal.NOT_CODE),
        (f"{CODE_ORIGIN}/code/abc/", Refusal.NOT_CODE),
        (f"{CODE_ORIGIN}/static/x.js", Refusal.NOT_CODE),
        ("http://embed.example.org/code/12/", Refusal.INSECURE),
    ],
)
def test_other_links_on_the_code_origin_are_refused(url, code_):
    refused(url, code_)


def test_without_a_code_origin_there_is_no_code(settings):
    settings.LITFASS_CODE_EMBED_ORIGIN = ""
    settings.ALLOWED_HOSTS = ["litfass.example"]
    refused(f"{CODE_ORIGIN}/code/12/", Refusal.UNSUPPORTED)
    assert str(code.render_frame(12, title="Rechner", height=400)) == ""


def test_frame_is_sandboxed_without_same_origin_and_on_the_code_origin():
    html = str(code.render_frame(12, title="Wahlrechner <2031>", height=640))
    match = re.search(r"<iframe[^>]*>", html)
    assert match
    iframe = match.group(0)
    assert 'sandbox="allow-scripts"' in iframe
    assert "allow-same-origin" not in html
    assert "allow-popups" not in html and "allow-top-navigation" not in html
    assert f'src="{CODE_ORIGIN}/code/12/"' in iframe
    assert 'height="640"' in iframe
    assert 'title="Wahlrechner &lt;2031&gt;"' in iframe
    assert 'referrerpolicy="no-referrer"' in iframe
    assert "style=" not in html


def test_snippet_document_carries_its_own_strict_policy():
    response = code.snippet_response(title="Rechner", html="<script>document.write(1)</script>")
    policy = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'none'"
    assert directives["script-src"] == "'unsafe-inline'"
    assert directives["connect-src"] == "'none'"
    assert directives["form-action"] == "'none'"
    assert directives["sandbox"] == "allow-scripts"
    assert directives["frame-ancestors"] == "https://litfass.example https://www.litfass.example"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    body = response.content.decode()
    assert body.startswith("<!doctype html>")
    assert "<script>document.write(1)</script>" in body


def test_the_code_host_is_recognised_exactly(settings):
    factory = RequestFactory()
    assert code.is_code_host(factory.get("/code/1/", HTTP_HOST="embed.example.org"))
    assert not code.is_code_host(factory.get("/code/1/", HTTP_HOST="litfass.example"))
    settings.LITFASS_CODE_EMBED_ORIGIN = ""
    assert not code.is_code_host(factory.get("/code/1/", HTTP_HOST="embed.example.org"))


@pytest.mark.parametrize("host", ["litfass.example", "www.litfass.example"])
def test_snippet_view_refuses_every_other_host(host):
    request = RequestFactory().get("/code/1/", HTTP_HOST=host)
    with pytest.raises(Http404):
        code_snippet(request, pk=1)


def test_code_origin_answers_only_snippet_urls():
    def site(request):
        raise AssertionError("the site must not answer on the code origin")

    middleware = CodeOriginMiddleware(site)
    for path in ["/", "/beitrag/x-1/", "/admin/", "/static/litfass/site.css", "/code/x/"]:
        response = middleware(RequestFactory().get(path, HTTP_HOST="embed.example.org"))
        assert response.status_code == 404
        assert response.content == b""
        assert response.headers["Content-Security-Policy"] == "default-src 'none'"


def test_site_requests_pass_the_code_origin_middleware():
    middleware = CodeOriginMiddleware(lambda request: HttpResponse(b"site"))
    assert middleware(RequestFactory().get("/", HTTP_HOST="litfass.example")).content == b"site"


@requires_app
def test_snippet_is_served_on_the_code_origin_only(editor):
    snippet = create_code_snippet(
        profile=editor.profile, by=editor.user, title="Rechner", html="<p id=out></p>"
    )
    middleware = CodeOriginMiddleware(lambda request: pytest.fail("site answered"))
    preview = code.preview_url(snippet.pk).removeprefix(CODE_ORIGIN)
    response = middleware(RequestFactory().get(preview, HTTP_HOST="embed.example.org"))
    assert response.status_code == 200
    assert "<body><p id=out></p></body>" in response.content.decode()
    assert "sandbox allow-scripts" in response.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in response.headers
    missing = middleware(RequestFactory().get("/code/999999/", HTTP_HOST="embed.example.org"))
    assert missing.status_code == 404
    with pytest.raises(Http404):
        code_snippet(RequestFactory().get("/", HTTP_HOST="litfass.example"), pk=snippet.pk)


@requires_app
def test_snippet_through_the_whole_stack(editor, client, settings, publish):
    post = publish(editor.profile, "Rechner für die Grundsteuer")
    embed = add_code_embed(post=post, by=editor.user, title="Rechner", html="<b>42</b>")
    snippet = CodeSnippet.objects.get(pk=int(embed.url.rstrip("/").rsplit("/", 1)[1]))
    response = client.get(f"/code/{snippet.pk}/", HTTP_HOST="embed.example.org")
    assert response.status_code == 200
    assert response.content.endswith(b"<b>42</b></body></html>")
    assert "'unsafe-inline'" in response.headers["Content-Security-Policy"]
    assert "sessionid" not in response.cookies
    on_site = client.get(f"/code/{snippet.pk}/", HTTP_HOST="litfass.example")
    assert on_site.status_code == 404


@requires_app
def test_only_code_that_readers_can_see_is_served(editor, client, town):
    """A draft's code, code removed from its post and code never embedded stay private; the
    writer's signed preview address works, a forged or foreign one does not."""
    draft = create_post(
        kind=Post.Kind.ARTICLE, author=editor.profile, headline="Entwurf", body="<p>x</p>"
    )
    embed = add_code_embed(post=draft, by=editor.user, title="Geheim", html="<b>neu</b>")
    pk = int(embed.url.rstrip("/").rsplit("/", 1)[1])
    loose = create_code_snippet(profile=editor.profile, by=editor.user, title="Lose", html="x")

    def status(path: str) -> int:
        return int(client.get(path, HTTP_HOST="embed.example.org").status_code)

    assert status(f"/code/{pk}/") == 404, "the draft's code before publishing"
    assert status(f"/code/{loose.pk}/") == 404, "code no post embeds"
    assert status(code.preview_url(pk).removeprefix(CODE_ORIGIN)) == 200
    other = code.preview_url(loose.pk).split("vorschau=")[1]
    assert status(f"/code/{pk}/?vorschau={other}") == 404, "a token of another snippet"
    assert status(f"/code/{pk}/?vorschau={pk}:forged:token") == 404
    publish_post(post=draft)
    assert status(f"/code/{pk}/") == 200
    remove_embed(embed=embed, by=editor.user)
    assert status(f"/code/{pk}/") == 404, "removed from its post"


@requires_app
def test_code_reference_renders_the_frame_with_the_snippets_title(
    editor, django_assert_num_queries
):
    snippet = create_code_snippet(
        profile=editor.profile, by=editor.user, title="Rechner", html="<p></p>", height=300
    )
    ref = parse_embed_url(f"{CODE_ORIGIN}/code/{snippet.pk}/")
    with django_assert_num_queries(1):
        html = str(render_embed(ref))
    assert 'title="Rechner"' in html and 'height="300"' in html
    assert str(render_embed(parse_embed_url(f"{CODE_ORIGIN}/code/999999/"))) == ""
