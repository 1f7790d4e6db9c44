"""`make bench`: measure the edition against the plain alternative and write BENCHMARK.md.

    python -m edition bench [--quick] [--output BENCHMARK.md]

A benchmark, not a test: it prints a table and rewrites the page, and never fails
because a target is missed (the table says so). `--quick` is a smoke run with
small inputs and one run of everything.
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from edition.bench.instructions import command_instructions, matcher_instructions
from edition.bench.lighthouse import CATEGORIES, KINDS, Report, run_lighthouse
from edition.bench.plain import write_plain_project, write_same_pages_project
from edition.bench.preview import time_reloads
from edition.bench.report import Row, at_least, at_most, kib, page, seconds, table
from edition.bench.scale import collection_rows
from edition.bench.sites import make_command, mkdocs_environment, peak_memory_kib, plain_build_command, time_make_target, time_site_builds
from edition.bench.synthetic import make_glossary, make_paragraphs, write_source
from edition.bench.throughput import Linearity, Throughput, measure, measure_linearity
from edition.bench.timing import ProcessTime
from edition.web.serve import serving

ROOT = Path(__file__).resolve().parents[3]
"""The project: its Makefile, mkdocs.yml and source/ are what the benchmark runs."""


@dataclass(frozen=True)
class Settings:
    """How big the inputs are and how many runs each median takes."""

    words: tuple[int, int]
    entries: tuple[int, int]
    matcher_runs: tuple[int, int]
    regex_runs: tuple[int, int]
    build_runs: int
    reload_runs: int
    lighthouse_runs: int
    memory_words: int
    memory_entries: int
    collection_documents: tuple[int, int]
    """The small and the large synthetic collection, whose times give how the build grows."""
    collection_runs: int
    pdf_documents: int
    """The documents of the collection whose PDFs are typeset (0: the large collection's)."""


FULL = Settings((10**5, 10**6), (100, 2000), (51, 11), (3, 1), 7, 3, 5, 1_950_000, 5000, (100, 1000), 3, 0)
QUICK = Settings((10**4, 10**5), (100, 2000), (3, 1), (1, 1), 1, 1, 1, 100_000, 500, (10, 40), 1, 10)


def both(time: ProcessTime) -> str:
    """CPU and wall-clock seconds of a build, CPU first."""
    return f"{seconds(time.cpu)}; {seconds(time.wall)}"


def describe_runs(settings: Settings) -> str:
    """How many runs each median took, as the page says it."""
    (small, large), (matcher_small, matcher_large), (regex_small, regex_large) = settings.words, settings.matcher_runs, settings.regex_runs
    return (
        f"the matcher {matcher_small} runs on {small:,} words and {matcher_large} on {large:,} (and {matcher_large} of each,"
        f" in turns, for the time per MB), the regex {regex_small} and {regex_large}; each site build {settings.build_runs};"
        f" the preview {settings.reload_runs} edits; Lighthouse {settings.lighthouse_runs} runs of each page"
    )


def machine() -> str:
    """The CPU model, the number of CPUs, the Python version and the load when the run began."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        names = [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        model = names[0] if names else model
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"{model}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}; load average at the start {load}"


def throughput_rows(results: list[Throughput]) -> list[Row]:
    """Matcher against regex for every case, then flatness in the number of entries."""
    rows = []
    for result in results:
        ratio = result.regex_seconds / result.matcher_seconds
        target, met = at_least(ratio, 2) if result.entries >= 2000 else ("", None)
        rows.append(
            Row(
                f"Matcher throughput, {result.words:,} words, {result.entries:,} entries",
                f"{result.megabytes / result.matcher_seconds:.1f} MB/s",
                f"{result.megabytes / result.regex_seconds:.1f} MB/s (one regex)",
                ratio,
                target,
                met,
            )
        )
    for words in sorted({result.words for result in results}):
        few, many = sorted((result for result in results if result.words == words), key=lambda result: result.entries)
        ratio = many.matcher_seconds / few.matcher_seconds
        target, met = at_most(ratio, 1.2)
        label = f"Matcher time, {few.entries:,} → {many.entries:,} entries ({words:,} words)"
        rows.append(Row(label, f"{seconds(few.matcher_seconds)} → {seconds(many.matcher_seconds)}", "", ratio, target, met))
        ratio = many.matcher_seconds_with_gc / few.matcher_seconds_with_gc
        label = f"… the same with the garbage collector running, as in a build ({words:,} words)"
        rows.append(Row(label, f"{seconds(few.matcher_seconds_with_gc)} → {seconds(many.matcher_seconds_with_gc)}", "", ratio))
    return rows


def linearity_row(linearity: Linearity) -> Row:
    """The matcher's time per MB on the larger text against the smaller: linear in the text when about 1."""
    (small, large), (small_time, large_time) = linearity.words, linearity.seconds_per_megabyte
    ratio = large_time / small_time
    label = f"Matcher time per MB, {small:,} → {large:,} words ({linearity.entries:,} entries, timed in turns)"
    return Row(label, "linear when ≈ 1", "", ratio, *at_most(ratio, 1.2))


def instruction_rows(words: int, entries: tuple[int, int]) -> list[Row]:
    """The matcher's instruction counts for the smaller and the larger glossary: its flatness, free of the machine's noise."""
    few, many = entries
    label = f"Matcher instructions, {few:,} → {many:,} entries ({words:,} words; callgrind, the same on a busy machine)"
    counts = [matcher_instructions(ROOT / "scripts", words, size) for size in entries]
    if counts[0] is None or counts[1] is None:
        return [Row(label, "not available (no valgrind)")]
    ratio = counts[1] / counts[0]
    return [Row(label, f"{counts[0] / 1e6:,.1f} M → {counts[1] / 1e6:,.1f} M", "", ratio, *at_most(ratio, 1.2))]


def build_instruction_rows(plain_config: Path, same_pages_config: Path, scratch: Path) -> list[Row]:
    """`make site` (its book kept), the same pages without the edition and the plain build in instructions, free of the machine's noise."""
    label = "Site build instructions: `make site`, PDF included, source unchanged (its book kept), against the plain build (callgrind)"
    edition = make_command(ROOT, "site", f"SITE={scratch / 'counted-site'}")
    plain = plain_build_command(plain_config, scratch / "counted-plain")
    same_pages = plain_build_command(same_pages_config, scratch / "counted-same-pages")
    ours = command_instructions(edition, ROOT, dict(os.environ))
    theirs = command_instructions(plain, plain_config.parent, mkdocs_environment())
    pages = command_instructions(same_pages, same_pages_config.parent, mkdocs_environment())
    if ours is None or theirs is None or pages is None:
        return [Row(label, "not available (no valgrind)")]
    ratio = ours / theirs
    return [
        Row(label, giga(ours), giga(theirs), ratio, *at_most(ratio, 1.2)),
        Row("… the edition's pages in a plain Material project against the plain article", giga(pages), giga(theirs), pages / theirs),
        Row("… `make site` against the same pages without the edition", giga(ours), giga(pages), ours / pages),
    ]


def giga(instructions: int) -> str:
    """An instruction count in billions, as the table gives it."""
    return f"{instructions / 1e9:,.2f} G"


def lighthouse_rows(edition: list[Report], plain: list[Report]) -> list[Row]:
    """Median Lighthouse scores and page weight of the article page, edition against plain."""
    budgets = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
    rows = []
    for category in CATEGORIES:
        ours = statistics.median(report.scores[category] for report in edition)
        theirs = statistics.median(report.scores[category] for report in plain)
        budget = budgets[category]
        rows.append(Row(f"Lighthouse {category}, article page", f"{ours:g}", f"{theirs:g}", None, f"≥ {budget}", ours >= budget))
    for label, field in (("transferred, gzip", "transfer_bytes"), ("uncompressed", "resource_bytes")):
        ours_bytes = int(statistics.median(getattr(report, field) for report in edition))
        plain_bytes = int(statistics.median(getattr(report, field) for report in plain))
        ratio = ours_bytes / plain_bytes
        target, met = at_most(ratio, 1.0) if field == "transfer_bytes" else ("", None)
        rows.append(Row(f"Page weight of the article page ({label})", kib(ours_bytes), kib(plain_bytes), ratio, target, met))
    for kind in KINDS:
        ours_bytes = int(statistics.median(report.transfer_by_kind[kind] for report in edition))
        plain_bytes = int(statistics.median(report.transfer_by_kind[kind] for report in plain))
        rows.append(Row(f"… of which {kind} (transferred, gzip)", kib(ours_bytes), kib(plain_bytes)))
    return rows


def measure_lighthouse(edition_site: Path, plain_site: Path, runs: int) -> tuple[list[Report], list[Report]]:
    """Lighthouse on both article pages, in turns, each served from loopback."""
    edition: list[Report] = []
    plain: list[Report] = []
    with serving(edition_site) as edition_url, serving(plain_site) as plain_url:
        for _ in range(runs):
            edition.append(run_lighthouse(ROOT, edition_url + "article/"))
            plain.append(run_lighthouse(ROOT, plain_url + "article/"))
    return edition, plain


def compare(label: str, ours: ProcessTime, theirs: ProcessTime, target: float | None = None) -> Row:
    """A row of two builds side by side, CPU then wall seconds, with the ratio of CPU seconds and its target if it has one."""
    ratio = ours.cpu / theirs.cpu
    judged = at_most(ratio, target) if target is not None else ("", None)
    return Row(f"{label} (CPU; wall)", both(ours), both(theirs), ratio, *judged)


def site_rows(settings: Settings, scratch: Path) -> list[Row]:
    """`make site` against the plain build, `make pdf`, and the preview's edit-to-reload time."""
    plain_config = write_plain_project(scratch / "plain", ROOT / "source")
    same_pages_config = write_same_pages_project(scratch / "same-pages", ROOT / "source", ROOT / "mkdocs.yml")
    builds = time_site_builds(ROOT, plain_config, same_pages_config, scratch, settings.build_runs)
    with_pdf = any((scratch / "edition-site").glob("*.pdf"))
    label = "Site build: `make site` against `mkdocs build` of the plain article"
    if with_pdf:
        label = "Site build: `make site`, PDF included, source unchanged (its book kept), against `mkdocs build` of the plain article"
    rows = [compare(label, builds.edition, builds.plain, 1.2)]
    if with_pdf:
        label = "Site build after an edit to `source/` (a line added to glossary.yml): the book typeset again"
        rows.append(compare(label, builds.edited, builds.plain, 1.2))
        label = "Site build without the PDF: `make site` with `build_site.py --no-pdf` against the plain one"
        rows.append(compare(label, builds.without_pdf, builds.plain, 1.2))
        label = "… the same, first build (no compiled templates or trimmed stylesheets kept from an earlier one)"
        rows.append(compare(label, builds.without_pdf_cold, builds.plain))
    label = "Site build, MkDocs step alone (no PDF): `mkdocs build` with the edition's hook against the plain one"
    rows.append(compare(label, builds.mkdocs_step, builds.plain))
    label = "The edition's pages in a plain Material project (no hook, no overrides) against the plain article"
    rows.append(compare(label, builds.same_pages, builds.plain))
    label = "What the edition adds to MkDocs: the MkDocs step alone against the same pages without the edition"
    rows.append(compare(label, builds.mkdocs_step, builds.same_pages))
    rows += build_instruction_rows(plain_config, same_pages_config, scratch)
    pdf = time_make_target(ROOT, "pdf", settings.build_runs, f"SITE={scratch / 'pdf-site'}")
    rows.append(Row("`make pdf` (CPU; wall)", "not available" if pdf is None else both(pdf)))
    reload = time_reloads(ROOT, scratch, settings.reload_runs)
    rows.append(Row("Preview: glossary.yml saved → article page served with the edit", seconds(reload)))
    edition, plain = measure_lighthouse(scratch / "edition-site", scratch / "plain-site", settings.lighthouse_runs)
    return rows + lighthouse_rows(edition, plain)


def memory_rows(settings: Settings, scratch: Path) -> list[Row]:
    """Peak memory of generating the pages of a large synthetic article with a large glossary."""
    glossary = make_glossary(settings.memory_entries)
    paragraphs = make_paragraphs(settings.memory_words, glossary)
    source = write_source(scratch / "large-source", paragraphs, glossary)
    megabytes = (source / "article.txt").stat().st_size / 1e6
    command = [sys.executable, "-m", "edition", "docs", "--source", str(source), "--out", str(scratch / "large-docs")]
    peak = peak_memory_kib(command, ROOT, dict(os.environ))
    label = f"Peak memory (max RSS), generating a {megabytes:.1f} MB article with {settings.memory_entries:,} entries"
    return [Row(label, f"{peak / 1024:,.0f} MiB", "", None, "bounded", None)]


NOTES = [
    "Matcher: `find_occurrences` (scripts/edition/pages/matcher.py, as the pipeline calls it) on synthetic"
    " text from a seeded generator (scripts/edition/bench/synthetic.py): made-up capitalised names of one to"
    " three words as forms (some extending another form), lower-case filler words, one form about every"
    " twelve words and a near miss (a multi-word form's first word alone, never a form itself) every"
    " fifty, so a larger glossary does not mean more mentions. The obvious approach is one `re`"
    " alternation of every form, longest first, between `(?<!\\w)` and `(?!\\w)`, compiled and run over"
    " every paragraph. Both must find exactly the same occurrences, or the benchmark stops. Each run is"
    " timed in CPU seconds with the garbage collector paused, as `timeit` does, so that a collection over"
    " the benchmark's own large heap does not land in one run and not the next; the flatness rows are also"
    " given with it running, as it does in a build. MB/s counts UTF-8 bytes of article text. Because the"
    " machine's noise is as large as the effect, the matcher's instructions are also counted, with"
    " valgrind's callgrind (scripts/edition/bench/instructions.py): one call on the smaller text, setup"
    " subtracted.",
    "Site build: `make site` (build_site.py: `mkdocs build --strict` with the edition's hook, in its own"
    " process, into a temporary folder, while a second process typesets the PDF) against `mkdocs build` of"
    " a plain Material project with the same title and paragraphs as one page (scripts/edition/bench/plain.py:"
    " same theme, `font: false`, no hook, no overrides); the plain site has two pages. `make site` keeps"
    " each book it typesets, named by a digest of all its inputs (scripts/edition/book/inputs.py), and"
    " copies it when a build would typeset the same book again: it is timed on the unchanged source, after"
    " one untimed build, and on a copy of the source with a comment line added to glossary.yml before each"
    " run, which typesets the book again as any edit does. The site is also"
    " timed without the PDF (`build_site.py --no-pdf`), and the MkDocs step alone. To tell what the"
    " edition's machinery costs from what its extra pages cost, the edition's generated and hand-written"
    " pages are also built in a plain Material project with the same Markdown extensions and no hook,"
    " overrides, CSS or JavaScript. The edition's build ends by trimming Material's stylesheets to the"
    " rules its pages can use (PurgeCSS, scripts/edition/web/stylesheets.py); the plain builds do not. The"
    " edition keeps Material's compiled templates between builds (Jinja's bytecode cache) and the"
    " trimmed stylesheets while the pages' classes and attributes are unchanged, both in the system's"
    " temp folder; the first build, with both caches empty, is timed too. It also lists the theme's"
    " files without walking Material's 14,000 icons, which no build copies (scripts/edition/web/themeenv.py);"
    " the plain builds walk them. Every build runs as on a default Python setup, which keeps compiled"
    " modules: the benchmark unsets `PYTHONDONTWRITEBYTECODE` where the machine sets it. Ratios are of"
    " CPU seconds (all child processes), which a busy machine disturbs less than wall time. Even so they"
    " move by a fifth or more from one run of the benchmark to the next, so the instructions of `make"
    " site` (its book kept), of the plain build and of the same pages built plain, every process"
    " included but Pagefind's indexer (it hangs under valgrind; the plain build's search index is counted),"
    " are also counted with callgrind.",
    "`make pdf` is timed only when the Makefile has that target.",
    "Collections (scripts/edition/bench/scale.py): a synthetic collection of ~600-word documents with 3 notes and"
    " 3 claims each and 2,000 shared glossary entries (`python -m edition synthetic-collection --documents N --out DIR`"
    " writes the same one, and its plain twin with `--plain DIR`), built by `python -m edition site --no-pdf`"
    " against `mkdocs build` of a plain Material project of the same texts configured for scale: nav sections"
    " of 100 with `navigation.prune`, the search plugin, `font: false`. Times are medians of runs in turns; the"
    " ratio is of wall-clock seconds. Sizes count every file's bytes. The PDFs are typeset by `python -m edition"
    " pdf` into an empty cache, then again after one document's notes.yml changed.",
    "Preview: `make preview` in a temporary copy of the project on a free 127.0.0.1 port; the clock runs"
    " from writing source/glossary.yml to the article page served with the edit (polled every 20 ms).",
    "Lighthouse 13.5 (npm) with Debian's Chromium, mobile defaults (simulated Slow 4G, 4× CPU slowdown),"
    " on the article page of each site served from 127.0.0.1 by a static server that gzips text, as"
    " static hosts do (scripts/edition/web/serve.py). Page weight is what Lighthouse saw the page load:"
    " HTML, CSS, JavaScript, the search index and the favicon. Performance scores move with the"
    " machine's load; the others do not.",
    "Peak memory: the largest resident set of `build_edition.py` (load, match, render, write) run as a"
    " child process on a synthetic article and glossary, read with `getrusage(RUSAGE_CHILDREN)`. The whole"
    " site of so large an article is not built here: Python-Markdown alone takes minutes over it.",
    "Why the site build costs more than the plain one: the edition reads, checks and annotates its source"
    " and renders ten pages (article, glossary, names, notes, who said what, map, timeline, home, about,"
    " this one) to the plain site's two, most of them longer than the article; the same-pages rows show"
    " how much of the difference is the pages themselves and how much the edition's hook and templates.",
    "What the article page weighs: it carries the edition. The definitions travel in the HTML (as"
    " tooltips and as footnotes), the colour-scheme stylesheet serves the light/dark switch, and the"
    " edition has its own CSS and JavaScript. Against that, Material's stylesheets are trimmed to the"
    " rules the site can use, the icon is written into the page instead of fetched, the corrections'"
    " schema.org data is on the notes page that publishes them, and the search index (every page's text)"
    " is fetched only when a reader opens search, where the plain site fetches it with every page. The"
    " breakdown rows show where the bytes go.",
]


def benchmark(*, quick: bool = False, output: Path | None = None) -> int:
    """Measure everything, print the table and write the report (`output`, by default the project's)."""
    settings = QUICK if quick else FULL
    output = output or ROOT / "BENCHMARK.md"
    # Builds run as on a default Python setup, which keeps compiled modules (__pycache__);
    # some machines turn that off for every process, which only the edition's own modules
    # would pay for (the installed packages were compiled when pip installed them).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    about = machine()
    results = []
    for words, matcher_runs, regex_runs in zip(settings.words, settings.matcher_runs, settings.regex_runs, strict=True):
        results += measure(words, settings.entries, matcher_runs, regex_runs)
    rows = throughput_rows(results)
    rows.append(linearity_row(measure_linearity(settings.words, max(settings.entries), settings.matcher_runs[1])))
    rows += instruction_rows(settings.words[0], settings.entries)
    with tempfile.TemporaryDirectory(prefix="bench.") as folder:
        rows += site_rows(settings, Path(folder))
        rows += memory_rows(settings, Path(folder))
        rows += collection_rows(
            settings.collection_documents, settings.collection_runs, Path(folder),
            pdf_documents=settings.pdf_documents, lighthouse_runs=settings.lighthouse_runs, reload_runs=settings.reload_runs,
        )  # fmt: skip
    sys.stdout.write(table(rows))
    runs = describe_runs(settings) + (" (a `--quick` smoke run)." if quick else ".")
    output.write_text(page(about, runs, rows, NOTES), encoding="utf-8")
    sys.stdout.write(f"wrote {output}\n")
    return 0
