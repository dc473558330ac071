"""Which sentences may hold a casualty figure: cheap tests run on every sentence before the
rules that read figures (a sentence that fails them only updates place and speaker)."""

from __future__ import annotations

import re

from tollbook.extract.cues import OF_THE_FIGURE

# A sentence without any of these cannot hold a claim; it only updates place and speaker.
# Plain substring tests (``in``), which are several times faster than one regex alternation
# of the same words; "bod", "times" and "of the " are confirmed by the patterns after them.
_PROMISING_WORDS = (
    *(
        "kill dead die death injur wound hurt missing unaccounted buri bod corpse remains lives "
        "fatal perish slain toll casualt victim grave trench drown execut massacr murder times "
        "twice double triple burn trapped treat lost hospital rubble funeral exhum recover retriev "
        "higher percent martyr still swept trampl crush stampede half bury eliminat neutrali "
        "disappear among tally collected homicid behead lynch gunned"
    ).split(),
    "laid to rest",
    "of them,",  # "Of them, 14 are women": the figures of the count before
    "of those,",
    # "Three of them were children": a share of the sentence before's figure (round 50)
    "of them were",
    "of them are",
    "of those were",
    "of these were",
    # "the figure could reach 600": the toll of the sentence before, predicted
    "figure could",
    "figure may",
    "number could",
    "number may",
    "count could",
    "of the ",  # "Of the 163, 97 were soldiers": the figures of the count before (last: common)
)
_PROMISING_CONFIRM = {
    "bod": re.compile(r"bod(?:y|ies)"),
    "times": re.compile(r"times\b"),
    "of the ": re.compile(r"^\W*" + OF_THE_FIGURE),
}


def names_a_casualty(lower: str) -> bool:
    """Whether a casualty word occurs in ``lower`` (a lower-cased sentence)."""
    for word in _PROMISING_WORDS:
        if word in lower:
            confirm = _PROMISING_CONFIRM.get(word)
            if confirm is None or confirm.search(lower):
                return True
    return False


_NUMBER_HINT_RE = re.compile(
    r"(?<!\w)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|dozens|"
    r"hundreds|thousands|scores|many|several|numerous|countless|number|handful|few|twice|"
    r"double|triple|multiple)\b"
)  # ``(?<!\w)``, not ``\b``: the same where every word opens with a letter, and faster in re
_DIGIT_RE = re.compile(r"\d")


def may_hold_number(lower: str) -> bool:
    """Whether a digit or a number word occurs: the digit first (a faster scan)."""
    return _DIGIT_RE.search(lower) is not None or _NUMBER_HINT_RE.search(lower) is not None
