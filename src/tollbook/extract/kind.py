"""The kind of a figure: observed, estimate, official or reported (CLAIMS.md)."""

from __future__ import annotations

import re

from tollbook.extract import cues


def kind_of(lower: str, speaker: str | None) -> str:
    if cues.OBSERVED_RE.search(lower):
        return "observed"
    if re.search(r"\bestimat", lower) or (speaker and re.search(r"estimat", speaker.lower())):
        return "estimate"
    if re.search(r"\bofficial(?:ly)?\b", lower) or (
        speaker is not None and cues.OFFICIAL_RE.search(speaker.lower())
    ):
        return "official"
    if cues.ESTIMATE_RE.search(lower):
        return "estimate"
    return "reported"
