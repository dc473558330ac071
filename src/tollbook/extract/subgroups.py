"""Subgroups: a figure for part of the victims of another ("including 23 children", "the
dead include 17 children and 52 women", "five of them Ukrainians", "Nine of the wounded
are dockers", "one soldier was among the dead") is its own claim, linked to the figure it
is part of (``Claim.part_of``). A subgroup is never a place's headline figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tollbook.domain.claim import may_be_part_of
from tollbook.extract.drafts import Draft, value_of
from tollbook.extract.numbers import NumberMention
from tollbook.extract.perpetrators import same_side

# Words before a figure that make it part of the figure just before it.
_OF_PREVIOUS_BEFORE_RE = re.compile(
    r"\b(?:including|includes|among\s+them(?:\s+(?:were|are))?|among\s+whom|of\s+whom|"
    # ("Of those, 19 were children": the sentence before's figure, round 50)
    r"of\s+which|of\s+them|^\W*of\s+(?:those|these)(?=\s*,))"
    r"(?:\s+(?:at\s+least|about|some|nearly|more\s+than|over|around|almost|an\s+estimated|"
    r"(?:a|an|one)\s+(?:family|household)\s+of))?\s*,?\s*$"
)
#: the pronoun of "Three of them died": whoever the figure before it counted
_OF_THEM_RE = re.compile(r"\bof\s+(?:them|whom)\b")
# ... or after it: "15 of them children", "40 of whom".
_OF_PREVIOUS_AFTER_RE = re.compile(
    r"^[\"”]?\s+(?:of\s+(?:them|whom|(?:those|these)(?!\s+(?:injured|wounded|hurt)\b))"
    r"|more\s+of\s+them)\b"
)
# Part of the latest figure of an outcome: "the dead include", "among the dead were",
# "Of the dead, ...", "two of the dead were", "was among the dead".
_OUTCOME_WORDS = (
    r"(?:dead|deaths|victims|killed|deceased|fatalities|confirmed\s+dead|injured|wounded)"
)
_OF_OUTCOME_BEFORE_RE = re.compile(
    r"(?:\b(?:the\s+)?" + _OUTCOME_WORDS + r"(?:\s+[a-z]+){0,3}?\s+(?:include[sd]?|including|"
    r"were|are)|\bamong\s+(?:the\s+)?"
    + _OUTCOME_WORDS
    + r"(?:\s+[a-z]+){0,3}?\s+(?:were|are|was|is)"
    r"|^\W*of\s+(?:the|(?:this|last)\s+year['’]s|today['’]s|the\s+(?:day|week|month|year)['’]s)\s+"
    + _OUTCOME_WORDS
    + r"(?:\s+in\s+[\w'’-]+(?:\s+[\w'’-]+)?)?\s*,"
    # "Of those killed,", "Of the people wounded,", "Among the deaths,"
    r"|^\W*(?:of|among)\s+(?:those|the\s+people|the\s+persons)\s+(?:killed|who\s+died|"
    r"who\s+were\s+killed|injured|wounded|hurt)\s*,|^\W*among\s+the\s+(?:deaths|dead)\s*,"
    # "Koshi province recorded the most deaths, 79", "has reported the most deaths (9)"
    r"|\bmost\s+(?:deaths|fatalities|dead)(?:\s+[a-z]+){0,3}?\s*(?:,|\()\s*(?:with\s+)?)"
    r"(?:\s+(?:at\s+least|about|some|nearly|more\s+than|over|around|almost))?\s*$"
)
_OF_OUTCOME_AFTER_RE = re.compile(
    # ("One of those injured in Shostka died": of the injured, not of the dead)
    r"^\s+(?:of\s+(?:the|our|their|those|these)\s+"
    + _OUTCOME_WORDS
    # ("Two health workers in the camp, a nurse and a hygienist, are among the dead")
    # ("17 children and 12 women are among the dead": the first of a list of shares)
    + r"|(?:[a-z'-]+\s+|[\d,]+\s+(?=[a-z])){0,5}?(?:[a-z'-]+,[^,.;]{2,60},\s+)?"
    r"(?:was|were|are|is)\s+"
    r"among\s+(?:(?:the\s+)?(?:[a-z]+\s+)?" + _OUTCOME_WORDS + r"|those\s+who\s+(?:died|were\s+"
    r"killed)|those\s+killed))\b"
)
# "Of the nine deaths, five ...", "Of the eight infants who died, three ...", "Among the 187
# dead, 94 ...": part of the figure just named
_OF_THE_FIGURE_RE = re.compile(
    r"^\W*(?:of|among)\s+the\s+[\w,]+\s+(?:[a-z]+\s+){0,2}?(?:dead|deaths|victims|fatalities|"
    r"who\s+died|killed)\s*,\s*"
    # ("..., five were burned in the ward, while three ...": the breakdown's next share)
    r"(?:[^.;]{0,90}?[\s,](?:while|whereas|and|but)\s+)?$"
)
#: "his two brothers are among them": a share of the figure before of its outcome
_AMONG_THEM_AFTER_RE = re.compile(r"^\s+(?:[a-z'-]+\s+){0,3}?(?:are|were|is|was)\s+among\s+them\b")
#: "The two civilians killed were ...": the dead of a toll told before, described
_THE_KILLED_WERE_RE = re.compile(
    r"^\s+(?:[a-z-]+\s+){0,2}?(?:killed|dead|who\s+died|who\s+were\s+killed)\s+(?:were|was)\b"
)
#: "Five of the nine died ...", "12 of the 40 bodies": a share of the figure it names
_OF_THE_NUMBER_RE = re.compile(
    r"^\s+of\s+the\s+(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"\w+teen|twenty|thirty|forty|fifty)\b"
)
# Between two figures of one list: "17 children and 52 women", "386 children, 191 women".
_LIST_JOIN_RE = re.compile(
    r"^[^.;:]{0,40}?(?:,|\band)\s*$"
    # "..., followed by Gandaki with 61 and Bagmati with 55", "followed by Dili (6)"
    r"|^[^.;:]{0,60}?(?:,|\band|\bfollowed\s+by)\s+(?:[\w'’-]+\s+){1,4}?(?:with\s*|\(\s*)$"
)
# Between two shares told by who killed them: "Gangs killed 3,602 of the dead, the police
# killed 1,958, many of them suspects, and self-defence groups killed 352"
_CLAUSE_SIBLING_RE = re.compile(
    r"^[^.;:]{0,60}?(?:,|\band)\s+(?:[\w'-]+\s+){1,7}?(?:killed|accounted\s+for)\s*$"
)
# Between two shares of one breakdown: "51 were men and 17 women" (not "12 of them children,
# and three of them": the second share is of the first)
_SIBLING_RE = re.compile(r"^\s+(?:were|are)\s+[a-z]+(?:\s+[a-z]+)?\s*(?:,\s*)?and\s*$")


def subgroup_cue(lower: str, n: NumberMention, before: str, previous: Draft | None) -> str | None:
    """How figure ``n`` is part of another: "previous" (the figure just before it), an
    outcome ("killed", "injured": the latest larger figure of it), "list" (the same larger
    figure as the subgroup before it), "named" (the figure it names: "Five of the nine"),
    or None. ``before`` is the text since the figure
    before it."""
    right = lower[n.end : n.end + 80]
    if previous is not None and previous.subgroup and _SIBLING_RE.match(before):
        return "list"  # "Of the confirmed deaths, 51 were men and 17 women": the 68's too
    if _OF_THE_NUMBER_RE.match(right):
        return "named"  # "Five of the nine died at the park": the whole it names
    if _AMONG_THEM_AFTER_RE.match(right):
        return "previous"  # "My husband and his two brothers are among them"
    if lower.endswith("the ", 0, n.start) and _THE_KILLED_WERE_RE.match(right):
        return "killed"  # "The two civilians killed were a shopkeeper and her son"
    if (
        _OF_PREVIOUS_BEFORE_RE.search(before[-60:])
        or _OF_PREVIOUS_AFTER_RE.match(right)
        or _OF_THE_FIGURE_RE.match(lower[max(0, n.start - 160) : n.start].split(". ")[-1])
    ):
        return "previous"
    m = _OF_OUTCOME_BEFORE_RE.search(
        lower[max(0, n.start - 80) : n.start]
    ) or _OF_OUTCOME_AFTER_RE.match(right)
    if m:
        return "injured" if re.search(r"injur|wound", m.group(0)) else "killed"
    if (
        previous is not None
        and previous.subgroup
        and (_LIST_JOIN_RE.match(before) or _CLAUSE_SIBLING_RE.match(before))
    ):
        return "list"
    return None


def find_parent(d: Draft, cue: str, here: list[Draft], earlier: list[Draft]) -> Draft | None:
    """The larger figure ``d`` is part of."""
    if cue == "list":
        parent = here[-1].parent if here else None
        # "36 killed, among them three children, and 121 injured": the injured are no part
        # of the dead
        return parent if parent is not None and parent.outcome == d.outcome else None
    candidates = [*earlier, *here]
    named = _named_whole(d, candidates)
    if named is not None or cue == "named":
        return named  # "Five of the nine died at the park": the nine's, not a larger toll's
    if cue == "previous":
        if (
            not here
            and earlier
            and earlier[-1].outcome != d.outcome
            and earlier[-1].scope == "incident"
            and _OF_THEM_RE.search(d.evidence.lower())
        ):
            # "Staff treated 26 wounded. Three of them died on Wednesday night.": the dead
            # are of the figure just told, the wounded, and no share of an earlier toll
            return None
        if here and here[-1].subgroup is not None and _nested(here[-1], d):
            return here[-1]  # "- Hurti: 21, including eight children": the 21's own part
        for c in reversed(here or candidates):
            if c.subgroup is None and _whole_of(c, d, d.outcome):
                return c
        return None
    for c in reversed(candidates):
        if c.subgroup is None and _whole_of(c, d, cue):
            return c
    return None


def _named_whole(d: Draft, candidates: list[Draft]) -> Draft | None:
    """The figure ``d`` names as its whole ("Five of the nine died ...": the latest figure of
    nine), when one of the same outcome was told; else None."""
    if not d.figure_text:
        return None
    m = re.search(re.escape(d.figure_text) + r"\s+of\s+the\s+([\w,]+)\b", d.evidence.lower())
    if m is None:
        return None
    whole = m.group(1)
    for c in reversed(candidates):
        if (
            c is not d
            and c.subgroup is None
            and c.outcome == d.outcome
            and (c.figure_text == whole or str(value_of(c)) == whole.replace(",", ""))
            and _larger(c, d)
        ):
            return c
    return None


def _whole_of(c: Draft, d: Draft, outcome: str) -> bool:
    """Whether ``c``, a figure of ``outcome`` told as such, can hold ``d`` among its victims."""
    return (
        c.outcome == outcome
        and c.qualifier not in ("vague", "derived")
        and _may_hold(c, d)
        and same_side(c.victims, d.victims)
    )


def _nested(share: Draft, d: Draft) -> bool:
    """Whether ``d``, told right after a share of a toll, is a part of that share: a place's
    dead "including eight children", "accounted for 802 of the deaths, among them 54
    bystanders" (not another share of the toll: "30 were men, 14 women")."""
    if not _whole_of(share, d, d.outcome) or not share.figure_text:
        return False
    # (or a list line's parts in brackets: "- Hadjer Hadid: 29 (Farchana camp 26)")
    told = re.escape(share.figure_text) + r"(?:\s+of\s+(?:the|those)\s+[a-z]+)?"
    return re.search(
        told + r"(?:\W{1,3}(?:including|among\s+them)\b|\s\()", d.evidence
    ) is not None or _of_them_after(share, d)


