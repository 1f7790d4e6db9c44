"""Whatever an editor types into any field, the pages hold only the elements and attributes the edition writes.

A property-based test: hypothesis writes arbitrary text, with pieces of HTML and Markdown
an attacker would try weighted in, into every field of a source folder that an editor
fills in (a single article with the transcript it quotes, or the same two documents as a
collection), the loader reads it, and every generated page is rendered with the site's
own Markdown extensions, as MkDocs renders it. Either the loader refuses the source with
problems (never a crash), or each page holds only the elements and attributes of
`PAGE_VOCABULARY`, the edition's own markup and the allow-list for editors' Markdown,
with links that are relative or go to an address the source gives, and front matter of
the edition's own keys. A second property does the same for the map, whose SVG has a
vocabulary of its own, with text in what the map shows: places and the documents naming them.

The boundary itself is tested alone too: `safety.markdown_html` fed each payload
directly, past the loader's refusal, and the site's configuration (its Markdown
extensions, no `content.tooltips`) against what `safety` assumes of it.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

import lxml.html
import markdown
import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from edition.errors import SourceError
from edition.pages.pipeline import build_pages
from edition.passthrough import PassThroughExtension
from edition.safety import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, MARKDOWN_EXTENSIONS, URL_SCHEMES, markdown_html, url_problem
from edition.source import SourceFiles, parse_source
from helpers import ROOT

_COMMON = {"id", "class"}
PAGE_VOCABULARY: dict[str, set[str]] = {
    "p": _COMMON | {"data-speaker"},
    "a": {"href", "class", "title", "data-term", "data-ed-tip", "aria-label", "rel", "data-speaker"},
    "span": _COMMON | {"data-term", "data-claim", "aria-label"},
    "mark": {"class"},
    "dl": {"class"},
    "dt": set(),
    "dd": set(),
    "sup": _COMMON,
    "div": _COMMON | {"data-bundle", "data-root", "data-label", "data-pagefind-ignore"},
    "noscript": set(),
    "section": _COMMON | {"data-kind", "data-type", "aria-label"},
    "h1": _COMMON | {"data-pagefind-ignore"},
    "h2": _COMMON | {"data-toc-label"},
    "h3": _COMMON,
    "h4": _COMMON,
    "blockquote": {"class"},
    "ol": _COMMON,
    "ul": set(),
    "li": _COMMON,
    "hr": set(),
    "em": set(),
    "strong": set(),
    "code": set(),
    "br": set(),
    "table": {"class"},
    "thead": set(),
    "tbody": set(),
    "tr": {"id"},
    "th": {"style", "scope"},
    "td": {"style"},
    "figure": _COMMON,
    "figcaption": set(),
    "time": {"datetime"},
}
"""Every element the generated pages but the map may hold, with the attributes each may carry."""

MAP_VOCABULARY: dict[str, set[str]] = {
    **PAGE_VOCABULARY,
    "svg": {"class", "role", "viewbox", "xmlns", "aria-labelledby", "aria-describedby"},
    "title": {"id"},
    "desc": {"id"},
    "style": set(),
    "defs": set(),
    "pattern": {"id", "width", "height", "patternunits", "patterntransform"},
    "g": {"class", "transform"},
    "path": {"class", "d", "data-name"},
    "rect": {"class", "x", "y", "width", "height", "rx"},
    "line": {"class", "x1", "y1", "x2", "y2"},
    "circle": {"class", "cx", "cy", "r"},
    "text": {"class", "x", "y", "text-anchor", "font-size", "font-weight", "aria-hidden"},
}
"""The map page's: the edition's pages' vocabulary and the SVG of its figure."""

FRONT_MATTER = {
    "title": str,
    "description": str,
    "cite": bool,
    "article": bool,
    "quotations": bool,
    "reviews": bool,
    "facts": bool,
    "document": str,
}
"""The keys a generated page's front matter may have, with the type of each: no field may add one (a `template:`)."""

