"""Scope as a monitor codes it: a running total or a period count is ``cumulative``; only
a figure about one event is an ``incident`` (CLAIMS.md, issue 12).

A sentence is cumulative when it says so ("since the start of the siege", "so far", "to
date", "in total", "the confirmed tally", "has verified the deaths of", "the war has
killed", "in the past week", "across the country"), or when it counts over a period of
more than a week ("between 1 and 30 April", "in March", "during November") without naming
one event ("a missile killed 45 people in January" is one strike; an exhumation in a month
is one operation).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from tollbook.extract import cues
from tollbook.extract.dates import DateMention
from tollbook.extract.one_event import ONE_EVENT_RE as _ONE_EVENT_RE
from tollbook.extract.side_clause import other_subject_at
from tollbook.extract.when import ANNIVERSARY_RE, CLAUSE_END_RE

#: a state's (statewide, nationwide) toll told after a comma, beside another figure
_STATE_TOLL = r",\s+(?:the\s+)?(?:state|statewide|nationwide|countrywide)\s+(?:death\s+)?toll\b"
_MORE_CUMULATIVE_RE = re.compile(
    r"\b(?:running\s+total|has\s+verified|have\s+verified|verified\s+(?:that|the\s+deaths)|"
    r"documented\s+the\s+(?:killing|deaths?)|recorded\s+to\s+date|"
    r"from\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)(?:\s+\d{4})?\s+(?:to|until|through)\s+(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)|"
    r"(?:war|conflict|fighting|violence|siege|epidemic|outbreak|occupation)\b[^.;]{0,80}?\b"
    r"(?:has|have|had)\s+(?:now\s+|already\s+|so\s+far\s+)?(?:killed|claimed|left)|"
    # deaths of a disease: "confirmed two more deaths from the Sudan strain of Ebola", "one
    # of three health workers to die of cholera"
    r"(?:deaths?|died|die|dying)\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:cholera|"
    r"ebola|measles|dengue|malaria|mpox|diphtheria|meningitis|lassa|marburg|anthrax)\b|"
    # a disease's deaths, a campaign's or a season's: "3,400 cholera deaths", "killed in the
    # crackdown", "terrorists killed in operations", "died in floods during the monsoon"
    r"(?:cholera|ebola|measles|dengue|malaria|mpox|diphtheria|meningitis|lassa)\s+deaths|"
    # an outbreak's deaths told in its sentence: "A cholera outbreak ... is spreading ..., as
    # the number of deaths recorded by health authorities reached 41"
    r"(?:outbreak|epidemic)(?!\s+of\s+(?:violence|fighting|clashes|unrest|fire|war|hostilities|riots))\b[^.;]{0,240}?"
    r"\b(?:deaths|dead)\b|"
    r"(?:in|during)\s+the\s+(?:[a-z-]+\s+)?(?:offensive|crackdown|campaign|insurgency|"
    r"monsoon|rainy\s+season)|in\s+(?:military\s+|security\s+|counter-?terrorism\s+)?operations|"
    # "the siege, which lasted about 18 months, killed", "as siege toll passes 230", "the war
    # toll": the long thing itself killed, or its running total named so
    # (not a thing the war left: "a landmine left from the war killed two boys")
    r"(?<!from\sthe\s)(?<!by\sthe\s)"
    r"(?:siege|war|conflict|insurgency|occupation|famine|epidemic|outbreak)(?:'s)?"
    r"(?:\s+(?:of|in|on)\s+[a-z'-]+)?(?:,[^,.;]{3,60},)?\s+(?:killed|claimed|(?:death\s+)?toll)\b|"
    r"(?:these|the|such)\s+attacks\s+(?:have|had)\s+killed|"
    # a sum of the events a review lists: "the events listed here killed at least 49"
    r"(?:these|the|such)\s+(?:events|disasters|incidents)\s+(?:(?:listed|described|named)\s+)?"
    r"(?:(?:here|above|below)\s+)?(?:have\s+|had\s+)?(?:killed|claimed)|"
    r"in\s+24\s+hours|(?:in|over|during)\s+the\s+24\s+hours\s+(?:to|until|up\s+to)\b|"
    # a long thing told with its length: "the 14-month war between Israel and Hezbollah that
    # the ceasefire ended killed more than 4,000"
    r"\b\d+-(?:day|week|month|year)\s+(?:war|conflict|siege|campaign|offensive|insurgency|"
    r"occupation|blockade)\b[^.;]{0,80}?\b(?:killed|claimed|left)\b|"
    # a week's count of several events: "floods kill 23 in a week", "in the week to Sunday"
    r"in\s+(?:a|one)\s+week(?![\w-])|(?:in|over|during)\s+the\s+week\s+(?:to|until|up\s+to)\b|"
    # a mortality survey: excess deaths, deaths recorded in sampled households
    r"excess\s+(?:deaths|mortality)|sampled\s+households|household\s+survey|"
    # an outbreak's tally: "1,210 cases and 22 deaths", "in epidemiological week 12"
    r"cases\b[^.;]{0,80}?\bdeaths|epidemiological\s+week|"
    # "eight deaths among probable cases": an outbreak's deaths, counted over it
    r"deaths\s+among\s+(?:[a-z]+\s+){0,2}?(?:cases|patients)\b|"
    # a season's count: "confirmed this season", "so far this rainy season"
    r"this\s+(?:[a-z]+\s+)?season|"
    # months of a season counted together: "231 dead in four months of floods", "47 of the
    # season's deaths", an "end-of-season summary"; several kinds of disaster that killed
    # together ("floods, landslides and lightning killed 231")
    r"\bin\s+(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+"
    r"(?:weeks|months|years)\s+of\b|season's\s+(?:deaths|dead|toll)|end-of-season|"
    r"(?:floods|landslides|lightning|storms|avalanches|mudslides),?\s+(?:[a-z]+,\s+)?(?:and\s+)?"
    r"(?:floods|landslides|lightning|storms|avalanches|mudslides)\s+(?:have\s+|had\s+)?killed\b|"
    # the year's count: "as Haiti toll passes 2,100 for the year", "the year's toll"
    r"[\d,]+\s+(?:(?:people|dead|deaths)\s+)?(?:for|so\s+far\s+in)\s+the\s+year\b|"
    r"the\s+year's\s+(?:death\s+)?toll|"
    # a count as it stood at a month's end: "had recorded more than 34,000 fatalities from
    # fighting and attacks by the end of May 2026"
    r"\b(?:recorded|counted|documented|registered|verified)\b[^.;]{0,100}?\bby\s+the\s+end\s+of\s+"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december)\b|"
    # "cloudburst in Mandi district kills six, State toll rises to 74": a state's running toll
    # (told beside one event's figure: alone, "the statewide toll" may be one storm's)
    r"\b(?:kill|kills|killed|dead)\b[^.;]{0,40}?" + _STATE_TOLL + r"|"
    # "the death toll from the siege": a long event's running total
    r"(?:toll|deaths|dead|killed)\s+(?:from|of|in|during)\s+the\s+(?:[a-z-]+\s+)?"
    r"(?:siege|war|conflict|occupation|blockade|epidemic|outbreak|famine|insurgency)\b(?!\s+on\b)|"
    r"(?:in|over|during|for)\s+the\s+(?:(?:past|last|previous)\s+(?:24\s+hours|day|week|fortnight|month|"
    r"\w+\s+(?:days|weeks|months|years))|"
    # "in the first seven months of the year", "in the two months", "during the survey"
    r"first\s+(?:[a-z-]+\s+)?(?:days|weeks|months|half|quarter)\s+of\b|"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+)\s+(?:weeks|months|years)\b|"
    r"survey)|"
    # a count over years, or a sum: "between 2011 and 2022", "In all, four were killed"
    r"between\s+(?:19|20)\d\d\s+and\s+(?:19|20)\d\d|^\W*in\s+all(?=,)|"
    # "in the 2017-2018 outbreak": a long thing of several years, its toll counted over them
    r"(?:19|20)\d\d\s*[-\u2013/]\s*(?:19|20)?\d\d\s+(?:[a-z]+\s+)?(?:outbreak|epidemic|war|"
    r"conflict|famine|insurgency|crisis|drought|season)s?\b|"
    r"across\s+the\s+(?:country|nation)|"
    # "96 wounded in the month": a month's count ("earlier in the month, a strike": one event)
    r"(?<!earlier\s)(?<!later\s)(?:during|in|over)\s+the\s+month\b|"
    r"during\s+(?:the|months\s+of|weeks\s+of)\s+(?:fighting|siege|war|battle|offensive|occupation)|"
    r"(?:strikes|attacks|raids|shelling)\s+(?:[a-z]+\s+)?(?:across|throughout)|"
    # a period named before ("over the same period"), recent months, several events counted
    # together ("two shipwrecks this week")
    r"(?:over|during|in|for)\s+the\s+same\s+(?:[a-z]+\s+)?(?:period|week|month|year|months|"
    r"weeks|days|quarter)|"
    r"in\s+recent\s+(?:weeks|months|years)|"
    # (a quarter: "recorded 31 leaders killed in the third quarter", "during the quarter")
    # (not "houses in the quarter": a part of a town)
    r"(?:in|during|over|for)\s+the\s+(?:first|second|third|fourth|last|past|previous)\s+quarter\b|"
    r"(?:during|over)\s+the\s+quarter\b|"
    r"(?:two|three|four|five|six|several|multiple|separate|a\s+series\s+of|\d+)\s+(?:[a-z-]+\s+)?"
    r"(?:shipwrecks|strikes|airstrikes|air\s+strikes|attacks|raids|bombings|landslides|"
    r"sinkings|massacres|ambushes)|"
    r"(?:two|three|four|five|six|several|multiple)\s+(?:separate\s+)?(?:mass\s+)?shootings)\b"
)
# a year's count: "last year, dengue killed 575", "this year's toll", "in all of 2025", "the
# 2024 war killed", a season's ("this winter") (unless one event is named: "last year, a boat
# sank ...")
_YEAR_COUNT_RE = re.compile(
    r"\b(?:(?:last|this|past)\s+year\b|this\s+year's|in\s+all\s+of\s+\d{4}|"
    r"the\s+year\s+before\b|"
    r"(?:worst|deadliest|bloodiest)\s+(?:year|month|week)|the\s+\d{4}\s+(?:war|conflict)\s+killed|"
    r"during\s+the\s+\d{4}\s+(?:war|conflict)\b|by\s+the\s+end\s+of\s+the\s+year|"
    # a season's toll: "the monsoon toll climbs to 112"
    r"(?:monsoon|seasonal|season's|annual|yearly)\s+(?:death\s+)?toll|"
    # a year's toll: "raises 2025 road toll to 5,104", "the 2024 death toll"
    r"\b(?:19|20)\d\d\s+(?:(?:road|traffic|murder|homicide|drowning|death)\s+)?(?:death\s+)?toll"
    r"(?!\s+(?:from|of\s+the)\b)|"
    # "Avalanches have killed 38 people in the region this winter"
    r"(?:this|last|past)\s+(?:winter|summer|season|monsoon(?:\s+season)?|rainy\s+season))"
)
_WHEN_RE = re.compile(r"\bwhen\b")
#: many events together ("attacks on mining sites", "shelling and air strikes"), counted
#: over a year, a month or days ("in 2025", "in May 2025", "since Thursday"): a period count
_CAMPAIGN_RE = re.compile(
    r"\b(?:attacks|strikes|air\s*strikes|airstrikes|raids|clashes|bombardments|hostilities|"
    r"killings|fighting|violence)\b"
)
_CAMPAIGN_PERIOD_RE = re.compile(
    r"\bin\s+(?:(?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\s+)?(?:19|20)\d\d\b|"
    r"\bsince\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    # "Fighting killed at least 120 people in Sudan this week": the week's count
    r"\b(?:this|last|past)\s+(?:week|month)\b(?!['’]s)"
)
#: many events over a whole region: "attacks on Kherson Oblast killed four", "strikes kill at
#: least 52 across Gaza", "shelling of the Sumy region"
_CAMPAIGN_AREA_RE = re.compile(
    r"(?<!lightning\s)\b(?:attacks|strikes|air\s*strikes|airstrikes|shelling|raids|bombardments)\b"
    r"(?P<between>[^.;]{0,50}?)(?:\b(?:across|throughout)\b|\b(?:on|in|of)\s+(?:the\s+)?(?:[a-z'-]+\s+){1,2}"
    r"(?:region|oblast|province|governorate|regions|provinces|districts)\b|"
    # "attacks by armed groups in the state"
    r"\bin\s+the\s+(?:state|country)\b)"
)
#: a site the strikes hit, before the region it lies in: "air strikes on the Ras Isa fuel port
#: in Yemen's Hodeidah province" are one event
_SITE_BETWEEN_RE = re.compile(r"\b(?:on|at|hit|struck)\s+(?:the|a|an)\b")
# "in northern and eastern provinces": several regions, a count over them, unless one
# disaster crossed them ("after Cyclone Valisoa crossed northern and eastern Madagascar")
_REGIONS_RE = re.compile(
    r"\b(?:southern|northern|eastern|western)\s+and\s+(?:southern|northern|eastern|western)\s+"
    r"[a-z]+"
)
# "on Tuesday alone", "on 14 June alone", "in the week to March 1 alone": one day's or
# week's share of a count that runs on, not one event (bodies recovered on one day of a
# disaster's search are still that disaster's)
_DAY_ALONE_RE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|day|night|weekend|week|"
    r"month|hours|\d{1,2}\s+(?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)|(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\s+\d{1,2}|(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december))\s+alone\b"
)
# "On Wednesday alone, a strike on a school basement killed six": the day's one event is
# what killed them, not a day's share of a count
_EVENT_KILLED_RE = re.compile(
    r"\b(?:a|an|one|single)\s+(?:[a-z'-]+\s+){0,2}?(?:strike|missile|bomb|drone|attack|blast|"
    r"explosion|airstrike|raid|shelling|bombing|shooting|ambush|massacre|fire|blaze|crash|"
    r"collapse|stampede|landslide)\b[^,;.]{0,80}?\b(?:killed|kills|claimed|left)\b|"
    # "On Saturday night alone, gunmen killed six people at a car wash": one attack, at one site
    r"\b(?:gunmen|attackers|assailants)\s+(?:[a-z]+\s+){0,2}?(?:killed|shot\s+dead)\s+"
    r"[^,;.]{0,40}?\bat\s+(?:a|an|the)\b"
)
_PULLED_RE = re.compile(r"\b(?:pulled|recovered|retrieved)\s+[\d,]+\s+bodies\b")
_NAMED_STORM_RE = re.compile(r"\b(?:cyclone|typhoon|hurricane)\s+(?!season)[a-z]+")
_DISASTER_KILLED_RE = re.compile(
    r"\b(?:flash\s+floods?|floods?|earthquakes?|quakes?|cyclones?|typhoons?|hurricanes?|"
    r"landslides?|wildfires?)\s+(?:in\s+[^,.;]{1,40}?\s+)?killed\b"
)
# "one of the deadliest attacks on the city this year": a comparison, not a year's count
_SUPERLATIVE_RE = re.compile(r"\b(?:deadliest|worst|largest|biggest|highest)\b")


#: an event that bounds a period: "In 2026 alone, 11 had been killed before the attack on the
#: market" counts the year up to it, not the attack
_BOUND_EVENT_RE = re.compile(r"\b(?:before|until|prior\s+to)\s+(?:the|this|that)\s+[a-z-]+")


def _year_count(lower: str) -> bool:
    m = _YEAR_COUNT_RE.search(lower)
    if m is None or _ONE_EVENT_RE.search(lower) or _WHEN_RE.search(lower):
        return False
    if _DISASTER_KILLED_RE.search(lower):  # "last year, flash floods in the same area killed"
        return False
    return _SUPERLATIVE_RE.search(m.group(0)) is not None or not _SUPERLATIVE_RE.search(
        lower, 0, m.start()
    )


_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
# A period written as two days or two months: "between 12 and 15 July", "6-9 March",
# "between January and June".
_SPAN_RE = re.compile(
    rf"\bbetween\s+(?:the\s+[a-z]+\s+of\s+)?\d{{1,2}}\s+and\s+\d{{1,2}}\s+{_MONTH}|"
    rf"(?<=\bon\s)\d{{1,2}}\s+and\s+\d{{1,2}}\s+{_MONTH}|"
    rf"\b\d{{1,2}}\s*-\s*\d{{1,2}}\s+{_MONTH}|\bbetween\s+{_MONTH}\s+and\s+{_MONTH}"
)


def _named_span(lower: str) -> bool:
    """A period named by two days or months, not the days one event took ("flooding on 3-4
    May", "overnight on 3 to 4 May"; but "killed in drone strikes on Dilling town on 4 and
    5 May" counts several strikes over the days)."""
    span = _SPAN_RE.search(lower)
    if span is None:
        return False
    if not lower.endswith(("on ", "night of "), 0, span.start()):
        return True
    return lower.endswith("on ", 0, span.start()) and bool(
        _SEVERAL_RE.search(lower, 0, span.start())
    )


_SEVERAL_RE = re.compile(r"\b(?:strikes|airstrikes|attacks|raids|bombings)\b")


# "in four days", "over five days": a count over several days.
_DAYS_RE = re.compile(
    r"\b(?:in|over|within|during)\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"\s+days\b"
)
#: a count over an area named before, with no event of its own: "the administrator
#: reported 38 people killed in the territory", "put the province's toll at 45", "182
#: civilians killed in the two territories"
_AREA_COUNT_RE = re.compile(
    r"\b(?:killed|dead|died|deaths)\s+(?:in|across|throughout)\s+the\s+(?:(?:two|three|four|five|"
    r"six)\s+)?(?:territor(?:y|ies)|provinces?|regions?|count(?:y|ies)|governorates?|"
    r"prefectures?|departments?|states)\b(?!\s+of\b)|"
    r"\bthe\s+(?:territory|province|region|county|governorate|prefecture|department)['’]s\s+"
    r"(?:death\s+)?toll\b"
)
#: "the deadliest air strike since the takeover": a superlative's yardstick, no period count
_SUPERLATIVE_SINCE_RE = re.compile(
    r"\b(?:deadliest|worst|bloodiest|biggest|largest)\b[^.;]{0,80}?\bsince\b"
)
# "the deadliest fire since September 2012, when a fire at a factory killed 250": a past
# disaster named for comparison, not a running total since that date.
_SINCE_WHEN_RE = re.compile(r"\bsince\s+[^,.;]{3,60},\s+(?:when|which)\b")
#: a storm's toll since it came ashore is that storm's, one event: "12 people have died
#: since Marisela made landfall near Barahona on Tuesday night"
_SINCE_LANDFALL_RE = re.compile(
    r"since\s+(?:[\w'’-]+\s+){1,4}?(?:made\s+landfall|came\s+ashore|hit\s+land)\b"
)
#: the dead of several earlier events counted together: "the first two killed 35 people"
_EARLIER_ONES_RE = re.compile(
    r"\bthe\s+(?:first|other|previous|earlier|last)\s+(?:two|three|four|five|six|\d)\s+"
    r"(?:have\s+|had\s+|together\s+)?(?:killed|left)\b|"
    # the dead of the earlier attacks up to this one: "Before Friday, 11 people had been
    # killed in them"
    r"^\W*(?:before|until|prior\s+to)\s+(?:(?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|(?:the|this|that)\s+[a-z-]+(?:\s+[a-z-]+)?)\s*,[^.;]{0,80}?\bhad\s+"
    r"(?:been\s+)?(?:killed|died)\b"
)
#: A count over more than a week is a period count, not one event.
_PERIOD_DAYS = 8


# "the confirmed tally", "the health ministry's count is lower": a running total, unless it
# is the rising toll of one disaster ("bringing the confirmed tally from the flash floods
# that struck ... to 87")
_TALLY_RE = re.compile(r"\btally\b|['’]s\s+(?:own\s+)?count\s+(?:is|was|stands|stood)\b")


def is_cumulative(lower: str, dates: list[DateMention]) -> bool:
    """Whether the figures of sentence ``lower`` are a running total or a period count."""
    if _MORE_CUMULATIVE_RE.search(lower) or _EARLIER_ONES_RE.search(lower):
        return True
    if (
        " alone" in lower
        and _DAY_ALONE_RE.search(lower)
        and not _RECOVERED_RE.search(lower)
        and not _PULLED_RE.search(lower)
        and not _EVENT_KILLED_RE.search(lower)
    ):
        return True
    if (
        _REGIONS_RE.search(lower)
        and not _ONE_EVENT_RE.search(lower)
        and not _NAMED_STORM_RE.search(lower)
    ):
        return True
    if ("year" in lower or " killed" in lower or " toll" in lower or " month" in lower) and (
        _year_count(lower)
    ):
        return True
    if "the " in lower and _AREA_COUNT_RE.search(lower) and not _ONE_EVENT_RE.search(lower):
        return True  # "reported 38 people killed in the territory", "the province's toll"
    if (
        ("tally" in lower or "count" in lower)
        and _TALLY_RE.search(lower)
        and not _ONE_EVENT_RE.search(lower)
    ):
        return True
    if (
        _CAMPAIGN_RE.search(lower)
        and _CAMPAIGN_PERIOD_RE.search(lower)
        and not _ONE_EVENT_RE.search(lower)
    ):
        return True  # "Attacks on mining sites killed 64 people in 2025"
    area = _CAMPAIGN_AREA_RE.search(lower) if _CAMPAIGN_RE.search(lower) else None
    if (
        area is not None
        and not _SITE_BETWEEN_RE.search(area.group("between"))
        # (an event named before the attacks is another's: "The attack was the deadliest
        # since August 2024, when coordinated attacks across Balochistan killed 50")
        and not _ONE_EVENT_RE.search(lower, _clause_start(lower, area.start()))
    ):
        return True  # "Russian attacks on Kherson Oblast killed four", "strikes ... across Gaza"
    said = cues.SCOPE_CUMULATIVE_RE.search(lower)
    if (
        said
        and not _SINCE_WHEN_RE.search(lower)
        and not _SINCE_LANDFALL_RE.match(lower, said.start())
        and not _one_short_since(lower, said)
        and not _SUPERLATIVE_SINCE_RE.search(lower, max(0, said.start() - 90), said.end())
    ):
        return True
    long = (
        any(_days(d) >= _PERIOD_DAYS and not d.of_event for d in dates)
        or _between_days(lower, dates) >= 2  # "between 12 and 15 July": a period named
        or _DAYS_RE.search(lower) is not None
        or _named_span(lower)
    )
    if not long:
        return False
    lower = _BOUND_EVENT_RE.sub(" ", lower)
    if _DAYS_RE.search(lower) or any(
        _PERIOD_DAYS <= _days(d) <= 31 and d.value[8:10] != "01" for d in dates if d.value
    ):
        # a heat wave or a cold spell told with its days is a count of that period: "the
        # heat wave ... from 6 to 22 June may have killed 1,400" (not "in June 2015"), "112
        # bodies in the four days to Wednesday, as a heat wave entered its fifth day"
        lower = _SPELL_RE.sub(" ", lower)
    return not _ONE_EVENT_RE.search(lower)


_SPELL_RE = re.compile(r"\b(?:heat\s*wave|cold\s+(?:wave|spell))\b")


# "since Friday night", "since the quake struck": the rising toll of one disaster, not a
# running total over a period
_SINCE_SHORT_RE = re.compile(
    r"since\s+(?:(?:early\s+|late\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|yesterday|last\s+night|dawn|midnight|(?:the|this)\s+morning|the\s+(?:quake|earthquake|storm|cyclone|typhoon|landslide|"
    r"collapse|blast|explosion|fire|rains?|downpours?|floods?|flooding|eruption|sinking|capsizing|crash|"
    r"derailment|stampede|crush|avalanche|bombing)\b"
    # "since it made landfall on Friday night": the storm the sentence names
    r"|it\s+(?:made\s+landfall|struck|hit|erupted)"
    # "since a passenger ferry sank before dawn on Tuesday": one disaster's bodies
    r"|(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:sank|capsized|collapsed|crashed|derailed|exploded|"
    r"caught\s+fire|went\s+down|burst)\b)"
)
# "since" with no date or event after it: "the bodies have since washed ashore", "... have
# not been seen since."
_SINCE_ADVERB_RE = re.compile(
    r"\s*(?:[,.;:)\"']|$|(?:been|washed|returned|died|fled|left|"
    r"recovered|found|reopened|resumed|risen|climbed|gone)\b)"
)
_HAS_SINCE = ("has ", "have ", "had ", "ever ")
_SO_FAR_RE = re.compile(r"so\s+far")
_RECOVERED_RE = re.compile(
    r"\b(?:bodies|body)\b[^.;]{0,40}?\b(?:recovered|retrieved|pulled\s+out|found)\b|"
    r"\b(?:recovered|retrieved|pulled\s+out)\s+(?:the\s+)?(?:bodies|\w+\s+bodies)\b"
)
# "The war began when militants attacked ..., killing N": the attack, not the war's toll
_BEGAN_WHEN_RE = re.compile(r"\bbegan\s+(?:when|after)\b")


def _one_short_since(lower: str, said: re.Match[str]) -> bool:
    """Whether the only cue of a running total is a short "since" or a war that "began when"
    one attack happened."""
    if said.group(0) == "since" and (
        _SINCE_ADVERB_RE.match(lower, said.end()) or lower.endswith(_HAS_SINCE, 0, said.start())
    ):
        # "have since washed ashore", "not been seen since.": "since" as an adverb
        return cues.SCOPE_CUMULATIVE_RE.search(lower, said.end()) is None
    if (
        said.group(0) == "since"
        and _SUPERLATIVE_RE.search(lower, max(0, said.start() - 60), said.start())
        and ", which" not in lower[said.end() :]
    ):
        # "the deadliest in Chile since the 2010 earthquake": a comparison, not a total since
        return cues.SCOPE_CUMULATIVE_RE.search(lower, said.end()) is None
    if said.group(0) == "since" and _SINCE_SHORT_RE.match(lower, said.start()):
        rest = cues.SCOPE_CUMULATIVE_RE.search(lower, said.end())
        return rest is None
    if _SO_FAR_RE.fullmatch(said.group(0)) and _RECOVERED_RE.search(lower):
        # "64 bodies had been recovered so far": the bodies of one disaster found to date
        return cues.SCOPE_CUMULATIVE_RE.search(lower, said.end()) is None
    if said.group(0).endswith("began") and _BEGAN_WHEN_RE.search(lower, said.start()):
        return cues.SCOPE_CUMULATIVE_RE.search(lower, said.end()) is None
    return False


def _between_days(lower: str, dates: list[DateMention]) -> int:
    """ "Between 7 October 2023 and 15 July 2024": two dates that bound a period."""
    points = [d for d in dates if d.value and not d.is_period]
    if len(points) < 2 or not _FROM_RE.search(
        lower[max(0, points[0].start - 30) : points[0].start]
    ):
        return 0
    if "overnight" in lower[max(0, points[0].start - 20) : points[0].start] or _NIGHT_RE.match(
        lower, points[0].end
    ):
        return 0  # "overnight from Sunday to Monday", "from Monday night into Tuesday": one night
    if lower.startswith(("'s", "’s"), points[0].end):
        return 0  # "the toll from Tuesday's explosion rose to 98 on Thursday": one event
    try:
        first = date.fromisoformat(str(points[0].value)[:10])
        last = date.fromisoformat(str(points[-1].value)[:10])
    except ValueError:
        return 0
    return (last - first).days + 1


_NIGHT_RE = re.compile(r"(?:\s+night)?\s+into\b|(?<=night)\s+(?:to|until)\b")
_FROM_RE = re.compile(r"\b(?:between|from)\s+(?:the\s+[a-z]+\s+of\s+)?$")


def _days(d: DateMention) -> int:
    if not d.is_period or not d.value or "/" not in d.value:
        return 0
    start, end = d.value.split("/")
    try:
        return (date.fromisoformat(end) - date.fromisoformat(start)).days + 1
    except ValueError:
        return 0


_CLAUSE_OPENS = (", when ", "; ", ", which ")


def _clause_start(lower: str, position: int) -> int:
    """Where the clause holding ``position`` opens: after the last ", when", ";" or ", which"
    before it, else the sentence's start."""
    found = [lower.rfind(o, 0, position) for o in _CLAUSE_OPENS]
    return max(
        (at + len(o) for at, o in zip(found, _CLAUSE_OPENS, strict=True) if at >= 0), default=0
    )


def one_event(lower: str, position: int = -1) -> bool:
    """Whether sentence ``lower`` names a single event ("a single strike", "the blast"), or
    tells the figure at ``position`` (if given) as dead of one day ("a family of four who
    were found dead on Sunday")."""
    if position >= 0 and _died_that_day(lower, position):
        return True
    return _ONE_EVENT_RE.search(lower) is not None


# "kills 11 at market as siege toll passes 230": a second clause about the running total
# ("killing seven, officials said, as the ministry said 52 had died since ...": another
# speaker's figure)
_AS_TOLL_RE = re.compile(
    r"\sas\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?(?:death\s+)?toll\b|"
    # "... raises 2025 road toll to 5,104 as bus crash near Naivasha kills 11": a new event
    r"\sas\s+(?!many\b|much\b|high\b|well\b|few\b|little\b|of\b|\d)(?:an?\s+|the\s+)?"
    r"(?:[a-z'’-]+\s+){1,5}?(?:kills|killed|leaves|left)\s|"
    r",\s+as\s+(?:the\s+)?(?:[\w'’-]+\s+){1,8}?(?:said|says|reported)\b|"
    # "two more drowned overnight, taking the death toll in this year's floods to 41"
    r",\s+(?:taking|bringing|pushing|raising)\s+(?:the|its|their)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:death\s+)?(?:toll|tally)\b|,\s+while\s+(?:the\s+)?[\w'’-]+\s+(?:said|says)\b"  # another's
)


_STATE_TOLL_RE = re.compile(_STATE_TOLL)
_FIGURE_COLON_RE = re.compile(r"\b(?:is|was|stands\s+at|stood\s+at|of)\s+[\d,]+: ")


#: a part of a running total told as its own event, its dead and their day: "(among them)
#: three residents of a care home in X who died Monday night", "(among them) a family of
#: four who were found dead on Sunday" (not "seven who died on Saturday across the region")
_DIED_THAT_DAY_RE = re.compile(
    r"[\d,]*[a-z-]*\s+(?:[\w'’-]+\s+){0,8}?(?:who|that)\s+(?:had\s+)?(?:died|collapsed|"
    r"drowned|perished|(?:were|was)\s+(?:found\s+dead|killed))\b(?P<between>[^.;]{0,60}?)"
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?P<after>[^.;]{0,30})"
)
_AREA_WIDE_RE = re.compile(r"\b(?:across|throughout|nationwide|around\s+the)\b")


