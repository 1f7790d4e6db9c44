"""Trim the theme's stylesheets to the rules the built site can use, with PurgeCSS.

Material's stylesheet styles every feature the theme has (tabs, code blocks, versions,
tags, admonition icons); an edition's pages use a fraction of them. After the build,
the pages are read for everything a selector can match (element names, classes, ids,
attributes) and the scripts they run for the words those can add at run time, as
PurgeCSS's own extractors do. PurgeCSS (npm; `trim_stylesheets.mjs`, beside this module) then drops
every rule none of it can match. The edition's own stylesheet keeps every rule and loses
only its comments, which are written for maintainers, not readers.

The result depends on the stylesheets and that vocabulary, not on the text of the
pages, so it is kept (`edition.cache`) and reused while both are the same: rewording a
definition or a note does not trim again; adding an entry or a note (new ids) does.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast
from urllib.parse import urlsplit

import lxml.etree
import lxml.html

from edition.cache import BuildCache

TRIMMER = Path(__file__).resolve().with_name("trim_stylesheets.mjs")
PURGECSS = Path(__file__).resolve().parents[3] / "node_modules" / "purgecss" / "package.json"
"""PurgeCSS as `npm ci` installs it in the project (package-lock.json); Node finds it from the trimmer's folder up."""
THEME_STYLESHEETS = "assets/stylesheets/*.css"
"""Material's stylesheets (main, palette) in a built site: the ones trimmed."""
CACHE_NAME = "stylesheets"
JAVASCRIPT_TYPES = {"", "text/javascript", "module"}
FREE_TEXT = {"title", "alt", "aria-label", "content"}
"""Attributes whose values are text for readers (tooltips, labels, meta descriptions): no
stylesheet selects on their wording, so their values stay out of the vocabulary and an
edited definition or note keeps the cached result valid."""
_PARSER = lxml.etree.HTMLParser(encoding="utf-8")
_ATTRIBUTES = lxml.etree.XPath("//@*")
"""Every attribute of a page, each value knowing its name (`attrname`)."""
HOW_TO_INSTALL = "run `npm ci` in the project folder (`make site` does it) and build again"
_WORD = re.compile(r"[A-Za-z0-9_-]+")
"""A word as PurgeCSS's default extractor splits content into words."""


class TrimError(Exception):
    """PurgeCSS failed: says why and how to fix it."""


class TrimToolsMissingError(TrimError):
    """Node.js or PurgeCSS is not installed: the build goes on with the theme's stylesheets whole."""


@dataclass
class Vocabulary:
    """What the pages can match a selector with, in the shape PurgeCSS's extractors return."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attribute_names: set[str] = field(default_factory=set)
    attribute_values: set[str] = field(default_factory=set)
    script_words: set[str] = field(default_factory=set)
    """Every word of the scripts the pages run: class names and attributes they may set."""

    def as_extractor_result(self) -> dict[str, object]:
        """PurgeCSS's `ExtractorResultDetailed`, sorted so that equal vocabularies give equal JSON."""
        return {
            "tags": sorted(self.tags),
            "classes": sorted(self.classes),
            "ids": sorted(self.ids),
            "attributes": {"names": sorted(self.attribute_names), "values": sorted(self.attribute_values)},
            "undetermined": sorted(self.script_words),
        }


def _read_page(page: Path, vocabulary: Vocabulary) -> list[str]:
    """Add one page's elements, attributes and inline scripts to `vocabulary`; return the addresses of the scripts it loads."""
    tree = lxml.html.document_fromstring(page.read_bytes(), parser=_PARSER)
    vocabulary.tags.update(str(element.tag) for element in tree.iter(lxml.etree.Element))
    # XPath collects the attributes in C, without a Python object per element: a quarter less time.
    for value in cast("list[lxml.etree._ElementUnicodeResult]", _ATTRIBUTES(tree)):
        name = str(value.attrname)
        vocabulary.attribute_names.add(name)
        if name not in FREE_TEXT:
            vocabulary.attribute_values.add(str(value))
        if name == "class":
            vocabulary.classes.update(value.split())
        elif name == "id":
            vocabulary.ids.add(str(value))
    sources: list[str] = []
    # Only scripts run by the browser: JSON-LD is data, and holds the notes' text.
    for script in tree.iter("script"):
        if script.get("type", "").lower() in JAVASCRIPT_TYPES:
            if source := script.get("src"):
                sources.append(source)
            vocabulary.script_words |= script_words(script.text or "")
    return sources


