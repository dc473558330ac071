"""Claims marked in their report's text: each evidence sentence as a ``<mark>``.

Pure: text and spans in, escaped HTML out. A claim's evidence is found at its stored
offset (``evidence_start``); if the text there differs (or there is no offset), at the
first place it occurs; claims whose evidence cannot be found are not marked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Evidence:
    claim_id: int
    evidence: str
    start: int | None
    #: a CSS class for the mark, e.g. the claim's review status
    kind: str = ""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    claim_ids: tuple[int, ...]
    kinds: tuple[str, ...]


def locate(text: str, item: Evidence) -> tuple[int, int] | None:
    """Where ``item``'s evidence is in ``text`` (start, end), or None."""
    if not item.evidence:
        return None
    end_at = (item.start or 0) + len(item.evidence)
    if item.start is not None and text[item.start : end_at] == item.evidence:
        return item.start, end_at
    found = text.find(item.evidence)
    if found < 0:
        return None
    return found, found + len(item.evidence)


def spans(text: str, items: Iterable[Evidence]) -> list[Span]:
    """Non-overlapping spans in text order; overlapping evidence joins into one span."""
    located = sorted(
        ((where[0], where[1], item) for item in items if (where := locate(text, item))),
        key=lambda found: (found[0], found[1], found[2].claim_id),
    )
    out: list[Span] = []
    for start, end, item in located:
        if out and start < out[-1].end:
            last = out[-1]
            out[-1] = Span(
                last.start,
                max(last.end, end),
                (*last.claim_ids, item.claim_id),
                (*last.kinds, item.kind),
            )
        else:
            out.append(Span(start, end, (item.claim_id,), (item.kind,)))
    return out


def highlight(text: str, items: Sequence[Evidence], *, link: str = "#claim-{id}") -> Markup:
    """``text`` escaped, with each evidence wrapped in ``<mark>`` naming its claims."""
    parts: list[str] = []
    at = 0
    for span in spans(text, items):
        parts.append(str(escape(text[at : span.start])))
        ids = " ".join(str(i) for i in span.claim_ids)
        classes = " ".join(sorted({k for k in span.kinds if k}))
        first = span.claim_ids[0]
        parts.append(
            f'<mark class="claim {escape(classes)}" id="evidence-{first}" '
            f'data-claims="{ids}" title="claim {escape(ids)}">'
            f"{escape(text[span.start : span.end])}"
            f'<a class="claim-ref" href="{escape(link.format(id=first))}">'
            f"[{escape(ids)}]</a></mark>"
        )
        at = span.end
    parts.append(str(escape(text[at:])))
    return Markup("".join(parts))