METACHARACTERS = "<>&\"'`*_[](){}#!|\\~^=:-+.1 \n"
PAYLOADS = (
    "<b>bold</b>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(2)>',
    "<script>alert(3)</script>",
    "</script><script>alert(4)</script>",
    "[link](javascript:alert(5))",
    "[plain](https://example.org/from-plain-text)",
    '[safe](https://example.org "title")',
    '{: onclick="alert(6)" }',
    "\n{: #id .class onmouseover=alert(7) }\n",
    "[^1]\n\n[^1]: note",
    "\n!!! note\n    admonition\n",
    "\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "\n# heading\n",
    "\n---\ntemplate: evil.html\n---\n",
    "\n<!-- edition:html -->\n<script>alert(8)</script>\n<!-- /edition:html -->\n",
    "<!-- comment -->",
    "&lt;b&gt; &#60;i&#62; &#x3C;svg onload=alert(9)&#x3E;",
    "`code`",
    "*em* **strong**",
    "\n- item\n- item\n",
)
"""Pieces of markup an attacker or a careless paste would put in a field, mixed with arbitrary text."""
MARKDOWN_PAYLOADS = (
    "[a](javascript:alert(10))",
    "[a](JaVaScRiPt:alert(11))",
    "[a](java&#115;cript:alert(12))",
    "[a]( javascript:alert(13) )",
    "[a](data:text/html,<script>alert(14)</script>)",
    "[a](vbscript:msgbox(15))",
    "[a](//example.org/protocol-relative)",
    "[a][ref]\n\n[ref]: javascript:alert(16)\n",
    "<javascript:alert(17)>",
    "<https://example.org/autolink>",
    "![image](https://example.org/x.png)",
    "![x](x){: onerror=alert(18) }",
    '[a](https://example.org){: href="javascript:alert(19)" }',
    "[a](https://example.org){: onclick=alert(20) }",
    '[a](https://example.org){: style="background:url(javascript:alert(21))" }',
    "\n{: onmouseover=alert(22) }\n",
    "\n*[HTML]: Hyper <b>Text</b>\n",
    '\n<div markdown="1">*md in html* <img src=x onerror=alert(23)></div>\n',
    "\n???+ note\n    collapsible\n",
    "\n    indented code <script>alert(24)</script>\n",
    "\n```\nfenced <script>alert(25)</script>\n```\n",
    "\n> quotation\n",
    "\n## A heading {: #glossary onclick=alert(26) }\n",
    "[to the glossary](glossary.md)",
    "[to a secret](secret.md)",
    "[to a paragraph](article.md#p1)",
)
"""Markdown that the site's extensions turn into markup beyond the allow-list, or links it must not make."""
ALLOWED_MARKDOWN = (
    "*em*",
    "**strong**",
    "`code`",
    "[a link](https://example.org/page?a=1&b=2)",
    "[write](mailto:someone@example.org)",
    "\n\n- item\n- item\n\n",
    "<b>raw</b>",
)
"""Markdown a definition or note may hold (raw HTML is shown as text)."""
URLS = (
    "https://example.org/a?b=1&c=2",
    "https://example.org/%3Cscript%3Ealert(1)%3C/script%3E",
    "https://user@example.org:8080/p;x=(1)?q=%22%3E#f",
    "HTTP://EXAMPLE.ORG/UPPER",
    "mailto:someone@example.org?subject=%3Cb%3E",
    "javascript:alert(1)",
    "https://example.org/>)<svg/onload=alert(2)>",
    'https://example.org/"onmouseover="alert(3)',
    "data:text/html,<script>alert(4)</script>",
    "//example.org/protocol-relative",
)
"""Addresses for every `url`: the first five are sound and must be linked as they are, the rest refused."""