def _of_them_after(share: Draft, d: Draft) -> bool:
    """ "among them at least 54 bystanders, 11 of them children": ``d`` is told as the part
    of the share right before it."""
    if not share.figure_text or not d.figure_text:
        return False
    return (
        re.search(
            re.escape(share.figure_text)
            + r"(?:\s+[a-z]+){1,3},\s+"
            + re.escape(d.figure_text)
            + r"\s+of\s+(?:them|whom)\b",
            d.evidence,
        )
        is not None
    )


def _may_hold(whole: Draft, part: Draft) -> bool:
    """``whole`` is larger, and not a bound guessed for the toll holding counted dead ("the
    toll could rise to more than 50", then "the morgue had received 19 of the dead")."""
    guess = whole.kind == "estimate" and whole.qualifier in ("more_than", "up_to", "at_least")
    return _larger(whole, part) and (not guess or part.kind == "estimate")


def _larger(whole: Draft, part: Draft) -> bool:
    if part.qualifier == "vague":
        return True
    return value_of(whole) > value_of(part)


def part_of_indices(kept: list[Draft]) -> list[int | None]:
    """For each kept draft, the position of the claim it is part of, if any."""
    position = {id(d): i for i, d in enumerate(kept)}
    out: list[int | None] = []
    for i, d in enumerate(kept):
        parent = d.parent
        while parent is not None and id(parent) not in position and parent.merged_into is not None:
            parent = parent.merged_into
        index = position.get(id(parent)) if parent is not None else None
        if parent is not None and not may_be_part_of(parent.outcome, d.outcome):
            index = None  # "five killed, including a child; 18 more wounded": not their part
        out.append(index if index is not None and index != i else None)
    return out


