"""What the forms offer to pick from instead of typed formats: the description
vocabulary both sides of a match use (garments, colours, marks and where on the body,
effects, wrappings: ``tollbook.simulate.descriptions`` holds it), and the morgues and
trenches a body can be taken to."""

from __future__ import annotations

from dataclasses import dataclass

from tollbook.domain.description_terms import (
    CLOTHING_FEMALE,
    CLOTHING_MALE,
    COLOURS,
    EFFECTS,
    MARK_KINDS,
    MARK_PLACES,
    WRAPPINGS,
)
from tollbook.services.registry import morgue_occupancy
from tollbook.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Vocabulary:
    garments: tuple[str, ...]
    colours: tuple[str, ...]
    marks: tuple[str, ...]
    places: tuple[str, ...]
    effects: tuple[str, ...]
    wrappings: tuple[str, ...]


VOCABULARY = Vocabulary(
    garments=tuple(sorted(set(CLOTHING_MALE) | set(CLOTHING_FEMALE))),
    colours=COLOURS,
    marks=MARK_KINDS,
    places=MARK_PLACES,
    effects=EFFECTS,
    wrappings=WRAPPINGS,
)


def places_to_take(uow: UnitOfWork) -> list[tuple[str, str]]:
    """``(value, label)`` of the places a body can be taken: each morgue, by its code,
    with its name and how full it is."""
    return [
        (f"morgue:{m.code}", f"{m.name} ({held}/{m.capacity})") for m, held in morgue_occupancy(uow)
    ]
