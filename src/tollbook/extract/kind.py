"""The kind of a figure: observed, estimate, official or reported (CLAIMS.md).

A sentence can hold an official count and someone's estimate side by side ("at least
20,000, according to the WHO, though some say it could be as many as 150,000"), so the
cues of possibility are read around each figure: the words just before it and the rest
of its clause after it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tollbook.extract import cues

# Possibility and prediction just before a figure: "could reach 3,000", "may rise to 20",
# "as many as", "close to", "the true figure could be".
_ESTIMATE_BEFORE_RE = re.compile(
    r"(?:\b(?:could|may|might|would|will|expected\s+to|likely\s+to)\s+(?:well\s+|even\s+|yet\s+)?"
    r"(?:reach|be|rise\s+to|climb\s+to|number|exceed|top|hit|go\s+up\s+to|surpass|pass)"
    r"(?:\s+(?:as\s+(?:many|high)\s+as|close\s+to|up\s+to|more\s+than|over|at\s+least|about|around|"
    r"nearly|between|some))?|\bas\s+(?:many|high)\s+as|\bclose\s+to|\bfeared|\bbelieved|"
    r"\blikely|\bprobably|\bestimat\w*|"
    # "put the likely death toll at about 640", "the true figure is"
    r"\b(?:likely|probable|possible|true|real)\s+(?:death\s+)?(?:toll|number|figure)\s+"
    r"(?:at|of|to\s+be|is|was|could\s+be)\s+(?:about|around|some|nearly|up\s+to|more\s+than|"
    r"over|at\s+least|as\s+many\s+as)?|"
    r"\b(?:thought|believed|feared|presumed)\s+to\s+(?:have\s+)?[a-z]+(?:\s+(?:some|about|around|"
    r"more\s+than|over|at\s+least|up\s+to|nearly))?)\s*(?:the\s+)?$"
)
# ... or just after it: "35 people may have died", "14 are feared missing".
_ESTIMATE_AFTER_RE = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,3}?(?:(?:may|might|could)\s+(?:have|be|well)|(?:are|were|is|was)\s+"
    r"(?:feared|believed|thought|presumed|likely|probably|estimated)|feared|believed|likely|"
    r"probably|estimated)\b"
)
_CLAUSE_END_RE = re.compile(r",\s+(?:though|but|while|whereas|although|which|who)\b|;|\bbut\b")


_ESTIMAT_RE = re.compile(r"\bestimat")

_OFFICIAL_WORD_RE = re.compile(r"\bofficial(?:ly)?\b")


def kind_of(lower: str, speaker: str | None, before: str = "", after: str = "") -> str:
    """The kind of a figure in sentence ``lower``: ``before`` is the text between the
    figure before it and this one, ``after`` the text up to the next figure."""
    observed, official = _sentence_cues(lower, speaker)
    if observed:
        return "observed"
    cut = _CLAUSE_END_RE.search(after)
    after = after[: cut.start()] if cut else after
    if (
        _ESTIMATE_BEFORE_RE.search(before[-45:])
        or _ESTIMATE_AFTER_RE.match(after)
        or _ESTIMAT_RE.search(before + after)
        or (speaker and "estimat" in speaker.lower())
    ):
        return "estimate"
    if official:
        return "official"
    if cues.ESTIMATE_RE.search(before + after):
        return "estimate"
    return "reported"


@lru_cache(maxsize=64)
def _sentence_cues(lower: str, speaker: str | None) -> tuple[bool, bool]:
    """Read once per sentence: a first-hand count, and an official word or source."""
    observed = cues.OBSERVED_RE.search(lower) is not None
    official = bool(_OFFICIAL_WORD_RE.search(lower)) or (
        speaker is not None and cues.OFFICIAL_RE.search(speaker.lower()) is not None
    )
    return observed, official