PIECE = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(alphabet=st.one_of(st.sampled_from(METACHARACTERS), st.characters(exclude_categories=("Cs", "Cc"))), max_size=12),
)
TEXT = st.lists(PIECE, min_size=1, max_size=5).map("".join).filter(lambda text: bool(text.strip()))
LINE = TEXT.map(lambda text: " ".join(text.split()) or "x")
WORD = st.text(alphabet=st.characters(categories=("L", "N")), min_size=1, max_size=8)
MARKDOWN = (
    st.lists(
        st.one_of(
            st.sampled_from(ALLOWED_MARKDOWN),
            st.text(alphabet=st.one_of(st.sampled_from("<>&\"' .,;\n"), st.characters(categories=("L", "N"))), max_size=12),
        ),
        min_size=1,
        max_size=5,
    )
    .map("".join)
    .filter(lambda text: bool(text.strip()))
)
"""An editor's Markdown within what is allowed (raw HTML is shown as text): `HOSTILE_MARKDOWN` adds a payload to one field."""
MARKDOWN_FIELDS = ("definition", "note_text", "home", "about")
MARKDOWN_LINK = re.compile(r"\]\((?P<address>[^\s)]+)")
"""The address of a Markdown link `[text](address)`, as an editor's Markdown gives it."""
HOSTILE_MARKDOWN = st.one_of(
    st.none(), st.tuples(st.sampled_from(MARKDOWN_FIELDS), st.sampled_from(MARKDOWN_PAYLOADS + PAYLOADS), st.booleans())
)
"""Now and then a payload in one of the Markdown fields, before or after its text: refused by the loader, or harmless."""
URL = st.one_of(st.sampled_from(URLS[:5]), st.sampled_from(URLS[:5]), st.sampled_from(URLS[:5]), st.sampled_from(URLS))
"""An address: three times in four a sound one, else any, so that most sources are accepted and some refused for it."""
WORDS = ("Crimea", "NATO", "Zelensky")


