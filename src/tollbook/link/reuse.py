"""When a stored model may score new data, and when it must be trained again. Pure.

A model learns how often each field agrees among matching and non-matching pairs *of
the data it saw*: how common each name is, how often a list writes an age instead of a
birth date, how many pairs match at all. Those figures carry over only to comparable
data, so a model is reused only when

- it compares exactly the fields the data has (and links the same way),
- it was trained on the same lists (by name), and
- it was trained on between half and twice as many records (:data:`REUSE_FACTOR`).

Otherwise a new model is trained, and a note says why. A model that does not say which
lists it saw (made before this rule) is not reused.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from tollbook.link.engine import LinkageModel, LinkType

#: A model is reused for at most this many times (or this fraction of) its records.
REUSE_FACTOR = 2.0


@dataclass(frozen=True)
class ReuseVerdict:
    reuse: bool
    #: why the model is not reused (None when it is)
    reasons: tuple[str, ...] = ()

    def note(self, model_name: str) -> str | None:
        """What to tell the user when the model was not reused."""
        if self.reuse:
            return None
        return f"{model_name} not reused ({'; '.join(self.reasons)}): trained a new one"


def may_reuse(
    model: LinkageModel,
    *,
    records: int,
    columns: frozenset[str],
    lists: Collection[str],
    link_type: LinkType,
) -> ReuseVerdict:
    """Whether ``model`` may score ``records`` records of ``lists`` with these model
    columns (:attr:`~tollbook.link.features.FeatureTable.model_columns`)."""
    reasons: list[str] = []
    if not model.fits(columns, link_type):
        reasons.append("it compares other fields than these records have")
    trained = max(model.trained_on, 1)
    if records > trained * REUSE_FACTOR:
        reasons.append(
            f"it was trained on {model.trained_on:,} records and these are {records:,}, "
            f"more than {REUSE_FACTOR:g} times as many"
        )
    elif records * REUSE_FACTOR < trained:
        reasons.append(
            f"it was trained on {model.trained_on:,} records and these are {records:,}, "
            f"fewer than 1/{REUSE_FACTOR:g} as many"
        )
    wanted = sorted(set(lists))
    if not model.lists:
        reasons.append("it does not say which lists it was trained on")
    elif sorted(model.lists) != wanted:
        reasons.append(
            f"it was trained on the lists {', '.join(model.lists)}, "
            f"and these are {', '.join(wanted)}"
        )
    return ReuseVerdict(not reasons, tuple(reasons))
