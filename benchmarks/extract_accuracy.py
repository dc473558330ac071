"""Strict F1 of the extractor (same article, outcome, low and high) on every scored corpus.

Also prints how often the other fields agree on the matched claims (the place by its
rule, the source by loose match, the subgroup link by the figure it names; see
docs/extraction.md), and, with ``--errors [CORPUS]``, every missed and spurious claim.
``outlets-all`` is the new corpus whole: ``outlets`` and ``outlets-heldout`` together.
"""

from __future__ import annotations

import sys
from typing import Any

from benchmarks.corpora import Corpus, all_corpora, joined
from tollbook.domain.claim import CONTRACT_FIELDS
from tollbook.extract import extract_claims
from tollbook.extract.scoring import (
    agreement,
    place_agrees,
    source_agrees,
    strict_key,
    strict_score,
    subgroup_agreement,
)

FIELDS = ("qualifier", "victims", "when")


def main(argv: list[str]) -> int:
    show_errors = "--errors" in argv
    only = [a for a in argv if not a.startswith("--")]
    corpora = all_corpora()
    parts = [c for c in corpora if c.name in ("outlets", "outlets-heldout")]
    if len(parts) == 2:
        corpora.append(joined("outlets-all", parts))
    print(
        f"{'corpus':<15} {'reports':>7} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6} "
        f"{'source':>6} {'place':>6} {'kind':>6} {'scope':>6} {'part':>6}"
    )
    for corpus in corpora:
        if only and corpus.name not in only:
            continue
        predicted = predicted_claims(corpus)
        score = strict_score(corpus.gold, predicted)
        gold = corpus.gold
        print(
            f"{corpus.name:<15} {len(corpus.reports):>7} {len(gold):>5} "
            f"{len(predicted):>5} {score.precision:>6.3f} {score.recall:>6.3f} {score.f1:>6.3f} "
            f"{agreement(gold, predicted, 'attributed_to', source_agrees):>6.2f} "
            f"{agreement(gold, predicted, 'place', place_agrees):>6.2f} "
            f"{agreement(gold, predicted, 'kind'):>6.2f} "
            f"{agreement(gold, predicted, 'scope'):>6.2f} "
            f"{subgroup_agreement(gold, predicted):>6.2f}"
        )
        others = ", ".join(f"{f} {agreement(gold, predicted, f):.2f}" for f in FIELDS)
        exact = agreement(gold, predicted, "attributed_to")
        print(f"{'':<15} also on matched claims: {others}, source exactly {exact:.2f}")
        if show_errors:
            _print_errors(gold, predicted)
    print(
        "source: attributed_to, loose match; place: by the place rule; part: the subgroup "
        "link (part_of) names the same larger figure"
    )
    return 0


def predicted_claims(corpus: Corpus) -> list[dict[str, Any]]:
    return [
        {k: v for k, v in c.to_contract().items() if k in (*CONTRACT_FIELDS, "part_of")}
        for r in corpus.reports
        for c in extract_claims(r)
    ]


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
