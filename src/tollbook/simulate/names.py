"""Names as a Ukrainian or Russian civil registry holds them.

Our own selection of common given names (each with its Ukrainian and Russian form) and
family names, with the rules that derive feminine family names and patronymics:

* family names: ``-ов/-ев/-ін/-ин`` take ``-а`` (Іванов → Іванова, Кузьмін → Кузьміна),
  adjectival ``-ський/-цький/-ий`` take ``-а`` for ``-ий`` (Ковальський → Ковальська,
  Білий → Біла); ``-енко``, ``-ук``, ``-юк``, ``-чук``, ``-ко``, ``-ар`` and the rest do not
  change (Шевченко, Ковальчук, Мельник);
* patronymics from the father's given name: Ukrainian ``-ович/-івна`` (Олександрович,
  Олександрівна; Андрійович, Андріївна; Петрович, Петрівна), Russian ``-ович/-овна`` and
  ``-евич/-евна`` (Александрович, Сергеевна, Юрьевич), with the usual exceptions
  (Микола → Миколайович, Михаил → Михайлович, Павел → Павлович).

Everything here is pure and deterministic; the tables are indexed by position, so the
population can hold names as small integers.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple


class GivenName(NamedTuple):
    """One given name in its Ukrainian and Russian forms, with a popularity weight."""

    uk: str
    ru: str
    weight: float


# fmt: off
MALE_NAMES: tuple[GivenName, ...] = (
    GivenName("Олександр", "Александр", 9.0), GivenName("Сергій", "Сергей", 8.0),
    GivenName("Андрій", "Андрей", 7.5), GivenName("Володимир", "Владимир", 7.0),
    GivenName("Микола", "Николай", 6.5), GivenName("Іван", "Иван", 6.0),
    GivenName("Василь", "Василий", 5.0), GivenName("Віктор", "Виктор", 5.0),
    GivenName("Юрій", "Юрий", 5.0), GivenName("Олексій", "Алексей", 4.5),
    GivenName("Дмитро", "Дмитрий", 5.5), GivenName("Михайло", "Михаил", 4.5),
    GivenName("Петро", "Пётр", 3.5), GivenName("Павло", "Павел", 3.5),
    GivenName("Олег", "Олег", 4.0), GivenName("Ігор", "Игорь", 4.5),
    GivenName("Євген", "Евгений", 4.0), GivenName("Анатолій", "Анатолий", 3.0),
    GivenName("Віталій", "Виталий", 3.0), GivenName("Григорій", "Григорий", 2.0),
    GivenName("Роман", "Роман", 3.5), GivenName("Богдан", "Богдан", 2.5),
    GivenName("Тарас", "Тарас", 1.5), GivenName("Ярослав", "Ярослав", 2.0),
    GivenName("Степан", "Степан", 1.5), GivenName("Валерій", "Валерий", 2.5),
    GivenName("Максим", "Максим", 4.0), GivenName("Артем", "Артём", 3.5),
    GivenName("Денис", "Денис", 3.0), GivenName("Владислав", "Владислав", 2.5),
    GivenName("Геннадій", "Геннадий", 2.0), GivenName("Леонід", "Леонид", 2.0),
    GivenName("Борис", "Борис", 1.5), GivenName("Костянтин", "Константин", 2.5),
    GivenName("Федір", "Фёдор", 1.0), GivenName("Назар", "Назар", 1.0),
    GivenName("Вадим", "Вадим", 2.0), GivenName("Руслан", "Руслан", 2.5),
    GivenName("Станіслав", "Станислав", 1.5), GivenName("Кирило", "Кирилл", 1.5),
)

FEMALE_NAMES: tuple[GivenName, ...] = (
    GivenName("Олена", "Елена", 9.0), GivenName("Наталія", "Наталья", 8.0),
    GivenName("Ольга", "Ольга", 7.5), GivenName("Тетяна", "Татьяна", 7.5),
    GivenName("Ірина", "Ирина", 7.0), GivenName("Світлана", "Светлана", 6.0),
    GivenName("Людмила", "Людмила", 5.5), GivenName("Галина", "Галина", 5.0),
    GivenName("Марія", "Мария", 5.0), GivenName("Надія", "Надежда", 4.0),
    GivenName("Валентина", "Валентина", 4.0), GivenName("Ніна", "Нина", 3.5),
    GivenName("Любов", "Любовь", 3.0), GivenName("Катерина", "Екатерина", 4.5),
    GivenName("Оксана", "Оксана", 4.5), GivenName("Юлія", "Юлия", 4.5),
    GivenName("Анна", "Анна", 4.5), GivenName("Вікторія", "Виктория", 4.0),
    GivenName("Лариса", "Лариса", 3.0), GivenName("Віра", "Вера", 3.0),
    GivenName("Зоя", "Зоя", 1.0), GivenName("Євгенія", "Евгения", 2.0),
    GivenName("Анастасія", "Анастасия", 4.0), GivenName("Христина", "Кристина", 2.0),
    GivenName("Софія", "София", 2.5), GivenName("Алла", "Алла", 2.0),
    GivenName("Інна", "Инна", 2.0), GivenName("Раїса", "Раиса", 1.5),
    GivenName("Лідія", "Лидия", 2.0), GivenName("Антоніна", "Антонина", 1.5),
    GivenName("Ганна", "Анна", 2.0), GivenName("Тамара", "Тамара", 2.0),
    GivenName("Вероніка", "Вероника", 1.5), GivenName("Олександра", "Александра", 2.0),
    GivenName("Яна", "Яна", 2.0), GivenName("Аліна", "Алина", 2.5),
    GivenName("Дарія", "Дарья", 2.5), GivenName("Поліна", "Полина", 1.5),
    GivenName("Єлизавета", "Елизавета", 1.5), GivenName("Валерія", "Валерия", 1.5),
)


class FamilyName(NamedTuple):
    """A family name in its masculine Ukrainian form; ``ru`` when Russian spells it otherwise."""

    uk: str
    ru: str | None
    weight: float


FAMILY_NAMES: tuple[FamilyName, ...] = (
    FamilyName("Шевченко", None, 9.0), FamilyName("Коваленко", None, 8.0),
    FamilyName("Бондаренко", None, 7.5), FamilyName("Ткаченко", None, 7.0),
    FamilyName("Кравченко", None, 6.5), FamilyName("Олійник", "Олейник", 6.0),
    FamilyName("Шевчук", None, 6.0), FamilyName("Коваль", None, 5.5),
    FamilyName("Поліщук", "Полищук", 5.0), FamilyName("Бондар", None, 5.0),
    FamilyName("Ткачук", None, 5.0), FamilyName("Мельник", None, 6.0),
    FamilyName("Марченко", None, 4.5), FamilyName("Савченко", None, 4.5),
    FamilyName("Руденко", None, 4.5), FamilyName("Мороз", None, 4.0),
    FamilyName("Лисенко", "Лысенко", 4.0), FamilyName("Петренко", None, 4.0),
    FamilyName("Кравчук", None, 4.0), FamilyName("Клименко", None, 4.0),
    FamilyName("Павленко", None, 3.5), FamilyName("Савчук", None, 3.5),
    FamilyName("Левченко", None, 3.5), FamilyName("Харченко", None, 3.5),
    FamilyName("Карпенко", None, 3.0), FamilyName("Гнатюк", None, 3.0),
    FamilyName("Іваненко", None, 3.0), FamilyName("Кузьменко", None, 3.0),
    FamilyName("Литвиненко", None, 3.0), FamilyName("Романенко", None, 3.0),
    FamilyName("Сидоренко", None, 3.0), FamilyName("Мельничук", None, 3.0),
    FamilyName("Ковальчук", None, 3.5), FamilyName("Приходько", None, 2.5),
    FamilyName("Кушнір", None, 2.5), FamilyName("Гончаренко", None, 2.5),
    FamilyName("Симоненко", None, 2.5), FamilyName("Кириленко", None, 2.5),
    FamilyName("Пономаренко", None, 2.5), FamilyName("Білик", None, 2.0),
    FamilyName("Дорошенко", None, 2.0), FamilyName("Федорчук", None, 2.0),
    FamilyName("Гаврилюк", None, 2.0), FamilyName("Захарченко", None, 2.0),
    FamilyName("Тимошенко", None, 2.0), FamilyName("Мазур", None, 2.0),
    FamilyName("Гончар", None, 2.0), FamilyName("Швець", "Швец", 2.0),
    FamilyName("Кравець", "Кравец", 2.0), FamilyName("Білий", "Белый", 1.5),
    FamilyName("Рудий", "Рыжий", 1.0), FamilyName("Ковальов", "Ковалёв", 2.5),
    FamilyName("Іванов", None, 4.0), FamilyName("Петров", None, 3.5),
    FamilyName("Смирнов", None, 2.5), FamilyName("Кузнєцов", "Кузнецов", 2.5),
    FamilyName("Попов", None, 3.0), FamilyName("Соколов", None, 2.0),
    FamilyName("Морозов", None, 2.0), FamilyName("Новіков", "Новиков", 2.0),
    FamilyName("Волков", None, 2.0), FamilyName("Павлов", None, 2.0),
    FamilyName("Семенов", "Семёнов", 2.0), FamilyName("Козлов", None, 2.0),
    FamilyName("Лебедєв", "Лебедев", 1.5), FamilyName("Федоров", None, 2.0),
    FamilyName("Степанов", None, 1.5), FamilyName("Зайцев", None, 1.5),
    FamilyName("Васильєв", "Васильев", 1.5), FamilyName("Орлов", None, 1.5),
    FamilyName("Ковальський", "Ковальский", 1.5), FamilyName("Вишневський", "Вишневский", 1.5),
    FamilyName("Островський", "Островский", 1.0), FamilyName("Яворський", "Яворский", 1.0),
    FamilyName("Зелінський", "Зелинский", 1.0), FamilyName("Грицький", "Грицкий", 0.5),
    FamilyName("Кузьмін", "Кузьмин", 1.5), FamilyName("Ільїн", "Ильин", 1.0),
    FamilyName("Бородін", "Бородин", 1.0), FamilyName("Згурський", "Згурский", 0.5),
    FamilyName("Юрченко", None, 2.0), FamilyName("Яковенко", None, 2.0),
    FamilyName("Єременко", "Еременко", 1.5), FamilyName("Якименко", None, 1.0),
)
# fmt: on

#: Ukrainian patronymics that the rules below would get wrong: name -> (masc, fem).
_UK_PATRONYMIC_EXCEPTIONS: dict[str, tuple[str, str]] = {
    "Микола": ("Миколайович", "Миколаївна"),
    "Федір": ("Федорович", "Федорівна"),
    "Кирило": ("Кирилович", "Кирилівна"),
}
#: Russian patronymics that the rules below would get wrong.
_RU_PATRONYMIC_EXCEPTIONS: dict[str, tuple[str, str]] = {
    "Михаил": ("Михайлович", "Михайловна"),
    "Павел": ("Павлович", "Павловна"),
    "Пётр": ("Петрович", "Петровна"),
    "Фёдор": ("Фёдорович", "Фёдоровна"),
    "Дмитрий": ("Дмитриевич", "Дмитриевна"),
    "Кирилл": ("Кириллович", "Кирилловна"),
}
_RU_VOWELS = frozenset("аеёиоуыэюя")


def uk_patronymic(father: str, feminine: bool) -> str:
    """The Ukrainian patronymic from a father's (Ukrainian) given name."""
    if father in _UK_PATRONYMIC_EXCEPTIONS:
        return _UK_PATRONYMIC_EXCEPTIONS[father][feminine]
    if father.endswith("й"):  # Андрій -> Андрійович / Андріївна
        return father + "ович" if not feminine else father[:-1] + "ївна"
    if father.endswith("ь"):  # Василь -> Васильович / Василівна
        return father + "ович" if not feminine else father[:-1] + "івна"
    if father.endswith(("о", "а")):  # Петро -> Петрович / Петрівна
        stem = father[:-1]
        return stem + ("івна" if feminine else "ович")
    return father + ("івна" if feminine else "ович")


