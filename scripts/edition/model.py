"""The edition's model: what the source stage produces and the matcher and renderers read.

Every class is a frozen dataclass so that the pure core can pass values around
without anyone mutating them behind its back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar

from edition.errors import Problem

KINDS = ("term", "person", "place", "organization")
"""Glossary entry kinds, in the order the names index lists them."""

PAGES = frozenset({"index.md", "article.md", "glossary.md", "names.md", "notes.md", "claims.md", "map.md", "timeline.md", "about.md"})
"""The pages of a single-article edition, by their Markdown names: what the editors' own pages may link to."""

SHARED_PAGES = frozenset({"index.md", "glossary.md", "names.md", "map.md", "timeline.md", "about.md", "search.md"})
"""The pages a collection shares among its documents, by their Markdown names."""

RESERVED_IDS = frozenset({"glossary", "editorial-notes"})
"""Ids the generated pages give their own headings where entry and note ids become element ids:
an entry or note may not take one (the glossary's and the notes page's titles)."""

HEADING_SUFFIXES = {"entry": "-term", "note": "-heading"}
"""The glossary gives entry X's heading the id X-term, the notes page note X's X-heading: an id of
that shape beside X would be a second element with one id."""

KeyLines = Mapping[str, int]
"""The line of each key of a record in its file, for messages that name the exact line."""


@dataclass(frozen=True)
class Source:
    """A work cited by a glossary entry or a note."""

    title: str
    url: str | None = None


@dataclass(frozen=True)
class Entry:
    """One glossary entry: a term, person, place or organization."""

    id: str
    term: str
    kind: str
    forms: tuple[str, ...]
    short: str
    definition: str
    sources: tuple[Source, ...]
    index_as: str | None = None
    line: int = 0
    coords: tuple[float, float] | None = None
    """Latitude and longitude in decimal degrees, for places shown on the locator map."""
    form_lines: tuple[int, ...] = field(default=(), compare=False, repr=False)
    """The line of each form in glossary.yml (of the term, when the forms default to it)."""
    key_lines: KeyLines = field(default_factory=dict, compare=False, repr=False)
    file: str = field(default="", compare=False, repr=False)
    """The glossary file as editors name it, for messages about the entry."""

    @property
    def sort_key(self) -> str:
        """The key the names index sorts by: `index_as` ("Blinken, Antony") or the term."""
        return (self.index_as or self.term).casefold()


@dataclass(frozen=True)
class Note:
    """An editorial note anchored to an exact quote of the article.

    `occurrence` picks one of several places where the quote occurs; None means
    the quote must occur exactly once.
    """

    id: str
    type: str
    quote: str
    text: str
    sources: tuple[Source, ...]
    occurrence: int | None = None
    line: int = 0
    key_lines: KeyLines = field(default_factory=dict, compare=False, repr=False)


@dataclass(frozen=True)
class Said:
    """Where the words a claim reports were said: a passage of another document of the edition (a transcript)."""

    document: str
    """The slug of the primary source."""
    passage: str
    """The source's exact words, as they stand in its text."""
    line: int = field(default=0, compare=False, repr=False)
    """The line of `passage` in claims.yml, for messages."""


@dataclass(frozen=True)
class Claim:
    """A statement or position the article reports: who, what, through which channel, in what form.

    `said` names the passage of a primary source in the edition where the words were
    said; `no_primary_source` says why the edition has none (a private call, reported
    second-hand). A claim gives one or the other, or neither.
    """

    id: str
    who: str
    what: str
    channel: str
    form: str
    quote: str
    entry: str | None = None
    occurrence: int | None = None
    line: int = 0
    key_lines: KeyLines = field(default_factory=dict, compare=False, repr=False)
    said: Said | None = None
    no_primary_source: str | None = None


@dataclass(frozen=True)
class Event:
    """A dated event of the timeline: ISO date (year, month or day), label, links and sources.

    `later` marks what happened after the article appeared; `paragraph` (from 1) and `note`
    link the event to the article paragraph or editorial note it concerns.
    """

    date: str
    label: str
    sources: tuple[Source, ...]
    later: bool = False
    paragraph: int | None = None
    note: str | None = None
    line: int = 0
    document: str | None = None
    """The slug of the document the event concerns (its `paragraph` and `note` are that document's), if any."""


@dataclass(frozen=True)
class Anchor:
    """Where a quote sits in the article: paragraph index and character span."""

    paragraph: int
    start: int
    end: int


@dataclass(frozen=True)
class Change:
    """One line of the edition's changelog."""

    version: str
    date: str
    text: str


@dataclass(frozen=True)
class Original:
    """What is known of the original publication; None where the source did not say."""

    headline: str | None = None
    outlet: str | None = None
    byline: str | None = None
    date: str | None = None
    url: str | None = None
    note: str | None = None


DOCUMENT_KINDS = {"report": "Report", "transcript": "Transcript", "statement": "Statement"}
"""What a document may be, and how its page names it: a news report, or a primary source it quotes."""


@dataclass(frozen=True)
class Speaker:
    """A transcript's speaker: the label that opens each of their turns, as the text has it, and their glossary entry."""

    label: str
    entry: str
    line: int = field(default=0, compare=False, repr=False)
    """The line of the label in edition.yml, for messages."""


