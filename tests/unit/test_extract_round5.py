"""Round 5 of issue 12: the place scoring rule's kind words, joined places, the site of the
event for the whole report, and sources named by acronym, by apposition or as "the agency"."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims
from tollbook.extract.scoring import place_agrees

PUBLISHED = date(2026, 3, 11)


def claims(text: str, title: str | None = None) -> list[Claim]:
    return extract_claims(Report("t", text, PUBLISHED, title))


def of(found: list[Claim], figure: int) -> Claim:
    return next(c for c in found if figure in (c.low, c.high))


def test_kind_words_in_the_plural_and_camps_are_left_out_of_a_place_as_scored() -> None:
    assert place_agrees("Abu Shouk camp", "Abu Shouk")
    assert place_agrees("Nuseirat refugee camp", "Nuseirat camp")
    assert place_agrees("Baghlan and Takhar provinces", "Baghlan and Takhar")
    assert place_agrees("Kordofan states", "Kordofan")
    assert not place_agrees("Bali Strait", "Bali")
    assert not place_agrees("Pushkinska Street, Kharkiv", "Kharkiv")
    assert not place_agrees("Pushkinska Street, Kharkiv", "Pushkinska Street")


def test_places_listed_together_are_one_place() -> None:
    found = claims(
        "Floods have killed 96 people in Baghlan and Takhar provinces, the authority said.\n"
        "Police killed 16 protesters in Nairobi, Mombasa and Nakuru on Tuesday.\n"
        "Three people died in Sunamganj and two each in Habiganj and Brahmanbaria."
    )
    assert place_agrees("Baghlan and Takhar provinces", of(found, 96).place)
    assert of(found, 16).place == "Nairobi, Mombasa and Nakuru"
    assert of(found, 2).place in ("Habiganj", "Brahmanbaria")
    town_and_country = claims("A drone killed 4 people in Kharkiv, Ukraine, on Monday.")
    assert of(town_and_country, 4).place == "Kharkiv"


def test_the_one_site_of_the_event_places_the_figures_given_for_its_town() -> None:
    found = claims(
        "Five dead, 20 injured in crush at Varanasi bathing ghat\n"
        "Varanasi, Mar 8 Five pilgrims were killed and 20 injured in Varanasi on Saturday, "
        "police said.\n"
        "The crush began at Dashashwamedh ghat in Varanasi, where two of the dead were found."
    )
    assert of(found, 5).place == "Dashashwamedh ghat, Varanasi"
    assert of(found, 20).place == "Dashashwamedh ghat, Varanasi"
    two_sites = claims(
        "Shelling killed 6 people in Kherson on Monday.\n"
        "A shell hit Ushakova Avenue in Kherson, and another struck Central Market in Kherson."
    )
    assert of(two_sites, 6).place == "Kherson"


def test_a_body_named_by_its_acronym_or_as_the_agency_is_written_in_full() -> None:
    found = claims(
        "The National Institute of Disaster Management (INGN) said on Monday that 27 people "
        "had died.\n"
        "At least 80 people were injured, the institute said in its bulletin.\n"
        "INGN said 12 people were missing."
    )
    full = "National Institute of Disaster Management (INGN)"
    assert of(found, 27).attributed_to in (full, "National Institute of Disaster Management")
    assert of(found, 80).attributed_to == full
    assert of(found, 12).attributed_to == full
    assert of(found, 80).kind == "official"


def test_a_body_that_records_or_is_described_between_commas_is_the_source() -> None:
    found = claims(
        "ACLED records 214 reported fatalities in the region during the week.\n"
        "The Lakeside youth council, a local civil society group, said the toll could be "
        "between 200 and 300.\n"
        "The largest number of victims was documented in Kassala, where 61 civilians were "
        "killed."
    )
    assert of(found, 214).attributed_to == "ACLED"
    assert of(found, 200).attributed_to == "Lakeside youth council"
    assert of(found, 61).attributed_to != "largest number of victims"


def test_a_past_disaster_named_by_its_year_and_one_disasters_tally_are_one_event() -> None:
    found = claims(
        "In 2019, a 12-storey block collapsed in the same district, killing 31 people.\n"
        "In 2007, a tornado in Greensburg killed 11 people.\n"
        "Divers found two more bodies on Friday, bringing the confirmed tally from the floods "
        "that struck the valley on Tuesday to 64.\n"
        "Since January, the confirmed tally of cholera deaths in the province has reached 212."
    )
    assert of(found, 31).scope == "incident"
    assert of(found, 11).scope == "incident"
    assert of(found, 64).scope == "incident"
    assert of(found, 212).scope == "cumulative"


def test_a_figure_stated_again_with_its_source_takes_that_source() -> None:
    found = claims(
        "Highlights\n"
        "• 96 people killed\n"
        "According to the National Disaster Management Authority, 96 people have been killed "
        "in the floods."
    )
    assert of(found, 96).attributed_to == "National Disaster Management Authority"
    assert of(found, 96).kind == "official"


def test_villages_introduced_by_apposition_straits_gulfs_and_longer_names() -> None:
    found = claims(
        "Gunmen killed at least 21 people on Friday on Morne, a farming village in the hills "
        "above Jacmel.\n"
        "Divers found three bodies in the Lombok Strait, where the ferry sank.\n"
        "A quake struck the Philippine province of Davao Oriental, killing 12 people."
    )
    assert of(found, 21).place == "Morne"
    assert of(found, 3).place == "Lombok Strait"
    assert of(found, 12).place == "Davao Oriental"


def test_the_one_village_named_places_the_events_figures_given_for_its_region() -> None:
    found = claims(
        "An airstrike on a festival in a village in Myanmar's Magway region killed at least 19 "
        "people, residents said.\n"
        "The jet bombed a crowd at a pagoda in Tha Yet village, a resident who helped collect "
        "the bodies said.\n"
        "About 30 people were wounded, he said."
    )
    assert of(found, 19).place == "Tha Yet village"


def test_a_region_after_a_town_only_says_where_the_town_lies() -> None:
    found = claims(
        "Rebels attacked a church in Komanda, in Ituri province, killing at least 41 people."
    )
    assert of(found, 41).place == "church, Komanda"


def test_prosecutors_and_a_bodys_records_are_the_body_the_report_names() -> None:
    found = claims(
        "Statement of the Mykolaiv Regional Prosecutor's Office.\n"
        "Russian shelling of Mykolaiv on Monday killed 4 civilians.\n"
        "Since March, prosecutors have documented the deaths of 212 civilians in the city.\n"
        "Over the past week, attacks injured 31 people, according to the office's records."
    )
    office = "Mykolaiv Regional Prosecutor's Office"
    assert of(found, 212).attributed_to == office
    assert of(found, 31).attributed_to == office
    assert of(found, 212).kind == "official"


def test_a_body_that_condemns_or_confirms_at_a_sentences_start_is_its_source() -> None:
    found = claims(
        "Ministry of Health confirms six new cholera deaths in Kasese\n"
        "WHO is appalled by the attack on the hospital in Kadugli, which killed 14 people."
    )
    assert of(found, 6).attributed_to == "Ministry of Health"
    assert of(found, 14).attributed_to == "WHO"


def test_ukrainian_and_russian_sources_and_places_agree_in_any_case() -> None:
    from tollbook.extract.scoring import source_agrees

    assert source_agrees(
        "Сумська міська військова адміністрація", "Сумській міській військовій адміністрації"
    )
    assert source_agrees("Генеральний штаб ЗСУ", "Генерального штабу ЗСУ")
    assert not source_agrees("Харківська міська рада", "Одеська міська рада")
    assert place_agrees("Харківська область", "Харківській області")
    assert not place_agrees("Маріуполь", "Київ")


def test_a_posts_signature_line_is_the_source_of_its_figures() -> None:
    found = claims(
        "Суми. Унаслідок удару по житловому будинку загинули 9 людей, ще 31 поранені.\n"
        "Рятувальники працюють на місці.\n"
        "Олена Коваль, начальниця Сумської ОВА"
    )
    assert of(found, 9).attributed_to == "Олена Коваль, начальниця Сумської ОВА"
    assert of(found, 31).kind == "official"
    council = claims("Внаслідок обстрілу загинули 4 мешканці міста.\nДніпровська міська рада")
    assert of(council, 4).attributed_to == "Дніпровська міська рада"


def test_the_one_street_of_a_ukrainian_post_places_its_figures() -> None:
    found = claims(
        "Умань. Ракета влучила в житловий будинок на вулиці Садовій.\n"
        "Загинули 12 людей, ще 17 поранені.\n"
        "Олег Коваль, начальник міської військової адміністрації"
    )
    assert place_agrees("вулиця Садова, Умань", of(found, 12).place)


def test_ukrainian_and_russian_periods_are_running_totals() -> None:
    found = claims(
        "Від 24 лютого 2022 року на Сумщині загинули 812 цивільних.\n"
        "С 6 августа в Курской области погибли 14 мирных жителей.\n"
        "У липні в Україні загинули щонайменше 206 цивільних.\n"
        "Ще близько 430 жителів області досі вважаються зниклими безвісти.\n"
        "Станом на 13:00 відомо про 41 загиблого внаслідок удару по вокзалу."
    )
    assert of(found, 812).scope == "cumulative"
    assert of(found, 14).scope == "cumulative"
    assert of(found, 206).scope == "cumulative"
    assert of(found, 430).scope == "cumulative"
    assert of(found, 41).scope == "incident"


def test_a_bodys_staff_at_a_hospital_who_received_the_victims_counted_them_first_hand() -> None:
    found = claims(
        "Medecins Sans Frontieres (MSF) staff at the field hospital in Rafah, Gaza, received "
        "41 wounded people on Friday."
    )
    assert of(found, 41).attributed_to == "Medecins Sans Frontieres"
    assert of(found, 41).kind == "observed"


def test_an_english_sentence_with_a_cyrillic_word_is_read_without_recursing() -> None:
    found = claims(
        "Officials in Kharkiv (Харків) said 5 people were killed on Monday in the city.\n"
        "У Харкові загинули 5 людей."
    )
    assert of(found, 5).outcome == "killed"
