"""Draw the locator map as an SVG string: pure, deterministic, styled by CSS classes.

The picture is 800 × 560 user units. Countries are filled, Ukraine is highlighted,
Crimea (the base map's `occupied` feature) is hatched and explained in the legend.
Each place is a dot with a text label that links to its glossary entry (so the SVG is a
labelled group, not role="img", whose children would be hidden from assistive technology); labels are
placed where they collide with nothing already drawn. Colours are set by class
in the SVG's own `<style>` (light, for screen, print and PDF); the site's CSS overrides
them for the dark scheme with more specific selectors.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from edition.figures.geo import Conic, Frame, Point, box_outline, clip_ring, fit, simplify, thin
from edition.model import Basemap, Polygon
from edition.safety import escape_html

WIDTH, HEIGHT, PADDING = 800, 560, 24
FOCUS = (22.0, 41.0, 45.0, 53.0)
"""The lon/lat box every map shows (Ukraine, the Black Sea, the Sea of Azov); places outside it widen the frame."""
LATITUDE_LIMIT = 85.0
"""The projection's cone meets the axis at the pole: latitudes this far out are never drawn."""
FONT = 13
DOT = 3.5
UKRAINE = "804"
CONIC = Conic()
"""Lambert conformal conic, standard parallels 45° and 51° N: true scale across Ukraine."""

SEAS = (("Black Sea", 43.2, 34.2, 15), ("Sea of Azov", 46.05, 37.05, 10))
COUNTRIES = (
    ("UKRAINE", 49.3, 31.6),
    ("RUSSIA", 52.0, 41.5),
    ("BELARUS", 53.2, 28.0),
    ("POLAND", 51.6, 21.6),
    ("ROMANIA", 45.9, 24.6),
    ("TÜRKIYE", 39.6, 33.5),
    ("GEORGIA", 42.2, 43.6),
    ("BULGARIA", 42.75, 25.2),
)

STYLE = """
.ed-map text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;fill:#1f1f1f}
.ed-map-sea{fill:#d4e6f4}
.ed-map-land{fill:#efede7;stroke:#9b978c;stroke-width:.6;stroke-linejoin:round}
.ed-map-ukraine{fill:#f6e3a1;stroke:#5b4a00;stroke-width:1.2;stroke-linejoin:round}
.ed-map-occupied{fill:url(#ed-map-hatch);stroke:#9c1c1c;stroke-width:1;stroke-dasharray:3 2}
.ed-map-hatch-line{stroke:#9c1c1c;stroke-width:1.3}
.ed-map text.ed-map-country-label{fill:#5d5d5d;font-size:11px;letter-spacing:.12em}
.ed-map text.ed-map-sea-label{fill:#2f5d87;font-style:italic}
.ed-map text.ed-map-halo{fill:#ffffff;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}
.ed-map-dot{fill:#9c1c1c;stroke:#ffffff;stroke-width:1.2}
.ed-map-place{font-size:13px;font-weight:600}
.ed-map a:hover .ed-map-place,.ed-map a:focus .ed-map-place{text-decoration:underline}
.ed-map a:focus{outline:2px solid currentColor}
.ed-map-panel{fill:#ffffff;fill-opacity:.9;stroke:#9b978c;stroke-width:.6}
.ed-map-small{font-size:11px}
.ed-map-rule{stroke:#1f1f1f;stroke-width:1.2;fill:none}
.ed-map-arrow{fill:#1f1f1f}
"""
"""Light colours, also for print and the PDF; literal values, since SVG renderers such as WeasyPrint lack var()."""


