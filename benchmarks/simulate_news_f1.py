"""Strict F1 of the extractor (same article, outcome, low and high) on simulated news,
whose gold claims are correct by construction; over a few seeds.

    .venv/bin/python -m benchmarks.simulate_news_f1 [--people N] [--seeds 1,2,3] [--errors]
        [--languages en,uk,ru]

With ``--languages`` the news include the Ukrainian and Russian posts
(``SiegeConfig.news_languages``) and the score is printed per language as well.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tollbook.domain.claim import CONTRACT_FIELDS
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.places import default_gazetteer
from tollbook.extract.scoring import strict_key, strict_score
from tollbook.simulate import SiegeConfig, simulate_siege


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seeds", default="1,2,3")
    parser.add_argument("--errors", action="store_true", help="print missed/spurious claims")
    parser.add_argument("--languages", default="en", help="news languages, e.g. en,uk,ru")
    args = parser.parse_args(argv)
    languages = tuple(args.languages.split(","))
    gazetteer = default_gazetteer()
    gold: list[dict[str, Any]] = []
    predicted: list[dict[str, Any]] = []
    reports = 0
    language_of: dict[str, str] = {}
    for seed in (int(s) for s in args.seeds.split(",")):
        config = SiegeConfig(people=args.people, seed=seed, news_languages=languages)
        news = simulate_siege(config).news
        for r in news.reports:
            language_of[f"{seed}:{r.id}"] = _language(r.text)
            report = Report(id=f"{seed}:{r.id}", text=r.text, published=r.published, title=r.title)
            for claim in extract_claims(report, gazetteer):
                contract = claim.to_contract()
                predicted.append({k: contract[k] for k in CONTRACT_FIELDS})
        gold.extend({**g, "article": f"{seed}:{g['article']}"} for g in news.gold)
        reports += len(news.reports)
    score = strict_score(gold, predicted)
    print(f"simulated news: {reports} reports, {len(gold)} gold claims, {len(predicted)} found")
    print(f"  strict P {score.precision:.3f}  R {score.recall:.3f}  F1 {score.f1:.3f}")
    if len(languages) > 1:
        for language in sorted(set(language_of.values())):
            part = strict_score(
                [g for g in gold if language_of[g["article"]] == language],
                [p for p in predicted if language_of[p["article"]] == language],
            )
            print(
                f"  {language}: {sum(v == language for v in language_of.values())} reports, "
                f"P {part.precision:.3f}  R {part.recall:.3f}  F1 {part.f1:.3f}"
            )
    if args.errors:
        got = [strict_key(p) for p in predicted]
        want = [strict_key(g) for g in gold]
        for g in gold:
            key = strict_key(g)
            if key in got:
                got.remove(key)
            else:
                print(f"  MISSED   {key} :: {str(g['evidence'])[:140]}")
        for p in predicted:
            key = strict_key(p)
            if key in want:
                want.remove(key)
            else:
                print(f"  SPURIOUS {key} :: {str(p['evidence'])[:140]}")
    return 0


def _language(text: str) -> str:
    if "С начала блокады" in text or "погибш" in text:
        return "ru"
    return "uk" if any("\u0400" <= ch <= "\u04ff" for ch in text) else "en"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