def script_words(text: str) -> set[str]:
    """The words of a script, which may name a class or attribute it sets."""
    return set(_WORD.findall(text))


def read_vocabulary(site: Path) -> Vocabulary:
    """Everything the site's pages and the scripts they run can match a selector with."""
    vocabulary = Vocabulary()
    scripts: set[Path] = set()
    for page in sorted(site.rglob("*.html")):
        sources = _read_page(page, vocabulary)
        scripts.update(path for source in sources if (path := _local_file(page, source)) is not None)
    for script in sorted(path for path in scripts if path.is_file()):
        vocabulary.script_words |= script_words(script.read_text(encoding="utf-8"))
    return vocabulary


def _local_file(page: Path, address: str) -> Path | None:
    """The file a page's relative script address names, or None for another site's."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc:
        return None
    return (page.parent / parts.path).resolve()


def trim_stylesheets(site: Path, *, cache: bool = True) -> None:
    """Trim the theme's stylesheets in `site` and strip the comments from its own (cached, or made by PurgeCSS and PostCSS)."""
    theme = sorted(site.glob(THEME_STYLESHEETS))
    if not theme:
        return
    own = sorted(path for path in site.rglob("*.css") if path not in theme)
    sheets = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in [*theme, *own]}
    names = [path.relative_to(site).as_posix() for path in own]
    request: dict[str, object] = {"stylesheets": sheets, "own": names, "vocabulary": read_vocabulary(site).as_extractor_result()}
    digest = _digest(request)
    kept_trims = BuildCache.in_user_cache(CACHE_NAME, ".json") if cache else None
    kept = kept_trims.fetch(digest) if kept_trims is not None else None
    trimmed: dict[str, str] = json.loads(kept) if kept is not None else _purge(request, digest, kept_trims)
    for name, css in trimmed.items():
        (site / name).write_text(css, encoding="utf-8")


def _digest(request: dict[str, object]) -> str:
    """What names the trimmed stylesheets of this request: a hash of it, the trimmer and PurgeCSS's version."""
    digest = hashlib.sha256(json.dumps(request, sort_keys=True).encode("utf-8"))
    for tool in (TRIMMER, PURGECSS):
        digest.update(tool.read_bytes() if tool.is_file() else b"")
    return digest.hexdigest()


def _purge(request: dict[str, object], digest: str, cache: BuildCache | None) -> dict[str, str]:
    """Run PurgeCSS through `trim_stylesheets.mjs` (`TRIMMER`) and keep its answer under `digest`."""
    node = shutil.which("node")
    if node is None or not PURGECSS.is_file():
        raise TrimToolsMissingError(f"Node.js and PurgeCSS are not installed: {HOW_TO_INSTALL}")
    run = subprocess.run([node, str(TRIMMER)], input=json.dumps(request), capture_output=True, text=True, check=False)
    if run.returncode != 0:
        lines = run.stderr.strip().splitlines() or [f"exit status {run.returncode}"]
        # Node ends with its version; the line naming the error says more.
        reason = next((line for line in lines if "Error" in line), lines[-1])
        raise TrimError(f"PurgeCSS failed ({reason.strip()}): {HOW_TO_INSTALL}")
    trimmed: dict[str, str] = json.loads(run.stdout)
    if cache is not None:
        cache.keep(digest, run.stdout.encode("utf-8"))
    return trimmed