@dataclass(frozen=True)
class Place:
    """A place to mark: the glossary entry it links to, its label and position."""

    id: str
    label: str
    lat: float
    lon: float


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in picture pixels, for label collision checks."""

    left: float
    top: float
    right: float
    bottom: float

    def overlaps(self, other: Box) -> bool:
        """Whether two boxes share any area."""
        return self.left < other.right and other.left < self.right and self.top < other.bottom and other.top < self.bottom

    def within(self, frame: Frame) -> bool:
        """Whether the box lies wholly inside the picture."""
        return self.left >= 2 and self.top >= 2 and self.right <= frame.width - 2 and self.bottom <= frame.height - 2


def text_box(x: float, y: float, text: str, size: float, anchor: str = "start") -> Box:
    """An estimate of the box a line of text occupies (average glyph 0.6 em wide), baseline at y."""
    width = 0.6 * size * len(text)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, y - 0.8 * size, left + width, y + 0.25 * size)


def map_frame(basemap: Basemap, places: Sequence[Place], conic: Conic = CONIC) -> Frame:
    """The frame showing the focus region and every place the base map covers."""
    points = [conic.project(lon, lat) for lon, lat in box_outline(*FOCUS)]
    points += [conic.project(place.lon, place.lat) for place in places if _drawable(basemap, place)]
    return fit(points, WIDTH, HEIGHT, PADDING)


def _drawable(basemap: Basemap, place: Place) -> bool:
    """Whether the base map covers a place and the projection can draw it (a conic cannot draw the poles)."""
    return basemap.covers(place.lat, place.lon) and -LATITUDE_LIMIT < place.lat < LATITUDE_LIMIT


def shown_places(basemap: Basemap, places: Sequence[Place], conic: Conic = CONIC) -> tuple[Place, ...]:
    """The places the map marks: those its data covers and its frame contains."""
    frame = map_frame(basemap, places, conic)
    return tuple(
        place
        for place in places
        if _drawable(basemap, place) and frame.inside(frame.to_px(conic.project(place.lon, place.lat)), PADDING / 2)
    )


def render_map_svg(basemap: Basemap, places: Sequence[Place], *, href: str = "../glossary/#", ident: str = "ed-map") -> str:
    """The locator map as one `<svg>` element; `href` + a place's id is where its label links."""
    conic = CONIC
    frame = map_frame(basemap, places, conic)
    marked = shown_places(basemap, places, conic)
    names = ", ".join(place.label for place in marked)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ed-map" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="group" aria-labelledby="{ident}-title" aria-describedby="{ident}-desc">',
        f'<title id="{ident}-title">Locator map: Ukraine, Crimea, the Black Sea and the Sea of Azov</title>',
        f'<desc id="{ident}-desc">Map of Ukraine and its neighbours. Crimea is shown as part of Ukraine, hatched as occupied '
        f"by Russia since 2014. Marked places: {escape_html(names)}.</desc>",
        f"<style>{STYLE.strip()}</style>",
        '<defs><pattern id="ed-map-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<line class="ed-map-hatch-line" x1="0" y1="0" x2="0" y2="5"/></pattern></defs>',
        f'<rect class="ed-map-sea" width="{WIDTH}" height="{HEIGHT}"/>',
        *_areas(basemap, frame, conic),
        *_labels(frame, conic),
    ]
    legend, legend_box = _legend(frame)
    scale, scale_box = _scale_bar(frame, conic)
    arrow, arrow_box = _north_arrow(frame, conic)
    parts += [legend, scale, arrow, *_places(marked, frame, conic, href, [legend_box, scale_box, arrow_box])]
    return "\n".join([*parts, "</svg>"]) + "\n"


def _path(polygons: Iterable[Polygon], frame: Frame, conic: Conic) -> str:
    """Path data for polygons: projected, thinned, clipped to the picture, simplified below half a pixel.

    Thinning first (points closer than a tenth of a pixel to the last one kept are dropped)
    keeps the work in step with what the picture can show, however dense the data.
    """
    rings = []
    view = (-4.0, -4.0, frame.width + 4, frame.height + 4)
    for polygon in polygons:
        for ring in polygon:
            points = clip_ring(thin([frame.to_px(conic.project(lon, lat)) for lon, lat in ring], 0.1), view)
            points = simplify([*points, points[0]], 0.4)[:-1] if len(points) >= 3 else []
            if len(points) >= 3:
                rings.append("M" + "L".join(f"{_num(x)} {_num(y)}" for x, y in points) + "Z")
    return "".join(rings)