def ru_patronymic(father: str, feminine: bool) -> str:
    """The Russian patronymic from a father's (Russian) given name."""
    if father in _RU_PATRONYMIC_EXCEPTIONS:
        return _RU_PATRONYMIC_EXCEPTIONS[father][feminine]
    end = "евна" if feminine else "евич"
    if father.endswith("ий") and len(father) > 2 and father[-3] not in _RU_VOWELS:
        return father[:-2] + "ь" + end  # Юрий -> Юрьевич
    if father.endswith("й"):  # Сергей -> Сергеевич, Николай -> Николаевич
        return father[:-1] + end
    if father.endswith("ь"):  # Игорь -> Игоревич
        return father[:-1] + end
    return father + ("овна" if feminine else "ович")


def feminine_family_name(masculine: str, russian: bool = False) -> str:
    """The feminine form of a family name given in its masculine form.

    Ukrainian adjectival names drop ``-ий`` for ``-а`` (Ковальський -> Ковальська);
    Russian ones take ``-ая`` (Ковальский -> Ковальская, Белый -> Белая).
    """
    if masculine.endswith(("ий", "ій", "ый")) and len(masculine) > 3:
        return masculine[:-2] + ("ая" if russian else "а")
    if masculine.endswith(("ов", "ев", "єв", "ёв", "ін", "ин", "їн")):
        return masculine + "а"
    return masculine  # -енко, -ук, -чук, -ник, -ар, -ець ... are the same for women


