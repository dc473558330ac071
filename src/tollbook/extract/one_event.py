"""The words that tell one event: a strike, a quake, a building that collapsed, the rubble of
one hospital. A sentence that names one is about that event, whatever period it also names
(``scope``: "a missile killed 45 people in January" is one strike, not January's count)."""

from __future__ import annotations

import re

ONE_EVENT_RE = re.compile(
    # ("the scene of each attack": every event, not one)
    r"\b(?:a|an|one|single|the)\s+(?:[a-z'-]+\s+){0,3}?(?<!each\s)(?<!every\s)"
    r"(?:strike|missile|bomb|drone|attack|blast|"
    r"explosion|airstrike|raid|landslide|earthquake|quake|crash|stampede|capsize|collapse|"
    r"massacre|ambush|bombing|shooting|fire|blaze|crush|cyclone|typhoon|hurricane|tsunami|capsizing\s+of|"
    r"gunfight|firefight|shootout|"
    r"heatwave|heat\s+wave|storm|floods?|shipwreck|sinking)\b|"
    # a named storm, or floods as the subject: "Typhoon X killed", "floods that swept"
    r"\b(?:typhoon|cyclone|hurricane|storm)\s+[a-z]+(?:,\s+which|\s+in\s+\d{4})?\s+"
    r"(?:killed|left|struck|hit|made\s+landfall)\b|"
    r"\b(?:floods?|fires|wildfires|blazes)\s+(?:that|which)\b|"
    r"\b(?:exhum\w*|mass\s+graves?|single\s+day|sank|capsized)\b|"
    # "In 2021, a 21-storey tower collapsed", "a dam burst", "a tornado in Joplin killed": one
    # thing that happened once
    # ("a balcony that fell", "a bus that plunged into a ravine", "a minibus overturned")
    r"\b(?:a|an)\s+(?:[\w'-]+\s+){0,5}?(?:that\s+|which\s+)?(?:collapsed|burst|exploded|sank|"
    r"capsized|erupted|derailed|caught\s+fire|fell|plunged|overturned|crashed)\b|"
    r"\b(?:a|an|the)\s+(?:[\w'-]+\s+){0,2}?(?:tornado|mudslide|mudflow|avalanche|derailment|"
    r"dam\s+burst|eruption)\b|"
    # round 50: a month told first, then what happened in it: "In June 2024, a bus carrying
    # pilgrims ... killed", "In March 1987, a huaico in Chosica killed about 100 people"
    r"^\W*in\s+(?:early\s+|late\s+|mid-)?(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)(?:\s+\d{4})?,\s+(?:a|an)\s+"
    # (not a spell of weather: "In late June 2021, a heat dome over the province killed 619",
    # "a cold snap killed more than 160": the days it lasted are counted)
    r"(?:(?!total\b|number\b|were\b|was\b|snap\b|dome\b|waves?\b|spell\b|drought\b|"
    r"monsoon\b|season\b)[^\W\d][\w'’-]*\s+){0,12}?"
    r"(?:killed|left|claimed)\b|"
    # "bodies found under the rubble of the Pokrovsk hospital": one building, one event
    r"\b(?:rubble|ruins|wreckage|debris)\s+of\s+(?:the|a|an)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:hospital|clinic|school|building|block|house|home|mosque|church|market|station|theatre|"
    r"theater|hotel|mall|factory|plant|tower|bridge|shelter|bakery)s?\b"
)
