"""What a number counts: the outcome word after or before it, its hedge, its victims.

The words themselves are the cues of ``cues``; this module decides which apply to one
number in its sentence."""

from __future__ import annotations

import re
from functools import lru_cache

from tollbook.extract import cues
from tollbook.extract.dates import DateMention
from tollbook.extract.drafts import WINDOW, Draft, Reading
from tollbook.extract.numbers import NumberMention
from tollbook.extract.perpetrators import is_perpetrators
from tollbook.extract.screens import ends_as_it_may, final_words


def context_reading(lower: str, n: NumberMention, outcome: str) -> Reading | None:
    """A figure in a sentence opened by "Of them," / "Of the dead,": "14 are women"."""
    right = lower[n.end : n.end + WINDOW]
    m = _COPULA_RE.match(right)
    victims = cues.VICTIMS_RE.match(right[m.end() :] if m else right)
    if victims is None and not _COPULA_PLACE_RE.match(right) and not _SHARE_VERB_RE.match(right):
        return None
    if n.is_vague or n.low is None:
        return None
    return _reading(
        n,
        outcome,
        lower[max(0, n.start - 60) : n.start],
        right,
        victims.group("np") if victims else None,
    )


# "the (real) figure could reach 600", "the number may rise to 80": a prediction of the
# toll the sentence before gave, in words that name no outcome
_PREDICTED_FIGURE_RE = re.compile(
    r"\bthe\s+(?:real\s+|true\s+|final\s+|actual\s+)?(?:figure|number|count)\s+"
    r"(?:could|may|might|will|would|is\s+likely\s+to|is\s+expected\s+to)\s+(?:well\s+|even\s+)?"
    r"(?:reach|rise\s+to|climb\s+to|top|exceed|pass|be\s+as\s+high\s+as|be\s+closer\s+to|"
    r"be\s+(?:at\s+least|more\s+than|over|about|around|nearly))\s*(?:as\s+many\s+as\s+|"
    r"more\s+than\s+|at\s+least\s+)?$|\bit\s+(?:had\s+|has\s+)?(?:risen|rose|climbed)\s+to\s+$"
)


def predicted_reading(lower: str, n: NumberMention, outcome: str) -> Reading | None:
    """ "The mayor said the figure could reach 600": the toll of the sentence before
    (``outcome``), predicted; "By Tuesday noon it had risen to 41": that toll, risen."""
    left = lower[max(0, n.start - 80) : n.start]
    if n.low is None or not _PREDICTED_FIGURE_RE.search(left):
        return None
    return _reading(n, outcome, left, lower[n.end : n.end + WINDOW], None)


def inside(n: NumberMention, dates: list[DateMention]) -> bool:
    return any(d.start <= n.start < d.end for d in dates)


def is_multiplier(lower: str, n: NumberMention) -> bool:
    return bool(cues.TIMES_RE.match(lower[n.end : n.end + 60]))


def inherits(lower: str, n: NumberMention) -> bool:
    """A bare number after a figure ("followed by 30 more", "and another 12") counts the same."""
    if not cues.INHERIT_RIGHT_RE.match(lower[n.end : n.end + WINDOW]):
        return False
    return bool(
        _MORE_RE.match(lower[n.end : n.end + 40])
        or cues.INHERIT_LEFT_RE.search(lower[max(0, n.start - 40) : n.start])
    )


