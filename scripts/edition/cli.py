"""The command line, `python -m edition COMMAND`: read, call, write, and turn every failure into a message and an exit code.

| command | does |
|---|---|
| `new` | write a new source folder from commented templates, which builds at once |
| `check` | validate a source folder without building: every problem at once |
| `docs` | write the annotated Markdown pages into a docs folder |
| `site` | build the static site all or nothing, with the PDF |
| `pdf` | write the edition as a PDF |
| `preview` | serve the edition on 127.0.0.1 and rebuild it on every save |
| `map-data` | regenerate the locator map's base data from world-atlas |
| `bench` | measure the edition against the plain alternative (`make bench`) |
| `synthetic-collection` | write the benchmark's synthetic collection, to build or measure by hand |

Each option is declared once, here. Exit codes: 0 done, 1 the source has problems or
the build failed, 2 refused (a SITE the tool may not replace, a wrong option), 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from edition.errors import Problem, RefusedError, SourceError
from edition.pages.pipeline import build_pages, describe_summary, review
from edition.pages.review import place_warnings
from edition.pages.writer import write_pages
from edition.source import examine_source, load_source, read_source
from edition.source.scaffold import new_source, refuse_unless_new

PROGRAM = "edition"


def main(argv: list[str] | None = None) -> int:
    """Run one command; every failure the user can cause ends in one message and an exit code, never a traceback."""
    arguments = _parser().parse_args(argv)
    command: Callable[[argparse.Namespace], int] = arguments.run
    name = f"{PROGRAM} {arguments.command}"
    try:
        return command(arguments)
    except SourceError as error:
        print(f"{name}: {error}", file=sys.stderr)
        print("Nothing was written. Fix the problems above and run it again.", file=sys.stderr)
        return 1
    except RefusedError as error:
        print(f"{name}: refused: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        where = f" {error.filename}" if error.filename else ""
        print(f"{name}: cannot write{where}: {error.strerror or error}; nothing was replaced.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{name}: interrupted; nothing was replaced.", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    """The commands and their options, each option declared once."""
    source = argparse.ArgumentParser(add_help=False)
    source.add_argument("--source", type=Path, default=Path("source"), help="the source folder (default: source/)")
    site = argparse.ArgumentParser(add_help=False)
    site.add_argument("--site", type=Path, default=Path("site"), help="the site folder (default: site/)")
    config = argparse.ArgumentParser(add_help=False)
    config.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="the MkDocs configuration (default: mkdocs.yml)")
    fresh = argparse.ArgumentParser(add_help=False)
    fresh.add_argument(
        "--no-cache", dest="cache", action="store_false", help="use nothing kept by earlier builds (books, stylesheets, templates)"
    )

    parser = argparse.ArgumentParser(prog=PROGRAM, description="Build a digital edition of a news article from a source folder.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    new = commands.add_parser("new", parents=[source], help="write a new source folder from commented templates")
    new.add_argument("--collection", action="store_true", help="a collection: collection.yml, glossary.yml and documents/")
    new.set_defaults(run=run_new)

    check = commands.add_parser("check", parents=[source], help="check the source without building: every problem at once")
    check.set_defaults(run=run_check)

    docs = commands.add_parser("docs", parents=[source], help="write the annotated Markdown pages")
    docs.add_argument("--out", type=Path, default=Path("docs"), help="the docs folder to write into (default: docs/)")
    docs.set_defaults(run=run_docs)

    build = commands.add_parser("site", parents=[source, site, config, fresh], help="build the static site all or nothing")
    build.add_argument("--no-pdf", dest="pdf", action="store_false", help="build the pages only, without the PDF and its link")
    build.set_defaults(run=run_site)

    pdf = commands.add_parser("pdf", parents=[source, site, fresh], help="write the edition as a PDF, <site>/<slug>.pdf")
    pdf.add_argument(
        "--out", type=Path, default=None, help="the PDF file to write instead of <site>/<slug>.pdf (a collection's: the folder)"
    )
    pdf.add_argument("--jobs", type=int, default=None, help="a collection's books typeset at once (default: one per core)")
    pdf.set_defaults(run=run_pdf)

    preview = commands.add_parser("preview", parents=[source, config], help="serve the edition and rebuild it on every save")
    preview.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1, this machine only)")
    preview.add_argument("--port", type=int, default=8000, help="the port (default: 8000)")
    preview.set_defaults(run=run_preview)

    map_data = commands.add_parser("map-data", help="regenerate the map's base data from the npm package world-atlas")
    map_data.add_argument("--atlas", type=Path, default=Path("node_modules/world-atlas/countries-50m.json"), help="world-atlas TopoJSON")
    map_data.add_argument("--world", action="store_true", help="every country (the edition's own data) rather than one region")
    map_data.add_argument("--out", type=Path, default=None, help="the file to write (default: the edition's own, or map/region.json)")
    map_data.set_defaults(run=run_map_data)

    bench = commands.add_parser("bench", help="measure the edition against the plain alternative and write the report")
    bench.add_argument("--quick", action="store_true", help="a smoke run: small inputs, one run of everything")
    bench.add_argument("--output", type=Path, default=None, help="the report to write (default: BENCHMARK.md)")
    bench.set_defaults(run=run_bench)

    synthetic = commands.add_parser("synthetic-collection", help="write the benchmark's synthetic collection (and its plain twin)")
    synthetic.add_argument("--documents", type=int, default=1000, help="how many documents (default: 1000)")
    synthetic.add_argument("--entries", type=int, default=2000, help="how many shared glossary entries (default: 2000)")
    synthetic.add_argument("--out", type=Path, required=True, help="the source folder to write (new or empty)")
    synthetic.add_argument("--plain", type=Path, default=None, help="also write a plain Material project of the same texts here")
    synthetic.set_defaults(run=run_synthetic_collection)
    return parser


def run_new(arguments: argparse.Namespace) -> int:
    """Write a new source folder and say what to do next."""
    folder = arguments.source
    written = new_source(folder, collection=arguments.collection)
    print(f"wrote {', '.join(path.relative_to(folder).as_posix() for path in written)} into {folder}/")
    if arguments.collection:
        print(f"Next: fill in {folder}/collection.yml; for each document, a folder under {folder}/documents/ named by its address,")
        print("holding its article.txt and edition.yml (copy documents/first-document/, then rename it);")
    else:
        print(f"Next: paste the article into {folder}/article.txt, fill in {folder}/edition.yml,")
    print(f"then `make preview SOURCE={folder}` and write the glossary, notes and claims as you read.")
    return 0


def run_check(arguments: argparse.Namespace) -> int:
    """Print every problem with the source, errors and warnings, file:line first; exit 1 if there is any."""
    problems = check_source(arguments.source)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        errors = sum(problem.is_error for problem in problems)
        print(f"{_count(errors, 'error')} and {_count(len(problems) - errors, 'warning')} found.", file=sys.stderr)
        return 1
    print("source is valid: no problems found")
    return 0


def check_source(folder: Path) -> list[Problem]:
    """Every problem with a source folder: the errors that stop a build and the warnings it prints, in one pass."""
    try:
        files = read_source(folder)
    except SourceError as error:
        return list(error.problems)
    examined = examine_source(files)
    # The build's own warnings, from what examining kept: no page is rendered.
    return [
        *examined.problems,
        *review(examined.entries, examined.texts, collection=files.collection),
        *place_warnings(examined.entries, examined.basemap),
    ]


def _count(number: int, noun: str) -> str:
    """A count and its noun, singular or plural: "1 error", "2 warnings"."""
    return f"{number} {noun}{'s' if number != 1 else ''}"


def run_docs(arguments: argparse.Namespace) -> int:
    """Write the generated pages; print a summary, the warnings and what was written."""
    pages, summary = build_pages(load_source(arguments.source))
    written = write_pages(arguments.out, pages)
    for warning in summary.warnings:
        print(warning, file=sys.stderr)
    print(describe_summary(summary))
    print(f"wrote {', '.join(written)}" if written else "pages unchanged")
    return 0


def run_site(arguments: argparse.Namespace) -> int:
    """Build the static site (MkDocs and the typesetter are imported only here)."""
    from edition.web.site import build_site

    status = build_site(arguments.source, arguments.site, arguments.config, pdf=arguments.pdf, cache=arguments.cache)
    if status == 0:
        print(f"site written to {arguments.site}/")
    return status


def run_pdf(arguments: argparse.Namespace) -> int:
    """Typeset the edition as a PDF."""
    from edition.book.child import die_with_parent
    from edition.book.documents import write_document_books
    from edition.book.typeset import write_pdf

    die_with_parent()

    edition = load_source(arguments.source)
    if edition.collection:
        out = arguments.out or arguments.site
        typeset = write_document_books(edition, out, cache=arguments.cache, jobs=arguments.jobs)
        print(f"{len(edition.documents):,} PDFs written under {out}/ ({len(typeset):,} typeset, the others kept from earlier builds)")
        return 0
    target = write_pdf(arguments.source, arguments.out, site=arguments.site)
    print(f"PDF written to {target} ({target.stat().st_size:,} bytes)")
    return 0


def run_preview(arguments: argparse.Namespace) -> int:
    """Serve the edition until interrupted."""
    from edition.web.preview import serve_preview

    return serve_preview(arguments.source, arguments.config, host=arguments.host, port=arguments.port)


def run_map_data(arguments: argparse.Namespace) -> int:
    """Write the map's base data from world-atlas."""
    from edition.figures.mapdata import REGION, WORLD, WORLD_DATA, dumps, region

    if not arguments.atlas.is_file():
        print(f"{PROGRAM} map-data: {arguments.atlas} not found; run `npm ci` first", file=sys.stderr)
        return 1
    topology = json.loads(arguments.atlas.read_text(encoding="utf-8"))
    out = arguments.out or (WORLD_DATA if arguments.world else Path("source/map/region.json"))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(dumps(region(topology, WORLD if arguments.world else REGION)), encoding="utf-8", newline="\n")
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")
    return 0


def run_synthetic_collection(arguments: argparse.Namespace) -> int:
    """Write the synthetic collection the benchmark builds, and optionally its plain Material twin."""
    from edition.bench.collection import write_plain_collection, write_synthetic_collection

    for folder in (arguments.out, arguments.plain):
        if folder is not None:
            refuse_unless_new(folder)
    source = write_synthetic_collection(arguments.out, arguments.documents, entries=arguments.entries)
    print(f"wrote a collection of {arguments.documents:,} documents and {arguments.entries:,} glossary entries into {source}/")
    if arguments.plain is not None:
        config = write_plain_collection(arguments.plain, source)
        print(f"wrote its plain Material twin into {arguments.plain}/: build it with mkdocs build -f {config}")
    return 0


def run_bench(arguments: argparse.Namespace) -> int:
    """Run the benchmark; it prints its table and writes the report."""
    from edition.bench.run import benchmark

    return benchmark(quick=arguments.quick, output=arguments.output)
