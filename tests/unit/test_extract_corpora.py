"""The extractor against the project's own coded corpora (tests/data): a floor on strict F1.

The figures are printed by ``benchmarks/extract_accuracy.py``; this test keeps them from
sliding back unnoticed. Each corpus was written and coded by hand for this project.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest

from tollbook.domain.claim import CONTRACT_FIELDS, Claim
from tollbook.domain.report import Report
from tollbook.exchange.report_files import read_jsonl_reports
from tollbook.extract import extract_claims
from tollbook.extract.scoring import agreement, place_agrees, source_agrees, strict_score

DATA = Path(__file__).resolve().parents[1] / "data"
FLOORS = {
    "devset": 0.95,
    "heldout": 0.95,
    "unseen": 0.92,
    "fresh": 0.92,
    "outlets": 0.95,
    "outlets-heldout": 0.92,  # scored once after tuning (0.935); never tuned on
    "outlets-final": 0.90,  # scored twice (0.912), then tuned on in round 4
    "outlets-blind": 0.92,  # scored once (0.934), tuned on in round 5
    "outlets-blind2": 0.87,  # scored blind before and after round 5 (0.892); tuned on from round 6
    "outlets-blind3": 0.86,  # blind: scored before round 6 (0.889), tuned on from round 7
    "outlets-blind4": 0.87,  # blind: scored before round 7 (0.904), tuned on from round 8
    "outlets-blind5": 0.86,  # blind: scored before and after round 8 (0.884 both), never tuned on
    "outlets-blind6": 0.88,  # blind: scored before and after round 8 (0.901 both), never tuned on
    "outlets-blind7": 0.91,  # blind: scored once after round 12 (0.933), never tuned on
    "outlets-blind8": 0.91,  # blind: scored once after round 12 (0.936), never tuned on
    "outlets-blind9": 0.91,  # blind: scored before and after round 13 (0.933 both); tuned on since
    "outlets-blind10": 0.85,  # blind: scored before and after round 13 (0.875, 0.879); tuned on
    "outlets-blind11": 0.88,  # blind: scored before and after round 14 (0.905, 0.912); tuned on
    "outlets-blind12": 0.87,  # blind: scored before and after round 14 (0.884, 0.899); tuned on
    "outlets-blind13": 0.91,  # blind: scored before and after round 15 (0.933 both)
    "outlets-blind14": 0.86,  # blind: scored before and after round 15 (0.889 both)
    "outlets-blind15": 0.89,  # blind: scored once on 4 December (0.914), tuned on from round 49
    "outlets-blind16": 0.91,  # blind: scored once on 4 December (0.930), never tuned on
    "outlets-blind17": 0.87,  # blind: scored once on 5 December in round 26 (0.893), tuned on
    "outlets-blind18": 0.91,  # blind: scored once on 5 December before round 26 (0.934), tuned on
    "outlets-blind19": 0.91,  # Ukrainian, blind: scored once before round 27 (0.877), tuned on
    "outlets-blind20": 0.87,  # Russian, blind: scored once before round 27 (0.836), tuned on
    "outlets-blind21": 0.88,  # Ukrainian, blind: scored after rounds 27 and 28 (0.902), tuned on
    "outlets-blind22": 0.84,  # Russian, blind: scored once after round 27 (0.869), tuned on
    "outlets-blind23": 0.84,  # Russian, blind: scored once after round 28 (0.870), never tuned on
    "outlets-blind24": 0.88,  # Ukrainian, blind: scored once after round 28 (0.908), never tuned
    "outlets-blind25": 0.90,  # blind: scored once before round 29 (0.922), tuned on
    "outlets-blind26": 0.82,  # blind: scored once before round 29 (0.848), tuned on
    "outlets-blind27": 0.88,  # blind: scored at round 29 start and end (0.899, 0.925), tuned in 30
    "outlets-blind28": 0.91,  # blind: scored at round 29 start and end (0.929, 0.942), tuned in 30
    "outlets-blind29": 0.92,  # blind: scored at round 30 start and end (0.948 both), tuned in 31
    "outlets-blind30": 0.87,  # blind: scored at round 30 start and end (0.893 both), tuned in 31
    "outlets-blind31": 0.88,  # blind: scored once at round 31 start (0.905), never tuned on
    "outlets-blind32": 0.89,  # blind: scored at round 31 start and end (0.912), tuned in 32
    "outlets-blind34": 0.87,  # blind: scored once mid-round 31 (0.895), then tuned on
    "outlets-blind33": 0.89,  # blind: scored once later in round 31 (0.921), then tuned on
    "outlets-blind35": 0.90,  # blind: scored once at round 32 start (0.928), never tuned on
    "outlets-blind36": 0.88,  # blind: scored once at round 32 start (0.905), then tuned on
    "outlets-blind37": 0.88,  # blind: scored at round 32 start (0.906) and end, tuned in round 33
    "outlets-blind38": 0.89,  # blind: scored once at round 32 start (0.919), never tuned on
    "outlets-blind39": 0.86,  # blind: scored once on arrival in round 32 (0.884), tuned on
    "outlets-blind40": 0.87,  # blind: scored once on arrival in round 32 (0.896), tuned on
    "outlets-blind41": 0.91,  # blind: scored at round 33 start and mid (0.936), tuned in 33
    "outlets-blind42": 0.91,  # blind: scored in round 33 (0.933, start and end), tuned on
    "outlets-blind43": 0.87,  # blind: scored in rounds 33 and 34 (0.898), spent in round 34
    "outlets-blind45": 0.86,  # blind: scored once on arrival in round 33 (0.881), tuned on
    "outlets-blind44": 0.89,  # blind: scored once on arrival in round 33 (0.916), tuned on
    "outlets-blind46": 0.87,  # blind: scored once on arrival in round 33 (0.895), never tuned on
    "outlets-blind47": 0.90,  # blind: scored once on arrival in round 33 (0.926), then spent
    "outlets-blind48": 0.92,  # blind: scored once on arrival in round 34 (0.951), then spent
    "outlets-blind49": 0.87,  # blind: scored once on arrival in round 34 (0.894), never tuned on
    "outlets-blind50": 0.88,  # blind: scored once on arrival in round 34 (0.907), never tuned on
    "outlets-blind51": 0.85,  # blind: scored once on arrival in round 34 (0.879), never tuned on
    "outlets-blind52": 0.90,  # blind: scored once on arrival in round 35 (0.930), never tuned on
    "outlets-blind53": 0.87,  # blind: scored once on arrival in round 35 (0.902), spent in 36
    "outlets-blind54": 0.80,  # blind: scored once on arrival in round 35 (0.830), then spent
    "outlets-blind55": 0.89,  # blind: scored once on arrival at round 35's end (0.921), never tuned
    "outlets-blind56": 0.91,  # blind: scored once on arrival at round 35's end (0.943), never tuned
    "outlets-blind57": 0.92,  # blind: scored once at round 36's end (0.954), never tuned
    "outlets-blind58": 0.85,  # blind: scored once at round 36's end (0.884), never tuned
    "outlets-blind59": 0.92,  # blind: scored once at round 36's end (0.952), never tuned
    "outlets-blind60": 0.87,  # blind: scored once on arrival in round 37 (0.899), then spent
    "outlets-blind61": 0.79,  # blind: scored once on arrival in round 37 (0.822), then spent
    "outlets-blind62": 0.87,  # blind: scored at round 37's end (0.896), tuned from round 49
    "outlets-blind63": 0.79,  # blind: scored at round 37's end (0.820), tuned from round 49
    "outlets-blind64": 0.91,  # blind: scored at round 38's end (0.945), tuned from round 49
    "outlets-blind65": 0.88,  # blind: scored once at round 38's end (0.912), never tuned
    "outlets-blind66": 0.80,  # blind: scored once on arrival in round 38 (0.838), then spent
    "outlets-blind67": 0.80,  # blind: scored once on arrival in round 38 (0.832), then spent
    "outlets-blind68": 0.91,  # blind: scored once on arrival in round 39 (0.948), then spent
    "outlets-blind70": 0.87,  # blind: scored once on arrival in round 39 (0.914), then spent
    "outlets-blind72": 0.85,  # blind: scored once on arrival in round 40 (0.888), then spent
    "outlets-blind73": 0.77,  # blind: scored once on arrival in round 40 (0.800), then spent
    "outlets-blind74": 0.93,  # blind: scored once on arrival in round 41 (0.961), then spent
    "outlets-blind75": 0.90,  # blind: scored once on arrival in round 41 (0.929), then spent
    "devset-uk-ru": 0.95,  # Ukrainian and Russian, tuned on (first score 0.978)
    "outlets-uk-ru": 0.87,  # Ukrainian and Russian, scored once (0.897), tuned on in round 5
}
#: Floors on the fields issue 12 is about, for the corpus the rules were tuned on.
FIELD_FLOORS = {"attributed_to": 0.80, "place": 0.70, "kind": 0.85, "scope": 0.85}
#: The same for outlets-blind and outlets-uk-ru, tuning data since round 5 (measured at its
#: end: source 0.82 and 0.70, place 0.64 and 0.56, kind 0.87 and 0.79, scope 0.94 and 0.83),
#: each a little below what was measured.
BLIND_FIELD_FLOORS = {"attributed_to": 0.80, "place": 0.63, "kind": 0.85, "scope": 0.93}
#: Raised in round 6 (measured at its end: outlets-uk-ru source 0.70, place 0.67, kind 0.82,
#: scope 0.89; outlets-blind2, tuning data since round 6: 0.78, 0.61, 0.79, 0.98).
UK_RU_FIELD_FLOORS = {"attributed_to": 0.67, "place": 0.63, "kind": 0.79, "scope": 0.86}
BLIND2_FIELD_FLOORS = {"attributed_to": 0.75, "place": 0.60, "kind": 0.78, "scope": 0.95}
#: Round 7 (reading a report as a whole) raised outlets-blind, outlets-blind2 and made
#: outlets-blind3 tuning data (measured at its end: blind place 0.66, scope 0.95; blind2 place
#: 0.63, kind 0.81; blind3 source 0.82, place 0.53, kind 0.84, scope 0.94).
BLIND3_FIELD_FLOORS = {"attributed_to": 0.80, "place": 0.50, "kind": 0.81, "scope": 0.92}
#: Round 8 made outlets-blind4 tuning data (measured at its end: source 0.78, place 0.53, kind
#: 0.84, scope 0.92; at its start 0.78, 0.44, 0.78, 0.88).
BLIND4_FIELD_FLOORS = {"attributed_to": 0.76, "place": 0.51, "kind": 0.82, "scope": 0.90}
#: Round 27 made outlets-blind19 (Ukrainian) and outlets-blind20 (Russian) tuning data
#: (measured at its end: source 0.79 and 0.82, place 0.61 and 0.49, kind 0.88 and 0.89, scope
#: 0.80 and 0.88; at its start 0.51 and 0.52, 0.50 and 0.31, 0.61 and 0.55, 0.71 and 0.81).
BLIND19_FIELD_FLOORS = {"attributed_to": 0.75, "place": 0.56, "kind": 0.84, "scope": 0.76}
BLIND20_FIELD_FLOORS = {"attributed_to": 0.78, "place": 0.44, "kind": 0.85, "scope": 0.84}


@cache
def _extracted(name: str) -> tuple[list[Report], list[dict[str, object]], list[list[Claim]]]:
    """A corpus, its gold and each report's claims: read and extracted once for the
    module's four tests of it (each extraction takes seconds on the larger corpora)."""
    reports, gold = _load(name)
    return reports, gold, [extract_claims(r) for r in reports]


