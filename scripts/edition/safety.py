"""What editors' Markdown may contain: checked by rendering it, not by guessing at its syntax.

Definitions and notes are Markdown, but only a small part of it is meant for them:
paragraphs, emphasis, links to web pages, lists and inline code. Each text is rendered
with Python-Markdown and the resulting tags and link targets are compared with what is
allowed; raw HTML never gets that far, because `disarm_html` has turned it into text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .escape import editors_markdown_html

ALLOWED_TAGS = frozenset({"p", "em", "strong", "a", "ul", "ol", "li", "code", "br"})
"""Tags a definition or note may produce."""

SAFE_URL = re.compile(
    r"""
    \A(?:
        https?://[^\s]+             # a web page
      | mailto:[^\s]+               # an address
    )\Z
    """,
    re.VERBOSE | re.IGNORECASE,
)

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters HTML cannot carry (tab, line feed and carriage return are fine)."""


class _Inventory(HTMLParser):
    """Collects the tags and link targets of rendered Markdown."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Note the tag, and the target if it is a link."""
        self.tags.add(tag)
        self.urls += [value or "" for name, value in attrs if name in ("href", "src")]


def markdown_problems(text: str) -> list[str]:
    """What is wrong with an editor's Markdown, each as a phrase for an error message."""
    inventory = _Inventory()
    inventory.feed(editors_markdown_html(text))
    problems = [f"uses <{tag}>, but only emphasis, links, lists and code are allowed" for tag in sorted(inventory.tags - ALLOWED_TAGS)]
    problems += [f"links to '{url}'; links must be http(s) addresses" for url in inventory.urls if not SAFE_URL.match(url)]
    return problems


def is_safe_url(url: str) -> bool:
    """True for an http(s) or mailto address: the only kinds a source may link to."""
    return bool(SAFE_URL.match(url))


def first_control_character(text: str) -> tuple[int, str] | None:
    """The line number and code point of the first control character in the text, if any."""
    found = CONTROL.search(text)
    if found is None:
        return None
    return text.count("\n", 0, found.start()) + 1, f"U+{ord(found.group()):04X}"
