"""The published figures as files anyone may download: CSV with the HXL hashtags on its
second row (so humanitarian tools read the columns), and JSON. Aggregate figures only,
as published: no names, sources or evidence. Pure: figures in, text out."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

TOLL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("place", "#loc+name"),
    ("outcome", "#meta+outcome"),
    ("period_start", "#date+start"),
    ("period_end", "#date+end"),
    ("figure", "#meta+figure"),
    ("date", "#date"),
    ("low", "#affected+num+min"),
    ("high", "#affected+num+max"),
    ("qualifier", "#meta+qualifier"),
    ("incidents", "#meta+incidents+num"),
    ("published", "#date+published"),
)
ESTIMATE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("estimate_id", "#meta+id"),
    ("method", "#meta+method"),
    ("basis", "#meta+basis"),
    ("on_the_lists", "#affected+num+observed"),
    ("estimated_in_all", "#affected+num+estimated"),
    ("not_on_any_list", "#affected+num+missed"),
    ("lower_95", "#affected+num+estimated+min"),
    ("upper_95", "#affected+num+estimated+max"),
    ("model", "#meta+model"),
    ("lists", "#meta+lists"),
    ("published", "#date+published"),
)


def toll_rows(published: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per figure of a publication (as ``publication_json`` gives it): the
    documented count, each step of its series, and beside them the latest official and
    reported running totals and the estimates (never added to the documented count)."""
    figures = published["figures"]
    period = published["period"]
    common = {
        "place": published["place"],
        "outcome": published["outcome"],
        "period_start": period["start"],
        "period_end": period["end"],
        "published": (published.get("published_at") or "")[:10],
    }
    rows = [
        {
            **common,
            "figure": "documented",
            "date": period["end"],
            "low": figures["min"],
            "high": figures["max"],
            "qualifier": "range",
            "incidents": figures["incidents"],
        }
    ]
    for point in figures.get("series") or ():
        rows.append(
            {
                **common,
                "figure": "documented_up_to",
                "date": point["date"],
                "low": point["min"],
                "high": point["max"],
                "qualifier": "range",
            }
        )
    beside = [
        ("latest_official", figures.get("latest_official")),
        ("latest_reported", figures.get("latest_reported")),
    ] + [("estimate", e) for e in figures.get("estimates") or ()]
    for name, found in beside:
        if found:
            rows.append(
                {
                    **common,
                    "figure": name,
                    "date": found.get("date"),
                    "low": found.get("low"),
                    "high": found.get("high"),
                    "qualifier": found.get("qualifier"),
                }
            )
    return rows


def estimate_rows(estimate: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One row per headline of a published estimate (``public_estimate_json``)."""
    return [
        {
            "estimate_id": estimate["id"],
            "method": h.get("method"),
            "basis": h.get("basis"),
            "on_the_lists": h.get("observed"),
            "estimated_in_all": h.get("estimate"),
            "not_on_any_list": h.get("missed"),
            "lower_95": h.get("lower"),
            "upper_95": h.get("upper"),
            "model": h.get("model"),
            "lists": "; ".join(estimate.get("lists") or ()),
            "published": (estimate.get("published_at") or "")[:10],
        }
        for h in estimate.get("headline") or ()
    ]


def hxl_csv(columns: Sequence[tuple[str, str]], rows: Sequence[Mapping[str, Any]]) -> str:
    """CSV: the column names, then their HXL hashtags, then the rows (blank for none)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in columns])
    writer.writerow([tag for _, tag in columns])
    for row in rows:
        writer.writerow(["" if row.get(name) is None else row[name] for name, _ in columns])
    return out.getvalue()
