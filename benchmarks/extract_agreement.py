"""How far two people who code the same reports agree, and the extractor beside them.

A corpus with a ``gold-second.jsonl`` was coded twice, by two people who did not see each
other's work (the second coder's conditions are in the corpus's ``SECOND.md``). This
prints, per corpus and for all together:

- **coders**: the second coding scored against the first exactly as the extractor is
  scored (strict F1 on outcome, low and high; then source, place, kind, scope, qualifier,
  victims, when and the subgroup link on the matched claims): the agreement two careful
  people reach under the written convention, a ceiling for any extractor judged by it;
- **extractor vs first / second**: the extractor scored against each coding;
- **where the coders agree**: for each field, the extractor's agreement on the claims whose
  two codings agree on that field (and, for F1, on the claims both coders coded), i.e.
  accuracy where the truth is not in doubt;
- how the coders' disagreements fall (kind and scope pairs, place and source classes), as
  counts only: the texts of a blind corpus are not printed;
- with a ``tolls-second.jsonl``: how often the two readers' tolls are equal, and the count
  layer's tolls (on the first coding's claims, on the extractor's) against each.

    .venv/bin/python -m benchmarks.extract_agreement [CORPUS ...]
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from benchmarks.corpora import DATA, Corpus, all_corpora
from benchmarks.count_truth import truths, verdict
from benchmarks.extract_accuracy import predicted_claims
from benchmarks.extract_headline import gold_claims, headline
from tollbook.extract import extract_claims
from tollbook.extract.scoring import (
    matched_pairs,
    normal_place,
    parents_by_key,
    place_agrees,
    source_agrees,
    strict_key,
    strict_score,
)

Claim = Mapping[str, Any]
Agree = Callable[[object, object], bool]


def _equal(a: object, b: object) -> bool:
    return a == b


FIELDS: tuple[tuple[str, str, Agree], ...] = (
    ("source", "attributed_to", source_agrees),
    ("place", "place", place_agrees),
    ("kind", "kind", _equal),
    ("scope", "scope", _equal),
    ("qualifier", "qualifier", _equal),
    ("victims", "victims", _equal),
    ("when", "when", _equal),
)


def second_coding(name: str) -> list[dict[str, Any]] | None:
    path = DATA / name / "gold-second.jsonl"
    if not path.exists():
        return None
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


class Comparison:
    """One coding (``reference``) against another (``other``), claim by claim."""

    def __init__(self, reference: Sequence[Claim], other: Sequence[Claim]) -> None:
        self.score = strict_score(reference, other)
        self.pairs = matched_pairs(reference, other)
        ref_parent, other_parent = parents_by_key(reference), parents_by_key(other)
        self.agrees: dict[str, dict[int, bool]] = {
            label: {id(g): agree(g.get(field), p.get(field)) for g, p in self.pairs}
            for label, field, agree in FIELDS
        }
        self.agrees["part"] = {
            id(g): ref_parent[id(g)] == other_parent[id(p)] for g, p in self.pairs
        }

    def share(self, label: str, among: set[int] | None = None) -> tuple[int, int]:
        """(agreeing, compared) on the matched claims, or on those of ``among`` only."""
        values = [v for k, v in self.agrees[label].items() if among is None or k in among]
        return sum(values), len(values)


LABELS = (*(label for label, _, _ in FIELDS), "part")


def _cell(agreeing: int, compared: int) -> str:
    return f"{agreeing / compared:>7.2f}" if compared else f"{'-':>7}"


def _row(
    label: str,
    comparison: Comparison,
    among: dict[str, set[int]] | None = None,
    precision_recall: tuple[float, float] | None = None,
) -> str:
    p, r = precision_recall or (comparison.score.precision, comparison.score.recall)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    cells = "".join(
        _cell(*comparison.share(name, None if among is None else among[name])) for name in LABELS
    )
    return f"  {label:<26} {p:>6.3f} {r:>6.3f} {f1:>6.3f}{cells}"


def _where_agreed(
    first: Sequence[Claim], second: Sequence[Claim], predicted: Sequence[Claim]
) -> tuple[float, float]:
    """Precision: the extractor's claims that either coding holds; recall: the claims both
    codings hold that the extractor found."""
    one = Counter(strict_key(c) for c in first)
    other = Counter(strict_key(c) for c in second)
    got = Counter(strict_key(c) for c in predicted)
    either = sum(((one | other) & got).values())
    found = (one & other) & got
    wanted = sum((one & other).values())
    return (
        either / len(predicted) if predicted else 1.0,
        sum(found.values()) / wanted if wanted else 1.0,
    )


def _agreed_claims(coders: Comparison) -> dict[str, set[int]]:
    """For each field, the first coding's claims whose two codings agree on it."""
    return {name: {k for k, v in coders.agrees[name].items() if v} for name in LABELS}


