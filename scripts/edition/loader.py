"""Load a source folder and validate it once, reporting every problem together.

A source folder holds `article.txt` (paragraphs separated by blank lines),
`edition.yml`, `glossary.yml` and, optionally, `notes.yml`, `claims.yml`,
`timeline.yml` and the map's data, `map/region.json`. `read_source` is
the only function here that touches the disk; `parse_source` is pure.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import Any

from . import schema
from .anchors import count_quote, locate
from .basemap import BASEMAP, parse_basemap
from .errors import Problem, SourceError
from .model import KINDS, Change, Claim, Edition, Entry, Metadata, Note, Original, Source
from .safety import first_control_character, is_safe_url, markdown_problems
from .timeline import parse_timeline
from .yamlfile import Mapping, load_yaml

ARTICLE = "article.txt"
EDITION = "edition.yml"
GLOSSARY = "glossary.yml"
NOTES = "notes.yml"
CLAIMS = "claims.yml"
TIMELINE = "timeline.yml"
REQUIRED_FILES = (ARTICLE, EDITION, GLOSSARY)
OPTIONAL_FILES = (NOTES, CLAIMS, TIMELINE, BASEMAP)

NOTE_TYPES = ("correction", "context", "attribution", "since-publication")
CLAIM_FORMS = ("quoted", "partly-quoted", "paraphrased")

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")

BLANK_LINES = re.compile(
    r"""
    \n                  # the end of a paragraph's last line
    (?:[ \t]*\n)+       # one or more lines holding nothing but spaces or tabs
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class SourceFiles:
    """The raw contents of a source folder, keyed by file name, with the names to report."""

    folder: str
    contents: dict[str, bytes]

    def name(self, file: str) -> str:
        """The path an editor recognizes, e.g. `source/glossary.yml`."""
        return f"{self.folder.rstrip('/')}/{file}"


def load_source(folder: Path | str) -> Edition:
    """Read and validate a source folder; raise `SourceError` listing every problem.

    The files are read every time; parsing them is skipped when they hold the same bytes
    as at the last successful call, as when the site build and then the MkDocs hook, in one
    process, load the same folder (by a relative and an absolute path: the folder's name
    only goes into error messages, never into the edition).
    """
    global _last
    files = read_source(folder)
    contents = tuple(files.contents.items())
    if _last is None or _last[0] != contents:
        _last = contents, parse_source(files)
    return _last[1]


_last: tuple[tuple[tuple[str, bytes], ...], Edition] | None = None
"""The bytes of the last folder parsed and its edition (immutable, so shared safely)."""


def read_source(folder: Path | str) -> SourceFiles:
    """Read the source files; a missing folder or required file is a `SourceError`."""
    path = Path(folder)
    if not path.is_dir():
        raise SourceError(
            [Problem(str(folder), None, "source folder not found; pass the folder that holds article.txt, edition.yml and glossary.yml")]
        )
    missing = [name for name in REQUIRED_FILES if not (path / name).is_file()]
    if missing:
        raise SourceError(Problem(f"{folder}/{name}", None, "file not found; every source folder needs it") for name in missing)
    names = [*REQUIRED_FILES, *(name for name in OPTIONAL_FILES if (path / name).is_file())]
    return SourceFiles(str(folder), {name: (path / name).read_bytes() for name in names})


