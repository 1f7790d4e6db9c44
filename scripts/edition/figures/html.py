"""The edition's figures, the locator map and the timeline, as HTML and as generated pages.

`map_figure_html` and `timeline_figure_html` return self-contained `<figure>` elements
(no MkDocs, no Markdown) for the site and the PDF alike; the link functions say where
glossary entries, paragraphs and notes live in the output at hand. `render_map_page`
and `render_timeline_page` wrap them as the site's Markdown pages.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Mapping, Sequence

from edition.figures.mapsvg import Place, glossary_link, map_layout, render_map_svg
from edition.layout import Layout, href, md_path
from edition.model import Basemap, Edition, Entry, Event
from edition.passthrough import passthrough
from edition.safety import cited_work, escape_html, escape_text

EventLinks = Callable[[Event], Sequence[tuple[str, str]]]
"""An event's links: (address, text) pairs, to the paragraph and the note it concerns."""

MONTHS = tuple(datetime.date(2000, month, 1).strftime("%B") for month in range(1, 13))

PARENTHESIS = re.compile(r"\((?P<inner>[^)]*)\)\s*\Z")
"""A trailing "(…)" in a term: the article's own name, which the map label uses ("Crimean Bridge (Kerch Strait bridge)")."""

MAP_CREDIT = "Country outlines: Natural Earth 1:50m (public domain), via the world-atlas package; Lambert conformal conic projection."
CRIMEA_CREDIT = (
    "Crimea is drawn within Ukraine's internationally recognized borders (UN General Assembly resolution 68/262); "
    "the source data draw it as part of Russia, following the line of control since 2014."
)
"""Said of the map whenever it shows Crimea: the base data's one departure from Natural Earth."""


def has_map(edition: Edition) -> bool:
    """Whether the edition gets a map: a place of its glossary has coordinates (the base data is the source's, or the edition's own)."""
    return edition.basemap is not None and any(entry.coords for entry in edition.entries)


def map_places(entries: Sequence[Entry]) -> tuple[Place, ...]:
    """The glossary's places with coordinates, in glossary order, labelled by their term (or the name in its parenthesis)."""
    return tuple(_place(entry) for entry in sorted(entries, key=lambda entry: entry.sort_key) if entry.coords)


def _place(entry: Entry) -> Place:
    """A map place for one glossary entry that has coordinates."""
    assert entry.coords is not None, "only entries with coords are placed"
    inner = PARENTHESIS.search(entry.term)
    label = inner["inner"][:1].upper() + inner["inner"][1:] if inner else entry.term
    return Place(entry.id, label, *entry.coords)


def format_coords(lat: float, lon: float) -> str:
    """Coordinates as readers write them: 44.60° N, 33.53° E."""
    return f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}"


def map_figure_html(edition: Edition, basemap: Basemap, link: Callable[[str], str] = glossary_link) -> str:
    """The locator map as a `<figure>`: the SVG, then a caption with what is shown and the data's credit."""
    places = map_places(edition.entries)
    svg = render_map_svg(basemap, places, link=link)
    occupied = [area for area in basemap.areas if area.role == "occupied" and f'data-name="{escape_html(area.name)}"' in svg]
    credits = [f"{area.legend}, hatched." for area in occupied]
    credits += [MAP_CREDIT] + ([CRIMEA_CREDIT] if any(area.id == "crimea" for area in occupied) else [])
    caption = (
        f"<figcaption><strong>Locator map.</strong> The places named in the {'documents' if edition.collection else 'article'}; "
        "each label links to its glossary entry. "
        f"{escape_html(' '.join(credits))}</figcaption>"
    )
    return f'<figure class="ed-figure ed-figure--map" id="figure-map">\n{svg}{caption}\n</figure>\n'