_COPULA_RE = re.compile(r"\s+(?:are|were|was|is)?\s*")
_COPULA_PLACE_RE = re.compile(
    r"\s+(?:are|were|was|is)\s+(?:(?:reported|recorded|registered)\s+)?(?:in|from|at|among)\b"
)
# "Of the 13 deaths, 10 occurred in Ogooue-Ivindo", "Of the 38 dead, 22 lived in Tala",
# "Among the deaths, 8 were confirmed cases": a share of the count the opener names
_SHARE_VERB_RE = re.compile(
    r"\s+(?:occurred|lived|came|died|were\s+(?:confirmed|probable|suspected|recorded|reported|"
    r"registered)|(?:was|were)\s+from)\b"
)
_MORE_RE = re.compile(r"\s*(?:more|others|other|additional|further)\b")
_OR_MORE_RE = re.compile(r"\s*or\s+more\s+(?:people|persons|civilians|victims)\b")
_KILLING_OF_RE = re.compile(r"\b(?:(?:killing|murder|deaths?)\s+of|in\s+which)\s+$")
_ONE_OF_RE = re.compile(r"\s+of\s+(?:the|these|those|three|two|four|five|\d)\b")
# "bringing to seven the number recovered", "the raid brought to 31 the number of civilians
# killed in the county since January"
_BRINGING_TO_RE = re.compile(
    r"\b(?:bringing|brought|brings|bring|raising|raised|taking|took|pushing|pushed)\s+to\s*$"
)
_GROUP_NUMBER = (
    r"(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty)"
)
#: "... of the two", "... of these 12": a group the number before it counts some of
_OF_THE_GROUP_RE = re.compile(rf"\s+of\s+(?:the|these|those)\s+{_GROUP_NUMBER}\b")
_OF_THEM_RE = re.compile(r"\s+of\s+(?:them|those|whom)\b")
#: "(one) of the two " before a group's number
_GROUP_BEFORE_RE = re.compile(rf"\b(?:one|{_GROUP_NUMBER})\s+of\s+(?:the|these|those)\s+$")
#: what became of some of the group: "died", "injured later died", "were later killed"
_GROUP_DIED_RE = re.compile(
    r"(?:\s+(?:injured|wounded|people|patients|survivors|victims|passengers|miners))?"
    r"\s+(?:later\s+|have\s+|has\s+|had\s+|also\s+|since\s+|subsequently\s+)*"
    r"(?:died|succumbed|were\s+killed|was\s+killed)\b"
)
#: a person described between commas: ", a 19-year-old driver's assistant,"
_APPOSITION_RE = re.compile(r",\s+(?:a|an|the)\s+[^,.;]{2,60},")
_ONE_VERB_RE = re.compile(r"\s+(?:was|is|has|had|also|reportedly|other|more)\b")
# "..., one in Pokrovsk": a place follows ("one in four" is a share, "one in the morning" a time)
_ONE_IN_PLACE_RE = re.compile(
    r"\s+in\s+(?!(?:\d|two|three|four|five|six|seven|eight|nine|ten|a\s|every|each|the\s+"
    r"(?:morning|afternoon|evening|night))\b)[a-z]"
)
_LOST_RE = re.compile(r"\blost\s*$")
_THE_DEAD_RE = re.compile(r"\b(?:the\s+dead|the\s+victims|those\s+killed)\b")
_AGE_AFTER_RE = re.compile(r"\s*(?:,|\))")
_AGE_BEFORE_RE = re.compile(r"[^\W\d_]{2,}\s*[,(]\s*$")  # (a name's accented letters too)
_LIST_BEFORE_RE = re.compile(r"(?:,|\band|\bor)\s*$")
_LIST_AFTER_RE = re.compile(r"\s*(?:,|and\b|or\b|\)|;|$|\.)")
_A_WORD_RE = re.compile(r"[a-z'-]+")
_BODY_WORD_RE = re.compile(r"bod(?:y|ies)|remains")
_BURY_WORD_RE = re.compile(r"buri|bury")
_VICTIM_AFTER_RE = re.compile(r"\s+(?:" + cues.VICTIM_NOUNS + r")\b")

# "Two firefighters were among 11 people killed": a part of the figure after it
_AMONG_LATER_RE = re.compile(
    r"\s*(?P<np>(?:[a-z][a-z'-]+\s+)?(?:" + cues.VICTIM_NOUNS + r"))\s+(?:were|are)\s+among\s+"
    r"(?:the\s+)?(?:at\s+least\s+|more\s+than\s+)?[\d,]+\s+(?:[a-z]+\s+){0,2}?"
    r"(?P<outcome>killed|dead|died|injured|wounded)\b"
)

