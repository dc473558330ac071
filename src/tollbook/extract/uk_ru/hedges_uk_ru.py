"""Hedges before a Ukrainian or Russian figure, read as the qualifiers of CLAIMS.md: they
apply to the number right after them ("щонайменше 5 загиблих і 14 поранених": 5 at least,
14 exact)."""

from __future__ import annotations

import re

from tollbook.extract.uk_ru.numbers_uk_ru import CyrNumber

_HEDGES: tuple[tuple[str, str], ...] = (
    (
        "at_least",
        r"щонайменше|не\s+менше(?:\s+(?:ніж|як))?|принаймні|щонайменш|мінімум|"
        r"не\s+менее(?:\s+чем)?|по\s+меньшей\s+мере|как\s+минимум|минимум|по\s+крайней\s+мере",
    ),
    (
        "more_than",
        r"понад|більше(?:\s+(?:ніж|як))?|більш\s+(?:ніж|як)|"
        r"более(?:\s+чем)?|больше(?:\s+чем)?|свыше|превысило|перевищила|перевищило",
    ),
    (
        "about",
        r"близько|приблизно|орієнтовно|майже\s+близько|около|порядка|примерно|"
        r"приблизительно|ориентировочно",
    ),
    ("up_to", r"до|майже|ледь\s+не|чи\s+не|почти|чуть\s+ли\s+не|сягнути|достигнуть"),
)
_HEDGE_RE = re.compile(
    "(?:" + "|".join(rf"(?P<{q}>(?<![\w'])(?:{alt}))" for q, alt in _HEDGES) + r")\s*$"
)
# "кількість загиблих зросла до 35": the toll now stands at 35 (exact), not "up to"
_ROSE_TO_RE = re.compile(
    r"(?:зросл[аио]|зріс|збільшил[аио]с[ья]|збільшився|сягнул[аио]|досягл[аио]|"
    r"возросл[аио]|вырос(?:л[аио])?|увеличил[аио]сь|увеличился|достигл[аио])\s+до\s*$"
)
# "може зрости до 15", "могли погибнуть до 20 тысяч": an estimate's upper bound
_MAY_RISE_RE = re.compile(r"(?:може|можуть|могли|могло|может|могут)\s+(?:\S+\s+){0,2}до\s*$")


def qualify(lower: str, n: CyrNumber) -> tuple[str, int | None, int | None]:
    """The qualifier and bounds of ``n`` from the words right before it."""
    if n.vague:
        return "vague", None, None
    if n.is_range:
        return "range", n.low, n.high
    before = lower[max(0, n.start - 40) : n.start]
    if _MAY_RISE_RE.search(before):
        return "up_to", None, n.high
    m = _HEDGE_RE.search(before)
    if m is None or (m.lastgroup == "up_to" and _ROSE_TO_RE.search(before)):
        return "exact", n.low, n.high
    qualifier = m.lastgroup or "exact"
    if qualifier in ("at_least", "more_than"):
        return qualifier, n.low, None
    if qualifier == "up_to":
        return qualifier, None, n.high
    return qualifier, n.low, n.high


def may_rise_to(lower: str, n: CyrNumber) -> bool:
    """ "може зрости до N", "могли погибнуть до N": an estimate's upper bound."""
    return _MAY_RISE_RE.search(lower[max(0, n.start - 40) : n.start]) is not None
