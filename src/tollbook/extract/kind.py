"""The kind of a figure: observed, estimate, official or reported (CLAIMS.md).

A sentence can hold an official count and someone's estimate side by side ("at least
20,000, according to the WHO, though some say it could be as many as 150,000"), so the
cues of possibility are read around each figure: the words just before it and the rest
of its clause after it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tollbook.extract import cues
from tollbook.extract.drafts import Draft
from tollbook.extract.places import default_gazetteer

# Possibility and prediction just before a figure: "could reach 3,000", "may rise to 20",
# "as many as", "close to", "the true figure could be".
_ESTIMATE_BEFORE_RE = re.compile(
    r"(?:\b(?:could|may|might|would|will|expected\s+to|likely\s+to)\s+(?:well\s+|even\s+|yet\s+)?"
    r"(?:reach|be|rise\s+(?:to|above|beyond|past)|climb\s+(?:to|above|past)|number|exceed|top|"
    r"hit|go\s+up\s+to|surpass|pass|cross)"
    r"(?:\s+(?:as\s+(?:many|high)\s+as|close\s+to|up\s+to|more\s+than|over|at\s+least|about|around|"
    r"nearly|between|some))?|\bas\s+(?:many|high)\s+as|\bclose\s+to|\bfeared|\bbelieved|"
    r"\blikely|\bprobably|\bestimat\w*|"
    # "put the likely death toll at about 640", "the true figure is"
    r"\b(?:likely|probable|possible|true|real)\s+(?:death\s+)?(?:toll|number|figure)\s+"
    r"(?:at|of|to\s+be|is|was|could\s+be)\s+(?:about|around|some|nearly|up\s+to|more\s+than|"
    r"over|at\s+least|as\s+many\s+as)?|"
    # "That would put the toll at 72 or more": a reckoning, not a count
    r"\bwould\s+(?:put|bring|take|raise|push)\s+the\s+(?:death\s+)?(?:toll|number)\s+"
    r"(?:at|to)\s+(?:about|around|some|nearly|more\s+than|over|at\s+least)?|"
    # round 21: a speaker's own belief, "we think at least six more", "I think at least 30"
    r"\b(?:we|i)\s+(?:believe|think|fear)\s+(?:that\s+)?(?:there\s+(?:are|were)\s+)?"
    r"(?:at\s+least|about|around|some|more\s+than|up\s+to|between)?|"
    r"\b(?:thought|believed|feared|presumed)\s+to\s+(?:have\s+)?[a-z]+(?:\s+(?:some|about|around|"
    r"more\s+than|over|at\s+least|up\s+to|nearly))?|"
    # "expected the toll to rise to more than 20", "warned the death toll could climb to"
    r"\b(?:expect\w*|predict\w*|fear\w*|warn\w*)\s+(?:that\s+)?(?:the\s+)?(?:death\s+)?"
    r"(?:toll|figure|number\s+of\s+(?:dead|deaths|victims))\s+(?:to|would|could|will|may|might)\s+"
    r"(?:rise|climb|reach|top|exceed|pass|hit|go\s+up)(?:\s+(?:to|above|past|beyond))?"
    r"(?:\s+(?:more\s+than|over|about|around|nearly|as\s+many\s+as|at\s+least))?)"
    r"\s*(?:the\s+)?$"
)
# ... or just after it: "35 people may have died", "14 are feared missing", "30 more people
# from the village were believed to have died".
_ESTIMATE_AFTER_RE = re.compile(
    # (further from the figure only for the dead: "28 people ... are believed missing" and
    # "28 people remain missing and are presumed dead" count the missing)
    r"^\s*(?:(?!missing\b)[a-z-]+\s+){4,5}?(?:are|were)\s+(?:feared|believed|thought|presumed)\s+"
    r"(?:to\s+have\s+died|dead)\b|"
    r"^\s*(?:[a-z-]+\s+){0,3}?(?:(?:may|might|could)\s+(?:still\s+)?(?:have|be|well)|(?:are|were|is|was)\s+"
    r"(?:feared|believed|thought|presumed|likely|probably|estimated|suspected)|feared|believed|likely|"
    r"probably|estimated)\b"
)
_CLAUSE_END_RE = re.compile(r",\s+(?:though|but|while|whereas|although|which|who)\b|;|\bbut\b")


_ESTIMAT_RE = re.compile(r"\bestimat")
# round 21: deaths a model attributes to heat ("MoMo attributed more than 4,000 deaths in
# Spain to heat", "when 724 deaths were attributed to heat") are excess deaths estimated
_HEAT_ATTRIBUTED_RE = re.compile(
    r"\battribut\w*\s+(?:[^.;]{0,60}?\s)?to\s+(?:the\s+)?(?:heat\b|high\s+temperatures|heat\s*waves?)"
)
# "The UN has estimated that the siege killed between 4,000 and 5,500": the figure is what
# the speaker estimates, however far from the verb
_ESTIMATED_THAT_RE = re.compile(r"\bestimat(?:ed|es|e)\s+that\b")

# Public bodies the list of cues.OFFICIAL_RE lacks: an emergency operations or coordination
# centre, a state or national committee, a gendarmerie, a ports corporation, an ambulance
# organisation, a civil surgeon, a state government, a risk-management unit.
_MORE_OFFICIAL_RE = re.compile(
    r"\b(?:(?:operations?|emergency|coordination|crisis)\s+(?:[a-z]+\s+)?cent(?:re|er)|"
    r"(?:steering|national|state|provincial|regional|district|county)\s+(?:[a-z]+\s+)?committee|"
    r"gendarmerie|ports?\s+corporation|ambulance\s+organi[sz]ation|civil\s+surgeon|"
    r"state\s+government|risk\s+(?:management|reduction)|medical\s+examiner|national\s+guard|"
    r"disaster\s+response\s+force|"
    # round 11: corps, ranks and commanders, committees and units, chiefs of public services
    r"corps|lieutenant|colonel|commander|committee|unit|fire\s+chief|premier|mec|administrator|"
    r"chief\s+executive|"
    r"information\s+team|emergency\s+care|public\s+health\s+institute|"
    r"cent(?:re|er)s?\s+for\s+disease\s+control|health\s+services|"
    r"medical\s+officer|clinical\s+director|response\s+service|national\s+institute|bnpb|basarnas|"
    # round 16: coroners, fire stations, prefects and walis, military commands, secretariats
    r"coroners|fire\s+station|fire\s+and\s+rescue|prefect|prefecture|wali|"
    r"(?:military|naval|regional|joint|[a-z]+ern\s+[a-z]+)\s+command|secretariat|"
    r"cabinet\s+secretary|senior\s+(?:police\s+)?officer|"
    # round 18: an inspectorate ("General Inspectorate for Emergency Situations")
    r"inspectorate|emergency\s+situations|"
    r"(?:village|council|district|county|local\s+government)\s+chairman|chairman\s+of\s+the\s+council|"
    # round 21: a state's own tallies ("according to Israeli tallies", "federal figures")
    r"[a-z]+(?:i|an|ese|ish)\s+(?:government\s+|official\s+)?(?:tallies|tally|figures)|"
    # round 20: the head of a local government ("deputy head of Jishishan County")
    r"head\s+of\s+(?:the\s+)?(?:[a-z'-]+\s+){0,3}(?:county|district|province|region|prefecture|"
    r"township|municipality|city|town|village|commune|regency)|"
    # round 34: an army's division, an operations command, a disaster centre or coordinator,
    # a prosecutor's office by its Spanish name, security sources and an army's media wing
    r"division|operations\s+command|disaster\s+cent(?:re|er)|coordinator\s+for\s+disaster|"
    r"fiscal[ií]a|education\s+officer|security\s+(?:sources?|coordination)|ispr|senapred|"
    r"conred|national\s+emergency|"
    # round 35: a public rescue service known by its number ("Rescue 1122"); public bodies
    # by their French or Spanish names ("Bureau National de Gestion des Risques")
    r"rescue\s+1122|gestion\s+des\s+risques|protection\s+civile|gesti[oó]n\s+de(?:l)?\s+riesgos?|"
    r"protecci[oó]n\s+civil|defensa\s+civil|"
    # round 50: courts and their officers, councillors and ward or village heads, an air
    # force and a navy, constables, ombudsmen, a secretary for a portfolio, public
    # institutes, bureaux, registers and delegations, a public emergency medical service
    r"judges?|councill?ors?|ward\s+(?:chairman|chairperson|head)|village\s+(?:head|chief)|"
    r"air\s+force|navy|constable|ombuds(?:man|woman|person)|"
    r"secretary\s+(?:for|of)\s+(?:the\s+)?(?:health|state|defen[cs]e|interior|home|security|"
    r"education|transport|labou?r|public|emergenc\w+)|security\s+secretary|"
    r"(?:penitentiary|public\s+security|statistics?|meteorological)\s+(?:[a-z]+\s+)?institute|"
    r"fire\s+bureau|national\s+register|emergency\s+medical\s+services?|health\s+service|"
    r"(?:health|provincial|regional)\s+delegation|delegate\s+for|disaster\s+coordinator|"
    r"divisional\s+officer|governments|osce|dpo|"
    r"head\s+of\s+(?:the\s+)?(?:[a-z'-]+\s+){0,3}locality|(?:director|head)\s+of\s+[a-z]+\s+locality)\b"
)
# First-hand counts the cues lack: "we brought back 23 bodies", "the catechists buried 11
# bodies", "residents had buried 26 people" (people who handled the dead themselves).
# (people who buried them, when told by someone who is not an official: a mayor's
# "volunteers had buried 140" is the mayor's official count)
_MORE_OBSERVED_RE = re.compile(
    r"\b(?:i|we)\s+(?:have\s+|had\s+)?(?:brought\s+(?:back|out)|carried\s+out|dug\s+out)\b"
)
_THEY_BURIED_RE = re.compile(
    r"\b(?:catechists|volunteers|residents|villagers|parishioners|relatives|neighbours)\s+"
    r"(?:[a-z]+\s+){0,6}?(?:had\s+|have\s+)?buried\b"
)

#: (not another count named beside it: "were never added to the official count", "far
#: more than the official toll")
_OFFICIAL_WORD_RE = re.compile(
    r"(?<!\bto\sthe\s)(?<!\bthan\sthe\s)(?<!\boff\sthe\s)(?<!\bfrom\sthe\s)\bofficial(?:ly)?\b"
)

# A hospital's or a morgue's own count, told by it or its staff: "the morgue had received 19
# bodies", "said it had received 27 of the wounded", "16 of the injured had been admitted
# there", "Four patients died after arriving" (monitors code what a hospital received or saw
# die as observed; a ministry that "had received reports" is not a hospital)
_CARE_WORD_RE = re.compile(
    r"\b(?:hospitals?|clinics?|morgues?|mortuar(?:y|ies)|doctors?|medical|nurses?|"
    r"superintendent|physicians?|surgeons?|medics?)\b"
)
_CARE_OBSERVED_RE = re.compile(
    r"\b(?:hospital|clinic|morgue|mortuary|it|they|facility|unit|ward)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:received|admitted|treated)\s+(?!reports?\b)|"
    # "Las Anod General Hospital, the only one still working, has received 143 wounded"
    r"\b(?:hospital|morgue|mortuary|forensic)\b[^.;\"]{0,90}?\b(?:has|had|have)\s+"
    r"(?:received|admitted|registered)\b|"
    r"\b(?:admitted|brought)\s+(?:there|in)\b|\bbrought\s+there\b|"
    # "64 of the injured had been admitted since Monday", "brought to her wards"
    r"\b(?:had|have|has)\s+been\s+(?:admitted|brought\s+to\s+(?:her|his|its|their|our)\s+)|"
    r"\bdied\s+(?:there|after\s+arriving|on\s+arrival|on\s+the\s+operating\s+table|overnight|"
    r"during\s+the\s+night|in\s+(?:the\s+)?intensive\s+care|"
    r"on\s+the\s+way\s+to\s+(?:the\s+)?(?:hospital|clinic))\b"
)
# People who handled the dead themselves: "his team had buried 58", "volunteers had pulled
# 23 bodies out", "he and his cousins had pulled out eight bodies", "our ambulances carried"
_HANDLED_RE = re.compile(
    r"\b(?:volunteers|cousins|relatives|we|(?:his|her|our|my|their)\s+(?:[a-z]+\s+)?"
    r"(?:team|teams|crew|crews|colleagues|ambulances))\s+(?:[a-z]+\s+){0,2}?"
    r"(?:had\s+|have\s+)?(?:pulled|buried|carried|dug\s+out)\b"
)


# the figure is a toll's value: "the death toll ... rose to 31 after seven of the injured
# died overnight in hospital" (what the hospital saw is the seven, not the toll)
_TOLL_VALUE_RE = re.compile(
    r"\btoll\b[^.;]{0,70}?\b(?:rose|rises|risen|climbed|climbs|reached|reaches|stood|stands|"
    r"jumped|increased|grew)\s+to\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?$"
)


def kind_of(lower: str, speaker: str | None, before: str = "", after: str = "") -> str:
    """The kind of a figure in sentence ``lower``: ``before`` is the text between the
    figure before it and this one, ``after`` the text up to the next figure."""
    observed, official = _sentence_cues(lower, speaker)
    if (
        observed
        and not _TOLL_VALUE_RE.search(before[-90:])
        # ("A local hospital director says the toll could pass 25": a forecast)
        and not _ESTIMATE_BEFORE_RE.search(before[-45:])
    ):
        return "observed"
    cut = _CLAUSE_END_RE.search(after)
    after = after[: cut.start()] if cut else after
    if (
        _ESTIMATE_BEFORE_RE.search(before[-45:])
        or _ESTIMATE_AFTER_RE.match(after)
        or _ESTIMAT_RE.search(before + after)
        or (speaker and "estimat" in speaker.lower())
        or ("estimat" in lower and _ESTIMATED_THAT_RE.search(lower) is not None)
        or ("attribut" in lower and _HEAT_ATTRIBUTED_RE.search(lower) is not None)
    ):
        return "estimate"
    if official:
        return "official"
    # (the words before " and" are the figure before's: "2,914 suspected cases and 87 deaths")
    if cues.ESTIMATE_RE.search(before.rsplit(" and ", 1)[-1] + after):
        return "estimate"
    return "reported"


@lru_cache(maxsize=64)
def _sentence_cues(lower: str, speaker: str | None) -> tuple[bool, bool]:
    """Read once per sentence: a first-hand count, and an official word or source."""
    official_source = speaker is not None and is_official_source(speaker)
    # ("a local resistance official said": the word is the armed group's, not a state's)
    not_state = speaker is not None and _NOT_STATE_RE.search(speaker.lower()) is not None
    official = official_source or (not not_state and bool(_OFFICIAL_WORD_RE.search(lower)))
    observed = (
        cues.OBSERVED_RE.search(lower) is not None
        or (("brought" in lower or " out" in lower) and _MORE_OBSERVED_RE.search(lower) is not None)
        or (not official_source and "buried" in lower and _THEY_BURIED_RE.search(lower) is not None)
        or (_CARE_OBSERVED_RE.search(lower) is not None and _cared(lower, speaker))
        or (not official_source and _HANDLED_RE.search(lower) is not None)
    )
    if (
        observed
        and official_source
        # (round 50: an authority telling of deaths in a hospital, "Two people died
        # overnight in hospital, ... the city military administration said", gives its own
        # count; a hospital's staff telling of their patients stays a first-hand count)
        and (not _cared(lower, speaker) or _died_in_care_only(lower, speaker))
        and _WITNESS_OR_BURIAL_RE.search(lower) is None
    ):
        # a public body's or officer's own count of its work ("We have recovered 30 bodies",
        # said the head of the rescue office; "soldiers had counted 23 dead", said the army's
        # spokesman) is that authority's count; a hospital's, a witness's or a burial's
        # stays a first-hand observation
        observed = False
    if not observed and speaker is not None and _HOSPITAL_STAFF_RE.search(speaker.lower()):
        # a hospital's own staff telling what it received or saw ("its superintendent said",
        # "the head of the complex's emergency department", "a hospital official told
        # Xinhua") give a first-hand count, whatever official title they hold
        observed = not _HEALTH_AUTHORITY_RE.search(speaker.lower())
    if not observed and speaker is not None and not official_source:
        # a doctor, nurse or hospital telling of its own patients: "a nurse there said",
        # "the hospital's deputy director said", "Doctors there told us that they were
        # treating 11 students"
        # (not "hospital sources", nor patients "taken to hospitals" all over a city, nor
        # a count of deaths "since Tuesday")
        who = speaker.lower()
        observed = (
            _CARE_SPEAKER_RE.search(who) is not None
            and "source" not in who
            and _OWN_PATIENTS_RE.search(lower) is not None
            and _NOT_OWN_RE.search(lower) is None
        )
    return observed, official


#: someone who saw the dead who is not the source: a reporter, a camera, a witness; or the
#: people who buried them
_WITNESS_OR_BURIAL_RE = re.compile(
    r"\b(?:correspondents?|photographers?|journalists?|reporters?|footage|saw|seen|witness\w*|"
    r"buri\w+|bury\w*|relatives|residents|villagers|volunteers)\b"
)
#: a hospital's own staff, named by their post there (not "hospital officials" in general)
_HOSPITAL_STAFF_RE = re.compile(
    r"\b(?:superintendent|emergency\s+department|hospital\s+(?:official|spokes\w+|director)\b|"
    r"hospital['’]s\s+[a-z ]*(?:director|officer|chief|head|spokes\w+)|"
    r"(?:director|head|chief)\s+of\s+(?:the\s+)?[\w'’ ]{0,40}hospital)"
)
#: a health authority, not a hospital: "the district medical officer", "provincial health"
_HEALTH_AUTHORITY_RE = re.compile(
    r"\b(?:ministry|minister|district\s+medical|provincial\s+health|health\s+(?:department|"
    r"bureau|office|authority|directorate))\b"
)
#: who speaks for a hospital or treats its patients
_CARE_SPEAKER_RE = re.compile(
    r"\b(?:doctors?|nurses?|surgeons?|physicians?|medics?|paramedics?|health\s+workers?|"
    r"hospital|clinic|medical\s+(?:team|staff|superintendent|director|officer))\b"
)
_NOT_OWN_RE = re.compile(r"\bto\s+(?:various\s+|several\s+)?hospitals\b|\bdied\s+since\b")
#: what a hospital's staff see of their patients
_OWN_PATIENTS_RE = re.compile(
    r"\b(?:(?:taken|brought|evacuated|rushed|admitted|transferred)\s+to\b|"
    r"(?:were|was|are|is|been|had)\s+(?:being\s+)?(?:treat(?:ed|ing)|admitted)\b|"
    r"treated\s+there\b|first\s+aid\b|died\b|(?:of\s+)?(?:them|the\s+wounded)\s+died\b)"
)


#: deaths in a hospital or on the way to one, not what a hospital received or treated
_DIED_IN_CARE_RE = re.compile(
    r"\bdied\s+(?:[a-z]+\s+){0,2}?(?:there|after\s+arriving|on\s+arrival|overnight|during\s+the\s+"
    r"night|in\s+(?:the\s+)?(?:intensive\s+care|hospital)|on\s+the\s+way\s+to)\b"
)
_RECEIVED_RE = re.compile(r"\b(?:received|admitted|treated|treating|carried|brought)\b")


def _died_in_care_only(lower: str, speaker: str | None) -> bool:
    """Whether a sentence tells only of deaths in or on the way to a hospital, and not by a
    hospital's staff or of what a hospital received: an authority's count of its dead."""
    return (
        (speaker is None or _CARE_WORD_RE.search(speaker.lower()) is None)
        and _DIED_IN_CARE_RE.search(lower) is not None
        and _RECEIVED_RE.search(lower) is None
    )


def _cared(lower: str, speaker: str | None) -> bool:
    """Whether a hospital, a morgue or its staff speak in sentence ``lower``."""
    return _CARE_WORD_RE.search(lower) is not None or (
        speaker is not None and _CARE_WORD_RE.search(speaker.lower()) is not None
    )


def is_official_source(source: str) -> bool:
    """Whether a source, as the report finally names it, is a public body or its officer;
    not civil society, the Red Cross or Red Crescent, nor an armed group ("Arakan Army",
    "West Papua National Liberation Army"), whatever titles their people hold."""
    who = source.lower()
    if _NOT_STATE_RE.search(who):
        return False
    if cues.OFFICIAL_RE.search(who) is not None or _MORE_OFFICIAL_RE.search(who) is not None:
        return True
    # "Israel says": the state; "representative of Kyrgyzstan" (at the UN): its envoy
    envoy = _ENVOY_RE.search(source)
    state = default_gazetteer().lookup(envoy.group(1) if envoy else source.strip())
    return state is not None and state.is_country


_ENVOY_RE = re.compile(r"\b(?:representative|ambassador|envoy)\s+of\s+([A-Z][\w'’ -]+)$")


_NOT_STATE_RE = re.compile(
    r"\b(?:civil\s+society|red\s+cross|red\s+crescent|liberation\s+army|independence\s+army|"
    # (an association: "the local association of gold panners", civil society)
    r"arakan\s+army|rebels?|insurgents?|militias?|resistance|association|opposition|"
    # (an armed group's defence forces: "the local People's Defence Force")
    r"people['’]s\s+defen[cs]e\s+forces?|"
    # (the families' own committee: "a committee of victims' families")
    r"(?:committee|council|group|network)\s+of\s+(?:the\s+)?(?:victims|families|relatives|"
    r"residents|survivors|mothers|parents))"
    r"\b(?!-)"  # not "rebel-run ministry"
)


def official_by_source(kept: list[Draft]) -> None:
    """A figure read as merely reported whose source was settled after its sentence was read
    (a headline's source from the lead, a quote's speaker, a subgroup's larger figure) is an
    official count when that source is a public body or its officer."""
    named = {d.attributed_to for d in kept if d.attributed_to and ", " in d.attributed_to}
    for d in kept:
        if (
            d.kind == "reported"
            and d.attributed_to
            and is_official_source(_in_full(d.attributed_to, named))
        ):
            d.kind = "official"


def _in_full(source: str, named: set[str]) -> str:
    """A speaker named again by one of their names ("Bryant", "Bayu") as first named
    ("Colleen Bryant, Kentucky Emergency Management director"), when only one fits."""
    if " " in source.strip() or not source[:1].isupper():
        return source
    fits = [n for n in named if source in n.split(", ", 1)[0].split()]
    return fits[0] if len(fits) == 1 else source
