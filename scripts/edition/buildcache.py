"""Outputs kept between builds in the system's temp folder, named by a digest of their inputs.

A build about to make an output it made before, from the same inputs, copies the kept
one instead. Each kind of output keeps only its most recently used few, so the folder
does not grow with every edit. The cache only saves time: when the temp folder cannot be
read or written, the build does the work and says nothing.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

MOST_RECENT_KEPT = 8
"""How many outputs of one kind are kept: a few variants an editor switches between."""


@dataclass(frozen=True)
class BuildCache:
    """One kind of output (trimmed stylesheets, typeset books): files `<digest><suffix>` in one folder."""

    folder: Path
    suffix: str

    @classmethod
    def in_temp(cls, name: str, suffix: str) -> BuildCache:
        """The cache `name` in the system's temp folder (`TMPDIR`)."""
        return cls(Path(tempfile.gettempdir()) / name, suffix)

    def fetch(self, digest: str) -> bytes | None:
        """The output kept for `digest`, marked as just used; None when there is none."""
        kept = self.folder / f"{digest}{self.suffix}"
        try:
            os.utime(kept)
            return kept.read_bytes()
        except OSError:
            return None

    def keep(self, digest: str, content: bytes) -> None:
        """Keep `content` as the output for `digest`, then forget the least recently used beyond the few kept."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Written beside, then renamed, so that a build running at the same time never reads half a file.
            partial = self.folder / f".{digest}.{os.getpid()}.tmp"
            partial.write_bytes(content)
            partial.replace(self.folder / f"{digest}{self.suffix}")
            self._forget_old()
        except OSError:
            pass

    def _forget_old(self) -> None:
        """Delete all but the most recently used outputs."""
        kept = sorted(self.folder.glob(f"*{self.suffix}"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for old in kept[MOST_RECENT_KEPT:]:
            old.unlink(missing_ok=True)
