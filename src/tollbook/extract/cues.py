"""The words that tie a number to an outcome, a hedge, a victim group or a source kind.

Each cue is a compiled pattern over lower-cased, normalised text. Kept apart from the
extractor's control flow so the vocabulary can be read and extended in one place.
"""

from __future__ import annotations

import re

VICTIM_NOUNS = (
    "people|persons|person|civilians|civilian|children|child|kids|babies|baby|infants|"
    "soldiers|soldier|servicemen|servicemembers|troops|fighters|militants|combatants|"
    "women|men|man|woman|residents|patients|doctors|medics|nurses|paramedics|health workers|"
    "aid workers|humanitarian workers|journalists|reporters|workers|miners|migrants|refugees|"
    "passengers|students|pupils|teenagers|boys|girls|elderly people|police officers|"
    "policemen|officers|firefighters|rescuers|volunteers|pilgrims|worshippers|villagers|"
    "farmers|fishermen|family members|members|relatives|palestinians|ukrainians|israelis|"
    "syrians|sudanese|russians|afghans|yemenis|lebanese|iraqis|haitians|somalis|libyans|"
    "victims|bodies|body|corpses|remains|others|individuals|inhabitants|detainees|prisoners|"
    "hostages|staff|staff members|employees|tourists|guests|crew members|crew|sailors|"
    "marines|officials|guards|security personnel|personnel|demonstrators|protesters|"
    "protestors|mourners|shoppers|commuters|sheltering civilians|adults|minors|"
    "household members|relatives|cadets|recruits|conscripts|volunteers|mothers|fathers|newborns|"
    "monks|nuns|priests|dockers|attackers|gunmen|drivers|truck drivers|shopkeepers|traders|"
    "medical personnel|aid workers|port workers|worshipers|infants|"
    # kin: "a woman and her two grandchildren drowned"
    "sons|daughters|brothers|sisters|grandchildren|grandsons|granddaughters|grandparents|"
    "parents|husbands|wives|siblings|cousins|nephews|nieces|"
    # those killed by police or troops ("four suspected robbers were killed")
    "suspects|robbers|armed robbers|bandits|cultists|kidnappers|insurgents|rebels|jihadists|"
    "terrorists|gang members|assailants|raiders|smugglers|pirates|poachers|mercenaries"
)
#: the one person a figure of one names: "killing one Nepalese peacekeeper", "one farmer was
#: killed", "one more patient died" (the plural nouns above name most of them as well)
ONE_VICTIM_RE = re.compile(
    r"^\s*(?:more\s+|other\s+)?(?P<np>(?:[a-z][a-z'-]+\s+){0,2}?(?:farmer|peacekeeper|fan|"
    r"patient|miner|attacker|teacher|officer|passenger|driver|worker|student|pupil|employee|"
    r"resident|villager|volunteer|firefighter|rescuer|policeman|guard|journalist|nurse|doctor|"
    r"medic|soldier|civilian|child|boy|girl|man|woman|person|gunman|suspect|fisherman|pilgrim|"
    r"tourist|trader|shopkeeper|guest|protester|demonstrator|detainee|prisoner|crew\s+member|"
    r"mechanic|labourer|laborer|motorist|pedestrian|cyclist|hiker|climber|infant|baby|toddler|"
    r"teenager|adolescent|relative|militant|fighter|rebel|insurgent|bystander|worshipper|"
    r"herder|herdsman|porter|vendor))\b(?!-)"
)
#: the group one person was of: "one of the survivors", "one of the employees"
OF_THE_PEOPLE_RE = re.compile(
    r"\s+of\s+(?:the|its|their|our)\s+(?:[a-z-]+\s+){0,2}?(?:" + VICTIM_NOUNS + r"|injured|"
    r"wounded|survivors)\b"
)
VICTIMS_RE = re.compile(
    r"^\s*(?:more\s+|other\s+|additional\s+|further\s+|of\s+the\s+|of\s+)?"
    r"(?:(?:were|are|was|is)\s+)?"  # "Of the 19 dead, seven were children": children
    # (no conjunction as a modifier: "rose to 90 as rescuers searched" names no victims, nor
    # "13 dead and two attackers killed")
    r"(?P<np>(?!(?:and|or)\s)(?:(?!(?:as|when|while|after|before|because|since|until|if)\s)"
    r"[a-z][a-z'-]+\s+){0,2}?"
    r"(?:" + VICTIM_NOUNS + r")"
    r"(?:\s*(?:,|and|or)\s+(?!including|among|mostly|mainly|many|most|some|all)"
    # (not a number word: "14 children and nine women" are two figures)
    r"(?:(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
    r"scores|hundreds|thousands)\s)[a-z][a-z'-]+\s+)?(?:" + VICTIM_NOUNS + r")(?![a-z])"
    # (not the speaker: "killed 11 people, officials said")
    r"(?!\s+(?:have\s+|had\s+|also\s+)?(?:said|say|says|told|reported|added|confirmed)\b))?)"
    r"(?![a-z])",
)
BODY_NOUNS = frozenset({"bodies", "body", "corpses", "remains"})