def _place_class(a: object, b: object) -> str:
    if place_agrees(a, b):
        return "same"
    if a is None or b is None:
        return "one has none"
    pa, pb = normal_place(str(a)).split(", "), normal_place(str(b)).split(", ")
    if set(pa) < set(pb) or set(pb) < set(pa):
        return "one lacks a part"
    if set(pa) & set(pb):
        return "a part in common"
    return "different"


def _source_class(a: object, b: object) -> str:
    if source_agrees(a, b):
        return "same"
    if a is None or b is None:
        return "one has none"
    return "different"


def disagreements(coders: Comparison) -> list[str]:
    """How the coders' disagreements fall, as counts."""
    kinds = Counter(f"{g['kind']}/{p['kind']}" for g, p in coders.pairs if g["kind"] != p["kind"])
    scopes = Counter(
        f"{g['scope']}/{p['scope']}" for g, p in coders.pairs if g["scope"] != p["scope"]
    )
    places = Counter(_place_class(g.get("place"), p.get("place")) for g, p in coders.pairs)
    sources = Counter(
        _source_class(g.get("attributed_to"), p.get("attributed_to")) for g, p in coders.pairs
    )
    places.pop("same", None)
    sources.pop("same", None)

    def line(counter: Counter[str]) -> str:
        return ", ".join(f"{k} {n}" for k, n in counter.most_common()) or "none"

    return [
        f"  kind (first/second): {line(kinds)}",
        f"  scope (first/second): {line(scopes)}",
        f"  place: {line(places)}",
        f"  source: {line(sources)}",
    ]


def _tolls(corpus: Corpus) -> list[str]:
    first, second = truths(corpus.name), truths(corpus.name, "tolls-second.jsonl")
    if first is None or second is None:
        return []
    by_id = {r.id: r for r in corpus.reports}
    equal = sum(first[a] == second[a] for a in first if a in second)
    overlap = sum(
        first[a].low <= second[a].high and second[a].low <= first[a].high
        for a in first
        if a in second
    )
    lines = [
        f"  tolls: the two readers give the same toll on {equal} of {len(first)} reports"
        f" (overlapping on {overlap})"
    ]
    tolls = {}
    for article, report in by_id.items():
        gold = gold_claims(g for g in corpus.gold if g["article"] == article)
        tolls[article] = (headline(gold, report), headline(extract_claims(report), report))
    for index, label in ((0, "claims (first coding)"), (1, "read (extractor)")):
        right: dict[str, int] = {}
        for name, truth in (("first", first), ("second", second)):
            right[name] = sum(verdict(tolls[a][index], truth[a]) == "right" for a in tolls)
        either = sum(
            verdict(tolls[a][index], first[a]) == "right"
            or verdict(tolls[a][index], second[a]) == "right"
            for a in tolls
        )
        lines.append(
            f"  toll {label:<22} right against the first reader {right['first']},"
            f" the second {right['second']}, either {either} (of {len(tolls)})"
        )
    return lines


def report(
    name: str,
    first: list[dict[str, Any]],
    second: list[dict[str, Any]],
    predicted: list[dict[str, Any]],
) -> list[str]:
    coders = Comparison(first, second)
    vs_first = Comparison(first, predicted)
    vs_second = Comparison(second, predicted)
    agreed = _agreed_claims(coders)
    both = {id(g) for g, _ in coders.pairs}
    on_both = Comparison([g for g in first if id(g) in both], predicted)
    head = "".join(
        f"{label:>7}"
        for label in ("source", "place", "kind", "scope", "qualif", "victim", "when", "part")
    )
    return [
        f"{name}: first coding {len(first)} claims, second {len(second)},"
        f" extractor {len(predicted)}",
        f"  {'':<26} {'P':>6} {'R':>6} {'F1':>6}{head}",
        _row("coders (second vs first)", coders),
        _row("extractor vs first", vs_first),
        _row("extractor vs second", vs_second),
        _row("extractor, coders agree", on_both, agreed, _where_agreed(first, second, predicted)),
        *disagreements(coders),
    ]


def main(argv: list[str]) -> int:
    names = [a for a in argv if not a.startswith("--")]
    all_first: list[dict[str, Any]] = []
    all_second: list[dict[str, Any]] = []
    all_predicted: list[dict[str, Any]] = []
    seen = 0
    for corpus in all_corpora():
        if names and corpus.name not in names:
            continue
        second = second_coding(corpus.name)
        if second is None:
            if names:
                print(f"{corpus.name}: no gold-second.jsonl", file=sys.stderr)
            continue
        predicted = predicted_claims(corpus)
        print("\n".join(report(corpus.name, corpus.gold, second, predicted)))
        print("\n".join(_tolls(corpus)))
        all_first += corpus.gold
        all_second += second
        all_predicted += predicted
        seen += 1
    if seen > 1:
        print("\n".join(report("all", all_first, all_second, all_predicted)))
    if not seen:
        print("no corpus has a second coding (gold-second.jsonl)", file=sys.stderr)
        return 2
    print(
        "source: loose match; place: by the place rule; part: the subgroup link names the "
        "same larger figure; 'coders agree': each field on the claims whose two codings agree "
        "on it, F1 on the claims both coded"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
