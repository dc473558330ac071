"""Figures a sentence says were wrong: a toll withdrawn or corrected down.

"An earlier post that gave the toll as 16 was wrong", "the agency, which had given a toll
of 15 on Wednesday, corrected it to 13", "lowered its count to 163 from 181": the 16, the
15 and the 181 are no longer anyone's figure. Counted as tolls they would set the minimum
(a later, lower figure does not cap an earlier one of the same report: the toll usually
rises), so the incident would keep the dead its own source took back.

A figure is withdrawn when its sentence says so in one of two ways:

- it is what a correction started *from* ("corrected to three dead from five", "revised
  down from 29", "lowered ... from 8 to 7");
- it is what someone had said earlier ("had first said six died", "had given a toll of
  31", "initially reported 71 deaths") and the sentence says that figure was wrong (a
  correction, a death counted twice, a victim found alive, a post withdrawn);
- it is what someone told, and after a "but" the sentence says the count was wrong ("told
  reporters that 25 were killed, but ... some bodies had been counted twice").

A figure that rose ("had first said six died; the toll has risen to nine") is not
withdrawn: no word of error, and the later figure already supersedes it.
"""

from __future__ import annotations

import re

from tollbook.count.figure_sites import WORD_VALUES

_WORDS = {**WORD_VALUES, "hundred": 100}

#: a figure: digits (with thousands separators) or a number word
_N = r"(\d{1,3}(?:[,\u00a0 ]\d{3})+|\d+|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"

#: the sentence says a figure given before was wrong
_ERROR_RE = re.compile(
    r"\b(?:corrected|correcting|corrects?|correction|wrong|mistaken(?:ly)?|in\s+error|"
    r"erroneous(?:ly)?|by\s+mistake|withdr[ae]w|withdrawn|retract(?:ed|s)?|"
    r"counted\s+(?:[\w-]+\s+){0,3}?(?:twice|both\s+at|more\s+than\s+once)|twice\s+over|"
    r"double[- ]count(?:ed|ing)?|(?:found|still|was|were)\s+(?:to\s+be\s+)?alive|"
    r"had\s+survived|"
    r"lowered|revised\s+(?:it\s+|the\s+(?:figure|toll|count)\s+)?down(?:wards?)?|"
    r"revising\s+(?:the\s+(?:figure|toll|count)|it)\s+down(?:wards?)?|overstated)\b"
)

#: the figure a correction started from: "to three dead from five", "revised down from 29",
#: "lowered the toll from 8 to 7"
_FROM_RE = re.compile(
    r"\b(?:corrected|lowered|revised|reduced|cut|brought\s+down|down)\b[^.;]{0,120}?"
    r"\bfrom\s+(?:an?\s+(?:earlier|initial|previous)\s+(?:figure|toll|count)\s+of\s+)?" + _N + r"\b"
)

#: a figure someone gave before: "had first said six", "had given a toll of 31", "an earlier
#: post that gave the toll as 16", "initially reported 71 deaths", "had earlier put the toll
#: at nine"
_EARLIER_RE = re.compile(
    r"\b(?:had\s+(?:(?:first|earlier|initially|previously)\s+)?|first\s+|earlier\s+|"
    r"initially\s+|previously\s+|"
    # "an earlier post that gave", "a statement on Sunday that had given"
    r"\b(?:post|statement|report|bulletin|update|message|announcement|tweet)\b[^.;]{0,30}?"
    r"\bthat\s+(?:had\s+)?)"
    r"(?:said|given|gave|put|reported|posted|announced|stated|listed|counted|published)\b"
    r"[^.;]{0,60}?(?<![\w,.])" + _N + r"\b"
)


#: a figure someone told, then a "but" and the error: "A local official told reporters that
#: 25 people were killed, but the administration later said that some bodies had been
#: counted both at the school and at the hospital"
_TOLD_BUT_RE = re.compile(
    r"\b(?:said|says|told\s+\w+|reported|announced|gave|put|posted|stated)\b[^.;]{0,50}?"
    r"(?<![\w,.])" + _N + r"\b[^.;]{0,90}?\bbut\b[^.;]{0,140}?"
    r"\b(?:counted\s+(?:[\w-]+\s+){0,3}?(?:twice|both\s+at|more\s+than\s+once)|"
    r"double[- ]count\w*|found\s+(?:to\s+be\s+)?alive|had\s+survived|was\s+wrong|"
    r"corrected|withdr[ae]w\w*)\b"
)


def _value(token: str) -> int:
    token = token.replace(",", "").replace("\u00a0", "").replace(" ", "")
    return int(token) if token.isdigit() else _WORDS[token]


def withdrawn_figures(evidence: str) -> frozenset[int]:
    """The figures ``evidence`` says were wrong (see the module's text)."""
    lower = evidence.lower()
    if _ERROR_RE.search(lower) is None:
        return frozenset()
    found = {_value(m.group(1)) for m in _FROM_RE.finditer(lower)}
    found.update(_value(m.group(1)) for m in _EARLIER_RE.finditer(lower))
    found.update(_value(m.group(1)) for m in _TOLD_BUT_RE.finditer(lower))
    return frozenset(found)
