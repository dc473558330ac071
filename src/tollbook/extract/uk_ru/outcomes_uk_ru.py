"""What a Ukrainian or Russian figure counts (the outcome) and who (the victims, in English
words as CLAIMS.md asks), from the words after it in its clause, else before it.

"постраждалі / пострадавшие" are coded ``injured``: official releases use them for the
wounded ("загинули троє, ще 12 постраждали"). When a sentence says the figure includes the
dead ("постраждали 20 людей, з них троє загинули") the figure is killed and injured together,
which no outcome of the contract names, so it is not a claim (as English "casualties" is not).
"""

from __future__ import annotations

import re

_W = r"[\w']*"
#: who the bodies were, set off by dashes: "тела ещё двоих — мужчины и его внука — нашли"
_ASIDE = r"(?:,?\s+[—–]\s+[^—–.;]{3,80}?,?\s+[—–])?"
_OUTCOMES: tuple[tuple[str, str], ...] = (
    (
        "missing",
        rf"зникл{_W}\s+безвіст{_W}|зник{_W}\s+безвісти|безвісти\s+зникл{_W}|"
        rf"пропал{_W}\s+без\s+вести|пропавш{_W}\s+без\s+вести|без\s+вести\s+пропавш{_W}|"
        rf"зниклими|пропавшими|вважаються\s+зниклими|"
        # still under the rubble: "під завалами може перебувати ще одна людина", "под слоем
        # грунта могут находиться до трёх человек"
        rf"(?:може|можуть|может|могут)\s+(?:ще\s+|еще\s+|ещё\s+)?(?:перебува{_W}|"
        rf"находит{_W}|находиться|залишат{_W}|остават{_W})",
    ),
    (
        "bodies_found",
        rf"(?:тіл[аоиі]?|тел[ао]?)\b(?:\s+\S+){{0,6}}?{_ASIDE}\s+"
        rf"(?:виявил{_W}|виявлен{_W}|знайшл{_W}|знайден{_W}|обнаруж{_W}|найден{_W}|нашли|"
        rf"ексгумува{_W}|ексгумован{_W}|эксгумир{_W}|извлек{_W}|дістал{_W}|підняли)|"
        rf"(?:виявил{_W}|виявлен{_W}|знайшл{_W}|знайден{_W}|обнаружен{_W}|обнаружил{_W}|"
        rf"найден{_W}|нашли|ексгумува{_W}|ексгумован{_W}|эксгумир{_W}|извлекл{_W}|дістал{_W}|"
        rf"витягл{_W}|витягн{_W}|вытащ{_W}|достал{_W}|підняли|деблокува{_W}|деблокирова{_W})"
        rf"(?:\s+\S+){{0,3}}?\s+(?:тіл[аоиі]?|тел[ао]?)\b",
    ),
    (
        "buried",
        rf"поховал{_W}|поховані|похован[оий]|похоронен{_W}|похоронил{_W}|"
        rf"захоронен{_W}|захоронил{_W}|поховано",
    ),
    (
        "killed",
        rf"загин{_W}|загибл{_W}|загибел{_W}|гибел{_W}|вбит{_W}|вбив{_W}|вбил{_W}|убит{_W}|"
        rf"убил{_W}|убив{_W}|скончал{_W}|унес{_W}\s+жизн{_W}|забра{_W}\s+житт{_W}|погиб{_W}|"
        rf"померл{_W}|помер\b|умерл{_W}|умер\b|смерт{_W}|жертв{_W}|"
        rf"тіл[аоиі]?\b|тел[ао]?\b|трупів|трупов|летальн{_W}|"
        # drowned: "утонули пять человек", "потонули 34 людини"
        rf"утонул{_W}|утонувш{_W}|утонуло|потонул{_W}|потонув{_W}|втопил{_W}|утопил{_W}|"
        rf"мертв{_W}",
    ),
    (
        "injured",
        rf"поранен{_W}|поранень|поранил{_W}|ранен{_W}|ранил{_W}|травм{_W}|"
        rf"постражд{_W}|постраждал{_W}|пострада{_W}|госпіталізован{_W}|госпитализир{_W}|"
        rf"шпиталізован{_W}|отравлен{_W}|отравил{_W}|отруєн{_W}|отруїл{_W}|"
        # hypothermia and burns: "получили переохлаждение", "ожоги и травмы"
        rf"переохолодж{_W}|переохлажд{_W}|опік{_W}|ожог{_W}",
    ),
)
OUTCOME_RE = re.compile("|".join(rf"(?P<{o}>(?<![\w'])(?:{alt}))" for o, alt in _OUTCOMES))
_BODIES_FOUND_RE = re.compile(
    rf"(?:{_OUTCOMES[1][1]})(?:\s+\S+){{0,3}}|(?:тіл[аоиі]?|тел[ао]?)\b(?:\s+\S+){{0,6}}?{_ASIDE}\s+"
    rf"(?:виявил{_W}|виявлен{_W}|знайшл{_W}|знайден{_W}|обнаруж{_W}|найден{_W}|нашли|ексгум{_W}|"
    rf"эксгум{_W})"
)
_DEAD_ADJECTIVE_RE = re.compile(r"загибл|погибш|убит|вбит")
#: "сліди насильницької смерті", "следы насильственной смерти": signs bodies bear
_SIGNS_RE = re.compile(r"(?:слід|след|ознак|признак)\w*\s+(?:\w+\s+)?$")
_DIED_LATER_RE = re.compile(r"скончал|помер|умер")
_DASH_RE = re.compile(r"\s*[—–-]\s")
_CLAUSE_END_RE = re.compile(r"[,;:—–]\s|\s(?:і|та|и|а|але|но)\s")

