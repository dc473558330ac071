"""A person's name, as a list writes it, normalised for comparison with other lists."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from tollbook.names.family_names import family_sex, masculine_key
from tollbook.names.fold import fold, skeleton
from tollbook.names.given_names import Sex, given_name_class
from tollbook.names.latin import to_latin
from tollbook.names.patronymics import patronymic_key, patronymic_sex

#: Bumped whenever a rule changes what a name normalises to.
NORMALISER_VERSION = "1"


@dataclass(frozen=True)
class NormalisedName:
    """The comparable forms of one person's name. Empty strings stand for "not given".

    ``family`` and ``given`` are the names in lower-case Latin letters (national
    transliteration), for string similarity; ``family_key`` is folded, with feminine
    forms made masculine; ``given_key`` is the key of the given name's class when the
    name is known (Aleksandr -> the key of Oleksandr), else its folded form;
    ``patronymic_key`` is the key of the father's name. ``sex`` is inferred from the
    given name, patronymic or family name when they say it. ``swapped`` says that the
    given and family names were read the other way round than written.
    """

    family: str
    family_key: str
    family_skeleton: str
    given: str
    given_key: str
    given_known: bool
    patronymic_key: str
    sex: Sex | None
    swapped: bool


def normalise_name(family: str | None, given: str | None, patronymic: str | None) -> NormalisedName:
    """Normalise the three parts of a name, each as written (any script, any case)."""
    return _normalise(family or "", given or "", patronymic or "")


@lru_cache(maxsize=500_000)
def _normalise(family_text: str, given_text: str, patronymic_text: str) -> NormalisedName:
    family = to_latin(family_text)
    given = to_latin(given_text)
    patronymic = to_latin(patronymic_text)
    family, given, patronymic = _split_tokens(family, given, patronymic)
    swapped = False
    given_class = _known_given(given)
    if given_class is None and family and _known_given(family) is not None:
        family, given = given, family
        given_class = _known_given(given)
        swapped = True
    family_key = masculine_key(fold(family))
    given_key = given_class[0] if given_class is not None else fold(given)
    sex: Sex | None = given_class[1] if given_class is not None else None
    if sex is None and patronymic:
        sex = _as_sex(patronymic_sex(patronymic))
    if sex is None and family:
        sex = _as_sex(family_sex(fold(family)))
    return NormalisedName(
        family=family,
        family_key=family_key,
        family_skeleton=skeleton(family_key),
        given=given,
        given_key=given_key,
        given_known=given_class is not None,
        patronymic_key=patronymic_key(patronymic) if patronymic else "",
        sex=sex,
        swapped=swapped,
    )


@lru_cache(maxsize=100_000)
def _known_given(latin: str) -> tuple[str, Sex] | None:
    """(class key, sex) of the first word of ``latin`` that is a known given name."""
    if not latin:
        return None
    whole = given_name_class(fold(latin))
    if whole is not None:
        return whole.key, whole.sex
    for word in latin.split():
        named = given_name_class(fold(word))
        if named is not None:
            return named.key, named.sex
    return None


def _split_tokens(family: str, given: str, patronymic: str) -> tuple[str, str, str]:
    """Move a patronymic or a given name written into the wrong field to its own."""
    if not patronymic and len(given.split()) >= 2:
        *rest, last = given.split()
        if patronymic_sex(last) is not None and given_name_class(fold(last)) is None:
            given, patronymic = " ".join(rest), last
    if not given and len(family.split()) >= 2:
        words = family.split()
        known = [w for w in words if given_name_class(fold(w)) is not None]
        patronymics = [w for w in words if w not in known and patronymic_sex(w) is not None]
        if known:
            given = known[0]
            if not patronymic and patronymics:
                patronymic = patronymics[0]
            family = " ".join(w for w in words if w != given and w != patronymic)
    return family, given, patronymic


def _as_sex(value: str | None) -> Sex | None:
    if value == "M":
        return "M"
    if value == "F":
        return "F"
    return None