_CARRYING_RE = re.compile(
    r"\b(?:carrying|carries|to\s+carry)\s+(?:more\s+than\s+|about\s+|around\s+|some\s+|"
    r"nearly\s+|over\s+|at\s+least\s+|up\s+to\s+|an\s+estimated\s+)?$"
)
_ABOARD_RE = re.compile(r"\s*(?:passengers|people|migrants|pilgrims|refugees|workers)\b")
# "has registered 21 deaths": a count, though "registered 37 of the bodies" is not
_DEATHS_NEXT_RE = re.compile(  # ("identified 16 people who died in the fires": the dead)
    r"\s+(?:deaths|dead|fatalities|killings|homicides|murders|(?:[a-z]+\s+)?who\s+died)\b"
)
_LOGISTICS_BEFORE_RE = re.compile(r"\b(?:identified|named|registered|discharged)\s*$")
_LOGISTICS_AFTER_RE = re.compile(  # (and "31 bodies have been identified": not more found)
    r"^\s+of\s+(?:them|whom)\s+(?:remain|remained|are\s+still|were\s+still|were\s+discharged|"
    r"were\s+rescued|were\s+released|were\s+identified)\b|^\s+(?:of\s+the\s+)?(?:bodies|"
    r"victims|dead)\s+(?:have|had|has)\s+(?:now\s+|so\s+far\s+)?been\s+identified\b"
)


#: a figure the dead are said to include: "among the dead are", "the dead include"
_AMONG_THE_DEAD_RE = re.compile(
    r"(?:\bamong\s+(?:the\s+)?(?:dead|killed|fatalities)(?:\s+(?:are|were|was|is))?|"
    r"\bthe\s+dead\s+(?:include[ds]?|were|are))\s+$"
)
_DECIMAL_RE = re.compile(r"\d+\.\d\d?")  # (not "1.200": a thousands mark)


