"""Round 21 of issue 12 (docs/extraction.md): faults found in the tuning corpora's errors,
each tested on sentences written for the test."""

from __future__ import annotations

from tollbook.domain.report import Report
from tollbook.extract.extractor import extract_claims


def _places(text: str) -> list[str | None]:
    return [c.place for c in extract_claims(Report("r21", text))]


def test_a_place_the_gazetteer_lacks_ends_a_headline() -> None:
    # "in Khorvat" with nothing after it (a headline has no full stop) was not read, nor
    # "in Khorvat in two days" or "in Khorvat as ..."; with a full stop it was
    assert _places("Mudslide kills 12 in Khorvat") == ["Khorvat"]
    assert _places("Storms kill 9 in Khorvat in two days") == ["Khorvat"]
    assert _places("Floods kill 30 in Khorvat as rivers burst their banks") == ["Khorvat"]
    assert _places("Mudslide kills 12 in Khorvat.") == ["Khorvat"]
    # a capitalised word that is no place stays out
    assert _places("Fire kills 4 in January") == [None]


def test_a_letterhead_with_the_issuing_unit_after_a_dash_names_the_issuer() -> None:
    # "Ministry of X – Unit" at the top was no issuer (the dash broke the name), so the
    # release's list of figures had no source and read as merely reported
    text = (
        "Republic of Veloria\n"
        "Ministry of Water – Flood Warning Centre\n"
        "Bulletin No. 7\n"
        "- 14 dead and 22 injured in the lower valley.\n"
        "- Northern district: 5 dead.\n"
    )
    claims = extract_claims(Report("r21-letterhead", text))
    assert {c.attributed_to for c in claims} == {"Ministry of Water"}
    assert {c.kind for c in claims} == {"official"}


def test_a_council_signing_a_cyrillic_post_is_its_source() -> None:
    # "совет" ends as a verb does ("-ет"), so the signature line was taken for a sentence
    text = (
        "Херсон. Число погибших после ночного обстрела выросло до шести.\n"
        "Ранены еще девять человек.\n"
        "Херсонский городской совет"
    )
    claims = extract_claims(Report("r21-signed", text))
    assert claims
    assert {c.attributed_to for c in claims} == {"Херсонский городской совет"}


def _sources(text: str) -> list[str | None]:
    return [c.attributed_to for c in extract_claims(Report("r21-source", text))]


def test_sources_the_speaker_cascade_missed() -> None:
    # a project by name, lower-case or not, that recorded the figure
    assert _sources(
        "The Sahel Violence Tracking project (SVT) recorded more than 1,200 deaths in the "
        "region last year."
    ) == ["Sahel Violence Tracking project"]
    # officials of a place named in two words
    assert _sources(
        "Across the border, officials in Upper Nile reported four deaths on Tuesday."
    ) == ["officials in Upper Nile"]
    # "X figures show" had no cue at all
    assert _sources("Police figures show that 38 people were killed on the roads in May.") == [
        "police"
    ]
    # a group by its kind between commas, the sentence going on with "and"
    assert _sources(
        "About 25 people were wounded, hospital sources said, and the clinic is out of blood."
    ) == ["hospital sources"]


def test_a_role_and_name_after_reported_by_or_before_had_reported() -> None:
    text = (
        "Shelling kills four in Vovchansk\n"
        "Russian artillery struck the centre of Vovchansk on Tuesday, killing four people.\n"
        "This was reported by the head of the Kharkiv Regional Military Administration, "
        "Mykola Tereshko, on Telegram."
    )
    claims = extract_claims(Report("r21-by", text))
    assert {c.attributed_to for c in claims} == {
        "Mykola Tereshko, head of the Kharkiv Regional Military Administration"
    }
    assert {c.kind for c in claims} == {"official"}
    # "Earlier on Monday the head of ..., Name, had reported": the day is no part of the role
    (claim,) = extract_claims(
        Report(
            "r21-had",
            "Earlier on Monday the head of the city administration, Petro Lysenko, had "
            "reported that nine people were killed.",
        )
    )
    assert claim.attributed_to == "Petro Lysenko, head of the city administration"


