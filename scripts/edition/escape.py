"""Keep text text: escape source text so Markdown and HTML show it exactly as typed.

Python-Markdown passes numeric character references through untouched, so any
character that could start Markdown or HTML syntax is written as one: the page
shows the character and the parser never sees it. Characters that matter only
at the start of a line (headings, lists, quotes, setext underlines) are escaped
only there, so the generated Markdown stays readable.
"""

from __future__ import annotations

import functools
import html
import re

import markdown

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

    `starts_line` and `ends_line` say whether the text begins or ends a line of
    the Markdown, or is a piece of a line that other Markdown continues.
    """
    escaped = (LINE_START if starts_line else LATER_LINE_START).sub(_line_start, text.translate(_INLINE))
    line_end = LINE_END if ends_line else EARLIER_LINE_END
    return line_end.sub(lambda match: "".join(map(_entity, match.group())), escaped)


def escape_attribute(value: str) -> str:
    """A double-quoted attribute value for attr_list that shows exactly as `value`."""
    return html.escape(value, quote=True).translate({ord("\\"): "&#92;", ord("{"): "&#123;", ord("}"): "&#125;"})


def disarm_html(text: str) -> str:
    """Allow Markdown but not raw HTML: an editor's `<` is shown, never parsed as a tag."""
    return text.replace("<", "&lt;")


@functools.cache
def _plain_markdown() -> markdown.Markdown:
    """One plain Python-Markdown instance, reset between texts: setting one up costs more than a short text."""
    return markdown.Markdown()


def editors_markdown_html(text: str) -> str:
    """An editor's Markdown (a definition, a note) as HTML, its raw HTML disarmed: what checks and extracts read."""
    return _plain_markdown().reset().convert(disarm_html(text))