def _num(value: float) -> str:
    """A coordinate with one decimal and no trailing zero: short paths."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _areas(basemap: Basemap, frame: Frame, conic: Conic) -> list[str]:
    """Countries (Ukraine last, on top), then the occupied territory's hatching."""
    countries = sorted((area for area in basemap.areas if area.role == "country"), key=lambda area: area.id == UKRAINE)
    parts = ['<g class="ed-map-areas">']
    for area in countries:
        path = _path(area.polygons, frame, conic)
        if path:
            kind = "ed-map-ukraine" if area.id == UKRAINE else "ed-map-land"
            parts.append(f'<path class="{kind}" data-name="{escape_html(area.name)}" d="{path}"/>')
    for area in basemap.areas:
        if area.role == "occupied":
            parts.append(f'<path class="ed-map-occupied" data-name="{escape_html(area.name)}" d="{_path(area.polygons, frame, conic)}"/>')
    return [*parts, "</g>"]


def _labels(frame: Frame, conic: Conic) -> list[str]:
    """Seas and countries, named in text; those that would fall outside the picture are left out."""
    parts = []
    for name, lat, lon, size in SEAS:
        x, y = frame.to_px(conic.project(lon, lat))
        if frame.inside((x, y), 40):
            parts.append(
                f'<text class="ed-map-sea-label" x="{_num(x)}" y="{_num(y)}" font-size="{size}" text-anchor="middle">{name}</text>'
            )
    for name, lat, lon in COUNTRIES:
        x, y = frame.to_px(conic.project(lon, lat))
        if text_box(x, y, name, 12, "middle").within(frame):
            parts.append(haloed("ed-map-country-label", f'x="{_num(x)}" y="{_num(y)}" text-anchor="middle"', name))
    return parts


def haloed(classes: str, attributes: str, text: str) -> str:
    """A label over a halo copy of itself (two lines), which keeps it legible on any fill.

    A separate copy rather than `paint-order: stroke`, which WeasyPrint does not support;
    the copy is hidden from assistive technology.
    """
    return (
        f'<text class="{classes} ed-map-halo" aria-hidden="true" {attributes}>{text}</text>\n'
        f'<text class="{classes}" {attributes}>{text}</text>'
    )


def _legend(frame: Frame) -> tuple[str, Box]:
    """The legend, top left: Ukraine, Crimea hatched as occupied, a marked place."""
    x, y, width, height = 10, 10, 236, 72
    rows = [
        ('<rect class="ed-map-ukraine" x="{x}" y="{y}" width="18" height="12"/>', "Ukraine"),
        (
            '<rect class="ed-map-ukraine" x="{x}" y="{y}" width="18" height="12"/><rect class="ed-map-occupied" x="{x}" y="{y}" '
            'width="18" height="12"/>',
            "Crimea: occupied by Russia since 2014",
        ),
        ('<circle class="ed-map-dot" cx="{cx}" cy="{cy}" r="3.5"/>', "Place named in the article"),
    ]
    parts = [f'<g class="ed-map-legend"><rect class="ed-map-panel" x="{x}" y="{y}" width="{width}" height="{height}" rx="3"/>']
    for index, (swatch, label) in enumerate(rows):
        top = y + 10 + index * 20
        parts.append(swatch.format(x=x + 8, y=top, cx=x + 17, cy=top + 6))
        parts.append(f'<text class="ed-map-small" x="{x + 34}" y="{top + 10}">{label}</text>')
    parts.append("</g>")
    return "".join(parts), Box(x, y, x + width, y + height)


