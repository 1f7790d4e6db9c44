"""The benchmark's results as one Markdown table, and the page docs/performance.md around it."""

from __future__ import annotations

from dataclasses import dataclass

HEADER = ("Measurement", "Edition", "Plain / obvious", "Ratio", "Target", "Met")


@dataclass(frozen=True)
class Row:
    """One line of the table: what was measured, both sides, their ratio and the target, if any."""

    measurement: str
    edition: str
    plain: str = ""
    ratio: float | None = None
    target: str = ""
    met: bool | None = None

    def cells(self) -> tuple[str, ...]:
        """The row as table cells."""
        ratio = "" if self.ratio is None else f"{self.ratio:.2f}×"
        met = {True: "yes", False: "**no**", None: ""}[self.met]
        return (self.measurement, self.edition, self.plain, ratio, self.target, met)


def at_most(ratio: float, limit: float) -> tuple[str, bool]:
    """A target "≤ limit×" and whether the ratio meets it."""
    return f"≤ {limit:g}×", ratio <= limit


def at_least(ratio: float, limit: float) -> tuple[str, bool]:
    """A target "≥ limit×" and whether the ratio meets it."""
    return f"≥ {limit:g}×", ratio >= limit


def table(rows: list[Row]) -> str:
    """A Markdown table of the rows, with a header line; cells never contain a pipe."""
    lines = [HEADER, tuple("---" for _ in HEADER), *(row.cells() for row in rows)]
    return "\n".join("| " + " | ".join(cell.replace("|", "/") for cell in line) + " |" for line in lines) + "\n"


def seconds(value: float) -> str:
    """Seconds, to the millisecond below ten seconds."""
    return f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def kib(value: int) -> str:
    """A byte count in KiB."""
    return f"{value / 1024:,.0f} KiB"


def page(machine: str, runs: str, rows: list[Row], notes: list[str]) -> str:
    """BENCHMARK.md: how the figures were measured, the table, and what they mean.

    It is about the tool, not an edition, so it lives in the repository, not in any site.
    """
    return "\n".join(
        [
            "# Performance",
            "",
            "How fast the edition is built, previewed and loaded, measured against the plain",
            "alternative: the same article as one page of a default Material site, and, for the",
            "matcher, one regular expression of all the glossary's forms. The figures come from",
            "`make bench` (`python -m edition bench`, scripts/edition/bench/run.py), which rewrites this page.",
            "",
            f"**Machine:** {machine}.  ",
            f"**Runs:** {runs} Each figure is the median; the two sides of a ratio were measured in",
            "turns in the same run, so that a busy moment of a noisy machine slows both.",
            "",
            table(rows),
            "## How it was measured",
            "",
            *(f"- {note}" for note in notes),
            "",
        ]
    )
