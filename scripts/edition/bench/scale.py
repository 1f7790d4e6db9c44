"""The collection at scale: the edition of a synthetic collection against plain Material built from the same texts.

The synthetic collection (`bench.collection.write_synthetic_collection`) has ~600 words,
3 notes and 3 claims per document and 2,000 shared glossary entries; the plain project
(`write_plain_collection`) has the same texts, in nav sections of 100 with
`navigation.prune` and Material's search plugin, as anyone configuring Material for scale
would. Both are built in the same run, in turns, into fresh folders.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
from pathlib import Path

from edition.bench.collection import write_plain_collection, write_synthetic_collection
from edition.bench.lighthouse import CATEGORIES, Report, run_lighthouse
from edition.bench.preview import time_collection_reloads
from edition.bench.report import Row, at_most, kib, seconds
from edition.bench.sites import mkdocs_environment, peak_memory_kib, plain_build_command, run
from edition.bench.timing import ProcessTime, process_medians_in_turns
from edition.web.serve import serving

ROOT = Path(__file__).resolve().parents[3]


def folder_bytes(folder: Path) -> int:
    """The bytes of every file under `folder`."""
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def edition_site_command(source: Path, site: Path, *, pdf: bool = False) -> list[str]:
    """`python -m edition site` of a source folder, as `make site` runs it."""
    command = [sys.executable, "-m", "edition", "site", "--source", str(source), "--site", str(site), "--config", str(ROOT / "mkdocs.yml")]
    return command if pdf else [*command, "--no-pdf"]


def both(time: ProcessTime) -> str:
    """Wall-clock then CPU seconds of a build."""
    return f"{time.wall:.1f} s wall; {time.cpu:.1f} s CPU"


def collection_rows(
    documents: tuple[int, int], runs: int, scratch: Path, *, pdf_documents: int, lighthouse_runs: int = 1, reload_runs: int = 1
) -> list[Row]:
    """Build the small and the large collection and their plain twins; compare time, size, page weight, memory, preview and PDFs."""
    small, large = documents
    environment = mkdocs_environment()
    sources = {count: write_synthetic_collection(scratch / f"collection-{count}", count) for count in documents}
    plains = {count: write_plain_collection(scratch / f"plain-{count}", sources[count]) for count in documents}
    sites = {count: scratch / f"edition-site-{count}" for count in documents}
    plain_sites = {count: scratch / f"plain-site-{count}" for count in documents}
    actions = [
        lambda: run(edition_site_command(sources[large], sites[large]), ROOT, environment),
        lambda: run(plain_build_command(plains[large], plain_sites[large]), plains[large].parent, environment),
        lambda: run(edition_site_command(sources[small], sites[small]), ROOT, environment),
    ]
    ours, theirs, ours_small = process_medians_in_turns(actions, runs)
    growth = ours.wall / ours_small.wall
    rows = [
        Row(f"Collection of {large:,} documents: `make site` without PDFs against plain Material", both(ours), both(theirs),
            ours.wall / theirs.wall, *at_most(ours.wall / theirs.wall, 1.0)),
        Row(f"… {small:,} documents to {large:,}: wall time grows by", both(ours_small), "", growth, *at_most(growth, 11.0)),
    ]  # fmt: skip
    size, plain_size = folder_bytes(sites[large]), folder_bytes(plain_sites[large])
    smaller = size / plain_size
    rows.append(Row(f"Site size, {large:,} documents (every file)", kib(size), kib(plain_size), smaller, *at_most(smaller, 0.5)))
    page = statistics.median((path / "index.html").stat().st_size for path in sites[large].glob("document-*"))
    plain_page = statistics.median(path.stat().st_size for path in plain_sites[large].glob("sec-*/*/index.html"))
    small_enough = page <= 40 * 1024
    rows.append(Row("A document's page (HTML, median)", kib(int(page)), kib(int(plain_page)), page / plain_page, "≤ 40 KiB", small_enough))
    index = (plain_sites[large] / "search" / "search_index.json").stat().st_size
    bundle = folder_bytes(sites[large] / "pagefind")
    rows += [
        Row("Search data every page loads (edition: none; Pagefind's chunks are fetched by the search page)", "0 KiB", kib(index)),
        Row("… Pagefind's whole bundle on disk (fetched in chunks, only by the search page)", kib(bundle)),
    ]
    peak = peak_memory_kib(edition_site_command(sources[large], scratch / "memory-site"), ROOT, environment)
    fits = peak <= 1.5 * 1024 * 1024
    rows.append(Row(f"Peak memory of `make site`, {large:,} documents (max RSS)", f"{peak / 1024:,.0f} MiB", "", None, "≤ 1.5 GiB", fits))
    reload = time_collection_reloads(ROOT, sources[large], scratch, reload_runs)
    rows.append(
        Row(f"Preview, {large:,} documents: one document's notes.yml saved → its page served with the edit", seconds(reload), "",
            None, "≤ 3 s", reload <= 3.0)
    )  # fmt: skip
    rows += lighthouse_rows(sites[large], plain_sites[large], lighthouse_runs)
    return rows + pdf_rows(sources[large], pdf_documents, scratch)


def lighthouse_rows(site: Path, plain_site: Path, runs: int) -> list[Row]:
    """Lighthouse (mobile) on the first document's page of each site: scores and what the page transfers."""
    first = sorted(site.glob("document-*"))[0].name
    plain_page = sorted(plain_site.glob(f"sec-*/{first}"))[0].relative_to(plain_site).as_posix()
    ours: list[Report] = []
    theirs: list[Report] = []
    with serving(site) as url, serving(plain_site) as plain_url:
        for _ in range(runs):
            ours.append(run_lighthouse(ROOT, f"{url}{first}/"))
            theirs.append(run_lighthouse(ROOT, f"{plain_url}{plain_page}/"))
    rows = []
    for category in CATEGORIES:
        mine = statistics.median(report.scores[category] for report in ours)
        plain = statistics.median(report.scores[category] for report in theirs)
        budget = 98 if category == "performance" else 100
        rows.append(
            Row(
                f"Lighthouse {category}, a document's page of the large collection",
                f"{mine:g}",
                f"{plain:g}",
                None,
                f"≥ {budget}",
                mine >= budget,
            )
        )
    transfer = int(statistics.median(report.transfer_bytes for report in ours))
    plain_transfer = int(statistics.median(report.transfer_bytes for report in theirs))
    fits = transfer <= 150 * 1024
    rows.append(
        Row(
            "… what it transfers at load (gzip), search included",
            kib(transfer),
            kib(plain_transfer),
            transfer / plain_transfer,
            "≤ 150 KiB",
            fits,
        )
    )
    return rows


