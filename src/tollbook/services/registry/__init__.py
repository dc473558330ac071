"""Use cases of the registry of the dead: bodies, custody, photos, graves, the missing.

One function per use case, for the CLI and the web app, in one module per idea:
:mod:`.bodies` (register, import, move, view, list, custody), :mod:`.photos`,
:mod:`.graves` (sites, trenches, morgues), :mod:`.missing` (families' reports and their
cases), :mod:`.case_life` (found alive, revoked, reassigned, released) and :mod:`.pfif`
(PFIF 1.4 in and out). Each takes the unit of work and an
:class:`~tollbook.registry.access.Actor`; each change and each view of a record of the
dead is written to the append-only audit log in the same transaction.
"""

from tollbook.registry.access import AccessDenied
from tollbook.services.registry.bodies import (
    BodyListing,
    BodyView,
    add_body,
    add_part,
    custody_chain,
    import_bodies,
    list_bodies,
    move_body,
    view_body,
)
from tollbook.services.registry.body_imports import (
    BodyImportUndone,
    BodyUndoRefused,
    undo_body_import,
)
from tollbook.services.registry.case_life import (
    found_alive,
    liaison_alerts,
    reassign_cases,
    release_body,
    revoke_identification,
)
from tollbook.services.registry.graves import (
    SiteSummary,
    add_morgue,
    grave_sites,
    import_graves,
    morgue_occupancy,
    trench_contents,
)
from tollbook.services.registry.missing import (
    CASE_STAGES,
    Case,
    CaseEvent,
    add_report,
    import_reports,
    list_missing_reports,
    report_history,
    view_report,
)
from tollbook.services.registry.outcomes import (
    RegistryError,
    RegistryImportResult,
    RegistryNotFound,
)
from tollbook.services.registry.pfif import export_pfif, import_pfif
from tollbook.services.registry.photos import (
    MAX_PHOTO_BYTES,
    PHOTO_TYPES,
    add_photo,
    photo_content,
    view_photo,
)
from tollbook.services.registry.report_imports import (
    ReportImportUndone,
    ReportUndoRefused,
    undo_report_import,
)

__all__ = [
    "CASE_STAGES",
    "MAX_PHOTO_BYTES",
    "PHOTO_TYPES",
    "AccessDenied",
    "BodyImportUndone",
    "BodyListing",
    "BodyUndoRefused",
    "BodyView",
    "Case",
    "CaseEvent",
    "RegistryError",
    "RegistryImportResult",
    "RegistryNotFound",
    "ReportImportUndone",
    "ReportUndoRefused",
    "SiteSummary",
    "add_body",
    "add_morgue",
    "add_part",
    "add_photo",
    "add_report",
    "custody_chain",
    "export_pfif",
    "found_alive",
    "grave_sites",
    "import_bodies",
    "import_graves",
    "import_pfif",
    "import_reports",
    "liaison_alerts",
    "list_bodies",
    "list_missing_reports",
    "morgue_occupancy",
    "move_body",
    "photo_content",
    "reassign_cases",
    "release_body",
    "report_history",
    "revoke_identification",
    "trench_contents",
    "undo_body_import",
    "undo_report_import",
    "view_body",
    "view_photo",
    "view_report",
]
