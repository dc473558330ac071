"""Families' free-text descriptions read into the registry's vocabulary: precision,
recall and F1 of the items (garment:colour, kind:motif:place, effects) on the sets written
by hand (tests/data/descriptions/: eval.jsonl, written before the parser was tuned, and
blind.jsonl, written after and scored once before its one fix; English, Ukrainian,
Russian).

    .venv/bin/python -m benchmarks.description_eval [--show]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tollbook.registry.description_text import parse_description

SETS = Path(__file__).resolve().parents[1] / "tests/data/descriptions"
EVAL = SETS / "eval.jsonl"


def score(path: Path = EVAL, *, show: bool = False) -> tuple[float, float, float, int, int]:
    """Precision, recall, F1, descriptions read exactly, and descriptions."""
    right = said = wanted = exact = rows = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        parsed = parse_description(case["text"])
        got = {("clothing", x) for x in parsed.clothing}
        got |= {("marks", x) for x in parsed.marks} | {("effects", x) for x in parsed.effects}
        want = {(k, x) for k in ("clothing", "marks", "effects") for x in case[k]}
        right += len(got & want)
        said += len(got)
        wanted += len(want)
        exact += got == want
        rows += 1
        if show and got != want:
            print(f"{case['id']}: missed {sorted(want - got)}; wrong {sorted(got - want)}")
    precision = right / said if said else 0.0
    recall = right / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, exact, rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true", help="print each description missed")
    args = parser.parse_args()
    for name in ("eval", "blind"):
        precision, recall, f1, exact, rows = score(SETS / f"{name}.jsonl", show=args.show)
        print(
            f"free-text descriptions ({name}.jsonl, {rows}): precision {precision:.3f}, "
            f"recall {recall:.3f}, F1 {f1:.3f}; {exact}/{rows} read exactly"
        )


if __name__ == "__main__":
    main()
