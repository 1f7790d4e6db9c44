"""The one boundary between what editors typed and the page: no source text reaches HTML any other way.

Three kinds of text cross it:

- **plain text** (the article, terms, titles, quotes, labels) is escaped so that Markdown
  and HTML show it exactly as typed and never as markup (`escape_text`, `escape_attribute`);
- **Markdown** (definitions and notes) has its raw HTML disarmed (shown as text), is
  rendered with the site's own extensions, and is then cleaned by nh3 (the Ammonia
  sanitiser) to an allow-list of elements, attributes and URL schemes (`markdown_html`).
  `markdown_problems` names whatever the cleaning would remove, so that the source stage refuses
  it instead of publishing a silently altered text;
- **addresses** (sources' urls, links in Markdown) are parsed, not pattern-matched
  (`url_problem`).

Characters that no page can carry safely (control characters, lone surrogates,
bidirectional overrides, noncharacters) are refused wherever they appear (`character_problem`).
Editors' text never goes into a `title` attribute: Material's tooltips rebuild titles as
HTML, so tooltips are built by the edition's script from `data-ed-tip` with `textContent`.
"""

from __future__ import annotations

import functools
import html
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import lxml.html
import markdown
import nh3

MARKDOWN_EXTENSIONS = ("toc", "footnotes", "attr_list", "md_in_html", "admonition", "tables")
"""The Markdown extensions of the site (mkdocs.yml), and so of the book and of editors' Markdown."""

ALLOWED_TAGS = frozenset({"p", "em", "strong", "a", "ul", "ol", "li", "code", "br"})
"""Elements a definition or note may produce: paragraphs, emphasis, links, lists, code."""

ALLOWED_ATTRIBUTES = {"a": frozenset({"href"})}
"""Attributes those elements may carry: a link's address, nothing else."""

URL_SCHEMES = frozenset({"http", "https", "mailto"})
"""What a link or a source may point to: a web page or an address."""

PAGE_TAGS = ALLOWED_TAGS | frozenset({"h2", "h3", "h4", "blockquote", "table", "thead", "tbody", "tr", "th", "td"})
"""Elements an editor's own page (the home or about page) may have besides: headings, quotations, tables."""

PAGE_ATTRIBUTES = {
    "a": frozenset({"href"}),
    **dict.fromkeys(("h2", "h3", "h4"), frozenset({"id"})),
    **dict.fromkeys(("th", "td"), frozenset({"style"})),
}
"""Headings carry the ids their anchors use; table cells the alignment a `:---:` row gives them."""

CELL_ALIGNMENT = re.compile(r"text-align: (?:left|right|center);\Z")

MAX_URL_LENGTH = 2048

# Characters a URL cannot hold unescaped (RFC 3986): they would end the address in HTML or Markdown.
URL_FORBIDDEN = re.compile(r"""[\s<>"'`{}|\\^]""")

_NONCHARACTERS = "".join(f"\\U{plane:04X}FFFE\\U{plane:04X}FFFF" for plane in range(0x11))
UNSAFE_CHARACTER = re.compile(
    r"""
    (?P<control>[\x00-\x08\x0b-\x1f\x7f-\x9f])          # control characters; tab and line feed are text
  | (?P<surrogate>[\ud800-\udfff])                      # half of a UTF-16 pair: not a character at all
  | (?P<bidi>[\u202a-\u202e\u2066-\u2069])              # embeddings, overrides, isolates: reorder what is shown
  | (?P<noncharacter>[\ufdd0-\ufdef"""
    + _NONCHARACTERS
    + r"""])
    """,
    re.VERBOSE,
)
"""What no page may carry: each kind has its own message in `character_problem`."""

_CHARACTER_MESSAGES = {
    "control": "control character {code} cannot be shown on a web page; delete it",
    "surrogate": "{code} is half of a UTF-16 pair, not a character (a broken escape such as \\ud800?); delete it",
    "bidi": "bidirectional control {code} can make the text display in another order than it reads; delete it",
    "noncharacter": "noncharacter {code} cannot be shown on a web page; delete it",
}

INLINE_SPECIALS = "\\`*_[]{}<>&|~^"
"""Characters with a meaning anywhere in a line, in Markdown, HTML or an enabled extension."""

_INLINE = {ord(char): f"&#{ord(char)};" for char in INLINE_SPECIALS}
_INLINE[ord("\t")] = "&#9;"

_LINE_START = r"""
    (?P<indent>[^\S\n]*)                # indentation (any kind of space) would make a code block or be dropped
    (?:
        (?P<marker>[#>+=:-])            # heading, quote, list, setext underline, definition
      | (?P<number>\d+)(?P<dot>\.)      # ordered list item such as "1."
    )?
    """
LINE_START = re.compile(r"(?:\A|(?<=\n))" + _LINE_START, re.VERBOSE)
"""The start of every line, the text's first included."""
LATER_LINE_START = re.compile(r"(?<=\n)" + _LINE_START, re.VERBOSE)
"""The start of every line after the first, for text that continues a line."""

