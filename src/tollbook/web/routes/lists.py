"""Named lists of the dead: every list with its imports, importing a CSV/XLSX file with
a column mapping, and the persons linkage made of the lists' records.

Lists hold names of the dead: seeing them needs ``lists``, importing needs ``link``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, Response

from tollbook.exchange.column_names import field_of_column
from tollbook.exchange.errors import InputError
from tollbook.exchange.file_limits import FileLimits
from tollbook.services.accounts import User
from tollbook.services.linkage import list_persons, pair_decisions
from tollbook.services.list_undo import ImportUndone, undo_import
from tollbook.services.lists import (
    ImportRefused,
    ListImportResult,
    file_columns,
    import_list,
    list_imports,
    list_summaries,
)
from tollbook.store.unit_of_work import UnitOfWork
from tollbook.web.auth import LINK, LISTS
from tollbook.web.errors import ApiProblem
from tollbook.web.i18n import N_, gettext_for
from tollbook.web.pagination import fetch_page, page_body
from tollbook.web.routes.common import PageDep, UowDep, actor, see_other
from tollbook.web.serializers_lists import (
    import_json,
    import_result_json,
    odds,
    person_json,
    reasons,
    review_json,
    summary_json,
)
from tollbook.web.state import app_state
from tollbook.web.templating import render
from tollbook.web.uploads import read_upload, scratch_files, upload_name

router = APIRouter()

#: What each field a column can be mapped to holds, for the import form.
FIELD_HELP: dict[str, str] = {
    "record_id": N_("the list's own number for the record"),
    "family_name": N_("family name (surname)"),
    "given_name": N_("given (first) name"),
    "patronymic": N_("father's name (по батькові)"),
    "sex": N_("M/F, Ч/Ж, М/Ж, male/female"),
    "birth_date": N_("YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or YYYYMMDD"),
    "age": N_("age at death, in years"),
    "death_date": N_("date of death, as birth_date"),
    "district": N_("district of the city"),
    "address": N_("street address (several columns are joined)"),
    "postcode": N_("postcode"),
    "region": N_("region or oblast"),
}
SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm")
MinRecords = Annotated[int, Query(ge=1, le=1000, description="Only persons on this many records.")]


# --- reading the upload -------------------------------------------------------------


def mapping_lines(text: str) -> list[str]:
    """The ``COLUMN=FIELD`` lines of the mapping box; blank lines, ``#`` comments and
    columns left without a field (``COLUMN=``) are skipped."""
    out = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or line.endswith("="):
            continue
        out.append(line)
    return out


def suggested_mapping(columns: tuple[str, ...], entered: list[str]) -> str:
    """A mapping box for these columns: the lines entered, then ``COLUMN=`` for every
    other column (``COLUMN=field`` when it is named like a field)."""
    mapped = {line.partition("=")[0].strip() for line in entered}
    lines = list(entered)
    for column in columns:
        if column and column not in mapped:
            guess = field_of_column(column) or ""
            lines.append(f"{column}={guess}")
    return "\n".join(lines)


def for_people(message: str) -> str:
    """A service message in the words of the form rather than the command line."""
    return (
        message.replace("use --map COLUMN=family_name", "add a line COLUMN=family_name")
        .replace("--map ", "mapping: ")
        .replace(": --source NAME", "")
    )


@contextmanager
def uploaded(request: Request, upload: UploadFile | None) -> Iterator[tuple[Path, str]]:
    """The uploaded file in a temporary folder (removed afterwards), and its name."""
    _ = gettext_for(request)
    if upload is None or not upload.filename:
        raise ApiProblem(422, _("file: choose a CSV or XLSX file to import"), type="invalid")
    name = upload_name(upload, "list.csv")
    suffix = Path(name).suffix.lower()
    if suffix not in SUFFIXES:
        kind = suffix or _("files without an extension")
        message = _("file: cannot read %(kind)s; use .csv or .xlsx") % {"kind": kind}
        raise ApiProblem(422, message, type="invalid")
    data = read_upload(upload, app_state(request).settings.max_file_bytes, "file")
    with scratch_files({"file": (name, data)}) as scratch:
        yield scratch.paths["file"], name


def run_import(
    uow: UnitOfWork,
    path: Path,
    name: str,
    list_name: str,
    mapping: str,
    lenient: bool,
    sheet: str,
    user: User,
    has_duplicates: bool | None = None,
    limits: FileLimits | None = None,
) -> ListImportResult:
    if not " ".join(list_name.split()):
        raise ImportRefused("list: give the list a name (morgue, burial, hospital ...)")
    return import_list(
        uow,
        path,
        list_name,
        mapping_lines(mapping),
        actor=actor(user),
        lenient=lenient,
        sheet=sheet.strip() or None,
        file_name=name,
        has_duplicates=has_duplicates,
        limits=limits,
    )


# --- API ----------------------------------------------------------------------------


@router.get("/api/lists", tags=["lists"], summary="Named lists")
def api_lists(uow: UowDep, user: Annotated[User, Depends(LISTS)]) -> dict[str, Any]:
    """Every named list with its number of records and imports, and the imports made."""
    return {
        "ok": True,
        "lists": [summary_json(s) for s in list_summaries(uow)],
        "imports": [import_json(i) for i in list_imports(uow, limit=None)],
    }


@router.post("/api/lists/import", tags=["lists"], summary="Import a list file")
def api_import(
    request: Request,
    uow: UowDep,
    user: Annotated[User, Depends(LINK)],
    list_name: Annotated[str, Form(alias="list", max_length=200)] = "",
    mapping: Annotated[str, Form(max_length=20_000, description="COLUMN=FIELD lines.")] = "",
    lenient: Annotated[bool, Form()] = False,
    sheet: Annotated[str, Form(max_length=200)] = "",
    has_duplicates: Annotated[
        bool | None,
        Form(description="Whether the list may name one person twice (default: kept)."),
    ] = None,
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """Import a CSV or XLSX file (multipart) into the list named ``list``: 201 with the
    rows left out (line and field) and the columns left unused when rows were imported,
    422 when none could be."""
    with uploaded(request, file) as (path, name):
        try:
            limits = app_state(request).settings.file_limits
            result = run_import(
                uow, path, name, list_name, mapping, lenient, sheet, user, has_duplicates, limits
            )
        except ImportRefused as error:
            raise ApiProblem(422, for_people(str(error))) from None
    body = import_result_json(result)
    if result.import_id is None:
        errors = [
            {"type": "invalid", "msg": p.message, "loc": [p.line, p.field]} for p in result.problems
        ]
        message = f"no row of {name} could be imported; nothing was written"
        raise ApiProblem(422, message, errors=errors)
    return JSONResponse(body, status_code=201)


@router.post(
    "/api/lists/imports/{import_id}/undo", tags=["lists"], summary="Undo an import of a list"
)
def api_undo_import(
    import_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(LINK)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> dict[str, Any]:
    """Take the import's records out of its list, of the persons linkage made of them and
    of any draft estimate that counted them (audited); 422 if undone already."""
    return {
        "ok": True,
        **_undone_json(undo_import(uow, import_id, actor=actor(user), reason=reason)),
    }


def _undone_json(done: ImportUndone) -> dict[str, Any]:
    return {
        "import_id": done.import_id,
        "list": done.list_name,
        "records_removed": done.records,
        "links_removed": done.links,
        "persons_changed": done.persons_changed,
        "persons_retired": done.persons_retired,
        "drafts_withdrawn": done.drafts_withdrawn,
        "published_estimates_counted": done.published_counted,
    }


@router.get("/api/persons", tags=["lists"], summary="Persons linked from the lists")
def api_persons(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(LISTS)],
    min_records: MinRecords = 1,
) -> dict[str, Any]:
    """Active persons, those on most records first, each with its records and links."""
    items, more = fetch_page(
        page,
        lambda n, o: list_persons(
            uow, min_records=min_records, limit=n, offset=o, viewer=actor(user)
        ),
    )
    return page_body(request, page, [person_json(p) for p in items], more)


@router.get("/api/persons/{person_id}", tags=["lists"], summary="One person")
def api_person(
    person_id: int, uow: UowDep, user: Annotated[User, Depends(LISTS)]
) -> dict[str, Any]:
    """One person (retired ones too) with its records and each scored pair's explanation."""
    (person,) = list_persons(uow, person_id=person_id, viewer=actor(user))
    decisions = pair_decisions(uow, [r.id for r in person.records])
    return {
        "ok": True,
        "person": person_json(person),
        "decisions": [review_json(d) for d in decisions],
    }