# Words allowed between a number (and its victim noun) and the outcome word after it.
BETWEEN_WORDS = frozenset(
    """who that which have has had were was are is been being be reportedly also now all later
    confirmed believed feared thought said to remain remained still presumed left lay lying
    in total so far known officially originally initially since then previously already
    more other others further additional of them whom among were were were just
    only likely probably possibly either allegedly may might could would will must shall
    people persons both reported listed declared registered formally of them those one same the
    family families household in at across near throughout around region city town area
    village district province country attack strike blast explosion building camp
    hospitals hospital capital from still listed as officially province admitted escaped later
    subsequently then aboard board on lightly seriously critically badly slightly severely
    fatally considered forcibly""".split()
)
#: what befell people before they died: "three labourers collapsed and died in the heat"
BEFORE_DYING_RE = re.compile(
    r"(?:collapsed|fainted|fell\s+ill|were\s+taken\s+ill|suffered\s+(?:heatstroke|burns))"
    r"\s+and\s+(?=(?:later\s+)?died\b)"
)
_DONE_TO = (
    r"(?:taken|brought|rushed|flown|admitted|evacuated|airlifted|hospitali[sz]ed|trapped|caught|"
    # "two of the children hit at the school died in the night"
    r"hit|struck|hurt|wounded|injured)"
)
#: what the people counted were doing when they died: "three labourers laying a drain on a
#: road in the Korangi industrial area collapsed and died" (no other clause or figure
#: between: not "300 people sheltering in the school where two children died")
PARTICIPLE_ASIDE_RE = re.compile(
    r"\s*(?:(?!(?:during|according|following|including|morning|evening|building|something|"
    r"nothing|being)\b)[a-z]+ing|"
    # ... or what was done to them: "one of the employees taken to Rouen University Hospital
    # with serious burns died there"
    + _DONE_TO
    + r")\s+(?:(?!(?:where|when|after|as|that|which|while|before|and|"
    r"but|one|two|three|four|five|six|seven|eight|nine|ten)\b)[a-z'’-]+,?\s+){0,10}?"
    r"(?:(?:collapsed|fainted|fell\s+ill)\s+and\s+)?(?=(?:died|drowned|perished|(?:were|was)\s+"
    r"killed)\b)"
)
ING_RE = re.compile(r"[a-z]+ing\s|" + _DONE_TO + r"\s")  # (a cheap screen for the pattern above)
#: a figure that is the subject of a killing told with its own count of the dead
SUBJECT_KILLED_RE = re.compile(
    r"\s+(?:have\s+|had\s+|together\s+)?(?:killed|left)\s+(?:at\s+least\s+|more\s+than\s+|"
    r"about\s+|some\s+|nearly\s+|almost\s+)?(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|"
    r"nine|ten|eleven|twelve|dozens|hundreds)\b"
)
# Words that end the search for an outcome: the number counts something else.
BLOCK_WORDS = frozenset(
    """rescued evacuated displaced sheltering hiding arrested detained fled homeless saved
    survived freed released homes houses buildings apartments flats tanks missiles drones
    rockets shells trucks vehicles tonnes tons km kilometres kilometers miles metres meters
    percent per hours days weeks months years minutes seconds beds schools hospitals
    ambulances times year-old years-old dollars euros pounds livestock cattle animals sheep
    goats cows dogs cats horses birds chickens poultry camels fish families households
    blasts explosions strikes airstrikes attacks bombings raids crashes quakes earthquakes
    landslides shootings massacres ambushes incidents clans tribes villages""".split()
)

# Outcome words after the number: "17 people were killed", "40 dead", "3 missing".
RIGHT_OUTCOME_RE = re.compile(
    r"^(?:"
    r"(?P<killed>killed|dead|died|die|dying|deaths|death|killings|fatalities|fatality|perished|slain|"
    r"succumbed|homicides|murders|"
    r"murdered|executed|massacred|drowned|drown|drowning|martyrs|martyred|lost\s+their\s+lives|lost\s+lives|lives\s+(?:were\s+|have\s+been\s+)?lost|"
    r"lives|shot\s+dead|[a-z]+ed\s+to\s+death|burnt\s+to\s+death|confirmed\s+dead|electrocuted|"
    r"neutrali[sz]ed|"
    r"(?:were|are|was|is)\s+among\s+(?:them|the\s+(?:dead|victims|killed|fatalities)|those\s+killed))"
    r"|(?P<injured>injured|wounded|hurt|injuries|casualties\s+were\s+injured|hospitali[sz]ed|"
    # ("had died of their wounds" is no wound)
    r"(?:with|have|has|had|sustained|suffered|sustaining|suffering)\s+"
    r"(?:(?!died\b|dying\b|succumbed\b)[a-z-]+\s+){0,4}?(?:injuries|wounds|burns)|"
    r"(?:being\s+)?treated\s+(?:for|after)\s+(?:[a-z-]+\s+){0,4}?(?:injuries|wounds|burns|injury|wound)|"
    r"being\s+treated|"
    r"(?:taken|rushed|admitted|airlifted)\s+to\s+(?:a\s+|the\s+)?(?:[\w'-]+\s+){0,4}?hospitals?)"
    r"|(?P<missing>missing|unaccounted\s+for|disappeared|still\s+missing|trapped|feared\s+trapped|buried\s+alive|"
    r"(?:feared|believed)\s+(?:to\s+be\s+)?buried|"
    r"swept\s+away|washed\s+away|forcibly\s+disappeared|under\s+(?:the\s+)?(?:rubble|debris)|"
    r"still\s+(?:be\s+)?under\s+the\s+(?:collapsed|fallen)\s+[a-z]+|"  # "... canopy"
    r"still\s+(?:in\s+the\s+(?:sea|water|river|lake|rubble)|"
    r"under\s+(?:the\s+)?(?:rubble|earth|ground|debris|mud|water|snow)|down\s+there|buried|unaccounted)|"
    r"buried\s+under\s+(?:the\s+)?rubble)"
    r"|(?P<buried>buried|laid\s+to\s+rest|interred|dumped\s+in|dumped\s+into|placed\s+in|pushed\s+into|lowered\s+into)"
    r"|(?P<found>found|recovered|retrieved|pulled|discovered|exhumed|washed\s+(?:up|ashore)|unearthed|located|identified|collected)"
    r")(?![a-z])"
)

