"""Outputs kept between builds in the user's own cache folder, named by a digest of their inputs.

A build about to make an output it made before, from the same inputs, copies the kept
one instead. The folder is the user's cache folder (`platformdirs`: `~/.cache/news-edition`,
or under `$XDG_CACHE_HOME`), created private (0700); a folder that another user owns or
others may write to is not used. Each kept file is named by its inputs' digest and the
SHA-256 of its own bytes, which are checked again when it is read: a file that does not
match (truncated, altered) is deleted and made anew. Each kind of output keeps only its
most recently used few, so the folder does not grow with every edit. The cache only
saves time: when the folder cannot be used, the build does the work and says nothing.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

import platformdirs

MOST_RECENT_KEPT = 8
"""How many outputs of one kind are kept: a few variants an editor switches between."""

APPLICATION = "news-edition"

log = logging.getLogger("mkdocs.edition")


def cache_folder() -> Path | None:
    """The edition's private cache folder, created when missing; None when it cannot be used safely."""
    folder = Path(platformdirs.user_cache_dir(APPLICATION))
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = folder.lstat()
    except OSError as error:
        log.debug("No cache: %s", error)
        return None
    if not stat.S_ISDIR(status.st_mode) or status.st_uid != os.getuid() or status.st_mode & 0o077:
        log.debug("No cache: %s is not a private folder of this user", folder)
        return None
    return folder


@dataclass(frozen=True)
class BuildCache:
    """One kind of output (trimmed stylesheets, typeset books): files `<digest>.<sha256><suffix>` in one folder."""

    folder: Path
    suffix: str
    limit: int = MOST_RECENT_KEPT
    """How many outputs are kept: a few variants, or one for each document of a collection and a few more."""

    @classmethod
    def in_user_cache(cls, name: str, suffix: str, limit: int = MOST_RECENT_KEPT) -> BuildCache | None:
        """The cache `name` in the user's cache folder, or None when there is no usable one."""
        root = cache_folder()
        return cls(root / name, suffix, limit) if root is not None else None

    def fetch(self, digest: str) -> bytes | None:
        """The output kept for `digest`, checked against its recorded hash and marked as just used; None when there is none."""
        for kept in sorted(self.folder.glob(f"{digest}.*{self.suffix}")):
            try:
                content = kept.read_bytes()
            except OSError:
                continue
            if kept.name == self._name(digest, content):
                os.utime(kept)
                return content
            kept.unlink(missing_ok=True)
        return None

    def keep(self, digest: str, content: bytes, *, forget: bool = True) -> None:
        """Keep `content` as the output for `digest`, then (unless told not to) forget the least recently used beyond the limit."""
        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            # Written beside, then renamed, so that a build running at the same time never reads half a file.
            partial = self.folder / f".{digest}.{os.getpid()}.tmp"
            partial.write_bytes(content)
            partial.replace(self.folder / self._name(digest, content))
            if forget:
                self.forget_old()
        except OSError:
            pass

    def _name(self, digest: str, content: bytes) -> str:
        """The file name of an output: its inputs' digest and its own hash."""
        return f"{digest}.{hashlib.sha256(content).hexdigest()}{self.suffix}"

    def forget_old(self) -> None:
        """Delete all but the most recently used outputs (once after keeping many)."""
        kept = sorted(self.folder.glob(f"*{self.suffix}"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
        for old in kept[self.limit :]:
            old.unlink(missing_ok=True)