def _scale_bar(frame: Frame, conic: Conic) -> tuple[str, Box]:
    """A scale bar, bottom left, true at the map's central latitude (the projection's scale varies a little)."""
    latitude = (FOCUS[1] + FOCUS[3]) / 2
    px_per_km = frame.scale * conic.scale_factor(latitude)
    km = next(step for step in (500, 400, 300, 200, 100, 50) if step * px_per_km <= 170)
    length = km * px_per_km
    x, y = 16.0, frame.height - 22
    ticks = "".join(f"M{_num(x + length * part / 2)} {_num(y - 5)}V{_num(y)}" for part in range(3))
    svg = (
        f'<g class="ed-map-scale"><rect class="ed-map-panel" x="{_num(x - 8)}" y="{_num(y - 24)}" width="{_num(length + 56)}" '
        f'height="32" rx="3"/><path class="ed-map-rule" d="M{_num(x)} {_num(y)}H{_num(x + length)}{ticks}"/>'
        f'<text class="ed-map-small" x="{_num(x)}" y="{_num(y - 9)}">0</text>'
        f'<text class="ed-map-small" x="{_num(x + length)}" y="{_num(y - 9)}" text-anchor="middle">{km}</text>'
        f'<text class="ed-map-small" x="{_num(x + length + 10)}" y="{_num(y + 4)}">km</text></g>'
    )
    return svg, Box(x - 8, y - 24, x + length + 48, y + 8)


def _north_arrow(frame: Frame, conic: Conic) -> tuple[str, Box]:
    """A north arrow, top right, turned to the meridian where it stands (north varies on a conic map)."""
    x, y = frame.width - 30, 52.0
    lon, lat = conic.unproject(frame.to_km((x, y)))
    ax, ay = frame.to_px(conic.project(lon, lat))
    bx, by = frame.to_px(conic.project(lon, lat + 0.5))
    angle = math.degrees(math.atan2(bx - ax, ay - by))
    svg = (
        f'<g class="ed-map-north" transform="translate({_num(x)} {_num(y)}) rotate({angle:.1f})">'
        '<path class="ed-map-arrow" d="M0 -22L7 6L0 1L-7 6Z"/>'
        '<text class="ed-map-small" x="0" y="20" text-anchor="middle" font-weight="700">N</text></g>'
    )
    return svg, Box(x - 16, y - 28, x + 16, y + 26)


def _places(places: Sequence[Place], frame: Frame, conic: Conic, href: str, taken: list[Box]) -> list[str]:
    """Dots and linked labels, each label at the first position around its dot that collides with nothing."""
    dots = {place.id: frame.to_px(conic.project(place.lon, place.lat)) for place in places}
    taken = [*taken, *(Box(x - DOT - 1, y - DOT - 1, x + DOT + 1, y + DOT + 1) for x, y in dots.values())]
    parts = ['<g class="ed-map-places">']
    for place in places:
        x, y = dots[place.id]
        tx, ty, anchor = label_position(place.label, (x, y), frame, taken)
        taken.append(text_box(tx, ty, place.label, FONT, anchor))
        label = escape_html(place.label)
        where = f'x="{_num(tx)}" y="{_num(ty)}" text-anchor="{anchor}"'
        halo, text = haloed("ed-map-place", where, label).split("\n")
        parts.append(
            f'{halo}<a href="{escape_html(href + place.id)}"><circle class="ed-map-dot" cx="{_num(x)}" cy="{_num(y)}" r="{DOT}"/>{text}</a>'
        )
    return [*parts, "</g>"]


OFFSETS = ((7, 4, "start"), (-7, 4, "end"), (0, -8, "middle"), (0, 17, "middle"), (6, -6, "start"), (6, 14, "start"), (-6, -6, "end"))


def label_position(label: str, dot: Point, frame: Frame, taken: Sequence[Box]) -> tuple[float, float, str]:
    """Where a label goes: right of its dot, else left, above, below, diagonally; the first free spot."""
    x, y = dot
    for distance in (1.0, 1.6, 2.4):
        for dx, dy, anchor in OFFSETS:
            tx, ty = x + dx * distance, y + dy * distance
            box = text_box(tx, ty, label, FONT, anchor)
            if box.within(frame) and not any(box.overlaps(other) for other in taken):
                return tx, ty, anchor
    return x + OFFSETS[0][0], y + OFFSETS[0][1], OFFSETS[0][2]
