"""Estimating how many people no list counted: multiple systems estimation (pure: no I/O).

From how many people are on each combination of lists (an :class:`OverlapTable`), estimate
the total, seen and unseen, with an honest interval, as HRDAG does:

- log-linear models as in the R package Rcapture (:func:`estimate_loglinear`,
  :func:`search_models`, :func:`fit_model`, :func:`profile_interval`);
- the Bayesian latent class model of the R package LCMCR (:func:`estimate_lcmcr`);
- per stratum, and summed (:func:`estimate_strata`), after checks that refuse or warn in
  plain words (:func:`check_table`).

Tables come from published overlap counts, or from linked persons through
:func:`tables_from_memberships`.
"""

from tollbook.estimate.checks import Checked, Concern, check_table
from tollbook.estimate.lcmcr import LcmcrPosterior, LcmcrSettings, estimate_lcmcr, sample_lcmcr
from tollbook.estimate.loglinear import (
    NotEstimable,
    estimate_loglinear,
    rank_fits,
    search_models,
)
from tollbook.estimate.loglinear_fit import LoglinearFit, fit_model
from tollbook.estimate.loglinear_models import (
    Heterogeneity,
    LoglinearModel,
    hierarchical_models,
    independence,
    parse_heterogeneity,
    parse_model,
    standard_models,
)
from tollbook.estimate.profile_interval import ProfileInterval, profile_interval
from tollbook.estimate.report import EstimationReport, EstimationSettings, StratumResult
from tollbook.estimate.results import METHODS, Estimate, Method
from tollbook.estimate.stratified import estimate_strata, estimate_table
from tollbook.estimate.tables import (
    WHOLE,
    OverlapTable,
    Stratum,
    pool,
    stratum_label,
    tables_from_memberships,
)

__all__ = [
    "METHODS",
    "WHOLE",
    "Checked",
    "Concern",
    "Estimate",
    "EstimationReport",
    "EstimationSettings",
    "Heterogeneity",
    "LcmcrPosterior",
    "LcmcrSettings",
    "LoglinearFit",
    "LoglinearModel",
    "Method",
    "NotEstimable",
    "OverlapTable",
    "ProfileInterval",
    "Stratum",
    "StratumResult",
    "check_table",
    "estimate_lcmcr",
    "estimate_loglinear",
    "estimate_strata",
    "estimate_table",
    "fit_model",
    "hierarchical_models",
    "independence",
    "parse_heterogeneity",
    "parse_model",
    "pool",
    "profile_interval",
    "rank_fits",
    "sample_lcmcr",
    "search_models",
    "standard_models",
    "stratum_label",
    "tables_from_memberships",
]
