"""The words families use for the registry's description vocabulary, in English,
Ukrainian and Russian: pure data for :mod:`tollbook.registry.description_text`.

Each term is written as stems. A Slavic stem matches a word that is the stem followed by
one of :data:`SLAVIC_ENDINGS` (the case endings of nouns and adjectives), so "зелен"
matches зелена, зеленого, зеленій, зелёную; an English stem takes "", "s" or "es".
Stems with a space are several words in a row ("спортивн костюм"). Where Ukrainian
alternates a stem's last consonant (рука, руці; куртка, куртці) both stems are listed.
Text is folded before lookup: lower case, ё as е, ґ as г, apostrophes as "'".
"""

from __future__ import annotations

#: Case endings of Ukrainian and Russian nouns and adjectives (up to three letters).
SLAVIC_ENDINGS: frozenset[str] = frozenset(
    """
    _ а я о е є и і ї у ю ь й
    ом ем єм ям ам ою ею єю ой ей ій ий ый ая яя ое ее ую юю ої ые ие ых их іх ым им ім
    ах ях ами ями ів ов ев ого его ому ему ими ыми ки ку ка ці ок ы ье ья ьи ью ьем ии ия ию
    """.replace("_", "").split()
) | {""}
#: Endings of adjectives (colours, sides), hard and soft, without the nouns' endings.
ADJECTIVE_ENDINGS: frozenset[str] = frozenset(
    """
    ий ій ый ой ая яя я а е є ое ее і и ые ие ого его ього ому ему ьому ої ьої ою ьою ей
    ую юю у ю ім им ым их ых іх ими ыми ом ем ього ьої ьою ьому ьо
    """.split()
) | {""}
ENGLISH_ENDINGS: frozenset[str] = frozenset({"", "s", "es", "ed"})

#: Words that look like a stem and an ending but mean something else.
NOT_TERMS: frozenset[str] = frozenset(
    {"біля", "белье", "права", "право", "часу", "часом", "син", "сина", "сином", "синові",
     "сини", "синів", "сере", "серед"}
)  # fmt: skip

GARMENTS: dict[str, tuple[str, ...]] = {
    "jacket": ("jacket", "anorak", "parka", "blazer", "куртк", "куртц", "курточк", "курточц",
               "піджак", "пиджак", "пуховик", "вітрівк", "ветровк"),
    "coat": ("coat", "overcoat", "raincoat", "пальт", "плащ", "шуб"),
    "sweater": ("sweater", "sweatshirt", "jumper", "pullover", "jersey", "светр", "свитер",
                "джемпер", "пуловер", "кофт", "худі", "худи", "hoodie"),
    "shirt": ("shirt", "сорочк", "сорочц", "рубашк", "рубах", "футболк", "футболц"),
    "trousers": ("trousers", "pants", "slacks", "штан", "брюк", "брюках"),
    "jeans": ("jeans", "джинс"),
    "tracksuit": ("tracksuit", "track suit", "sports suit", "спортивн костюм", "спортивк"),
    "boots": ("boot", "черевик", "чобот", "чоботях", "сапог", "сапож", "ботинк", "ботинок",
              "берц", "берци"),
    "trainers": ("trainer", "sneaker", "running shoe", "кросівк", "кросівц", "кроссовк",
                 "кед", "кеди"),
    "cap": ("cap", "hat", "beanie", "кепк", "кепц", "шапк", "шапц", "бейсболк"),
    "blouse": ("blouse", "блуз", "блузк", "блузц"),
    "skirt": ("skirt", "спідниц", "юбк", "юбоч"),
    "dress": ("dress", "сукн", "сукон", "плать", "платт", "сарафан"),
    "headscarf": ("headscarf", "head scarf", "scarf", "kerchief", "хустк", "хустц", "хустин",
                  "косинк", "косинц", "косынк", "платок", "платк", "платочк"),
    "cardigan": ("cardigan", "кардиган"),
}  # fmt: skip

COLOURS: dict[str, tuple[str, ...]] = {
    "black": ("black", "чорн", "черн"),
    "grey": ("grey", "gray", "сір", "сер"),
    "dark blue": ("navy", "dark blue", "темно син", "темно-син", "темносин"),
    "blue": ("blue", "син", "блакитн", "голуб"),
    "brown": ("brown", "коричнев"),
    "green": ("green", "зелен", "хакі", "хаки", "khaki"),
    "red": ("red", "червон", "красн"),
    "beige": ("beige", "бежев"),
    "white": ("white", "біл", "бел"),
    "burgundy": ("burgundy", "maroon", "бордов", "вишнев"),
}  # fmt: skip

TATTOO: tuple[str, ...] = ("tattoo", "tattooed", "tatoo", "tattoe", "тату", "татуюванн",
                           "татуювань", "татуировк", "татуировок", "наколк", "наколц",
                           "наколок")  # fmt: skip