def _with_hostile_markdown(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields with the payload `hostile` names put into its Markdown field, before or after the text."""
    if fields["hostile"] is None:
        return fields
    name, payload, before = fields["hostile"]
    return {**fields, name: payload + fields[name] if before else fields[name] + payload}


TEXT_FIELDS = {
    "title": LINE,
    "language": st.one_of(st.sampled_from(("en", "uk", "de-CH")), LINE),
    "description": TEXT,
    "headline": LINE,
    "outlet": LINE,
    "byline": LINE,
    "note": TEXT,
    "editor": LINE,
    "license": TEXT,
    "version": LINE,
    "changelog": TEXT,
    "url": URL,
    "term": LINE,
    "form": LINE,
    "short": LINE,
    "definition": MARKDOWN,
    "source": LINE,
    "index_as": LINE,
    "note_quote": LINE,
    "note_text": MARKDOWN,
    "who": LINE,
    "what": LINE,
    "channel": LINE,
    "quote": WORD.flatmap(lambda first: LINE.map(lambda rest: f"{first} {rest}")),
    "passage": LINE,
    "reason": LINE,
    "label": LINE,
    "paragraph": LINE,
    "speaker": LINE,
    "issued_by": LINE,
    "excerpt": TEXT,
    "home": MARKDOWN,
    "about": MARKDOWN,
}
"""A value for every field an editor writes; a field used in several places (a source's title) has one value in all."""
FIELDS = st.fixed_dictionaries({**TEXT_FIELDS, "collection": st.booleans(), "hostile": HOSTILE_MARKDOWN}).map(_with_hostile_markdown)
"""The fields of a single article or a collection, now and then with a Markdown payload."""
PLAIN = {**dict.fromkeys(TEXT_FIELDS, "x"), "url": URLS[0], "quote": "q x"}
"""Fields without a payload, for a property about a few of them."""


def _source(fields: dict[str, Any], coords: tuple[float, float] | None = None) -> SourceFiles:
    """A source folder whose every field an editor fills in holds the generated text: a report, and a transcript it quotes.

    As a single article (the report at the top, the transcript under `documents/`), or as a
    collection of the two with its own `collection.yml` (`fields["collection"]`); with
    `coords`, its place Crimea is on a map.
    """
    sources = [{"title": fields["source"], "url": fields["url"]}]
    original = {
        "headline": fields["headline"],
        "outlet": fields["outlet"],
        "byline": fields["byline"],
        "date": "2024-01-02",
        "url": fields["url"],
        "note": fields["note"],
    }
    shared = {
        "title": fields["title"],
        "language": fields["language"],
        "description": fields["description"],
        "editors": [fields["editor"], "Second editor"],
        "license": fields["license"],
        "version": fields["version"],
        "date": "2024-01-03",
        "changelog": [{"version": fields["version"], "date": "2024-01-03", "text": fields["changelog"]}],
    }
    report = {**shared, "source": original} if not fields["collection"] else {"title": fields["title"], "source": original}
    article = (
        f"{fields['paragraph']} Crimea and NATO.\n\n"
        f"Zelensky said {fields['paragraph']}.\n\n"
        f"Later he called it “{fields['quote']}” in NATO {fields['form']}; then “{fields['quote']}” again.\n\n"
        f"Noted: {fields['note_quote']} here.\n"
    )
    glossary = [
        {
            "id": word.lower(),
            "term": f"{word} {fields['term']}",
            "kind": "place" if word == "Crimea" else "person" if word == "Zelensky" else "term",
            "forms": [word, f"{word} {fields['form']}"],
            "short": fields["short"],
            "definition": fields["definition"],
            "sources": sources,
            "index_as": fields["index_as"],
            **({"coords": list(coords)} if coords and word == "Crimea" else {}),
        }
        for word in WORDS
    ]
    notes = [
        {"id": "n1", "type": "context", "quote": f"Noted: {fields['note_quote']} here", "text": fields["note_text"], "sources": sources}
    ]
    claim = {"who": fields["who"], "entry": "zelensky", "what": fields["what"], "channel": fields["channel"]}
    claims = [
        {"id": "c1", **claim, "form": "quoted", "quote": "Zelensky said", "no_primary_source": fields["reason"]},
        {
            "id": "c2",
            **claim,
            "form": "partly-quoted",
            "quote": f"he called it “{fields['quote']}”",
            "said": {"document": "transcript", "passage": f"More words: {fields['passage']}"},
        },
        {
            "id": "c3",
            **claim,
            "form": "quoted",
            "quote": f"then “{fields['quote']}” again",
            "said": {"document": "transcript", "passage": f"and then {fields['quote']}"},
        },
    ]
    transcript = {
        "title": fields["title"],
        "kind": "transcript",
        "issued_by": fields["issued_by"],
        "description": fields["description"],
        "source": original,
        "copy": {"title": fields["source"], "url": fields["url"]},
        "excerpt": fields["excerpt"],
        "speakers": [{"label": fields["speaker"], "entry": "zelensky"}],
    }
    timeline = [{"date": "2014", "label": fields["label"], "paragraph": 1, "sources": sources}]
    top, documents = ("", "documents/") if not fields["collection"] else ("documents/report/", "documents/")
    files = {
        f"{top}article.txt": article,
        f"{top}edition.yml": _yaml(report),
        f"{top}notes.yml": _yaml(notes),
        f"{top}claims.yml": _yaml(claims),
        f"{top}timeline.yml": _yaml(timeline),
        "glossary.yml": _yaml(glossary),
        "index.md": fields["home"],
        "about.md": f"# {fields['title']}\n\n{fields['about']}",
        f"{documents}transcript/article.txt": (
            f"{fields['speaker']} {fields['paragraph']} Crimea.\n\nMore words: {fields['passage']}, and then {fields['quote']}.\n"
        ),
        f"{documents}transcript/edition.yml": _yaml(transcript),
    }
    if fields["collection"]:
        files["collection.yml"] = _yaml(shared)
    slugs = ("report", "transcript") if fields["collection"] else ("transcript",)
    return SourceFiles("src", {name: text.encode("utf-8") for name, text in files.items()}, documents=slugs)


class _Dumper(yaml.SafeDumper):
    """YAML as an editor writes it: a value used twice is written out twice (the loader refuses aliases)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)


def outside_vocabulary(html: str, vocabulary: dict[str, set[str]] = PAGE_VOCABULARY, links: frozenset[str] = frozenset()) -> list[str]:
    """Each element, attribute or link of the page that the edition never writes.

    A link to another site must go to one of `links`, the addresses the source gives: any
    other was made from an editor's text (or is one the loader should have refused).
    """
    found = []
    for element in lxml.html.fragment_fromstring(html, create_parent="div").iterdescendants():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag not in vocabulary:
            found.append(f"<{tag}>")
            continue
        for name, value in element.attrib.items():
            if name not in vocabulary[tag]:
                found.append(f"<{tag} {name}>")
            if name == "href" and (urlsplit(value).scheme or value.startswith("//")) and value not in links:
                found.append(f"<{tag} href={value!r}>")
    return found


def front_matter_problems(front: str) -> list[str]:
    """Each key of a page's front matter that the edition never writes, or whose value is not of the key's type."""
    assert front.startswith("---\n")
    data = yaml.safe_load(front.removeprefix("---\n"))
    return [f"{key}: {value!r}" for key, value in data.items() if not isinstance(value, FRONT_MATTER.get(key, ()))]


def links_of(fields: dict[str, Any]) -> frozenset[str]:
    """The addresses the source gives, in its `url` fields and its editors' Markdown: the only links to other sites."""
    given = (link["address"] for name in MARKDOWN_FIELDS for link in MARKDOWN_LINK.finditer(fields[name]))
    return frozenset({fields["url"], *(address for address in given if url_problem(address) is None)})


def pages_outside_vocabulary(fields: dict[str, Any], coords: tuple[float, float] | None = None) -> dict[str, list[str]] | None:
    """What each page of the source the fields make holds beyond its vocabulary; None when the loader refuses the source."""
    try:
        edition = parse_source(_source(fields, coords))
    except SourceError as error:
        assert error.problems and all(problem.file.startswith("src/") for problem in error.problems)
        return None
    pages, _ = build_pages(edition)
    found = {}
    for page in pages:
        front, body = page.text.split("\n---\n", 1)
        # As MkDocs renders a page: the site's extensions, and the edition's own that passes its HTML through.
        html = markdown.markdown(body, extensions=[*MARKDOWN_EXTENSIONS, PassThroughExtension()])
        vocabulary = MAP_VOCABULARY if page.path == "map.md" else PAGE_VOCABULARY
        found[page.path] = front_matter_problems(front) + outside_vocabulary(html, vocabulary, links_of(fields))
    return found


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields=FIELDS)
def test_any_text_in_any_field_gives_pages_of_the_edition_s_own_vocabulary(fields: dict[str, Any]) -> None:
    found = pages_outside_vocabulary(fields)
    assert found is None or {path: outside for path, outside in found.items() if outside} == {}


MAP_FIELDS = ("title", "term", "form", "short", "index_as", "paragraph")
"""What the map page shows of the source: its places and the documents that name them."""


# Each example draws a map, so shrinking a failure would take minutes: it is reported as found.
@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=[Phase.explicit, Phase.reuse, Phase.generate]
)
@given(
    place=st.fixed_dictionaries({name: LINE for name in MAP_FIELDS}),
    collection=st.booleans(),
    coords=st.tuples(st.floats(40, 60), st.floats(20, 40)),
)
# A document's title, in the list of where a place is mentioned, once became a live link.
@example(place={**dict.fromkeys(MAP_FIELDS, "x"), "title": "[a link](javascript:alert(1))"}, collection=False, coords=(54.9, 23.89))
def test_any_text_in_a_place_gives_a_map_of_the_edition_s_own_vocabulary(
    place: dict[str, str], collection: bool, coords: tuple[float, float]
) -> None:
    found = pages_outside_vocabulary({**PLAIN, **place, "collection": collection}, coords)
    assert found is None or {path: outside for path, outside in found.items() if outside} == {}


