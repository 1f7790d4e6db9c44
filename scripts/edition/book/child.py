"""The typesetter as a build's child process: it dies with the build that started it.

The build starts `python -m edition pdf` with `PARENT` set to its own process id. The
child asks Linux to kill it when its parent dies (`PR_SET_PDEATHSIG`), then checks that
the parent is still the one that started it, since the parent may have died before the
request. The request is made by the child itself, not by a `preexec_fn` in the parent:
a `preexec_fn` makes Python fork and run its at-fork handlers in the parent, where a
Ctrl+C arriving at that moment is swallowed ("Exception ignored in _releaseLock").
A collection's typesetter starts a pool of workers (`book.documents`), which make the
same request of it in turn: a killed build takes the typesetter and its workers with it.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys

PARENT = "EDITION_PARENT"
"""The environment variable that names the build a typesetter belongs to."""
PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Be killed when the parent process dies, and stop now if it is gone already.

    The parent is the process id given, or else the build named in `PARENT`; with neither,
    as when a person runs the typesetter, do nothing.
    """
    if parent is None:
        named = os.environ.get(PARENT)
        if named is None:
            return
        parent = int(named)
    if not sys.platform.startswith("linux"):
        return
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:
        raise SystemExit(1)


def child_environment() -> dict[str, str]:
    """The environment for a typesetter started by this process."""
    return {**os.environ, PARENT: str(os.getpid())}
