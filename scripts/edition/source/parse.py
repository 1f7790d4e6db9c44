"""Validate a source folder's files once and turn them into the edition's model, reporting every problem together.

A source folder holds `article.txt` (paragraphs separated by blank lines),
`edition.yml`, `glossary.yml` and, optionally, `notes.yml`, `claims.yml`,
`timeline.yml` and the map's data, `map/region.json`; or a collection, whose
`collection.yml` and `glossary.yml` are shared by the documents under `documents/`,
each a folder of its own text, `edition.yml`, notes, claims and timeline.
`files.read_source` reads them; everything here is pure.

Every check runs in every pass, the files' own and those across files (a claim's
entry, a note's quote), so that an editor sees all problems at once, each at the line
of the key or item that is wrong.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from edition.errors import Problem, SourceError, in_file_order
from edition.memo import Kept
from edition.model import (
    ARTICLE_SLUG,
    HEADING_SUFFIXES,
    KINDS,
    PAGES,
    RESERVED_IDS,
    SHARED_PAGES,
    Basemap,
    Change,
    Claim,
    Document,
    Edition,
    EditorPage,
    Entry,
    Event,
    Metadata,
    Note,
    Original,
)
from edition.safety import character_problems, page_problems
from edition.source import schema
from edition.source.basemap import BASEMAP, parse_basemap, world_basemap
from edition.source.checks import check_claims, check_quotes, check_shared_forms
from edition.source.files import (
    ABOUT,
    ARTICLE,
    CLAIMS,
    COLLECTION,
    DOCUMENT_OPTIONAL,
    DOCUMENT_REQUIRED,
    DOCUMENTS,
    EDITION,
    GLOSSARY,
    HOME,
    NOTES,
    TIMELINE,
    SourceFiles,
    read_source,
)
from edition.source.primary import Text, check_primary_sources, primary_fields, said_fields
from edition.source.records import item_lines, read_sources
from edition.source.timeline import Scope, parse_timeline
from edition.source.yamlfile import Mapping, load_yaml

T = TypeVar("T")

MAX_CHARACTER_PROBLEMS = 20
"""An article full of bad characters is reported by its first few, not by thousands of lines."""
DOCUMENTS_PAGE = "{}/index.md"
"""The page of a single article's primary source, as the editors' pages link to it."""

NOTE_TYPES = ("correction", "context", "attribution", "since-publication")
CLAIM_FORMS = ("quoted", "partly-quoted", "paraphrased")

BLANK_LINES = re.compile(
    r"""
    \n                  # the end of a paragraph's last line
    (?:[ \t]*\n)+       # one or more lines holding nothing but spaces or tabs
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class Examined:
    """What examining the source files found: the edition when nothing stops it, and every problem.

    The glossary's entries and the documents' paragraphs are kept even when other files
    have errors, so that the checks made on them after matching (forms that never occur)
    run in the same pass.
    """

    edition: Edition | None
    problems: tuple[Problem, ...]
    entries: tuple[Entry, ...]
    texts: tuple[tuple[str, tuple[str, ...]], ...]
    """Each readable document's slug and paragraphs."""
    basemap: Basemap | None
    """The map's base data (the source's own, or the world's when a place has coordinates), read even when other files have errors."""


@dataclass(frozen=True)
class _ExaminedDocument:
    """One document's files examined: the document when its files are sound, its paragraphs, and its notes' ids."""

    document: Document | None
    paragraphs: tuple[str, ...] | None
    note_ids: frozenset[str]
    events: tuple[Event, ...]
    metadata: Metadata | None
    claims: tuple[Claim, ...]


def load_source(folder: Path | str) -> Edition:
    """Read and validate a source folder; raise `SourceError` listing every problem."""
    return parse_source(read_source(folder))


class Memo(Kept):
    """What a caller that parses the same folder again and again (the preview) keeps from one parse for the next.

    Each document's examination, by everything it reads: its files' text, the glossary's
    ids and the metadata it inherits. A document whose inputs are unchanged is not parsed
    again, and its problems are reported again as they were.
    """

    def recall_reporting(self, key: Hashable, problems: list[Problem], make: Callable[[], T]) -> T:
        """What `make` gives for inputs `key`, made now or kept from the last parse; its problems go into `problems` either way."""
        before = len(problems)
        value, found = self.recall(key, lambda: (make(), tuple(problems[before:])))
        if len(problems) == before:  # kept: report its problems again
            problems.extend(found)
        return value