MOTIFS: dict[str, tuple[str, ...]] = {
    "cross": ("cross", "crucifix", "хрест", "хрестик", "крест", "крестик"),
    "anchor": ("anchor", "якор", "якір", "якорь"),
    "rose": ("rose", "троянд", "роз", "розочк"),
    "initials": ("initial", "letter", "ініціал", "літер", "букв", "инициал"),
    "bird": ("bird", "swallow", "eagle", "dove", "птах", "пташк", "пташц", "птиц", "птичк",
             "ластівк", "ласточк", "орел", "орл", "голубк"),
}  # fmt: skip
SCAR: tuple[str, ...] = ("scar", "шрам", "рубець", "рубц", "рубец")
SURGICAL: tuple[str, ...] = ("surgical", "surgery", "operation", "операці", "операци", "операц",
                             "післяопераційн", "послеоперационн", "операційн",
                             "операционн")  # fmt: skip
BIRTHMARK: tuple[str, ...] = ("birthmark", "birth mark", "mole", "родимк", "родимц", "родинк",
                              "родинц", "родим плям", "родим пятн")  # fmt: skip
FINGER: tuple[str, ...] = ("finger", "палець", "пальц", "палец")
ABSENT: tuple[str, ...] = ("missing", "no", "without", "lost", "lacks", "lacking", "amputated",
                           "немає", "нема", "бракує", "без", "хватает", "відсутн", "нет",
                           "отсутств", "ампутован", "ампутирован")  # fmt: skip
TOOTH: tuple[str, ...] = ("tooth", "teeth", "crown", "зуб", "коронк", "коронц")
GOLD: tuple[str, ...] = ("gold", "golden", "золот")
DENTURES: tuple[str, ...] = ("denture", "false teeth", "зубн протез", "протез", "вставн щелеп",
                             "вставн челюст", "вставн зуб")  # fmt: skip

SIDES: dict[str, tuple[str, ...]] = {
    "left": ("left", "лів", "лев"),
    "right": ("right", "прав"),
}
#: Places on the body; "sided" ones are written with left or right.
BODY_PLACES: dict[str, tuple[str, ...]] = {
    "forearm": ("forearm", "arm", "wrist", "передплічч", "предплеч", "рук", "руц",
                "зап'ясть", "запясть"),
    "hand": ("hand", "кист", "долон", "ладон"),
    "shoulder": ("shoulder", "плеч", "плечо"),
    "chest": ("chest", "breast", "груд"),
    "back": ("back", "спин"),
    "neck": ("neck", "ши", "ше"),
    "abdomen": ("abdomen", "stomach", "belly", "живот", "живіт"),
    "face": ("face", "cheek", "forehead", "обличч", "лиц", "щок", "щек", "лоб", "лб", "чол"),
}  # fmt: skip
SIDED: frozenset[str] = frozenset({"forearm", "hand", "shoulder"})

EFFECTS: dict[str, tuple[str, ...]] = {
    "wedding ring": ("ring", "wedding band", "обручк", "обручц", "каблучк", "каблучц",
                     "перстен", "перстн", "кольц", "кольцо"),
    "wristwatch": ("watch", "wristwatch", "годинник", "часы", "часах", "часами"),
    "mobile phone": ("phone", "mobile", "cellphone", "smartphone", "телефон", "мобільн",
                     "мобильн", "смартфон", "мобілк", "мобилк"),
    "keys": ("key", "ключ"),
    "cross on a chain": ("cross", "crucifix", "хрест", "хрестик", "крест", "крестик"),
    "glasses": ("glasses", "spectacles", "окуляр", "очк", "очки"),
    "wallet": ("wallet", "purse", "гаманець", "гаманц", "кошел", "кошельк", "кошелек",
               "бумажник"),
    "passport": ("passport", "паспорт"),
    "bank card": ("card", "картк", "картц", "карт"),
    "hearing aid": ("hearing aid", "слухов апарат", "слухов аппарат"),
    "rosary": ("rosary", "prayer beads", "вервиц", "чотк", "чітк", "четк", "розари"),
    "pension card": ("pension card", "pensioner's card", "pension certificate",
                     "пенсійн посвідченн", "пенсійн посвідчен", "пенсіонерськ посвідчен",
                     "пенсионн удостоверени", "пенсионн удостоверен", "пенсионн карт",
                     "пенсійн картк"),
}  # fmt: skip
#: A cross with one of these is worn on a chain, never a tattoo's motif.
CHAIN: tuple[str, ...] = ("chain", "necklace", "pendant", "ланцюжк", "ланцюжок", "ланцюжц",
                          "ланцюг", "цепочк", "цепочек", "цепочц", "цеп", "натільн",
                          "нательн")  # fmt: skip
#: Words saying that the colour before them is a garment's written after it.
COLOUR_WORDS: tuple[str, ...] = ("colour", "color", "кольор", "цвет")
PENSION: tuple[str, ...] = ("pension", "pensioner", "пенсійн", "пенсионн", "пенсіонерськ")
#: Words that say an item is not there ("no tattoos", "без татуювань").
NEGATIONS: tuple[str, ...] = ("no", "without", "never", "без", "немає", "нема", "нет", "не")
