"""What a simulated siege looks like: every knob, with documented defaults.

A :class:`SiegeConfig` fully determines the output: the same config (seed included) gives
the same files byte for byte. :func:`load_config` reads overrides from a TOML or JSON
file; lists are named, and a list given in the file overrides the defaults of the list of
that name field by field.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class ListSpec:
    """One named list of the dead, as one kind of source produces it.

    Capture: a dead person is on the list with probability
    ``sigmoid(a + heterogeneity * v + incident_effect * I + combatant_effect * C + shared)``,
    where ``v`` is the person's latent visibility (standard normal, the same for every
    list), ``I`` says the person died in a large incident, ``C`` that they were a
    combatant, ``shared`` the pairwise dependences, and ``a`` is solved so that the share of
    the dead on the list is ``coverage``.

    Noise: rates are per record (``typo_rate`` per name field).
    """

    name: str
    label: str
    coverage: float
    heterogeneity: float = 1.0
    incident_effect: float = 0.0
    combatant_effect: float = 0.0
    #: share of records that write names in their Russian forms (Александр, Елена)
    russian_forms: float = 0.1
    #: share of records written in Latin letters instead of Cyrillic
    latin: float = 0.0
    #: share of records in capitals (ШЕВЧЕНКО ОЛЕНА)
    upper_case: float = 0.0
    patronymic_missing: float = 0.1
    #: share of records giving an age (at death) instead of a birth date
    age_instead_of_birth: float = 0.1
    birth_missing: float = 0.05
    typo_rate: float = 0.03
    #: share of records with given and family name swapped
    swap_order: float = 0.02
    #: share of death dates that are wrong, and by how many days at most
    date_error: float = 0.1
    date_error_days: int = 3
    death_date_missing: float = 0.02
    sex_recorded: bool = True
    district_recorded: bool = True
    #: share of people on the list who appear twice (a second, separately noised record)
    duplicates: float = 0.01


@dataclass(frozen=True)
class Dependence:
    """A pairwise dependence between two lists, on the logit scale.

    A per-person normal ``z`` is added as ``strength * z`` to the first list's logit and as
    ``sign * strength * z`` to the second's: positive strength makes the lists overlap more
    than independence would (a hospital death is likely to reach the morgue register),
    ``negative=True`` makes them overlap less.
    """

    first: str
    second: str
    strength: float
    negative: bool = False


DEFAULT_LISTS: tuple[ListSpec, ...] = (
    ListSpec(
        "morgue", "Morgue register", coverage=0.45, heterogeneity=0.8, russian_forms=0.35,
        patronymic_missing=0.05, age_instead_of_birth=0.15, typo_rate=0.04, upper_case=0.3,
    ),
    ListSpec(
        "burial", "Burial records", coverage=0.5, heterogeneity=0.6, russian_forms=0.25,
        patronymic_missing=0.2, age_instead_of_birth=0.3, birth_missing=0.1,
        typo_rate=0.05, date_error=0.25, date_error_days=5, district_recorded=False,
    ),
    ListSpec(
        "hospital", "Hospital list", coverage=0.25, heterogeneity=1.0, incident_effect=0.8,
        russian_forms=0.15, patronymic_missing=0.1, age_instead_of_birth=0.05,
        typo_rate=0.03, date_error=0.05,
    ),
    ListSpec(
        "family", "Family reports", coverage=0.35, heterogeneity=1.2,
        combatant_effect=-0.8, russian_forms=0.05, latin=0.15, patronymic_missing=0.3,
        age_instead_of_birth=0.2, typo_rate=0.02, swap_order=0.05, date_error=0.2,
        date_error_days=7, duplicates=0.04,
    ),
    ListSpec(
        "news", "Names in the news", coverage=0.08, heterogeneity=1.5, incident_effect=2.0,
        russian_forms=0.2, latin=0.9, patronymic_missing=0.95, age_instead_of_birth=0.9,
        birth_missing=0.1, typo_rate=0.02, swap_order=0.03, date_error=0.15,
        sex_recorded=False, district_recorded=False,
    ),
    ListSpec(
        "monitor", "Human-rights monitor's list", coverage=0.2, heterogeneity=1.0,
        incident_effect=0.5, russian_forms=0.05, latin=0.3, patronymic_missing=0.4,
        age_instead_of_birth=0.3, typo_rate=0.02, date_error=0.1,
    ),
)  # fmt: skip
KNOWN_LISTS: tuple[str, ...] = tuple(spec.name for spec in DEFAULT_LISTS)
#: The lists a siege has unless told otherwise.
DEFAULT_LIST_NAMES: tuple[str, ...] = ("morgue", "burial", "hospital", "family", "news")

DEFAULT_DEPENDENCES: tuple[Dependence, ...] = (
    Dependence("morgue", "hospital", 1.5),
    Dependence("morgue", "burial", 0.8),
    Dependence("family", "news", 0.8),
    Dependence("family", "monitor", 1.0),
    Dependence("hospital", "burial", 0.6, negative=True),
)

DISTRICTS_UK: tuple[str, ...] = (
    "Заводський", "Північний", "Садовий", "Річковий", "Степовий", "Вокзальний",
    "Слобідський", "Каштановий",
)  # fmt: skip


@dataclass(frozen=True)
class SiegeConfig:
    """A whole siege. Counts scale with ``people``; everything else is a share or a rate."""

    people: int = 100_000
    seed: int = 1
    #: the city, in Ukrainian; its Latin name is the national transliteration
    city: str = "Степаноград"
    districts: tuple[str, ...] = DISTRICTS_UK
    #: latitude and longitude of the city centre (graves are placed around it)
    centre: tuple[float, float] = (47.62, 36.41)
    start: date = date(2022, 3, 1)
    days: int = 84
    #: strata of time for estimation: periods of this many days
    period_days: int = 14
    #: share of the population who die during the siege
    death_rate: float = 0.03
    #: share of men aged 18-59 who fight; they die at ``combatant_risk`` times the rate
    combatant_share: float = 0.06
    combatant_risk: float = 6.0
    #: shelling waves over time; each hits a few districts hardest
    waves: int = 5
    #: large incidents (a theatre, a maternity hospital, a bread queue ...)
    incidents: int = 6
    #: share of all deaths that happen in the large incidents
    incident_share: float = 0.06
    lists: tuple[ListSpec, ...] = field(
        default_factory=lambda: tuple(s for s in DEFAULT_LISTS if s.name in DEFAULT_LIST_NAMES)
    )
    dependences: tuple[Dependence, ...] = DEFAULT_DEPENDENCES
    #: share of the dead buried in trench graves (the others by families, or never found)
    trench_share: float = 0.45
    #: bodies laid per metre of trench
    bodies_per_metre: float = 1.4
    #: share of the dead whose families file a missing-person report
    missing_reported: float = 0.25
    #: missing-person reports about people who are alive, per report about the dead
    missing_alive_ratio: float = 0.15
    #: news reports: a cumulative-toll report every this many days
    news_every_days: int = 7
    #: news reports per incident (1 to this many)
    news_per_incident: int = 3
    #: languages of the news besides English: "uk" adds the city council's post about
    #: each incident, "ru" a Russian-language outlet's running toll every two weeks
    news_languages: tuple[str, ...] = ("en",)

    def __post_init__(self) -> None:
        check_config(self)

    @property
    def end(self) -> date:
        from datetime import timedelta

        return self.start + timedelta(days=self.days - 1)

    def list_names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.lists)


class ConfigError(ValueError):
    """A configuration that cannot describe a siege, with the field at fault."""


def check_config(config: SiegeConfig) -> None:
    """Raise :class:`ConfigError` for values no siege can have."""
    if config.people < 100:
        raise ConfigError("people: at least 100 people are needed")
    if not 0 < config.death_rate <= 0.5:
        raise ConfigError("death_rate: must be in (0, 0.5]")
    if config.days < 14:
        raise ConfigError("days: a siege here lasts at least 14 days")
    if len(config.districts) < 2:
        raise ConfigError("districts: at least two are needed")
    unknown_languages = sorted(set(config.news_languages) - {"en", "uk", "ru"})
    if unknown_languages or "en" not in config.news_languages:
        raise ConfigError("news_languages: English and any of uk, ru (e.g. en, uk, ru)")
    if not 1 <= len(config.lists) <= 6:
        raise ConfigError("lists: between 1 and 6 lists")
    names = [spec.name for spec in config.lists]
    if len(set(names)) != len(names):
        raise ConfigError(f"lists: a list name is repeated in {names}")
    for spec in config.lists:
        if not 0 < spec.coverage < 1:
            raise ConfigError(f"lists.{spec.name}.coverage: must be in (0, 1)")
        if spec.heterogeneity < 0:
            raise ConfigError(f"lists.{spec.name}.heterogeneity: must not be negative")
        for name in _LIST_SHARES:
            if not 0 <= getattr(spec, name) <= 1:
                raise ConfigError(f"lists.{spec.name}.{name}: must be in [0, 1]")
    known = set(KNOWN_LISTS) | set(names)
    for dep in config.dependences:
        for name in (dep.first, dep.second):
            if name not in known:
                raise ConfigError(f"dependences: unknown list {name!r}")
    for share in ("incident_share", "trench_share", "missing_reported", "combatant_share"):
        if not 0 <= getattr(config, share) <= 1:
            raise ConfigError(f"{share}: must be in [0, 1]")


_LIST_SHARES = (
    "russian_forms", "latin", "upper_case", "patronymic_missing", "age_instead_of_birth",
    "birth_missing", "typo_rate", "swap_order", "date_error", "death_date_missing", "duplicates",
)  # fmt: skip


def select_lists(config: SiegeConfig, names: Sequence[str]) -> SiegeConfig:
    """The config with exactly the named lists (known ones take their defaults)."""
    by_name = {spec.name: spec for spec in (*DEFAULT_LISTS, *config.lists)}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise ConfigError(f"lists: unknown {unknown}; known lists are {', '.join(KNOWN_LISTS)}")
    return replace(config, lists=tuple(by_name[n] for n in names))


def load_config(path: Path, **overrides: Any) -> SiegeConfig:
    """A config from a TOML or JSON file (top-level keys are SiegeConfig fields).

    ``[[lists]]`` entries name a list and override its fields; lists not given keep
    their defaults only if they are among the defaults. Keyword ``overrides`` (e.g. from
    the command line) win over the file.
    """
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return config_from_mapping({**data, **{k: v for k, v in overrides.items() if v is not None}})


def config_from_mapping(data: Mapping[str, Any]) -> SiegeConfig:
    """A config from plain data (as read from TOML or JSON)."""
    known = {f.name for f in fields(SiegeConfig)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise ConfigError(f"unknown setting(s): {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key == "start":
            values[key] = value if isinstance(value, date) else date.fromisoformat(str(value))
        elif key == "lists":
            values[key] = tuple(_list_spec(item) for item in value)
        elif key == "dependences":
            values[key] = tuple(Dependence(**item) for item in value)
        elif key in ("districts", "centre", "news_languages"):
            values[key] = tuple(value)
        else:
            values[key] = value
    try:
        return SiegeConfig(**values)
    except TypeError as exc:
        raise ConfigError(str(exc)) from None


def _list_spec(item: Any) -> ListSpec:
    if isinstance(item, str):
        item = {"name": item}
    if not isinstance(item, Mapping) or "name" not in item:
        raise ConfigError("lists: each list needs a name")
    base = {spec.name: spec for spec in DEFAULT_LISTS}.get(str(item["name"]))
    allowed = {f.name for f in fields(ListSpec)}
    unknown = sorted(set(item) - allowed)
    if unknown:
        raise ConfigError(f"lists.{item['name']}: unknown field(s) {', '.join(unknown)}")
    if base is None:
        return ListSpec(**item)
    return replace(base, **{k: v for k, v in item.items() if k != "name"})


def config_to_mapping(config: SiegeConfig) -> dict[str, Any]:
    """Plain JSON-able data that :func:`config_from_mapping` reads back to ``config``."""
    out: dict[str, Any] = {}
    for f in fields(config):
        value = getattr(config, f.name)
        if isinstance(value, date):
            value = value.isoformat()
        elif f.name in ("lists", "dependences"):
            value = [{g.name: getattr(item, g.name) for g in fields(item)} for item in value]
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out