_VICTIMS: tuple[tuple[str, str], ...] = (
    (
        "civilians",
        rf"мирн{_W}\s+(?:жител{_W}|мешканц{_W}|мешканк{_W}|населен{_W}|громадян{_W})|"
        rf"цивільн{_W}|гражданск{_W}|мирн{_W}",
    ),
    (
        "children",
        rf"діт{_W}|дитин{_W}|дітей|дет{_W}|ребен{_W}|ребёнк{_W}|ребенк{_W}|"
        rf"неповнолітн{_W}|несовершеннолетн{_W}",
    ),
    (
        "soldiers",
        rf"військов{_W}|бійц{_W}|бійців|солдат{_W}|военн{_W}|военнослужащ{_W}|"
        rf"захисник{_W}|боевик{_W}",
    ),
    ("residents", rf"мешканц{_W}|мешканців|жител{_W}"),
    ("women", rf"жін{_W}|жінок|женщин{_W}"),
    ("rescuers", rf"рятувальник{_W}|спасател{_W}"),
    ("medics", rf"медик{_W}|медпрацівник{_W}|медработник{_W}"),
    ("police officers", rf"поліцейськ{_W}|полицейск{_W}"),
    ("people", rf"люд{_W}|людин{_W}|осіб|особ{_W}|человек{_W}|чоловік|людей"),
)
VICTIMS_RE = re.compile(
    "|".join(rf"(?P<{v.replace(' ', '_')}>(?<![\w'])(?:{alt}))" for v, alt in _VICTIMS)
)
# Numbers that count things, ages, times or money, not people.
_THING_AFTER_RE = re.compile(
    rf"\s*-?\s*(?:%|відсот{_W}|процент{_W}|рок{_W}|рік|років|лет|год{_W}|річн{_W}|летн{_W}|"
    rf"хвилин{_W}|минут{_W}|годин{_W}|час{_W}|днів|дн{_W}|діб|суток|тиж{_W}|недел{_W}|"
    rf"місяц{_W}|месяц{_W}|км|кілометр{_W}|километр{_W}|метр{_W}|м\b|кг|тонн{_W}|"
    rf"будин{_W}|домов|дом[аи]?\b|квартир{_W}|ракет{_W}|дрон{_W}|шахед{_W}|снаряд{_W}|"
    rf"авіабомб{_W}|бомб{_W}|гривень|грн|доларів|долларов|рублей|гривен|евро|євро|"
    rf"населених|населенных|сел\b|сіл\b|міст\b|городов|об'єкт{_W}|объект{_W}|автомобіл{_W}|"
    rf"машин{_W}|одиниц{_W}|едини{_W}|закладів|учреждений|шкіл|школ\b|лікар{_W}|больниц{_W}|"
    rf"№|номер{_W}|числ{_W}|березня|марта|травня|мая|ударів|ударов|обстрілів|обстрелов|"
    rf"атак{_W}|удар{_W}|раз{_W}|повітрян{_W}|мешканців\s+евакуй{_W}|"
    # a share ("більше двох третин", "более двух третей"), money in millions said in a case
    # the number reader leaves ("по 1 миллиону сомов"), interviews, visits
    rf"третин{_W}|трет{_W}|чверт{_W}|четверт{_W}|мільйон{_W}|миллион{_W}|мільярд{_W}|"
    rf"миллиард{_W}|сом\b|сомов|тенге|манат{_W}|лари\b|інтерв'ю|интервью|виїзд{_W}|выезд{_W}|"
    # a temperature: "при морозе до минус 48 градусов"; areas counted ("в чотирьох областях")
    rf"градус{_W}|област{_W}|регіон{_W}|регион{_W}|громад(?:ах|ами|ам)|країн{_W}|стран\b|"
    # money of the region ("по 100 миллионов сумов"), and animals ("140 голов скота")
    rf"сум(?:ов|ів|и|а)?\b|драм(?:ов|ів)?\b|рубл{_W}|гривн{_W}|долар{_W}|доллар{_W}|"
    rf"юан{_W}|злот{_W}|фунт{_W}|лир\b|лір\b|леев|леїв|лей\b|лея\b|голов\s+(?:крупного\s+)?(?:рогатого\s+)?скота|"
    rf"голів\s+(?:великої\s+)?(?:рогатої\s+)?худоби|худоб{_W}|скот{_W}|овец|овець|коров\b|"
    rf"корів|свиней|лошадей|коней|курей|птиц{_W}|птах{_W}|"
    rf"странах)"
)
# "смерть двух или более лиц": the words of a law, not a count
_LAW_AFTER_RE = re.compile(r"\s+(?:и|или|або|і|чи)\s+(?:более|больше|більше)\s+(?:лиц|осіб|особ)")
# a telephone line or number, not people: "телефонувати на лінію 102"
_THING_BEFORE_RE = re.compile(
    r"(?:лін(?:ію|ія|ії)|лини(?:ю|я|и)|телефон\w*|номер\w*|гаряч\w+\s+лін\w+|минус|мінус|"
    # those who search or work: "їх шукають понад 200 рятувальників"
    r"шукають(?:\s+\S+)?|ищут(?:\s+\S+)?|задіяно|задействованы|залучено|привлечены)\s*$"
)
_NOT_VICTIMS_RE = re.compile(
    rf"^\s*(?:\S+\s+){{0,3}}?(?:врятува{_W}|спасл{_W}|спасен{_W}|евакуйова{_W}|"
    rf"эвакуирова{_W}|переселен{_W}|затриман{_W}|задержан{_W}|звільнил{_W}|освобожден{_W}|"
    rf"полонен{_W}|проживає|проживают|проживало|мешкає|мешкало|жили|жило)"
)
# "серед них двоє дітей", "в том числе более 560 детей": a part of the figure before
SUBGROUP_RE = re.compile(
    r"(?:серед\s+(?:них|яких|загиблих|поранених)|з\s+них|у\s+тому\s+числі|в\s+тому\s+числі|"
    r"зокрема|включно\s+з|включаючи|включая|серед\s+них\s+[-—–]|в\s+том\s+числе|в\s+т\.\s?ч\.|из\s+них|среди\s+(?:них|которых|"
    r"погибших|раненых)|"
    # "Серед тих, хто загинув, — двоє дітей", "Среди тех, кто погиб, трое детей"
    r"серед\s+тих,?\s+хто\s+(?:загинув|загинули|помер|померли|постраждав|постраждали)|"
    r"среди\s+тех,?\s+кто\s+(?:погиб|погибли|умер|умерли|пострадал|пострадали)),?"
    r"\s*(?:[-—–:]\s*)?(?:\S+\s+){0,2}$"
)
# the figure includes the dead: "постраждали 20 людей, з них троє загинули"
_INCLUDES_DEAD_RE = re.compile(
    r"^[^.]{0,40}?(?:з\s+них|серед\s+них|из\s+них|среди\s+них|в\s+том\s+числе|у\s+тому\s+числі)"
    r"[^.]{0,40}?(?:загинул|загибл|погибл|погибш|помер|умер)"
)


