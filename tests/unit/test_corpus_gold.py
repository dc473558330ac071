"""The hand-coded gold of every corpus in tests/data keeps the claim contract.

This reads the files only (it does not run the extractor), so a corpus kept blind, such as
``outlets-blind``, is checked here without ever being scored: ids agree between reports and
gold, each claim's evidence is a substring of its own report, the enum fields take allowed
values, low/high fit the qualifier, and ``part_of`` (where a corpus codes it) names another
claim of the same report.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tollbook.domain.claim import CONTRACT_FIELDS, KINDS, OUTCOMES, QUALIFIERS, SCOPES

DATA = Path(__file__).resolve().parents[1] / "data"
CORPORA = sorted(p.parent.name for p in DATA.glob("*/gold.jsonl"))
#: Every coding of a corpus: ``gold.jsonl``, and ``gold-second.jsonl`` where a second coder
#: coded the same reports blind to the first (``benchmarks/extract_agreement.py``).
CODINGS = sorted(f"{p.parent.name}/{p.name}" for p in DATA.glob("*/gold*.jsonl"))
#: Corpora coded in the format of issue 12: every gold line has ``part_of``, and report
#: ids are ``<corpus>-NN``.
WITH_PART_OF = (
    "outlets-blind",
    "outlets-blind2",
    "outlets-blind3",
    "outlets-blind4",
    "outlets-blind5",
    "outlets-blind6",
    "outlets-blind7",
    "outlets-blind8",
    "outlets-blind9",
    "outlets-blind10",
    "outlets-blind11",
    "outlets-blind12",
    "outlets-blind13",
    "outlets-blind14",
    "outlets-blind15",
    "outlets-blind16",
    "outlets-blind18",
    "outlets-blind17",
    "outlets-blind20",
    "outlets-blind19",
    "outlets-blind21",
    "outlets-blind22",
    "outlets-blind23",
    "outlets-blind24",
    "outlets-blind25",
    "outlets-blind26",
    "outlets-blind27",
    "outlets-blind28",
    "outlets-blind29",
    "outlets-blind30",
    "outlets-blind31",
    "outlets-blind32",
    "outlets-blind34",
    "outlets-blind33",
    "outlets-blind35",
    "outlets-blind36",
    "outlets-blind37",
    "outlets-blind38",
    "outlets-blind39",
    "outlets-blind40",
    "outlets-blind41",
    "outlets-blind42",
    "outlets-blind43",
    "outlets-blind45",
    "outlets-blind44",
    "outlets-blind47",
    "outlets-blind46",
    "outlets-blind49",
    "outlets-blind48",
    "outlets-blind50",
    "outlets-blind51",
    "outlets-blind52",
    "outlets-blind53",
    "outlets-blind54",
    "outlets-blind55",
    "outlets-blind56",
    "outlets-blind72",
    "outlets-blind73",
    "outlets-blind74",
    "outlets-blind75",
    "outlets-blind70",
    "outlets-blind71",
    "outlets-blind68",
    "outlets-blind69",
    "outlets-blind64",
    "outlets-blind65",
    "outlets-blind66",
    "outlets-blind67",
    "outlets-blind62",
    "outlets-blind63",
    "outlets-blind60",
    "outlets-blind61",
    "outlets-blind57",
    "outlets-blind59",
    "outlets-blind58",
    "outlets-final",
)
WHEN = re.compile(r"^\d{4}-\d{2}-\d{2}(/\d{4}-\d{2}-\d{2})?$")


def _lines(path: Path) -> list[dict[str, object]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            row = json.loads(line)
            assert isinstance(row, dict), f"{path}:{number}: not an object"
            rows.append(row)
    return rows


@pytest.mark.parametrize("coding", CODINGS)
def test_gold_keeps_the_contract(coding: str) -> None:
    name, file = coding.split("/")
    reports = _lines(DATA / name / "reports.jsonl")
    gold = _lines(DATA / name / file)
    texts = {str(r["id"]): str(r["text"]) for r in reports}
    assert len(texts) == len(reports), f"{name}: duplicate report ids"
    for number, claim in enumerate(gold, start=1):
        where = f"{coding}:{number}"
        assert set(CONTRACT_FIELDS) <= set(claim), f"{where}: missing contract fields"
        article = str(claim["article"])
        assert article in texts, f"{where}: unknown article {article}"
        assert str(claim["evidence"]) in texts[article], f"{where}: evidence not in {article}"
        assert claim["outcome"] in OUTCOMES, f"{where}: outcome {claim['outcome']}"
        assert claim["qualifier"] in QUALIFIERS, f"{where}: qualifier {claim['qualifier']}"
        assert claim["scope"] in SCOPES, f"{where}: scope {claim['scope']}"
        assert claim["kind"] in KINDS, f"{where}: kind {claim['kind']}"
        when = claim["when"]
        assert when is None or WHEN.match(str(when)), f"{where}: when {when}"
        low, high, qualifier = claim["low"], claim["high"], claim["qualifier"]
        assert low is None or isinstance(low, int), f"{where}: low {low!r}"
        assert high is None or isinstance(high, int), f"{where}: high {high!r}"
        if qualifier in ("exact", "about"):
            assert low is not None and low == high, f"{where}: {qualifier} needs low == high"
        elif qualifier in ("at_least", "more_than"):
            assert low is not None and high is None, f"{where}: {qualifier} needs low only"
        elif qualifier == "up_to":
            assert low is None and high is not None, f"{where}: up_to needs high only"
        elif qualifier == "vague":
            assert low is None and high is None, f"{where}: vague carries no number"
        elif qualifier == "range":
            assert low is not None and high is not None and low <= high, f"{where}: range"
        else:  # derived: computed from a figure that may itself have one bound
            assert low is not None or high is not None, f"{where}: derived needs a number"
            if low is not None and high is not None:
                assert low <= high, f"{where}: derived low > high"


@pytest.mark.parametrize("coding", [c for c in CODINGS if c.split("/")[0] in WITH_PART_OF])
def test_ids_and_subgroup_links_of_the_issue_12_corpora(coding: str) -> None:
    name, file = coding.split("/")
    reports = _lines(DATA / name / "reports.jsonl")
    gold = _lines(DATA / name / file)
    ids = [str(r["id"]) for r in reports]
    assert ids == [f"{name}-{n:02d}" for n in range(1, len(ids) + 1)], f"{name}: ids"
    for report in reports:
        assert str(report["text"]).split("\n", 1)[0] == report["title"], f"{report['id']}: title"
    by_article: dict[str, list[dict[str, object]]] = {}
    for claim in gold:
        by_article.setdefault(str(claim["article"]), []).append(claim)
    assert list(by_article) == [i for i in ids if i in by_article], f"{name}: gold out of order"
    for article, claims in by_article.items():
        for i, claim in enumerate(claims):
            part = claim["part_of"]
            if part is not None:
                assert isinstance(part, int) and 0 <= part < len(claims) and part != i, (
                    f"{article} claim {i}: part_of {part} is not another claim of the report"
                )
