"""The map projection and frame: conformal conic facts and a frame that holds what it was fitted to."""

from __future__ import annotations

import math

import pytest

from edition.figures.geo import Conic, area, box_outline, clip_ring, fit, simplify, thin


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


def test_thinning_drops_points_closer_than_the_distance_and_keeps_the_ends() -> None:
    points = [(0.0, 0.0), (0.05, 0.0), (0.5, 0.0), (0.55, 0.02), (1.0, 1.0), (1.01, 1.0)]
    assert thin(points, 0.1) == [(0.0, 0.0), (0.5, 0.0), (1.0, 1.0), (1.01, 1.0)]
