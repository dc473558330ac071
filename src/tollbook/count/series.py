"""Claims that are not incidents: running totals and estimates, as dated series points.

A cumulative claim ("1,200 since the invasion") contains the incidents it covers, so it
is never added to them; an estimate ("three to four times more") is not a documented
death. Both are shown beside the documented count, each with its source and date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tollbook.domain.claim import Claim
from tollbook.domain.incident import SourcedClaim, when_bounds
from tollbook.domain.toll import SeriesName, SeriesPoint


def series_of(claim: Claim) -> SeriesName | None:
    """Which series a claim belongs to, or None for an incident claim that is counted.

    Estimates (``kind`` estimate, a ``derived`` figure, a vague multiple of another
    figure: "several times higher", or a toll its own sentence denies or asks about:
    ``_QUESTIONED``) whatever their scope; then cumulative claims:
    ``official`` when an authority gives them, else ``reported``.
    """
    if claim.kind == "estimate" or claim.qualifier == "derived":
        return "estimate"
    if claim.qualifier == "vague" and _MULTIPLE.search(claim.evidence):
        return "estimate"
    if claim.outcome == "killed" and questioned(claim.evidence):
        return "estimate"
    if claim.scope == "cumulative":
        return "official" if claim.kind == "official" else "reported"
    return None


#: "several times higher", "many times more", "three times as many": a multiple of
#: another figure, not a count of the dead.
_MULTIPLE = re.compile(
    r"\btimes\s+(?:more|higher|greater|larger|bigger|as\s+(?:many|high|large))\b",
    re.IGNORECASE,
)


#: a figure its own sentence denies or asks about, as a fact-check writes it: "No, an air
#: strike did not kill \"more than 300 people\"", "Fact check: Did the strike kill 'up to 120
#: mercenaries'?", "CLAIM: Posts say ... killed more than 300": not a documented death
_QUESTIONED = re.compile(
    r"\b(?:did\s+not|didn['’]t|never)\s+(?:kill|cause)\b[^.?!]{0,60}?[\"“'‘]"
    r"|(?:^|:\s*)did\s+[^?]{3,200}\?\W*$|^\W*claim\s*:"
    # "Reports on social media that more than 30 people were killed are not correct."
    # "The figures of 20 dead that have circulated on social networks ... are false."
    r"|\b(?:reports?|claims?|posts?|rumou?rs?|figures?)\b[^.]{0,80}?\b(?:is|are|was|were)\s+"
    r"(?:not\s+(?:correct|true|accurate)|false|untrue|incorrect|wrong|unfounded|baseless)\b"
    # "no source on the ground supports a toll of 200", "no evidence for the figure of 120"
    # (not "no one has claimed responsibility for the attack")
    r"|\bno\s+(?:source|evidence|report)s?\b[^.]{0,40}?\b(?:supports?|backs?|confirms?)\s+"
    r"(?:a|the|this|that|its)\s+(?:[a-z]+\s+)?(?:toll|figure|number|claim|count)\b"
    r"|\bno\s+evidence\s+for\s+the\s+(?:[a-z'’]+\s+)?(?:figure|toll|claim|number)\b"
    # a viral figure the report quotes from posts: "Posts shared more than 40,000 times ...
    # say that \"more than 300 people\" were massacred", "a post by a military blogger
    # raised the figure to \"more than 200\"" (round 33)
    r"|\b(?:posts?|videos?|bloggers?)\b[^.]{0,100}?\b(?:says?|said|saying|"
    r"claim\w*|raised\s+the\s+(?:figure|toll)\s+to)\b[^.]{0,30}?[\"“]",
    re.IGNORECASE,
)


#: a word each of ``_QUESTIONED``'s phrases needs, looked for before the search itself
_QUESTION_CUES = (
    "not",
    "n't",
    "n’t",
    "never",
    "did",
    "claim",
    "false",
    "untrue",
    "incorrect",
    "wrong",
    "unfounded",
    "baseless",
    "post",
    "video",
    "blogger",
)
_NO_RE = re.compile(r"\bno\s")


def questioned(evidence: str) -> bool:
    """Whether ``evidence`` denies or asks about its own figure (``_QUESTIONED``)."""
    lower = evidence.lower()
    return (
        any(cue in lower for cue in _QUESTION_CUES) or _NO_RE.search(lower) is not None
    ) and _QUESTIONED.search(evidence) is not None


def questioned_elsewhere(claims: Sequence[SourcedClaim]) -> frozenset[int]:
    """The claims whose killed figure their report questions in another sentence: "the
    ministry said the strike had killed \"up to 120 mercenaries\"", then "There is no
    evidence for the Russian figure of \"up to 120\" dead". Each is an estimate, as the
    sentence that questions it is. Only a figure its report tells more than once is searched
    (one told once is questioned, if at all, by its own sentence: ``series_of``)."""
    told: dict[tuple[int, int | None, int | None], list[SourcedClaim]] = {}
    for s in claims:
        if s.claim.outcome == "killed":
            told.setdefault((s.report_id, s.claim.low, s.claim.high), []).append(s)
    return frozenset(
        s.claim_id
        for same in told.values()
        if len(same) > 1 and any(questioned(s.claim.evidence) for s in same)
        for s in same
    )


def series_point(
    sourced: SourcedClaim,
    series: SeriesName,
    subgroup: bool = False,
    part_of: int | None = None,
) -> SeriesPoint:
    """The claim as a point: dated at the end of its ``when``, else its publication."""
    claim = sourced.claim
    _, last = when_bounds(claim.when)
    return SeriesPoint(
        series=series,
        date=last if last is not None else sourced.published,
        place=claim.place,
        outcome=claim.outcome,
        low=claim.low,
        high=claim.high,
        qualifier=claim.qualifier,
        scope=claim.scope,
        kind=claim.kind,
        claim_id=sourced.claim_id,
        report_id=sourced.report_id,
        article=claim.article,
        publisher=sourced.publisher,
        attributed_to=claim.attributed_to,
        when=claim.when,
        evidence=claim.evidence,
        review_status=sourced.review_status,
        subgroup=subgroup,
        part_of=part_of,
        victims=claim.victims,
        closed=last is not None and sourced.published is not None and last < sourced.published,
    )
