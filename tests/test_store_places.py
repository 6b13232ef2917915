"""A claim's places are stored as Place.to_dict gives them."""

from __future__ import annotations

from counterclaim.model import Place
from counterclaim.store import _place_dict

PLACES = [
    Place("Kherson", 46.64, 32.61, "UA", "Kherson Oblast", "geonames", 706448, 279131),
    Place("El Fasher", 13.63, 25.35, "SD", "North Darfur", "geonames", 371128, None),
    Place("Khan Younis", 31.34, 34.31, "PS", None, "supplement", None, 205125),
    Place("Kok-Tash"),  # unresolved: the name as written
    Place("Kupwara", 34.53, 74.25, "IN", "Jammu and Kashmir", "geonames", 1265859, 0),
]


def test_place_rows_equal_to_dict() -> None:
    for place in PLACES:
        row = _place_dict(place)
        assert row == place.to_dict()
        assert list(row) == list(place.to_dict())  # the same key order, so the same JSON
        assert Place(**row) == place