# --- pages --------------------------------------------------------------------------


@router.get("/lists", response_class=HTMLResponse, include_in_schema=False)
def lists_page(
    request: Request,
    uow: UowDep,
    user: Annotated[User, Depends(LISTS)],
    undone: Annotated[int | None, Query()] = None,
) -> Response:
    context = {
        "lists": list_summaries(uow),
        "imports": list_imports(uow, limit=50),
        "undone": undone,
    }
    return render(request, "lists_index.html", context)


@router.post("/lists/imports/{import_id}/undo", include_in_schema=False)
def undo_form(
    import_id: int,
    uow: UowDep,
    user: Annotated[User, Depends(LINK)],
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    done = undo_import(uow, import_id, actor=actor(user), reason=reason)
    return see_other(f"/lists?undone={done.import_id}#imports")


@router.get("/lists/import", response_class=HTMLResponse, include_in_schema=False)
def import_page(request: Request, user: Annotated[User, Depends(LINK)]) -> Response:
    return render(request, "lists_import.html", _form_context())


@router.post("/lists/import", response_class=HTMLResponse, include_in_schema=False)
def import_form(
    request: Request,
    uow: UowDep,
    user: Annotated[User, Depends(LINK)],
    list_name: Annotated[str, Form(max_length=200)] = "",
    mapping: Annotated[str, Form(max_length=20_000)] = "",
    lenient: Annotated[str, Form(max_length=10)] = "",
    sheet: Annotated[str, Form(max_length=200)] = "",
    has_duplicates: Annotated[str, Form(max_length=10)] = "",
    upload: Annotated[UploadFile | None, File()] = None,
) -> Response:
    entered = {
        "list_name": list_name,
        "mapping": mapping,
        "lenient": bool(lenient),
        "sheet": sheet,
        "has_duplicates": bool(has_duplicates),
    }
    try:
        with uploaded(request, upload) as (path, name):
            try:
                limits = app_state(request).settings.file_limits
                result = run_import(
                    uow,
                    path,
                    name,
                    list_name,
                    mapping,
                    bool(lenient),
                    sheet,
                    user,
                    # unticked keeps what the list said (a new list holds none)
                    True if has_duplicates else None,
                    limits,
                )
            except (ImportRefused, InputError) as error:
                columns = _columns(path, name, sheet) if _about_mapping(error) else ()
                if columns:
                    entered["mapping"] = suggested_mapping(columns, mapping_lines(mapping))
                context = _form_context(for_people(str(error)), columns, name, **entered)
                return render(request, "lists_import.html", context, status_code=422)
    except ApiProblem as problem:
        if problem.status not in (413, 422):
            raise
        context = _form_context(problem.message, (), None, **entered)
        return render(request, "lists_import.html", context, status_code=problem.status)
    # the rows that were good are kept: a refusal only when nothing was
    status = 422 if result.problems and not result.imported else 200
    return render(
        request, "lists_imported.html", {"result": result, "file": name}, status_code=status
    )


@router.get("/persons", response_class=HTMLResponse, include_in_schema=False)
def persons_page(
    request: Request,
    uow: UowDep,
    page: PageDep,
    user: Annotated[User, Depends(LISTS)],
    min_records: MinRecords = 1,
) -> Response:
    items, more = fetch_page(
        page,
        lambda n, o: list_persons(
            uow, min_records=min_records, limit=n, offset=o, viewer=actor(user)
        ),
    )
    context = {"persons": items, "page": page, "more": more, "min_records": min_records}
    return render(request, "persons.html", context)


@router.get("/persons/{person_id}", response_class=HTMLResponse, include_in_schema=False)
def person_page(
    request: Request, person_id: int, uow: UowDep, user: Annotated[User, Depends(LISTS)]
) -> Response:
    (person,) = list_persons(uow, person_id=person_id, viewer=actor(user))
    decisions = pair_decisions(uow, [r.id for r in person.records])
    context = {"person": person, "decisions": decisions, "reasons": reasons, "odds": odds}
    return render(request, "persons_detail.html", context)


def _about_mapping(error: Exception) -> bool:
    """Whether a refusal is about the mapping (so the file's columns help), not about
    the file being imported already or unreadable."""
    if isinstance(error, InputError):
        return error.problem.line == 1
    return str(error).startswith("--map ")


def _columns(path: Path, name: str, sheet: str) -> tuple[str, ...]:
    try:
        return file_columns(path, sheet=sheet.strip() or None, file_name=name)
    except InputError:
        return ()


def _form_context(
    error: str | None = None,
    columns: tuple[str, ...] = (),
    file: str | None = None,
    **entered: Any,
) -> dict[str, Any]:
    return {
        "error": error,
        "columns": columns,
        "file": file,
        "fields": FIELD_HELP,
        "entered": {
            "list_name": "",
            "mapping": "",
            "lenient": False,
            "sheet": "",
            "has_duplicates": False,
            **entered,
        },
    }
