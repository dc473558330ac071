"""English news reports about the siege, with their claims coded by construction.

Every sentence is written from a template together with the claims it states, coded by
CLAIMS.md and the corpus notes in ``tests/data/*/NOTES.md``: the evidence is the sentence
itself, the place is the district an incident report names (``district`` dropped) or the
city, relative dates resolve against the publication date, a figure repeated in a report
counts once with the first sentence as evidence. Distractor numbers (people sheltering or
rescued, distances, ages, population, evacuees, days without water) are written in but are
not claims.

The figures come from the simulated truth through the filters real reporting has: official
counts lag and undercount, estimates overshoot, hedges vary.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np

from tollbook.domain.claim import CONTRACT_FIELDS, check_figures
from tollbook.simulate.config import SiegeConfig
from tollbook.simulate.deaths import Deaths, Incident
from tollbook.simulate.graves import Graves
from tollbook.simulate.names import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, feminine_family_name
from tollbook.simulate.population import day_number, rng_for
from tollbook.simulate.records import as_date
from tollbook.simulate.transliteration import ukrainian_national

#: Lines that are not news and never hold claims.
BOILERPLATE: tuple[str, ...] = (
    "Sign up to our newsletter for the latest updates from Ukraine",
    "Follow our live coverage of the war in Ukraine",
    "Advertisement · Scroll to continue",
    "Read more: how volunteers keep the city's hospitals running",
)
OUTLETS: tuple[str, ...] = ("Steppe Wire", "Azov Courier", "Evening Dispatch", "Frontline Daily")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_UNITS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


@dataclass(frozen=True)
class NewsReport:
    """A report in the CLAIMS.md input format."""

    id: str
    text: str
    published: date
    title: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "published": self.published.isoformat(),
            "title": self.title,
        }


@dataclass(frozen=True)
class News:
    reports: tuple[NewsReport, ...]
    #: gold claims in the CLAIMS.md output format (exactly its fields, in its order)
    gold: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Officials:
    """The people the news quotes, named once per siege."""

    mayor: str
    deputy_mayor: str
    rescue_chief: str
    volunteer: str
    gravedigger: str
    reporters: tuple[str, ...]


@dataclass
class _Report:
    """A report being written: lines of sentences, each sentence with its claims."""

    id: str
    published: date
    rng: random.Random
    lines: list[list[tuple[str, list[dict[str, Any]]]]] = field(default_factory=list)

    def line(self, *sentences: tuple[str, list[dict[str, Any]]]) -> None:
        """Add a line of sentences; body sentences (not the headline) get the odd typo."""
        if self.lines:
            sentences = tuple(
                (split_word(s, self.rng) if self.rng.random() < 0.05 else s, c)
                for s, c in sentences
            )
        self.lines.append(list(sentences))

    def finish(self) -> tuple[NewsReport, list[dict[str, Any]]]:
        text = "\n".join(" ".join(s for s, _ in line) for line in self.lines)
        gold: list[dict[str, Any]] = []
        seen: set[tuple[Any, ...]] = set()
        for line in self.lines:
            for sentence, claims in line:
                for c in claims:
                    key = (
                        c["outcome"],
                        c["low"],
                        c["high"],
                        c["qualifier"],
                        c["victims"],
                        c["place"],
                    )
                    if key in seen:
                        continue
                    seen.add(key)
                    gold.append({"article": self.id, **c, "evidence": sentence})
        title = self.lines[0][0][0]
        return NewsReport(self.id, text, self.published, title), [
            {k: g[k] for k in CONTRACT_FIELDS} for g in gold
        ]


def claim(
    outcome: str,
    low: int | None,
    high: int | None,
    qualifier: str,
    *,
    victims: str = "people",
    place: str | None,
    when: str | None,
    scope: str = "incident",
    kind: str = "reported",
    attributed_to: str | None = None,
) -> dict[str, Any]:
    """One gold claim without its article and evidence (the report adds them)."""
    check_figures(qualifier, low, high)
    return {
        "outcome": outcome,
        "low": low,
        "high": high,
        "qualifier": qualifier,
        "victims": victims,
        "place": place,
        "when": when,
        "scope": scope,
        "kind": kind,
        "attributed_to": attributed_to,
    }


def hedged(n: int, rng: random.Random) -> tuple[str, int | None, int | None, str]:
    """A figure with a hedge as a reporter writes it, and its (low, high, qualifier)."""
    u = rng.random()
    if u < 0.45:
        return f"at least {n:,}", n, None, "at_least"
    if u < 0.6:
        return f"more than {n:,}", n, None, "more_than"
    if u < 0.75:
        return f"about {n:,}", n, n, "about"
    if u < 0.85:
        return f"nearly {n:,}", None, n, "up_to"
    return f"{n:,}", n, n, "exact"


_SPLITTABLE_RE = re.compile(
    r"\b(?:killing|killed|wounded|wounding|unaccounted|rubble|according|building|earlier"
    r"|streets|shelling)\b"
)


def split_word(sentence: str, rng: random.Random) -> str:
    """A typo the corpus notes allow: one long lower-case word split by a stray space."""
    words = list(_SPLITTABLE_RE.finditer(sentence))
    if not words:
        return sentence
    m = rng.choice(words)
    cut = m.start() + rng.randint(2, len(m.group()) - 2)
    return sentence[:cut] + " " + sentence[cut:]


def number_words(n: int) -> str:
    """A number under 100 in words ("forty-two"); larger ones in digits with commas."""
    if n < 20:
        return _UNITS[n]
    if n < 100:
        tens, unit = divmod(n, 10)
        return _TENS[tens] + (f"-{_UNITS[unit]}" if unit else "")
    return f"{n:,}"


def figure(n: int, rng: random.Random) -> str:
    """A figure as a reporter writes it mid-sentence: small ones often in words."""
    if n <= 12 and rng.random() < 0.7:
        return number_words(n)
    return f"{n:,}"


def day_phrase(day: date, published: date) -> str:
    """How a report published on ``published`` names an earlier ``day``."""
    diff = (published - day).days
    if diff == 1:
        return "yesterday"
    if 1 < diff <= 6:
        return f"on {_WEEKDAYS[day.weekday()]}"
    return f"on {day.day} {_MONTHS[day.month - 1]}"


def officials(config: SiegeConfig) -> Officials:
    """Names of the officials and witnesses quoted, in Latin letters (national system)."""
    rng = random.Random(int(rng_for(config.seed, "news-names").integers(0, 2**63 - 1)))

    def person() -> str:
        female = rng.random() < 0.5
        given = rng.choice(FEMALE_NAMES if female else MALE_NAMES).uk
        family = rng.choice(FAMILY_NAMES).uk
        if female:
            family = feminine_family_name(family)
        return ukrainian_national(f"{given} {family}")

    return Officials(
        mayor=person(),
        deputy_mayor=person(),
        rescue_chief=person(),
        volunteer=person(),
        gravedigger=person(),
        reporters=tuple(person() for _ in range(4)),
    )


def generate_news(config: SiegeConfig, deaths: Deaths, graves: Graves) -> News:
    """Reports about each large incident and regular reports on the siege's toll."""
    rng = random.Random(int(rng_for(config.seed, "news").integers(0, 2**63 - 1)))
    writer = _Writer(config, deaths, graves, officials(config), rng)
    drafts: list[tuple[date, int, _Report]] = []
    for k, incident in enumerate(deaths.incidents):
        count = rng.randint(1, max(1, config.news_per_incident))
        for n in range(count):
            drafts.append(writer.incident_report(incident, n, k))
    first = config.start + timedelta(days=config.news_every_days)
    day = first
    while day <= config.end + timedelta(days=1):
        toll = writer.toll_report(day)
        if toll is not None:
            drafts.append(toll)
        day += timedelta(days=config.news_every_days)
    drafts.sort(key=lambda d: (d[0], d[1]))
    reports: list[NewsReport] = []
    gold: list[dict[str, Any]] = []
    for number, (_, _, written) in enumerate(drafts, start=1):
        written.id = f"siege-news-{number:03d}"
        report, claims = written.finish()
        reports.append(report)
        gold.extend(claims)
    return News(tuple(reports), tuple(gold))