#: a participle after a comma that says the people counted died
_DEAD_AFTER_COMMA_RE = re.compile(
    r",\s*(?:погибш|загибл|загинул|убит|вбит)\w*(?=\s+(?:в|у|во|на|під|под|при|від|от|з|с|"
    r"внаслідок|в\s+результате|за|через|після|после|під\s+час|во\s+время)\s)"
)


#: who the counted were, set off by dashes before their verb: "Двоє людей — водій легковика
#: та його дружина — загинули"
#: sought, so missing: "одного шукають водолази", "двоих до сих пор ищут"; "Пошуки ще одного
#: чоловіка тривають", "поиски еще двух человек"
_SOUGHT_AFTER_RE = re.compile(
    rf"\s+(?:(?:людин{_W}|осіб|человек{_W}|чоловік{_W}|мужчин{_W}|жін{_W}|женщин{_W}|дітей|"
    rf"детей|дитин{_W}|ребен{_W}|ребён{_W})\s+)?(?:досі\s+|ще\s+|до\s+сих\s+пор\s+|еще\s+|ещё\s+)?"
    rf"(?:шукають|ищут|розшукують|разыскивают)(?![\w'])"
)
_SOUGHT_BEFORE_RE = re.compile(rf"(?<![\w'])(?:пошук{_W}|поиск{_W})\s+(?:ще\s+|еще\s+|ещё\s+)?$")
_DASHED_ASIDE_RE = re.compile(r"(?:\s+[\w'’-]+){0,2}?\s+[—–]\s+[^—–.;:]{3,120}?\s+[—–]\s")
#: an aside between commas, then a verb of dying: ", 45-річний сусід, помер"
_ASIDE_DIED_RE = re.compile(r",\s*[^,.;:]{1,50},\s*(?:\S+\s+)?(?:помер|скончал|умер)")


