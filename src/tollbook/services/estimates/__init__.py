"""Saved multiple systems estimates: run, save, list, publish, withdraw.

One function per use case, for the CLI and the web app. An estimate is run from the
linked persons in the database (:func:`run_estimate`, which keeps the linkage run they
came from) or from an overlap-table file (:func:`save_file_estimate`, which keeps the
file's name and SHA-256), and saved as a ``draft`` with its tables, its report and its
warnings. A person publishes a draft (:func:`publish_estimate`; when it has warnings, only
after saying they read them) or withdraws an estimate (:func:`withdraw_estimate`, with a
reason). Every save and change is written to the audit log in the same transaction.

Estimates are aggregates: counts of people per combination of lists, never names.
"""

from tollbook.services.estimates.options import (
    DEFAULT_DB_METHOD,
    METHOD_CHOICES,
    EstimateError,
    EstimateNotFound,
    EstimateOptions,
    method_for,
)
from tollbook.services.estimates.publishing import publish_estimate, withdraw_estimate
from tollbook.services.estimates.reading import (
    get_estimate,
    headline,
    list_estimates,
    report_of,
    tables_of,
)
from tollbook.services.estimates.saving import (
    estimate_from_db,
    prepare_file_tables,
    run_estimate,
    save_file_estimate,
)
from tollbook.services.linked_tables import STRATA
from tollbook.store.estimate_repository import SavedEstimate

__all__ = [
    "DEFAULT_DB_METHOD",
    "METHOD_CHOICES",
    "STRATA",
    "EstimateError",
    "EstimateNotFound",
    "EstimateOptions",
    "SavedEstimate",
    "estimate_from_db",
    "get_estimate",
    "headline",
    "list_estimates",
    "method_for",
    "prepare_file_tables",
    "publish_estimate",
    "report_of",
    "run_estimate",
    "save_file_estimate",
    "tables_of",
    "withdraw_estimate",
]