HEDGE_TAIL = (
    r"(?:\s+(?:at\s+least|more\s+than|over|about|around|approximately|nearly|almost|some|"
    r"roughly|up\s+to|as\s+many\s+as|an\s+estimated|estimated|a\s+total\s+of|a\s+further|"
    r"another|the|an|a|no\s+fewer\s+than|close\s+to|in\s+excess\s+of|upwards\s+of|fewer\s+than|"
    r"less\s+than|just\s+over|just\s+under|well\s+over|well\s+above|an\s+additional|"
    r"a\s+minimum\s+of|over|a\s+reported|what\s+(?:is|was)\s+believed\s+to\s+be|now|already|"
    r"as\s+high\s+as|exceed|exceeds|passes|surpasses|some|last|first|final|remaining|other|all))*\s*$"
)
# Outcome words before the number: "killing at least 17", "the death toll rose to 35".
LEFT_OUTCOME_RE = re.compile(
    r"(?:"
    # a bulletin's label: "Deaths: 27", "Killed: 12 | Injured: 40"
    r"(?P<killed_label>(?:^|[|;•]\s*)\W*(?:deaths|dead|killed|deceased|fatalities|death\s+toll|"
    r"confirmed\s+deaths)\s*:)|"
    r"(?P<injured_label>(?:^|[|;•]\s*)\W*(?:injured|injuries|wounded)\s*:)|"
    r"(?P<missing_label>(?:^|[|;•]\s*)\W*(?:missing|missing\s+persons|unaccounted\s+for)\s*:)|"
    # ("killing a family of five": the family's members)
    r"(?P<killed>\b(?:(?:killed|killing|kills|kill)\s+(?:a|an|one|the)\s+(?:family|household)\s+of|"
    r"killed|killing|kills|kill|drowned|drowning|drowns|slaughtered|massacred|executed|claimed\s+the\s+lives\s+of|"
    # "gunmen shot dead three farmers", "beheaded five men", "lynched 118 people"
    r"shot\s+dead|gunned\s+down|(?:hacked|stabbed|beaten|burned|burnt|crushed|bludgeoned)\s+to\s+death|"
    r"beheaded|lynched|"
    # "killing a woman and her three children": the figure is the children's
    r"(?:killing|killed|kills|kill)\s+(?:a|an|one)\s+(?:[\w'-]+\s+){1,3}?and\s+(?:her|his)|"
    # "the hospital had lost 46 dengue patients", "Katolo lost at least 23 of its residents"
    # (a figure of things lost, "300 homes", names no victims and is no claim)
    r"lost|"
    r"among\s+(?:the\s+)?(?:dead|victims|those\s+killed|fatalities)\s+(?:were|are|was|is)|"
    r"the\s+(?:dead|victims|killed|deceased|fatalities)\s+(?:include[sd]?|including|are|were)|"
    r"bringing\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}?(?:toll|number|total|tally|count)(?:\s+\S+){0,12}?\s+to|"
    r"among\s+(?:the\s+)?(?:dead|deaths|victims|those\s+killed|fatalities)(?:\s+[a-z]+){1,3}?\s+"
    r"(?:were|are|was|is)|the\s+deaths\s+(?:include[sd]?|including)|"
    # "recorded the most deaths, 24, followed by ...", "the largest share of the new deaths, with 14"
    r"(?:most|share\s+of\s+the(?:\s+new)?|highest\s+number\s+of)\s+deaths,\s+(?:with\s+)?|"
    r"(?:figure|number|toll|count|dead|deaths)(?:\s+this\s+year)?\s+(?:could|may|might|would|will)\s+"
    r"(?:well\s+|even\s+)?(?:be|reach|rise\s+to|climb\s+to|top|exceed|number|hit|pass|cross|surpass)|"
    r"(?:deaths|dead|toll|killed|fatalities)(?:\s+\S+){0,3}?\s+(?:ranging|ranges|range)|"
    r"eliminated|eliminating|neutrali[sz](?:ed|ing)|"
    r"(?:putting|put|puts|placing|places)\s+the\s+(?:[a-z-]+\s+){0,3}?(?:figure|toll|number)"
    r"(?!\s+of\s+(?:the\s+)?(?:missing|injured|wounded|people\s+missing))(?:\s+\S+){0,6}?\s+at|"
    r"(?:killed|dead|died|deaths|fatalities)\s*\(|"
    r"(?:official|death|casualty)\s+(?:figure|count|tally|toll|total)\s+(?:of|at|is|was|stands\s+at)|"
    r"(?:than|of|to|with)\s+the\s+official(?:ly)?(?:\s+(?:reported|confirmed|announced|recorded))?|"
    r"(?:received|receiving|brought\s+in|counted|saw|seen)(?=\s+\S+(?:\s+\S+)?\s+(?:bodies|corpses)\b)|"
    r"the\s+lives\s+of|killed\s+an\s+estimated|took\s+the\s+lives\s+of|"
    r"(?:(?:death|casualty|fatality)\s+)?(?:toll|tally)(?:\s+\S+){0,18}?\s+(?:rose|risen|rises|climbed|climbs|"
    r"reached|reaches|stands|stood|is|was|hit|hits|jumped|increased|passed|surpassed|exceeded|"
    r"topped|of|at|to|now|grew|grown|soared|jumps|mounted|reach|rise|than|passes|surpasses|exceeds|exceed|"
    r"tops|be|from|nears|neared|approaches|approached|stand|hits|climb|crosses|crossed)"
    r"(?:\s+(?:to|at|above|beyond|past))?|"
    r"number\s+of\s+(?:[a-z-]+\s+){0,3}?(?:dead|deaths|fatalities|killed|victims|bodies|"
    # "the number of people who have died", "of migrants known to have died"
    r"(?:who\s+(?:have\s+|had\s+)?|known\s+to\s+have\s+|confirmed\s+to\s+have\s+)"
    r"(?:died|been\s+killed|were\s+killed|lost\s+their\s+lives|perished))"
    r"(?:\s+\S+){0,18}?\s+(?:rose|risen|climbed|reached|stands|stood|is|was|hit|to|at|of|increased|be|exceed|"
    r"exceeds|exceeded|passed|surpassed|from|reach|reaches|top|tops)"
    r"(?:\s+(?:to|at))?|(?:putting|put|puts|placing|places|puts)\s+the\s+(?:death\s+)?(?:figure|toll|number)(?:\s+of\s+(?:dead|deaths))?(?:\s+at)?|"
    r"deaths(?:\s+(?:from|of|in)\s+(?:the\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}?)?\s+"
    r"(?:rose|climbed|reached|to|at|stood|stand|stands|has\s+risen|have\s+risen)(?:\s+(?:to|at))?|"
    r"dead\s+(?:rose|climbed|reached|to|at|stood)(?:\s+(?:to|at))?|death\s+of|deaths\s+of|toll\s+of|"
    r"killings?\s+of|massacres?\s+of|"
    # ("The first official toll, given on 20 July, was 19": a clause between)
    r"toll(?:,\s+[^,;.]{3,40},)?\s+(?:rose|climbed|reached|stands\s+at|stood\s+at|to|at|hit|is|was)"
    r"(?:\s+(?:to|at))?))"
    r"|(?P<injured>\b(?:injured|injuring|injures|wounded|wounding|wounds|hurt|hurting|treated|treating|"
    r"injuries\s+to|"
    r"among\s+(?:the\s+)?(?:injured|wounded)\s+(?:were|are|was|is)|"
    r"the\s+(?:injured|wounded)\s+(?:include[sd]?|including|are|were)|(?:injured|wounded)\s*\(|"
    r"number\s+of\s+(?:injured|wounded|injuries)(?:\s+\S+){0,6}?\s+(?:rose|risen|climbed|reached|stands|stood|is|was|to|at)(?:\s+(?:to|at))?|"
    r"injur(?:y|ies)\s+toll(?:\s+\S+){0,4}?\s+(?:rose|reached|stands|is|was|to|at)(?:\s+(?:to|at))?))"
    r"|(?P<missing>\b(?:(?:the\s+)?(?:search|searching|hunt|looking)\s+(?:\w+\s+){0,2}?for(?:\s+(?:the|another|a\s+further))?|"
    r"(?:putting|put|puts|placing|places)\s+the\s+number\s+of\s+(?:the\s+)?"
    r"(?:missing|people\s+missing)\s+at|number\s+of\s+(?:missing|people\s+missing|those\s+missing|missing\s+people)(?:\s+\S+){0,6}?\s+(?:rose|risen|climbed|reached|stands|stood|is|was|to|at)(?:\s+(?:to|at))?))"
    r"|(?P<buried>\b(?:buried|burying|buries|bury|laid\s+to\s+rest|interred|burials\s+of|burial\s+of))"
    r"|(?P<found>\b(?:recovered|recovering|retrieved|retrieving|found|finding|exhumed|exhuming|"
    r"pulled|pulling|discovered|discovering|unearthed|throwing\s+up|washed\s+up|collected))"
    r")" + HEDGE_TAIL
)

