"""Whatever an editor types into any field, the pages hold only the elements and attributes the edition writes.

A property-based test: hypothesis writes arbitrary text (Markdown and HTML metacharacters
weighted in) into every field of a source folder that an editor fills in, the loader
reads it, and every generated page is rendered with the site's own Markdown extensions,
as MkDocs renders it. The page may then contain only the elements and attributes of
`PAGE_VOCABULARY`: the edition's own markup and the allow-list for editors' Markdown,
with links that are relative or http(s)/mailto. A source the loader refuses must be
refused with problems, never a crash.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import lxml.html
import markdown
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.errors import SourceError
from edition.pages.pipeline import build_pages
from edition.safety import MARKDOWN_EXTENSIONS, url_problem
from edition.source import SourceFiles, parse_source

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
    "blockquote": {"class"},
    "ol": _COMMON,
    "ul": set(),
    "li": _COMMON,
    "hr": set(),
    "em": set(),
    "strong": set(),
    "code": set(),
    "br": set(),
    "table": set(),
    "thead": set(),
    "tbody": set(),
    "tr": {"id"},
    "th": set(),
    "td": set(),
    "figure": _COMMON,
    "figcaption": set(),
    "time": {"datetime"},
}
"""Every element the generated pages may hold, with the attributes each may carry (no map: these sources have no map data)."""

METACHARACTERS = "<>&\"'`*_[](){}#!|\\~^=:-+.1 \n"
PAYLOADS = (
    "<b>bold</b>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(2)>',
    "<script>alert(3)</script>",
    "[link](javascript:alert(4))",
    '[safe](https://example.org "title")',
    '{: onclick="alert(5)" }',
    "\n{: #id .class onmouseover=alert(6) }\n",
    "[^1]\n\n[^1]: note",
    "\n!!! note\n    admonition\n",
    "\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "\n# heading\n",
    "<!-- comment -->",
    "&lt;b&gt; &#60;i&#62;",
    "`code`",
    "*em* **strong**",
    "\n- item\n- item\n",
)
"""Pieces of markup an attacker or a careless paste would put in a field, mixed with arbitrary text."""
PIECE = st.one_of(
    st.sampled_from(PAYLOADS),
    st.text(alphabet=st.one_of(st.sampled_from(METACHARACTERS), st.characters(exclude_categories=("Cs", "Cc"))), max_size=12),
)
TEXT = st.lists(PIECE, min_size=1, max_size=5).map("".join).filter(lambda text: bool(text.strip()))
ALLOWED_MARKDOWN = ("*em*", "**strong**", "`code`", "[a link](https://example.org/page?a=1&b=2)", "\n\n- item\n- item\n\n", "<b>raw</b>")
"""Markdown a definition or note may hold (raw HTML is shown as text): payloads there are refused, tested elsewhere."""
MARKDOWN = (
    st.lists(
        st.one_of(
            st.sampled_from(ALLOWED_MARKDOWN),
            st.text(alphabet=st.one_of(st.sampled_from("<>&\"' .,;"), st.characters(categories=("L", "N"))), max_size=12),
        ),
        min_size=1,
        max_size=5,
    )
    .map("".join)
    .filter(lambda text: bool(text.strip()))
)
LINE = TEXT.map(lambda text: " ".join(text.split()) or "x")
WORDS = ("Crimea", "NATO", "Zelensky")


def _source(fields: dict[str, str]) -> SourceFiles:
    """A source folder whose every editor-written field holds the generated text: an article, and a transcript it quotes."""
    article = f"{fields['paragraph']} Crimea and NATO.\n\nZelensky said {fields['paragraph']}.\n"
    edition = {
        "title": fields["title"],
        "language": "en",
        "description": fields["description"],
        "source": {"headline": None, "outlet": fields["outlet"], "byline": None, "date": None, "url": None, "note": fields["note"]},
        "editors": [fields["editor"]],
        "license": fields["license"],
        "changelog": [{"version": "1", "date": "2024", "text": fields["changelog"]}],
    }
    glossary = [
        {
            "id": word.lower(),
            "term": word,
            "kind": "place" if word == "Crimea" else "term",
            "short": fields["short"],
            "definition": fields["definition"],
            "sources": [{"title": fields["source"], "url": "https://example.org/a?b=1&c=2"}],
            "index_as": fields["index_as"],
        }
        for word in WORDS
    ]
    sources = [{"title": fields["source"]}]
    notes = [{"id": "n1", "type": "context", "quote": "Crimea and NATO", "text": fields["note_text"], "sources": sources}]
    claims = [
        {
            "id": "c1",
            "who": fields["who"],
            "what": fields["what"],
            "channel": fields["channel"],
            "form": "quoted",
            "quote": "Zelensky said",
            "no_primary_source": fields["reason"],
        },
        {
            "id": "c2",
            "who": fields["who"],
            "what": fields["what"],
            "channel": fields["channel"],
            "form": "partly-quoted",
            "quote": f"{fields['paragraph']}.",
            "said": {"document": "transcript", "passage": "More words"},
        },
    ]
    transcript = {
        "title": fields["title"],
        "kind": "transcript",
        "issued_by": fields["outlet"],
        "source": {"headline": fields["title"], "outlet": fields["outlet"], "date": None, "url": None, "note": fields["note"]},
        "copy": {"title": fields["source"], "url": "https://example.org/copy?a=1&b=2"},
        "excerpt": fields["note"],
        "speakers": [{"label": fields["label_text"], "entry": "zelensky"}],
    }
    timeline = [{"date": "2014", "label": fields["label"], "paragraph": 1, "sources": [{"title": fields["source"]}]}]
    files = {
        "article.txt": article,
        "edition.yml": yaml.safe_dump(edition, allow_unicode=True),
        "glossary.yml": yaml.safe_dump(glossary, allow_unicode=True),
        "notes.yml": yaml.safe_dump(notes, allow_unicode=True),
        "claims.yml": yaml.safe_dump(claims, allow_unicode=True),
        "timeline.yml": yaml.safe_dump(timeline, allow_unicode=True),
        "documents/transcript/article.txt": f"{fields['label_text']} {fields['paragraph']} Crimea.\n\nMore words, said Zelensky.\n",
        "documents/transcript/edition.yml": yaml.safe_dump(transcript, allow_unicode=True),
    }
    return SourceFiles("src", {name: text.encode("utf-8") for name, text in files.items()}, documents=("transcript",))


FIELDS = st.fixed_dictionaries(
    {
        "title": LINE,
        "description": TEXT,
        "outlet": LINE,
        "note": TEXT,
        "editor": LINE,
        "license": TEXT,
        "changelog": TEXT,
        "short": LINE,
        "definition": MARKDOWN,
        "source": LINE,
        "index_as": LINE,
        "note_text": MARKDOWN,
        "who": LINE,
        "what": LINE,
        "channel": LINE,
        "label": LINE,
        "paragraph": LINE,
        "reason": LINE,
        "label_text": LINE,
    }
)


def outside_vocabulary(html: str) -> list[str]:
    """Each element, attribute or link of the page that the edition never writes."""
    found = []
    for element in lxml.html.fragment_fromstring(html, create_parent="div").iterdescendants():
        tag = element.tag
        if not isinstance(tag, str):
            continue
        if tag not in PAGE_VOCABULARY:
            found.append(f"<{tag}>")
            continue
        for name, value in element.attrib.items():
            if name not in PAGE_VOCABULARY[tag]:
                found.append(f"<{tag} {name}>")
            if name == "href" and urlsplit(value).scheme and url_problem(value) is not None:
                found.append(f"<{tag} href={value!r}>")
    return found


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fields=FIELDS)
def test_any_text_in_any_field_gives_pages_of_the_edition_s_own_vocabulary(fields: dict[str, str]) -> None:
    try:
        edition = parse_source(_source(fields))
    except SourceError as error:
        assert error.problems and all(problem.file.startswith("src/") for problem in error.problems)
        return
    pages, _ = build_pages(edition)
    for page in pages:
        body = page.text.split("\n---\n", 1)[1]
        html = markdown.markdown(body, extensions=list(MARKDOWN_EXTENSIONS))
        assert outside_vocabulary(html) == [], page.path


def test_the_vocabulary_check_finds_what_a_payload_would_add() -> None:
    html = '<p onclick="x">a</p><img src="x"><a href="javascript:alert(1)">b</a><a href="../glossary/#c">c</a>'
    assert outside_vocabulary(html) == ["<p onclick>", "<img>", "<a href='javascript:alert(1)'>"]


def test_most_generated_sources_are_accepted_so_the_property_is_about_pages() -> None:
    accepted = 0

    @settings(max_examples=40, deadline=None, database=None, derandomize=True)
    @given(fields=FIELDS)
    def count(fields: dict[str, Any]) -> None:
        nonlocal accepted
        try:
            parse_source(_source(fields))
        except SourceError:
            return
        accepted += 1

    count()
    assert accepted >= 20