#: the bodies right before a figure ("тела еще трех"), and a verb of finding anywhere before
_BODIES_BEFORE_RE = re.compile(r"(?<![\w'])(?:тіла|тела)\s+(?:ще\s+|еще\s+)?$")
_FOUND_VERB_RE = re.compile(
    rf"(?<![\w'])(?:виявил{_W}|знайшл{_W}|обнаружил{_W}|нашли|извлекл{_W}|дістал{_W}|"
    rf"витягл{_W}|витягн{_W}|вытащ{_W}|достал{_W}|підняли|деблокува{_W}|деблокирова{_W})"
)


#: the bodies themselves, after a verb that says what became of them
_BODIES_WORD_RE = re.compile(r"тіла|тіл|тела|тел")


def outcome_of(lower: str, start: int, end: int, clause_start: int) -> str | None:
    """The outcome of the figure at ``start:end``: a cue in its clause after it (up to the
    next number or the clause's end), else the nearest cue before it in its clause."""
    aside = _DASHED_ASIDE_RE.match(lower, end)
    if aside is not None:  # "Двоє людей — водій і його дружина — загинули": who they were
        end = aside.end() - 1
    after = lower[end : end + 80]
    dash = _DASH_RE.match(after)  # "ще 8 — поранені": the dash stands for the verb
    cut = _CLAUSE_END_RE.search(after, dash.end() if dash else 0)
    window = after[: cut.start()] if cut else after
    if cut is not None and (dead := _DEAD_AFTER_COMMA_RE.match(after, cut.start())):
        window = after[: dead.end()]  # "94 тысяч военных, погибших в Украине": who they were
    for found in _BODIES_FOUND_RE.finditer(lower, clause_start, end + len(window)):
        if found.start() <= end and found.end() >= start:
            return "bodies_found"  # "тіла 17 військових виявили", "знайшли тіла 400 людей"
    before = lower[clause_start:start]
    if _SOUGHT_AFTER_RE.match(lower, end) or _SOUGHT_BEFORE_RE.search(before):
        return "missing"
    if _BODIES_BEFORE_RE.search(before) and _FOUND_VERB_RE.search(before):
        return "bodies_found"  # "извлекли из-под селевых масс в селе ... тела еще трех человек"
    last = None
    previous = None
    for cue in OUTCOME_RE.finditer(before):
        previous, last = last, cue
    if (
        last is not None
        and previous is not None
        and previous.lastgroup in ("buried", "bodies_found")
        and _BODIES_WORD_RE.fullmatch(last.group(0))
        and before[previous.end() : last.start()].isspace()
    ):
        last = previous  # "поховали тіла 62 людей": the bodies were buried
    m = OUTCOME_RE.search(window)
    if m is not None and m.group(0).startswith("смерт") and _SIGNS_RE.search(window, 0, m.start()):
        return None  # "на тілах дев'ятьох людей є сліди насильницької смерті": what bodies bore
    if m is not None:
        if (
            last is not None
            and last.lastgroup in ("buried", "missing", "bodies_found")
            and m.lastgroup == "killed"
            and _DEAD_ADJECTIVE_RE.match(m.group(0))
        ):
            return last.lastgroup  # "поховали 12 загиблих мешканців": the dead were buried
        if m.lastgroup == "injured" and (
            _DIED_LATER_RE.search(window, m.end())
            or (last is not None and _DIED_LATER_RE.match(last.group(0)))
            # "Ще один постраждалий, 45-річний сусід, помер": the injured one died
            or (cut is not None and _ASIDE_DIED_RE.match(after, cut.start()))
        ):
            return "killed"  # "двое раненых скончались", "померли двоє поранених": they died
        return _checked(m, lower, end)
    if last is not None:
        return _checked(last, lower, end)
    return None