#: the people a "number of victims" counts are alive: "the number of flood victims housed in
#: relief centres fell to 48,215"
SHELTERED_RE = re.compile(
    r"\bvictims\s+(?:\w+\s+){0,2}?(?:housed|sheltered|sheltering|evacuated|displaced|relocated|"
    r"affected|homeless|in\s+(?:relief|evacuation)\s+cent(?:re|er)s)\b"
)

HEDGE_RE = re.compile(
    r"(?:(?P<at_least>at\s+least|no\s+fewer\s+than|not\s+less\s+than|a\s+minimum\s+of|at\s+a\s+minimum)"
    r"|(?P<more_than>more\s+than|over|in\s+excess\s+of|upwards\s+of|above|exceeding|exceeded|exceed|exceeds|"
    r"passes|surpasses|tops|past|crosses|crossed|(?:could|may|might|would|will)\s+(?:well\s+|even\s+)?"
    r"(?:pass|exceed|cross|surpass|top)|"
    r"passed|surpassed|topped|beyond|just\s+over|well\s+over|well\s+above|higher\s+than|"
    r"greater\s+than)"
    r"|(?P<about>about|approximately|approx\.?|around|some|roughly|an\s+estimated|estimated|circa|"
    r"an\s+approximate|or\s+so|a\s+reported)"
    r"|(?P<up_to>up\s+to|nearly|almost|close\s+to|as\s+many\s+as|fewer\s+than|less\s+than|"
    r"(?:could|may|might|would|will)\s+(?:well\s+|even\s+)?(?:reach|rise\s+to|climb\s+to|hit)|"
    r"under|just\s+under|not\s+more\s+than|no\s+more\s+than|at\s+most|a\s+maximum\s+of|"
    r"as\s+much\s+as|just\s+shy\s+of|as\s+high\s+as|nears|neared|approaching|approaches|approached))"
    r"(?:\s+(?:the|a\s+total\s+of|a\s+further|another|an\s+additional))?\s*$"
)
#: "over" that says what something is about, not how many: "charged him over 61 deaths",
#: "jailed over 14 killings", "protests over 9 deaths"
OVER_AS_ABOUT_RE = re.compile(
    r"\b(?:charged|charges?|jailed|jails|sentenced|convicted|tried|trial|indicted|arrested|"
    r"prosecuted|sued|fined|acquitted|protests?|protested|outrage|anger|inquiry|inquest|"
    r"investigation|probe|resigns?|resigned|blamed|blames|apologi[sz]ed|compensation)"
    r"(?:\s+(?!over\b)[\w'-]+){0,3}\s+over\s*$",
    re.IGNORECASE,
)
AT_LEAST_AFTER_RE = re.compile(r"^\s*(?:or\s+more|and\s+more|\+|-plus|plus)\b|^\+")

