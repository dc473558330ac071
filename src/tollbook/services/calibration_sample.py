"""Queue a calibration sample: a random sample of the pairs of persons the linkage kept
apart though a stored pair joins them, for a human to confirm or split (issue 13).

One use case for the CLI (``tollbook lists review-sample``) and the web. Their decisions
update the calibration factor of the correction for missed links without selection bias
(:mod:`tollbook.estimate.missed_links`); docs/estimation.md, "Calibrating the correction
from a reviewed sample".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import numpy as np

from tollbook.domain.text import N_
from tollbook.estimate.clustering_draws import ClusteringSampler
from tollbook.estimate.linkage_estimates import linkage_labels
from tollbook.estimate.missed_links import candidates, sample_candidates
from tollbook.services.linkage import LinkageError
from tollbook.services.linked_tables import linked_source
from tollbook.store.linkage_repository import StoredLink
from tollbook.store.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class CalibrationSample:
    """How many candidate merges there were, how many were drawn, and how many of those
    were newly queued or marked (a pair marked before is not counted again)."""

    candidates: int
    drawn: int
    queued: int


def queue_calibration_sample(
    uow: UnitOfWork, pairs: int, *, actor: str, seed: int | None = None, drawn: bool = False
) -> CalibrationSample:
    """Draw ``pairs`` candidate merges of the persons as linked (a simple random sample,
    ``seed`` for a repeatable one), queue each as its most probable record pair marked as
    a calibration pair, and audit it. With ``drawn`` the candidates are those of one
    clustering drawn as the estimate draws them (the clusterings the correction is
    applied to) instead of the linkage's own."""
    if not actor or not actor.strip():
        raise LinkageError(N_("say who asks: an actor is needed"))
    if pairs < 1:
        raise LinkageError(N_("a calibration sample needs at least one pair"))
    source = linked_source(uow)
    linkage = source.linkage
    rng = np.random.default_rng(seed)
    labels = ClusteringSampler(linkage, rng).draw() if drawn else linkage_labels(linkage)
    found = candidates(linkage, labels)
    if not found.count:
        raise LinkageError(
            N_("no pairs of persons are kept apart by a stored pair: nothing to sample")
        )
    chosen = sample_candidates(found, pairs, rng)
    ids = source.record_ids
    at = datetime.now(UTC)
    with uow:
        links: list[StoredLink] = []
        for i in chosen.tolist():
            link = uow.linkage.link(ids[int(linkage.left[i])], ids[int(linkage.right[i])])
            if link is not None:
                links.append(link)
        queued = uow.linkage.queue_calibration(links, at=at)
        uow.audit.append(
            at=at,
            actor=actor.strip(),
            action="review_sample",
            entity="pair_reviews",
            entity_id="calibration",
            after={
                "candidates": found.count,
                "drawn": len(links),
                "queued": queued,
                "seed": seed,
                "clustering": "drawn" if drawn else "linked",
            },
        )
        uow.commit()
    return CalibrationSample(candidates=found.count, drawn=len(links), queued=queued)
