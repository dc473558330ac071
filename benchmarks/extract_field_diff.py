"""Field by field, what a rule changes on the tuning corpora: the way issue 12's rounds
measure a rule before keeping it (docs/extraction.md, rounds 17 to 21).

    python -m benchmarks.extract_field_diff --dump before.json   # on the code before
    python -m benchmarks.extract_field_diff --dump after.json    # on the code after
    python -m benchmarks.extract_field_diff before.json after.json [place source kind ...]
    python -m benchmarks.extract_field_diff --totals

``--dump`` writes, for every matched claim of every tuning corpus (never the never-tuned ones,
``benchmarks.corpora.NEVER_TUNED``), the gold's and the extractor's place, source, kind,
scope and date. Comparing two dumps prints, per field, the claims it gains and loses (a
claim is keyed by its report, outcome, figures and its place among the matched claims, so a
rule that adds matches shifts the keys of the report it touches). ``--totals`` prints how
many matched claims agree on each field.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.corpora import NEVER_TUNED, all_corpora
from benchmarks.extract_accuracy import predicted_claims
from benchmarks.extract_field_errors import FIELDS as ERROR_FIELDS
from tollbook.extract.scoring import matched_pairs

#: the fields compared, each with how the scorer says two values agree: those the error
#: listing reads, and the date
FIELDS: dict[str, tuple[str, Callable[[Any, Any], bool]]] = {
    **ERROR_FIELDS,
    "when": ("when", lambda a, b: a == b),
}


def matched_fields() -> dict[str, dict[str, Any]]:
    """Every matched claim of the tuning corpora: its gold and extracted fields."""
    out: dict[str, dict[str, Any]] = {}
    for corpus in all_corpora():
        if corpus.name in NEVER_TUNED:
            continue
        for i, (g, p) in enumerate(matched_pairs(corpus.gold, predicted_claims(corpus))):
            key = f"{g['article']}|{g['outcome']}|{g['low']}|{g['high']}|{i}"
            out[key] = {
                "gold": {k: g.get(k) for k, _ in FIELDS.values()},
                "read": {k: p.get(k) for k, _ in FIELDS.values()},
                "evidence": str(g.get("evidence", ""))[:140],
            }
    return out


def compare(before: dict[str, Any], after: dict[str, Any], field: str) -> list[str]:
    """The lines that say what ``after`` gains and loses on ``field`` against ``before``."""
    key, agree = FIELDS[field]
    gains, losses, moved = [], [], 0
    for claim, now in after.items():
        then = before.get(claim)
        if then is None or then["read"][key] == now["read"][key]:
            continue
        gold, old, new = now["gold"][key], then["read"][key], now["read"][key]
        line = f"{claim}\t{gold!r}\t{old!r} -> {new!r}\t{now['evidence']}"
        if agree(gold, new) and not agree(gold, old):
            gains.append(line)
        elif agree(gold, old) and not agree(gold, new):
            losses.append(line)
        else:
            moved += 1
    head = f"{field}: +{len(gains)} -{len(losses)} ({moved} changed, right or wrong both times)"
    return [head, *(f"  LOSS {x}" for x in losses), *(f"  GAIN {x}" for x in gains)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="write the matched claims' fields here")
    parser.add_argument("--totals", action="store_true", help="agreeing claims per field")
    parser.add_argument("files", nargs="*", help="BEFORE.json AFTER.json [FIELD ...]")
    args = parser.parse_args(argv)
    if args.dump is not None:
        fields = matched_fields()
        args.dump.write_text(json.dumps(fields), encoding="utf-8")
        print(f"{len(fields)} matched claims written to {args.dump}")
        return 0
    if args.totals:
        fields = matched_fields()
        totals = {
            name: sum(agree(c["gold"][key], c["read"][key]) for c in fields.values())
            for name, (key, agree) in FIELDS.items()
        }
        print(f"matched {len(fields)}: " + ", ".join(f"{k} {v:,}" for k, v in totals.items()))
        return 0
    if len(args.files) < 2:
        parser.error("give --dump FILE, --totals, or two dumps to compare")
    before, after = (json.loads(Path(f).read_text(encoding="utf-8")) for f in args.files[:2])
    for field in args.files[2:] or list(FIELDS):
        if field not in FIELDS:
            parser.error(f"unknown field {field!r}; one of {', '.join(FIELDS)}")
        print("\n".join(compare(before, after, field)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
