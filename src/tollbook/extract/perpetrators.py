"""The attack's own perpetrators killed by those who answered it: "soldiers pursuing the
attackers killed five of them", "troops pursued the gunmen and killed 13 of them". Such a
figure is not a share of the victims' toll ("of them" would make it one) but dead of
their own, whom the count layer counts apart and adds (docs/counting.md)."""

from __future__ import annotations

import re

_PERPETRATOR = (
    r"attackers|assailants|gunmen|militants|insurgents|jihadists|raiders|fighters|bandits|"
    r"terrorists|rebels|kidnappers|hijackers|suspects|suspected"
)
#: "pursuing the attackers", "engaged the gunmen", "caught up with the raiders"
_ANSWERED_RE = re.compile(
    r"\b(?:pursu\w*|chas\w*|engag\w*|repel\w*|repuls\w*|intercept\w*|track\w*|fought|"
    r"caught\s+up\s+with|returned\s+fire\s+on|exchange\s+of\s+fire\s+with|hunt\w*)\s+"
    r"(?:the\s+|some\s+of\s+the\s+)?(?:[a-z-]+\s+)?(" + _PERPETRATOR + r")\b"
)
_OF_THEM_RE = re.compile(r"^[\"”]?\s+of\s+them\b")  # (killed "at least 70" of them)
_VICTIMS_RE = re.compile(r"\b(?:" + _PERPETRATOR + r")\b")


def is_perpetrators(victims: str) -> bool:
    """Whether a figure's victims are an attack's perpetrators ("attackers")."""
    return _VICTIMS_RE.search(victims.lower()) is not None


def same_side(whole: str, part: str) -> bool:
    """Whether victims ``part`` may be part of victims ``whole``: attackers killed are no
    part of the civilians they killed ("its forces killed 12 of the attackers" after "26
    civilians"); of "people" they may be."""
    return not is_perpetrators(part) or whole in ("people", "persons") or is_perpetrators(whole)


def perpetrators_of_them(lower: str, start: int, end: int) -> str | None:
    """The perpetrators a figure "N of them" counts, when the words before it tell of
    their being pursued or fought ("attackers"), else None."""
    if not _OF_THEM_RE.match(lower[end : end + 12]):
        return None
    found = None
    for m in _ANSWERED_RE.finditer(lower[max(0, start - 160) : start]):
        found = m.group(1)
    return found


#: the side whose weapons killed: "Russian glide bombs", "a Ukrainian drone attack"
_ATTACKER_RE = re.compile(
    r"\b(?P<side>Russian|Ukrainian|Israeli|Palestinian|Azerbaijani|Armenian|Pakistani|Indian|"
    r"Afghan|Thai|Cambodian|Kyrgyz|Tajik|Saudi|Turkish|Iranian|Syrian|Lebanese)\s+"
    r"(?:[a-z-]+\s+){0,2}?(?:drones?|missiles?|strikes?|air\s*strikes?|attacks?|shelling|shells|"
    r"bombs|bombing|rockets?|artillery)\b"
)


def other_attacker(evidence: str, toll_evidence: str) -> bool:
    """A figure's sentence (``evidence``) names another side's weapons than its toll's:
    "Russian glide bombs kill seven in Zaporizhzhia", then "a Ukrainian drone attack had
    killed three people in Enerhodar": the other side's attack, not a share."""
    mine = _ATTACKER_RE.search(evidence)
    if mine is None:
        return False
    theirs = _ATTACKER_RE.search(toll_evidence)
    return theirs is not None and theirs.group("side") != mine.group("side")
