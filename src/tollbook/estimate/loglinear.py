"""Log-linear estimation: search the hierarchical models, keep the best, give its interval.

``search_models`` fits every hierarchical model (Rcapture's ``closedpMS.t``) and ranks them
by BIC or AIC; ``estimate_loglinear`` turns the best one (or a model you name) into an
:class:`Estimate` with its profile-likelihood interval, and warns when another model fits
almost as well but tells a different story, because the interval does not include the
uncertainty of choosing the model. By default (3 to 5 lists, no heterogeneity named) the
search weighs every model with Darroch's heterogeneity term against those without it, by
the same criterion (``default_search``), and says so when it chooses heterogeneity.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import combinations
from typing import Literal

from tollbook.domain.text import N_
from tollbook.estimate.checks import size_concerns
from tollbook.estimate.loglinear_fit import LoglinearFit, fit_model
from tollbook.estimate.loglinear_models import Heterogeneity, LoglinearModel, hierarchical_models
from tollbook.estimate.profile_interval import profile_interval
from tollbook.estimate.results import Estimate, JsonValue
from tollbook.estimate.tables import OverlapTable

Criterion = Literal["bic", "aic"]

#: Most lists the model search handles (with only two-way terms at six lists).
MAX_SEARCH_LISTS = 6
#: Up to this many lists (from 3), the default search also fits every model with
#: Darroch's heterogeneity term and weighs the two families by the same criterion.
HETEROGENEITY_CHECK_LISTS = 5
#: The heterogeneity the default search weighs against the models without it: Darroch's
#: quadratic term in the number of lists a person is on, a Rasch-type model of people
#: whom every list is likelier (or less likely) to record.
DEFAULT_HETEROGENEITY = Heterogeneity("darroch")
#: Models within this much of the best criterion "fit almost as well" (Raftery's 2).
CLOSE_CRITERION = 2.0
#: ...and are worth a warning if their estimate differs by more than this fraction.
DIFFERENT_ESTIMATE = 0.10
#: How the warning of the heterogeneity check begins (its figure lies outside the interval).
HETEROGENEITY_CHECK = "Allowing for people whom every list is less likely to record"
#: Models within this much of the best BIC are "positively" comparable (Raftery 1995):
#: when their totals spread by more than DIFFERENT_ESTIMATE, their range is given.
COMPARABLE_CRITERION = 6.0


class NotEstimable(ValueError):
    """The method cannot give an estimate for this table; the message says why, plainly."""


def search_models(
    table: OverlapTable,
    criterion: Criterion = "bic",
    heterogeneity: Heterogeneity | None = None,
    max_order: int | None = None,
) -> list[LoglinearFit]:
    """Every hierarchical model fitted to ``table``, best first by ``criterion``."""
    if table.width > MAX_SEARCH_LISTS:
        raise NotEstimable(
            f"The log-linear model search handles at most {MAX_SEARCH_LISTS} lists, and there "
            f"are {table.width}: name a model, merge lists, or use the latent class method."
        )
    if max_order is None:
        max_order = 2 if table.width == MAX_SEARCH_LISTS else table.width - 1
    exclude = frozenset(disjoint_pairs(table))
    models = hierarchical_models(table.width, max_order, heterogeneity, exclude)
    return rank_fits((fit_model(table, m) for m in models), criterion)


def disjoint_pairs(table: OverlapTable) -> list[tuple[int, int]]:
    """Pairs of lists (by position) that share nobody: their interaction cannot be
    estimated, so models with it are left out of the search."""
    return [
        (i, j)
        for i, j in combinations(range(table.width), 2)
        if table.shared(table.lists[i], table.lists[j]) == 0
    ]


def default_search(
    table: OverlapTable, criterion: Criterion = "bic"
) -> tuple[list[LoglinearFit], list[LoglinearFit] | None]:
    """The default search: every hierarchical model without heterogeneity and, for 3 to
    HETEROGENEITY_CHECK_LISTS lists, every one with DEFAULT_HETEROGENEITY, ranked together
    by ``criterion`` (on a tie the model without heterogeneity comes first). Returns the
    joint ranking and the heterogeneity family's own (None when it was not searched)."""
    plain = search_models(table, criterion)
    if not 3 <= table.width <= HETEROGENEITY_CHECK_LISTS:
        return plain, None
    hetero = search_models(table, criterion, DEFAULT_HETEROGENEITY)
    return rank_fits([*plain, *hetero], criterion), hetero