def _died_that_day(lower: str, position: int) -> bool:
    if "who" not in lower and "that" not in lower:
        return False
    said = _DIED_THAT_DAY_RE.match(lower, position)
    return said is not None and not _AREA_WIDE_RE.search(said["between"] + said["after"])


def clause_cumulative(lower: str, dates: list[DateMention], position: int) -> bool:
    """Whether the clause of a cumulative sentence that holds the figure at ``position`` is
    the running total: in "five killed in fresh clashes; toll since May crosses 260" or
    "kills 11 at market as siege toll passes 230" only the second clause is. A sentence of
    one clause is taken whole. A part told as its own event ("among them a family of four
    who were found dead on Sunday") is not."""
    if _died_that_day(lower, position):
        return False
    state = _STATE_TOLL_RE.search(lower) if " toll" in lower else None
    if state is not None:  # "... kills six, State toll rises to 74": the second clause only
        return position > state.start()
    cut = " as " in lower or "," in lower
    cuts = [m.start() for m in _AS_TOLL_RE.finditer(lower)] if cut else []
    # "the toll is 28: the 27 recovered and a woman who died in July": the parts after
    cuts += [m.end() - 2 for m in _FIGURE_COLON_RE.finditer(lower)] if ": " in lower else []
    side = other_subject_at(lower, position) if ", and " in lower else None
    cuts += [] if side is None else [side]
    if ";" not in lower and not cuts:
        return True
    cuts += [i for i, ch in enumerate(lower) if ch == ";"]
    start = max((c + 1 for c in cuts if c < position), default=0)
    end = min((c for c in cuts if c > position), default=len(lower))
    clause = lower[start:end]
    inside = [
        replace(d, start=d.start - start, end=d.end - start)
        for d in dates
        if start <= d.start and d.end <= end
    ]
    return is_cumulative(clause, inside)


