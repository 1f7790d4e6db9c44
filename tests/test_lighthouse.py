"""Page budgets: Lighthouse (mobile defaults) on pages served from 127.0.0.1.

Accessibility, Best Practices and SEO must score 100, Performance at least 98.
Performance is a measurement of a possibly busy machine: a run can only come
out slower than the page is, never faster, so the page gets up to three runs and
the best one counts. The other categories do not depend on timing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmark.lighthouse import Report, cli, run_lighthouse
from benchmark.serve import serving
from helpers import ROOT

BUDGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
PERFORMANCE_RUNS = 3


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    if not cli(ROOT).is_file():
        if os.environ.get("CI") == "true":
            pytest.fail("Lighthouse is missing from node_modules; run `npm ci`")
        pytest.skip("Lighthouse is not installed in node_modules; `make test` runs `npm ci` first")
    with serving(site) as url:
        yield url


def audit(url: str) -> Report:
    """Lighthouse on one page, repeated (up to three runs) only while Performance is under budget."""
    report = run_lighthouse(ROOT, url)
    for _ in range(PERFORMANCE_RUNS - 1):
        if report.scores["performance"] >= BUDGETS["performance"]:
            break
        again = run_lighthouse(ROOT, url)
        report = again if again.scores["performance"] > report.scores["performance"] else report
    return report


def over_budget(report: Report) -> dict[str, int]:
    return {category: score for category, score in report.scores.items() if score < BUDGETS[category]}


@pytest.mark.parametrize("page", ["article/", ""], ids=["article", "home"])
def test_page_meets_the_lighthouse_budgets(served: str, page: str) -> None:
    report = audit(served + page)
    assert over_budget(report) == {}, "failed audits:\n" + "\n".join(report.failed)
