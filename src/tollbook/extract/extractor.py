"""Report text -> casualty claims, by the coding rules of CLAIMS.md.

Rules, not a learned model: every decision can be traced to a cue in ``cues``. The pass
over a report keeps a little state between sentences (the place being talked about, the
speaker of a quote chain) and reads each number in its sentence: what it counts (the
outcome), how it is hedged, who the victims are, where and when.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from tollbook.domain.claim import Claim, GeoPoint
from tollbook.domain.report import Report
from tollbook.extract import cues
from tollbook.extract.attribution import Speakers
from tollbook.extract.dates import DateMention, find_dates
from tollbook.extract.numbers import NumberMention, find_numbers_lower
from tollbook.extract.places import (
    Gazetteer,
    Place,
    PlaceMention,
    dateline_end,
    dateline_place,
    default_gazetteer,
    find_places,
)
from tollbook.extract.sentences import Sentence, split_sentences
from tollbook.extract.text_clean import (
    is_boilerplate_lower,
    looks_like_link,
    normalise,
    opens_link_list,
)

EXTRACTOR_VERSION = "rules-2026.11"

# A sentence without any of these cannot hold a claim; it only updates place and speaker.
_PROMISING_RE = re.compile(
    r"kill|dead|die|death|injur|wound|hurt|missing|unaccounted|buri|bod(?:y|ies)|corpse|"
    r"remains|lives|fatal|perish|slain|toll|casualt|victim|grave|trench|laid to rest|"
    r"drown|execut|massacr|murder|times\b|twice|double|triple|burn|trapped|treat|lost|"
    r"hospitali|rubble|funeral|exhum|recover|retriev|missing|higher|percent|martyr|still|swept|"
    r"trampl|crush|stampede|half|bury|eliminat|neutrali|disappear|among",
)
_NUMBER_HINT_RE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|dozens|"
    r"hundreds|thousands|scores|many|several|numerous|countless|number|handful|few|twice|"
    r"double|triple|multiple)\b"
)
_VICTIMS_DESCRIBED_RE = re.compile(
    r"^\s*(?:they|the\s+dead|the\s+victims|the\s+bodies|those\s+(?:killed|buried))\s+"
    r"(?:were|are)\s+(?:said\s+to\s+(?:be|have\s+been)\s+|all\s+|mostly\s+|reportedly\s+|"
    r"believed\s+to\s+be\s+)?(?:both\s+)?(?P<np>[a-z]+(?:\s+(?:and|or)\s+[a-z]+)?)"
)


@dataclass
class _Draft:
    outcome: str
    low: int | None
    high: int | None
    qualifier: str
    victims: str
    place: Place | None
    when: str | None
    scope: str
    kind: str
    attributed_to: str | None
    evidence: str
    evidence_start: int
    sentence_index: int
    position: int
    official_mention: bool = False
    victims_from_noun: bool = False
    figure_text: str = ""
    place_here: bool = False


@dataclass(frozen=True)
class _Reading:
    outcome: str
    low: int | None
    high: int | None
    qualifier: str
    victims: str | None
    body_noun: bool


def extract_claims(report: Report, gazetteer: Gazetteer | None = None) -> list[Claim]:
    """The casualty claims of one report, in the order they are first stated."""
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    current_city: Place | None = None
    current_country: Place | None = None
    if report.title:
        current_city, current_country = _carry_places(
            find_places(normalise(report.title), gaz), current_city, current_country
        )
    drafts: list[_Draft] = []
    kept_sentences = _content_sentences(report.text)
    norms = [normalise(s.text) for s in kept_sentences]
    speakers = Speakers(norms)
    dateline: Place | None = None
    current_when: str | None = None
    first_when: str | None = None
    for index, sentence in enumerate(kept_sentences):
        norm = norms[index]
        lower = norm.lower()
        places = find_places(norm, gaz)
        promising = bool(_PROMISING_RE.search(lower) and _NUMBER_HINT_RE.search(lower))
        dates = _dates_in(norm, lower, report.published, promising)
        if index < 3 and dateline is None:
            dateline = dateline_place(norm, gaz)
        if promising:
            next_text = norms[index + 1].lower() if index + 1 < len(norms) else ""
            speaker = speakers.source(index)
            drafts.extend(
                _sentence_claims(
                    report,
                    dates,
                    current_when,
                    sentence.text,
                    sentence.start,
                    index,
                    norm,
                    lower,
                    speaker,
                    places,
                    current_city,
                    current_country,
                    drafts,
                    next_text,
                )
            )
        current_city, current_country = _carry_places(places, current_city, current_country)
        current_when = _carry_when(dates, current_when)
        if first_when is None:
            first_when = current_when
    _backfill_when(drafts, first_when)
    return [_to_claim(report.id, d) for d in _merge_repeats(drafts)]


def _content_sentences(text: str) -> list[Sentence]:
    """Sentences that are the report itself: no menus, prompts, credits or link lists."""
    kept: list[Sentence] = []
    in_links = False
    for sentence in split_sentences(text):
        if opens_link_list(sentence.text):
            in_links = True
            continue
        if in_links and looks_like_link(sentence.text):
            continue
        in_links = False
        if not is_boilerplate_lower(sentence.text.lower()):
            kept.append(sentence)
    return kept


def _carry_places(
    places: list[PlaceMention], city: Place | None, country: Place | None
) -> tuple[Place | None, Place | None]:
    for mention in places:
        if mention.place.is_country:
            country = mention.place
        else:
            city = mention.place
    return city, country


def _sentence_claims(
    report: Report,
    dates: list[DateMention],
    carried_when: str | None,
    evidence: str,
    evidence_start: int,
    index: int,
    norm: str,
    lower: str,
    speaker: str | None,
    places: list[PlaceMention],
    current_city: Place | None,
    current_country: Place | None,
    earlier: list[_Draft],
    next_text: str,
) -> list[_Draft]:
    if cues.CORRECTION_RE.search(lower):
        return []  # a correction notice repeats figures the report withdrew
    numbers = [n for n in find_numbers_lower(lower) if not _inside(n, dates)]
    opener = cues.CONTEXT_OPENER_RE.match(lower)
    context: str | None = None
    if opener:  # "Of them, 14 are women": figures of the outcome just counted
        context = opener.lastgroup or (earlier[-1].outcome if earlier else None)
    cumulative = bool(cues.SCOPE_CUMULATIVE_RE.search(lower))
    kind = _kind(lower, speaker)
    local = [p for p in places if not p.place.is_country]
    official_mention = bool(re.search(r"\bofficial", lower))
    found_before = False
    out: list[_Draft] = []
    for n in numbers:
        if _is_multiplier(lower, n):
            continue
        previous = out[-1] if out else None
        reading = _read_number(lower, n, previous, found_before)
        if reading is None and context is not None and n.end > opener.end():  # type: ignore[union-attr]
            reading = _context_reading(lower, n, context)
        if reading is None:
            continue
        victims = reading.victims
        from_noun = victims is not None and not reading.body_noun
        if victims is None or reading.body_noun:
            if previous is not None and _inherits(lower, n):
                victims = previous.victims
                from_noun = previous.victims_from_noun
            else:
                described = _VICTIMS_DESCRIBED_RE.match(next_text)
                victims = (
                    _as_written(norm, described.group("np"))
                    if described and re.search(cues.VICTIM_NOUNS, described.group("np"))
                    else "people"
                )
        out.append(
            _Draft(
                outcome=reading.outcome,
                low=reading.low,
                high=reading.high,
                qualifier=reading.qualifier,
                victims=victims,
                place=_place_for(n.start, local, places, current_city, current_country),
                when=_when_for(n.start, dates, cumulative)
                or (None if cumulative else carried_when),
                scope="cumulative" if cumulative else "incident",
                kind=kind,
                attributed_to=speaker,
                evidence=evidence,
                evidence_start=evidence_start,
                sentence_index=index,
                position=n.start,
                official_mention=official_mention,
                victims_from_noun=from_noun,
                figure_text=n.text.lower(),
                place_here=bool(local),
            )
        )
        found_before = found_before or reading.outcome == "bodies_found"
    out.extend(_derived(lower, numbers, out, earlier, speaker, evidence, evidence_start, index))
    return out


def _context_reading(lower: str, n: NumberMention, outcome: str) -> _Reading | None:
    """A figure in a sentence opened by "Of them," / "Of the dead,": "14 are women"."""
    right = lower[n.end : n.end + _WINDOW]
    m = re.match(r"\s+(?:are|were|was|is)?\s*", right)
    victims = cues.VICTIMS_RE.match(right[m.end() :] if m else right)
    if victims is None and not re.match(r"\s+(?:are|were|was|is)\s+(?:in|from|at)\b", right):
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


def _inside(n: NumberMention, dates: list[DateMention]) -> bool:
    return any(d.start <= n.start < d.end for d in dates)


def _is_multiplier(lower: str, n: NumberMention) -> bool:
    return bool(cues.TIMES_RE.match(lower[n.end : n.end + 60]))


def _inherits(lower: str, n: NumberMention) -> bool:
    """A bare number after a figure ("followed by 30 more", "and another 12") counts the same."""
    if not cues.INHERIT_RIGHT_RE.match(lower[n.end : n.end + _WINDOW]):
        return False
    return bool(
        re.match(r"\s*(?:more|others|other|additional|further)\b", lower[n.end : n.end + 40])
        or cues.INHERIT_LEFT_RE.search(lower[max(0, n.start - 40) : n.start])
    )


def _read_number(
    lower: str, n: NumberMention, previous: _Draft | None, found_before: bool = False
) -> _Reading | None:
    """What ``n`` counts, or None when it is not a casualty figure."""
    left = lower[max(0, n.start - 220) : n.start].replace('"', "")
    right = lower[n.end : n.end + 160].lstrip('"')
    if not n.is_vague:
        if cues.NOT_A_COUNT_BEFORE_RE.search(left[-12:]) or cues.NOT_A_COUNT_AFTER_RE.match(right):
            return None
        if _is_year(n, right) or _is_ordinal_or_id(lower, n):
            return None
    elif cues.VAGUE_BAD_BEFORE_RE.search(left[-6:]) or re.match(
        r"\s*of\s+(?:the|them|those|us|our|these|whom)\b", right
    ):
        return None
    if not n.is_vague and _looks_like_age(n, left, right):
        return None
    of_the = cues.OF_THE_OUTCOME_RE.match(right)
    if of_the and of_the.lastgroup:  # "two of the dead were police officers"
        later = _outcome_after(right[of_the.end() :], False)  # "two of the injured later died"
        tail = cues.VICTIMS_RE.match(right[of_the.end() :].replace(" were ", " ", 1))
        return _reading(
            n, later or of_the.lastgroup, left, right, tail.group("np") if tail else None
        )
    if re.match(r"\s+of\s+(?:the|these|those|three|two|four|five|\d)", right) and n.low == 1:
        return None  # "one of three health workers": a person, not a count
    if re.search(r"\bbringing\s+to\s*$", left):  # "bringing to seven the number recovered"
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
        return _reading(n, modified.lastgroup, left, right, None)
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
    if (
        n.in_words
        and n.low == 1
        and victims_match is None
        and not re.match(r"\s+(?:was|is|has|had|also|reportedly|other)\b", right)
    ):
        return None  # "one family", "one day": a lone "one" needs its noun
    if victims_match is None:
        plural = _PLURAL_NOUN_RE.match(right)  # "17 reservists were killed"
        victims_match = plural if plural and plural.group("np") not in cues.BLOCK_WORDS else None
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
        outcome = _outcome_after(after_noun, body_noun)
    if outcome is None and victims_match:
        relative = _RELATIVE_CLAUSE_RE.match(after_noun)
        if relative:
            outcome = _ADJECTIVE_OUTCOMES.get(relative.group(1), "killed")
    left_outcome = _outcome_before(left, body_noun)
    if (
        left_outcome == "killed"
        and re.search(r"\blost\s*$", left)
        and not cues.VICTIMS_RE.match(right)
    ):
        left_outcome = None  # "lost two harvests": only people are counted
    if left_outcome is None and _BODIES_OF_RE.search(left):
        left_outcome = _body_outcome(lower)  # "the bodies of five people"
    if left_outcome is not None and (outcome is None or outcome == "bodies_found"):
        outcome = left_outcome
    if outcome is None and body_noun:
        # bodies seen, counted or received are deaths; in graves they are burials
        outcome = _body_outcome(lower)
    if outcome is None and previous is not None and not n.is_vague:
        subset = cues.SUBSET_RIGHT_RE.match(right)
        if subset:
            outcome = previous.outcome
            tail = cues.VICTIMS_RE.match(right[subset.end() :])
            victims = tail.group("np") if tail else victims
        elif found_before and _MORE_FOUND_RE.match(right):
            outcome = "bodies_found"  # "retrieved four bodies ...; three more were recovered"
        elif (
            _inherits(lower, n)
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
) -> _Reading:
    if n.is_vague:
        return _Reading(outcome, None, None, "vague", victims, body_noun)
    if n.is_range:
        return _Reading(outcome, n.low, n.high, "range", victims, body_noun)
    value = n.low
    qualifier = _hedge(left, right)
    if qualifier in ("exact", "about"):
        return _Reading(outcome, value, value, qualifier, victims, body_noun)
    if qualifier == "up_to":
        return _Reading(outcome, None, value, qualifier, victims, body_noun)
    return _Reading(outcome, value, None, qualifier, victims, body_noun)


def _looks_like_age(n: NumberMention, left: str, right: str) -> bool:
    """ "Faraj Mansour, 38, a teacher": a number between commas after a name is an age."""
    if n.is_range or n.low is None or n.low > 110:
        return False
    return (
        bool(re.match(r"\s*(?:,|\))", right))
        and bool(re.search(r"[a-z]{2,}\s*[,(]\s*$", left))
        and not re.search(
            r"(?:kill\w*|dead|died|injur\w*|wound\w*|missing|people|civilians|children|toll)"
            r"\s*[,(]\s*$",
            left,
        )
    )


_COORDINATED_RE = re.compile(
    r"(?:,\s*|and\s+|or\s+)(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty|a\s+dozen|dozens|several)(?:-[a-z]+)?)"
    r"\s+(?:[a-z-]+\s+){0,2}?(?:" + cues.VICTIM_NOUNS + r")\b"
)
_MORE_FOUND_RE = re.compile(
    r"\s+(?:more|others|other|additional|further)\s+(?:[a-z]+\s+){0,3}?"
    r"(?:found|recovered|retrieved|pulled|exhumed|discovered|washed)\b"
)


def _list_item(left: str, right: str, victims: re.Match[str] | None) -> bool:
    """ "bodies of four women, three men and two children": one item of a list of figures."""
    if victims is None or not re.search(r"(?:,|\band|\bor)\s*$", left):
        return False
    return bool(re.match(r"\s*(?:,|and\b|or\b|\)|;|$|\.)", right[victims.end() :]))


_OUTCOME_ADJECTIVE_RE = re.compile(r"^\s+(?:of\s+)?(wounded|injured|dead|missing)\s+(?=[a-z])")
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
    if _FIND_VERBS_RE.search(lower):
        return "bodies_found"
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
    r"had\s+been|has\s+been)\s+(?:still\s+|now\s+|later\s+)?(missing|unaccounted|killed|dead|"
    r"died|injured|wounded)\b"
)
_MODIFIERS_ENDING_ED = frozenset(
    {
        "unidentified",
        "unarmed",
        "armed",
        "unnamed",
        "detained",
        "displaced",
        "trapped",
        "elderly",
        "wounded",
        "injured",
        "killed",
        "unclaimed",
        "mutilated",
        "charred",
    }
)


def _plausible_modifiers(np: str) -> bool:
    """Words before the victim noun must read as modifiers ("Ukrainian civilians"), not verbs."""
    words = np.split()
    return not any(w.endswith("ed") and w not in _MODIFIERS_ENDING_ED for w in words[:-1])


def _victims_is_outcome(victims: str) -> bool:
    return victims.split()[-1] in ("dead", "injured", "wounded", "missing")


def _outcome_after(text: str, body_noun: bool) -> str | None:
    pos = 0
    skipped = 0
    unknown = 0
    previous_word = ""
    while skipped <= 7:
        rest = text[pos:].lstrip()
        pos = len(text) - len(rest)
        if not rest:
            return None
        m = cues.RIGHT_OUTCOME_RE.match(rest)
        if m:
            group = m.lastgroup or ""
            if group == "found":
                if body_noun or m.group(0).startswith("washed"):
                    return "bodies_found"
                pos += m.end()
                skipped += 1
                continue
            if group == "buried" and not body_noun and m.group(0).split()[0] != "buried":
                return None
            return "bodies_found" if group == "found" else group
        aside = cues.PARENTHETICAL_RE.match(rest) or _COORDINATED_RE.match(rest)
        if aside:  # ", two of them children," / "and eight volunteer fighters"
            pos += aside.end()
            continue
        word_m = re.match(r"[a-z'-]+", rest)
        if word_m is None:
            return None
        word = word_m.group(0)
        if word in cues.BLOCK_WORDS:
            return None
        if word not in cues.BETWEEN_WORDS:
            # a place name after a preposition ("people from Kahramanmaras province")
            unknown += 1
            if unknown > 1 or previous_word not in ("from", "in", "of", "at", "near"):
                return None
        previous_word = word
        pos += word_m.end()
        skipped += 1
    return None


def _outcome_before(left: str, bodies: bool) -> str | None:
    m = cues.LEFT_OUTCOME_RE.search(left)
    if not m:
        return None
    group = m.lastgroup or ""
    if group == "found":
        return "bodies_found" if bodies or re.search(r"bod(?:y|ies)|remains", m.group(0)) else None
    if group == "buried" and not bodies and not re.search(r"buri|bury", m.group(0)):
        return None
    return group


def _hedge(left: str, right: str) -> str:
    if cues.AT_LEAST_AFTER_RE.match(right):
        return "at_least"
    m = cues.HEDGE_RE.search(left[-40:])
    if not m:
        return "exact"
    return m.lastgroup or "exact"


def _is_year(n: NumberMention, right: str) -> bool:
    text = n.text.strip()
    if not (len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100):
        return False
    return not re.match(r"\s+(?:" + cues.VICTIM_NOUNS + r")\b", right)


def _is_ordinal_or_id(lower: str, n: NumberMention) -> bool:
    before = lower[n.start - 1 : n.start] if n.start else ""
    after = lower[n.end : n.end + 1]
    return before in ("#", "-", ".", "/") or after in ("/", ":")


def _kind(lower: str, speaker: str | None) -> str:
    if cues.OBSERVED_RE.search(lower):
        return "observed"
    if re.search(r"\bestimat", lower) or (speaker and re.search(r"estimat", speaker.lower())):
        return "estimate"
    if re.search(r"\bofficial(?:ly)?\b", lower) or (
        speaker is not None and cues.OFFICIAL_RE.search(speaker.lower())
    ):
        return "official"
    if cues.ESTIMATE_RE.search(lower):
        return "estimate"
    return "reported"


def _place_for(
    position: int,
    local: list[PlaceMention],
    places: list[PlaceMention],
    city: Place | None,
    country: Place | None,
) -> Place | None:
    """The sentence's nearest town or site, else its country ("killed in Ukraine" beats an
    earlier city), else the place the report was talking about."""
    if local:
        return _nearest(position, local).place
    if places:
        return _nearest(position, places).place
    return city if city is not None else country


def _nearest(position: int, mentions: list[PlaceMention]) -> PlaceMention:
    """The mention nearest ``position`` (mentions sorted by start); a place after the
    figure ("killed 12 in Kharkiv") is as near as one before it."""
    i = bisect.bisect_left(mentions, position, key=lambda m: m.start)
    window = mentions[max(0, i - 1) : i + 1]
    return min(window, key=lambda m: abs(m.start - position))


#: How far after a number its words are read (a sentence can be a whole pasted page).
_WINDOW = 200

_DATE_HINT_RE = re.compile(
    r"\d|day\b|night|morning|evening|week|month|year|since|january|february|march|april|may\b|"
    r"june|july|august|september|october|november|december|\b(?:jan|feb|mar|apr|jun|jul|aug|"
    r"sept?|oct|nov|dec)\b"
)


_EVENT_DATE_HINT_RE = re.compile(
    r"day\b|night|morning|evening|week|january|february|march|april|may\b|june|july|august|"
    r"september|october|november|december"
)


def _dates_in(
    norm: str, lower: str, published: date | None, has_figures: bool
) -> list[DateMention]:
    """Dates of a sentence, without the one in its dateline (the day the report was filed).

    A sentence without figures is read only for the event dates later sentences may
    carry on (a day, a month), which is cheaper to look for."""
    if not (_DATE_HINT_RE if has_figures else _EVENT_DATE_HINT_RE).search(lower):
        return []
    skip = dateline_end(norm)
    return [d for d in find_dates(lower, published) if d.start >= skip]


def _when_for(position: int, dates: list[DateMention], cumulative: bool) -> str | None:
    if not dates:
        return None
    periods = [d for d in dates if d.is_period]
    if cumulative and periods:
        return periods[0].value
    points = [d for d in dates if not d.is_period] or periods
    return min(points, key=lambda d: abs(d.start - position)).value


def _carry_when(dates: list[DateMention], current: str | None) -> str | None:
    """The date later sentences are about: the last event date named, not a "since" period."""
    points = [d for d in dates if d.value and not d.is_period]
    if points:
        return points[-1].value
    return current


def _backfill_when(drafts: list[_Draft], first_when: str | None) -> None:
    """Claims before the first date (a headline, a lead) are about that first event."""
    if first_when is None:
        return
    for d in drafts:
        if d.when is not None:
            break
        if d.scope == "incident" and d.qualifier != "derived":
            d.when = first_when


def _derived(
    lower: str,
    numbers: list[NumberMention],
    here: list[_Draft],
    earlier: list[_Draft],
    speaker: str | None,
    evidence: str,
    evidence_start: int,
    index: int,
) -> list[_Draft]:
    """Figures given as multiples of another: "three to four times more than the 1,200"."""
    factors: list[tuple[int, int, float, float]] = []
    for n in numbers:
        if _is_multiplier(lower, n) and n.low is not None and n.high is not None:
            factors.append((n.start, n.end, float(n.low), float(n.high)))
    for m in cues.DERIVED_RE.finditer(lower):
        factor = cues.DERIVED_WORDS[" ".join(m.group("word").split())]
        factors.append((m.start(), m.end(), factor, factor))
    fractions: set[int] = set()
    for m in cues.FRACTION_OF_RE.finditer(lower):
        factor = cues.FRACTIONS[" ".join(m.group("word").split())]
        factors.append((m.start(), m.start(), factor, factor))
        if not re.search(r"the\s+(?:dead|victims|killed|injured|wounded|deceased)$", m.group(0)):
            fractions.add(m.start())  # "half of them": of a figure in this sentence only
    for n in numbers:
        more = cues.PERCENT_MORE_RE.match(lower[n.end : n.end + _WINDOW])
        if more and n.low is not None and not n.is_range:
            factor = 1 + n.low / 100
            factors.append((n.start, n.end + more.end(), factor, factor))
    out: list[_Draft] = []
    claimed = {d.position for d in here}
    for start, position, k_low, k_high in factors:
        named = [n for n in numbers if position <= n.start <= position + 40]
        bases = here
        if named and named[0].start not in claimed:
            # "as high as the 14 we have confirmed": a figure stated before is the base;
            # "twice the 120 it was licensed to carry" is not a casualty figure at all
            same = [d for d in earlier if d.qualifier != "derived" and _value(d) == named[0].low]
            if not same:
                continue
            bases = [*here, replace(same[0], position=named[0].start)]
        if start in fractions and not any(d.position < start for d in here):
            continue  # "home to 4 million people, more than half of them displaced"
        refers_back = bool(cues.THAT_BASE_RE.match(lower[position : position + 40])) or bool(
            re.search(r"\b(?:that|this)\s*$", lower[start:position])
        )
        base = _base_for(
            start,
            position,
            bases,
            earlier,
            "official" in lower[position : position + _WINDOW],
            refers_back,
        )
        if base is None:
            continue
        own = cues.LEFT_OUTCOME_RE.search(lower[max(0, start - 60) : start])
        outcome = own.lastgroup if own and own.lastgroup in ("killed", "injured") else base.outcome
        base_low = base.low if base.low is not None else base.high
        base_high = base.high if base.high is not None else base.low
        if base_low is None or base_high is None:
            continue
        low, high = round(k_low * base_low), round(k_high * base_high)
        out.append(
            replace(
                base,
                outcome=outcome,
                low=low,
                high=high,
                qualifier="derived",
                kind="estimate",
                attributed_to=speaker,
                evidence=evidence,
                evidence_start=evidence_start,
                sentence_index=index,
                position=position,
                official_mention=False,
            )
        )
    return out


def _base_for(
    start: int,
    position: int,
    here: list[_Draft],
    earlier: list[_Draft],
    official: bool,
    refers_back: bool = False,
) -> _Draft | None:
    """The figure a multiplier multiplies: named after it ("than the official 300"), or
    just before it in the sentence ("killed 9 and wounded twice as many"), or the report's
    toll ("three times more than the official count")."""
    figures = [d for d in here if d.qualifier not in ("vague", "derived")]
    after = [d for d in figures if d.position > position]
    if after:
        return after[0]
    before = [d for d in figures if d.position < start]
    if before:
        return before[-1]
    candidates = [d for d in earlier if d.qualifier not in ("vague", "derived")]
    if refers_back and candidates:  # "double that", "two to three times that"
        return candidates[-1]
    tests: list[Callable[[_Draft], bool]] = [
        lambda d: d.outcome == "killed" and (d.kind == "official" or d.official_mention),
        lambda d: d.outcome == "killed",
        lambda d: True,
    ]
    if official:  # "than the official count": the latest official toll, as first stated
        chosen = [d for d in candidates if tests[0](d)]
        if chosen:  # "rose to 27, up from 23": of one sentence's figures, the highest
            latest = max(chosen, key=lambda d: (d.sentence_index, _value(d)))
            return next(d for d in candidates if _figure_key(d) == _figure_key(latest))
    for test in tests[1:]:
        chosen = [d for d in candidates if test(d)]
        if chosen:
            # "the official toll" is the largest such figure, as first stated
            best = max(chosen, key=lambda d: (_value(d), -d.sentence_index))
            return next(d for d in candidates if _figure_key(d) == _figure_key(best))
    return None


def _value(d: _Draft) -> int:
    return d.low if d.low is not None else (d.high or 0)


def _merge_repeats(drafts: list[_Draft]) -> list[_Draft]:
    """One claim per distinct figure per outcome, victims and place; a repeat can show the
    figure is official. The same number for two places named in their sentences ("1 in
    Kostiantynivka and 1 in Toretsk"), or for two victim groups, is two claims."""
    kept: dict[tuple[object, ...], list[_Draft]] = {}
    out: list[_Draft] = []
    for d in drafts:
        same = kept.setdefault(_figure_key(d), [])
        first = next((k for k in same if _same_place(k, d) and _same_victims(k, d)), None)
        if first is None:
            same.append(d)
            out.append(d)
        elif d.official_mention and first.kind == "reported" and first.qualifier != "derived":
            first.kind = "official"
    return out


def _same_place(a: _Draft, b: _Draft) -> bool:
    if not (a.place_here and b.place_here) or a.place is None or b.place is None:
        return True
    return a.place.name.lower() == b.place.name.lower()


def _same_victims(a: _Draft, b: _Draft) -> bool:
    if "people" in (a.victims, b.victims) or not (a.victims_from_noun and b.victims_from_noun):
        return True
    return a.victims.lower() == b.victims.lower()


def _figure_key(d: _Draft) -> tuple[object, ...]:
    if d.qualifier == "vague":
        return (d.outcome, "vague", d.figure_text)
    if d.qualifier in ("range", "derived"):
        return (d.outcome, d.low, d.high)
    return (d.outcome, d.low if d.low is not None else d.high)


def _as_written(norm: str, np: str) -> str:
    i = norm.lower().find(np)
    return norm[i : i + len(np)] if i >= 0 else np


def _to_claim(article: str, d: _Draft) -> Claim:
    geo: GeoPoint | None = d.place.geo if d.place else None
    return Claim(
        article=article,
        outcome=d.outcome,  # type: ignore[arg-type]
        low=d.low,
        high=d.high,
        qualifier=d.qualifier,  # type: ignore[arg-type]
        victims=d.victims,
        place=d.place.name if d.place else None,
        when=d.when,
        scope=d.scope,  # type: ignore[arg-type]
        kind=d.kind,  # type: ignore[arg-type]
        attributed_to=d.attributed_to,
        evidence=d.evidence,
        evidence_start=d.evidence_start,
        geo=geo,
    )
