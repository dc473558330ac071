"""Names a sentence introduces as places by how it names them, whether or not the gazetteer
knows them (pure): "the village of X", "in X district", "near X, 10 km north of Y", "In X,
four men were shot dead", "X, a farming village in Y", "X was the worst hit"."""

from __future__ import annotations

import re

# Letters of names, accented ones too ("Kérou-Nord", "Sainte-Hélène").
_UP = "A-ZÀ-ÖØ-ÞČĆŠŽĐŁŚŹŻŃŘŤĎŇĽŐŰŞĞİ"
_LO = "a-zß-öø-ÿĀ-ž"  # "Doğanşehir": Latin Extended-A inside a word
#: a place told by what it is, after its name: ", a farming village in", ", a highland
#: kebele of" (a village or a part of a town, never a region)
DESCRIBED_AS = (
    r",\s+an?\s+(?:[a-z-]+\s+){0,2}?(?:village|town|settlement|hamlet|kebele|commune|"
    r"community|suburb|neighbou?rhood|quarter|township|locality|camp)\s+"
    r"(?:in|near|of|on|outside|about|some)\b"
)
INTRODUCED_HINT_RE = re.compile(  # (?<!\w), not \b: the same before a word, faster in re
    rf"(?<!\w)(?:of|in|near|outside|at|off|around) (?:[ae]l-)?[{_UP}]|"
    r", an? (?:[a-z-]+ ){0,2}?(?:village|town|settlement|hamlet|kebele|commune|community|"
    r"suburb|neighbou?rhood|quarter|township|locality|camp)\b"
)
OPENS_IN_RE = re.compile(rf"\W*In [{_UP}]")
#: "Ruwi-Gada was the worst hit": substrings that let the introduced names be read too
WORST_HIT = ("worst hit", "hardest hit", "most affected", "most badly")
# One word of a name, hyphenated parts included ("Pont-Sonde"), never ending in a hyphen.
# ("Petite-Rivière-de-l'Artibonite": a capital after an elided article)
_NAME_WORD = rf"[{_UP}][{_LO}'’]+(?:-[{_UP}{_LO}][{_LO}'’]*(?:(?<=['’])[{_UP}][{_LO}]+)?)*"
# A further word of a name: "Abu Shouk", "Deir al-Balah"
_MORE_WORD = rf"[{_UP}][{_LO}'’-]+"
# "the commune of Petite-Rivière de l'Artibonite", "the municipality of San José del Guaviare"
_PARTICLE = r"(?:de|du|des|del|da|do)\s+(?:la\s+|l['’])?"
# "in the city of al-Bab", "in al-Mawasi": an Arabic name may open on its article
_AL_WORD = rf"(?:[ae]l-)?{_NAME_WORD}"
#: the people a place is "of", after their name ("a village of Dogon farmers"): no place
PEOPLE_OF_A_PLACE = (
    r"\s+(?:farmers|herders|fishermen|fisherfolk|people|families|refugees|miners|"
    r"pastoralists|speakers)\b"
)
INTRODUCED_RE = re.compile(
    r"\b(?:(?:village|town|city|district|settlement|suburb|neighbourhood|neighborhood|camp"
    r"|region|province|hamlet|community|area|island|commune|municipality|outskirts)\s+of\s+"
    rf"(?P<name>{_AL_WORD}(?:[ -](?:al-|el-|{_PARTICLE})?{_MORE_WORD}){{0,2}})"
    rf"(?![\w'’-]|{PEOPLE_OF_A_PLACE})"  # "a village of Dogon farmers": its people's
    rf"|(?:in|near|outside|at|on)\s+(?P<name2>{_NAME_WORD}(?:[ -]{_MORE_WORD})?)"
    r"(?=\s+(?:village|town|district|region|province|oblast|camp|hromada|aimag|soum|regency|"
    r"woreda|kebele|upazila|tehsil|municipality|commune|parish)\b|,\s+(?:a|an)\s+"
    r"(?:(?:farming|fishing|mining|remote|rural|border|hilltop|mountain|coastal|frontline)\s+)?"
    r"(?:village|town|small|settlement|hamlet))"
    rf"|(?<!-)(?:near|outside|at|off)\s+(?P<name5>{_NAME_WORD}(?:[ -](?:al-|el-)?{_MORE_WORD})?)"
    r"(?=,\s+(?:(?:about|some|around)\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:north|south|east|west|near|outside|from)\b|"
    # "a mining camp at Kali Wesfa, Yahukimo regency", "a displacement camp at Mbidjo, in
    # Djugu": the area it lies in after it
    r",\s+(?:[A-Z][\w'’-]+\s+(?:regency|district|province|county|region|state|prefecture)|"
    r"in\s+[A-Z]))"
    # (not "cut-off Andean villages")
    rf"|(?<!-)(?:near|outside|off)\s+(?P<name3>{_AL_WORD}(?:[ -](?:al-|el-)?{_MORE_WORD})?)"
    r"(?=[\s,.;]|$)"
    # "capsized about 20 nautical miles south of Lampedusa"
    r"|\b(?:km|kilometres|kilometers|miles)\s+(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+"
    rf"(?P<name10>{_AL_WORD}(?:[ -](?:al-|el-)?{_MORE_WORD})?)(?=[\s,.;]|$)"
    rf"|\bin\s+(?:and\s+around\s+)?(?P<name4>(?:[ae]l-)?[{_UP}][{_LO}'’]{{3,}}(?:-[{_UP}{_LO}][{_LO}'’]*)*"
    rf"(?:[ -]{_MORE_WORD})?)"
    r"(?=\s*(?:[,.;]|$)|\s+(?:killed|kills|left|claimed|on|last|this|when|where|after|during|and|or|as|in|"
    r"since|before|until|amid|between|overnight|early|late)\b)"
    # "In Sindh alone, 52 people have died": a place a count is given for
    rf"|^\W*In\s+(?P<name7>{_NAME_WORD}(?:[ -]{_MORE_WORD})?)(?=\s+alone\b)"
    # "In Diamnati, four men were shot dead": a round-up's place opening its sentence
    rf"|^\W*In\s+(?P<name9>{_NAME_WORD}(?:[ -]{_MORE_WORD})?)(?=,\s)"
    # "Gunmen attacked Tinkitane, a village in Tillabéri region": a village told by what it is
    rf"|(?!(?:In|On|At|Near|From|Of|And|But|The)\s)"
    rf"(?P<name8>{_NAME_WORD}(?:[ -]{_MORE_WORD}){{0,2}})(?={DESCRIBED_AS})"
    # "Ruwi-Gada was the worst hit": a place named as the subject of the worst hit
    rf"|^\W*(?P<name6>{_NAME_WORD}(?:[ -]{_MORE_WORD})?)(?=\s+(?:was|were)\s+(?:the\s+)?"
    r"(?:worst|hardest|most\s+(?:badly\s+)?(?:hit|affected))\b))"
)
#: the groups of ``INTRODUCED_RE`` that hold a name, in the order they are tried
INTRODUCED_GROUPS = (
    "name",
    "name2",
    "name5",
    "name3",
    "name4",
    "name6",
    "name7",
    "name8",
    "name9",
    "name10",
)
