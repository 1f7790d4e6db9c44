"""Map geometry: a Lambert conformal conic projection and a frame that fits it into a picture.

Pure functions on plain numbers. The projection works on a sphere, which at the
scale of a locator map (a few km per pixel) is indistinguishable from the ellipsoid.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

EARTH_RADIUS_KM = 6371.0
MAX_SPLIT_DEPTH = 32
"""How deep `simplify` splits a line before it thins the rest: its work is at most this many passes."""

Point = tuple[float, float]


@dataclass(frozen=True)
class Conic:
    """Lambert conformal conic: shapes kept, scale true on the two standard parallels."""

    parallel1: float = 45.0
    parallel2: float = 51.0
    origin_lat: float = 48.0
    origin_lon: float = 34.0

    # The constants are cached because a map projects thousands of points with one Conic.
    @cached_property
    def cone(self) -> float:
        """The cone constant n."""
        phi1, phi2 = math.radians(self.parallel1), math.radians(self.parallel2)
        return float(math.log(math.cos(phi1) / math.cos(phi2)) / math.log(_tan_half(phi2) / _tan_half(phi1)))

    @cached_property
    def _apex_km(self) -> float:
        """R·F, the factor every parallel's distance from the apex shares."""
        n = self.cone
        phi1 = math.radians(self.parallel1)
        return float(EARTH_RADIUS_KM * math.cos(phi1) * _tan_half(phi1) ** n / n)

    @cached_property
    def _rho_origin(self) -> float:
        """Distance in km from the cone's apex to the origin's parallel."""
        return self._rho(self.origin_lat)

    def _rho(self, lat: float) -> float:
        """Distance in km from the cone's apex to the parallel `lat`."""
        return float(self._apex_km / _tan_half(math.radians(lat)) ** self.cone)

    def project(self, lon: float, lat: float) -> Point:
        """Kilometres east and north of the origin."""
        theta = self.cone * math.radians(lon - self.origin_lon)
        rho = self._rho(lat)
        return rho * math.sin(theta), self._rho_origin - rho * math.cos(theta)

    def unproject(self, point: Point) -> Point:
        """Longitude and latitude of a point given in projected km (the inverse of `project`)."""
        x, y = point
        n = self.cone
        rest = self._rho_origin - y
        rho = math.copysign(math.hypot(x, rest), n)
        theta = math.atan2(x, rest)
        lat = 2 * math.atan((self._apex_km / rho) ** (1 / n)) - math.pi / 2
        return self.origin_lon + math.degrees(theta / n), math.degrees(lat)

    def may_show(self, west: float, south: float, east: float, north: float, box: tuple[float, float, float, float]) -> bool:
        """Whether any point of the lon/lat box can fall in `box` (west, south, east, north, in projected km).

        A parallel projects to an arc about the cone's apex and a meridian to a ray from it:
        the lon/lat box lies within a range of distances from the apex and of angles about it,
        and can only meet `box` if both ranges meet those of `box`. True whenever the test
        does not apply (a cone opening south, or `box` reaching round the apex).
        """
        left, bottom, right, top = box
        if self.cone <= 0 or self._rho_origin - top <= 0:
            return True
        corners = [(x, self._rho_origin - y) for x in (left, right) for y in (bottom, top)]
        angles = [math.atan2(x, rest) for x, rest in corners]
        nearest = math.hypot(min(max(0.0, left), right), self._rho_origin - top)
        farthest = max(math.hypot(x, rest) for x, rest in corners)
        near, far = self._rho(min(north, 89.999)), self._rho(max(south, -89.999))
        first, last = self.cone * math.radians(west - self.origin_lon), self.cone * math.radians(east - self.origin_lon)
        return near <= farthest and far >= nearest and first <= max(angles) and last >= min(angles)

    def scale_factor(self, lat: float) -> float:
        """How much the projection stretches distances at latitude `lat` (1 on the standard parallels)."""
        phi, phi1 = math.radians(lat), math.radians(self.parallel1)
        n = self.cone
        return float(math.cos(phi1) * _tan_half(phi1) ** n / (math.cos(phi) * _tan_half(phi) ** n))


def _tan_half(phi: float) -> float:
    """tan(π/4 + φ/2), the term every conformal projection is built from."""
    return math.tan(math.pi / 4 + phi / 2)


