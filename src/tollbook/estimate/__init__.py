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

The names are imported when first used (PEP 562), so that importing a light module such
as ``tollbook.estimate.tables`` does not load SciPy, statsmodels and Numba for a caller
(the web app, the CLI) that only reads tables; type checkers see the imports below.
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tollbook.estimate.checks import Checked, Concern, check_table
    from tollbook.estimate.lcmcr import LcmcrPosterior, estimate_lcmcr, sample_lcmcr
    from tollbook.estimate.lcmcr_settings import LcmcrSettings
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

#: Where each public name lives.
_HOME = {
    "Checked": "tollbook.estimate.checks",
    "Concern": "tollbook.estimate.checks",
    "Estimate": "tollbook.estimate.results",
    "EstimationReport": "tollbook.estimate.report",
    "EstimationSettings": "tollbook.estimate.report",
    "Heterogeneity": "tollbook.estimate.loglinear_models",
    "LcmcrPosterior": "tollbook.estimate.lcmcr",
    "LcmcrSettings": "tollbook.estimate.lcmcr_settings",
    "LoglinearFit": "tollbook.estimate.loglinear_fit",
    "LoglinearModel": "tollbook.estimate.loglinear_models",
    "METHODS": "tollbook.estimate.results",
    "Method": "tollbook.estimate.results",
    "NotEstimable": "tollbook.estimate.loglinear",
    "OverlapTable": "tollbook.estimate.tables",
    "ProfileInterval": "tollbook.estimate.profile_interval",
    "Stratum": "tollbook.estimate.tables",
    "StratumResult": "tollbook.estimate.report",
    "WHOLE": "tollbook.estimate.tables",
    "check_table": "tollbook.estimate.checks",
    "estimate_lcmcr": "tollbook.estimate.lcmcr",
    "estimate_loglinear": "tollbook.estimate.loglinear",
    "estimate_strata": "tollbook.estimate.stratified",
    "estimate_table": "tollbook.estimate.stratified",
    "fit_model": "tollbook.estimate.loglinear_fit",
    "hierarchical_models": "tollbook.estimate.loglinear_models",
    "independence": "tollbook.estimate.loglinear_models",
    "parse_heterogeneity": "tollbook.estimate.loglinear_models",
    "parse_model": "tollbook.estimate.loglinear_models",
    "pool": "tollbook.estimate.tables",
    "profile_interval": "tollbook.estimate.profile_interval",
    "rank_fits": "tollbook.estimate.loglinear",
    "sample_lcmcr": "tollbook.estimate.lcmcr",
    "search_models": "tollbook.estimate.loglinear",
    "standard_models": "tollbook.estimate.loglinear_models",
    "stratum_label": "tollbook.estimate.tables",
    "tables_from_memberships": "tollbook.estimate.tables",
}

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


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


class _Package(ModuleType):
    """The package, whose public names are not covered by its submodules: importing
    ``tollbook.estimate.profile_interval`` (the module) would otherwise set the package's
    ``profile_interval`` to the module, hiding the function of that name."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _HOME and isinstance(value, ModuleType):
            return  # the submodule stays in sys.modules; the name means the function
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
