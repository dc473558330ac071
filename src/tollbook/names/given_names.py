"""Common Ukrainian and Russian given names, each with its forms in both languages.

A name's forms are one *class*: Олександр, Александр, Oleksandr, Aleksandr, Alexander
all fold to the class of Олександр. Entries sharing a form are one class (Ганна and Анна
are both Анна in Russian). The class of a spelling is found by its folded key, so every
transliteration of every form is known without being listed; Latin-only variants that
folding does not reach (Alexander, Helen) are listed with the entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from tollbook.names.fold import fold
from tollbook.names.latin import to_latin

Sex = Literal["M", "F"]

# (Ukrainian, Russian, other forms...), one tuple per name. Our own selection of names in
# common use; the Russian form is the Ukrainian one where both languages spell it alike.
# fmt: off
_MALE: tuple[tuple[str, ...], ...] = (
    ("Олександр", "Александр", "Alexander", "Alexandr", "Oleksander"),
    ("Сергій", "Сергей", "Serge"), ("Андрій", "Андрей", "Andrew", "Andriy"),
    ("Володимир", "Владимир", "Vladimir", "Wladimir"), ("Микола", "Николай", "Nicholas"),
    ("Іван", "Иван", "Ivan"), ("Василь", "Василий", "Vasyl", "Wasyl"),
    ("Віктор", "Виктор", "Victor"), ("Юрій", "Юрий", "Yury", "Jurij", "Yuri"),
    ("Олексій", "Алексей", "Alexey", "Alexei", "Oleksiy"),
    ("Дмитро", "Дмитрий", "Dmitry", "Dmytriy"), ("Михайло", "Михаил", "Mikhail", "Michael"),
    ("Петро", "Пётр", "Петр", "Peter", "Piotr"), ("Павло", "Павел", "Paul", "Pavlo"),
    ("Олег", "Олег"), ("Ігор", "Игорь", "Igor", "Ihor"), ("Євген", "Евгений", "Eugene"),
    ("Анатолій", "Анатолий"), ("Віталій", "Виталий", "Vitaly"), ("Григорій", "Григорий"),
    ("Роман", "Роман"), ("Богдан", "Богдан", "Bohdan", "Bogdan"), ("Тарас", "Тарас"),
    ("Ярослав", "Ярослав"), ("Степан", "Степан", "Stepan", "Stephan"),
    ("Валерій", "Валерий"), ("Максим", "Максим", "Maxim", "Maksym"),
    ("Артем", "Артём", "Артем", "Artyom"), ("Денис", "Денис", "Denys"),
    ("Владислав", "Владислав"), ("Геннадій", "Геннадий"), ("Леонід", "Леонид"),
    ("Борис", "Борис"), ("Костянтин", "Константин", "Constantine", "Konstantin"),
    ("Федір", "Фёдор", "Федор", "Fyodor", "Theodore"), ("Назар", "Назар"),
    ("Вадим", "Вадим"), ("Руслан", "Руслан"), ("Станіслав", "Станислав"),
    ("Кирило", "Кирилл", "Kyrylo", "Cyril"), ("Антон", "Антон"), ("Аркадій", "Аркадий"),
    ("Арсеній", "Арсений"), ("Валентин", "Валентин"), ("В'ячеслав", "Вячеслав"),
    ("Георгій", "Георгий", "George"), ("Данило", "Даниил", "Данила", "Daniel"),
    ("Давид", "Давид", "David"), ("Єгор", "Егор", "Yegor"), ("Ілля", "Илья", "Ilya"),
    ("Йосип", "Иосиф", "Joseph"), ("Лев", "Лев"), ("Матвій", "Матвей"),
    ("Мирослав", "Мирослав"), ("Микита", "Никита"), ("Остап", "Остап"),
    ("Семен", "Семён", "Семен"), ("Тимофій", "Тимофей"), ("Тимур", "Тимур"),
    ("Пилип", "Филипп", "Філіп", "Philip"), ("Яків", "Яков", "Jacob"), ("Гліб", "Глеб"),
    ("Зіновій", "Зиновий"), ("Ростислав", "Ростислав"), ("Святослав", "Святослав"),
    ("Всеволод", "Всеволод"), ("Едуард", "Эдуард", "Edward"), ("Захар", "Захар"),
    ("Марко", "Марк"), ("Мирон", "Мирон"), ("Нестор", "Нестор"), ("Орест", "Орест"),
    ("Савелій", "Савелий"), ("Тихон", "Тихон"), ("Альберт", "Альберт"), ("Артур", "Артур"),
    ("Герман", "Герман"), ("Ярема", "Ерёма"), ("Любомир", "Любомир"), ("Олесь", "Олесь"),
    ("Панас", "Афанасий"), ("Омелян", "Емельян"), ("Опанас", "Афанасий"),
    ("Харитон", "Харитон"), ("Трохим", "Трофим"), ("Ігнат", "Игнат"),
    ("Устим", "Устин"), ("Хома", "Фома"), ("Лука", "Лука"), ("Мартин", "Мартын"),
)
_FEMALE: tuple[tuple[str, ...], ...] = (
    ("Олена", "Елена", "Helen", "Helena", "Yelena"), ("Наталія", "Наталья", "Наталя", "Natalie"),
    ("Ольга", "Ольга", "Olga", "Olha"), ("Тетяна", "Татьяна", "Tatiana", "Tatyana"),
    ("Ірина", "Ирина", "Irene", "Iryna"), ("Світлана", "Светлана"), ("Людмила", "Людмила"),
    ("Галина", "Галина"), ("Марія", "Мария", "Maria", "Mary"), ("Надія", "Надежда"),
    ("Валентина", "Валентина"), ("Ніна", "Нина"), ("Любов", "Любовь", "Liubov"),
    ("Катерина", "Екатерина", "Катарина", "Catherine", "Kateryna"),
    ("Оксана", "Оксана"), ("Юлія", "Юлия", "Julia", "Yulia"), ("Анна", "Анна", "Ann", "Hanna"),
    ("Ганна", "Анна"), ("Вікторія", "Виктория", "Victoria"), ("Лариса", "Лариса"),
    ("Віра", "Вера", "Vera"), ("Зоя", "Зоя"), ("Євгенія", "Евгения", "Eugenia"),
    ("Анастасія", "Анастасия", "Anastasia"), ("Христина", "Кристина", "Christina"),
    ("Софія", "София", "Софья", "Sophia"), ("Алла", "Алла"), ("Інна", "Инна"),
    ("Раїса", "Раиса"), ("Лідія", "Лидия", "Lydia"), ("Антоніна", "Антонина"),
    ("Тамара", "Тамара"), ("Вероніка", "Вероника"), ("Олександра", "Александра"),
    ("Яна", "Яна"), ("Аліна", "Алина"), ("Дарія", "Дарья", "Дар'я", "Daria"),
    ("Поліна", "Полина"), ("Єлизавета", "Елизавета", "Elizabeth"),
    ("Валерія", "Валерия"), ("Марина", "Марина"), ("Маргарита", "Маргарита"),
    ("Жанна", "Жанна"), ("Діана", "Диана"), ("Кіра", "Кира"), ("Ксенія", "Ксения"),
    ("Леся", "Леся"), ("Лілія", "Лилия"), ("Майя", "Майя"), ("Олеся", "Олеся"),
    ("Римма", "Римма"), ("Роксолана", "Роксолана"), ("Соломія", "Соломия"),
    ("Уляна", "Ульяна"), ("Віолета", "Виолетта"), ("Емілія", "Эмилия"), ("Злата", "Злата"),
    ("Зінаїда", "Зинаида"), ("Ангеліна", "Ангелина"), ("Богдана", "Богдана"),
    ("Владислава", "Владислава"), ("Ярослава", "Ярослава"), ("Стефанія", "Стефания"),
    ("Таїсія", "Таисия"), ("Фаїна", "Фаина"), ("Ельвіра", "Эльвира"), ("Нонна", "Нонна"),
    ("Клавдія", "Клавдия"), ("Євдокія", "Евдокия", "Явдоха"), ("Параска", "Прасковья"),
    ("Мирослава", "Мирослава"), ("Олеся", "Алеся"), ("Ніла", "Нила"), ("Ірена", "Ирэна"),
    ("Емма", "Эмма"), ("Ада", "Ада"), ("Дарина", "Дарина"), ("Карина", "Карина"),
    ("Мілана", "Милана"), ("Єва", "Ева", "Eva"), ("Ангеліна", "Ангелина"),
)
# fmt: on


@dataclass(frozen=True)
class GivenNameClass:
    """One given name in all its forms: ``key`` is the folded key of its first
    (Ukrainian) form, ``name`` that form as written."""

    key: str
    name: str
    sex: Sex
    forms: tuple[str, ...]


def name_key(text: str) -> str:
    """The folded key of a name as written in any script."""
    return fold(to_latin(text))


@lru_cache(maxsize=1)
def given_name_classes() -> dict[str, GivenNameClass]:
    """Every known key (of every form of every name) -> the class of that name."""
    return _classes((("M", _MALE), ("F", _FEMALE)))


def _classes(
    groups: tuple[tuple[Sex, tuple[tuple[str, ...], ...]], ...],
) -> dict[str, GivenNameClass]:
    # Union the entries that share a key (per sex), then index every key of a class.
    entries: list[tuple[Sex, tuple[str, ...]]] = [
        (sex, entry) for sex, table in groups for entry in table
    ]
    parent = list(range(len(entries)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[tuple[Sex, str], int] = {}
    for i, (sex, forms) in enumerate(entries):
        for form in forms:
            seen = first_with.setdefault((sex, name_key(form)), i)
            parent[find(i)] = find(seen)
    members: dict[int, list[int]] = {}
    for i in range(len(entries)):
        members.setdefault(find(i), []).append(i)
    index: dict[str, GivenNameClass] = {}
    for root, group in sorted(members.items()):
        sex, head = entries[root]
        forms = tuple(dict.fromkeys(form for i in group for form in entries[i][1]))
        named = GivenNameClass(key=name_key(head[0]), name=head[0], sex=sex, forms=forms)
        for form in forms:
            # a key two sexes share (Sasha-like short forms) stays with the first seen
            index.setdefault(name_key(form), named)
    return index


def given_name_class(key: str) -> GivenNameClass | None:
    """The class of the given name whose folded key is ``key``, if it is known."""
    return given_name_classes().get(key)