@dataclass(frozen=True)
class Frame:
    """A picture `width` × `height` px and the affine map from projected km into it (y down)."""

    width: float
    height: float
    scale: float = 1.0
    left_km: float = 0.0
    top_km: float = 0.0

    def to_px(self, point: Point) -> Point:
        """Projected km to picture pixels."""
        x, y = point
        return (x - self.left_km) * self.scale, (self.top_km - y) * self.scale

    def to_km(self, pixel: Point) -> Point:
        """Picture pixels back to projected km."""
        x, y = pixel
        return x / self.scale + self.left_km, self.top_km - y / self.scale

    def inside(self, point: Point, margin: float = 0.0) -> bool:
        """Whether a pixel point lies within the picture, at least `margin` px from its edges."""
        x, y = point
        return margin <= x <= self.width - margin and margin <= y <= self.height - margin


def fit(points_km: Iterable[Point], width: float, height: float, padding: float) -> Frame:
    """The frame that shows all points as large as possible, centred, `padding` px from the edges."""
    xs, ys = zip(*points_km, strict=True)
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale = min((width - 2 * padding) / span_x, (height - 2 * padding) / span_y)
    centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return Frame(width, height, scale, centre_x - width / 2 / scale, centre_y + height / 2 / scale)


def box_outline(west: float, south: float, east: float, north: float, steps: int = 8) -> list[Point]:
    """Points along the edges of a lon/lat box, so that a fit includes its curved sides."""
    fractions = [index / steps for index in range(steps + 1)]
    return [
        *((west + (east - west) * f, south) for f in fractions),
        *((west + (east - west) * f, north) for f in fractions),
        *((west, south + (north - south) * f) for f in fractions),
        *((east, south + (north - south) * f) for f in fractions),
    ]


def thin(points: Sequence[Point], distance: float) -> list[Point]:
    """The points without those closer than `distance` to the last one kept (the first and last always kept): one pass."""
    if len(points) < 3:
        return list(points)
    kept = [points[0]]
    for x, y in points[1:-1]:
        last_x, last_y = kept[-1]
        if abs(x - last_x) > distance or abs(y - last_y) > distance:
            kept.append((x, y))
    kept.append(points[-1])
    return kept


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: keep the end points and every point farther than `tolerance` from the chord.

    Each level of splitting looks at every point once, so the work is the number of points
    times the depth. Real outlines need fewer than 20 levels (at most 18 for the world's base
    map under any frame tried); a crafted line (a zigzag whose farthest point is always next
    to an end) would need as many levels as it has points, hours at the base map's limit of
    points. Below `MAX_SPLIT_DEPTH` a stretch is thinned to `tolerance` instead, in one pass,
    which keeps every dropped point within `tolerance` of a kept one.
    """
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1, 0)]
    while stack:
        first, last, depth = stack.pop()
        if depth == MAX_SPLIT_DEPTH:
            _keep_thinned(points, first, last, tolerance, keep)
            continue
        farthest, distance = _farthest(points, first, last)
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest, depth + 1), (farthest, last, depth + 1)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def _farthest(points: Sequence[Point], first: int, last: int) -> tuple[int, float]:
    """The point between `first` and `last` farthest from their chord, and its distance."""
    (ax, ay), (bx, by) = points[first], points[last]
    length = math.hypot(bx - ax, by - ay)
    farthest, distance = first, 0.0
    for index in range(first + 1, last):
        px, py = points[index]
        gap = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length if length else math.hypot(px - ax, py - ay)
        if gap > distance:
            farthest, distance = index, gap
    return farthest, distance


def _keep_thinned(points: Sequence[Point], first: int, last: int, tolerance: float, keep: list[bool]) -> None:
    """Keep each point between `first` and `last` that is farther than `tolerance` from the last one kept."""
    last_x, last_y = points[first]
    for index in range(first + 1, last):
        x, y = points[index]
        if math.hypot(x - last_x, y - last_y) > tolerance:
            keep[index] = True
            last_x, last_y = x, y


def clip_ring(points: Sequence[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman: the part of a closed ring inside an axis-aligned box (west, south, east, north)."""
    points = list(points)
    west, south, east, north = box
    edges = ((0, west, True), (0, east, False), (1, south, True), (1, north, False))
    for axis, limit, keep_above in edges:
        if not points:
            break
        inside = [(point[axis] >= limit) == keep_above for point in points]
        clipped: list[Point] = []
        for index, point in enumerate(points):
            previous = points[index - 1]
            if inside[index] != inside[index - 1]:
                share = (limit - previous[axis]) / (point[axis] - previous[axis])
                crossing = (previous[0] + share * (point[0] - previous[0]), previous[1] + share * (point[1] - previous[1]))
                clipped.append((limit, crossing[1]) if axis == 0 else (crossing[0], limit))
            if inside[index]:
                clipped.append(point)
        points = clipped
    return points


def area(points: Sequence[Point]) -> float:
    """The absolute area of a ring in square units (shoelace formula)."""
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, [*points[1:], *points[:1]], strict=True))) / 2
