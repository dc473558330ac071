"""Following a background job started from a page, as a browser would (its page reloads
itself; here the JSON twin is polled)."""

from __future__ import annotations

import re
import time
from typing import Any

from fastapi.testclient import TestClient


def finished_job(client: TestClient, location: str, timeout: float = 180.0) -> dict[str, Any]:
    """The job at ``location`` (``/jobs/N``) once it stopped running."""
    found = re.fullmatch(r"/jobs/(\d+)", location)
    assert found, f"not a job's page: {location}"
    deadline = time.monotonic() + timeout
    while True:
        job: dict[str, Any] = client.get(f"/api/jobs/{found.group(1)}").json()["job"]
        if job["status"] != "running":
            return job
        assert time.monotonic() < deadline, f"job still running: {job}"
        time.sleep(0.1)


def job_result_page(client: TestClient, location: str) -> str:
    """Where the job that ended well says to see what it made."""
    job = finished_job(client, location)
    assert job["status"] == "done", job
    page = job["result_page"]
    assert isinstance(page, str)
    assert f'id="job-result" href="{page}"' in client.get(location).text.replace("&amp;", "&")
    return page
