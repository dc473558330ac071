"""What a person looked like and carried: height, clothing, marks and effects.

The same true description is seen twice, each time with its own errors: by the team that
buries a body, and by the family that reports the person missing. Descriptions are coded
with one shared vocabulary ("coat:black", "tattoo:anchor:left forearm"), so the two can be
compared; items are joined with "; " in the files.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# the shared vocabulary lives in the domain, so that pages and parsers use it too
from tollbook.domain.description_terms import (
    CLOTHING_FEMALE,
    CLOTHING_MALE,
    COLOURS,
    EFFECTS,
    MARK_KINDS,
    MARK_PLACES,
)

#: Apparent age as a burial team writes it, by lower bound in years.
APPARENT_AGES: tuple[tuple[int, str], ...] = (
    (0, "child"), (13, "adolescent"), (20, "young adult"), (35, "adult"),
    (55, "older adult"), (70, "elderly"),
)  # fmt: skip


@dataclass(frozen=True)
class Description:
    """The truth about one person's appearance on the day they disappeared or died."""

    height_cm: int
    clothing: tuple[str, ...]
    marks: tuple[str, ...]
    effects: tuple[str, ...]


def true_description(sex: int, age: int, rng: random.Random) -> Description:
    """Draw what a person of this sex (0 male, 1 female) and age looked like."""
    if age >= 18:
        height = rng.gauss(176, 7) if sex == 0 else rng.gauss(164, 6)
    else:
        height = 75 + age * 6.2 + rng.gauss(0, 6)
    items = CLOTHING_MALE if sex == 0 else CLOTHING_FEMALE
    clothing = tuple(
        f"{item}:{rng.choice(COLOURS)}" for item in rng.sample(items, rng.randint(2, 4))
    )
    marks: list[str] = []
    for _ in range(rng.choice((0, 0, 0, 1, 1, 2))):
        kind = rng.choice(MARK_KINDS)
        if kind in ("gold tooth", "dentures"):
            marks.append(kind)
        else:
            marks.append(f"{kind}:{rng.choice(MARK_PLACES)}")
    effects = tuple(rng.sample(EFFECTS, rng.choice((0, 1, 1, 2, 3)))) if age >= 12 else ()
    return Description(round(height), clothing, tuple(sorted(set(marks))), effects)


def apparent_age(age: int, rng: random.Random) -> str:
    """The age group a burial team would guess for a body of this age."""
    guess = age + rng.gauss(0, 6)
    label = APPARENT_AGES[0][1]
    for low, name in APPARENT_AGES:
        if guess >= low:
            label = name
    return label


def observe(items: tuple[str, ...], keep: float, recolour: float, rng: random.Random) -> str:
    """Items as someone saw them: each kept with probability ``keep``; a clothing colour
    misread with probability ``recolour``. Joined with "; "."""
    seen: list[str] = []
    for item in items:
        if rng.random() >= keep:
            continue
        parts = item.split(":")
        if len(parts) == 2 and parts[1] in COLOURS and rng.random() < recolour:
            item = f"{parts[0]}:{rng.choice(COLOURS)}"
        seen.append(item)
    return "; ".join(seen)
