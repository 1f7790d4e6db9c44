"""Draw the locator map as an SVG string: pure, deterministic, styled by CSS classes, for places anywhere.

The picture is 800 × 560 user units. Its projection and frame fit the places it marks
(`map_layout`): a Lambert conformal conic whose standard parallels bracket them, and a
frame around them with margins and a minimum extent, so that one place still shows its
surroundings. The countries holding the places are highlighted; an occupied territory
of the base data (Crimea) is hatched and explained in the legend. A place the map cannot
show (outside the base data, at a pole, or too far from the others for one locator map)
is left out and named by `map_layout`, so that the edition can warn about it.

Each place is a dot with a text label linking to its glossary entry (so the SVG is a
labelled group, not role="img", whose children would be hidden from assistive
technology). Labels never overlap: the places' labels are placed first, each at the
first free position around its dot; then the countries' and seas' names are written
only where they collide with nothing. Colours are set by class in the SVG's own `<style>`
(light, for screen, print and PDF); the site's CSS overrides them for the dark scheme.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from edition.figures.geo import Conic, Frame, Point, clip_ring, fit, simplify, thin
from edition.figures.geo import area as ring_area
from edition.model import Area, Basemap, Polygon
from edition.safety import escape_html

WIDTH, HEIGHT, PADDING = 800, 560, 24


def glossary_link(place_id: str) -> str:
    """Where a place's label links by default: its entry on a single article's glossary page, from a page beside it."""
    return f"../glossary/#{place_id}"


FONT = 13
DOT = 3.5
LATITUDE_LIMIT = 80.0
"""The conic cannot draw the poles; places beyond this latitude are left out."""
MIN_EXTENT_KM = (2000.0, 1400.0)
"""The least the frame shows around its places (width, height): a single place still has surroundings."""
MAX_EXTENT_KM = 5000.0
"""The most a locator map spans; places farther from the others than this are left out."""
MARGIN = 0.35
"""How much the frame extends beyond its places, as a share of their spread."""

SEAS = (
    ("Black Sea", 43.2, 34.2),
    ("Sea of Azov", 46.05, 37.05),
    ("Baltic Sea", 57.5, 19.5),
    ("North Sea", 56.0, 3.0),
    ("Mediterranean Sea", 35.0, 18.0),
    ("Caspian Sea", 42.0, 50.5),
    ("Red Sea", 20.0, 38.5),
    ("Persian Gulf", 27.0, 51.5),
    ("Arabian Sea", 15.0, 63.0),
    ("Bay of Bengal", 15.0, 88.0),
    ("South China Sea", 13.0, 114.0),
    ("Sea of Japan", 40.0, 135.0),
    ("Gulf of Mexico", 25.0, -90.0),
    ("Caribbean Sea", 15.0, -75.0),
)
"""Seas named where the frame shows them and nothing else stands there."""

STYLE = """
.ed-map text{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",Arial,sans-serif;fill:#1f1f1f}
.ed-map-sea{fill:#d4e6f4}
.ed-map-land{fill:#efede7;stroke:#9b978c;stroke-width:.6;stroke-linejoin:round}
.ed-map-focus{fill:#f6e3a1;stroke:#5b4a00;stroke-width:1.2;stroke-linejoin:round}
.ed-map-occupied{fill:url(#ed-map-hatch);stroke:#9c1c1c;stroke-width:1;stroke-dasharray:3 2}
.ed-map-hatch-line{stroke:#9c1c1c;stroke-width:1.3}
.ed-map text.ed-map-country-label{fill:#5d5d5d;font-size:11px;letter-spacing:.12em}
.ed-map text.ed-map-sea-label{fill:#2f5d87;font-style:italic}
.ed-map text.ed-map-halo{fill:#ffffff;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}
.ed-map-dot{fill:#9c1c1c;stroke:#ffffff;stroke-width:1.2}
.ed-map-leader{stroke:#9c1c1c;stroke-width:.8}
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


@dataclass(frozen=True)
class LeftOut:
    """A place the map cannot show, and why, in words for a warning."""

    place: Place
    reason: str


@dataclass(frozen=True)
class Layout:
    """How the map is drawn: its projection and frame, the places it marks, and those it leaves out."""

    conic: Conic
    frame: Frame
    shown: tuple[Place, ...]
    left_out: tuple[LeftOut, ...]

    def px(self, lat: float, lon: float) -> Point:
        """Where a lon/lat point falls in the picture."""
        return self.frame.to_px(self.conic.project(lon, lat))


def text_box(x: float, y: float, text: str, size: float, anchor: str = "start") -> Box:
    """An estimate of the box a line of text occupies (average glyph 0.6 em wide), baseline at y."""
    width = 0.6 * size * len(text)
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, y - 0.8 * size, left + width, y + 0.25 * size)


# The layout ---------------------------------------------------------------------------------


def map_layout(basemap: Basemap, places: Sequence[Place]) -> Layout:
    """The projection and frame that fit the places the map can show, and the reasons for the others."""
    left_out: list[LeftOut] = []
    drawable: list[Place] = []
    for place in places:
        if not -LATITUDE_LIMIT < place.lat < LATITUDE_LIMIT:
            left_out.append(LeftOut(place, f"is nearer a pole than {LATITUDE_LIMIT:.0f}°, which a locator map cannot draw"))
        elif not basemap.covers(place.lat, place.lon):
            west, south, east, north = basemap.bbox
            left_out.append(LeftOut(place, f"is outside the map's base data ({west:g}° to {east:g}° E, {south:g}° to {north:g}° N)"))
        else:
            drawable.append(place)
    shown, far = _cluster(drawable)
    too_far = f"is more than {MAX_EXTENT_KM:,.0f} km from the other places, too far for one locator map"
    left_out += [LeftOut(place, too_far) for place in far]
    conic = _projection(shown or drawable)
    frame = _frame(conic, shown)
    return Layout(conic, frame, tuple(shown), tuple(sorted(left_out, key=lambda item: places.index(item.place))))


def shown_places(basemap: Basemap, places: Sequence[Place]) -> tuple[Place, ...]:
    """The places the map marks."""
    return map_layout(basemap, places).shown


def _projection(places: Sequence[Place]) -> Conic:
    """A conformal conic centred on the places, its standard parallels bracketing them on one side of the equator."""
    if not places:
        return Conic()
    lats = [place.lat for place in places]
    lons = [place.lon for place in places]
    south, north = min(lats), max(lats)
    centre = (south + north) / 2
    spread = max(north - south, 4.0)
    first, second = centre - spread / 3, centre + spread / 3
    if first < 0 < second:  # parallels mirrored about the equator give a cone of no angle
        first, second = (0.5, max(-first, second) + 0.5) if centre >= 0 else (min(first, -second) - 0.5, -0.5)
    return Conic(first, second, centre, (min(lons) + max(lons)) / 2)


def _frame(conic: Conic, places: Sequence[Place]) -> Frame:
    """The frame around the places: their spread plus margins, at least the minimum extent, centred on them."""
    points = [conic.project(place.lon, place.lat) for place in places] or [conic.project(conic.origin_lon, conic.origin_lat)]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    width = max((max(xs) - min(xs)) * (1 + 2 * MARGIN), MIN_EXTENT_KM[0])
    height = max((max(ys) - min(ys)) * (1 + 2 * MARGIN), MIN_EXTENT_KM[1])
    centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    corners = [(centre_x - width / 2, centre_y - height / 2), (centre_x + width / 2, centre_y + height / 2)]
    return fit(corners, WIDTH, HEIGHT, PADDING)


def _cluster(places: Sequence[Place]) -> tuple[list[Place], list[Place]]:
    """The places within one locator map's reach of the others, and those farther off (dropped farthest first)."""
    kept = list(places)
    dropped: list[Place] = []
    while len(kept) > 1:
        conic = _projection(kept)
        points = {place.id: conic.project(place.lon, place.lat) for place in kept}
        xs, ys = [x for x, _ in points.values()], [y for _, y in points.values()]
        if max(xs) - min(xs) <= MAX_EXTENT_KM and max(ys) - min(ys) <= MAX_EXTENT_KM:
            break
        centre_x, centre_y = sorted(xs)[len(xs) // 2], sorted(ys)[len(ys) // 2]
        farthest = max(kept, key=lambda place: math.dist(points[place.id], (centre_x, centre_y)))
        kept.remove(farthest)
        dropped.append(farthest)
    return kept, dropped


# The picture --------------------------------------------------------------------------------


def render_map_svg(basemap: Basemap, places: Sequence[Place], *, link: Callable[[str], str] = glossary_link, ident: str = "ed-map") -> str:
    """The locator map as one `<svg>` element; `link(place id)` is where a place's label links."""
    layout = map_layout(basemap, places)
    focus = _focus_areas(basemap, layout.shown)
    occupied = [area for area in basemap.areas if area.role == "occupied" and _path(area.polygons, layout)]
    legend, legend_box = _legend(focus, occupied)
    scale, scale_box = _scale_bar(layout)
    arrow, arrow_box = _north_arrow(layout)
    taken = [legend_box, scale_box, arrow_box]
    marks = _places(layout, link, taken)
    names = ", ".join(place.label for place in layout.shown)
    occupation = " ".join(f"{area.legend}, hatched." for area in occupied)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ed-map" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="group" aria-labelledby="{ident}-title" aria-describedby="{ident}-desc">',
        f'<title id="{ident}-title">Locator map: {escape_html(_title(focus))}</title>',
        f'<desc id="{ident}-desc">Map of {escape_html(_title(focus))} and the countries around. {escape_html(occupation)} '
        f"Marked places: {escape_html(names)}.</desc>",
        f"<style>{STYLE.strip()}</style>",
        '<defs><pattern id="ed-map-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        '<line class="ed-map-hatch-line" x1="0" y1="0" x2="0" y2="5"/></pattern></defs>',
        f'<rect class="ed-map-sea" width="{WIDTH}" height="{HEIGHT}"/>',
        *_areas(basemap, layout, focus),
        *_labels(basemap, layout, taken),
        legend,
        scale,
        arrow,
        *marks,
    ]
    return "\n".join([*parts, "</svg>"]) + "\n"


def _title(focus: Sequence[Area]) -> str:
    """What the map shows, by the countries of its places."""
    return ", ".join(area.name for area in focus) or "the region of the places named"


def _focus_areas(basemap: Basemap, places: Sequence[Place]) -> list[Area]:
    """The countries holding the places, in the base data's order: the map highlights them.

    A ring is only walked for the points inside its bounding box: with a thousand places,
    testing every place against every country's every point took a second a build.
    """
    points = [(place.lon, place.lat) for place in places]
    return [area for area in basemap.areas if area.role == "country" and _holds_any(area.polygons, points)]


def _holds_any(polygons: Iterable[Polygon], points: Sequence[Point]) -> bool:
    """Whether any of the lon/lat points lies inside one of the polygons' outer rings."""
    for polygon in polygons:
        ring = polygon[0]
        west, east = min(x for x, _ in ring), max(x for x, _ in ring)
        south, north = min(y for _, y in ring), max(y for _, y in ring)
        if any(west <= x <= east and south <= y <= north and _inside(ring, (x, y)) for x, y in points):
            return True
    return False


def _inside(ring: Sequence[Point], point: Point) -> bool:
    """Whether a point lies inside a ring (even-odd ray casting)."""
    x, y = point
    inside = False
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            inside = not inside
    return inside


def _rings(polygons: Iterable[Polygon], layout: Layout) -> list[list[Point]]:
    """Every ring of the polygons in picture pixels: projected, thinned, clipped to the picture, simplified below half a pixel.

    Thinning first (points closer than a tenth of a pixel to the last one kept are dropped)
    keeps the work in step with what the picture can show, however dense the data.
    """
    rings = []
    view = (-4.0, -4.0, layout.frame.width + 4, layout.frame.height + 4)
    (west_km, north_km), (east_km, south_km) = layout.frame.to_km(view[:2]), layout.frame.to_km(view[2:])
    view_km = (west_km, south_km, east_km, north_km)
    for polygon in polygons:
        for ring in polygon:
            lons, lats = [lon for lon, _ in ring], [lat for _, lat in ring]
            # Most of the world lies outside the picture: a ring that cannot reach it is not projected.
            if not layout.conic.may_show(min(lons), min(lats), max(lons), max(lats), view_km):
                continue
            points = clip_ring(thin([layout.px(lat, lon) for lon, lat in ring], 0.1), view)
            points = simplify([*points, points[0]], 0.4)[:-1] if len(points) >= 3 else []
            if len(points) >= 3:
                rings.append(points)
    return rings


def _path(polygons: Iterable[Polygon], layout: Layout) -> str:
    """Path data for polygons, as much of them as the picture shows."""
    return "".join("M" + "L".join(f"{_num(x)} {_num(y)}" for x, y in ring) + "Z" for ring in _rings(polygons, layout))


def _num(value: float) -> str:
    """A coordinate with one decimal and no trailing zero: short paths."""
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _areas(basemap: Basemap, layout: Layout, focus: Sequence[Area]) -> list[str]:
    """Countries (those of the places last, on top), then the occupied territories' hatching."""
    countries = sorted((area for area in basemap.areas if area.role == "country"), key=lambda area: area in focus)
    parts = ['<g class="ed-map-areas">']
    for area in countries:
        path = _path(area.polygons, layout)
        if path:
            kind = "ed-map-focus" if area in focus else "ed-map-land"
            parts.append(f'<path class="{kind}" data-name="{escape_html(area.name)}" d="{path}"/>')
    for area in basemap.areas:
        path = _path(area.polygons, layout) if area.role == "occupied" else ""
        if path:
            parts.append(f'<path class="ed-map-occupied" data-name="{escape_html(area.name)}" d="{path}"/>')
    return [*parts, "</g>"]


def _labels(basemap: Basemap, layout: Layout, taken: list[Box]) -> list[str]:
    """Seas and countries, named where the picture shows enough of them and no other label or mark stands."""
    parts = []
    for name, lat, lon in SEAS:
        x, y = layout.px(lat, lon)
        box = text_box(x, y, name, 12, "middle")
        if box.within(layout.frame) and not any(box.overlaps(other) for other in taken):
            taken.append(box)
            parts.append(f'<text class="ed-map-sea-label" x="{_num(x)}" y="{_num(y)}" font-size="12" text-anchor="middle">{name}</text>')
    for area in basemap.areas:
        name = area.name.upper()
        for x, y in _label_points(area, layout) if area.role == "country" else ():
            box = text_box(x, y, name, 11, "middle")
            if box.within(layout.frame) and not any(box.overlaps(other) for other in taken):
                taken.append(box)
                parts.append(haloed("ed-map-country-label", f'x="{_num(x)}" y="{_num(y)}" text-anchor="middle"', escape_html(name)))
                break
    return parts


def _label_points(country: Area, layout: Layout) -> list[Point]:
    """Where a country's name may go: inside the largest part the picture shows, when that part is big enough.

    The middle of that part first, then points a quarter of the way in from its sides,
    so that a name finds room beside the places marked in its country.
    """
    rings = _rings(country.polygons, layout)
    if not rings:
        return []
    largest = max(rings, key=ring_area)
    if ring_area(largest) < 5000:  # square pixels: about a tenth of the picture's width across
        return []
    xs, ys = [x for x, _ in largest], [y for _, y in largest]
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    across = [(left + right) / 2, left + (right - left) / 4, right - (right - left) / 4]
    down = [(top + bottom) / 2 + 4, top + (bottom - top) / 4, bottom - (bottom - top) / 4]
    return [(x, y) for y in down for x in across if _inside(largest, (x, y))]


def haloed(classes: str, attributes: str, text: str) -> str:
    """A label over a halo copy of itself (two lines), which keeps it legible on any fill.

    A separate copy rather than `paint-order: stroke`, which WeasyPrint does not support;
    the copy is hidden from assistive technology.
    """
    return (
        f'<text class="{classes} ed-map-halo" aria-hidden="true" {attributes}>{text}</text>\n'
        f'<text class="{classes}" {attributes}>{text}</text>'
    )


def _legend(focus: Sequence[Area], occupied: Sequence[Area]) -> tuple[str, Box]:
    """The legend, top left: the places' countries, each occupied territory hatched, a marked place."""
    rows = [
        (
            '<rect class="ed-map-focus" x="{x}" y="{y}" width="18" height="12"/>',
            focus[0].name if len(focus) == 1 else "Countries of the places named",
        ),
        *(
            (
                '<rect class="ed-map-focus" x="{x}" y="{y}" width="18" height="12"/><rect class="ed-map-occupied" x="{x}" y="{y}" '
                'width="18" height="12"/>',
                area.legend,
            )
            for area in occupied
        ),
        ('<circle class="ed-map-dot" cx="{cx}" cy="{cy}" r="3.5"/>', "Place named in the article"),
    ]
    x, y = 10, 10
    width = 44 + max(len(label) for _, label in rows) * 6.2
    height = 12 + 20 * len(rows)
    parts = [f'<g class="ed-map-legend"><rect class="ed-map-panel" x="{x}" y="{y}" width="{_num(width)}" height="{height}" rx="3"/>']
    for index, (swatch, label) in enumerate(rows):
        top = y + 10 + index * 20
        parts.append(swatch.format(x=x + 8, y=top, cx=x + 17, cy=top + 6))
        parts.append(f'<text class="ed-map-small" x="{x + 34}" y="{top + 10}">{escape_html(label)}</text>')
    parts.append("</g>")
    return "".join(parts), Box(x, y, x + width, y + height)


def _scale_bar(layout: Layout) -> tuple[str, Box]:
    """A scale bar, bottom left, true at the map's central latitude (the projection's scale varies a little)."""
    px_per_km = layout.frame.scale * layout.conic.scale_factor(layout.conic.origin_lat)
    steps = (5000, 2000, 1000, 500, 400, 300, 200, 100, 50, 20, 10)
    km = next((step for step in steps if step * px_per_km <= 170), steps[-1])
    length = km * px_per_km
    x, y = 16.0, layout.frame.height - 22
    ticks = "".join(f"M{_num(x + length * part / 2)} {_num(y - 5)}V{_num(y)}" for part in range(3))
    svg = (
        f'<g class="ed-map-scale"><rect class="ed-map-panel" x="{_num(x - 8)}" y="{_num(y - 24)}" width="{_num(length + 56)}" '
        f'height="32" rx="3"/><path class="ed-map-rule" d="M{_num(x)} {_num(y)}H{_num(x + length)}{ticks}"/>'
        f'<text class="ed-map-small" x="{_num(x)}" y="{_num(y - 9)}">0</text>'
        f'<text class="ed-map-small" x="{_num(x + length)}" y="{_num(y - 9)}" text-anchor="middle">{km}</text>'
        f'<text class="ed-map-small" x="{_num(x + length + 10)}" y="{_num(y + 4)}">km</text></g>'
    )
    return svg, Box(x - 8, y - 24, x + length + 48, y + 8)


def _north_arrow(layout: Layout) -> tuple[str, Box]:
    """A north arrow, top right, turned to the meridian where it stands (north varies on a conic map)."""
    x, y = layout.frame.width - 30, 52.0
    lon, lat = layout.conic.unproject(layout.frame.to_km((x, y)))
    ax, ay = layout.px(lat, lon)
    bx, by = layout.px(min(lat + 0.5, LATITUDE_LIMIT + 5), lon)
    angle = math.degrees(math.atan2(bx - ax, ay - by))
    svg = (
        f'<g class="ed-map-north" transform="translate({_num(x)} {_num(y)}) rotate({angle:.1f})">'
        '<path class="ed-map-arrow" d="M0 -22L7 6L0 1L-7 6Z"/>'
        '<text class="ed-map-small" x="0" y="20" text-anchor="middle" font-weight="700">N</text></g>'
    )
    return svg, Box(x - 16, y - 28, x + 16, y + 26)


def _places(layout: Layout, link: Callable[[str], str], taken: list[Box]) -> list[str]:
    """Dots and linked labels, each label at the first position around its dot that collides with nothing.

    A label placed away from its dot is joined to it by a leader line. The boxes of the
    dots and labels go into `taken`, so that the base map's names are written around them.
    """
    dots = {place.id: layout.px(place.lat, place.lon) for place in layout.shown}
    taken += [Box(x - DOT - 1, y - DOT - 1, x + DOT + 1, y + DOT + 1) for x, y in dots.values()]
    parts = ['<g class="ed-map-places">']
    for place in layout.shown:
        x, y = dots[place.id]
        position = label_position(place.label, (x, y), layout.frame, taken)
        tx, ty, anchor, distance = position
        taken.append(text_box(tx, ty, place.label, FONT, anchor))
        where = f'x="{_num(tx)}" y="{_num(ty)}" text-anchor="{anchor}"'
        halo, text = haloed("ed-map-place", where, escape_html(place.label)).split("\n")
        leader = ""
        if distance > 1.6:
            end_y = ty - 0.3 * FONT
            leader = f'<path class="ed-map-leader" d="M{_num(x)} {_num(y)}L{_num(tx)} {_num(end_y)}"/>'
        dot = f'<circle class="ed-map-dot" cx="{_num(x)}" cy="{_num(y)}" r="{DOT}"/>'
        parts.append(f'{halo}<a href="{escape_html(link(place.id))}">{leader}{dot}{text}</a>')
    return [*parts, "</g>"]


OFFSETS = ((7, 4, "start"), (-7, 4, "end"), (0, -8, "middle"), (0, 17, "middle"), (6, -6, "start"), (6, 14, "start"), (-6, -6, "end"))
DISTANCES = (1.0, 1.6, 2.4, 3.6, 5.0, 7.0)


def label_position(label: str, dot: Point, frame: Frame, taken: Sequence[Box]) -> tuple[float, float, str, float]:
    """Where a label goes, and how far out: right of its dot, else left, above, below, diagonally, farther each round.

    Ever farther rings of positions are tried until one is free; as a last resort the
    label stands where it overlaps the fewest labels already placed.
    """
    x, y = dot
    candidates = []
    for distance in DISTANCES:
        for dx, dy, anchor in OFFSETS:
            tx, ty = x + dx * distance, y + dy * distance
            box = text_box(tx, ty, label, FONT, anchor)
            if box.within(frame):
                clashes = sum(box.overlaps(other) for other in taken)
                if clashes == 0:
                    return tx, ty, anchor, distance
                candidates.append((clashes, distance, tx, ty, anchor))
    if not candidates:
        return x + OFFSETS[0][0], y + OFFSETS[0][1], OFFSETS[0][2], 1.0
    _, distance, tx, ty, anchor = min(candidates, key=lambda candidate: candidate[:2])
    return tx, ty, anchor, distance