def parse_source(files: SourceFiles) -> Edition:
    """Turn raw source files into an `Edition`, or raise `SourceError` with every problem."""
    problems: list[Problem] = []
    texts = {name: _decode(data, files.name(name), problems) for name, data in files.contents.items()}
    paragraphs = split_paragraphs(texts[ARTICLE] or "")
    if texts[ARTICLE] is not None and not paragraphs:
        problems.append(Problem(files.name(ARTICLE), None, "the article is empty; paste the text, paragraphs separated by blank lines"))
    control = first_control_character(texts[ARTICLE] or "")
    if control:
        line, code = control
        problems.append(Problem(files.name(ARTICLE), line, f"control character {code} cannot be shown on a web page; delete it"))
    metadata = _parse_metadata(_yaml(texts[EDITION], files.name(EDITION), problems), files.name(EDITION), problems)
    entries = _parse_entries(_yaml(texts[GLOSSARY], files.name(GLOSSARY), problems), files.name(GLOSSARY), problems)
    notes = _parse_notes(_yaml(texts.get(NOTES, "[]"), files.name(NOTES), problems), files.name(NOTES), problems)
    claims = _parse_claims(_yaml(texts.get(CLAIMS, "[]"), files.name(CLAIMS), problems), files.name(CLAIMS), problems)
    problems += check_shared_forms(entries, files.name(GLOSSARY))
    if paragraphs:  # quotes can only be checked against a readable, non-empty article
        problems += check_quotes(notes, paragraphs, files.name(NOTES), "note")
        problems += check_quotes(claims, paragraphs, files.name(CLAIMS), "claim")
    timeline = parse_timeline(
        _yaml(texts.get(TIMELINE, "[]"), files.name(TIMELINE), problems),
        files.name(TIMELINE),
        problems,
        paragraphs=len(paragraphs),
        note_ids={note.id for note in notes},
        read_sources=_sources,
    )
    basemap_text = texts.get(BASEMAP)
    basemap = parse_basemap(basemap_text, files.name(BASEMAP), problems) if basemap_text else None
    if not problems:
        problems += check_claims(claims, {entry.id for entry in entries}, paragraphs, files.name(CLAIMS))
    if problems or metadata is None:
        raise SourceError(problems)
    return Edition(metadata, paragraphs, entries, notes, claims, timeline, basemap)


def split_paragraphs(text: str) -> tuple[str, ...]:
    """Split article text into paragraphs at blank lines, keeping each paragraph's text as typed."""
    body = text.strip("\n")
    if not body.strip():
        return ()
    return tuple(part for part in BLANK_LINES.split(body) if part.strip())


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
    try:
        return load_yaml(text, file)
    except SourceError as error:
        problems.extend(error.problems)
        return None


def _sources(value: Any, file: str, what: str, line: int | None, problems: list[Problem]) -> tuple[Source, ...]:
    """Read a list of `{title, url?}` sources; at least one is required."""
    if not value:
        problems.append(Problem(file, line, f"{what} has no sources; add at least one '- title: …' under 'sources'"))
        return ()
    sources = []
    for item in value:
        found = schema.check_record(item, schema.SOURCE, file, f"a source of {what}", getattr(item, "line", line))
        problems += found
        if not found:
            url = schema.text(item["url"]) if item.get("url") else None
            if url is not None and not is_safe_url(url):
                problems.append(
                    Problem(file, item.key_lines["url"], f"url '{url}' of a source of {what} should start with https:// or http://")
                )
            sources.append(Source(schema.text(item["title"]), url))
    return tuple(sources)


def _parse_metadata(data: Any, file: str, problems: list[Problem]) -> Metadata | None:
    """Read `edition.yml`: title, language, the original's details, editors, license."""
    if data is None:
        return None
    found = schema.check_record(data, schema.EDITION, file, "the edition", 1)
    if not found:
        found = schema.check_record(data["source"], schema.ORIGINAL, file, "'source'", data.key_lines["source"])
    problems += found
    if found:
        return None
    original = Original(**{key: None if value is None else schema.text(value) for key, value in data["source"].items()})
    editors = tuple(schema.text(editor) for editor in data["editors"])
    changelog = _changelog(data.get("changelog", []), file, problems)
    return Metadata(
        title=schema.text(data["title"]),
        language=schema.text(data["language"]),
        original=original,
        editors=editors,
        license=schema.text(data["license"]),
        description=schema.text(data.get("description", "")),
        version=schema.text(data.get("version", "")),
        date=schema.text(data.get("date", "")),
        changelog=changelog,
    )


