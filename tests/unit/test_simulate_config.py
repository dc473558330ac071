"""The simulator's configuration: defaults, files, lists chosen by name, bad values."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tollbook.simulate import (
    DEFAULT_LIST_NAMES,
    KNOWN_LISTS,
    ConfigError,
    SiegeConfig,
    load_config,
    select_lists,
)
from tollbook.simulate.config import config_from_mapping, config_to_mapping


def test_defaults() -> None:
    config = SiegeConfig()
    assert config.list_names() == DEFAULT_LIST_NAMES
    assert set(DEFAULT_LIST_NAMES) < set(KNOWN_LISTS)
    assert config.end == date(2022, 5, 23)


def test_round_trip_through_plain_data() -> None:
    config = select_lists(SiegeConfig(people=1234, seed=9), ["morgue", "news", "monitor"])
    assert config_from_mapping(config_to_mapping(config)) == config


def test_toml_file_overrides_defaults_and_options_win(tmp_path: Path) -> None:
    path = tmp_path / "siege.toml"
    path.write_text(
        'people = 5000\nseed = 3\nstart = "2022-02-24"\ndays = 30\n'
        '[[lists]]\nname = "morgue"\ncoverage = 0.6\n'
        '[[lists]]\nname = "family"\n'
        '[[lists]]\nname = "church"\nlabel = "Parish book"\ncoverage = 0.1\n',
        encoding="utf-8",
    )
    config = load_config(path, seed=7, people=None)
    assert (config.people, config.seed, config.days) == (5000, 7, 30)
    assert config.start == date(2022, 2, 24)
    assert config.list_names() == ("morgue", "family", "church")
    assert config.lists[0].coverage == 0.6
    assert config.lists[0].upper_case == 0.3  # the morgue's other defaults stay
    assert config.lists[2].label == "Parish book"


def test_json_file(tmp_path: Path) -> None:
    path = tmp_path / "siege.json"
    path.write_text('{"people": 800, "death_rate": 0.05}', encoding="utf-8")
    assert load_config(path).death_rate == 0.05


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"peeple": 10}, "unknown setting"),
        ({"people": 10}, "at least 100"),
        ({"death_rate": 0.0}, "death_rate"),
        ({"lists": [{"name": "morgue", "coverage": 1.5}]}, "coverage"),
        ({"lists": [{"name": "morgue", "typo_rate": 2}]}, "typo_rate"),
        ({"lists": [{"name": "morgue", "colour": "red"}]}, "unknown field"),
        ({"lists": ["morgue", "morgue"]}, "repeated"),
        ({"dependences": [{"first": "morgue", "second": "nowhere", "strength": 1}]}, "unknown"),
    ],
)
def test_bad_settings_are_refused(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        config_from_mapping(data)


def test_unknown_list_names_are_refused() -> None:
    with pytest.raises(ConfigError, match="known lists are"):
        select_lists(SiegeConfig(), ["morgue", "rumours"])


def test_a_broken_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text("people = = 3", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.toml"):
        load_config(path)


def test_config_is_frozen() -> None:
    config = SiegeConfig()
    assert replace(config, seed=2).seed == 2
    with pytest.raises(AttributeError):
        config.seed = 3  # type: ignore[misc]
