"""Saved estimates as JSON: aggregates only (counts per combination of lists, no names)."""

from __future__ import annotations

from typing import Any

from tollbook.estimate.tables import patterns
from tollbook.services.estimates import SavedEstimate, headline
from tollbook.web.serializers import iso


def provenance_json(saved: SavedEstimate) -> dict[str, Any]:
    """Where the estimate's tables came from, who saved it and when."""
    return {
        "source": saved.source,
        "file_name": saved.file_name,
        "file_sha256": saved.file_sha256,
        "link_run_id": saved.link_run_id,
        "created_at": iso(saved.created_at),
        "actor": saved.actor,
    }


def status_json(saved: SavedEstimate) -> dict[str, Any]:
    return {
        "status": saved.status,
        "published_by": saved.published_by,
        "published_at": iso(saved.published_at),
        "withdrawn_by": saved.withdrawn_by,
        "withdrawn_at": iso(saved.withdrawn_at),
        "withdrawn_reason": saved.withdrawn_reason,
    }


def estimate_summary_json(saved: SavedEstimate) -> dict[str, Any]:
    """One saved estimate in a listing: its headline figures, per method."""
    return {
        "id": saved.id,
        "url": f"/api/estimates/{saved.id}",
        "page": f"/estimates/{saved.id}",
        "method": saved.method,
        "lists": list(saved.lists),
        "strata": list(saved.strata),
        "observed": saved.observed,
        "headline": headline(saved),
        "warnings": len(saved.warnings),
        **provenance_json(saved),
        **status_json(saved),
    }


def tables_json(saved: SavedEstimate) -> list[dict[str, Any]]:
    """The overlap tables: per stratum, how many people are on exactly each combination
    of lists (the combinations named by the lists they are on)."""
    combos = [
        [name for name, on in zip(saved.lists, p, strict=True) if on]
        for p in patterns(len(saved.lists))
    ]
    return [
        {
            "stratum": {str(c): str(v) for c, v in item["stratum"]},
            "cells": [
                {"lists": combo, "count": int(count)}
                for combo, count in zip(combos, item["counts"], strict=True)
            ],
        }
        for item in saved.tables
    ]


def estimate_json(saved: SavedEstimate) -> dict[str, Any]:
    """A saved estimate in full: provenance, options, tables, report and warnings."""
    return {
        **estimate_summary_json(saved),
        "options": saved.options,
        "warnings": list(saved.warnings),
        "tables": tables_json(saved),
        "report": saved.report,
        "charts": {
            "overlaps": f"/api/estimates/{saved.id}/charts/overlaps.svg",
            "estimates": f"/api/estimates/{saved.id}/charts/estimates.svg",
        },
    }


def public_estimate_json(saved: SavedEstimate) -> dict[str, Any]:
    """A published estimate for everyone: the figures, the lists they rest on and the
    warnings that go with them; no overlap tables, files or names of the staff."""
    return {
        "id": saved.id,
        "url": f"/api/public/estimates/{saved.id}",
        "page": f"/public/estimates/{saved.id}",
        "method": saved.method,
        "lists": list(saved.lists),
        "strata": list(saved.strata),
        "observed": saved.observed,
        "headline": headline(saved),
        "warnings": list(saved.warnings),
        "published_at": iso(saved.published_at),
    }