def _load(name: str) -> tuple[list[Report], list[dict[str, object]]]:
    lines = list(read_jsonl_reports(DATA / name / "reports.jsonl"))
    assert all(line.report is not None for line in lines)
    gold = [
        json.loads(line)
        for line in (DATA / name / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return [line.report for line in lines if line.report is not None], gold


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_strict_f1_floor(name: str) -> None:
    _, gold, claims = _extracted(name)
    predicted = [c.to_contract() for found in claims for c in found]
    score = strict_score(gold, predicted)
    assert score.f1 >= FLOORS[name], f"{name}: F1 {score.f1:.3f} < {FLOORS[name]}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_claims_keep_the_contract_and_their_evidence(name: str) -> None:
    reports, gold, claims = _extracted(name)
    by_id = {r.id: r for r in reports}
    coded = defaultdict(list)
    for claim in gold:
        coded[claim["article"]].append(claim)
    for report, found in zip(reports, claims, strict=True):
        for claim in found:
            record = claim.to_contract()
            assert list(record)[: len(CONTRACT_FIELDS)] == list(CONTRACT_FIELDS)
            assert claim.evidence in by_id[claim.article].text
        if not coded[report.id]:  # reports with no casualty figure at all
            assert found == [], f"{report.id}: expected no claims"


@pytest.mark.parametrize(
    ("name", "floors"),
    [
        ("outlets", FIELD_FLOORS),
        ("outlets-blind", BLIND_FIELD_FLOORS),
        ("outlets-uk-ru", UK_RU_FIELD_FLOORS),
        ("outlets-blind2", BLIND2_FIELD_FLOORS),
        ("outlets-blind3", BLIND3_FIELD_FLOORS),
        ("outlets-blind4", BLIND4_FIELD_FLOORS),
        ("outlets-blind19", BLIND19_FIELD_FLOORS),
        ("outlets-blind20", BLIND20_FIELD_FLOORS),
    ],
)
def test_the_fields_of_the_outlets_corpora_keep_their_floor(
    name: str, floors: dict[str, float]
) -> None:
    _, gold, claims = _extracted(name)
    predicted = [c.to_contract() for found in claims for c in found]
    rules = {"attributed_to": source_agrees, "place": place_agrees}
    for field, floor in floors.items():
        got = agreement(gold, predicted, field, rules.get(field))
        assert got >= floor, f"{name}: {field} {got:.2f} < {floor}"


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_subgroup_names_an_earlier_claim_of_its_report(name: str) -> None:
    for found in _extracted(name)[2]:
        for i, claim in enumerate(found):
            if claim.part_of is not None:
                assert 0 <= claim.part_of < len(found) and claim.part_of != i