def parse_source(files: SourceFiles, memo: Memo | None = None) -> Edition:
    """Turn raw source files into an `Edition`, or raise `SourceError` with every problem."""
    examined = examine_source(files, memo)
    if examined.edition is None:
        raise SourceError(examined.problems)
    return examined.edition


def examine_source(files: SourceFiles, memo: Memo | None = None) -> Examined:
    """Check every file and every record across them; the edition when no problem stops it."""
    problems: list[Problem] = list(files.notices)
    texts = {name: _decode(data, files.name(name), problems) for name, data in files.contents.items()}
    reader = _Reader(files, texts, problems)
    glossary = partial(_glossary, reader)
    entries, readable_glossary = (
        memo.recall_reporting((GLOSSARY, texts.get(GLOSSARY)), problems, glossary) if memo is not None else glossary()
    )
    # A glossary that cannot be read would make every claim's entry look unknown.
    entry_ids = frozenset(entry.id for entry in entries) if readable_glossary else None
    if files.collection:
        metadata = _parse_metadata(
            reader.data(COLLECTION), files.name(COLLECTION), problems, present=COLLECTION in texts, spec=schema.COLLECTION
        )
        examined = {slug: _recalled(memo, reader, slug, f"{DOCUMENTS}/{slug}/", entry_ids, metadata) for slug in files.documents}
        scopes = {slug: Scope(None if one.paragraphs is None else len(one.paragraphs), one.note_ids) for slug, one in examined.items()}
        shared = parse_timeline(reader.data(TIMELINE, "[]"), files.name(TIMELINE), problems, documents=scopes, default=None)
    else:
        examined = {ARTICLE_SLUG: _examine_document(reader, ARTICLE_SLUG, "", entry_ids, None)}
        metadata = examined[ARTICLE_SLUG].metadata
        # The primary sources the article quotes: documents of their own, which take what they leave out from the article's edition.yml.
        examined |= {slug: _recalled(memo, reader, slug, f"{DOCUMENTS}/{slug}/", entry_ids, metadata) for slug in files.documents}
        shared = ()
    problems += check_primary_sources(_texts(files, examined), {slug: one.claims for slug, one in examined.items()}, entry_ids)
    basemap_text = texts.get(BASEMAP)
    basemap = parse_basemap(basemap_text, files.name(BASEMAP), problems) if basemap_text is not None else None
    if basemap_text is None and any(entry.coords for entry in entries):
        basemap = world_basemap()  # no data of the source's own: the edition's, for places anywhere
    # The editors' pages may link to the edition's own pages, a single article's primary sources among them.
    pages = SHARED_PAGES if files.collection else PAGES | {DOCUMENTS_PAGE.format(slug) for slug in files.documents}
    home = _editor_page(texts.get(HOME), files.name(HOME), problems, pages)
    about = _editor_page(texts.get(ABOUT), files.name(ABOUT), problems, pages)
    found = tuple(in_file_order(problems))
    documents = tuple(one.document for one in examined.values() if one.document is not None)
    edition = None
    if metadata is not None and len(documents) == len(examined) and not any(problem.is_error for problem in found):
        edition = Edition(
            metadata,
            # A single article comes first, its primary sources after it.
            tuple(sorted(documents, key=_reading_order))
            if files.collection
            else (documents[0], *sorted(documents[1:], key=_reading_order)),
            entries,
            _in_date_order([shared, *(one.events for one in examined.values())]),
            basemap,
            home.markdown if home else None,
            about,
            collection=files.collection,
        )
    readable = tuple((slug, one.paragraphs) for slug, one in examined.items() if one.paragraphs is not None)
    if memo is not None:
        memo.settle()
    return Examined(edition, found, entries, readable, basemap)


@dataclass(frozen=True)
class _Reader:
    """The decoded files of a source folder, read as YAML on demand, every problem into one list."""

    files: SourceFiles
    texts: dict[str, str | None]
    problems: list[Problem]

    def data(self, name: str, default: str | None = None) -> Any:
        """One file parsed as YAML (`default` when it is absent), or None when it cannot be."""
        return _yaml(self.texts.get(name, default), self.files.name(name), self.problems)


