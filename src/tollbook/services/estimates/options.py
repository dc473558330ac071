"""How to estimate (:class:`EstimateOptions`, checked into estimation settings) and the
refusal every estimate use case raises (:class:`EstimateError`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final, cast

from tollbook.domain.refusals import Invalid, NotFound
from tollbook.domain.text import N_
from tollbook.estimate.list_choice import ListChoice
from tollbook.store.estimate_tables import ESTIMATE_METHODS

if TYPE_CHECKING:
    from tollbook.estimate.report import EstimationSettings


METHOD_CHOICES: tuple[str, ...] = ESTIMATE_METHODS
CRITERIA: tuple[str, ...] = ("bic", "aic")
#: ``--missed-links``: draw a correction for the links linkage missed in each imputation
#: (``estimate/missed_links.py``), or not; the first is the default.
MISSED_LINK_CHOICES: tuple[str, ...] = ("draw", "off")
#: The method of an estimate from the linked persons when none is named: both, and the
#: range across them (``estimate/model_range.py``). A log-linear model reads every link
#: that linkage missed as one more person seen by fewer lists and runs high (on the
#: simulated sieges of issue 13, 5% to 27% at 400,000 and 2,000,000 people); LCMCR runs
#: low when some of the dead were rarely on any list (its interval missed the truth below
#: on 11 of 40 sieges of 100,000); the range with LCMCR's figure as its point holds both
#: faults. See docs/estimation.md, "The range across both models".
DEFAULT_DB_METHOD: Final = "all"


def method_for(method: str | None, *, from_db: bool, model: str | None = None) -> str:
    """The method to run when ``method`` may be unnamed: both methods (for the linked
    persons also the range across them), or log-linear when a log-linear ``model`` is
    named for the linked persons."""
    if method is not None:
        return method
    if not from_db:
        return "all"
    return "loglinear" if model is not None else DEFAULT_DB_METHOD


class EstimateError(Invalid, ValueError):
    """An estimate that cannot be run, found, published or withdrawn, and why."""


class EstimateNotFound(EstimateError, NotFound):
    """What the request names does not exist."""


@dataclass(frozen=True)
class EstimateOptions:
    """How to estimate, beyond the method and the strata (the CLI's options)."""

    model: str | None = None
    criterion: str = "bic"
    heterogeneity: str | None = None
    classes: int = 10
    chains: int = 4
    draws: int = 2_500
    burn_in: int = 10_000
    thin: int = 50
    bootstrap: int = 1_000
    seed: int = 1
    #: clusterings drawn to carry linkage error (estimates from the database)
    imputations: int = 20
    lists: ListChoice = field(default_factory=ListChoice)
    #: the correction for missed links (estimates from the database): draw or off
    missed_links: str = "draw"

    def to_json(self) -> dict[str, Any]:
        return {
            "imputations": self.imputations,
            "missed_links": self.missed_links,
            "lists": self.lists.to_json(),
            "model": self.model,
            "criterion": self.criterion,
            "heterogeneity": self.heterogeneity,
            "lcmcr": {
                "classes": self.classes,
                "chains": self.chains,
                "draws": self.draws,
                "burn_in": self.burn_in,
                "thin": self.thin,
            },
            "bootstrap": self.bootstrap,
            "seed": self.seed,
        }

    def settings(self, method: str, lists: Sequence[str]) -> EstimationSettings:
        """The estimation settings, or :class:`EstimateError` saying which option is wrong."""
        from tollbook.estimate.ceilings import ceiling_problem
        from tollbook.estimate.lcmcr_settings import LcmcrSettings
        from tollbook.estimate.loglinear_models import parse_heterogeneity, parse_model
        from tollbook.estimate.report import EstimationSettings
        from tollbook.estimate.results import METHODS, Method

        if method not in METHOD_CHOICES:
            raise EstimateError(
                N_(
                    "method: %(method)s is not one of %(items)s",
                    method=repr(method),
                    items=", ".join(METHOD_CHOICES),
                )
            )
        if self.criterion not in CRITERIA:
            raise EstimateError(
                N_(
                    "criterion: %(criterion)s is not one of bic, aic",
                    criterion=repr(self.criterion),
                )
            )
        if self.model is not None:
            if method == "lcmcr":
                raise EstimateError(N_("model: names a log-linear model; use method loglinear"))
            try:
                parse_model(self.model, tuple(lists))
            except ValueError as exc:
                raise EstimateError(N_("model: %(exc)s", exc=exc)) from None
        try:
            heterogeneity = parse_heterogeneity(self.heterogeneity) if self.heterogeneity else None
            lcmcr = LcmcrSettings(
                classes=self.classes,
                chains=self.chains,
                draws=self.draws,
                burn_in=self.burn_in,
                thin=self.thin,
                seed=self.seed,
            )
        except ValueError as exc:
            raise EstimateError(N_("options: %(exc)s", exc=exc)) from None
        if self.bootstrap < 0:
            raise EstimateError(N_("bootstrap: must not be negative"))
        too_much = ceiling_problem(
            chains=self.chains,
            draws=self.draws,
            burn_in=self.burn_in,
            thin=self.thin,
            classes=self.classes,
            bootstrap=self.bootstrap,
        )
        if too_much is not None:
            raise EstimateError(too_much)
        if not 2 <= self.imputations <= 1_000:
            raise EstimateError(N_("imputations: must be between 2 and 1000"))
        if self.missed_links not in MISSED_LINK_CHOICES:
            raise EstimateError(
                N_(
                    "missed_links: %(value)s is not one of draw, off",
                    value=repr(self.missed_links),
                )
            )
        return EstimationSettings(
            methods=METHODS if method == "all" else (cast("Method", method),),
            model=self.model,
            criterion="aic" if self.criterion == "aic" else "bic",
            heterogeneity=heterogeneity,
            lcmcr=lcmcr,
            bootstrap=self.bootstrap,
            seed=self.seed,
        )


def actor_name(actor: str) -> str:
    who = actor.strip()
    if not who:
        raise EstimateError(N_("actor: say who is doing this"))
    return who
