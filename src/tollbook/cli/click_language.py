"""Click's own messages (usage, option errors, ``--help`` headings) in the command line's
language, and the help of every subcommand.

Click marks its messages with the standard ``gettext`` (each of its modules imports
``gettext`` and ``ngettext`` as ``_`` and ``ngettext``) and reads the process's default
catalog; :func:`install` points those names at Tollbook's catalogs
(:mod:`tollbook.catalogs`), read in ``$TOLLBOOK_LANG``'s language when the message is
written. The messages Click says to the people who use ``tollbook`` are listed here so that
the catalogs have them (its messages to programmers, about a command defined wrongly, are
left in English).

The help of a subcommand (its docstring, its options' ``help=``) is translated by
:func:`translate_help` as the command line starts: the English text is the message id.
"""

from __future__ import annotations

import inspect
import sys
from typing import Any

import click

from tollbook.catalogs import translations
from tollbook.cli.language import N_, cli_locale

#: Click's messages shown to people, by the text of Click 8 (``{name}`` placeholders are
#: Click's own ``str.format`` fields, kept as they are in the translations).
CLICK_MESSAGES = (
    N_("Aborted!"),
    N_("Options"),
    N_("Commands"),
    N_("Positional arguments"),
    N_("Missing command."),
    N_("Usage:"),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("Invalid value: {message}"),
    N_("Invalid value for {param_hint}: {message}"),
    N_("Missing argument"),
    N_("Missing option"),
    N_("Missing parameter"),
    N_("Missing {param_type}"),
    N_("Missing parameter: {param_name}"),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("unknown error"),
    N_("Could not open file {filename!r}: {message}"),
    N_("Option {name!r} does not take a value."),
    N_("Argument {name!r} takes {nargs} values."),
    N_("Do you want to continue?"),
    N_("Confirm the action without prompting."),
    N_("%(prog)s, version %(version)s"),
    N_("Show the version and exit."),
    N_("Show this message and exit."),
    N_("Choose from:\n\t{choices}"),
    N_("{value!r} is not a valid {number_type}."),
    N_("{value} is not in the range {range}."),
    N_("{value!r} is not a valid boolean. Recognized values: {states}"),
    N_("file"),
    N_("directory"),
    N_("path"),
    N_("{name} {filename!r} does not exist."),
    N_("{name} {filename!r} is a file."),
    N_("{name} {filename!r} is a directory."),
    N_("{name} {filename!r} is not readable."),
    N_("{name} {filename!r} is not writable."),
    N_("env var: {var}"),
    N_("default: {default}"),
    N_("Repeat for confirmation"),
    N_("Error: The two entered values do not match."),
    N_("Error: invalid input"),
)
#: Click's messages with a plural, (singular, plural): translated with ``ngettext``.
CLICK_PLURALS = (
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
)
_MODULES = (
    "click.core",
    "click.exceptions",
    "click.parser",
    "click.formatting",
    "click.decorators",
    "click.types",
    "click.termui",
)


def click_gettext(message: str) -> str:
    return translations(cli_locale()).gettext(message)


def click_ngettext(singular: str, plural: str, n: int) -> str:
    return translations(cli_locale()).ngettext(singular, plural, n)


def install() -> None:
    """Click's messages from Tollbook's catalogs, in ``$TOLLBOOK_LANG``'s language."""
    for name in _MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        if hasattr(module, "_"):
            module._ = click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = click_ngettext  # type: ignore[attr-defined]


def help_texts(command: click.Command) -> list[str]:
    """The English help of ``command`` and of everything under it: what the catalogs
    must translate."""
    found: list[str] = []
    for each in _walk(command)[1:]:  # the main group's own help is tollbook.cli's
        english = _english(each)
        found += [text for text in english.values() if text]
    return list(dict.fromkeys(found))


def translate_help(command: click.Command) -> None:
    """The help of ``command`` and of its subcommands and options in the command line's
    language (English kept aside, so that another language can be chosen later in the
    same process, as the tests do)."""
    gettext = translations(cli_locale()).gettext
    for each in _walk(command):
        # Click keeps the --help option it made first, with its help in the language of
        # that time: made again, it is in this one.
        each._help_option = None
        english = _english(each)
        if english.get("help"):
            each.help = gettext(english["help"])
        if english.get("short_help"):
            each.short_help = gettext(english["short_help"])
        for param in each.params:
            key = f"param:{param.name}"
            if english.get(key) and isinstance(param, click.Option):
                param.help = gettext(english[key])


def _walk(command: click.Command) -> list[click.Command]:
    found = [command]
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            found += _walk(sub)
    return found


def _english(command: click.Command) -> dict[str, str]:
    saved: dict[str, str] | None = getattr(command, "_tollbook_english", None)
    if saved is None:
        saved = {}
        if command.help:
            saved["help"] = inspect.cleandoc(command.help).partition("\f")[0]
        if command.short_help:
            saved["short_help"] = command.short_help
        for param in command.params:
            text: Any = getattr(param, "help", None)
            if isinstance(param, click.Option) and text:
                saved[f"param:{param.name}"] = text
        command._tollbook_english = saved  # type: ignore[attr-defined]
    return saved