def test_cyrillic_speakers_in_full_and_the_headline_takes_the_lead() -> None:
    text = (
        "На Сумщині після обстрілу загинули четверо людей\n"
        "Уночі російські війська обстріляли громаду, загинули четверо людей.\n"
        "Про це повідомив начальник Сумської ОВА Роман Дубчак.\n"
        "Ще двоє людей вважаються зниклими безвісти, додав Дубчак.\n"
    )
    by_figure = {c.low: c for c in extract_claims(Report("r21-uk", text))}
    official = "Роман Дубчак, начальник Сумської ОВА"
    # the headline names no one: the lead's speaker, not the last line's
    assert by_figure[4].attributed_to == official
    # "додав Дубчак": the surname as the report named him first, an official's figure
    assert (by_figure[2].attributed_to, by_figure[2].kind) == (official, "official")
    # "Роман" is a first name here, not the Romanian town Roman
    assert all(c.place != "Роман" for c in by_figure.values())


def test_cyrillic_resident_before_a_quote_and_a_body_in_the_locative() -> None:
    (claim,) = extract_claims(
        Report("r21-resident", "Жителька Сум Оксана розповіла журналістам: «Загинули двоє людей».")
    )
    assert (claim.attributed_to, claim.kind, claim.place) == (
        "Жителька Сум Оксана",
        "reported",
        "Суми",
    )
    (claim,) = extract_claims(
        Report("r21-locative", "Унаслідок удару загинули троє людей, повідомили в Сумській ОВА.")
    )
    assert claim.attributed_to == "Сумська ОВА"


def test_told_a_paper_its_chief_doctor_and_a_district_secretary() -> None:
    # "told the Daily Mirror": a paper of more than one word ended the speaker's pattern
    (claim,) = extract_claims(
        Report(
            "r21-told",
            "Of the dead, nine were from Kandegama, the Matale District Secretary told the "
            "Sunday Observer.",
        )
    )
    assert (claim.attributed_to, claim.kind) == ("Matale District Secretary", "official")
    # "its chief doctor, Name, said": a doctor's role was no role of that pattern
    (claim,) = extract_claims(
        Report(
            "r21-doctor",
            "Fourteen of the wounded were taken to the hospital in Osh, its chief doctor, "
            "Aibek Sadykov, said.",
        )
    )
    assert claim.attributed_to == "Aibek Sadykov, chief doctor"


def test_a_range_with_its_multiplier_written_once_runs_from_thousands() -> None:
    def figures(text: str) -> list[tuple[int | None, int | None]]:
        return [(c.low, c.high) for c in extract_claims(Report("r21-range", text))]

    # "20-25 thousand" ran from 20 to 25,000: an estimate's low end 1,000 times too small
    assert figures("The city council estimates that 30-35 thousand residents were killed.") == [
        (30_000, 35_000)
    ]
    assert figures("Міська рада оцінює кількість загиблих у 12–14 тисяч.") == [(12_000, 14_000)]
    assert figures("Горсовет оценивает число погибших в 8-9 тысяч человек.") == [(8_000, 9_000)]
    # a low end that is whole already stays as written
    assert figures("From 700 to 2 thousand people may have died, officials said.") == [(700, 2_000)]


def test_a_participle_after_a_comma_says_the_counted_died() -> None:
    def figures(text: str) -> list[tuple[str, int | None]]:
        return [(c.outcome, c.low) for c in extract_claims(Report("r21-participle", text))]

    # "військових, загиблих в Україні": the outcome stood after the comma, out of reach
    assert figures("Журналісти встановили імена 3 тисяч військових, загиблих на фронті.") == [
        ("killed", 3_000)
    ]
    assert figures("Известны имена 1200 солдат, погибших в боях за город.") == [("killed", 1_200)]
    # "погибших нет" (no one died) says nothing of the 300 evacuated
    assert figures("Эвакуировали 300 жителей, погибших нет.") == []