def pdf_rows(source: Path, documents: int, scratch: Path) -> list[Row]:
    """A collection's PDFs typeset from nothing, then again after one document's notes changed."""
    folder = write_synthetic_collection(scratch / "pdf-collection", documents) if documents else source
    environment = {**os.environ, "XDG_CACHE_HOME": str(scratch / "pdf-cache")}
    command = [sys.executable, "-m", "edition", "pdf", "--source", str(folder), "--out", str(scratch / "pdfs")]
    cold = process_medians_in_turns([lambda: run(command, ROOT, environment)], 1)[0]
    notes = sorted((folder / "documents").glob("*/notes.yml"))[0]
    notes.write_text(notes.read_text(encoding="utf-8").replace("text: ", "text: Revised. ", 1), encoding="utf-8")
    again = process_medians_in_turns([lambda: run(command, ROOT, environment)], 1)[0]
    shutil.rmtree(scratch / "pdfs", ignore_errors=True)
    count = len(list((folder / "documents").iterdir()))
    label = f"PDFs of {count:,} documents from nothing, one process per core ({os.cpu_count()} here)"
    return [
        Row(label, both(cold), "", None, "≤ 15 min", cold.wall <= 900),
        Row("… again after one document's notes changed (that one typeset, the others kept)", both(again)),
    ]