def _texts(files: SourceFiles, examined: dict[str, _ExaminedDocument]) -> list[Text]:
    """What the checks across documents need of each readable document."""
    texts = []
    for slug, one in examined.items():
        prefix = "" if slug == ARTICLE_SLUG and not files.collection else f"{DOCUMENTS}/{slug}/"
        if one.paragraphs is not None:
            speakers = one.metadata.speakers if one.metadata else ()
            name = files.name
            texts.append(Text(slug, name(prefix + ARTICLE), name(prefix + EDITION), name(prefix + CLAIMS), speakers, one.paragraphs))
    return texts


def _glossary(reader: _Reader) -> tuple[tuple[Entry, ...], bool]:
    """The glossary's entries, and whether it could be read at all."""
    data = reader.data(GLOSSARY)
    entries = _parse_entries(data, reader.files.name(GLOSSARY), reader.problems)
    reader.problems.extend(check_shared_forms(entries, reader.files.name(GLOSSARY)))
    return entries, data is not None


def _recalled(
    memo: Memo | None, reader: _Reader, slug: str, prefix: str, entry_ids: frozenset[str] | None, shared: Metadata | None
) -> _ExaminedDocument:
    """`_examine_document`, or what `memo` kept of it when its inputs have not changed since."""
    examine = partial(_examine_document, reader, slug, prefix, entry_ids, shared)
    if memo is None:
        return examine()
    texts = tuple(reader.texts.get(prefix + name) for name in (*DOCUMENT_REQUIRED, *DOCUMENT_OPTIONAL))
    return memo.recall_reporting((slug, prefix, texts, entry_ids, shared), reader.problems, examine)


def _examine_document(
    reader: _Reader, slug: str, prefix: str, entry_ids: frozenset[str] | None, shared: Metadata | None
) -> _ExaminedDocument:
    """Check one document's files (an article's, or one in `documents/<slug>/`) and build it when they are sound.

    A document in its own folder may leave the language, editors and licence to `shared`.
    """
    problems, name = reader.problems, reader.files.name
    before = len(problems)
    article = reader.texts.get(prefix + ARTICLE)
    paragraphs = _paragraphs(article, name(prefix + ARTICLE), problems)
    readable = article is not None
    spec = schema.DOCUMENT if prefix else schema.EDITION
    present = reader.texts.get(prefix + EDITION) is not None
    metadata = _parse_metadata(reader.data(prefix + EDITION), name(prefix + EDITION), problems, present=present, spec=spec, shared=shared)
    notes = _parse_notes(reader.data(prefix + NOTES, "[]"), name(prefix + NOTES), problems)
    claims = _parse_claims(reader.data(prefix + CLAIMS, "[]"), name(prefix + CLAIMS), problems)
    if readable:  # quotes and paragraph numbers can only be checked against a readable article
        problems += check_quotes(notes, paragraphs, name(prefix + NOTES), "note")
        problems += check_quotes(claims, paragraphs, name(prefix + CLAIMS), "claim")
    if entry_ids is not None:
        problems += check_claims(claims, entry_ids, paragraphs, name(prefix + CLAIMS))
    note_ids = frozenset(note.id for note in notes)
    scope = {slug: Scope(len(paragraphs) if readable else None, note_ids)}
    events = parse_timeline(reader.data(prefix + TIMELINE, "[]"), name(prefix + TIMELINE), problems, documents=scope, default=slug)
    sound = metadata is not None and not any(problem.is_error for problem in problems[before:])
    document = Document(slug, metadata, paragraphs, notes, claims) if sound and metadata is not None else None
    return _ExaminedDocument(document, paragraphs if readable else None, note_ids, events, metadata, claims)


def _reading_order(document: Document) -> tuple[str, str]:
    """Documents in the order of their dates (undated ones last), then of their slugs."""
    return (document.metadata.original.date or "9999", document.slug)


def _in_date_order(timelines: list[tuple[Event, ...]]) -> tuple[Event, ...]:
    """Events of several timelines merged by date; a single timeline keeps its own order, checked to be by date."""
    present = [timeline for timeline in timelines if timeline]
    if len(present) <= 1:
        return present[0] if present else ()
    return tuple(sorted((event for timeline in present for event in timeline), key=lambda event: event.date))


