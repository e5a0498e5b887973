from __future__ import annotations

import pytest

from litfass.places.models import Place
from litfass.places.queries import ancestors, nearby_places, surroundings
from litfass.places.services import create_place, move_place


def test_surroundings_hold_the_place_its_districts_and_nearby_towns(town):
    names = {p.name for p in surroundings(town.kaiserslautern)}
    assert names == {"Kaiserslautern", "Hohenecken", "Otterberg"}


def test_a_town_farther_than_the_radius_is_not_in_the_surroundings(town):
    assert town.pirmasens not in surroundings(town.kaiserslautern)
    assert town.pirmasens in surroundings(town.kaiserslautern, radius_km=40)


def test_a_district_far_away_still_belongs_to_its_town(town):
    far = create_place(
        name="Exklave",
        kind=Place.Kind.DISTRICT,
        parent=town.kaiserslautern,
        latitude=50.5,
        longitude=9.0,
    )
    assert far in surroundings(town.kaiserslautern)
    assert far not in surroundings(town.otterberg)


def test_surroundings_are_one_query(town, django_assert_num_queries):
    with django_assert_num_queries(1):
        list(surroundings(town.kaiserslautern))


def test_nearby_places_leave_out_the_place_itself(town):
    assert town.kaiserslautern not in nearby_places(town.kaiserslautern)
    assert town.otterberg in nearby_places(town.kaiserslautern)


def test_ancestors_run_from_the_region_down(town):
    assert ancestors(town.hohenecken) == [town.region, town.kaiserslautern]


def test_moving_a_place_moves_its_subtree(town):
    move_place(place=town.kaiserslautern, parent=None)
    town.hohenecken.refresh_from_db()
    assert town.hohenecken.path == f"/{town.kaiserslautern.pk}/{town.hohenecken.pk}/"


def test_a_place_cannot_move_below_its_own_district(town):
    with pytest.raises(ValueError, match="below itself"):
        move_place(place=town.kaiserslautern, parent=town.hohenecken)


def test_invalid_coordinates_are_refused(db):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        create_place(name="Nirgendwo", latitude=123.0, longitude=7.0)
