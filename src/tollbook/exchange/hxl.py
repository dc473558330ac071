"""Incidents out as CSV with HXL hashtags (Humanitarian Exchange Language, hxlstandard.org).

The first row holds column names for people, the second the HXL hashtags, then one row
per incident. Each incident fills the ``#affected+<outcome>+min`` and ``+max`` columns
of its own outcome and leaves the others empty, so HXL tools can sum each column.
Administrative level 1 (``#adm1+name``) is filled when the place itself is a region,
oblast, province or governorate; the offline gazetteer holds no region names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO

from tollbook.domain.claim import OUTCOMES
from tollbook.domain.incident import Incident
from tollbook.exchange.csv_cells import SafeWriter

#: HXL attribute for each outcome (``bodies_found`` -> ``#affected+found``).
_OUTCOME_ATTRIBUTES = {
    "killed": "killed",
    "injured": "injured",
    "missing": "missing",
    "buried": "buried",
    "bodies_found": "found",
}
_OUTCOME_LABELS = {
    "killed": "Killed",
    "injured": "Injured",
    "missing": "Missing",
    "buried": "Buried",
    "bodies_found": "Bodies found",
}
_REGION = re.compile(
    r"\b(?:region|oblast|province|governorate|state|prefecture|county|krai)\b", re.IGNORECASE
)

#: (column name, HXL hashtag) of the columns before and after the figures.
_LEADING = (
    ("Incident", "#event+id"),
    ("Date", "#date"),
    ("End date", "#date+end"),
    ("Country", "#country+code"),
    ("Region", "#adm1+name"),
    ("Place", "#loc+name"),
    ("Latitude", "#geo+lat"),
    ("Longitude", "#geo+lon"),
)
_TRAILING = (
    ("Event", "#description+event"),
    ("Grade", "#status+grade"),
    ("Sources", "#meta+source"),
    ("Independent sources", "#meta+source+num"),
    ("Claims", "#meta+claims"),
    ("Review", "#status+review"),
)


def hxl_columns() -> list[tuple[str, str]]:
    figures = [
        (f"{_OUTCOME_LABELS[o]} ({side})", f"#affected+{_OUTCOME_ATTRIBUTES[o]}+{side}")
        for o in OUTCOMES
        for side in ("min", "max")
    ]
    return [*_LEADING, *figures, *_TRAILING]


def hxl_rows(incidents: Iterable[Incident]) -> list[list[str]]:
    """The two header rows, then one row per incident."""
    columns = hxl_columns()
    rows = [[name for name, _ in columns], [tag for _, tag in columns]]
    for incident in incidents:
        region = incident.place if incident.place and _REGION.search(incident.place) else None
        figures = []
        for outcome in OUTCOMES:
            mine = outcome == incident.outcome
            figures += [str(incident.low) if mine else "", str(incident.high) if mine else ""]
        geo = incident.geo
        rows.append(
            [
                str(incident.id if incident.id is not None else incident.anchor),
                incident.date.isoformat() if incident.date else "",
                incident.end.isoformat() if incident.end else "",
                (geo.country or "") if geo else "",
                region or "",
                "" if region else (incident.place or ""),
                f"{geo.lat:.5f}" if geo else "",
                f"{geo.lon:.5f}" if geo else "",
                *figures,
                incident.event or "",
                incident.grade,
                _sources(incident),
                str(len(incident.source_keys)),
                " ".join(str(c) for c in incident.claim_ids),
                "reviewed"
                if incident.reviewed
                else f"{incident.unreviewed_claims} unreviewed machine claim(s)",
            ]
        )
    return rows


def write_incidents_hxl(incidents: Iterable[Incident], out: IO[str]) -> int:
    """Write the CSV; returns the number of incidents written."""
    rows = hxl_rows(incidents)
    SafeWriter(out, lineterminator="\n").writerows(rows)
    return len(rows) - 2


def _sources(incident: Incident) -> str:
    """Who published each source, as "publisher (speaker)"; a report's id if no publisher."""
    names: list[str] = []
    for source in incident.sources:
        name = source.publisher or f"report {source.article}"
        if source.attributed_to:
            name += f" ({source.attributed_to})"
        if name not in names:
            names.append(name)
    return "; ".join(names)
