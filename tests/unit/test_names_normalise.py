"""Eastern Slavic names: one key for every spelling of one name."""

from __future__ import annotations

import pytest

from tollbook.names import normalise_name
from tollbook.names.family_names import family_sex, masculine_key
from tollbook.names.fold import fold, skeleton
from tollbook.names.given_names import given_name_class, name_key
from tollbook.names.latin import to_latin
from tollbook.names.patronymics import patronymic_key, patronymic_sex
from tollbook.names.transliteration import SCHEMES, transliterate


def given(text: str) -> str:
    return normalise_name(None, text, None).given_key


def family(text: str) -> str:
    return normalise_name(text, None, None).family_key


def test_latin_words_from_any_script() -> None:
    assert to_latin("Олександр") == "oleksandr"
    assert to_latin("  ŠEVČENKO-Koval ") == "shevchenko koval"
    assert to_latin("Дар'я") == "daria"
    assert to_latin("") == ""


@pytest.mark.parametrize(
    "spellings",
    [
        ("Hryhorii", "Grigoriy", "Grygorii", "Григорій", "Григорий"),
        ("Yurii", "Iurii", "Yuriy", "Jurij", "Юрій", "Юрий"),
        ("Nataliia", "Natalya", "Natalia", "Наталія", "Наталья"),
        ("Serhii", "Sergei", "Sergey", "Сергій", "Сергей"),
    ],
)
def test_transliterations_and_alternations_fold_to_one_key(spellings: tuple[str, ...]) -> None:
    assert len({fold(to_latin(s)) for s in spellings}) == 1


@pytest.mark.parametrize(
    "pair",
    [
        ("Кузнєцов", "Kuznetsov"),
        ("Олійник", "Oleinik"),
        ("Поліщук", "Polishchuk"),
        ("Ільїн", "Ilyin"),
        ("Згурський", "Zgurskiy"),
        ("Єременко", "Eremenko"),
        ("Харченко", "Kharchenko"),
    ],
)
def test_family_names_in_both_languages_and_scripts_agree(pair: tuple[str, str]) -> None:
    assert family(pair[0]) == family(pair[1])


@pytest.mark.parametrize("cyrillic", ["Олександр", "Григорій", "Юрій", "Євгенія", "Наталія"])
def test_every_transliteration_scheme_gives_the_same_given_name(cyrillic: str) -> None:
    keys = {given(transliterate(cyrillic, scheme)) for scheme in SCHEMES}
    assert keys == {given(cyrillic)}


@pytest.mark.parametrize(
    ("ukrainian", "other"),
    [
        ("Олександр", "Aleksandr"),
        ("Олександр", "Alexander"),
        ("Олексій", "Алексей"),
        ("Микола", "Николай"),
        ("Олена", "Елена"),
        ("Ганна", "Анна"),
        ("Петро", "Pyotr"),
        ("Петро", "Petr"),
        ("Євген", "Evgenii"),
        ("Кирило", "Kirill"),
    ],
)
def test_ukrainian_and_russian_forms_are_one_given_name(ukrainian: str, other: str) -> None:
    assert given(ukrainian) == given(other)


def test_a_known_given_name_gives_its_class_and_sex() -> None:
    named = given_name_class(name_key("Aleksandra"))
    assert named is not None
    assert named.name == "Олександра"
    assert named.sex == "F"
    assert given("Олександр") != given("Олександра")


@pytest.mark.parametrize(
    "spellings",
    [
        ("Олександрович", "Олександрівна", "Александрович", "Aleksandrovna", "Oleksandrovych"),
        ("Андрійович", "Андріївна", "Андреевич", "Andreyevna"),
        ("Миколайович", "Николаевна"),
        ("Юрійович", "Юрьевич", "Iurievna"),
        ("Ілліч", "Ильич"),
    ],
)
def test_patronymics_are_read_as_the_fathers_name(spellings: tuple[str, ...]) -> None:
    assert len({patronymic_key(s) for s in spellings}) == 1


def test_patronymic_of_an_unknown_name_is_its_stem() -> None:
    assert patronymic_key("Zzzovych") == patronymic_key("Zzzovich")
    assert patronymic_key("") == ""


def test_patronymic_endings_tell_the_sex() -> None:
    assert patronymic_sex("Петрівна") == "F"
    assert patronymic_sex("Petrovich") == "M"
    assert patronymic_sex("Shevchenko") is None


@pytest.mark.parametrize(
    ("feminine", "masculine"),
    [
        ("Іванова", "Іванов"),
        ("Кузьміна", "Кузьмін"),
        ("Ковальська", "Ковальський"),
        ("Kovalskaya", "Kovalskiy"),
        ("Белая", "Белый"),
    ],
)
def test_feminine_family_names_fold_to_the_masculine(feminine: str, masculine: str) -> None:
    assert family(feminine) == family(masculine)
    assert family_sex(fold(to_latin(feminine))) == "F"


def test_names_the_same_for_both_sexes_say_nothing_of_sex() -> None:
    assert masculine_key(fold(to_latin("Шевченко"))) == "SevCenko"
    assert family_sex(fold(to_latin("Шевченко"))) is None


def test_skeleton_forgives_vowels() -> None:
    assert skeleton(fold("semenov")) == skeleton(fold("semionov"))
    assert skeleton(fold("kovalov")) == skeleton(fold("kovalev"))


def test_swapped_given_and_family_names_are_put_back() -> None:
    swapped = normalise_name("Ярослав", "Бондар", "Вікторович")
    straight = normalise_name("Бондар", "Ярослав", "Вікторович")
    assert swapped.swapped and not straight.swapped
    assert (swapped.family_key, swapped.given_key) == (straight.family_key, straight.given_key)


def test_a_given_name_with_its_patronymic_is_split() -> None:
    name = normalise_name("Шевченко", "Олена Петрівна", None)
    assert name.given_key == given("Олена")
    assert name.patronymic_key == patronymic_key("Петрівна")


def test_a_whole_name_in_the_family_field_is_split() -> None:
    name = normalise_name("Шевченко Олена Петрівна", None, None)
    assert name.family_key == family("Шевченко")
    assert name.given_key == given("Олена")
    assert name.patronymic_key == patronymic_key("Петрівна")


def test_sex_is_inferred_from_given_name_patronymic_or_family_name() -> None:
    assert normalise_name("Шевченко", "Олена", None).sex == "F"
    assert normalise_name("Шевченко", "Xyz", "Петрович").sex == "M"
    assert normalise_name("Іванова", "Xyz", None).sex == "F"
    assert normalise_name("Шевченко", "Xyz", None).sex is None


def test_empty_names_normalise_to_empty_keys() -> None:
    name = normalise_name(None, None, None)
    assert name.family_key == name.given_key == name.patronymic_key == ""
    assert name.sex is None