FIRST_HEADING = re.compile(r"\A\s*#(?!#)[ \t]*(?P<title>[^\n]*?)[ \t#]*(?:\n|\Z)")
"""A page's first line when it is a level-one heading: the page's title."""


def _editor_page(text: str | None, file: str, problems: list[Problem], pages: frozenset[str]) -> EditorPage | None:
    """A page the editors wrote (index.md, about.md): its title, and Markdown within what such a page may hold."""
    if text is None:
        return None
    problems += _character_problems(text, file)
    heading = FIRST_HEADING.match(text)
    title, body = (heading["title"].strip(), text[heading.end() :]) if heading else ("", text)
    if re.search(r"^#[ \t]", body, re.MULTILINE):
        problems.append(
            Problem(file, None, "has a level-one heading (# …) below its first line; the page has one title, use ## for sections")
        )
    problems += [Problem(file, None, f"the page {phrase}") for phrase in page_problems(body, pages)]
    return EditorPage(title, body.strip("\n") + "\n")


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Split article text into paragraphs at blank lines, keeping each paragraph's text as typed."""
    body = text.strip("\n")
    if not body.strip():
        return ()
    return tuple(part for part in BLANK_LINES.split(body) if part.strip())


def _paragraphs(article: str | None, file: str, problems: list[Problem]) -> tuple[str, ...]:
    """The article's paragraphs; an empty article, or characters no page can show, are problems."""
    if article is None:
        return ()
    paragraphs = split_paragraphs(article)
    if not paragraphs:
        problems.append(Problem(file, None, "the article is empty; paste the text, paragraphs separated by blank lines"))
    problems += _character_problems(article, file)
    return paragraphs


def _character_problems(text: str, file: str) -> list[Problem]:
    """A problem for each of the first few characters no page can show, at their lines."""
    found = itertools.islice(character_problems(text), MAX_CHARACTER_PROBLEMS)
    return [Problem(file, problem.line, problem.message) for problem in found]


