"""The reports about one large incident: the first, with the official toll, witnesses and
rescuers, and the follow-ups as the toll rises."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np

from tollbook.names.transliteration import ukrainian_national
from tollbook.simulate.deaths import SimulatedIncident
from tollbook.simulate.news import Draft, claim
from tollbook.simulate.news_phrases import (
    BOILERPLATE,
    OUTLETS,
    day_phrase,
    figure,
    hedged,
    number_words,
)

if TYPE_CHECKING:
    from tollbook.simulate.news_writer import Writer


def first_report(w: Writer, report: Draft, incident: SimulatedIncident, day: date, k: int) -> None:
    rng = w.rng
    kind = incident.kind
    district = ukrainian_national(w.config.districts[incident.district])
    when = day.isoformat()
    published = report.published
    killed = w.official_tolls(incident)[0]
    injured = max(1, round(incident.injured * rng.uniform(0.4, 0.8)))
    council = "city council"
    hedge, low, high, qualifier = hedged(killed, rng)
    lead_claims = [
        claim(
            "killed",
            low,
            high,
            qualifier,
            place=district,
            when=when,
            kind="official",
            attributed_to=council,
        ),
        claim(
            "injured",
            injured,
            injured,
            "exact",
            place=district,
            when=when,
            kind="official",
            attributed_to=council,
        ),
    ]
    headline = rng.choice(
        (
            f"{kind.weapon} hits {kind.target}, killing {hedge}, officials say",
            f"{hedge[0].upper()}{hedge[1:]} killed as {kind.weapon.lower()} hits {kind.target}",
        )
    )
    report.line((headline, lead_claims[:1]))
    report.line((f"By {rng.choice(w.people.reporters)}", []))
    outlet = rng.choice(OUTLETS)
    when_text = day_phrase(day, published)
    where = f"{kind.target} in the {district} district of {w.city} {when_text}"
    if rng.random() < 0.5:
        lead = (
            f"{w.city.upper()}, Ukraine ({outlet}) - {kind.weapon} hit {where}, killing "
            f"{hedge} people and wounding {injured:,}, the city council said."
        )
    else:
        lead = (
            f"{hedge[0].upper()}{hedge[1:]} people were killed and {injured:,} wounded "
            f"when {kind.weapon.lower()} hit {where}, according to the city council."
        )
    report.line((lead, lead_claims))
    if kind.sheltering:
        sheltering = round(incident.killed * rng.uniform(2.0, 4.0), -1)
        report.line(
            (
                f"About {int(sheltering):,} people had been sheltering in the building when "
                "it was hit, according to residents.",
                [],
            )
        )
    body: list[tuple[str, list[dict[str, Any]]]] = []
    children = int(np.count_nonzero((w.deaths.incident == k) & (w.deaths.age < 18)))
    reported_children = min(children, max(0, round(children * rng.uniform(0.4, 0.9))))
    if reported_children >= 2:
        body.append(
            (
                f"Among the dead were {figure(reported_children, rng)} children, the city "
                "council added.",
                [
                    claim(
                        "killed",
                        reported_children,
                        reported_children,
                        "exact",
                        victims="children",
                        place=district,
                        when=when,
                        kind="official",
                        attributed_to=council,
                    )
                ],
            )
        )
    if incident.missing >= 2:
        chief = f"{w.people.rescue_chief}, head of the city's emergency service"
        count = number_words(incident.missing).capitalize()
        body.append(
            (
                f"{count} people are still unaccounted for, {chief}, said.",
                [
                    claim(
                        "missing",
                        incident.missing,
                        incident.missing,
                        "exact",
                        place=district,
                        when=when,
                        kind="official",
                        attributed_to=chief,
                    )
                ],
            )
        )
    if body:
        report.line(*body)
    rescued = rng.randint(5, 60)
    report.line(
        (f"Rescuers brought {rescued} people out alive from the basement overnight.", []),
        (
            f"A {rng.randint(60, 88)}-year-old woman who lives nearby said the blast "
            "shattered every window on her street.",
            [],
        ),
    )
    high = round(incident.killed * rng.uniform(1.0, 1.5))
    if high > killed + 1:
        volunteer = f"{w.people.volunteer}, local volunteer"
        if rng.random() < 0.5:
            text = (
                f"{w.people.volunteer}, a local volunteer, said the real number of dead "
                f"could be as high as {high:,}."
            )
            estimate = claim(
                "killed",
                None,
                high,
                "up_to",
                place=district,
                when=when,
                kind="estimate",
                attributed_to=volunteer,
            )
        else:
            text = (
                f"{w.people.volunteer}, a local volunteer, believes between {killed + 1:,} "
                f"and {high:,} people died in the building."
            )
            estimate = claim(
                "killed",
                killed + 1,
                high,
                "range",
                place=district,
                when=when,
                kind="estimate",
                attributed_to=volunteer,
            )
        report.line((text, [estimate]))
    toll = w.official_toll(published)
    report.line(
        (
            f"The city council says at least {toll:,} civilians have been killed in "
            f"{w.city} since the siege began on {w.start_phrase()}.",
            [
                claim(
                    "killed",
                    toll,
                    None,
                    "at_least",
                    victims="civilians",
                    place=w.city,
                    when=w.since(published),
                    scope="cumulative",
                    kind="official",
                    attributed_to=council,
                )
            ],
        ),
        (f"The city had a pre-war population of about {w._prewar():,}.", []),
    )
    report.line((rng.choice(BOILERPLATE), []))


def follow_up(w: Writer, report: Draft, incident: SimulatedIncident, day: date, n: int) -> None:
    rng = w.rng
    kind = incident.kind
    when = day.isoformat()
    published = report.published
    place = w.city
    tolls = w.official_tolls(incident)
    earlier, now = tolls[n - 1], tolls[n]
    officials_said = "officials"
    report.line(
        (
            f"Death toll from strike on {kind.target} rises to {now:,}",
            [
                claim(
                    "killed",
                    now,
                    now,
                    "exact",
                    place=place,
                    when=when,
                    kind="official",
                    attributed_to=officials_said,
                )
            ],
        )
    )
    report.line((f"By {rng.choice(w.people.reporters)}", []))
    report.line(
        (
            f"The death toll from the strike on {kind.target} in {w.city} "
            f"{day_phrase(day, published)} has risen to {now:,}, up from {earlier:,} reported "
            "earlier, officials said.",
            [
                claim(
                    "killed",
                    now,
                    now,
                    "exact",
                    place=place,
                    when=when,
                    kind="official",
                    attributed_to=officials_said,
                ),
                claim(
                    "killed",
                    earlier,
                    earlier,
                    "exact",
                    place=place,
                    when=when,
                    kind="official",
                    attributed_to=officials_said,
                ),
            ],
        )
    )
    recovery = day + timedelta(days=rng.randint(1, max(1, (published - day).days - 1)))
    found = max(2, round(incident.killed * rng.uniform(0.05, 0.2)))
    service = "emergency service"
    report.line(
        (
            f"Rescuers pulled {found:,} more bodies from the rubble "
            f"{day_phrase(recovery, published)}, the emergency service said.",
            [
                claim(
                    "bodies_found",
                    found,
                    found,
                    "exact",
                    place=place,
                    when=recovery.isoformat(),
                    kind="official",
                    attributed_to=service,
                )
            ],
        ),
        (
            f"More than {max(2, round(incident.injured * 0.7)):,} people were wounded in the "
            "strike.",
            [
                claim(
                    "injured",
                    max(2, round(incident.injured * 0.7)),
                    None,
                    "more_than",
                    place=place,
                    when=when,
                )
            ],
        ),
    )
    if n % 2 == 1:
        factor, words = rng.choice(((2, "twice as high as"), (3, "three times higher than")))
        deputy = f"{w.people.deputy_mayor}, deputy mayor of {w.city}"
        report.line(
            (
                f"{deputy}, said the true toll was likely {words} the official figure.",
                [
                    claim(
                        "killed",
                        now * factor,
                        now * factor,
                        "derived",
                        place=place,
                        when=when,
                        kind="estimate",
                        attributed_to=deputy,
                    )
                ],
            )
        )
    report.line(
        (
            "Dozens of people are still believed to be under the rubble, residents said.",
            [
                claim(
                    "missing",
                    None,
                    None,
                    "vague",
                    place=place,
                    when=when,
                    kind="estimate",
                    attributed_to="residents",
                )
            ],
        ),
        (f"The site lies about {rng.randint(2, 9)} km from the front line.", []),
    )


# --- toll reports --------------------------------------------------------------------