_UK_TO_RU_LETTERS = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": "", "’": ""})


def russian_family_name(entry: FamilyName) -> str:
    """The masculine family name as a Russian-speaking clerk writes it."""
    if entry.ru is not None:
        return entry.ru
    out = []
    for letter in entry.uk:
        mapped = letter.lower().translate(_UK_TO_RU_LETTERS)
        out.append(mapped.upper() if letter.isupper() else mapped)
    return "".join(out)


def russian_form(given: str) -> str:
    """The Russian form of a Ukrainian given name in the tables (unknown names unchanged).

    >>> russian_form("Олександр")
    'Александр'
    """
    return _RUSSIAN_FORMS.get(given, given)


_RUSSIAN_FORMS: dict[str, str] = {n.uk: n.ru for n in (*MALE_NAMES, *FEMALE_NAMES)}


class NameTables(NamedTuple):
    """Every name form as a string, indexed as the population indexes names.

    ``family[sex][i]`` is family name ``i`` for sex 0 (male) or 1 (female);
    ``patronymic[sex][j]`` is the patronymic from male given name ``j``.
    """

    given_uk: tuple[tuple[str, ...], tuple[str, ...]]
    given_ru: tuple[tuple[str, ...], tuple[str, ...]]
    family_uk: tuple[tuple[str, ...], tuple[str, ...]]
    family_ru: tuple[tuple[str, ...], tuple[str, ...]]
    patronymic_uk: tuple[tuple[str, ...], tuple[str, ...]]
    patronymic_ru: tuple[tuple[str, ...], tuple[str, ...]]


@lru_cache(maxsize=1)
def name_tables() -> NameTables:
    """All forms of all names in the tables, for vectorised look-up by index."""
    family_ru_m = tuple(russian_family_name(f) for f in FAMILY_NAMES)
    return NameTables(
        given_uk=(tuple(n.uk for n in MALE_NAMES), tuple(n.uk for n in FEMALE_NAMES)),
        given_ru=(tuple(n.ru for n in MALE_NAMES), tuple(n.ru for n in FEMALE_NAMES)),
        family_uk=(
            tuple(f.uk for f in FAMILY_NAMES),
            tuple(feminine_family_name(f.uk) for f in FAMILY_NAMES),
        ),
        family_ru=(family_ru_m, tuple(feminine_family_name(f, russian=True) for f in family_ru_m)),
        patronymic_uk=(
            tuple(uk_patronymic(n.uk, False) for n in MALE_NAMES),
            tuple(uk_patronymic(n.uk, True) for n in MALE_NAMES),
        ),
        patronymic_ru=(
            tuple(ru_patronymic(n.ru, False) for n in MALE_NAMES),
            tuple(ru_patronymic(n.ru, True) for n in MALE_NAMES),
        ),
    )
