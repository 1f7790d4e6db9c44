"""The map projection and frame: conformal conic facts and a frame that holds what it was fitted to."""

from __future__ import annotations

import itertools
import math

import pytest

from edition.figures import geo
from edition.figures.geo import Conic, Point, area, box_outline, clip_ring, fit, simplify, thin


def test_scale_is_true_on_the_standard_parallels_and_smaller_between() -> None:
    conic = Conic()
    assert conic.scale_factor(45.0) == pytest.approx(1.0)
    assert conic.scale_factor(51.0) == pytest.approx(1.0)
    assert conic.scale_factor(48.0) < 1.0


def test_unproject_inverts_project() -> None:
    conic = Conic()
    for lon, lat in ((30.52, 50.45), (33.52, 44.6), (37.62, 55.76), (22.0, 41.0)):
        assert conic.unproject(conic.project(lon, lat)) == pytest.approx((lon, lat))


def test_a_degree_of_latitude_is_about_111_km() -> None:
    conic = Conic()
    _, south = conic.project(34.0, 47.5)
    _, north = conic.project(34.0, 48.5)
    assert north - south == pytest.approx(111.2 * conic.scale_factor(48.0), rel=0.01)


def test_fit_puts_every_point_inside_the_frame() -> None:
    conic = Conic()
    points = [conic.project(lon, lat) for lon, lat in box_outline(22, 41, 45, 56)]
    frame = fit(points, 800, 560, 24)
    for point in points:
        assert frame.inside(frame.to_px(point), 23.9)
    assert frame.inside(frame.to_px(conic.project(33.5, 48)))
    assert not frame.inside(frame.to_px(conic.project(-77, 38.9)))
    assert frame.to_km(frame.to_px((100.0, -50.0))) == pytest.approx((100.0, -50.0))


def test_clip_keeps_the_part_of_a_ring_inside_the_box() -> None:
    square = [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)]
    assert area(clip_ring(square, (1, 1, 3, 5))) == pytest.approx(6.0)
    assert clip_ring(square, (10, 10, 11, 11)) == []


def test_simplify_keeps_ends_and_drops_points_near_the_line() -> None:
    line = [(float(x), math.sin(x) * 0.001) for x in range(10)]
    assert simplify(line, 0.01) == [line[0], line[-1]]
    corner = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0)]
    assert simplify(corner, 0.01) == corner


def test_simplifying_a_crafted_zigzag_looks_at_each_point_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch) -> None:
    # Each point one step right and alternately up or down: plain Douglas-Peucker finds the
    # farthest point next to an end at every split, so it would look at n²/2 points.
    zigzag = [(float(x), 10.0 * (x % 2)) for x in range(4000)]
    looked_at = 0
    farthest = geo._farthest

    def counted(points: list[Point], first: int, last: int) -> tuple[int, float]:
        nonlocal looked_at
        looked_at += last - first - 1
        return farthest(points, first, last)

    monkeypatch.setattr(geo, "_farthest", counted)
    kept = simplify(zigzag, 0.4)
    assert looked_at <= geo.MAX_SPLIT_DEPTH * len(zigzag) < len(zigzag) ** 2 / 2
    assert kept == zigzag  # every point of the zigzag is 10 px from its neighbours: none may go


def test_a_line_simplified_past_the_split_depth_stays_within_the_tolerance() -> None:
    # The zigzag again, each stroke drawn as 100 points a tenth of a pixel apart.
    corners = [(float(x), 10.0 * (x % 2)) for x in range(200)]
    line = [
        (ax + (bx - ax) * step / 100, ay + (by - ay) * step / 100)
        for (ax, ay), (bx, by) in itertools.pairwise(corners)
        for step in range(100)
    ] + [corners[-1]]
    kept = simplify(line, 0.4)
    where = {point: index for index, point in enumerate(line)}
    for start, end in itertools.pairwise(kept):
        between = line[where[start] + 1 : where[end]]
        assert all(_distance_to_segment(point, start, end) <= 0.4 for point in between)
    assert set(corners) <= set(kept)
    assert len(kept) < len(line) / 2


def _distance_to_segment(point: Point, start: Point, end: Point) -> float:
    """How far a point lies from a line segment."""
    (px, py), (ax, ay), (bx, by) = point, start, end
    length = (bx - ax) ** 2 + (by - ay) ** 2
    share = 0.0 if not length else max(0.0, min(1.0, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / length))
    return math.dist(point, (ax + share * (bx - ax), ay + share * (by - ay)))


def test_thinning_drops_points_closer_than_the_distance_and_keeps_the_ends() -> None:
    points = [(0.0, 0.0), (0.05, 0.0), (0.5, 0.0), (0.55, 0.02), (1.0, 1.0), (1.01, 1.0)]
    assert thin(points, 0.1) == [(0.0, 0.0), (0.5, 0.0), (1.0, 1.0), (1.01, 1.0)]


def test_a_lon_lat_box_far_from_the_picture_cannot_show_and_one_around_it_can() -> None:
    conic = Conic()
    x, y = conic.project(33.5, 44.6)
    picture = (x - 500, y - 500, x + 500, y + 500)
    assert not conic.may_show(130, -40, 150, -10, picture), "Australia is nowhere near a picture of Crimea"
    assert not conic.may_show(-10, 35, 0, 44, picture), "nor is Spain"
    assert conic.may_show(30, 40, 40, 50, picture)
    assert conic.may_show(-180, -90, 180, 90, picture)


def test_a_box_with_a_point_in_the_picture_may_always_show() -> None:
    conic = Conic()
    x, y = conic.project(30.0, 50.0)
    picture = (x - 800, y - 600, x + 800, y + 600)
    for west in range(-180, 180, 15):
        for south in range(-80, 80, 10):
            east, north = west + 20, south + 15
            inside = any(
                picture[0] <= px <= picture[2] and picture[1] <= py <= picture[3]
                for lon in range(west, east + 1)
                for lat in range(south, north + 1)
                for px, py in [conic.project(lon, lat)]
            )
            assert not inside or conic.may_show(west, south, east, north, picture), (west, south, east, north)
