"""The public home page, rendered once per change of what it shows.

Anyone may load ``/`` without logging in, and it was the cheapest way to load the
server: every request read the publications and estimates and rendered the page. For
anonymous visitors the page is the same for everyone, so, like the public toll API
(:mod:`tollbook.web.toll_cache`), it is kept with the version of the data it shows: the
newest audit entry about reports, claims, incidents, published tolls or estimates. Any
such change, by this process or another, moves the version and the next request renders
the page again; otherwise a request costs one indexed look-up and no rendering.
"""

from __future__ import annotations

from tollbook.services.audit import COUNTING_ENTITIES
from tollbook.store.account_repository import latest_audit_id
from tollbook.store.unit_of_work import UnitOfWork

#: What the home page shows changes with these entities of the audit log.
PUBLIC_ENTITIES: tuple[str, ...] = (*COUNTING_ENTITIES, "estimate")
#: The home page's key in the app's cache of rendered answers.
HOME_KEY = ("page", "/")


def public_version(uow: UnitOfWork) -> int:
    """The newest change to what the public pages show."""
    return latest_audit_id(uow.engine, PUBLIC_ENTITIES)
