"""Writing the siege's news: the officials quoted, reports about each large incident and
regular reports on the running toll (:func:`generate_news`)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

import numpy as np

from tollbook.names.transliteration import ukrainian_national
from tollbook.simulate.config import SiegeConfig
from tollbook.simulate.deaths import Deaths, SimulatedIncident
from tollbook.simulate.graves import Graves
from tollbook.simulate.names import FAMILY_NAMES, FEMALE_NAMES, MALE_NAMES, feminine_family_name
from tollbook.simulate.news import Draft, News, NewsReport, Officials, claim
from tollbook.simulate.news_cyrillic import ru_toll_post, uk_council_post
from tollbook.simulate.news_incidents import first_report, follow_up
from tollbook.simulate.news_phrases import MONTHS, day_phrase
from tollbook.simulate.population import day_number, rng_for
from tollbook.simulate.records import as_date


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
    writer = Writer(config, deaths, graves, officials(config), rng)
    drafts: list[tuple[date, int, Draft]] = []
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
    drafts.extend(_cyrillic_news(config, deaths, writer))
    drafts.sort(key=lambda d: (d[0], d[1]))
    reports: list[NewsReport] = []
    gold: list[dict[str, Any]] = []
    for number, (_, _, written) in enumerate(drafts, start=1):
        written.id = f"siege-news-{number:03d}"
        report, claims = written.finish()
        reports.append(report)
        gold.extend(claims)
    return News(tuple(reports), tuple(gold))


def _cyrillic_news(
    config: SiegeConfig, deaths: Deaths, writer: Writer
) -> list[tuple[date, int, Draft]]:
    """The Ukrainian and Russian posts (``config.news_languages``), from a random stream
    of their own so that the English news stay as they were."""
    rng = random.Random(int(rng_for(config.seed, "news-uk-ru").integers(0, 2**63 - 1)))
    drafts: list[tuple[date, int, Draft]] = []
    if "uk" in config.news_languages:
        for k, incident in enumerate(deaths.incidents):
            published = as_date(incident.day) + timedelta(days=1)
            report = Draft("", published, rng)
            killed = writer.official_tolls(incident)[0]
            injured = max(1, round(incident.injured * rng.uniform(0.4, 0.8)))
            uk_council_post(report, incident, config.districts[incident.district], killed, injured)
            drafts.append((published, k * 10 + 9, report))
    if "ru" in config.news_languages:
        day = config.start + timedelta(days=14)
        while day <= config.end + timedelta(days=1):
            toll = writer.official_toll(day)
            if toll >= 10:
                report = Draft("", day, rng)
                ru_toll_post(report, config.city, config.start, toll)
                drafts.append((day, 10**9, report))
            day += timedelta(days=14)
    return drafts


class Writer:
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

    def official_tolls(self, incident: SimulatedIncident) -> list[int]:
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
        return f"{s.day} {MONTHS[s.month - 1]}"

    # --- incident reports ----------------------------------------------------------------
    def incident_report(
        self, incident: SimulatedIncident, n: int, k: int
    ) -> tuple[date, int, Draft]:
        rng = self.rng
        day = as_date(incident.day)
        published = day + timedelta(days=1 + 2 * n + rng.randint(0, 1))
        report = Draft("", published, rng)
        if n == 0:
            first_report(self, report, incident, day, k)
        else:
            follow_up(self, report, incident, day, n)
        return published, k * 10 + n, report

    def toll_report(self, published: date) -> tuple[date, int, Draft] | None:
        """A report on the siege's running toll; none while the official count is tiny."""
        rng = self.rng
        report = Draft("", published, rng)
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
