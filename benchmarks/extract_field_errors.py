"""Every field disagreement of the matched claims of one corpus, for sorting by cause.

``python -m benchmarks.extract_field_errors outlets-blind4 place`` prints, for each matched
claim whose place (or source, kind, scope) disagrees, the report, the gold and the
extractor's value and the evidence sentence. Fields: place, source, kind, scope.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from benchmarks.corpora import all_corpora
from benchmarks.extract_accuracy import predicted_claims
from tollbook.extract.scoring import matched_pairs, place_agrees, source_agrees

FIELDS: dict[str, tuple[str, Callable[[object, object], bool]]] = {
    "place": ("place", place_agrees),
    "source": ("attributed_to", source_agrees),
    "kind": ("kind", lambda a, b: a == b),
    "scope": ("scope", lambda a, b: a == b),
}


def main(argv: list[str]) -> int:
    name = argv[0] if argv else "outlets-blind4"
    wanted = argv[1:] or list(FIELDS)
    corpus = next(c for c in all_corpora() if c.name == name)
    pairs = matched_pairs(corpus.gold, predicted_claims(corpus))
    for field in wanted:
        key, agree = FIELDS[field]
        bad = [(g, p) for g, p in pairs if not agree(g.get(key), p.get(key))]
        print(f"== {field}: {len(bad)} of {len(pairs)} matched claims disagree")
        for g, p in bad:
            print(f"{g['article'][-2:]}\t{g.get(key)!r}\t{p.get(key)!r}\t{g.get('evidence')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
