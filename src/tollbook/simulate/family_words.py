"""How a family writes what the missing person wore and carried: free text in Ukrainian,
Russian or English, with case endings, word order and words of its own (written for the
simulator, apart from the parser's tables, so that the parser is tested on words it was
not built from). The items (``jacket:green``, ``tattoo:anchor:left shoulder``) are what
the family remembers; this module only writes them down.
"""

from __future__ import annotations

import random

from tollbook.names.transliteration import ukrainian_national

#: garment -> (gender, nominative, locative) in Ukrainian and Russian; English word.
_UK_GARMENTS: dict[str, tuple[str, str, str]] = {
    "jacket": ("f", "куртка", "куртці"), "coat": ("n", "пальто", "пальті"),
    "sweater": ("m", "светр", "светрі"), "shirt": ("f", "сорочка", "сорочці"),
    "trousers": ("p", "штани", "штанях"), "jeans": ("p", "джинси", "джинсах"),
    "tracksuit": ("m", "спортивний костюм", "спортивному костюмі"),
    "boots": ("p", "черевики", "черевиках"), "trainers": ("p", "кросівки", "кросівках"),
    "cap": ("f", "кепка", "кепці"), "blouse": ("f", "блузка", "блузці"),
    "skirt": ("f", "спідниця", "спідниці"), "dress": ("f", "сукня", "сукні"),
    "headscarf": ("f", "хустка", "хустці"), "cardigan": ("m", "кардиган", "кардигані"),
}  # fmt: skip
_RU_GARMENTS: dict[str, tuple[str, str, str]] = {
    "jacket": ("f", "куртка", "куртке"), "coat": ("n", "пальто", "пальто"),
    "sweater": ("m", "свитер", "свитере"), "shirt": ("f", "рубашка", "рубашке"),
    "trousers": ("p", "брюки", "брюках"), "jeans": ("p", "джинсы", "джинсах"),
    "tracksuit": ("m", "спортивный костюм", "спортивном костюме"),
    "boots": ("p", "сапоги", "сапогах"), "trainers": ("p", "кроссовки", "кроссовках"),
    "cap": ("f", "шапка", "шапке"), "blouse": ("f", "блузка", "блузке"),
    "skirt": ("f", "юбка", "юбке"), "dress": ("n", "платье", "платье"),
    "headscarf": ("m", "платок", "платке"), "cardigan": ("m", "кардиган", "кардигане"),
}  # fmt: skip
_EN_GARMENTS: dict[str, str] = {
    "jacket": "jacket", "coat": "coat", "sweater": "jumper", "shirt": "shirt",
    "trousers": "trousers", "jeans": "jeans", "tracksuit": "tracksuit", "boots": "boots",
    "trainers": "trainers", "cap": "cap", "blouse": "blouse", "skirt": "skirt",
    "dress": "dress", "headscarf": "headscarf", "cardigan": "cardigan",
}  # fmt: skip
#: colour -> (stem, soft) in Ukrainian and Russian; English words.
_UK_COLOURS: dict[str, tuple[str, bool]] = {
    "black": ("чорн", False), "grey": ("сір", False), "dark blue": ("темно-син", True),
    "blue": ("блакитн", False), "brown": ("коричнев", False), "green": ("зелен", False),
    "red": ("червон", False), "beige": ("бежев", False), "white": ("біл", False),
    "burgundy": ("бордов", False),
}  # fmt: skip
_RU_COLOURS: dict[str, tuple[str, bool]] = {
    "black": ("чёрн", False), "grey": ("сер", False), "dark blue": ("тёмно-син", True),
    "blue": ("голуб", False), "brown": ("коричнев", False), "green": ("зелён", False),
    "red": ("красн", False), "beige": ("бежев", False), "white": ("бел", False),
    "burgundy": ("бордов", False),
}  # fmt: skip
_EN_COLOURS: dict[str, str] = {"dark blue": "navy", "grey": "grey", "burgundy": "maroon"}
# endings: nominative by gender, locative by gender, genitive ("... кольору")
_UK_HARD = (
    {"m": "ий", "f": "а", "n": "е", "p": "і"},
    {"m": "ому", "f": "ій", "n": "ому", "p": "их"},
    "ого",
)
_UK_SOFT = (
    {"m": "ій", "f": "я", "n": "є", "p": "і"},
    {"m": "ьому", "f": "ій", "n": "ьому", "p": "іх"},
    "ього",
)
_RU_HARD = (
    {"m": "ый", "f": "ая", "n": "ое", "p": "ые"},
    {"m": "ом", "f": "ой", "n": "ом", "p": "ых"},
    "ого",
)
_RU_SOFT = (
    {"m": "ий", "f": "яя", "n": "ее", "p": "ие"},
    {"m": "ем", "f": "ей", "n": "ем", "p": "их"},
    "его",
)