# Figures that count something else, judged from the words right before or after.
NOT_A_COUNT_BEFORE_RE = re.compile(
    r"(?:[$£€¥₴]|us\$|\b(?:aged|age|ages|magnitude|number|no\.|route|floor|page|resolution|rescue|"
    r"article|code|flight|platform|gate|room|apartment|building|block|unit|highway|road|"
    r"city\s+of|town\s+of|population\s+of|home\s+to|home\s+of|capital\s+of|nation\s+of|country\s+of|"
    r"no|population|inhabitants|space\s+for|room\s+for|capacity\s+(?:of|for)|hold|holds|built\s+for|"
    # those held for the deaths: "police have arrested three men in connection with"
    r"arrested|detained|apprehended|charged|convicted|sentenced|jailed|indicted|"
    r"aged\s+\d+\s+(?:and|to|or)|ages\s+\d+\s+(?:and|to)|"
    r"covid-|su-|mig-|tu-|f-|roles?\s+of|one\s+in|\d+\s+in|"
    # "a man of 58 whose body was found": an age
    r"(?:man|woman|boy|girl|person|farmer|driver|mother|father)\s+of|[$£€]\s*\d[\d,.]*\s+(?:million|billion|bn|m)\s+to)\s*$|(?<=\d)[/:.]$)"
)
#: The later ages of a list, which the 12 characters ``NOT_A_COUNT_BEFORE_RE`` reads do not
#: reach: "three men aged 34, 51 and 67".
_AGE = (
    r"(?:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen)"
)
#: "aged 5, 7 and", "aged five and": the ages of people told, not a count
AGE_LIST_BEFORE_RE = re.compile(rf"\baged\s+{_AGE}(?:\s*,\s*{_AGE})*(?:\s*,|\s+(?:and|or))\s*$")
#: an age bound after the people it bounds: "people under 18", "residents older than 70"
AGE_BOUND_BEFORE_RE = re.compile(
    r"\b(?:people|persons|children|adults|minors|men|women|boys|girls|residents|patients|"
    r"victims|those|anyone|aged|ages?)\s+(?:under|over|below|above|older\s+than|"
    r"younger\s+than)\s+$"
)
NOT_A_COUNT_AFTER_RE = re.compile(
    r"^(?:\s+in\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b|\s*-?\s*(?:year|years|yr|month|week|day|hour|minute)s?[- ]old|\s*(?:%|per\s*cent|percent"
    r"|km|kilomet|mile|metre|meter|m\b|sq|square|hectare|acre|tonne|ton|kg|kilogram|pound|"
    r"feet|foot|ft|inch|cm|mm|hour|day|week|month|year|minute|second|am\b|pm\b|a\.m|p\.m|"
    r"o'clock|gmt|utc|dollars|euros|pounds|hryvnia|shekels|degrees|°|times\b|th\b|st\b|nd\b|rd\b|"
    # records, not the dead: "1,870 death records", "400 death certificates"
    r"\s+death\s+(?:records|certificates|registrations)|"
    # a temperature: "temperatures topped 40 C", "41.2 F"
    r"[cf]\b(?![-'’])|"
    r"magnitude|storey|story|floors|mph|kph|kmh|-storey|-story|billion\s+dollars|million\s+dollars|"
    r"mm\b|hectares|calibre|caliber|-mm|(?:thirds|quarters|fifths|tenths)\b)|(?:-|/)\d|"
    # things, not people: "buried 34 homes", "destroyed 12 houses"
    r"\s+(?:(?:more|other|new|residential|private|apartment|mud|brick)\s+)?"
    r"(?:homes|houses|buildings|dwellings|shops|cars|vehicles|trucks|roads|"
    r"bridges|schools|hospitals|villages|livestock|cattle|goats|sheep|cows|animals)\b|"
    # a norm to compare with: "112 bodies, against about 30 in an ordinary week"
    r"\s+in\s+an?\s+(?:ordinary|normal|typical|average|usual)\s+(?:day|week|month|year)\b|"
    r"\s+(?:of\s+)?(?:january|february|march|april|may|june|july|"
    r"august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b)",
)

