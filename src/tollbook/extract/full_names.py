"""A body described rather than named ("doctors' network says", "the Lebanese ministry",
"disaster office says") takes the full name another figure of the same report gives it
("Sudan Doctors Network", "Lebanon's health ministry", "National Office for Risk and
Disaster Management (BNGRC)"), as a monitor writes the source in full.

Only when exactly one name of the report fits: it holds the description's kind of body
("network", "ministry", "office", a monitor being an observatory) and every other word of
the description but a nationality ("Lebanese", "Britain-based").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from tollbook.extract.drafts import Draft
from tollbook.extract.places import default_gazetteer

#: the kinds of body a description ends with, and the words a full name may use for them
_KINDS: dict[str, tuple[str, ...]] = {
    "network": ("network",),
    # ("rights group" is "Human Rights Watch", "rescue group" the "Bhamo Rescue Team")
    "group": ("group", "watch", "team", "collective", "coalition", "forum", "league"),
    "ministry": ("ministry",),
    "office": ("office",),
    "agency": ("agency",),
    "monitor": ("monitor", "observatory"),
    "observatory": ("observatory",),
    "charity": ("charity", "foundation", "trust"),
    "authority": ("authority",),
    "service": ("service",),
    "mission": ("mission",),
    "council": ("council",),
    "committee": ("committee",),
    "commission": ("commission",),
    "department": ("department",),
    "administration": ("administration",),
    "institute": ("institute",),
    "organisation": ("organisation", "organization"),
    "organization": ("organisation", "organization"),
}
_WORD_RE = re.compile(r"[\w'’-]+")
#: "Lebanese", "Sudanese", "Britain-based", "Kenyan": where the body is from, not its name
_ORIGIN_RE = re.compile(r"(?:\w+-based|[A-Z]\w*(?:ese|ian|an|ish|i))$")


def name_in_full(
    kept: Sequence[Draft],
    named: Callable[[], Iterable[str | None]],
    defined: Callable[[], Iterable[str]] = list,
) -> None:
    """Give each described body the one full name of the report that fits it: a source of
    its figures or a speaker of its sentences (``named``, asked only when a body is
    described); failing that, the one body of the description's kind the report names in
    full (``defined``: those with an acronym tried first, then those named by capitalised
    words ending in their kind): "a rights group" is the "Sahel Rights Observatory (ORS)",
    "Mozambique's disaster agency" the "National Institute for Disaster Risk Management
    (INGD)", "a Kaduna-based monitoring group" the "Northwest Security Monitor"; and a
    document named as the speaker ("the bulletin said") the source named before it, the body
    that issued it."""
    names: set[str] | None = None
    bodies: list[str] = []
    for draft in kept:
        who = draft.attributed_to
        words = _described(who) if who is not None else None
        if words is None:
            continue
        if names is None:
            sources = [d.attributed_to for d in kept] + list(named())
            names = {n for n in sources if n and _is_full_name(n)}
            bodies = _distinct(defined())
        fits = [n for n in names if _fits(words, n)]
        if not fits:  # those named with an acronym first, then every body named
            fits = [b for b in bodies if "(" in b and _of_kind(words, b)]
        if not fits:
            fits = [b for b in bodies if _of_kind(words, b)]
        if len(fits) == 1:
            draft.attributed_to = fits[0]
    issuer: str | None = None
    for draft in kept:  # "the bulletin said": the body that issued it, named before
        if draft.attributed_to is not None and draft.attributed_to.lower() in _DOCUMENTS:
            draft.attributed_to = issuer or draft.attributed_to
        elif draft.attributed_to is not None:
            issuer = draft.attributed_to


#: a document named as the speaker: its issuer speaks
_DOCUMENTS = frozenset("bulletin statement communique communiqué release update".split())


def _described(who: str) -> list[str] | None:
    """The words of a description of a body ("doctors' network" -> ["doctors", "network"]),
    its origin left out; None when ``who`` is a name, a person or no body."""
    if "," in who or "(" in who:
        return None
    words = _WORD_RE.findall(who)
    if not 1 <= len(words) <= 4 or words[-1].lower() not in _KINDS:
        return None
    kept = []
    for word in words:
        if _ORIGIN_RE.fullmatch(word) or _is_place(word):
            continue  # "Lebanese", "Mozambique's", "Ituri": where the body is from
        if word[0].isupper() and word not in ("UN", "U.N."):
            return None  # a name of its own: "Health Ministry", "Edhi Foundation"
        kept.append(word.lower().rstrip("'’").removesuffix("'s").removesuffix("’s"))
    return kept


def _is_full_name(who: str) -> bool:
    """A body's name of two capitalised words or more ("Sudan Doctors Network"); not a
    person with a role ("Faisal Edhi, spokesman")."""
    return "," not in who and sum(w[0].isupper() for w in _WORD_RE.findall(who)) >= 2


def _fits(words: list[str], name: str) -> bool:
    have = {w.lower().removesuffix("'s").removesuffix("’s") for w in _WORD_RE.findall(name)}
    return _names(words, have, _KINDS[words[-1]], _ANY_BODY)


def _names(words: list[str], have: set[str], kinds: Sequence[str], vague: frozenset[str]) -> bool:
    """Whether a name's words ``have`` one of the description's ``kinds`` of body and every
    other word of the description but the ``vague`` ones."""
    return any(k in have for k in kinds) and all(w in have or w in vague for w in words[:-1])


#: words that describe any body, not name it: "a local rescue group"
_ANY_BODY = frozenset("local national international regional independent leading".split())


#: the kinds of body a description's last word may stand for, among the bodies a report
#: names in full (``name_in_full``'s ``defined``): a group may be an observatory or an
#: association, an agency an institute or an authority
_WIDE_KINDS: dict[str, tuple[str, ...]] = {
    "group": (*_KINDS["group"], "observatory", "association", "network", "monitor", "initiative"),
    "monitor": ("monitor", "observatory", "watch"),
    "agency": ("agency", "authority", "institute", "office", "service", "directorate"),
}


def _of_kind(words: list[str], body: str) -> bool:
    """Whether ``body`` is of the kind the description's last word says, and holds every
    other word of it ("disaster agency": an institute for disaster risk), but those that
    describe any civil-society group ("a local rights group", "a monitoring group")."""
    kind = words[-1]
    have = {w.lower() for w in _WORD_RE.findall(body.split(" (", 1)[0])}
    if have >= {"united", "nations"}:
        have.add("un")
    vague = _ANY_BODY | (_ANY_GROUP if kind in ("group", "monitor") else frozenset())
    return _names(words, have, _WIDE_KINDS.get(kind, _KINDS[kind]), vague)


#: words that describe any civil-society group
_ANY_GROUP = frozenset("rights human monitoring watchdog advocacy".split())


def _is_place(word: str) -> bool:
    """A capitalised place name, or its possessive: "Ituri", "Mozambique's"."""
    stem = word.removesuffix("'s").removesuffix("’s")
    return stem[:1].isupper() and default_gazetteer().lookup(stem) is not None


#: a body named in full by capitalised words that end in its kind: "the Northwest Security
#: Monitor", "the Frontera Sur Observatory"
_PROPER_BODY_RE = re.compile(
    r"(?<![\w'’-])(?:[A-Z][\w'’-]*\s+){1,5}(?:Monitor|Observatory|Network|Watch|Collective|"
    r"Association|Coalition|Forum|Agency|Authority|Institute|Directorate)\b"
)


def bodies_named(sentences: Iterable[str]) -> list[str]:
    """The bodies a report names in full by capitalised words ending in their kind, the
    first word not an article ("The Northwest Security Monitor, which compiles ...")."""
    found = []
    for sentence in sentences:
        for m in _PROPER_BODY_RE.finditer(sentence):
            words = m.group(0).split()
            while words and words[0] in ("The", "A", "An"):
                words = words[1:]
            if len(words) >= 2:
                found.append(" ".join(words))
    return found


def _distinct(bodies: Iterable[str]) -> list[str]:
    """Each body once: a name written again without its acronym, or a part of it ("Safety
    Authority" of the "National Transport and Safety Authority (NTSA)"), is the same body."""
    out: list[str] = []
    for body in sorted(dict.fromkeys(bodies), key=lambda b: ("(" not in b, -len(b))):
        plain = body.split(" (", 1)[0]
        if any(plain in o.split(" (", 1)[0] for o in out):
            continue
        out.append(body)
    return out
