"""Saved estimates on SQLite and PostgreSQL: saved as drafts with their provenance, listed,
published only as drafts and only once their warnings are read, withdrawn with a reason,
every step in the audit log."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from tollbook.services.estimates import (
    EstimateError,
    EstimateOptions,
    get_estimate,
    headline,
    list_estimates,
    publish_estimate,
    report_of,
    run_estimate,
    save_file_estimate,
    tables_of,
    withdraw_estimate,
)
from tollbook.services.linkage import link_records
from tollbook.services.linked_tables import NoLinkedPersons
from tollbook.services.lists import import_list
from tollbook.store.records import AuditEntry
from tollbook.store.unit_of_work import UnitOfWork

#: Three lists, plenty of people on each and on several: estimable, without warnings.
WIDE = (
    "morgue,burial,family,count\n"
    "1,1,1,90\n1,1,0,110\n1,0,1,135\n1,0,0,165\n0,1,1,90\n0,1,0,110\n0,0,1,135\n"
)
#: The same lists thinner: estimable, with a warning about a small list.
THIN = (
    "morgue,burial,family,count\n1,1,1,6\n1,1,0,9\n1,0,1,8\n1,0,0,60\n0,1,1,7\n0,1,0,55\n0,0,1,10\n"
)
#: Too few on the family list: refused.
REFUSED = (
    "morgue,burial,family,count\n1,1,1,1\n1,1,0,9\n1,0,1,1\n1,0,0,60\n0,1,1,1\n0,1,0,55\n0,0,1,2\n"
)
QUICK = EstimateOptions(draws=100, burn_in=200, thin=2, chains=2)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def audit(uow: UnitOfWork, estimate_id: int) -> list[AuditEntry]:
    with UnitOfWork(uow.engine) as store:
        return store.audit.entries(entity="estimate", entity_id=estimate_id)


@pytest.fixture(scope="module")
def siege(siege_folder: Callable[[int, int], Path]) -> Path:
    return siege_folder(10_000, 5)


def test_a_file_estimate_is_saved_as_a_draft_with_its_provenance(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    path = write(tmp_path, "wide.csv", WIDE)

    saved = save_file_estimate(uow, path, method="loglinear", actor="anna")

    assert saved.status == "draft" and saved.actor == "anna"
    assert saved.source == "file" and saved.file_name == "wide.csv"
    assert saved.file_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert saved.link_run_id is None
    assert saved.lists == ("morgue", "burial", "family") and saved.strata == ()
    assert saved.observed == 835 and saved.warnings == ()
    assert saved.options["seed"] == 1 and saved.options["criterion"] == "bic"
    assert tables_of(saved)[()].counts == (90, 110, 135, 165, 90, 110, 135)
    (figure,) = headline(saved)
    assert figure["method"] == "loglinear" and figure["observed"] == 835
    assert figure["lower"] < figure["estimate"] < figure["upper"]
    again = get_estimate(uow, saved.id)
    assert again == saved
    assert report_of(again).strata[0].estimates[0].model == figure["model"]
    (entry,) = audit(uow, saved.id)
    assert (entry.action, entry.actor) == ("estimate", "anna")
    assert entry.after is not None and entry.after["file_sha256"] == saved.file_sha256
    assert entry.after["headline"] == headline(saved)


def test_listing_is_newest_first_and_filters_by_status(uow: UnitOfWork, tmp_path: Path) -> None:
    first = save_file_estimate(uow, write(tmp_path, "a.csv", WIDE), actor="anna")
    second = save_file_estimate(uow, write(tmp_path, "b.csv", WIDE), actor="ben")
    publish_estimate(uow, first.id, actor="carla")

    assert [e.id for e in list_estimates(uow)] == [second.id, first.id]
    assert [e.id for e in list_estimates(uow, status="published")] == [first.id]
    assert [e.id for e in list_estimates(uow, limit=1, offset=1)] == [first.id]
    with pytest.raises(EstimateError, match="status: 'gone'"):
        list_estimates(uow, status="gone")
    with pytest.raises(EstimateError, match="no estimate 999"):
        get_estimate(uow, 999)


def test_only_a_draft_is_published_and_only_once_its_warnings_are_read(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    saved = save_file_estimate(uow, write(tmp_path, "thin.csv", THIN), actor="anna")
    assert any("List family has only 31 people" in w for w in saved.warnings)

    with pytest.raises(EstimateError, match=r"warning.*read them"):
        publish_estimate(uow, saved.id, actor="carla")
    assert get_estimate(uow, saved.id).status == "draft"

    done = publish_estimate(uow, saved.id, actor="carla", warnings_read=True)
    assert done.status == "published" and done.published_by == "carla"
    assert done.published_at is not None
    with pytest.raises(EstimateError, match="is published: only a draft"):
        publish_estimate(uow, saved.id, actor="carla", warnings_read=True)
    entries = audit(uow, saved.id)
    assert [e.action for e in entries] == ["estimate", "publish"]
    assert entries[1].before == {"status": "draft"}
    assert entries[1].after is not None and entries[1].after["warnings"] == list(saved.warnings)


def test_withdrawing_needs_a_reason_and_keeps_the_estimate(uow: UnitOfWork, tmp_path: Path) -> None:
    saved = save_file_estimate(uow, write(tmp_path, "wide.csv", WIDE), actor="anna")
    publish_estimate(uow, saved.id, actor="carla")

    with pytest.raises(EstimateError, match="reason: say why"):
        withdraw_estimate(uow, saved.id, actor="carla", reason="  ")
    done = withdraw_estimate(uow, saved.id, actor="carla", reason="lists were relinked")

    assert done.status == "withdrawn" and done.withdrawn_reason == "lists were relinked"
    assert done.published_by == "carla" and done.report == saved.report
    with pytest.raises(EstimateError, match="withdrawn already"):
        withdraw_estimate(uow, saved.id, actor="carla", reason="again")
    with pytest.raises(EstimateError, match="is withdrawn: only a draft"):
        publish_estimate(uow, saved.id, actor="carla")
    assert [e.action for e in audit(uow, saved.id)] == ["estimate", "publish", "withdraw"]


def test_bad_options_and_tables_that_cannot_be_estimated_save_nothing(
    uow: UnitOfWork, tmp_path: Path
) -> None:
    wide = write(tmp_path, "wide.csv", WIDE)
    with pytest.raises(EstimateError, match=r"^method: 'magic'"):
        save_file_estimate(uow, wide, method="magic", actor="anna")
    with pytest.raises(EstimateError, match=r"^model: "):
        save_file_estimate(uow, wide, actor="anna", options=EstimateOptions(model="[15,2]"))
    with pytest.raises(EstimateError, match=r"^actor: "):
        save_file_estimate(uow, wide, actor=" ")
    refused = write(tmp_path, "refused.csv", REFUSED)
    with pytest.raises(EstimateError, match="nothing could be estimated: List family has only 5"):
        save_file_estimate(uow, refused, actor="anna")
    with pytest.raises(NoLinkedPersons, match="tollbook link"):
        run_estimate(uow, actor="anna")
    with pytest.raises(EstimateError, match=r"^by: cannot divide persons by"):
        run_estimate(uow, by=("shoe_size",), actor="anna")
    assert list_estimates(uow) == []
    with UnitOfWork(uow.engine) as store:
        assert store.audit.entries(entity="estimate") == []


def test_an_estimate_from_the_linked_persons_keeps_the_linkage_run(
    uow: UnitOfWork, siege: Path
) -> None:
    for name in ("burial", "family", "morgue"):
        import_list(uow, siege / "lists" / f"{name}.csv", name, actor="test")
    linked = link_records(uow, actor="test")

    saved = run_estimate(uow, by=("sex",), method="all", actor="anna", options=QUICK)

    assert saved.source == "database" and saved.link_run_id == linked.run_id
    assert saved.file_name is None and saved.file_sha256 is None
    assert saved.lists == ("burial", "family", "morgue") and saved.strata == ("sex",)
    assert saved.options["lcmcr"]["draws"] == 100
    tables = tables_of(saved)
    assert sum(t.observed for t in tables.values()) == saved.observed > 100
    # the strata summed per method, and the range across both models on the pooled persons
    assert {f["method"]: f["basis"] for f in headline(saved)} == {
        "loglinear": "sum of strata",
        "lcmcr": "sum of strata",
        "models": "all strata pooled",
    }
    # the chains are short: their warnings are kept with the estimate, saying where
    assert any(w.startswith("sex=") and "lcmcr:" in w for w in saved.warnings)
    report = report_of(saved)
    assert report.by == ("sex",) and report.pooled is not None
    assert [s.label for s in report.strata] == [s["label"] for s in saved.report["strata"]]
    (entry,) = audit(uow, saved.id)
    assert entry.after is not None and entry.after["link_run_id"] == linked.run_id
