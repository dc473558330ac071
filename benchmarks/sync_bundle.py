"""Sync bundles at scale (issue 16): export and import a bundle of N records.

A field database is filled with N/2 bodies and N/2 custody events (written straight to
the tables, as a season of work would leave them); then the bundle is exported (capture
of every change, bundle written), sealed for the office and opened there, and imported
into an empty office database in one transaction. Then the same bundle is imported
again (nothing new) and the office exports to a third site. Prints the wall time and
the bundle's size. Target: export and import of 100,000 records under a minute on 2 cores.

    .venv/bin/python -m benchmarks.sync_bundle [--records 100000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import insert

from tollbook.services.setup import init_database, open_database
from tollbook.services.sync import export_bundle, import_bundle, site_info, snapshot
from tollbook.services.sync_keys import keygen, open_sealed, seal_for, trust
from tollbook.store.registry_tables import BodyRow, CustodyEventRow
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.sync.capture import capture
from tollbook.sync.site import this_site
from tollbook.sync.state import SyncState

T = TypeVar("T")


def fill(uow: UnitOfWork, bodies: int) -> None:
    """``bodies`` bodies, each with one custody event."""
    start = datetime(2022, 3, 1, tzinfo=UTC)
    with uow:
        rows = []
        events = []
        for i in range(bodies):
            ref = f"MAR-T{i % 9 + 1:02d}-{i:06d}"
            at = start + timedelta(minutes=i)
            rows.append(
                {
                    "ref": ref,
                    "parent_ref": None,
                    "status": "stored",
                    "location": f"morgue:M{i % 3 + 1}",
                    "apparent_sex": "MF"[i % 2],
                    "apparent_age": "adult",
                    "height_cm": 150 + i % 40,
                    "clothing": ["coat:black", "boots"],
                    "marks": [f"scar left arm {i % 7}"],
                    "effects": ["watch"] if i % 3 else [],
                    "condition": "intact",
                    "wrapped_in": "carpet",
                    "recovered_place": f"street {i % 200}",
                    "recovered_district": "Livoberezhnyi",
                    "recovered_on": at.date(),
                    "team": f"T{i % 9 + 1:02d}",
                    "label": "",
                    "notes": "",
                    "created_at": at,
                    "created_by": "forensic:anna",
                }
            )
            events.append(
                {
                    "ref": ref,
                    "at": at,
                    "actor": "forensic:anna",
                    "from_status": None,
                    "to_status": "stored",
                    "from_location": "",
                    "to_location": f"morgue:M{i % 3 + 1}",
                    "reason": "registered",
                }
            )
        uow.session.execute(insert(BodyRow), rows)
        uow.session.execute(insert(CustodyEventRow), events)
        uow.commit()


def capture_now(uow: UnitOfWork) -> int:
    """One capture (what an export or import does first): reads the change queue only."""
    with uow:
        now = datetime.now(UTC)
        made = capture(uow.session, this_site(uow.session, now), SyncState(uow.session), now)
        uow.commit()
    return made


def _timed(label: str, work: Callable[[], T]) -> tuple[T, float]:
    start, cpu = time.perf_counter(), time.process_time()
    result = work()
    took, used = time.perf_counter() - start, time.process_time() - cpu
    CPU.append(used)
    print(f"  {label:<44} {took:7.2f} s wall {used:7.2f} s CPU")
    return result, took


#: CPU seconds of each step, in order (the machine may be shared: wall time waits too).
CPU: list[float] = []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument(
        "--postgres", default=None, help="an empty PostgreSQL database for the office"
    )
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="tollbook-sync-bench-"))
    field_url = f"sqlite:///{folder / 'field.db'}"
    office_url = args.postgres or f"sqlite:///{folder / 'office.db'}"
    third_url = f"sqlite:///{folder / 'third.db'}"
    for url in (field_url, office_url, third_url):
        init_database(url)
    field, office, third = (open_database(u) for u in (field_url, office_url, third_url))
    site_info(field, "team-1")
    site_info(office, "office")
    office_card = keygen(office, name="office", actor="bench")
    keygen(field, name="team-1", actor="bench")
    trust(field, str(office_card), actor="bench")
    from tollbook.services.sync_keys import my_card

    trust(office, str(my_card(field)), actor="bench")
    fill(field, args.records // 2)
    print(
        f"sync bundle of {args.records:,} records (bodies and custody events); office on "
        f"{'PostgreSQL' if args.postgres else 'SQLite'}"
    )
    exported, t_export = _timed("export (capture + write bundle)", lambda: export_bundle(field))
    sealed, t_seal = _timed(
        "seal for the office (age + Ed25519)", lambda: seal_for(field, exported.data, "office")
    )
    inner, t_open = _timed(
        "open at the office (decrypt + verify)",
        lambda: open_sealed(office, sealed, "bench", allow_plain=False),
    )
    result, t_import = _timed(
        "import (one transaction)", lambda: import_bundle(office, inner, "bench", actor="bench")
    )
    again, _t_again = _timed(
        "import the same bundle again", lambda: import_bundle(office, inner, "bench", actor="bench")
    )
    onward, _t_onward = _timed("office exports everything onward", lambda: export_bundle(office))
    _timed(
        "third site imports it", lambda: import_bundle(third, onward.data, "bench", actor="bench")
    )
    captured, _t_capture = _timed("field: capture with nothing changed", lambda: capture_now(field))
    assert captured == 0
    same = snapshot(third) == snapshot(field)
    print(
        f"  versions: {exported.versions:,}; bundle {len(exported.data) / 1e6:.1f} MB "
        f"(sealed {len(sealed) / 1e6:.1f} MB); applied {result.applied:,}; "
        f"second import new {again.new}; third site identical: {same}"
    )
    total = t_export + t_seal + t_open + t_import
    cpu = sum(CPU[:4])
    print(
        f"  export + seal + open + import: {total:.1f} s wall, {cpu:.1f} s CPU "
        f"({args.records / total:,.0f} records/s of wall time; target: under 60 s for "
        "100,000 on 2 cores; the wall time includes waiting for a shared machine)"
    )


if __name__ == "__main__":
    main()
