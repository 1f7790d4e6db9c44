"""`make preview` follows every edit, survives a bad one, shows its problems on the open page, and is idle when nothing changes.

The server runs on a free loopback port, in a temporary copy of the project, and is
always stopped, whatever the test's outcome.
"""

from __future__ import annotations

import json
import re
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from browsing import DESKTOP
from edition.bench.preview import copy_project, free_port, start_preview, stop_preview
from edition.web import preview as preview_module
from helpers import ROOT, SOURCE

GOOD_SHORT = "American diplomat (born 1962)"


class Preview:
    """A running `make preview` and its log."""

    def __init__(self, project: Path, port: int, log: Path) -> None:
        self.project = project
        self.url = f"http://127.0.0.1:{port}/"
        # Outside the project: the preview watches the project's folders, so a log there would look like an edit.
        self.log = log
        self.process = start_preview(project, port, log)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(self.url + path, timeout=5) as response:
            return str(response.read().decode("utf-8"))

    def state(self) -> dict[str, object]:
        """The state a page asks for, answered at once (a build number no build has)."""
        with urllib.request.urlopen(self.url + "__edition__/state?generation=-1", timeout=5) as response:
            return dict(json.loads(response.read()))

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def generation(self) -> int:
        """The number of the build served: it changes at the swap, before the log line that follows it."""
        return int(str(self.state()["generation"]))

    def wait_for(self, condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.process.poll() is None, f"the server died while waiting for {what}:\n{self.log_text()}"
            try:
                if condition():
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}:\n{self.log_text()}")

    def stop(self) -> None:
        stop_preview(self.process)


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[Preview]:
    project = copy_project(ROOT, tmp_path / "project")
    server = Preview(project, free_port(), tmp_path / "preview.log")
    try:
        server.wait_for(lambda: "Army Tactical Missile Systems" in server.get("article/"), "the first build")
        yield server
    finally:
        server.stop()


def test_preview_follows_edits_survives_a_bad_one_and_idles(preview: Preview) -> None:
    glossary = preview.project / "source" / "glossary.yml"
    good = glossary.read_text(encoding="utf-8")
    assert preview.url.startswith("http://127.0.0.1:")

    glossary.write_text(good.replace(GOOD_SHORT, "Edited diplomat (born 1962)"), encoding="utf-8")
    preview.wait_for(lambda: "Edited diplomat" in preview.get("article/"), "the edit to show")

    glossary.write_text(good.replace("- id: blinken\n  term:", "- id: blinken\n  term: [unclosed"), encoding="utf-8")
    preview.wait_for(lambda: bool(preview.state()["problems"]), "the error")
    problems = preview.state()["problems"]
    assert isinstance(problems, list) and len(problems) == 1
    [problem] = problems
    assert re.match(r"(.*/)?source/glossary\.yml:\d+: not valid YAML", str(problem))
    assert re.search(r"source/glossary\.yml:\d+: not valid YAML", preview.log_text())
    assert "still showing the last good build" in preview.log_text()
    assert "Traceback" not in preview.log_text()
    assert "Edited diplomat" in preview.get("article/"), "the last good build is still served"

    glossary.write_text(good.replace(GOOD_SHORT, "Recovered diplomat (born 1962)"), encoding="utf-8")
    preview.wait_for(lambda: "Recovered diplomat" in preview.get("article/"), "the recovery")
    assert preview.state()["problems"] == []

    settled = preview.generation()
    time.sleep(3)
    assert preview.generation() == settled, "the server rebuilt with nothing edited"


def test_preview_follows_edits_to_pages_templates_and_config(preview: Preview) -> None:
    about = preview.project / "source" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nA sentence added while previewing.\n", encoding="utf-8")
    preview.wait_for(lambda: "A sentence added while previewing." in preview.get("about/"), "the page edit")

    template = preview.project / "overrides" / "main.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n{# touched #}\n{% block announce %}Template edited{% endblock %}\n")
    preview.wait_for(lambda: "Template edited" in preview.get("about/"), "the template edit")

    config = preview.project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("primary: indigo", "primary: teal"))
    preview.wait_for(lambda: 'data-md-color-primary="teal"' in preview.get("about/"), "the config edit")


def test_an_edit_to_one_documents_notes_renders_only_the_pages_it_changes_and_search_follows(preview: Preview) -> None:
    notes = preview.project / "source" / "documents" / "ramstein-transcript" / "notes.yml"
    notes.write_text(
        "- id: edited-while-previewing\n  type: context\n  quote: General Milley\n  text: A note added while previewing.\n"
        "  sources:\n    - title: The transcript\n",
        encoding="utf-8",
    )
    preview.wait_for(lambda: "A note added while previewing." in preview.get("ramstein-transcript/"), "the note")
    preview.wait_for(lambda: "preview: built in" in preview.log_text().split("(whole)", 1)[-1], "the log line")
    incremental = re.findall(r"preview: built in [\d.]+ s \((\d+) of (\d+) pages\)", preview.log_text())
    assert incremental, preview.log_text()
    rendered, total = map(int, incremental[-1])
    assert rendered < total / 2, "only the pages the note changes, and the home and about pages, are rendered again"
    assert "Army Tactical Missile Systems" in preview.get("article/"), "the pages not rendered again are still served"
    # Search is indexed after the swap, in the background: its bundle comes back for the new build.
    preview.wait_for(lambda: "pagefind" in preview.get("pagefind/pagefind.js").lower(), "the search index")


@pytest.mark.browser
def test_a_bad_save_shows_its_problems_on_the_open_page_until_it_is_fixed(preview: Preview, browser: Browser) -> None:
    glossary = preview.project / "source" / "glossary.yml"
    good = glossary.read_text(encoding="utf-8")
    context = browser.new_context(**DESKTOP)
    try:
        page = context.new_page()
        page.goto(preview.url + "article/", wait_until="load")
        panel = page.locator("#ed-preview-problems")
        expect(panel).to_have_count(0)

        glossary.write_text(good.replace("  short: ", "  shrot: ", 1), encoding="utf-8")
        expect(panel).to_be_visible()
        expect(panel).to_have_attribute("role", "alert")
        expect(panel).to_contain_text(
            re.compile(r"source/glossary\.yml:\d+: unknown key 'shrot' in entry '[a-z-]+': did you mean 'short'\?")
        )
        expect(page.locator("#p1")).to_be_visible()  # the last good build stays under the panel

        glossary.write_text(good.replace(GOOD_SHORT, "Fixed diplomat (born 1962)"), encoding="utf-8")
        expect(panel).to_have_count(0)
        expect(page.locator("body")).to_contain_text("Fixed diplomat")
    finally:
        context.close()


@pytest.mark.site
def test_a_fault_no_check_foresaw_is_shown_and_the_last_good_build_stays_served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    state = preview_module.Preview(SOURCE, ROOT / "mkdocs.yml", tmp_path)
    try:
        assert state.rebuild()
        served = state.served
        assert served is not None

        def fault(*arguments: object) -> None:
            raise RuntimeError("a fault in rendering")

        monkeypatch.setattr(preview_module, "render_again", fault)
        assert not state.rebuild()
        assert state.problems == (
            "preview: the build stopped on a fault no check foresaw (RuntimeError: a fault in rendering); "
            "please report it with the file you saved",
        )
        assert (state.served, state.generation) == (served, 1)
        assert (served / "article" / "index.html").is_file()
        assert not (tmp_path / "build-2").exists()
        monkeypatch.undo()
        assert state.rebuild()
        assert (state.generation, list(state.problems)) == (2, [])
    finally:
        state.stop_indexing()