LINE_END = re.compile(r"[^\S\n]+(?=\n|\Z)")
"""Spaces at a line's end, the text's last included: two would become a line break."""
EARLIER_LINE_END = re.compile(r"[^\S\n]+(?=\n)")
"""Spaces at the end of every line but the last, for text that a line goes on after."""


# Characters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class CharacterProblem:
    """An unsafe character: where it is (offset in the text, line from 1) and what to say about it."""

    offset: int
    line: int
    message: str


def character_problems(text: str) -> Iterator[CharacterProblem]:
    """Every character of `text` that no page may carry, in order."""
    line, counted = 1, 0
    for found in UNSAFE_CHARACTER.finditer(text):
        line += text.count("\n", counted, found.start())
        counted = found.start()
        code = f"U+{ord(found.group()):04X}"
        yield CharacterProblem(found.start(), line, _CHARACTER_MESSAGES[found.lastgroup or "control"].format(code=code))


def character_problem(text: str) -> CharacterProblem | None:
    """The first character of `text` that no page may carry, if any."""
    return next(character_problems(text), None)


# Plain text ---------------------------------------------------------------------------------


def _entity(char: str) -> str:
    """A numeric character reference for one character."""
    return f"&#{ord(char)};"


def _line_start(match: re.Match[str]) -> str:
    """Escape the indentation and any block marker at the start of a line."""
    indent = "".join(_entity(char) for char in match.group("indent"))
    if match.group("marker"):
        return indent + _entity(match.group("marker"))
    if match.group("number"):
        return indent + match.group("number") + _entity(".")
    return indent


def escape_text(text: str, *, starts_line: bool = True, ends_line: bool = True) -> str:
    """Markdown that renders exactly as `text`, with no markup of its own.

    Python-Markdown passes numeric character references through untouched, so any
    character that could start Markdown or HTML syntax is written as one. Characters that
    matter only at the start of a line are escaped only there. `starts_line` and
    `ends_line` say whether the text begins or ends a line of the Markdown, or is a piece
    of a line that other Markdown continues.
    """
    escaped = (LINE_START if starts_line else LATER_LINE_START).sub(_line_start, text.translate(_INLINE))
    line_end = LINE_END if ends_line else EARLIER_LINE_END
    return line_end.sub(lambda match: "".join(map(_entity, match.group())), escaped)


def escape_attribute(value: str) -> str:
    """A double-quoted attribute value for attr_list (`{ data-x="…" }`) that holds exactly `value`."""
    return html.escape(value, quote=True).translate({ord("\\"): "&#92;", ord("{"): "&#123;", ord("}"): "&#125;"})


def escape_html(text: str) -> str:
    """Text for HTML element content or a double-quoted attribute.

    A tab is written as a reference: the page's Markdown turns a typed tab into spaces,
    even inside the HTML it passes through.
    """
    return html.escape(text, quote=True).replace("\t", "&#9;")


def escape_content(text: str) -> str:
    """Text for HTML element content (never an attribute): `&`, `<` and `>` escaped, quotation marks as typed, as Markdown writes text."""
    return html.escape(text, quote=False).replace("\t", "&#9;")


def cited_work(title: str, url: str | None) -> str:
    """A cited work as HTML that Markdown leaves alone: its title, linked when it has an address.

    The title is escaped for Markdown too (numeric references, which HTML reads the same),
    so the one form serves the pages' Markdown and the figures' HTML alike. The address
    has been checked by `url_problem` when the source was loaded.
    """
    text = escape_text(title, starts_line=False, ends_line=False)
    return f'<a href="{escape_html(url)}">{text}</a>' if url else text


# Addresses ----------------------------------------------------------------------------------


def url_problem(url: str) -> str | None:
    """What is wrong with an address a source or link gives, or None for an absolute http(s) or mailto address."""
    if len(url) > MAX_URL_LENGTH:
        return f"is {len(url):,} characters long; an address is at most {MAX_URL_LENGTH:,}"
    forbidden = URL_FORBIDDEN.search(url)
    if forbidden:
        char = forbidden.group()
        shown = "a space" if char == " " else "a line break or tab" if char.isspace() else f"'{char}'"
        return f"contains {shown}, which an address cannot hold; write it as %{ord(char):02X}"
    try:
        parts = urlsplit(url)
    except ValueError as error:
        return f"is not a valid address ({error})"
    if parts.scheme.lower() not in URL_SCHEMES:
        return "should start with https:// or http:// (or mailto: for an e-mail address)"
    if parts.scheme.lower() != "mailto" and not parts.hostname:
        return "names no host; write the whole address, e.g. https://example.org/page"
    if parts.scheme.lower() == "mailto" and not parts.path:
        return "names no e-mail address after mailto:"
    return None


# Markdown -----------------------------------------------------------------------------------


def disarm_html(text: str) -> str:
    """Allow Markdown but not raw HTML: an editor's `<` is shown, never parsed as a tag."""
    return text.replace("<", "&lt;")