def test_the_vocabulary_check_finds_what_a_payload_would_add() -> None:
    html = (
        '<p onclick="x">a</p><img src="x"><a href="javascript:alert(1)">b</a><a href="../glossary/#c">c</a>'
        '<a href="//evil.example">d</a><a href="https://example.org/given">e</a><a href="https://example.org/made">f</a>'
    )
    links = frozenset({"https://example.org/given"})
    assert outside_vocabulary(html, links=links) == [
        "<p onclick>",
        "<img>",
        "<a href='javascript:alert(1)'>",
        "<a href='//evil.example'>",
        "<a href='https://example.org/made'>",
    ]
    assert front_matter_problems('---\ntitle: a\ntemplate: evil.html\ncite: "yes"\n') == ["template: 'evil.html'", "cite: 'yes'"]


def test_most_generated_sources_are_accepted_so_the_property_is_about_pages() -> None:
    accepted = refused = 0

    @settings(max_examples=40, deadline=None, database=None, derandomize=True)
    @given(fields=FIELDS)
    def count(fields: dict[str, Any]) -> None:
        nonlocal accepted, refused
        try:
            parse_source(_source(fields))
        except SourceError:
            refused += 1
            return
        accepted += 1

    count()
    assert accepted >= 20 and refused >= 1, (accepted, refused)


