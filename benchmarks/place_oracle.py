"""Round 9, steps 1-2: place agreement per corpus with today's rules, and the oracle of a
simple candidate set (the rule answer, every place and site mention of the report as
"site, city" or name, each site widened to its city, null).

Corpora are named on the command line; with none, every corpus except the lead's held-out
outlets-blind7 and outlets-blind8 (never loaded here).
"""

from __future__ import annotations

import re
import sys
from typing import Any

from benchmarks.corpora import DATA, NAMES, load_corpus
from tollbook.extract import extract_claims
from tollbook.extract.places import default_gazetteer, find_places
from tollbook.extract.scoring import matched_pairs, place_agrees
from tollbook.extract.sentences import split_sentences
from tollbook.extract.sites import find_sites, site_places
from tollbook.extract.text_clean import normalise

HELD_OUT = ("outlets-blind7", "outlets-blind8")


def _candidates(text: str, gazetteer: Any) -> set[str]:
    out: set[str] = set()
    for s in split_sentences(text):
        sentence = normalise(s.text)
        places = find_places(sentence, gazetteer)
        out.update(p.place.name for p in places)
        sites = find_sites(sentence)
        for m in site_places(sentence, sites, places, None, gazetteer.lookup):
            out.add(m.place.name)
            out.add(m.place.name.split(", ")[-1])
    return out


_NAME = r"[A-Z][\w'-]+(?:[ -](?:[A-Z][\w'-]+|al|el|de|of))*"
_AFTER_RE = re.compile(
    rf"\b(?:in|at|near|of|from|outside|village of|town of)\s+(?:the\s+)?({_NAME})"
)
_LOWER_SITE_RE = re.compile(
    r"\b(?:a|the)\s+((?:[a-z]+\s)?(?:market|station|bus station|car wash|park|school|hospital|"
    r"mosque|church|camp|factory|mine|bridge|club|hotel|shelter|street|village|port))\b"
)


def spans(text: str) -> set[str]:
    """Step 2c: names the gazetteer lacks (after "in", "at", "near"...) and lowercase sites."""
    out = {m.group(1) for m in _AFTER_RE.finditer(text)}
    out |= {m.group(1) for m in _LOWER_SITE_RE.finditer(text)}
    return out


def paired(names: set[str]) -> set[str]:
    """Every "a, b" of two candidate names: the over-generated pairs of step 2b."""
    towns = {n for n in names if ", " not in n}
    return names | {f"{a}, {b}" for a in names for b in towns if a != b}


def main(argv: list[str]) -> int:
    names = [a for a in argv if not a.startswith("--")] or [
        n for n in NAMES if n not in HELD_OUT and (DATA / n / "reports.jsonl").exists()
    ]
    if any(n in HELD_OUT for n in names):
        print("outlets-blind7 and outlets-blind8 are held out")
        return 2
    gazetteer = default_gazetteer()
    print(f"{'corpus':<16} {'matched':>7} {'rule':>6} {'oracle':>6} {'no cand':>7} {'cands':>6}")
    for name in names:
        corpus = load_corpus(name, DATA / name)
        texts = {r.id: r for r in corpus.reports}
        predicted = [c.to_contract() for r in corpus.reports for c in extract_claims(r)]
        pairs = matched_pairs(corpus.gold, predicted)
        rule = oracle = sizes = 0
        cache: dict[str, set[str]] = {}
        for g, p in pairs:
            if place_agrees(g.get("place"), p.get("place")):
                rule += 1
                oracle += 1
                continue
            rid = str(p.get("article"))
            if rid not in cache:
                r = texts[rid]
                cache[rid] = _candidates((r.title or "") + ". " + r.text, gazetteer)
            found = cache[rid]
            if "--spans" in argv:
                r = texts[rid]
                found = found | spans((r.title or "") + ". " + r.text)
            cands: set[str | None] = set(paired(found) if "--pairs" in argv else found)
            cands.add(None)
            sizes += len(cands)
            if any(place_agrees(g.get("place"), c) for c in cands):
                oracle += 1
        n = len(pairs) or 1
        print(
            f"{name:<16} {len(pairs):>7} {rule / n:>6.2f} {oracle / n:>6.2f} "
            f"{1 - oracle / n:>7.2f} "
            f"{sizes / max(1, len(pairs) - rule):>6.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