def test_one_past_event_in_a_year_is_no_period_count() -> None:
    def scopes(text: str) -> list[str]:
        return [c.scope for c in extract_claims(Report("r21-scope", text))]

    # "in 2018" made a period of the year, though one crash, capsizing or storm killed them
    assert scopes(
        "A cargo plane of a regional airline crashed near the port in 2018, killing 41."
    ) == ["incident"]
    assert scopes("In 2019, the capsizing of a ferry on the lake killed 37 passengers.") == [
        "incident"
    ]
    assert scopes(
        "Hurricane Odile struck the same coast in October 2014 and killed 15 people."
    ) == ["incident"]
    # many attacks over a year stay a period count
    assert scopes("Attacks on mining sites killed 64 people in 2025.") == ["cumulative"]


def test_a_state_and_its_tallies_are_official() -> None:
    def kinds(text: str) -> list[str]:
        return [c.kind for c in extract_claims(Report("r21-state", text))]

    assert kinds("Pakistan says 17 soldiers killed in clashes on the border") == ["official"]
    assert kinds(
        "The raid on the border town killed 94 people, according to Moroccan tallies."
    ) == ["official"]
    # a group that is no state stays a reported source
    assert kinds("The rebels say 17 soldiers were killed in the clashes.") == ["reported"]


def test_borders_valleys_counties_and_a_coast_at_a_headlines_end() -> None:
    assert _places("Clashes along the Uzbek-Kyrgyz border killed 12 soldiers on Monday.") == [
        "Uzbek-Kyrgyz border"
    ]
    assert _places("Troops killed 8 attackers near the border with Niger on Sunday.") == [
        "border with Niger"
    ]
    assert _places("Some 40 people remain missing in the Kaghan Valley after the floods.") == [
        "Kaghan Valley"
    ]
    assert _places("Bomi County: 6 deaths.") == ["Bomi County"]
    assert _places("Three fishermen missing off Pedernales") == ["Pedernales"]
    # a disease named after a valley is no place
    assert _places("Rift Valley fever has killed 12 people in the region this month.") != [
        "Rift Valley"
    ]


def test_a_number_after_a_place_and_a_comma_is_no_age() -> None:
    # "In Niger, 163 deaths": ", 163" was read as a person's age ("Artem, 34,"), so the
    # country was no place and a town told before took the figure
    text = (
        "Floods killed nine people in Maradi on Monday.\n"
        "Across Niger, 140 deaths have been recorded since June, the ministry said."
    )
    assert _places(text) == ["Maradi", "Niger"]
    # a name and an age, and a statement's place and date, stay no place of a figure
    assert _places("Artem, 34, said he had counted 27 bodies in the yard.") == [None]


def test_beliefs_heat_attributed_deaths_and_our_estimates_are_estimates() -> None:
    def kinds(text: str) -> list[tuple[int | None, str]]:
        return [(c.low, c.kind) for c in extract_claims(Report("r21-estimate", text))]

    assert kinds('"We think at least four more miners are trapped in the shaft," he said.') == [
        (4, "estimate")
    ]
    assert kinds("Last summer the model attributed more than 2,000 deaths to heat.") == [
        (2_000, "estimate")
    ]
    assert kinds("Police attributed the 12 deaths to a gas leak.") == [(12, "reported")]
    assert kinds("За нашими оцінками, від початку обстрілів у місті загинули 800 людей.") == [
        (800, "estimate")
    ]
    assert kinds("По нашим оценкам, с начала обстрелов в городе погибли 800 человек.") == [
        (800, "estimate")
    ]