def read_number(
    lower: str, n: NumberMention, previous: Draft | None, found_before: bool = False
) -> Reading | None:
    """What ``n`` counts, or None when it is not a casualty figure."""
    left = lower[max(0, n.start - 220) : n.start].replace('"', "")
    right = lower[n.end : n.end + 160].lstrip('"')
    if not n.is_vague:
        if cues.NOT_A_COUNT_BEFORE_RE.search(left[-12:]) or cues.NOT_A_COUNT_AFTER_RE.match(right):
            return None
        if "aged" in left and cues.AGE_LIST_BEFORE_RE.search(left[-40:]):
            return None
        if left.endswith(("under ", "over ", "below ", "above ", " than ")) and (
            cues.AGE_BOUND_BEFORE_RE.search(left[-45:])
        ):
            return None  # "eight people under 18", "six people over 70": an age
        if _is_year(n, right) or _is_ordinal_or_id(lower, n):
            return None
        if "." in n.text and _DECIMAL_RE.fullmatch(n.text):
            return None  # "the magnitude of 6.1": a decimal counts no people ("1.2 million" does)
        if (
            _LOGISTICS_BEFORE_RE.search(left[-30:]) and not _DEATHS_NEXT_RE.match(right)
        ) or _LOGISTICS_AFTER_RE.match(right):
            return None  # "identified 37 of the bodies", "40 of whom remain in hospital"
        if _GROUP_BEFORE_RE.search(left[-40:]) and _GROUP_DIED_RE.match(right):
            return None  # "Three of the 12 injured died": the 12 is who they were of
        if cues.INJURED_DIED_RE.match(right):  # "after three more injured passengers died"
            return _reading(n, "killed", left, right, None)
        if "carr" in left[-40:] and _CARRYING_RE.search(left[-40:]) and _ABOARD_RE.match(right):
            return None  # "the boat was carrying more than 500 passengers": who was aboard
    elif cues.VAGUE_BAD_BEFORE_RE.search(left[-6:]) or re.match(
        r"\s*of\s+(?:the|them|those|us|our|these|whom)\b", right
    ):
        return None
    if not n.is_vague and _looks_like_age(n, left, right):
        return None
    killed = cues.SUBJECT_KILLED_RE.match(right)
    if killed and cues.VICTIMS_RE.match(right[killed.end() :]):
        return None  # "the first two killed 35 people": the two are crashes, not the dead
    among = _AMONG_LATER_RE.match(right)
    if among and not n.is_vague:  # "two firefighters were among 11 people killed"
        part = "injured" if among.group("outcome") in ("injured", "wounded") else "killed"
        return _reading(n, part, left, right, among.group("np"))
    if not n.is_vague and _AMONG_THE_DEAD_RE.search(left[-40:]):
        # "Among the dead are three children, ..., and 19 people were wounded": the dead
        noun = cues.VICTIMS_RE.match(right)
        return _reading(n, "killed", left, right, noun.group("np") if noun else None)
    of_the = cues.OF_THE_OUTCOME_RE.match(right)
    if of_the and of_the.lastgroup:  # "two of the dead were police officers"
        later = _outcome_after(right[of_the.end() :], False)  # "two of the injured later died"
        tail = cues.VICTIMS_RE.match(right[of_the.end() :].replace(" were ", " ", 1))
        part_of = later or of_the.lastgroup
        if of_the.group(0).endswith(("bodies", "victims", "dead")) and later is None:
            # "Rescuers recovered four of the bodies": found; "helped bury 31 of the victims":
            # buried (the verb before counts them; a killing verb there changes nothing)
            before = _outcome_before(left, True)
            part_of = before if before in ("buried", "bodies_found") else part_of
        return _reading(n, part_of, left, right, tail.group("np") if tail else None)
    if not n.is_vague:
        # "One of the two died", "Three of the 12 injured died later": the first number
        # counts the dead, the second names the group they were of
        group = _OF_THE_GROUP_RE.match(right) or (  # "where one of them died"
            (_OF_THEM_RE.match(right) or cues.OF_THE_PEOPLE_RE.match(right)) if n.low == 1 else None
        )
        if group is not None and _GROUP_DIED_RE.match(right, group.end()):
            word = group.group(0).split()[-1]  # "One of the gunmen was killed": a gunman
            return _reading(n, "killed", left, right, word if is_perpetrators(word) else None)
        if n.low == 1:
            # "One of them, a 70-year-old cloth dealer, died on Monday night", "one, a
            # 22-year-old student, had died", "one of the employees taken to Rouen University
            # Hospital died there": the person described, then what became of them
            end = group.end() if group is not None else 0
            told = _APPOSITION_RE.match(right, end)
            if (told is not None and _GROUP_DIED_RE.match(right, told.end())) or (
                group is not None and cues.PARTICIPLE_ASIDE_RE.match(right, end)
            ):
                return _reading(n, "killed", left, right, None)
    if (_ONE_OF_RE.match(right) and n.low == 1) or (
        _OR_MORE_RE.match(right) and _KILLING_OF_RE.search(left)
    ):
        return None  # "one of three health workers": a person; "the killing of 3 or more"
    if _BRINGING_TO_RE.search(left):  # "bringing to seven the number recovered"
        tail = re.match(
            r"\s+the\s+(?:number|total|toll)\b(?:\s+of\s+(?P<what>[a-z]+))?"
            r"(?:\s+(?P<verb>recovered|found|retrieved|killed|dead|injured))?",
            right,
        )
        if tail:
            word = tail.group("verb") or tail.group("what") or "dead"
            counted = {
                "recovered": "bodies_found",
                "found": "bodies_found",
                "retrieved": "bodies_found",
                "bodies": "bodies_found",
                "injured": "injured",
                "wounded": "injured",
                "missing": "missing",
            }.get(word, "killed")
            return _reading(n, counted, left, right, None)
    modified = cues.MODIFIED_DEATHS_RE.match(right)
    if modified and modified.lastgroup:  # "287 cholera deaths", "12 new deaths"
        words = modified.group(0).split()  # "160 civilian deaths": civilians
        civilian = words[-2] == "civilian" and words[-1] in ("deaths", "fatalities")
        return _reading(n, modified.lastgroup, left, right, "civilians" if civilian else None)
    direct = cues.RIGHT_OUTCOME_RE.match(right.lstrip())
    if direct and direct.lastgroup in ("killed", "injured", "missing"):
        # "17 dead", "40 injured", "410 killings": the outcome word follows at once
        victims_after = cues.VICTIMS_RE.match(right.lstrip()[direct.end() :])
        return _reading(
            n,
            direct.lastgroup,
            left,
            right,
            victims_after.group("np")
            if victims_after and not _victims_is_outcome(victims_after.group("np"))
            else None,
        )
    adjective = _OUTCOME_ADJECTIVE_RE.match(right)
    if adjective:  # "57 wounded people", "40 dead soldiers"
        right = right[adjective.end() :]
    victims_match = cues.VICTIMS_RE.match(right)
    if victims_match and not _plausible_modifiers(victims_match.group("np")):
        victims_match = None
    if victims_match is None and n.low == 1 and not n.is_range:
        victims_match = cues.ONE_VICTIM_RE.match(right)  # "one farmer was killed"
    if (
        n.in_words
        and n.low == 1
        and victims_match is None
        and not _ONE_VERB_RE.match(right)
        and not (_LIST_BEFORE_RE.search(left) and _ONE_IN_PLACE_RE.match(right))
    ):
        return None  # "one family", "one day": a lone "one" needs its noun, unless it is
        # an item of a list by place ("three in Kostiantynivka, one in Pokrovsk")
    if victims_match is None:
        plural = _PLURAL_NOUN_RE.match(right)  # "17 reservists were killed"
        victims_match = (
            plural
            if plural
            and plural.group("np") not in cues.BLOCK_WORDS
            and plural.group("np") not in _NOT_NOUNS
            else None
        )
    victims = victims_match.group("np") if victims_match else None
    body_noun = victims is not None and victims.split()[-1] in cues.BODY_NOUNS
    if victims is not None and _victims_is_outcome(victims):
        victims = None
    after_noun = right[victims_match.end() :] if victims_match else right
    if cues.RATE_AFTER_RE.match(after_noun):
        return None  # "we receive 30 to 35 bodies a day": a rate, not a count
    aside = cues.PARENTHETICAL_RE.match(after_noun)
    if aside:
        after_noun = after_noun[aside.end() :]
    outcome = _ADJECTIVE_OUTCOMES[adjective.group(1)] if adjective else None
    if outcome is None:
        outcome, crossed = _outcome_after_crossing(after_noun, body_noun)
        if crossed:
            # "The toll rose to 36, ..., and 121 people were injured": the verb after the
            # other figure is that figure's; the words before this one say what it counts
            left_outcome = _left_outcome(lower, left, right, body_noun)
            outcome = left_outcome or outcome
    if outcome is None and victims_match:
        relative = _RELATIVE_CLAUSE_RE.match(after_noun)
        if relative:
            outcome = _ADJECTIVE_OUTCOMES.get(relative.group(1), "killed")
    if outcome is None or outcome == "bodies_found":  # else the words before cannot change it
        left_outcome = _left_outcome(lower, left, right, body_noun)
        if left_outcome is not None:
            outcome = left_outcome
    if outcome is None and body_noun:
        # bodies seen, counted or received are deaths; in graves they are burials
        outcome = _body_outcome(lower)
    if (
        outcome is None
        and previous is None
        and not n.is_vague
        and cues.SUBSET_RIGHT_RE.match(right)
        and _THE_DEAD_RE.search(left)
    ):  # "All of the dead were port workers, five of them Ukrainians"
        outcome = "killed"
        tail = cues.VICTIMS_RE.match(right[cues.SUBSET_RIGHT_RE.match(right).end() :])  # type: ignore[union-attr]
        victims = tail.group("np") if tail else victims
    if outcome is None and previous is not None and not n.is_vague:
        subset = cues.SUBSET_RIGHT_RE.match(right)
        if subset:
            outcome = previous.outcome
            tail = cues.VICTIMS_RE.match(right[subset.end() :])
            victims = tail.group("np") if tail else victims
        elif found_before and _MORE_FOUND_RE.match(right):
            outcome = "bodies_found"  # "retrieved four bodies ...; three more were recovered"
        elif (
            inherits(lower, n)
            or cues.SUBSET_LEFT_RE.search(left)
            or _list_item(left, right, victims_match)
        ):
            outcome = previous.outcome
    if outcome is None:
        return None
    return _reading(n, outcome, left, right, victims, body_noun)