def clause_dates(lower: str, dates: list[DateMention], position: int) -> list[DateMention]:
    """The days told in the clause holding the figure at ``position`` when the sentence joins
    a running total and a new event with "as" ("raises 2025 road toll to 5,104 as bus crash
    kills 11": 2025 is not the crash's year); else every day of the sentence."""
    if "r after" in lower or "r on from" in lower or "r since" in lower:
        dates = _after_anniversary(lower, dates, position)
    side = other_subject_at(lower, position) if dates and ", and " in lower else None
    dates = dates if side is None else [d for d in dates if d.start < side]
    cuts = [m.start() for m in _AS_TOLL_RE.finditer(lower)] if " as " in lower else []
    if not cuts:
        return dates
    start = max((c + 1 for c in cuts if c < position), default=0)
    end = min((c for c in cuts if c > position), default=len(lower))
    return [d for d in dates if start <= d.start and d.end <= end]


def _after_anniversary(lower: str, dates: list[DateMention], position: int) -> list[DateMention]:
    """A figure told in the clause "a year after" opens ("on Saturday, a year after the river
    burst its banks, killing 23 people") is that year's, whatever day the main clause names;
    a figure outside it ("A year after the massacre, a new raid kills 10") is not."""
    inside = [
        d
        for d in dates
        if ANNIVERSARY_RE.search(lower, d.start, d.end)
        and d.end <= position
        and not CLAUSE_END_RE.search(lower, d.end, position)
    ]
    if inside:
        return inside[-1:]
    return [d for d in dates if not ANNIVERSARY_RE.search(lower, d.start, d.end)]