SCOPE_CUMULATIVE_RE = re.compile(
    r"\b(?:since|so\s+far|to\s+date|in\s+total|overall|cumulative|throughout\s+the|"
    r"over\s+the\s+course|war\s+(?:has|had)\s+(?:killed|claimed)|conflict\s+(?:has|had)\s+(?:killed|claimed)|"
    r"during\s+the\s+(?:war|conflict|siege|occupation|outbreak|epidemic)|(?:weeks|months|years)\s+of\s+(?:the\s+)?"
    r"(?:occupation|siege|war|fighting|conflict|shelling)|of\s+the\s+(?:war|conflict|siege)|"
    r"in\s+the\s+(?:war|conflict|siege)|overall\s+toll|total\s+(?:death\s+)?toll|"
    r"(?:the\s+)?(?:siege|war|invasion|occupation|offensive)\s+began|running\s+toll|"
    r"in\s+the\s+past\s+(?:\w+\s+)?(?:weeks|months|years)|since\s+the\s+start|"
    # a weekly or monthly update's count: "six killed by strikes during the week"
    r"(?:during|over)\s+the\s+(?:past\s+|reporting\s+)?(?:week|month|period)|"
    # a quarter's or half-year's count: "put the quarter's civilian toll at 512", "46 soldiers
    # were killed in the quarter"
    # (not "set fire to houses in the quarter": a part of a town)
    r"(?:(?:(?:killed|died|dead|deaths|wounded|injured)\s+in|during|over|for)\s+(?:the|this|that|"
    r"last)\s+(?:quarter|half[- ]year)\b(?!\s+(?:known|called|named|of|where)\b)|"
    r"(?:the|this|that|last)\s+(?:quarter|half[- ]year)['’]s)|"
    r"(?:first|second)\s+half\s+of\s+(?:the\s+)?(?:year|(?:19|20)\d\d)|"
    # one cause's share of a period's count: "Drone strikes alone killed 236 people"
    r"[a-z]{3,}s\s+alone\s+(?:have\s+|had\s+)?(?:killed|claimed)|"
    # a period ranked among others: "The deadliest quarter was July to September, with 1,783"
    r"(?:deadliest|bloodiest|worst)\s+(?:quarter|month|week|year|season|period|half)|"
    # an audit's or a review's finding: "the audit found 442 deaths that never reached ..."
    # ("The audit, carried out over five months, reviewed 2,318 files and found 19 deaths")
    r"(?:audit|review)\b[^.;]{0,120}?\b(?:found|counted|identified|added|uncovered))\b"
)
ESTIMATE_RE = re.compile(
    r"\b(?:estimat\w*|believes?|believed|could\s+be|could\s+have|may\s+have|might\s+have|"
    # ("four suspected robbers were killed": who they were thought to be, not a hedge)
    r"likely|probably|feared|suspect(?!s\b)(?!ed\s+(?:armed\s+)?(?:robbers|bandits|cultists|"
    r"kidnappers|militants|insurgents|rebels|jihadists|terrorists|gang|gunmen|attackers|"
    r"smugglers|pirates|poachers|criminals|thieves|fighters)\b)\w*|projected|projections?|model(?:l)?ing|extrapolat\w*|"
    r"calculat\w*|guess\w*|assess\w*|real\s+(?:number|toll|figure))\b"
)
OBSERVED_RE = re.compile(
    r"\b(?:(?:i|we)\s+(?:saw|counted|witnessed|observed|could\s+see)|(?:our|a|an|the)\s+"
    r"(?:reporter|correspondent|journalist|photographer|team|crew)s?\s+(?:saw|counted|witnessed|"
    r"observed)|(?:afp|reuters|ap|bbc|cnn|al\s+jazeera|associated\s+press)\s+"
    r"(?:journalists?|reporters?|correspondents?|photographers?|teams?|staff)\s+(?:saw|counted|"
    r"witnessed|observed)|(?:saw|counted|witnessed)\s+(?:at\s+least\s+)?\d|"
    r"\b(?:i|we|he|she)\s+(?:had\s+|have\s+)?(?:seen|saw|counted|buried|pulled\s+out|carried)\b|"
    r"\bour\s+(?:staff|teams?|doctors|medics|nurses|volunteers)\s+(?:treated|saw|counted|received|"
    r"buried)|\b(?:researchers|investigators|correspondents?|reporters?)\s+(?:saw|counted)|"
    r"\b(?:said|says|say)\s+(?:that\s+)?(?:it|they|we|staff|its\s+\w+|their\s+\w+)\s+(?:had\s+|have\s+|"
    r"were\s+|was\s+)?(?:helped\s+(?:to\s+)?)?(?:bury|buried|collected|counted|carried|evacuated|"
    r"treated|found)\b|"
    # "said five of its patients had died": the speaker's own patients
    r"\b(?:of\s+its|of\s+our|of\s+their)\s+patients\b|"
    r"\b(?:i|we)\s+(?:have\s+|had\s+)?(?:recovered|pulled\s+out)\b|"
    # a reporter or photographer at the scene, the speaker's own team receiving or treating
    # the victims, people who helped bury or collect the dead, footage that shows them
    r"\b(?:reporter|correspondent|journalist|photographer)s?\s+(?:[\w ]{1,30}?\s+)?(?:saw|counted|"
    r"witnessed)\b|\bwe\s+(?:have\s+|had\s+)?(?:received|treated)\b|"
    r"\bhelped\s+(?:to\s+)?(?:bury|collect|carry)\b|\bfootage\b[^.;]{0,40}?\bshows\b|"
    # a hospital's or a team's own patients: "his hospital had received 16 bodies", "staff had
    # treated 3,000 patients", "health workers said they had treated 17" (staff who "said they
    # had received" the dead pass on a count: outlets codes them reported)
    r"\b(?:hospital|clinic|staff|teams?|medics|doctors|nurses|health\s+workers)\s+"
    r"(?:(?:at|in)\s+[^.;\d\"]{2,60}?\s+)?(?:(?:had|have|has)\s+)?"
    r"(?:received|treated|treat|receive)\b|\bthey\s+(?:had|have)\s+treated\b)"
)
OFFICIAL_RE = re.compile(
    r"\b(?:official(?:ly)?|ministry|minister|mayor|governor|authorities|authority|government|"
    r"police|military|army|armed\s+forces|council|administration|prosecutor(?:'s)?|"
    r"civil\s+defen[cs]e|emergency\s+services|emergencies\s+service|state\s+emergency|"
    r"health\s+department|officials|spokes(?:man|woman|person)\s+for\s+the\s+(?:ministry|"
    r"government|army|military|police|city|regional)|coroner|morgue\s+director|city\s+hall|"
    r"regional\s+head|head\s+of\s+the\s+regional|presidential\s+office|kremlin|idf|"
    r"state\s+media|state\s+news\s+agency|commissioner|office\s+of\s+the\s+prosecutor|tribunal|"
    r"court|inquiry|commission|agency|directorate|department|disaster\s+management|"
    r"civil\s+protection|fire\s+service|rescue\s+service|governorate|municipality|"
    r"military\s+administration|health\s+authorities|united\s+nations|un|ocha|unicef|who|"
    r"prosecutors|mission|world\s+health\s+organi[sz]ation|centres\s+for\s+disease\s+control|"
    r"cdc|afad|ndrrmc|ndma|pdma|ministry\s+of\s+health|emergency\s+services?|"
    r"world\s+food\s+programme|wfp|unhcr|ohchr|iom|magistrate|health\s+director|"
    r"director[- ]general|superintendent|dsp|inspector|sheriff|chief\s+medical\s+officer|president|"
    r"office|organi[sz]ation\s+for\s+migration|coordination\s+cent(?:re|er)|coast\s+guard|"
    r"highway\s+patrol|emergency\s+management|emergency\s+medicine|spokes(?:man|woman|person)|"
    # UN missions and agencies by their acronyms; fire brigades; officers of a public body
    r"hrmmu|unrwa|unfpa|unama|unami|unmiss|unsmil|unifil|monusco|minusma|binuh|"
    r"fire\s+brigade|(?:disaster|police|fire|district|municipal|health|rescue)\s+officers?|"
    # public bodies and offices of round 8: a railway, a district collector, a consulate, a
    # tourism board, a crisis management director, an additional secretary, firefighters
    r"railways?|collector|consulate|embassy|tourism\s+board|crisis\s+management|"
    r"(?:additional|joint|deputy|health|home|interior|district|divisional)\s+secretary|"
    r"firefighters|federal\s+figures)\b"
)
VAGUE_BAD_BEFORE_RE = re.compile(r"\b(?:how|so|too|for|of|in|as|no)\s*$")
DERIVED_RE = re.compile(
    r"(?P<word>half\s+as\s+many\s+again|twice|double|doubled|triple|tripled|treble|quadruple|half)"
    r"(?:\s+(?:as\s+(?:many|high|much|large)|the|that)|(?<=again))"
    r"(?!\s+as\s+(?:they|we|it|he|she|usual|normal|normally|before|last|in\s+a\s+(?:typical|normal)))"
    # "nearly twice the usual number": against a norm, not a figure of the dead
    r"(?!\s+(?:usual|normal|average|typical|expected|seasonal)\b)"
)
FRACTION_OF_RE = re.compile(
    r"\b(?P<word>half|a\s+third|one\s+third|a\s+quarter|one\s+quarter|two\s+thirds)\s+of\s+"
    r"(?:them|those|these|whom|the\s+(?:dead|victims|killed|injured|wounded|deceased))\b"
)
FRACTIONS = {
    "half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "two thirds": 2 / 3,
}
PERCENT_MORE_RE = re.compile(
    r"^\s*(?:%|per\s*cent|percent)\s+(?:higher|more|greater|larger|above)\b"
)
DERIVED_WORDS = {
    "twice": 2.0,
    "double": 2.0,
    "doubled": 2.0,
    "triple": 3.0,
    "tripled": 3.0,
    "treble": 3.0,
    "quadruple": 4.0,
    "half": 0.5,
    "half as many again": 1.5,
}
TIMES_RE = re.compile(
    r"^\s*times\s+(?:more|higher|greater|larger|bigger|as\s+(?:many|high|much)|the|that|what)"
)
INHERIT_LEFT_RE = re.compile(
    r"(?:[,:;]|\b(?:followed\s+by|another|a\s+further|an\s+additional|and|plus|with|while|including|"
    r"compared\s+(?:with|to)|against|versus|vs\.?|from|up\s+from|down\s+from|"
    r"among\s+them|of\s+whom|among\s+whom|of\s+which|as\s+well\s+as))(?:\s+(?:at\s+least|about|"
    r"nearly|more\s+than|some|over|around|up\s+to|almost))?\s*$"
)
INHERIT_RIGHT_RE = re.compile(
    r"^\s*(?:more|others|other|additional|further|of\s+them|of\s+whom|each)?\s*"
    r"(?:[,.;:)]|$|(?:on|in|at|and|from|during|by|over|the|near|across|inside|outside|"
    r"that|this|last|yesterday|overnight|today|previously|earlier|before|a\s+day)\b)"
)
OF_THE_OUTCOME_RE = re.compile(
    r"^\s*of\s+(?:the|those)\s+(?:(?P<killed>dead|victims|killed|deceased|fatalities|bodies)|"
    r"(?P<injured>injured|wounded)|(?P<missing>missing))\b"
)
MODIFIED_DEATHS_RE = re.compile(
    r"^\s*(?:(?:new|more|further|additional|confirmed|civilian|violent|recorded|reported|probable|"
    r"suspected|likely|possible|"
    r"[a-z]+-related|cholera|lightning|heat|flood|storm|drowning|hunger|malnutrition|"
    r"conflict|combat|battlefield|excess|weather|quake|earthquake|traffic|road)\s+){1,2}"
    r"(?:(?P<killed>deaths|fatalities|killings|dead)|(?P<injured>injuries|injured|wounded))\b"
)
CORRECTION_RE = re.compile(
    r"\b(?:an\s+earlier\s+version\s+of\s+this|incorrectly\s+(?:said|stated|reported|gave)|"
    r"this\s+(?:article|story|report)\s+(?:was|has\s+been)\s+(?:amended|corrected|updated)\s+to)"
)
#: "Of the 163," opening a sentence: the breakdown of a figure named before (not "Of the
#: 21,000 people who lived there": a comma right after the figure)
OF_THE_FIGURE = r"of\s+the\s+(?P<figure>\d[\d,]*)\s*,(?!\d)"
CONTEXT_OPENER_RE = re.compile(
    r"^\W*(?:of\s+(?:them|those|these|whom|(?:the|(?:this|last)\s+year['’]s|today['’]s|"
    r"the\s+(?:day|week|month|year)['’]s)\s+(?:(?P<killed>dead(?:\s+in\s+[\w'’-]+(?:\s+[\w'’-]+)?)?|"
    r"deaths|victims|deceased|fatalities|"
    r"(?:[\d,]+|[a-z]+)\s+(?:new\s+)?(?:deaths|dead|victims|fatalities))|(?P<injured>injured|"
    r"wounded|(?:[\d,]+|[a-z]+)\s+(?:injured|wounded))|(?P<missing>missing)))\s*,"
    # "Among them were three firefighters.": the figures of the sentence before
    r"|among\s+(?:them|those|these)\s+(?:were|are|was|is)\b"
    # "Of those killed, 81 were men", "Among the deaths, 22 were children"
    r"|(?:of|among)\s+(?:those|the\s+people|the\s+persons)\s+(?P<killed2>killed|who\s+died|"
    r"who\s+were\s+killed)\s*,|among\s+the\s+(?P<killed3>deaths|dead)\s*,"
    r"|of\s+(?:those|the\s+people)\s+(?P<injured2>injured|wounded|hurt)\s*,"
    # "Of the 163, 97 were soldiers": the figure named before, whatever it counted
    r"|" + OF_THE_FIGURE + r")"
)
THAT_BASE_RE = re.compile(r"^\s*(?:that|this|it|the\s+(?:figure|number|toll|count))\b")
RATE_AFTER_RE = re.compile(
    r"^\s*(?:a|per|each|every)\s+(?:day|week|month|year|night)\b"
    r"(?!\s+(?:earlier|before|later|ago|after|previously))"
)
SUBSET_RIGHT_RE = re.compile(
    r"^\s*of\s+(?:them|whom|those|the\s+dead|the\s+victims)\s+(?:were\s+)?"
)
PARENTHETICAL_RE = re.compile(
    r"^\s*(?:,|\(|-)\s*(?:\w+\s+of\s+(?:them|whom)|the\s+youngest|the\s+oldest|aged|including|among\s+them|mostly|most\s+of\s+them|many\s+of\s+them|"
    r"all\s+of\s+them|some\s+of\s+them|half\s+of\s+them|both|two\s+of\s+them|"
    r"among\s+whom|of\s+whom)[^,()]{0,60}(?:,|\)|-)"
)
SUBSET_LEFT_RE = re.compile(
    r"\b(?:including|among\s+them|of\s+whom|among\s+whom|of\s+which)\s*(?:at\s+least\s+|about\s+|"
    # "including a family of five whose house stood on the bank": the family's dead
    r"some\s+|(?:a|an|one)\s+(?:family|household)\s+of\s+)?$"
)


