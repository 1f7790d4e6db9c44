"""`make bench` on tiny inputs: its parts work and its table has the right shape (no timings asserted)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from edition.bench import run as bench
from edition.bench.instructions import command_instructions
from edition.bench.lighthouse import KINDS, Report, read_report
from edition.bench.plain import write_plain_project, write_same_pages_project
from edition.bench.preview import mark_glossary
from edition.bench.report import HEADER, Row, page, table
from edition.bench.sites import edit, has_make_target, mkdocs_environment, peak_memory_kib, plain_build_command
from edition.bench.synthetic import MENTION_EVERY, WORDS_PER_PARAGRAPH, make_glossary, make_paragraphs, write_source
from edition.bench.throughput import Linearity, alternation, measure, measure_linearity
from edition.bench.timing import ProcessTime, timed
from edition.pages.matcher import find_occurrences
from edition.source import load_source
from edition.web.serve import serving
from helpers import ROOT, SOURCE


def test_synthetic_sources_are_the_same_every_time() -> None:
    glossary = make_glossary(20)
    assert make_glossary(20) == glossary
    assert make_paragraphs(500, glossary) == make_paragraphs(500, make_glossary(20))


def test_synthetic_glossary_has_multi_word_forms_and_no_shared_form() -> None:
    glossary = make_glossary(200)
    assert len(glossary.entries) == 200
    assert len(set(glossary.forms)) == len(glossary.forms)
    assert any(" " in form for form in glossary.forms)


def test_synthetic_text_mentions_forms_at_the_same_rate_whatever_the_glossary_size() -> None:
    # A near miss that is itself a form would be one more mention, and more of them with a larger glossary.
    for size in (10, 2000):
        glossary = make_glossary(size)
        paragraphs = make_paragraphs(5000, glossary)
        mentions = len(range(0, WORDS_PER_PARAGRAPH, MENTION_EVERY)) * len(paragraphs)
        assert len(find_occurrences(paragraphs, glossary.entries)) == mentions


def test_a_synthetic_source_folder_loads_without_problems(tmp_path: Path) -> None:
    glossary = make_glossary(30)
    folder = write_source(tmp_path / "source", make_paragraphs(2000, glossary), glossary)
    edition = load_source(folder)
    assert len(edition.entries) == 30
    assert len(edition.document.paragraphs) > 1


def test_the_obvious_regex_takes_the_longest_form_as_a_whole_word() -> None:
    pattern = alternation(["Kalo", "Kalo Miru"])
    assert [found.group() for found in pattern.finditer("Kalo Miru, Kalos and Kalo.")] == ["Kalo Miru", "Kalo"]


def test_throughput_measures_both_approaches_on_every_glossary_size() -> None:
    results = measure(1000, (10, 40), runs=1, regex_runs=1)
    assert [result.entries for result in results] == [10, 40]
    assert all(result.occurrences > 0 and result.megabytes > 0 for result in results)
    assert all(result.matcher_seconds > 0 and result.matcher_seconds_with_gc > 0 for result in results)


def test_throughput_rows_compare_approaches_entries_and_text_sizes() -> None:
    results = measure(500, (10, 40), runs=1, regex_runs=1) + measure(1000, (10, 40), runs=1, regex_runs=1)
    rows = bench.throughput_rows(results)
    labels = [row.measurement for row in rows]
    assert len(rows) == 4 + 2 * 2
    assert labels[4] == "Matcher time, 10 → 40 entries (500 words)"
    assert labels[5] == "… the same with the garbage collector running, as in a build (500 words)"
    assert all(row.ratio is not None and row.ratio > 0 for row in rows)


def test_linearity_is_timed_on_both_text_sizes_and_judged_per_megabyte() -> None:
    linearity = measure_linearity((500, 5000), 40, runs=1)
    assert linearity.words == (500, 5000) and linearity.entries == 40
    assert all(seconds > 0 for seconds in linearity.seconds_per_megabyte)
    row = bench.linearity_row(Linearity(40, (500, 5000), (0.1, 0.13)))
    assert row.measurement == "Matcher time per MB, 500 → 5,000 words (40 entries, timed in turns)"
    assert row.ratio == 0.13 / 0.1 and row.met is False


def test_the_report_is_a_plain_markdown_file_with_the_table() -> None:
    rows = [Row("Site build", "1.000 s")]
    text = page("a machine", "5 runs.", rows, ["a note"])
    assert text.startswith("# Performance\n"), "BENCHMARK.md is read on the forge, not published: no front matter"
    assert table(rows) in text


def test_the_table_has_a_header_and_one_line_per_row_of_six_cells() -> None:
    rows = [Row("Site build", "1.000 s", "0.900 s", 1.11, "≤ 1.2×", True), Row("`make pdf`", "not available")]
    lines = table(rows).splitlines()
    assert lines[0] == "| " + " | ".join(HEADER) + " |"
    assert len(lines) == 2 + len(rows)
    assert all(line.count("|") == len(HEADER) + 1 for line in lines)
    assert lines[2] == "| Site build | 1.000 s | 0.900 s | 1.11× | ≤ 1.2× | yes |"


def test_the_plain_project_has_the_article_and_no_edition(tmp_path: Path) -> None:
    config = write_plain_project(tmp_path / "plain", SOURCE)
    article = (tmp_path / "plain" / "docs" / "article.md").read_text(encoding="utf-8")
    assert all(paragraph in article for paragraph in load_source(SOURCE).document.paragraphs)
    settings = config.read_text(encoding="utf-8")
    assert "hooks" not in settings
    assert "site_description" not in settings, "Material's defaults: the plain site has no meta description"


def test_a_build_comparison_is_a_ratio_of_cpu_seconds_judged_only_against_a_target() -> None:
    ours, theirs = ProcessTime(wall=2.0, cpu=1.1), ProcessTime(wall=1.0, cpu=1.0)
    judged = bench.compare("Build", ours, theirs, 1.2)
    assert (judged.measurement, judged.edition, judged.plain) == ("Build (CPU; wall)", "1.100 s; 2.000 s", "1.000 s; 1.000 s")
    assert (judged.ratio, judged.target, judged.met) == (1.1, "≤ 1.2×", True)
    assert bench.compare("Build", ours, theirs).target == "" and bench.compare("Build", ours, theirs).met is None
    assert bench.compare("Build", ours, theirs, 1.05).met is False


@pytest.mark.site
@pytest.mark.slow
def test_a_command_s_instructions_include_every_process_it_starts(tmp_path: Path) -> None:
    loop = "for _ in range(200_000): pass"
    alone = command_instructions([sys.executable, "-c", loop], tmp_path, dict(os.environ))
    nested = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {loop!r}], check=True)"
    with_child = command_instructions([sys.executable, "-c", nested], tmp_path, dict(os.environ))
    assert alone is not None and with_child is not None
    # The parent adds an interpreter's start, a fraction of the child's loop.
    assert with_child > alone


def test_a_timed_run_pauses_the_garbage_collector_and_turns_it_back_on() -> None:
    seconds, enabled_during = timed(gc.isenabled)
    assert enabled_during is False and seconds >= 0
    assert gc.isenabled()


@pytest.mark.site
def test_the_same_pages_project_builds_the_edition_s_pages_without_its_machinery(tmp_path: Path) -> None:
    config = write_same_pages_project(tmp_path / "same", SOURCE, ROOT / "mkdocs.yml")
    text = config.read_text(encoding="utf-8")
    assert "md_in_html" in text and "permalink: true" in text, "the edition's own Markdown extensions"
    assert all(word not in text for word in ("hooks", "custom_dir", "extra_css", "extra_javascript"))
    subprocess.run(plain_build_command(config, tmp_path / "site"), cwd=tmp_path, env=mkdocs_environment(), check=True, capture_output=True)
    built = {path.parent.name for path in (tmp_path / "site").glob("*/index.html")}
    assert {"article", "glossary", "names", "notes", "claims", "map", "timeline", "about"} <= built
    article = (tmp_path / "site" / "article" / "index.html").read_text(encoding="utf-8")
    assert 'id="fn:crimea"' in article and "edition.css" not in article


def test_a_benchmark_edit_never_gives_a_source_seen_before(tmp_path: Path) -> None:
    # Two bench runs start from the same source; the second must not find the first one's books kept.
    copies = [tmp_path / "first.yml", tmp_path / "second.yml"]
    for copy in copies:
        copy.write_text("- id: a\n", encoding="utf-8")
        edit(copy)
    first, second = (copy.read_text(encoding="utf-8") for copy in copies)
    assert first.startswith("- id: a\n# benchmark edit ") and first != second


def test_a_preview_edit_marks_the_first_short_definition_only() -> None:
    text = '- id: a\n  short: "First."\n- id: b\n  short: Second.\n'
    assert mark_glossary(text, "Edit 1") == '- id: a\n  short: "Edit 1 First."\n- id: b\n  short: Second.\n'


def test_the_loopback_server_gzips_text_and_serves_index_pages(tmp_path: Path) -> None:
    (tmp_path / "article").mkdir()
    (tmp_path / "article" / "index.html").write_text("<p>text</p>" * 100, encoding="utf-8")
    with serving(tmp_path) as url:
        assert url.startswith("http://127.0.0.1:")
        request = urllib.request.Request(url + "article/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert len(response.read()) < 1100


@pytest.mark.site
def test_peak_memory_is_read_from_a_child_process() -> None:
    assert peak_memory_kib([sys.executable, "-c", "x = bytearray(50_000_000)"], ROOT) > 45_000


@pytest.mark.site
def test_make_targets_are_detected() -> None:
    assert has_make_target(ROOT, "site")
    assert not has_make_target(ROOT, "no-such-target")


def test_a_lighthouse_report_gives_scores_weight_and_failed_audits() -> None:
    audit = {"score": 1, "title": "ok"}
    data = {
        "categories": {
            name: {"score": 0.9 if name == "seo" else 1, "auditRefs": [{"id": "meta-description" if name == "seo" else "ok", "weight": 1}]}
            for name in ("performance", "accessibility", "best-practices", "seo")
        },
        "audits": {
            "ok": audit,
            "meta-description": {"score": 0, "title": "Document does not have a meta description"},
            "network-requests": {
                "details": {
                    "items": [
                        {"url": "http://127.0.0.1/article/", "resourceType": "Document", "transferSize": 100, "resourceSize": 300},
                        {"url": "http://127.0.0.1/search/search_index.json", "resourceType": "XHR", "transferSize": 50},
                    ]
                }
            },
        },
    }
    report = read_report(data)
    assert report.scores == {"performance": 100, "accessibility": 100, "best-practices": 100, "seo": 90}
    assert (report.transfer_bytes, report.resource_bytes) == (150, 300)
    assert report.failed == ("meta-description: Document does not have a meta description",)
    assert report.transfer_by_kind == {"HTML": 100, "search index": 50, "stylesheets": 0, "scripts": 0, "other": 0}


def test_the_lighthouse_rows_give_scores_weight_and_its_breakdown() -> None:
    report = Report({"performance": 99, "accessibility": 100, "best-practices": 100, "seo": 100}, 900, 3000, (), dict.fromkeys(KINDS, 180))
    plain = Report({"performance": 100, "accessibility": 92, "best-practices": 100, "seo": 100}, 1000, 2000, (), dict.fromkeys(KINDS, 200))
    rows = bench.lighthouse_rows([report], [plain])
    assert [row.met for row in rows[:4]] == [True, True, True, True]
    assert rows[4].ratio == 0.9
    assert len(rows) == 4 + 2 + len(KINDS)


def test_the_page_says_how_many_runs_each_median_took() -> None:
    assert bench.describe_runs(bench.FULL).startswith("the matcher 51 runs on 100,000 words and 11 on 1,000,000")
