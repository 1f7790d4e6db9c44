"""What a caller that builds the same edition again and again (the preview) keeps from one build for the next.

Each piece of work is kept under a key made of every input it reads, and only what the
last build used is kept, so that nothing grows with the saves. The source stage keeps
documents' parses this way (`source.Memo`), the pages stage documents' pages
(`pages.render.RenderMemo`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar, cast

T = TypeVar("T")


@dataclass
class Kept:
    """Results by the inputs they were made from: those of the last build, and those this one has used so far."""

    kept: dict[Hashable, Any] = field(default_factory=dict)
    used: dict[Hashable, Any] = field(default_factory=dict)

    def recall(self, key: Hashable, make: Callable[[], T]) -> T:
        """What `make` gives for inputs `key`, made now or kept from the last build."""
        found = self.used[key] = self.kept[key] if key in self.kept else make()
        return cast(T, found)

    def settle(self) -> None:
        """After a build: keep what it used, and only that."""
        self.kept, self.used = self.used, {}
