"""Strict F1 of the extractor (same article, outcome, low and high) on every scored corpus.

Also prints how often the other fields agree on the matched claims, and, with
``--errors``, every missed and spurious claim.
"""

from __future__ import annotations

import sys

from benchmarks.corpora import all_corpora
from tollbook.domain.claim import CONTRACT_FIELDS
from tollbook.extract import extract_claims
from tollbook.extract.scoring import field_accuracy, strict_key, strict_score


def main(argv: list[str]) -> int:
    show_errors = "--errors" in argv
    print(f"{'corpus':<8} {'reports':>7} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for corpus in all_corpora():
        predicted = [
            {k: v for k, v in c.to_contract().items() if k in CONTRACT_FIELDS}
            for r in corpus.reports
            for c in extract_claims(r)
        ]
        score = strict_score(corpus.gold, predicted)
        print(
            f"{corpus.name:<8} {len(corpus.reports):>7} {len(corpus.gold):>5} "
            f"{len(predicted):>5} {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f}"
        )
        fields = ("qualifier", "victims", "place", "when", "scope", "kind", "attributed_to")
        agreement = ", ".join(
            f"{f} {field_accuracy(corpus.gold, predicted, f):.2f}" for f in fields
        )
        print(f"         field agreement on matched claims: {agreement}")
        if show_errors:
            _print_errors(corpus.gold, predicted)
    return 0


def _print_errors(gold: list[dict[str, object]], predicted: list[dict[str, object]]) -> None:
    got = [strict_key(p) for p in predicted]
    want = [strict_key(g) for g in gold]
    for g in gold:
        key = strict_key(g)
        if key in got:
            got.remove(key)
        else:
            print(f"  MISSED  {key} :: {str(g['evidence'])[:150]}")
    for p in predicted:
        key = strict_key(p)
        if key in want:
            want.remove(key)
        else:
            print(f"  SPURIOUS {key} :: {str(p['evidence'])[:150]}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