GOES_ON_RE = re.compile(r"^\W*(?:another|a\s+further|an\s+additional)\s")
# A sentence that breaks down the figures before it: "Of these, ...", "The dead include ...",
# "Four nurses are among those who died".
BREAKS_DOWN_RE = re.compile(
    r"^\W*of\s+(?:these|them|those(?:\s+killed|\s+who\s+died)?|the\s+(?:dead|victims|fatalities))\b|"
    r"\bthe\s+(?:dead|victims)\s+include\b|"
    r"\b(?:are|were)\s+among\s+(?:the\s+dead|the\s+victims|those\s+(?:killed|who\s+died))\b|"
    # "the neighbouring Alacha camp, with 12 deaths, ...": a place's share of the count
    r",\s+with\s+[\w,]+\s+(?:deaths|dead|fatalities),|"
    # "Zamfara was again the worst-hit state with 412 dead, followed by Katsina with 287"
    r"\b(?:worst|hardest)[\s-]+hit\s+[a-z]+\s+with\s+[\d,]+\s+(?:deaths|dead|killed)\b|"
    # "Civilians made up 1,421 of the dead"
    r"\bmade\s+up\s+[\d,]+\s+of\s+the\s+(?:dead|deaths|victims)\b|"
    # "Myanmar had the highest toll for the second year running, with 612 killed"
    r"\bhighest\s+(?:death\s+)?toll\b[^.;]{0,50}?\s+with\s+[\d,]+\s+(?:deaths|dead|killed)\b"
)


