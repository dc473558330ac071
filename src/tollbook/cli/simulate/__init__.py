"""A synthetic siege with known truth: ``simulate`` (files) and ``demo`` (a database)."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import click
from sqlalchemy.exc import SQLAlchemyError

from tollbook.cli.common import fail
from tollbook.cli.language import _
from tollbook.cli.progress import Progress
from tollbook.store.database import database_url, redact_url
from tollbook.store.migrate import DatabaseNotReady


def _list_names(value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [n.strip() for n in value.split(",") if n.strip()]
    if not 3 <= len(names) <= 6:
        raise click.BadParameter(
            _("give 3 to 6 list names, separated by commas"), param_hint="--lists"
        )
    return names


@click.command()
@click.option(
    "--people", type=click.IntRange(min=100), default=None, help="Residents (default 100,000)."
)
@click.option("--seed", type=int, default=None, help="Random seed (default 1).")
@click.option(
    "--out",
    required=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder to write (new, empty, or an earlier simulation's).",
)
@click.option(
    "--lists",
    "lists",
    metavar="NAMES",
    help="Lists to make, comma-separated, 3 to 6 of: morgue, burial, hospital, family, "
    "news, monitor (default: the first five).",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="TOML or JSON file of settings (see docs/simulator.md); options win over it.",
)
def simulate(
    people: int | None,
    seed: int | None,
    out: Path,
    lists: str | None,
    config_file: Path | None,
) -> None:
    """Write a reproducible simulated siege, with its truth, to a folder."""
    from tollbook.cli.simulate.files import SiegeFilesError, prepare_out_dir, write_siege
    from tollbook.simulate import ConfigError, SiegeConfig, load_config, select_lists
    from tollbook.simulate.siege import simulate_siege

    names = _list_names(lists)
    began = time.perf_counter()
    try:
        if config_file is not None:
            config = load_config(config_file, people=people, seed=seed)
        else:
            config = SiegeConfig()
            config = replace(
                config,
                people=people if people is not None else config.people,
                seed=seed if seed is not None else config.seed,
            )
        if names is not None:
            config = select_lists(config, names)
        prepare_out_dir(out)
    except (ConfigError, SiegeFilesError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"{exc.filename or out}: {exc.strerror}")
    with Progress("simulate") as progress:
        progress.step(f"simulating {config.people:,} people")
        siege = simulate_siege(config)
        simulated = time.perf_counter() - began
        progress.step("writing the files")
        try:
            written = write_siege(siege, out, lambda f: progress.step(f"wrote {f.path.name}"))
        except OSError as exc:
            fail(
                _(
                    "cannot write %(value)s: %(strerror)s",
                    value=exc.filename or out,
                    strerror=exc.strerror,
                )
            )
    elapsed = time.perf_counter() - began
    deaths = siege.deaths
    click.echo(
        _(
            "simulated %(people)s people (seed %(seed)s): %(count)s dead "
            "(%(value)s civilians, %(value2)s combatants), %(count2)s "
            "large incidents",
            people=format(config.people, ","),
            seed=config.seed,
            count=format(len(deaths), ","),
            value=format(int((~deaths.combatant).sum()), ","),
            value2=format(int(deaths.combatant.sum()), ","),
            count2=len(deaths.incidents),
        )
    )
    for k, records in enumerate(siege.lists):
        covered = int(siege.captured[k].sum()) / max(1, len(deaths))
        click.echo(
            _(
                "  list %(name)s %(count)s records, coverage %(covered)s (asked %(coverage)s)",
                name=format(records.spec.name, "<9"),
                count=format(len(records), ">9,"),
                covered=format(covered, ".3f"),
                coverage=format(records.spec.coverage, ".3f"),
            )
        )
    on_none = len(deaths) - int(siege.captured.any(axis=0).sum())
    click.echo(_("  dead on no list: %(on_none)s", on_none=format(on_none, ",")))
    click.echo(
        _(
            "%(count)s bodies in %(count2)s trenches at %(count3)s sites; "
            "%(count4)s missing-person reports; %(count5)s news reports "
            "with %(count6)s gold claims",
            count=format(len(siege.graves.bodies), ","),
            count2=format(len(siege.graves.trenches), ","),
            count3=len(siege.graves.sites),
            count4=format(len(siege.missing), ","),
            count5=format(len(siege.news.reports), ","),
            count6=format(len(siege.news.gold), ","),
        )
    )
    rate = config.people / elapsed if elapsed > 0 else float("inf")
    click.echo(
        _(
            "wrote %(count)s files to %(out)s in %(elapsed)s s "
            "(simulation %(simulated)s s; %(rate)s people/s)",
            count=len(written),
            out=out,
            elapsed=format(elapsed, ".1f"),
            simulated=format(simulated, ".1f"),
            rate=format(rate, ",.0f"),
        )
    )


@click.command()
@click.option(
    "--people", type=click.IntRange(min=100), default=5_000, show_default=True, help="Residents."
)
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed.")
@click.option(
    "--out",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Also write the siege's files (with the truth) to this folder.",
)
@click.pass_context
def demo(ctx: click.Context, people: int, seed: int, out: Path | None) -> None:
    """Load a small simulated siege into the database, to see every page full of data."""
    from tollbook.cli.simulate.demo_loading import load_demo
    from tollbook.cli.simulate.files import SiegeFilesError

    url = (ctx.obj or {}).get("url") or database_url()
    try:
        result = load_demo(url, people=people, seed=seed, out=out)
    except (DatabaseNotReady, SQLAlchemyError) as exc:
        fail(_("cannot load the demo into %(value)s: %(exc)s", value=redact_url(url), exc=exc))
    except SiegeFilesError as exc:
        fail(str(exc))
    click.echo(
        _(
            "simulated a siege of %(people)s people (seed %(seed)s): %(dead)s dead",
            people=format(result.people, ","),
            seed=result.seed,
            dead=format(result.dead, ","),
        )
    )
    if out is not None:
        click.echo(
            _(
                "wrote %(files_written)s files to %(out)s",
                files_written=result.files_written,
                out=out,
            )
        )
    parts = [step.message for step in result.steps]
    if result.pending:
        pending = (
            ", ".join(result.pending[:-1]) + " and " + result.pending[-1]
            if len(result.pending) > 1
            else result.pending[0]
        )
        parts.append(f"{pending} will be loaded when those features exist")
    click.echo(f"database {redact_url(url)}: " + "; ".join(parts))
