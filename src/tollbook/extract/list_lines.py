"""The lines of a list under a header that names their outcome.

A bulletin gives its dead by place in a list whose lines carry a bare number:

    Validated deaths by province:
    - Eastern Samar: 12 (Guiuan 6, Salcedo 4, Mercedes 2)
    - Samar: 6

Each line is a figure of the dead at its place, a part of the toll told before it. The
sentence pass reads a figure by the words around it, and a bare "12" has none; so the
normalised line is written with the words the header implies ("- 12 of the dead in Eastern
Samar, including 6 in Guiuan, 4 in Salcedo and 2 in Mercedes"), which the pass reads as
dead, at the line's place, as a part of the latest toll, with its bracketed parts as its
own. The report's text and each claim's evidence are left as written. A line named by what
it counts ("- Injured: 40", "- Total: 31") is no place's.
"""

from __future__ import annotations

import re

#: a header that names the dead and opens a list: "Deaths documented, by village:"
_HEADER_RE = re.compile(
    r"(?i)\b(?:deaths|dead|killed|fatalities|victims|martyrs)\b[^:]{0,60}:\s*$|^\W*by\s+\w+:\s*$"
)
_DEAD_RE = re.compile(r"(?i)\b(?:deaths?|dead|killed|fatalities|died|toll)\b")
#: a line named by what it counts, not by a place: "- Injured: 40", "- Total: 31"
_NOT_A_PLACE_RE = re.compile(
    r"(?i)^(?:total|deaths?|dead|killed|injured|wounded|missing|displaced|evacuated|"
    r"affected|confirmed|suspected|probable|cases|children|women|men|adults|others?)\b"
)
#: a list line with a bare number after its place: "- Hurti: 21, including eight children"
_LINE_RE = re.compile(
    r"^(?P<dash>\s*[-•*–]\s*)(?P<name>[A-Z][^:\d]{1,50}):\s*(?P<n>\d[\d,]*)"
    r"(?!\s*(?:[a-z]+\s+){0,2}(?:killed|dead|deaths?|died|injured|wounded|missing|people|"
    r"persons|martyrs|cases|bodies))"
    r"(?=\s*(?:[,(;.]|$))"
)


def with_header_outcome(norms: list[str]) -> list[str]:
    """``norms`` with each bare-number line of a list of the dead read as dead."""
    out = list(norms)
    in_list = False
    for index, norm in enumerate(norms):
        line = _LINE_RE.match(norm)
        if line is not None and _NOT_A_PLACE_RE.match(line.group("name")):
            line = None
        if line is None:
            in_list = False
            continue
        if not in_list and index > 0:
            header = norms[index - 1]
            before = norms[index - 2] if index > 1 else ""
            in_list = bool(_HEADER_RE.search(header)) and bool(
                _DEAD_RE.search(header) or _DEAD_RE.search(before)
            )
        if in_list:
            rest = _parts_in_brackets(norm[line.end() :])
            if rest and not rest.startswith((",", ";", ".")):
                rest = "," + rest
            name = line.group("name").strip()
            out[index] = f"{line.group('dash')}{line.group('n')} of the dead in {name}{rest}"
    return out


#: the line's dead by place in brackets: "(Angoche 17, Moma 8, Mogincual 4)"
_BRACKET_PARTS_RE = re.compile(
    r"^\s*\((?P<parts>[A-Z][^\d(),;]{1,40}?\s+\d[\d,]*(?:\s*[,;]\s*[A-Z][^\d(),;]{1,40}?\s+"
    r"\d[\d,]*)*)\s*\)"
)
_PART_RE = re.compile(r"(?P<name>[A-Z][^\d(),;]{1,40}?)\s+(?P<n>\d[\d,]*)")


def _parts_in_brackets(rest: str) -> str:
    """The line's bracketed parts written as the pass reads parts of a toll: "(Angoche 17,
    Moma 8)" -> ", including 17 in Angoche and 8 in Moma"."""
    m = _BRACKET_PARTS_RE.match(rest)
    if m is None:
        return rest
    parts = [f"{p['n']} in {p['name'].strip()}" for p in _PART_RE.finditer(m["parts"])]
    said = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + f" and {parts[-1]}"
    return f", including {said}{rest[m.end() :]}"