def test_speakers_with_long_owners_anonymity_and_claims() -> None:
    assert _sources(
        "Kalyan Dombivli Municipal Corporation's chief fire officer, Ravi Patil, said nine "
        "people had been rescued with injuries."
    ) == ["Ravi Patil, chief fire officer"]
    assert _sources(
        "A police official in Mosul, speaking on condition of anonymity, said 14 people "
        "were killed."
    ) == ["police official in Mosul"]
    assert _sources(
        "The Sahel Liberation Front, an armed group active in the region, claimed the attack, "
        "saying its fighters had killed 25 soldiers."
    ) == ["Sahel Liberation Front"]


def test_cyrillic_speakers_who_talk_recall_or_estimate_and_civil_society() -> None:
    claims = extract_claims(
        Report(
            "r21-uk-speakers",
            "Безвісти зниклими досі вважаються сотні людей, говорить голова громадської "
            "організації «Пошук» Олена Коваль.\n"
            "По оценке агентства Reuters, при ударе могли погибнуть около 200 человек.",
        )
    )
    assert [(c.attributed_to, c.kind) for c in claims] == [
        ("Олена Коваль, голова громадської організації «Пошук»", "reported"),
        ("агентство Reuters", "estimate"),
    ]


def test_cyrillic_war_and_city_totals_are_running_totals() -> None:
    def scopes(text: str) -> list[str]:
        return [c.scope for c in extract_claims(Report("r21-uk-scope", text))]

    assert scopes("Журналисты установили имена 5 000 военных, погибших на войне.") == ["cumulative"]
    assert scopes("Міська рада оцінює кількість загиблих мирних жителів міста у 3–4 тисячі.") == [
        "cumulative"
    ]
    assert scopes("Реальное число погибших может составлять от 10 до 12 тысяч человек.") == [
        "cumulative"
    ]
    # one strike stays one incident
    assert scopes("Внаслідок удару по будинку загинули троє людей.") == ["incident"]


def test_teams_supported_by_a_body_speak_for_it() -> None:
    assert _sources(
        "Medical teams supported by Harbour Aid International treated 41 people for gunshot "
        "wounds in the capital last week."
    ) == ["Harbour Aid International"]
    assert _sources(
        "Teams supported by Medecins du Monde (MdM) at the district hospital in Gao received "
        "23 wounded on Sunday."
    ) == ["Medecins du Monde (MdM)"]


def test_its_director_local_radio_and_a_speaker_after_a_fronted_place() -> None:
    assert _sources(
        "The district hospital has received 40 injured people since Monday, two of whom "
        "died, its director said."
    ) == ["director", "director"]
    assert _sources(
        "Two more deaths were reported in the village, district nurse Amina Yusuf told local radio."
    ) == ["district nurse Amina Yusuf"]
    assert _sources(
        "At the regional hospital, a surgeon on the night shift said 12 patients had died "
        "there since Sunday."
    ) == ["surgeon on the night shift"]


def test_a_body_named_by_a_title_case_acronym_is_named_in_full() -> None:
    text = (
        "The National Institute of Flood Response (Infres) said the river rose two metres.\n"
        "Infres said 14 people were missing and six had been injured."
    )
    claims = extract_claims(Report("r21-acronym", text))
    assert {c.attributed_to for c in claims} == {"National Institute of Flood Response (Infres)"}
    assert {c.kind for c in claims} == {"official"}


def test_cyrillic_words_that_are_no_towns() -> None:
    # "Усі" (all) is Wuxi in the city table, and "Вікторія" a woman's name before the
    # Canadian city
    assert _places("Усі загиблі були з Харкова: загинули троє людей у Харкові.") == ["Харків"]
    claims = extract_claims(
        Report("r21-uk-name", "Жителька Сум Вікторія розповіла: «Загинули двоє сусідів»."),
    )
    assert [c.place for c in claims] == ["Суми"]


def test_a_hromada_is_a_place() -> None:
    assert _places("У Великописарівській громаді поранено двох людей.") == [
        "Великописарівська громада"
    ]
    assert _places("В Белопольской громаде ранены два человека.") == ["Белопольская громада"]
