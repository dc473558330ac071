"""One hierarchy of refusals, mapped to a status in one place for the web app and to
``error: ...`` with exit status 1 in one place for the command line."""

from __future__ import annotations

import pytest

from tollbook.cli.common import refused
from tollbook.domain.refusals import Conflict, Forbidden, Invalid, NotFound, Refusal
from tollbook.exchange.errors import InputError, InputProblem
from tollbook.registry.access import AccessDenied
from tollbook.services.accounts import AccountError, AccountNotFound
from tollbook.services.claims import InvalidQuery
from tollbook.services.estimates import EstimateError, EstimateNotFound
from tollbook.services.incidents import UnknownIncident
from tollbook.services.job_clearing import JobNotCleared
from tollbook.services.jobs import JobBusy, UnknownJob
from tollbook.services.linkage import LinkageError, LinkageNotFound
from tollbook.services.linked_tables import NoLinkedPersons
from tollbook.services.lists import ImportRefused
from tollbook.services.registry import RegistryError, RegistryNotFound
from tollbook.services.review import ReviewError, ReviewNotFound
from tollbook.web.errors import refusal_problem

KINDS = (NotFound, Forbidden, Conflict, Invalid)
REFUSALS = (
    AccessDenied,
    AccountError,
    AccountNotFound,
    EstimateError,
    EstimateNotFound,
    ImportRefused,
    InputError,
    InvalidQuery,
    JobBusy,
    JobNotCleared,
    LinkageError,
    LinkageNotFound,
    NoLinkedPersons,
    RegistryError,
    RegistryNotFound,
    ReviewError,
    ReviewNotFound,
    UnknownIncident,
    UnknownJob,
)


@pytest.mark.parametrize("refusal", REFUSALS, ids=lambda c: c.__name__)
def test_every_refusal_is_of_a_kind(refusal: type[Refusal]) -> None:
    assert issubclass(refusal, Refusal)
    assert any(issubclass(refusal, kind) for kind in KINDS)


@pytest.mark.parametrize(
    ("refusal", "status", "type"),
    [
        (RegistryNotFound("no body MAR-1"), 404, "not_found"),
        (UnknownIncident("incident 4 was retired: its claims were regrouped"), 404, "not_found"),
        (AccessDenied("viewer may not see names"), 403, "forbidden"),
        (JobBusy("a linkage is running"), 409, "busy"),
        (ReviewError("no one said why"), 422, "invalid"),  # the message does not decide
        (InputError(InputProblem("lists.csv", "no such file")), 422, "invalid"),
    ],
)
def test_the_web_answers_by_kind(refusal: Refusal, status: int, type: str) -> None:
    problem = refusal_problem(refusal)
    assert (problem.status, problem.type, problem.message) == (status, type, str(refusal))


def test_a_refusal_without_a_message_still_says_something() -> None:
    assert refusal_problem(AccessDenied()).message == "your role does not allow this"


def test_the_command_line_says_error_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        refused(RegistryNotFound("no body MAR-1"))
    assert exited.value.code == 1
    assert capsys.readouterr().err == "error: no body MAR-1\n"