_MOTIFS = {
    "uk": {"cross": "хреста", "anchor": "якоря", "rose": "троянди", "initials": "ініціалів",
           "bird": "пташки"},
    "ru": {"cross": "креста", "anchor": "якоря", "rose": "розы", "initials": "инициалов",
           "bird": "птицы"},
    "en": {"cross": "a cross", "anchor": "an anchor", "rose": "a rose",
           "initials": "initials", "bird": "a bird"},
}  # fmt: skip
_PLACES = {
    "uk": {"left forearm": "лівому передпліччі", "right forearm": "правій руці",
           "chest": "грудях", "back": "спині", "left hand": "лівій кисті",
           "right hand": "правій кисті", "neck": "шиї", "abdomen": "животі",
           "face": "обличчі", "left shoulder": "лівому плечі",
           "right shoulder": "правому плечі"},
    "ru": {"left forearm": "левом предплечье", "right forearm": "правой руке",
           "chest": "груди", "back": "спине", "left hand": "левой кисти",
           "right hand": "правой кисти", "neck": "шее", "abdomen": "животе", "face": "лице",
           "left shoulder": "левом плече", "right shoulder": "правом плече"},
}  # fmt: skip
_MARKS = {
    "uk": {"tattoo": ("татуювання", "наколка", "тату"), "scar": ("шрам", "рубець"),
           "surgical scar": ("шрам після операції", "післяопераційний шрам"),
           "birthmark": ("родима пляма", "родимка"),
           "missing finger": ("немає пальця", "бракує пальця"),
           "gold tooth": ("золотий зуб", "золота коронка на зубі"),
           "dentures": ("зубний протез", "вставні зуби")},
    "ru": {"tattoo": ("татуировка", "наколка", "тату"), "scar": ("шрам", "рубец"),
           "surgical scar": ("шрам после операции", "послеоперационный шрам"),
           "birthmark": ("родимое пятно", "родинка"),
           "missing finger": ("нет пальца", "не хватает пальца"),
           "gold tooth": ("золотой зуб", "золотая коронка"),
           "dentures": ("зубной протез", "вставная челюсть")},
    "en": {"tattoo": ("tattoo",), "scar": ("scar",),
           "surgical scar": ("scar from an operation", "surgical scar"),
           "birthmark": ("birthmark", "mole"), "missing finger": ("a finger missing",),
           "gold tooth": ("gold tooth", "a gold crown on a tooth"),
           "dentures": ("dentures", "false teeth")},
}  # fmt: skip
_EFFECTS = {
    "uk": {"wedding ring": "обручка", "wristwatch": "годинник", "mobile phone": "телефон",
           "keys": "ключі", "cross on a chain": "хрестик на ланцюжку", "glasses": "окуляри",
           "wallet": "гаманець", "passport": "паспорт", "bank card": "банківська картка",
           "hearing aid": "слуховий апарат", "rosary": "вервиця",
           "pension card": "пенсійне посвідчення"},
    "ru": {"wedding ring": "обручальное кольцо", "wristwatch": "часы",
           "mobile phone": "мобильный телефон", "keys": "ключи",
           "cross on a chain": "крестик на цепочке", "glasses": "очки",
           "wallet": "кошелёк", "passport": "паспорт", "bank card": "банковская карта",
           "hearing aid": "слуховой аппарат", "rosary": "чётки",
           "pension card": "пенсионное удостоверение"},
    "en": {"wedding ring": "wedding ring", "wristwatch": "watch",
           "mobile phone": "mobile phone", "keys": "keys",
           "cross on a chain": "cross on a chain", "glasses": "glasses", "wallet": "wallet",
           "passport": "passport", "bank card": "bank card", "hearing aid": "hearing aid",
           "rosary": "rosary", "pension card": "pension card"},
}  # fmt: skip
_OPENINGS = {
    "uk": (("Був у", "Була в"), ("Одяг:", "Одяг:")),
    "ru": (("Был в", "Была в"), ("Одежда:", "Одежда:")),
}


