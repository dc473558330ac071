"""Long work does not overlap: a second request while one runs is refused at once."""

from __future__ import annotations

import pytest

from tollbook.web.errors import ApiProblem
from tollbook.web.exclusive import one_at_a_time


def test_a_second_run_is_refused_while_one_runs_and_allowed_after() -> None:
    with one_at_a_time("linkage"):
        with pytest.raises(ApiProblem) as refused, one_at_a_time("linkage"):
            pass
        assert refused.value.status == 409 and "another linkage is running" in str(refused.value)
        with one_at_a_time("estimate"):  # other work is not held up
            pass
    with one_at_a_time("linkage"):  # released, even after the refusal
        pass