def _changelog(items: list[Any], file: str, problems: list[Problem]) -> tuple[Change, ...]:
    """Read the changelog: a list of `{version, date, text}`, newest first."""
    changes = []
    for item in items:
        found = schema.check_record(item, schema.CHANGE, file, "a changelog item", getattr(item, "line", None))
        problems += found
        if not found:
            changes.append(Change(schema.text(item["version"]), schema.text(item["date"]), schema.text(item["text"])))
    return tuple(changes)


def _valid_records(
    data: Any, file: str, noun: str, spec: tuple[schema.Key, ...], problems: list[Problem]
) -> Iterator[tuple[Mapping, str, str]]:
    """The records of a list file that have the keys and types `spec` asks for and a good id.

    Yields each with the phrase naming it in messages ("note 'kerch'") and its id; the
    problems of the others go into `problems`, so every one is reported in one run.
    """
    if data is None:
        return
    if not isinstance(data, list):
        problems.append(Problem(file, None, f"should be a list of {noun} records, each starting with '- id: …'"))
        return
    seen: dict[str, int] = {}
    for record in data:
        what = f"{noun} '{record.get('id')}'" if isinstance(record, dict) else f"a {noun}"
        found = schema.check_record(record, spec, file, what, None)
        if found:
            problems += found
            continue
        record_id = schema.text(record["id"])
        problems += _check_id(record_id, seen, file, record.key_lines["id"], noun)
        yield record, what, record_id


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
        forms = _forms(record, file, what, problems)
        short = schema.text(record["short"])
        if "\n" in short.strip() or not short.strip():
            problems.append(Problem(file, record.key_lines["short"], f"'short' of {what} should be one non-empty line (it is the tooltip)"))
        sources = _sources(record["sources"], file, what, record.key_lines["sources"], problems)
        problems += _markdown(record, "definition", file, what)
        index_as = schema.text(record["index_as"]) if "index_as" in record else None
        entries.append(
            Entry(
                entry_id,
                schema.text(record["term"]),
                str(record["kind"]),
                forms,
                short.strip(),
                schema.text(record["definition"]),
                sources,
                index_as,
                record.line,
                _coords(record, file, what, problems),
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
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        problems.append(
            Problem(file, line, f"'coords' of {what} are out of range: latitude must be -90 to 90 and longitude -180 to 180, {example}")
        )
        return None
    return lat, lon


def _markdown(record: Mapping, key: str, file: str, what: str) -> list[Problem]:
    """Problems with the Markdown of a definition or note: disallowed elements, unsafe links."""
    return [Problem(file, record.key_lines[key], f"'{key}' of {what} {phrase}") for phrase in markdown_problems(schema.text(record[key]))]


def _check_id(entry_id: str, seen: dict[str, int], file: str, line: int, what: str) -> list[Problem]:
    """An id is a lowercase slug and unique within its file."""
    problems = []
    if not ID_PATTERN.match(entry_id):
        problems.append(Problem(file, line, f"{what} id '{entry_id}' should be a slug of a-z, 0-9 and single hyphens, e.g. 'kerch-bridge'"))
    if entry_id in seen:
        problems.append(Problem(file, line, f"{what} id '{entry_id}' is already used on line {seen[entry_id]}; ids must be unique"))
    seen.setdefault(entry_id, line)
    return problems


def _forms(record: Mapping, file: str, what: str, problems: list[Problem]) -> tuple[str, ...]:
    """The surface forms of an entry (default: its term); each begins with a letter or digit."""
    forms = record.get("forms", [record["term"]])
    line = record.key_lines.get("forms", record.line)
    good = []
    for form in forms:
        if not isinstance(form, str) or not form.strip():
            problems.append(Problem(file, line, f"a form of {what} is empty or not text; list the words as they appear in the article"))
        elif not form[0].isalnum():
            problems.append(Problem(file, line, f"form '{form}' of {what} should begin with a letter or digit"))
        else:
            good.append(form)
    return tuple(good)


def check_shared_forms(entries: tuple[Entry, ...], file: str) -> list[Problem]:
    """A form may belong to one entry only, or the matcher could not tell which is meant."""
    owner: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        for form in entry.forms:
            first = owner.setdefault(form, entry)
            if first is not entry:
                problems.append(
                    Problem(
                        file,
                        entry.line,
                        f"form '{form}' of entry '{entry.id}' is also a form of entry '{first.id}' (line {first.line}); keep it in one",
                    )
                )
    return problems


def _parse_notes(data: Any, file: str, problems: list[Problem]) -> tuple[Note, ...]:
    """Read `notes.yml`: editorial notes anchored by a quote of the article."""
    notes: list[Note] = []
    for record, what, note_id in _valid_records(data, file, "note", schema.NOTE, problems):
        problems += _one_of(record, "type", NOTE_TYPES, file, what)
        sources = _sources(record["sources"], file, what, record.key_lines["sources"], problems)
        problems += _markdown(record, "text", file, what)
        notes.append(
            Note(
                note_id,
                str(record["type"]),
                schema.text(record["quote"]),
                schema.text(record["text"]),
                sources,
                record.get("occurrence"),
                record.line,
            )
        )
    return tuple(notes)


def _parse_claims(data: Any, file: str, problems: list[Problem]) -> tuple[Claim, ...]:
    """Read `claims.yml`: the statements the article reports, each anchored by a quote."""
    claims: list[Claim] = []
    for record, what, claim_id in _valid_records(data, file, "claim", schema.CLAIM, problems):
        problems += _one_of(record, "form", CLAIM_FORMS, file, what)
        fields = {key: schema.text(record[key]) for key in ("who", "what", "channel", "form", "quote")}
        entry = schema.text(record["entry"]) if "entry" in record else None
        claims.append(Claim(claim_id, **fields, entry=entry, occurrence=record.get("occurrence"), line=record.line))
    return tuple(claims)


def check_quotes(items: tuple[Note, ...] | tuple[Claim, ...], paragraphs: tuple[str, ...], file: str, what: str) -> list[Problem]:
    """Each quote must occur in one paragraph: exactly once, or as often as `occurrence` asks."""
    problems = []
    for item in items:
        count = count_quote(item.quote, paragraphs)
        if count == 0:
            problems.append(
                Problem(
                    file,
                    item.line,
                    f"quote of {what} '{item.id}' is not in the article; copy the words exactly, quotes and apostrophes included",
                )
            )
        elif item.occurrence is None and count > 1:
            problems.append(
                Problem(file, item.line, f"quote of {what} '{item.id}' occurs {count} times; quote more words or add 'occurrence: N'")
            )
        elif item.occurrence is not None and not 1 <= item.occurrence <= count:
            problems.append(
                Problem(
                    file, item.line, f"{what} '{item.id}' asks for occurrence {item.occurrence} of its quote, which occurs {count} time(s)"
                )
            )
    return problems


def check_claims(claims: tuple[Claim, ...], entry_ids: set[str], paragraphs: tuple[str, ...], file: str) -> list[Problem]:
    """A claim's `entry` must be a glossary id, and two claims may not mark overlapping words."""
    problems = [
        Problem(
            file,
            claim.line,
            f"claim '{claim.id}' names entry '{claim.entry}', which is not in the glossary; use an entry id or drop 'entry'",
        )
        for claim in claims
        if claim.entry is not None and claim.entry not in entry_ids
    ]
    spans = sorted(((locate(claim.quote, claim.occurrence, paragraphs), claim) for claim in claims), key=lambda pair: astuple(pair[0]))
    for (first, earlier), (second, later) in itertools.pairwise(spans):
        if first.paragraph == second.paragraph and second.start < first.end:
            problems.append(
                Problem(
                    file,
                    later.line,
                    f"quote of claim '{later.id}' overlaps that of claim '{earlier.id}' (line {earlier.line}); shorten one",
                )
            )
    return problems
