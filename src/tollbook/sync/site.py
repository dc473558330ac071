"""This database as a site: made once, on the first sync command."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from tollbook.store.sync_tables import SyncSiteRow


def this_site(session: Session, now: datetime, name: str | None = None) -> SyncSiteRow:
    """The site row, made (with a new site id) if this database has none yet."""
    # locked until the transaction ends: two imports at once on a server take turns at
    # numbering their versions (SQLite has one writer anyway; the clause is left out)
    site = session.scalars(select(SyncSiteRow).with_for_update()).first()
    if site is None:
        site_id = str(uuid.uuid4())
        site = SyncSiteRow(
            id=1,
            site_id=site_id,
            name=name or f"site-{site_id[:8]}",
            seq=0,
            clock=0,
            watermarks={},
            age_identity="",
            signing_key="",
            created_at=now,
        )
        session.add(site)
        session.flush()
    elif name and name != site.name:
        site.name = name
    return site
