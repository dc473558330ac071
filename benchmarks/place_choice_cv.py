"""Round 9, step 3 (a first try): a conditional-logit chooser over the candidate places of
``place_oracle --spans``, judged by leave-one-corpus-out cross-validation against the rules
on the same matched claims. outlets-blind5/6 are never loaded.
"""

from __future__ import annotations

import sys
from typing import Any

import numpy as np
from scipy.optimize import minimize

from benchmarks.corpora import DATA, NAMES, load_corpus
from benchmarks.place_oracle import HELD_OUT, _candidates, spans
from tollbook.extract import extract_claims
from tollbook.extract.places import default_gazetteer
from tollbook.extract.scoring import matched_pairs, place_agrees

#: ``--no-rule`` drops the feature "is today's rule answer" (the chooser on its own)
_MASK = np.array([1.0, 0.0 if "--no-rule" in sys.argv else 1.0, *[1.0] * 10])
Group = tuple[np.ndarray, np.ndarray, bool]  # features, labels, rule agrees


def _position(first: str, text: str, at: int) -> list[float]:
    """Distance to the mention nearest the figure (log chars), whether it comes before the
    figure, "taken to"/"hospital" just before it, not found in the text."""
    hits = [i for i in range(len(text)) if text.startswith(first, i)] if first else []
    if not hits:
        return [0.0, 0.0, 0.0, 1.0]
    near = min(hits, key=lambda i: abs(i - at))
    before = text[max(0, near - 20) : near].lower()
    return [
        float(np.log1p(abs(near - at))) / 8,
        float(near <= at),
        float("taken to" in before or "hospital" in before),
        0.0,
    ]


def _features(
    cand: str | None, rule: Any, evidence: str, text: str, head: str, at: int
) -> list[float]:
    if cand is None:
        return [1.0, float(rule is None), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
    first = cand.split(",")[0]
    return [
        0.0,
        float(place_agrees(cand, rule)),
        float(first in evidence),
        float(first in head),
        float(first in text[:400]),
        float(np.log1p(text.count(first))),
        float("," in cand),
        float(any(f"{w} {first}" in text for w in ("in", "at", "near"))),
        *_position(first, text, at),
    ]


def _groups(name: str, gaz: Any) -> list[Group]:
    corpus = load_corpus(name, DATA / name)
    reports = {r.id: r for r in corpus.reports}
    predicted = [c.to_contract() for r in corpus.reports for c in extract_claims(r)]
    out = []
    for g, p in matched_pairs(corpus.gold, predicted):
        r = reports[str(p["article"])]
        text = (r.title or "") + ". " + r.text
        at = len(r.title or "") + 2 + int(p.get("evidence_start") or 0)
        names: set[str | None] = set(_candidates(text, gaz) | spans(text))
        names |= {p.get("place"), None}
        cands = sorted(names, key=lambda c: (c is None, str(c)))
        x = np.array(
            [
                _features(c, p.get("place"), str(p.get("evidence")), text, r.title or "", at)
                for c in cands
            ]
        )
        y = np.array([place_agrees(g.get("place"), c) for c in cands], dtype=float)
        out.append((x, y, place_agrees(g.get("place"), p.get("place"))))
    return out


def _fit(groups: list[Group], l2: float = 1.0) -> np.ndarray:
    train = [(x * _MASK, y) for x, y, _ in groups if y.any()]

    def loss(w: np.ndarray) -> float:
        total = l2 * float(w @ w)
        for x, y in train:
            s = x @ w
            m = s.max()
            lse = m + np.log(np.exp(s - m).sum())
            total -= np.log(np.exp(s - m)[y > 0].sum()) + m - lse
        return total

    return np.asarray(minimize(loss, np.zeros(train[0][0].shape[1]), method="L-BFGS-B").x)


def main(argv: list[str]) -> int:
    names = [a for a in argv if not a.startswith("--")] or [
        n for n in NAMES if n not in HELD_OUT and (DATA / n / "reports.jsonl").exists()
    ]
    if any(n in HELD_OUT for n in names):
        return 2
    gaz = default_gazetteer()
    data = {n: _groups(n, gaz) for n in names}
    print(f"{'left out':<16} {'claims':>6} {'rule':>6} {'chooser':>7}")
    for n in names:
        w = _fit([g for m in names if m != n for g in data[m]])
        test = data[n]
        chosen = sum(float(y[int(np.argmax((x * _MASK) @ w))]) for x, y, _ in test)
        rule = sum(r for _, _, r in test)
        k = len(test) or 1
        print(f"{n:<16} {len(test):>6} {rule / k:>6.2f} {chosen / k:>7.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
