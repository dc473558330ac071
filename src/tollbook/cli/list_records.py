"""How the command line shows list records, their links and the reasons for them: one
line of text or one JSON object each, shared by ``lists``, ``persons`` and ``lists imports``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tollbook.cli.language import _
from tollbook.store.linkage_repository import StoredLink
from tollbook.store.list_repository import StoredRecord


def record_line(stored: StoredRecord) -> str:
    r = stored.record
    name = " ".join(p for p in (r.family_name, r.given_name, r.patronymic) if p) or "(no name)"
    born = (
        r.birth_date.isoformat() if r.birth_date else (f"age {r.age}" if r.age is not None else "-")
    )
    died = r.death_date.isoformat() if r.death_date else "-"
    place = r.district or r.address or "-"
    where = f"{r.source}:{r.row}" + (f" ({r.record_id})" if r.record_id else "")
    return f"[{stored.id}] {name}, {r.sex or '-'}, born {born}, died {died}, {place}  <- {where}"


def record_json(stored: StoredRecord) -> dict[str, Any]:
    r = stored.record
    return {
        "id": stored.id,
        "list": r.source,
        "row": r.row,
        "record_id": r.record_id,
        "family_name": r.family_name,
        "given_name": r.given_name,
        "patronymic": r.patronymic,
        "sex": r.sex,
        "birth_date": r.birth_date.isoformat() if r.birth_date else None,
        "age": r.age,
        "death_date": r.death_date.isoformat() if r.death_date else None,
        "district": r.district,
        "original": dict(r.original),
    }


def link_json(link_: StoredLink) -> dict[str, Any]:
    return {
        "record_a": link_.record_a,
        "record_b": link_.record_b,
        "probability": link_.probability,
        "match_weight": link_.match_weight,
        "explanation": link_.explanation,
    }


def explanation_lines(explanation: dict[str, Any] | None) -> list[str]:
    if not explanation:
        return []
    return [
        f"{item['field']:<12} {float(item['weight']):+6.1f}  {_(item['level'])}"
        for item in explanation.get("fields", [])
    ]


def table(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    cells = [[str(v) for v in header], *[[str(v) for v in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    lines = [
        "  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)
