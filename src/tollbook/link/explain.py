"""Why two records were linked: each field's comparison level and match weight. Pure.

A match weight is log2 of the field's Bayes factor: +10 means the field's agreement is
about a thousand times likelier between records of one person than between records of two;
negative weights count against the link. The weights add up, with the prior, to the
pair's match weight.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tollbook.link.engine import ScoredPairs

#: Weights are kept this far from zero at most (a field that rules a match out
#: outright would be minus infinity).
WEIGHT_LIMIT = 60.0


@dataclass(frozen=True)
class FieldScore:
    field: str
    level: str
    weight: float


def explain_pair(pairs: ScoredPairs, index: int) -> list[FieldScore]:
    """The fields of pair ``index``, in the model's order."""
    out = []
    for name, levels in pairs.levels.items():
        gamma = levels[index]
        weight = max(-WEIGHT_LIMIT, min(WEIGHT_LIMIT, pairs.weights[name][index]))
        out.append(
            FieldScore(name, pairs.labels[name].get(gamma, f"level {gamma}"), round(weight, 3))
        )
    return out


def explanation_json(pairs: ScoredPairs, index: int) -> dict[str, Any]:
    """The explanation of pair ``index`` as stored with the link."""
    return {
        "fields": [
            {"field": f.field, "level": f.level, "weight": f.weight}
            for f in explain_pair(pairs, index)
        ]
    }


def explanation_text(explanation: dict[str, Any]) -> str:
    """One line: ``family_name same spelling +6.0, birth same birth date +13.7, ...``."""
    parts = []
    for item in explanation.get("fields", []):
        parts.append(f"{item['field']} {item['level']} {float(item['weight']):+.1f}")
    return ", ".join(parts)