def _decode(data: bytes, file: str, problems: list[Problem]) -> str | None:
    """Decode UTF-8, dropping a byte-order mark and CRLF line ends; report a bad byte by line."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        problems.append(
            Problem(file, line, f"not UTF-8: byte {error.start} (0x{data[error.start]:02x}) cannot be read; save the file as UTF-8")
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _yaml(text: str | None, file: str, problems: list[Problem]) -> Any:
    """Parse one YAML file, adding its problems to the list instead of stopping."""
    if text is None:
        return None
    data, found = load_yaml(text, file)
    problems += found
    return data


def _parse_metadata(
    data: Any, file: str, problems: list[Problem], *, present: bool, spec: tuple[schema.Key, ...], shared: Metadata | None = None
) -> Metadata | None:
    """Read `edition.yml` (or `collection.yml`): title, language, the original's details, editors, license.

    A collection's document leaves what it does not give (language, editors, license) to `shared`.
    """
    if data is None:
        if present and not any(problem.file == file for problem in problems):
            needed = [key.name for key in spec if key.required]
            problems.append(Problem(file, None, f"is empty; it needs at least {', '.join(needed[:-1])} and {needed[-1]}"))
        return None
    found = schema.check_record(data, spec, file, "the edition", 1)
    if isinstance(data, Mapping) and isinstance(data.get("source"), Mapping):
        found += schema.check_record(data["source"], schema.ORIGINAL, file, "'source'", data.key_lines["source"])
    if isinstance(data, Mapping):
        found += _check_editors(data.get("editors"), file, data.key_lines.get("editors"))
    problems += found
    if found:
        return None
    source = data.get("source", {key.name: None for key in schema.ORIGINAL})
    original = Original(**{key: None if value is None else value.strip() for key, value in source.items()})
    editors = tuple(editor.strip() for editor in data["editors"]) if "editors" in data else shared.editors if shared else ()
    return Metadata(
        title=data["title"].strip(),
        language=data["language"].strip() if "language" in data else shared.language if shared else "",
        original=original,
        editors=editors,
        license=data.get("license", shared.license if shared else ""),
        description=data.get("description", ""),
        version=data.get("version", ""),
        date=data.get("date", ""),
        changelog=_changelog(data.get("changelog", []), file, problems),
        collection=spec is schema.COLLECTION,
        **primary_fields(data, file, problems),
    )


def _check_editors(editors: Any, file: str, line: int | None) -> list[Problem]:
    """`editors` is a list of one or more names, each one line."""
    if not isinstance(editors, list):
        return []  # the schema has said what it should be
    if not editors:
        return [Problem(file, line, "'editors' is empty; name at least one editor, e.g. '- The edition's editorial team'")]
    return [
        Problem(file, item_line, "each of 'editors' should be a name on one line")
        for editor, item_line in zip(editors, item_lines(editors, line), strict=True)
        if not isinstance(editor, str) or not editor.strip() or "\n" in editor.strip()
    ]


def _changelog(items: list[Any], file: str, problems: list[Problem]) -> tuple[Change, ...]:
    """Read the changelog: a list of `{version, date, text}`, newest first."""
    changes = []
    for item, line in zip(items, item_lines(items, None), strict=True):
        found = schema.check_record(item, schema.CHANGE, file, "a changelog item", line)
        problems += found
        if not found:
            changes.append(Change(item["version"].strip(), item["date"], item["text"]))
    return tuple(changes)


def _valid_records(
    data: Any, file: str, noun: str, spec: tuple[schema.Key, ...], problems: list[Problem]
) -> Iterator[tuple[Mapping, str, str]]:
    """The records of a list file that have the keys and values `spec` asks for and a good id.

    Yields each with the phrase naming it in messages ("note 'kerch'") and its id; the
    problems of the others go into `problems`, so every one is reported in one run.
    """
    if data is None:
        return
    if not isinstance(data, list):
        problems.append(Problem(file, None, f"should be a list of {noun} records, each starting with '- id: …'"))
        return
    seen: dict[str, int] = {}
    article = "an" if noun[0] in "aeiou" else "a"
    for record, line in zip(data, item_lines(data, None), strict=True):
        record_id = record.get("id") if isinstance(record, dict) else None
        named = isinstance(record_id, str) and schema.id_problem(record_id) is None
        what = f"{noun} '{record_id}'" if named else f"{article} {noun}"
        problems += schema.check_record(record, spec, file, what, line)
        if named:
            problems += _check_id(str(record_id), seen, file, record.key_lines["id"], noun)
        if schema.has_shape(record, spec):
            yield record, what, str(record_id)
    problems += _heading_id_clashes(seen, file, noun)


def _check_id(record_id: str, seen: dict[str, int], file: str, line: int, noun: str) -> list[Problem]:
    """An id is unique within its file and is none of the ids the pages use themselves."""
    problems = []
    if record_id in seen:
        problems.append(Problem(file, line, f"{noun} id '{record_id}' is already used on line {seen[record_id]}; ids must be unique"))
    if record_id in RESERVED_IDS:
        problems.append(Problem(file, line, f"{noun} id '{record_id}' is the id of a heading of the pages; choose another"))
    seen.setdefault(record_id, line)
    return problems


def _heading_id_clashes(seen: dict[str, int], file: str, noun: str) -> list[Problem]:
    """An id that is the one the pages give another record's heading (`HEADING_SUFFIXES`)."""
    suffix = HEADING_SUFFIXES.get(noun)
    if suffix is None:
        return []
    return [
        Problem(file, line, f"{noun} id '{record_id}' is the id the pages give the heading of {noun} '{base}'; choose another")
        for record_id, line in seen.items()
        if record_id.endswith(suffix) and (base := record_id.removesuffix(suffix)) in seen
    ]


def _one_of(record: Mapping, key: str, allowed: tuple[str, ...], file: str, what: str) -> list[Problem]:
    """A problem when `record[key]` is not one of the allowed values."""
    if record[key] in allowed:
        return []
    return [Problem(file, record.key_lines[key], f"{key} '{record[key]}' of {what} is not one of: {', '.join(allowed)}")]