def _checked(m: re.Match[str], lower: str, end: int) -> str | None:
    outcome = m.lastgroup
    if (
        outcome == "injured"
        and m.group(0).startswith(("постражд", "пострада"))
        and _INCLUDES_DEAD_RE.search(lower[end : end + 100])
    ):
        return None  # killed and injured together: no outcome of the contract
    return outcome


def victims_of(lower: str, start: int, end: int) -> str | None:
    """The victims named right after the figure ("двоє дітей", "547 дітей", "17 військових"),
    in English words, or None."""
    m = VICTIMS_RE.match(lower, end + (1 if lower[end : end + 1] == " " else 0))
    if m is None:
        m = re.compile(r"(?:\S+\s+)?").match(lower, end + 1) and VICTIMS_RE.search(
            lower, end, min(len(lower), end + 24)
        )
        if m is None or _CLAUSE_END_RE.search(lower, end, m.start()):
            return None
    return (m.lastgroup or "people").replace("_", " ")


def counts_things(lower: str, end: int, start: int | None = None) -> bool:
    """Whether the figure ending at ``end`` (and starting at ``start``) counts things, years,
    time or money, or people rescued, evacuated, detained or living somewhere, or is a
    telephone line."""
    if start is not None and _THING_BEFORE_RE.search(lower, max(0, start - 24), start):
        return True
    if _LAW_AFTER_RE.match(lower, end):
        return True
    return bool(_THING_AFTER_RE.match(lower, end)) or bool(
        _NOT_VICTIMS_RE.match(lower[end : end + 60])
    )


#: a figure, then a part of it, then the verb of both: "Ще 17 людей, зокрема троє дітей,
#: госпіталізовані", "еще 12 человек, в том числе двое детей, получили ранения"
_PARTS_THEN_VERB_RE = re.compile(
    r"\s*(?:[\w'’-]+\s+){0,2}?[\w'’-]*,\s*(?:зокрема|у\s+тому\s+числі|в\s+тому\s+числі|"
    r"серед\s+них|в\s+том\s+числе|среди\s+них|з\s+них|из\s+них)\s+[^,.;:]{1,60},\s*"
)


def outcome_after_parts(lower: str, end: int) -> str | None:
    """The outcome of a figure told after a part of it ("Ще 17 людей, зокрема троє дітей,
    госпіталізовані": injured), or None."""
    m = _PARTS_THEN_VERB_RE.match(lower, end)
    if m is None:
        return None
    # the verb within the next three words of the clause ("дістали поранення")
    clause = re.match(r"(?:[^\s,.;:]+\s*){1,3}", lower[m.end() :])
    stop = m.end() + (clause.end() if clause else 0)
    verb = OUTCOME_RE.search(lower, m.end(), stop)
    return verb.lastgroup if verb is not None else None