def _slavic_garment(item: str, language: str, rng: random.Random, worn: bool) -> str:
    garment, _, colour = item.partition(":")
    gender, nominative, locative = (_UK_GARMENTS if language == "uk" else _RU_GARMENTS)[garment]
    if not colour:
        return locative if worn else nominative
    stem, soft = (_UK_COLOURS if language == "uk" else _RU_COLOURS)[colour]
    if language == "uk":
        nom_end, loc_end, gen_end = _UK_SOFT if soft else _UK_HARD
        colour_word = "кольору"
    else:
        nom_end, loc_end, gen_end = _RU_SOFT if soft else _RU_HARD
        colour_word = "цвета"
    if rng.random() < 0.15:  # "куртка зеленого кольору"
        return f"{locative if worn else nominative} {stem}{gen_end} {colour_word}"
    if worn:
        return f"{stem}{loc_end[gender]} {locative}"
    return f"{stem}{nom_end[gender]} {nominative}"


def _english_garment(item: str) -> str:
    garment, _, colour = item.partition(":")
    word = _EN_GARMENTS[garment]
    return f"{_EN_COLOURS.get(colour, colour)} {word}" if colour else word


def _join(words: list[str], language: str, rng: random.Random) -> str:
    if len(words) < 2:
        return "".join(words)
    last = {"uk": rng.choice((" і ", " та ", ", ")), "ru": rng.choice((" и ", ", "))}.get(
        language, rng.choice((" and ", ", "))
    )
    return ", ".join(words[:-1]) + last + words[-1]


def _mark(item: str, language: str, sex: int, rng: random.Random) -> str:
    parts = item.split(":")
    kind = parts[0]
    motif = parts[1] if kind == "tattoo" else ""
    place = parts[-1] if len(parts) > (2 if kind == "tattoo" else 1) else ""
    if rng.random() < 0.2:  # the family does not remember where
        place = ""
    name = rng.choice(_MARKS[language][kind])
    if language == "en":
        his = ("his", "her")[sex]
        where = f" on {his} {place}" if place else ""
        if kind == "tattoo":
            shown = _MOTIFS["en"][motif]
            if rng.random() < 0.5:
                return f"{shown.split()[-1]} tattoo{where}"
            return f"tattoo of {shown}{where}"
        return f"{name}{where}"
    where = f" на {_PLACES[language][place]}" if place else ""
    if kind == "tattoo":
        return f"{name} {_MOTIFS[language][motif]}{where}"
    if kind == "missing finger" and where and rng.random() < 0.5:
        return f"{where.strip().capitalize()} {name}"
    return f"{name}{where}"


def family_words(
    clothing: list[str], marks: list[str], effects: list[str], sex: int, rng: random.Random,
    language: str,
) -> str:  # fmt: skip
    """What a family writes about these remembered items, in ``language`` (uk, ru, en)."""
    sentences: list[str] = []
    if clothing:
        if language == "en":
            said = _join([_english_garment(i) for i in clothing], "en", rng)
            pronoun = ("He", "She")[sex]
            sentences.append(
                rng.choice((f"{pronoun} was wearing {said}", f"Wore {said}", said.capitalize()))
            )
        else:
            worn = rng.random() < 0.5
            said = _join([_slavic_garment(i, language, rng, worn) for i in clothing], language, rng)
            opening = _OPENINGS[language][0 if worn else 1][sex if worn else 0]
            sentences.append(f"{opening} {said}" if worn or rng.random() < 0.5 else said)
    if marks:
        said = _join([_mark(i, language, sex, rng) for i in marks], language, rng)
        sentences.append(said[:1].upper() + said[1:])
    if effects:
        said = _join([_EFFECTS[language][i] for i in effects], language, rng)
        opening = {"uk": "Мав при собі", "ru": "При себе", "en": "Had"}[language]
        if language == "uk" and sex:
            opening = "Мала при собі"
        sentences.append(f"{opening} {said}")
    return ". ".join(s[:1].upper() + s[1:] for s in sentences) + ("." if sentences else "")


def district_words(district: str, language: str, rng: random.Random) -> str:
    """A district (its Ukrainian name) as a family writes where the person was last seen."""
    roll = rng.random()
    if language == "en" or roll < 0.15:
        latin = ukrainian_national(district)
        return f"{latin} district" if rng.random() < 0.5 else latin
    if language == "ru" and district.endswith("ий"):
        district = district[:-2] + "ый"
    if roll < 0.35:
        return f"{district} район"
    if roll < 0.5 and district.endswith(("ий", "ый")):
        if language == "uk":
            return f"у {district[:-2]}ому районі"
        return f"в {district[:-2]}ом районе"
    return district