# The boundary alone: nh3 with the allow-list, past the loader's refusal ---------------------------


@pytest.mark.parametrize("payload", MARKDOWN_PAYLOADS + PAYLOADS + ALLOWED_MARKDOWN)
def test_the_sanitiser_alone_leaves_only_the_allow_list_of_any_payload(payload: str) -> None:
    outside = []
    for element in lxml.html.fragment_fromstring(markdown_html(payload) or "<p></p>", create_parent="div").iterdescendants():
        if element.tag not in ALLOWED_TAGS:
            outside.append(f"<{element.tag}>")
            continue
        # nh3 marks every link it keeps rel="noopener noreferrer".
        allowed = {*ALLOWED_ATTRIBUTES.get(str(element.tag), ()), *({"rel"} if element.tag == "a" else ())}
        for name, value in element.attrib.items():
            if name not in allowed:
                outside.append(f"<{element.tag} {name}>")
            if name == "href" and (urlsplit(value).scheme.lower() not in URL_SCHEMES or url_problem(value) is not None):
                outside.append(f"<{element.tag} href={value!r}>")
    assert outside == []


# The site's configuration, as `safety` assumes it ----------------------------------------------


class _TolerantLoader(yaml.SafeLoader):
    """YAML's safe loader that reads MkDocs' tags (`!ENV`, `!!python/name:…`) as plain values instead of refusing them."""


_TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_config() -> dict[str, Any]:
    """The project's mkdocs.yml, its tags read as nothing."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_TolerantLoader)
    assert isinstance(config, dict)
    return config


def test_editors_markdown_is_rendered_with_the_site_s_own_extensions() -> None:
    passthrough = PassThroughExtension.__module__
    names = [next(iter(item)) if isinstance(item, dict) else item for item in mkdocs_config()["markdown_extensions"]]
    assert passthrough in names, "the edition's own extension is named by its module"
    assert tuple(name for name in names if name != passthrough) == MARKDOWN_EXTENSIONS


def test_material_does_not_rebuild_titles_as_html() -> None:
    features = mkdocs_config()["theme"]["features"]
    assert "content.footnote.tooltips" in features, "the list is read"
    assert "content.tooltips" not in features