def _reading(
    n: NumberMention,
    outcome: str,
    left: str,
    right: str,
    victims: str | None,
    body_noun: bool = False,
) -> Reading:
    if n.is_vague:
        return Reading(outcome, None, None, "vague", victims, body_noun)
    if n.is_range:
        return Reading(outcome, n.low, n.high, "range", victims, body_noun)
    value = n.low
    qualifier = _hedge(left, right)
    if qualifier in ("exact", "about"):
        return Reading(outcome, value, value, qualifier, victims, body_noun)
    if qualifier == "up_to":
        return Reading(outcome, None, value, qualifier, victims, body_noun)
    return Reading(outcome, value, None, qualifier, victims, body_noun)


def _looks_like_age(n: NumberMention, left: str, right: str) -> bool:
    """ "Faraj Mansour, 38, a teacher": a number between commas after a name is an age."""
    if n.is_range or n.low is None or n.low > 110:
        return False
    return (
        bool(_AGE_AFTER_RE.match(right))
        and bool(_AGE_BEFORE_RE.search(left))
        and not re.search(
            r"(?:kill\w*|dead|deaths|fatalities|victims|died|injur\w*|wound\w*|missing|people|"
            r"civilians|children|toll)"
            r"\s*[,(]\s*$",
            left,
        )
    )