@dataclass(frozen=True)
class Metadata:
    """The edition's own metadata, from `edition.yml`."""

    title: str
    language: str
    original: Original
    editors: tuple[str, ...]
    license: str
    description: str = ""
    version: str = ""
    date: str = ""
    changelog: tuple[Change, ...] = ()
    collection: bool = False
    """A collection's own metadata (`collection.yml`): its title is always the editors', and never bracketed."""
    kind: str = "report"
    """One of `DOCUMENT_KINDS`: a report, or a primary source (a transcript, a statement)."""
    issued_by: str | None = None
    """Who issued a primary source, e.g. "US Department of Defense"."""
    copy: Source | None = None
    """The copy the text was taken from, when it is not the original's address."""
    excerpt: str | None = None
    """For a text that is not whole: what it leaves out and where it breaks off."""
    speakers: tuple[Speaker, ...] = ()

    @property
    def title_is_supplied(self) -> bool:
        """True when the title is the editors' own because the source had no headline."""
        return not self.collection and self.original.headline is None

    @property
    def display_title(self) -> str:
        """The title as shown: an editors' title stands in [brackets]."""
        return f"[{self.title}]" if self.title_is_supplied else self.title


Ring = tuple[tuple[float, float], ...]
Polygon = tuple[Ring, ...]


@dataclass(frozen=True)
class Area:
    """One feature of the base map: a country, or an occupied territory drawn over it."""

    id: str
    name: str
    role: str
    polygons: tuple[Polygon, ...]
    legend: str = ""
    """What the map's legend says of an occupied territory, e.g. "Crimea: occupied by Russia since 2014"."""


@dataclass(frozen=True)
class Basemap:
    """The region's outlines in lon/lat degrees, the box they were clipped to, and their provenance note."""

    areas: tuple[Area, ...]
    bbox: tuple[float, float, float, float]
    note: str

    def area(self, area_id: str) -> Area | None:
        """The feature with this id, if the data has it."""
        return next((area for area in self.areas if area.id == area_id), None)

    def covers(self, lat: float, lon: float) -> bool:
        """Whether a point lies within the box the data was clipped to."""
        west, south, east, north = self.bbox
        return west <= lon <= east and south <= lat <= north


@dataclass(frozen=True)
class EditorPage:
    """A page the editors wrote in Markdown: its title (from a first `# Heading`) and the rest."""

    title: str
    markdown: str


@dataclass(frozen=True)
class Document:
    """One text of the edition and what belongs to it alone: what is known of it, its paragraphs, notes and claims."""

    slug: str
    """Its address in a collection (`/<slug>/`), the name of its folder under `documents/`."""
    metadata: Metadata
    paragraphs: tuple[str, ...]
    notes: tuple[Note, ...] = ()
    claims: tuple[Claim, ...] = ()

    @property
    def words(self) -> int:
        """How many words the text has."""
        return sum(len(paragraph.split()) for paragraph in self.paragraphs)


ARTICLE_SLUG = "article"
"""The slug of a single-article edition's one document, whose text is the page `article/`."""


@dataclass(frozen=True)
class Edition:
    """A loaded, validated source folder: one article, or a collection of documents sharing a glossary."""

    metadata: Metadata
    """The edition's own: a single article's `edition.yml`, or a collection's `collection.yml`."""
    documents: tuple[Document, ...]
    entries: tuple[Entry, ...]
    timeline: tuple[Event, ...] = ()
    """Every dated event, in date order: the shared timeline's and each document's."""
    basemap: Basemap | None = None
    home: str | None = None
    """The editors' own Markdown for the home page (`index.md` in the source folder), shown under the title card."""
    about: EditorPage | None = None
    """The editors' own about page (`about.md`), its title and Markdown."""
    collection: bool = False
    """Whether the source is a collection (`collection.yml`, `documents/`), whose pages are laid out per document."""

    @property
    def document(self) -> Document:
        """The one document of a single-article edition."""
        if self.collection:
            raise ValueError("a collection has many documents; use `documents`")
        return self.documents[0]


@dataclass(frozen=True)
class Occurrence:
    """One place where a form of an entry occurs: paragraph index and character span."""

    paragraph: int
    start: int
    end: int
    entry_id: str


@dataclass(frozen=True)
class Matched:
    """A document and where the glossary's entries occur in it."""

    document: Document
    occurrences: tuple[Occurrence, ...]


@dataclass(frozen=True)
class Insert:
    """Markup the edition puts into a paragraph at a position: a claim's span, a note's marker."""

    CLOSE: ClassVar[int] = 0
    MARKER: ClassVar[int] = 1
    OPEN: ClassVar[int] = 2

    position: int
    order: int
    markup: str


@dataclass(frozen=True)
class Page:
    """A generated Markdown page: its path inside `docs/` and its text."""

    path: str
    text: str


@dataclass(frozen=True)
class Summary:
    """What a build reports: how much text, which entries matched and which never did."""

    paragraphs: int
    words: int
    entries: int
    matched: tuple[str, ...] = field(default_factory=tuple)
    unmatched: tuple[str, ...] = field(default_factory=tuple)
    occurrences: int = 0
    warnings: tuple[Problem, ...] = field(default_factory=tuple)
    """What matching found that does not stop the build (a form that never occurs), for the editor to see."""
    documents: int = 1
