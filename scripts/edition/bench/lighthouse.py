"""Lighthouse scores of a page served from 127.0.0.1: mobile defaults, Debian's Chromium.

Lighthouse (npm, pinned in package-lock.json) is run from node_modules with
its default mobile emulation and simulated throttling. Nothing is fetched from
the internet: the page and everything it loads come from the loopback server.
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking"
    " --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage"
)


@dataclass(frozen=True)
class Report:
    """Lighthouse's category scores (0–100), the bytes the page loaded, and the audits that failed."""

    scores: dict[str, int]
    transfer_bytes: int
    resource_bytes: int
    failed: tuple[str, ...]
    transfer_by_kind: dict[str, int]


def cli(root: Path) -> Path:
    """Lighthouse's command-line entry point inside the project's node_modules."""
    return root / "node_modules" / "lighthouse" / "cli" / "index.js"


def run_lighthouse(root: Path, url: str, chromium: str = "/usr/bin/chromium", categories: tuple[str, ...] = CATEGORIES) -> Report:
    """Run Lighthouse once on `url` for `categories` (performance takes most of its time) and read its JSON report."""
    with tempfile.TemporaryDirectory(prefix="lighthouse.") as scratch:
        output = Path(scratch) / "report.json"
        command = [
            "node",
            str(cli(root)),
            url,
            f"--chrome-path={chromium}",
            f"--chrome-flags={CHROME_FLAGS} --user-data-dir={scratch}/profile",
            "--output=json",
            f"--output-path={output}",
            f"--only-categories={','.join(categories)}",
            "--quiet",
        ]
        result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=180)
        if result.returncode != 0 or not output.is_file():
            raise RuntimeError(f"Lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-2000:]}")
        return read_report(json.loads(output.read_text(encoding="utf-8")))


def read_report(data: dict[str, Any]) -> Report:
    """The scores, page weight and failed audits from a Lighthouse JSON report."""
    categories = data["categories"]
    audits = data["audits"]
    scores = {name: round(100 * (categories[name]["score"] or 0)) for name in CATEGORIES if name in categories}
    # The page's requests are reported with the performance category only.
    requests = audits.get("network-requests", {}).get("details", {}).get("items", [])
    failed = tuple(
        f"{name}: {audit.get('displayValue') or audit['title']}"
        for category in categories.values()
        for name in (reference["id"] for reference in category["auditRefs"] if reference.get("weight"))
        if (audit := audits[name]).get("score") is not None and audit["score"] < 1
    )
    return Report(
        scores=scores,
        transfer_bytes=sum(int(request.get("transferSize") or 0) for request in requests),
        resource_bytes=sum(int(request.get("resourceSize") or 0) for request in requests),
        failed=failed,
        transfer_by_kind=_by_kind(requests),
    )


KINDS = ("HTML", "search index", "stylesheets", "scripts", "other")
"""What a page loads, grouped as the page-weight breakdown shows it."""


def _kind(request: dict[str, Any]) -> str:
    """Which group of the page-weight breakdown a request belongs to."""
    url = str(request.get("url", ""))
    if url.endswith("search_index.json") or "/pagefind/" in url:
        return "search index"
    return {"Document": "HTML", "Stylesheet": "stylesheets", "Script": "scripts"}.get(str(request.get("resourceType")), "other")


def _by_kind(requests: list[dict[str, Any]]) -> dict[str, int]:
    """Transferred bytes per group of requests, every group present."""
    totals = dict.fromkeys(KINDS, 0)
    for request in requests:
        totals[_kind(request)] += int(request.get("transferSize") or 0)
    return totals