_COORDINATED_RE = re.compile(
    r"(?:,\s*|and\s+|or\s+)(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|a\s+dozen|dozens|several)(?:-[a-z]+)?)"
    r"\s+(?:[a-z-]+\s+){0,2}?(?:" + cues.VICTIM_NOUNS + r")\b"
)
_AND_NOUN_RE = re.compile(r"and\s+[a-z-]+(?:s|men|ren)\b(?=\s+(?:had|have|has|were|died)\b)")
_MORE_FOUND_RE = re.compile(
    r"\s+(?:more|others|other|additional|further)\s+(?:[a-z]+\s+){0,3}?"
    r"(?:found|recovered|retrieved|pulled|exhumed|discovered|washed)\b"
)


def _list_item(left: str, right: str, victims: re.Match[str] | None) -> bool:
    """ "bodies of four women, three men and two children": one item of a list of figures."""
    if victims is None or not _LIST_BEFORE_RE.search(left):
        return False
    return bool(_LIST_AFTER_RE.match(right[victims.end() :]))


_OUTCOME_ADJECTIVE_RE = re.compile(r"^\s+(?:of\s+)?(wounded|injured|dead|missing)\s+(?=[a-z])")
#: Words ending in "s" that are not plural nouns: "kill 31 across Lebanon".
_NOT_NOUNS = frozenset(
    """across various previous serious numerous this thus perhaps always towards afterwards
    besides unless whereas was has is its""".split()
)
_PLURAL_NOUN_RE = re.compile(r"^\s+(?P<np>[a-z]{3,}s)\b")
_BODIES_OF_RE = re.compile(r"\b(?:bod(?:y|ies)|remains|corpses)\s+of" + cues.HEDGE_TAIL)
_FIND_VERBS_RE = re.compile(
    r"\b(?:found|find|finding|recover\w*|retriev\w*|pulled|pulling|exhum\w*|unearth\w*|"
    r"discover\w*|wash\w*\s+(?:up|ashore)|throwing\s+up|dug\s+out|located)\b"
)
_BURIAL_RE = re.compile(r"\bburi|\bbury|\btrench|\bgraves?\b|laid\s+to\s+rest|\bfuneral")


