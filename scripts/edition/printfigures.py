"""The figures as further appendices of the printed book: the map and the timeline as `Section`s.

Pure: the links point at the book's own ids, which `printbook` prefixes with their
section's id (`glossary-crimea`, `article-p7`, `notes-counteroffensive-2023`).
"""

from __future__ import annotations

from .figures import has_map, map_figure_html, map_places_html, timeline_figure_html
from .model import Edition
from .printbook import Section


def figure_sections(edition: Edition) -> tuple[Section, ...]:
    """The map and the timeline as book sections, each only when the source has its data."""
    sections = []
    if has_map(edition) and edition.basemap is not None:
        figure = map_figure_html(edition, edition.basemap, "#glossary-")
        places = f"<h2>Places on the map</h2>\n{map_places_html(edition, '#glossary-')}"
        sections.append(Section("map", "Map", figure + places))
    if edition.timeline:
        sections.append(Section("timeline", "Timeline", timeline_figure_html(edition, "#article-p", "#notes-")))
    return tuple(sections)