class _Writer:
    def __init__(
        self,
        config: SiegeConfig,
        deaths: Deaths,
        graves: Graves,
        people: Officials,
        rng: random.Random,
    ) -> None:
        self.config = config
        self.deaths = deaths
        self.graves = graves
        self.people = people
        self.rng = rng
        self.city = ukrainian_national(config.city)
        self.start_day = day_number(config.start)
        self.burials = graves.burials_per_day()
        self.site_names = {s.code: s.name for s in graves.sites}
        self.population = config.people
        self.incident_tolls: dict[str, list[int]] = {}

    # --- helpers -----------------------------------------------------------------------
    def dead_by(self, day: date) -> int:
        """True deaths up to and including ``day``."""
        return int(np.count_nonzero(self.deaths.day <= day_number(day)))

    def official_toll(self, day: date) -> int:
        """The city's count lags the truth and undercounts it more as the siege goes on."""
        true = self.dead_by(day - timedelta(days=2))
        progress = (day - self.config.start).days / max(1, self.config.days)
        return max(1, round(true * (0.45 - 0.2 * min(1.0, progress))))

    def official_tolls(self, incident: Incident) -> list[int]:
        """The official toll of an incident as it rises, one figure per report about it."""
        if incident.id not in self.incident_tolls:
            tolls = [max(3, round(incident.killed * self.rng.uniform(0.3, 0.45)))]
            for _ in range(self.config.news_per_incident):
                step = max(1, round(incident.killed * self.rng.uniform(0.05, 0.15)))
                tolls.append(tolls[-1] + step)
            self.incident_tolls[incident.id] = tolls
        return self.incident_tolls[incident.id]

    def since(self, published: date) -> str:
        return f"{self.config.start.isoformat()}/{published.isoformat()}"

    def start_phrase(self) -> str:
        s = self.config.start
        return f"{s.day} {_MONTHS[s.month - 1]}"

    # --- incident reports ----------------------------------------------------------------
    def incident_report(self, incident: Incident, n: int, k: int) -> tuple[date, int, _Report]:
        rng = self.rng
        day = as_date(incident.day)
        published = day + timedelta(days=1 + 2 * n + rng.randint(0, 1))
        report = _Report("", published, rng)
        if n == 0:
            self._first_report(report, incident, day, k)
        else:
            self._follow_up(report, incident, day, n)
        return published, k * 10 + n, report

    def _first_report(self, report: _Report, incident: Incident, day: date, k: int) -> None:
        rng = self.rng
        kind = incident.kind
        district = ukrainian_national(self.config.districts[incident.district])
        when = day.isoformat()
        published = report.published
        killed = self.official_tolls(incident)[0]
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
        report.line((f"By {rng.choice(self.people.reporters)}", []))
        outlet = rng.choice(OUTLETS)
        when_text = day_phrase(day, published)
        where = f"{kind.target} in the {district} district of {self.city} {when_text}"
        if rng.random() < 0.5:
            lead = (
                f"{self.city.upper()}, Ukraine ({outlet}) - {kind.weapon} hit {where}, killing "
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
        children = int(np.count_nonzero((self.deaths.incident == k) & (self.deaths.age < 18)))
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
            chief = f"{self.people.rescue_chief}, head of the city's emergency service"
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
            volunteer = f"{self.people.volunteer}, local volunteer"
            if rng.random() < 0.5:
                text = (
                    f"{self.people.volunteer}, a local volunteer, said the real number of dead "
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
                    f"{self.people.volunteer}, a local volunteer, believes between {killed + 1:,} "
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
        toll = self.official_toll(published)
        report.line(
            (
                f"The city council says at least {toll:,} civilians have been killed in "
                f"{self.city} since the siege began on {self.start_phrase()}.",
                [
                    claim(
                        "killed",
                        toll,
                        None,
                        "at_least",
                        victims="civilians",
                        place=self.city,
                        when=self.since(published),
                        scope="cumulative",
                        kind="official",
                        attributed_to=council,
                    )
                ],
            ),
            (f"The city had a pre-war population of about {self._prewar():,}.", []),
        )
        report.line((rng.choice(BOILERPLATE), []))

    def _follow_up(self, report: _Report, incident: Incident, day: date, n: int) -> None:
        rng = self.rng
        kind = incident.kind
        when = day.isoformat()
        published = report.published
        place = self.city
        tolls = self.official_tolls(incident)
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
        report.line((f"By {rng.choice(self.people.reporters)}", []))
        report.line(
            (
                f"The death toll from the strike on {kind.target} in {self.city} "
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
            deputy = f"{self.people.deputy_mayor}, deputy mayor of {self.city}"
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
    def toll_report(self, published: date) -> tuple[date, int, _Report] | None:
        """A report on the siege's running toll; none while the official count is tiny."""
        rng = self.rng
        report = _Report("", published, rng)
        siege_day = (published - self.config.start).days
        toll = self.official_toll(published)
        if toll < 5:
            return None
        place = self.city
        since = self.since(published)
        council = f"city council of {self.city}"
        report.line((f"{self.city} under siege: day {siege_day}", []))
        report.line((f"By {rng.choice(self.people.reporters)}", []))
        statement = day_phrase(published - timedelta(days=rng.randint(1, 2)), published)
        report.line(
            (
                f"The city council of {self.city} said {statement} that {toll:,} civilians had "
                f"been killed since the siege began on {self.start_phrase()}.",
                [
                    claim(
                        "killed",
                        toll,
                        toll,
                        "exact",
                        victims="civilians",
                        place=place,
                        when=since,
                        scope="cumulative",
                        kind="official",
                        attributed_to=council,
                    )
                ],
            ),
        )
        factor = rng.choice(
            (
                (3, 4, "three to four times higher than"),
                (2, 2, "twice as high as"),
                (3, 3, "three times higher than"),
            )
        )
        deputy = f"{self.people.deputy_mayor}, deputy mayor of {self.city}"
        report.line(
            (
                f"{deputy}, said the real number was {factor[2]} the official count.",
                [
                    claim(
                        "killed",
                        toll * factor[0],
                        toll * factor[1],
                        "derived",
                        victims="civilians",
                        place=place,
                        when=since,
                        scope="cumulative",
                        kind="estimate",
                        attributed_to=deputy,
                    )
                ],
            ),
            ("“Nobody can count the dead while the shelling goes on,” he said.", []),
        )
        wounded = round(self.dead_by(published) * rng.uniform(1.2, 2.0) * 0.5, -1)
        if wounded >= 10:
            report.line(
                (
                    f"More than {int(wounded):,} civilians have been wounded since the siege "
                    "began, according to the regional military administration.",
                    [
                        claim(
                            "injured",
                            int(wounded),
                            None,
                            "more_than",
                            victims="civilians",
                            place=place,
                            when=since,
                            scope="cumulative",
                            kind="official",
                            attributed_to="regional military administration",
                        )
                    ],
                )
            )
        burial = self._burial_sentence(published)
        if burial is not None:
            report.line(burial)
        verified = round(self.dead_by(published - timedelta(days=5)) * rng.uniform(0.1, 0.2))
        if verified >= 2:
            report.line(
                (
                    f"A human rights monitoring group said it had verified {verified:,} deaths in "
                    "the city since the siege began but that the true figure was much higher.",
                    [
                        claim(
                            "killed",
                            verified,
                            verified,
                            "exact",
                            place=place,
                            when=since,
                            scope="cumulative",
                            attributed_to="human rights monitoring group",
                        )
                    ],
                ),
            )
        if siege_day >= 14:
            vague = rng.choice(("Hundreds of", "Many", "Scores of"))
            report.line(
                (
                    f"{vague} bodies still lie in the streets, residents said.",
                    [
                        claim(
                            "killed",
                            None,
                            None,
                            "vague",
                            place=place,
                            when=since,
                            scope="cumulative",
                            attributed_to="residents",
                        )
                    ],
                ),
            )
        left = round(self.population * rng.uniform(0.05, 0.3), -2)
        report.line(
            (
                f"Some {int(left):,} residents have left the city through humanitarian "
                "corridors, the council said.",
                [],
            ),
            (f"Water and power have been cut for {min(siege_day, rng.randint(5, 40))} days.", []),
        )
        return published, 10_000 + siege_day, report

    def _burial_sentence(self, published: date) -> tuple[str, list[dict[str, Any]]] | None:
        """A gravedigger's own count of one day's burials in a trench, in the last week."""
        best: tuple[int, str, date] | None = None
        for back in range(1, 7):
            day = published - timedelta(days=back)
            for site in self.site_names:
                count = self.burials.get((site, day), 0)
                if count >= 2 and (best is None or count > best[0]):
                    best = (count, site, day)
        if best is None:
            return None
        count, site, day = best
        digger = f"{self.people.gravedigger}, gravedigger"
        phrase = day_phrase(day, published)
        text = (
            f"“We buried {count:,} people in the trench at the {self.site_names[site]} "
            f"{phrase},” said {self.people.gravedigger}, a gravedigger."
        )
        return (
            text,
            [
                claim(
                    "buried",
                    count,
                    count,
                    "exact",
                    place=self.city,
                    when=day.isoformat(),
                    kind="observed",
                    attributed_to=digger,
                )
            ],
        )

    def _prewar(self) -> int:
        return int(round(self.population * 1.08, -3)) or self.population
