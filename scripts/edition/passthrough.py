"""HTML the pages generate, handed through Markdown untouched and unparsed.

The bulk of a generated page (an annotated text, a glossary of thousands of entries, a
list of a thousand documents) is HTML the edition builds itself, every piece of text in
it escaped by `edition.safety`. Python-Markdown passes raw HTML blocks through, but it
first reads them with Python's HTML parser, which costs more than the page's whole
Markdown: at a thousand documents, seconds. So each such block is written between two
marker lines,

    <!-- edition:html -->
    <p id="p1" class="ed-paragraph">…</p>
    <!-- /edition:html -->

and `PassThroughExtension` stores it in Python-Markdown's HTML stash before any other
block is read, as extensions that generate HTML do. The Markdown stays valid without the
extension (the markers are comments and the block is raw HTML), and renders the same.

Only the edition writes markers: an editor's Markdown reaches the pages with every `<`
disarmed (`safety.disarm_html`), so no text from a source folder can open a block.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

OPEN = "<!-- edition:html -->"
CLOSE = "<!-- /edition:html -->"

BLOCK = re.compile(
    rf"""
    ^{re.escape(OPEN)}\n        # the opening marker, alone on its line
    (?P<html>.*?)               # the edition's HTML, any number of lines
    \n{re.escape(CLOSE)}$       # the closing marker, alone on its line
    """,
    re.MULTILINE | re.DOTALL | re.VERBOSE,
)

PRIORITY = 25
"""After `normalize_whitespace` (30), which removes the stash's placeholder characters from the
source, and before `html_block` (20), which would parse the block."""


def passthrough(html: str) -> str:
    """Markdown holding `html` as it is: the block between the markers (`html` must not hold a marker line)."""
    return f"{OPEN}\n{html.strip()}\n{CLOSE}"


class PassThroughPreprocessor(Preprocessor):
    """Stash every marked block of the page's Markdown as raw HTML, leaving a placeholder paragraph."""

    def run(self, lines: list[str]) -> list[str]:
        """The page's lines with each marked block replaced by its placeholder."""
        text = "\n".join(lines)
        if OPEN not in text:
            return lines
        return BLOCK.sub(lambda match: f"\n{self.md.htmlStash.store(match['html'])}\n", text).split("\n")


class PassThroughExtension(Extension):
    """Python-Markdown extension: the edition's marked HTML blocks pass through unparsed."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        """Register the preprocessor."""
        md.preprocessors.register(PassThroughPreprocessor(md), "edition_passthrough", PRIORITY)


def makeExtension(**kwargs: Any) -> PassThroughExtension:  # noqa: N802 (Python-Markdown's entry point)
    """The extension, by its module name: `markdown_extensions: [edition.passthrough]`."""
    return PassThroughExtension(**kwargs)
