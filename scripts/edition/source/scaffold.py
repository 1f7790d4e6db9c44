"""A new source folder: a commented template of every file, which builds at once into a (nearly empty) edition.

`python -m edition new --source DIR` (`make new SOURCE=DIR`) copies `template/` into a new
folder; with `--collection` (`make new SOURCE=DIR COLLECTION=1`) it writes a collection of
one document, `documents/first-document/`, beside `template/collection/`'s files. It never
writes into a folder that holds anything: an editor's work is not overwritten.
"""

from __future__ import annotations

from pathlib import Path

from edition.errors import RefusedError

TEMPLATE = Path(__file__).with_name("template")


SHARED = ("glossary.yml", "timeline.yml")
"""The single article's templates a collection keeps beside collection.yml; the rest go into its first document."""
FIRST_DOCUMENT = "documents/first-document"


def new_source(folder: Path, *, collection: bool = False) -> list[Path]:
    """Write the template files into `folder` (absent or empty) and return them."""
    refuse_unless_new(folder, "e.g. SOURCE=my-edition")
    folder.mkdir(parents=True, exist_ok=True)
    files = [template for template in sorted(TEMPLATE.iterdir()) if template.is_file()]
    if not collection:
        return [_copy(template, folder / template.name) for template in files]
    written = [_copy(template, folder / template.name) for template in sorted((TEMPLATE / "collection").iterdir())]
    for template in files:
        if template.name in SHARED:
            written.append(_copy(template, folder / template.name))
        elif template.name != "README.md":
            written.append(_copy(template, folder / FIRST_DOCUMENT / template.name))
    return written


def refuse_unless_new(folder: Path, example: str = "") -> None:
    """Refuse a folder to write into that holds anything, or is a file: nothing of anyone's is ever overwritten."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        hint = f", {example}" if example else ""
        raise RefusedError(f"{folder} already exists and is not an empty folder; choose a new one{hint}")


def _copy(template: Path, target: Path) -> Path:
    """Copy one template file to `target`, making its folder."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(template.read_bytes())
    return target