def follow_parent_voice(kept: list[Draft]) -> None:
    """A subgroup is part of the figure it breaks down, told by the same voice: when its own
    sentence names no source, it takes the larger figure's source, and an official count's
    breakdown is official too ("Among those killed were 58 women and 41 children." after a
    UN office's total). A figure still without a source takes that of another figure of its
    sentence."""
    for d in kept:
        if d.parent is None:
            continue
        parent = d.parent
        while parent.merged_into is not None:
            parent = parent.merged_into
        if d.attributed_to is not None or parent.attributed_to is None:
            continue  # its own voice ("Medics said the dead included 12 children")
        _take_voice(d, parent)
    # "At least 29 were killed, including 11 children, and 60 injured": the injured are no
    # part of the dead, but told by the same voice in the same sentence
    for d in kept:
        if d.attributed_to is None and d.merged_into is None:
            voice = next(
                (
                    o
                    for o in kept
                    if o is not d
                    and o.sentence_index == d.sentence_index
                    and o.attributed_to is not None
                    and o.merged_into is None
                ),
                None,
            )
            if voice is not None:
                _take_voice(d, voice)


def _take_voice(d: Draft, voice: Draft) -> None:
    d.attributed_to = voice.attributed_to
    if d.kind == "reported" and voice.kind == "official":
        d.kind = "official"


def opener_context(opener: re.Match[str], drafts: Sequence[Draft]) -> str | None:
    """What "Of them," / "Of the dead," / "Of the 163," counts after the figures read
    before (``drafts``); None when "Of the 163," names no figure read before."""
    named = (opener.lastgroup or "").rstrip("0123456789")  # "killed2" is "killed"
    if named == "figure":
        value = int(opener["figure"].replace(",", ""))
        return next((d.outcome for d in reversed(drafts) if d.low == value), None)
    earlier = [d.outcome for d in drafts]
    last = earlier[-1] if earlier else None
    found = last in ("bodies_found", "buried") and "killed" not in earlier
    return last if found and named == "killed" else (named or last)