# "three more injured people died", "two of the wounded passengers succumbed", "three people
# wounded in the shelling of X died", "two of the wounded who were taken to X died there"
INJURED_DIED_RE = re.compile(
    r"\s+(?:more\s+)?(?:of\s+the\s+)?(?:(?:people|residents|civilians|patients|children|"
    r"passengers|workers|soldiers)\s+)?(?:injured|wounded)(?:\s+[a-z]+){0,2}?"
    r"(?:\s+(?:in|by|during|at)\s+(?:(?!\b(?:had|have|has|were|was|and|that|who|which)\b)"
    r"[^,.;]){3,120}?)?(?:,[^,.;]{3,60},)?"
    r"(?:\s+who\s+(?:(?!\bdied\b)[^,.;]){3,100}?(?=\s+died\b))?\s+(?:who\s+)?"
    r"(?:later\s+|have\s+|had\s+|since\s+)*(?:died|succumbed|die|dies)\b"
)


#: what may stand between the counted and their verb: a relative clause ("six people who had
#: sheltered in the school, used as a centre, were killed") or a description in commas ("Two
#: health workers in the camp, a nurse and a hygienist, are among the dead")
RELATIVE_ASIDE_RE = re.compile(
    r"^\s*(?:who\s+[^;.:]{3,160}?|,\s+(?:a|an|the|both)\s+[a-z][^,;.:]{2,60}),"
    r"(?=\s+(?:were|was|are|is|had|have|has)\s)|"
    # with no comma, before "were killed": "two members of the group who allegedly took part
    # in the massacre were killed" (no other figure, nor where or when, in between)
    r"^\s*who\s+(?:(?!(?:where|when|and|but|while|after|one|two|three|four|five|six|seven|"
    r"eight|nine|ten)\b)[a-z'’-]+\s+){1,12}?(?=(?:were|was)\s+(?:killed|shot\s+dead)\b)"
)
#: their ages, with no commas: "two children aged 9 and 11 drowned"
AGED_ASIDE_RE = re.compile(r"^\s*aged\s+\d{1,3}(?:\s*(?:,|and|to|-)\s*\d{1,3})*(?:\s+years)?")