@lru_cache(maxsize=64)
def _body_outcome(lower: str) -> str:
    """What bodies count: burials, bodies found, or (seen, counted, received) deaths."""
    if _FIND_VERBS_RE.search(lower) or ("remains" in lower and "identified " in lower):
        return "bodies_found"  # ("identified 52 of 60 sets of remains": remains recovered)
    if _BURIAL_RE.search(lower):
        return "buried"
    return "killed"


_ADJECTIVE_OUTCOMES = {
    "wounded": "injured",
    "injured": "injured",
    "dead": "killed",
    "missing": "missing",
    "killed": "killed",
    "died": "killed",
    "unaccounted": "missing",
}
_RELATIVE_CLAUSE_RE = re.compile(
    r"^\s*(?:who|that)\b[^,.;]{0,80}?\b(?:remain|remains|remained|are|were|is|was|have\s+been|"
    r"had\s+been|has\s+been)\s+(?:still\s+|now\s+|later\s+|shot\s+(?=dead))?(missing|unaccounted|killed|dead|"
    r"died|injured|wounded)\b"
)
_MODIFIERS_ENDING_ED = frozenset(
    """unidentified unarmed armed unnamed detained displaced trapped elderly wounded injured
    killed unclaimed mutilated charred suspected alleged""".split()
)


def _plausible_modifiers(np: str) -> bool:
    """Words before the victim noun must read as modifiers ("Ukrainian civilians"), not verbs."""
    words = np.split()
    return not any(w.endswith("ed") and w not in _MODIFIERS_ENDING_ED for w in words[:-1])


def _victims_is_outcome(victims: str) -> bool:
    return victims.split()[-1] in ("dead", "injured", "wounded", "missing")


def _outcome_after(text: str, body_noun: bool) -> str | None:
    return _outcome_after_crossing(text, body_noun)[0]


def _outcome_after_crossing(text: str, body_noun: bool) -> tuple[str | None, bool]:
    """The outcome the words after a figure give it, and whether another figure stood
    between ("36, among them three children, and 121 people were injured")."""
    crossed = False
    pos = 0
    skipped = 0
    unknown = 0
    in_phrase = False
    while skipped <= 7:
        rest = text[pos:].lstrip(' \t\n"“”')  # ('"about 40 terrorists" had been "neutralised"')
        pos = len(text) - len(rest)
        if not rest:
            return None, crossed
        m = cues.RIGHT_OUTCOME_RE.match(rest)
        if m:
            group = m.lastgroup or ""
            if group == "found":
                if body_noun or m.group(0).startswith("washed"):
                    return "bodies_found", crossed
                pos += m.end()
                skipped += 1
                continue
            if group == "buried" and not body_noun and m.group(0).split()[0] != "buried":
                return None, crossed
            return ("bodies_found" if group == "found" else group), crossed
        # (or "and counsellors had died": a second noun of the same people)
        aside = (
            cues.PARENTHETICAL_RE.match(rest)
            or _AND_NOUN_RE.match(rest)
            or cues.RELATIVE_ASIDE_RE.match(rest)
            or cues.AGED_ASIDE_RE.match(rest)
            or cues.BEFORE_DYING_RE.match(rest)
            or (cues.ING_RE.match(rest) and cues.PARTICIPLE_ASIDE_RE.match(rest))
        )
        coordinated = None if aside else _COORDINATED_RE.match(rest)
        aside = aside or coordinated
        if aside:  # ", two of them children," / "and eight volunteer fighters"
            crossed = crossed or coordinated is not None
            pos += aside.end()
            continue
        word_m = _A_WORD_RE.match(rest)
        if word_m is None:
            return None, crossed
        word = word_m.group(0)
        if word in cues.BLOCK_WORDS:
            return None, crossed
        if word in _ARTICLES and in_phrase:
            pass
        elif word not in cues.BETWEEN_WORDS:
            # a place name after a preposition, of two words at most ("people from Kushum
            # Bala had died", "fishermen from a nearby village"; not "in Kharkiv and injured")
            unknown += 1
            if not in_phrase or unknown > (1 if word in ("and", "or") else 2):
                return None, crossed
        elif word in _PHRASE_STARTS:
            in_phrase = True
        else:
            in_phrase = False
        pos += word_m.end()
        skipped += 1
    return None, crossed


