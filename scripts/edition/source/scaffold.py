"""A new source folder: a commented template of every file, which builds at once into a (nearly empty) edition.

`python -m edition new --source DIR` (`make new SOURCE=DIR`) copies `template/` into a new
folder. It never writes into a folder that holds anything: an editor's work is not overwritten.
"""

from __future__ import annotations

from pathlib import Path

from edition.errors import RefusedError

TEMPLATE = Path(__file__).with_name("template")


def new_source(folder: Path) -> list[Path]:
    """Write the template files into `folder` (absent or empty) and return them."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise RefusedError(f"{folder} already exists and is not an empty folder; choose a new one, e.g. SOURCE=my-edition")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for template in sorted(TEMPLATE.iterdir()):
        target = folder / template.name
        target.write_bytes(template.read_bytes())
        written.append(target)
    return written