def _parse_entries(data: Any, file: str, problems: list[Problem]) -> tuple[Entry, ...]:
    """Read `glossary.yml`: a list of entries with unique slug ids."""
    entries: list[Entry] = []
    for record, what, entry_id in _valid_records(data, file, "entry", schema.ENTRY, problems):
        problems += _one_of(record, "kind", KINDS, file, what)
        forms, form_lines = _forms(record, file, what, problems)
        sources = read_sources(record["sources"], file, what, record.key_lines["sources"], problems)
        entries.append(
            Entry(
                entry_id,
                record["term"].strip(),
                str(record["kind"]),
                forms,
                record["short"].strip(),
                record["definition"],
                sources,
                record["index_as"].strip() if "index_as" in record else None,
                record.line,
                _coords(record, file, what, problems),
                form_lines=form_lines,
                key_lines=record.key_lines,
                file=file,
            )
        )
    return tuple(entries)


def _coords(record: Mapping, file: str, what: str, problems: list[Problem]) -> tuple[float, float] | None:
    """A place's `coords: [latitude, longitude]` in decimal degrees, checked; other kinds may not have them."""
    if "coords" not in record:
        return None
    line = record.key_lines["coords"]
    value = record["coords"]
    example = "e.g. 'coords: [44.6, 33.53]' for Sevastopol"
    if record["kind"] != "place":
        problems.append(Problem(file, line, f"'coords' of {what} is only for places; remove it, or set 'kind: place'"))
        return None
    if len(value) != 2 or not all(isinstance(number, int | float) and not isinstance(number, bool) for number in value):
        problems.append(
            Problem(file, line, f"'coords' of {what} should be two numbers, [latitude, longitude] in decimal degrees, {example}")
        )
        return None
    lat, lon = float(value[0]), float(value[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):  # NaN fails both comparisons too
        problems.append(
            Problem(file, line, f"'coords' of {what} are out of range: latitude must be -90 to 90 and longitude -180 to 180, {example}")
        )
        return None
    return lat, lon


def _forms(record: Mapping, file: str, what: str, problems: list[Problem]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The surface forms of an entry (default: its term) and their lines; each is one line beginning with a letter or digit."""
    if "forms" not in record:
        return (record["term"].strip(),), (record.key_lines["term"],)
    forms = record["forms"]
    good: list[str] = []
    lines: list[int] = []
    for form, line in zip(forms, item_lines(forms, record.key_lines["forms"]), strict=True):
        if not isinstance(form, str) or not form.strip():
            problems.append(Problem(file, line, f"a form of {what} is empty or not text; list the words as they appear in the article"))
        elif "\n" in form or form != form.strip():
            problems.append(Problem(file, line, f"form '{form.strip()}' of {what} should be one line with no spaces around it"))
        elif not form[0].isalnum():
            problems.append(Problem(file, line, f"form '{form}' of {what} should begin with a letter or digit"))
        else:
            good.append(form)
            lines.append(line or record.line)
    if not forms:
        problems.append(Problem(file, record.key_lines["forms"], f"'forms' of {what} is empty; list at least one, or remove 'forms'"))
    return tuple(good), tuple(lines)


def _parse_notes(data: Any, file: str, problems: list[Problem]) -> tuple[Note, ...]:
    """Read `notes.yml`: editorial notes anchored by a quote of the article."""
    notes: list[Note] = []
    for record, what, note_id in _valid_records(data, file, "note", schema.NOTE, problems):
        problems += _one_of(record, "type", NOTE_TYPES, file, what)
        sources = read_sources(record["sources"], file, what, record.key_lines["sources"], problems)
        notes.append(
            Note(
                note_id,
                str(record["type"]),
                record["quote"],
                record["text"],
                sources,
                record.get("occurrence"),
                record.line,
                key_lines=record.key_lines,
            )
        )
    return tuple(notes)


def _parse_claims(data: Any, file: str, problems: list[Problem]) -> tuple[Claim, ...]:
    """Read `claims.yml`: the statements the article reports, each anchored by a quote."""
    claims: list[Claim] = []
    for record, what, claim_id in _valid_records(data, file, "claim", schema.CLAIM, problems):
        problems += _one_of(record, "form", CLAIM_FORMS, file, what)
        fields = {key: record[key].strip() if key != "quote" else record[key] for key in ("who", "what", "channel", "form", "quote")}
        claims.append(
            Claim(
                claim_id,
                **fields,
                entry=record.get("entry"),
                occurrence=record.get("occurrence"),
                line=record.line,
                key_lines=record.key_lines,
                **said_fields(record, file, what, problems),
            )
        )
    return tuple(claims)