def ranked_search(
    table: OverlapTable,
    criterion: Criterion = "bic",
    heterogeneity: Heterogeneity | None = None,
) -> list[LoglinearFit]:
    """The models :func:`estimate_loglinear` chooses among when no model is named, best
    first: the default search (with and without Darroch's term) when no heterogeneity is
    named, else that family's search. Every re-estimate of the same data (a corrected
    clustering, a bound) must choose in the same way, or it changes family unseen."""
    return _searched(table, criterion, heterogeneity)[0]


def _searched(
    table: OverlapTable, criterion: Criterion, heterogeneity: Heterogeneity | None
) -> tuple[list[LoglinearFit], list[LoglinearFit] | None]:
    """:func:`ranked_search`'s ranking, and the default search's heterogeneity fits (None
    when a heterogeneity is named)."""
    if heterogeneity is None:
        return default_search(table, criterion)
    return search_models(table, criterion, heterogeneity), None


def rank_fits(fits: Iterable[LoglinearFit], criterion: Criterion = "bic") -> list[LoglinearFit]:
    """Fits sorted by criterion; fits with no finite estimate go last."""

    def key(fit: LoglinearFit) -> tuple[bool, bool, float]:
        value = fit.criterion(criterion)
        usable = math.isfinite(fit.estimate) and math.isfinite(value)
        return (not usable, fit.degenerate, value if math.isfinite(value) else math.inf)

    return sorted(fits, key=key)


def estimate_loglinear(
    table: OverlapTable,
    model: LoglinearModel | None = None,
    criterion: Criterion = "bic",
    heterogeneity: Heterogeneity | None = None,
    level: float = 0.95,
) -> tuple[Estimate, LoglinearFit]:
    """The estimate of the named model, or of the best hierarchical model by ``criterion``."""
    ranking: list[LoglinearFit] = []
    hetero: list[LoglinearFit] | None = None
    if model is None:
        ranking, hetero = _searched(table, criterion, heterogeneity)
        chosen = ranking[0]
    else:
        chosen = fit_model(table, model)
    # The warnings about rival models compare models of the chosen family only: which
    # interactions the lists have, given the heterogeneity (or its absence) chosen.
    family = [f for f in ranking if f.model.heterogeneity == chosen.model.heterogeneity]
    if not math.isfinite(chosen.estimate):
        raise NotEstimable(
            f"The model {chosen.name} gives no finite total for this table: the lists "
            "overlap too little for it."
        )
    interval = profile_interval(table, chosen, level)
    warnings: list[str] = []
    if not chosen.converged or chosen.boundary:
        warnings.append(
            N_(
                "The model %(name)s could not be fitted cleanly (some "
                "combinations of lists have no one, so a term ran off to "
                "infinity): treat its figure with caution.",
                name=chosen.name,
            )
        )
    close = _close_rivals(chosen, family, criterion)
    if close:
        rivals = "; ".join(f"{f.name} gives {f.estimate:,.0f}" for f in close[:3])
        warnings.append(
            N_(
                "Other models fit almost as well but give different totals "
                "(%(rivals)s): the interval does not include the uncertainty "
                "of choosing between them.",
                rivals=rivals,
            )
        )
    spread = _comparable_range(chosen, family, criterion)
    if spread is not None:
        count, low, high = spread
        warnings.append(
            N_(
                "The %(count)s models within %(comparable_criterion)s of the "
                "best %(value)s give totals from %(low)s to %(high)s: which "
                "interactions the lists have is not settled by the data, and "
                "the figure depends on it.",
                count=count,
                comparable_criterion=format(COMPARABLE_CRITERION, "g"),
                value=criterion.upper(),
                low=format(low, ",.0f"),
                high=format(high, ",.0f"),
            )
        )
    if chosen.degenerate:
        warnings.append(
            N_(
                "The model %(name)s is degenerate (a term or its standard "
                "error ran off to infinity, as Rcapture warns): no model "
                "fitted cleanly; treat the figure as unreliable.",
                name=chosen.name,
            )
        )
    disjoint = disjoint_pairs(table) if model is None else []
    if disjoint:
        names = "; ".join(f"{table.lists[i]} and {table.lists[j]}" for i, j in disjoint)
        warnings.append(
            N_(
                "Lists that share nobody (%(names)s): models with their "
                "interaction were left out of the search, which assumes those "
                "lists are unrelated.",
                names=names,
            )
        )
    upper = interval.upper if interval is not None else None
    lower = interval.lower if interval is not None else None
    hidden = None
    plain_best = None
    if hetero is not None and chosen.model.heterogeneity is not None:
        plain_best = next(f for f in ranking if f.model.heterogeneity is None)
        warnings.append(
            N_(
                "Chosen with %(heterogeneity)s heterogeneity (people whom every list is "
                "likelier, or less likely, to record): its %(criterion)s is %(gain)s "
                "lower than that of the best model without it, %(plain)s, which gives "
                "%(plain_estimate)s.",
                heterogeneity=chosen.model.heterogeneity.label,
                criterion=criterion.upper(),
                gain=format(plain_best.criterion(criterion) - chosen.criterion(criterion), ".1f"),
                plain=plain_best.name,
                plain_estimate=format(plain_best.estimate, ",.0f"),
            )
        )
    elif hetero is not None:
        hidden = hetero[0]
        if lower is not None and not lower <= hidden.estimate <= (upper or math.inf):
            warnings.append(
                N_(
                    "Allowing for people whom every list is less likely to record "
                    "(the model %(name)s) gives %(estimate)s, outside this "
                    "interval: if some of the dead were much less visible than "
                    "others, this figure is too low. Compare with the latent "
                    "class estimate.",
                    name=hidden.name,
                    estimate=format(hidden.estimate, ",.0f"),
                )
            )
    warnings.extend(size_concerns(table.observed, chosen.estimate, upper))
    diagnostics: dict[str, JsonValue] = {
        "model_lists": chosen.model.describe(table.lists),
        "selected_by": criterion.upper() if model is None else "named",
        "deviance": round(chosen.deviance, 3),
        "df": chosen.df,
        "AIC": round(chosen.aic, 3),
        "BIC": round(chosen.bic, 3),
        "stderr": round(chosen.stderr, 1) if math.isfinite(chosen.stderr) else None,
        "converged": chosen.converged and not chosen.boundary,
        "multinomial_estimate": round(interval.maximum, 1) if interval is not None else None,
    }
    if chosen.removed:
        diagnostics["terms_removed"] = list(chosen.removed)
    if ranking:
        diagnostics["models_compared"] = len(ranking)
        if hetero is not None:
            diagnostics["heterogeneity_weighed"] = DEFAULT_HETEROGENEITY.label
        if plain_best is not None:
            diagnostics["best_without_heterogeneity"] = _row(plain_best)
        diagnostics["ranking"] = [_row(f) for f in ranking[:5]]
    if hidden is not None:
        diagnostics["heterogeneity_check"] = _row(hidden)
    estimate = Estimate(
        method="loglinear",
        observed=table.observed,
        estimate=chosen.estimate,
        lower=lower,
        upper=upper,
        interval=f"{level:.0%} profile likelihood",
        model=chosen.name,
        diagnostics=diagnostics,
        warnings=tuple(warnings),
    )
    return estimate, chosen