class _Renderer(threading.local):
    """Python-Markdown with the site's extensions, one instance per thread, reset between texts.

    Setting one up costs more than a text, so it is kept; but `reset` and `convert` change
    the instance, so two threads (a preview's rebuild, the site plugin's helpers) each get
    their own rather than interleaving two texts in one.
    """

    def __init__(self) -> None:
        self.markdown = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))

    def convert(self, text: str) -> str:
        """`text` as HTML, with nothing left over from the text before it."""
        return self.markdown.reset().convert(text)


@functools.cache
def _renderer() -> _Renderer:
    """The renderers, made on first use rather than when the module is imported."""
    return _Renderer()


@functools.lru_cache(maxsize=32768)
def _rendered(text: str) -> str:
    """An editor's Markdown as HTML, raw HTML disarmed, before cleaning; kept, as the check and the page render the same text."""
    return _renderer().convert(disarm_html(text))


@functools.cache
def _cleaner() -> nh3.Cleaner:
    """The sanitiser, configured once with the allow-list."""
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        # "*": no attribute on every element (Ammonia's default allows `lang` and `title`).
        attributes={"*": set(), **{tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()}},
        url_schemes=set(URL_SCHEMES),
        attribute_filter=_keep_attribute,
        strip_comments=True,
        link_rel="noopener noreferrer",
    )


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """The sanitiser's last word on an allowed attribute: a link's address must be absolute and sound."""
    return None if name == "href" and url_problem(value) else value


def markdown_html(text: str) -> str:
    """An editor's Markdown as clean HTML: what the site and the book publish of a definition or note."""
    return _cleaner().clean(_rendered(text)).strip()


def markdown_problems(text: str) -> list[str]:
    """What cleaning would remove from an editor's Markdown, each as a phrase for an error message.

    The rendered HTML is read element by element against the same allow-list the
    sanitiser applies: an element, an attribute or a link the cleaning would drop is a
    problem, so that the page never shows a silently altered text.
    """
    return _outside(_rendered(text), ALLOWED_TAGS, ALLOWED_ATTRIBUTES, "only emphasis, links, lists and code are allowed")


def page_problems(text: str, pages: frozenset[str]) -> list[str]:
    """What an editor's own page (home, about) holds beyond headings, paragraphs, lists, quotations, tables and links.

    Such a page is handed to MkDocs as Markdown, which renders it with the same
    extensions as this check: what passes here is what the reader gets. Links go to
    web pages or to the edition's own `pages` (`glossary.md`, `article.md#p7`).
    """
    found = _outside(
        _rendered(text), PAGE_TAGS, PAGE_ATTRIBUTES, "only headings, paragraphs, lists, quotations, tables and links are allowed"
    )
    for element in _fragment(_rendered(text)).iter("a"):
        href = str(element.get("href", ""))
        if href and not urlsplit(href).scheme:  # a link within the site: to one of its pages, or refused as such
            found = [problem for problem in found if problem != f"links to '{href}'; links must be http(s) addresses"]
            if _page_of(href) and _page_of(href) not in pages:
                found.append(f"links to '{href}', which is not a page of the edition; use one of {', '.join(sorted(pages))}")
    return list(dict.fromkeys(found))


def _page_of(href: str) -> str:
    """The page a relative link names, without its #anchor."""
    return href.split("#", 1)[0]


def _outside(rendered: str, tags: frozenset[str], attributes: dict[str, frozenset[str]], allowed: str) -> list[str]:
    """Each element, attribute or link of rendered Markdown outside an allow-list, as a phrase for a message."""
    problems: list[str] = []
    for element in _fragment(rendered).iterdescendants():
        tag = element.tag
        if not isinstance(tag, str):
            continue  # a comment: dropped with nothing a reader would miss
        if tag not in tags:
            problems.append(f"uses <{tag}>, but {allowed}")
            continue
        for name, value in element.attrib.items():
            allowed_here = str(name) in attributes.get(tag, ()) and (name != "style" or CELL_ALIGNMENT.match(str(value)))
            if allowed_here and name != "href":  # an address is always checked
                continue
            problems += _attribute_problems(tag, str(name), str(value))
    return list(dict.fromkeys(problems))


def _fragment(html_text: str) -> lxml.html.HtmlElement:
    """An HTML fragment parsed under one wrapping `<div>` (empty when the text is)."""
    return lxml.html.fragment_fromstring(html_text or "<p></p>", create_parent="div")


def _attribute_problems(tag: str, name: str, value: str) -> list[str]:
    """What is wrong with one attribute of an allowed element (one the allow-list does not let through as it is)."""
    if name == "href" and tag == "a":
        problem = url_problem(value)
        return [f"links to '{value}'; links must be http(s) addresses"] if problem else []
    if name == "title" and tag == "a":
        return ["gives a link a title (the quoted text after its address); remove it, titles are not shown"]
    if name.startswith("on"):
        return [f"sets the event handler '{name}' on <{tag}>, which is not allowed; remove the {{: … }} attribute list"]
    return [f"sets the attribute '{name}' on <{tag}>, which is not allowed; remove the {{: … }} attribute list"]


def markdown_text(text: str) -> str:
    """The text a reader sees of an editor's Markdown, as one line: for tooltips and metadata."""
    return " ".join(_fragment(markdown_html(text)).text_content().split())