def render_map_page(edition: Edition, front_matter: str, layout: Layout, mentions: Mapping[str, str]) -> str:
    """The map page: the figure and, as its text alternative, the list of places with coordinates.

    In a collection each place also says where it is mentioned (`mentions`: entry id → HTML links).
    """
    assert edition.basemap is not None, "render_map_page is only called when has_map(edition)"
    left_out = {item.place.id for item in map_layout(edition.basemap, map_places(edition.entries)).left_out}
    items = []
    for place in map_places(edition.entries):
        where = format_coords(place.lat, place.lon)
        outside = " (outside the area the map shows)" if place.id in left_out else ""
        mentioned = f"; mentioned in {mentions[place.id]}" if layout.several and place.id in mentions else ""
        link = md_path("map.md", layout.entry(place.id), place.id)
        items.append(f'- <span id="map-{place.id}"></span>[{escape_text(place.label)}]({link}): {where}{outside}{mentioned}')
    texts = "documents" if edition.collection else "article"
    figure = map_figure_html(edition, edition.basemap, lambda place_id: href("map.md", layout.entry(place_id), place_id))
    parts = [
        front_matter,
        "# Map",
        f"Where the places named in the {texts} lie. The list below the map gives the same places in text.",
        passthrough(figure),
        "## Places on the map",
        '<div class="ed-map-list" markdown>\n\n' + "\n".join(items) + "\n\n</div>",
    ]
    return "\n\n".join(parts) + "\n"


# The timeline ------------------------------------------------------------------------------


def display_date(text: str) -> str:
    """A valid ISO date as readers write it: "16 March 2014", "March 2014" or "2014"."""
    parts = text.split("-")
    if len(parts) == 1:
        return parts[0]
    month = MONTHS[int(parts[1]) - 1]
    return f"{int(parts[2])} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def site_event_links(edition: Edition, layout: Layout, page: str = "timeline.md") -> EventLinks:
    """An event's links on the site's timeline page: to its document's paragraph and to the note it concerns."""
    titles = {document.slug: document.metadata.display_title for document in edition.documents}

    def links(event: Event) -> list[tuple[str, str]]:
        if event.document is None:
            return []
        found = []
        name = layout.name(event.document, titles[event.document])
        if event.paragraph is not None:
            found.append((href(page, layout.text(event.document), f"p{event.paragraph}"), f"{name}, paragraph {event.paragraph}"))
        elif layout.several:
            found.append((href(page, layout.text(event.document)), name))
        if event.note is not None:
            found.append((href(page, layout.notes(event.document), event.note), "Editorial note"))
        return found

    return links


def timeline_figure_html(edition: Edition, event_links: EventLinks) -> str:
    """The timeline as a `<figure>` holding an ordered list of dated events; later ones are labelled as such."""
    items = "\n".join(_event_item(event, event_links(event)) for event in edition.timeline)
    reports, it = ("documents report or take", "they") if edition.collection else ("article reports or takes", "it")
    caption = (
        f"<figcaption><strong>Timeline.</strong> Events the {reports} for granted, in date order, "
        f"and what happened after {it} appeared (marked “After publication”). Each event cites its sources.</figcaption>"
    )
    figure = '<figure class="ed-figure ed-timeline" id="figure-timeline">'
    return f'{figure}\n<ol class="ed-timeline-list">\n{items}\n</ol>\n{caption}\n</figure>\n'


def _event_item(event: Event, targets: Sequence[tuple[str, str]]) -> str:
    """One `<li>`: the date as `<time>`, the after-publication label in words, the text, links and sources."""
    later = ' <strong class="ed-event-later">After publication</strong>' if event.later else ""
    links = [f'<a href="{escape_html(address)}">{escape_html(text)}</a>' for address, text in targets]
    link_line = f'\n<p class="ed-event-links">{" · ".join(links)}</p>' if links else ""
    return (
        f'<li class="ed-event{" ed-event--later" if event.later else ""}">'
        f'<p class="ed-event-date"><time datetime="{event.date}">{display_date(event.date)}</time>{later}</p>\n'
        f'<p class="ed-event-label">{escape_html(event.label)}</p>{link_line}\n'
        f'<p class="ed-event-sources">Sources: {"; ".join(cited_work(source.title, source.url) for source in event.sources)}</p></li>'
    )


def render_timeline_page(edition: Edition, front_matter: str, layout: Layout) -> str:
    """The timeline page: a short introduction and the figure."""
    intro = (
        "The dated events behind the documents, each linked to the document it concerns. Dates are as precise as the sources allow."
        if edition.collection
        else "The dated events behind the article. Dates are as precise as the sources allow; "
        "the article itself is undated, so it stands under its month."
    )
    parts = [front_matter, "# Timeline", intro, passthrough(timeline_figure_html(edition, site_event_links(edition, layout)))]
    return "\n\n".join(parts) + "\n"