def _row(fit: LoglinearFit) -> dict[str, JsonValue]:
    return {
        "model": fit.name,
        "estimate": round(fit.estimate, 1) if math.isfinite(fit.estimate) else None,
        "deviance": round(fit.deviance, 3),
        "df": fit.df,
        "AIC": round(fit.aic, 3),
        "BIC": round(fit.bic, 3),
    }


def _comparable_range(
    chosen: LoglinearFit, ranking: list[LoglinearFit], criterion: Criterion
) -> tuple[int, float, float] | None:
    """(how many, lowest, highest total) of the usable models within
    COMPARABLE_CRITERION of the best, when they spread by more than DIFFERENT_ESTIMATE."""
    best = chosen.criterion(criterion)
    near = [
        f.estimate
        for f in ranking
        if f.criterion(criterion) - best <= COMPARABLE_CRITERION
        and math.isfinite(f.estimate)
        and not f.degenerate
    ]
    if len(near) < 2:
        return None
    low, high = min(near), max(near)
    if high - low <= DIFFERENT_ESTIMATE * chosen.estimate:
        return None
    return len(near), low, high


def _close_rivals(
    chosen: LoglinearFit, ranking: list[LoglinearFit], criterion: Criterion
) -> list[LoglinearFit]:
    best = chosen.criterion(criterion)
    return [
        f
        for f in ranking[1:]
        if f.criterion(criterion) - best < CLOSE_CRITERION
        and math.isfinite(f.estimate)
        and abs(f.estimate - chosen.estimate) > DIFFERENT_ESTIMATE * chosen.estimate
    ]