_PHRASE_STARTS = frozenset(("from", "in", "of", "at", "near"))
_ARTICLES = frozenset(("a", "an", "the"))
_HUNTED_RE = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:suspects?|gunm[ae]n|attackers?|assailants?|militants?|perpetrators?|"
    r"fighters?|rebels?|insurgents?|bandits?|robbers?|kidnappers?|escapees?|fugitives?|inmates?|"
    r"prisoners?|soldiers?\s+who\s+deserted)\b"
)


def _left_outcome(lower: str, left: str, right: str, body_noun: bool) -> str | None:
    """The outcome the words before a figure give it ("killing at least 17", "the bodies of")."""
    left_outcome = _outcome_before(left, body_noun)
    if left_outcome == "killed" and _LOST_RE.search(left) and not cues.VICTIMS_RE.match(right):
        left_outcome = None  # "lost two harvests": only people are counted
    if left_outcome == "missing" and _HUNTED_RE.match(right):
        left_outcome = None  # "searching for five suspects": those hunted are not missing
    if left_outcome is None and _BODIES_OF_RE.search(left):
        left_outcome = _body_outcome(lower)  # "the bodies of five people"
    return left_outcome


# The words either pattern can end with (both end at the end of the text before a figure):
# a text ending in none of them is not searched (the same result; about a third of the
# left windows of the throughput reports are so skipped).
_LEFT_OUTCOME_ENDS = final_words(cues.LEFT_OUTCOME_RE) or ("",)
_HEDGE_ENDS = final_words(cues.HEDGE_RE) or ("",)


def _outcome_before(left: str, bodies: bool) -> str | None:
    if not ends_as_it_may(left, _LEFT_OUTCOME_ENDS):
        return None
    m = cues.LEFT_OUTCOME_RE.search(left)
    if not m or cues.SHELTERED_RE.search(m.group(0)):  # "flood victims housed in centres"
        return None
    group = (m.lastgroup or "").removesuffix("_label")  # "Deaths: 27" as "27 deaths"
    if group == "found":
        return "bodies_found" if bodies or _BODY_WORD_RE.search(m.group(0)) else None
    if group == "buried" and not bodies and not _BURY_WORD_RE.search(m.group(0)):
        return None
    return group


def _hedge(left: str, right: str) -> str:
    if cues.AT_LEAST_AFTER_RE.match(right):
        return "at_least"
    tail = left[-40:]
    m = cues.HEDGE_RE.search(tail) if ends_as_it_may(tail, _HEDGE_ENDS) else None
    if not m or (m.lastgroup == "more_than" and cues.OVER_AS_ABOUT_RE.search(tail)):
        return "exact"  # (and "charged him over 61 deaths": what the charge is about)
    return m.lastgroup or "exact"


def _is_year(n: NumberMention, right: str) -> bool:
    text = n.text.strip()
    if not (len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100):
        return False
    return not _VICTIM_AFTER_RE.match(right)


def _is_ordinal_or_id(lower: str, n: NumberMention) -> bool:
    before = lower[n.start - 1 : n.start] if n.start else ""
    after = lower[n.end : n.end + 2]  # ("10:30", "4/5"; not "the toll is 28: the 27 ...")
    clock = after[:1] == ":" and after[1:].isdigit()
    return before in ("#", "-", ".", "/") or after[:1] == "/" or clock
