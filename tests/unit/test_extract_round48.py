"""The rules of round 48 (thirty-sixth session; docs/extraction.md, "Round 48"), one or
more tests each, every one failing on the code before its rule unless it says it guards
one. The round is mostly about who gave a figure: a body named in full before a
description of it, a body that "counts" its dead, a court that heard them, a place that
"recorded" them (no speaker), and a few figures the reader missed or misplaced."""

from __future__ import annotations

from datetime import date

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import extract_claims


def _claims(text: str, published: date = date(2026, 6, 10)) -> list[Claim]:
    title = text.split("\n", 1)[0]
    return extract_claims(Report("r", text, title=title, published=published))


def _source_of(text: str, low: int | None, published: date = date(2026, 6, 10)) -> str | None:
    claim = next(c for c in _claims(text, published) if c.low == low)
    return claim.attributed_to


# -- a body named in full, then what it is


def test_a_body_named_in_full_before_its_description_is_the_whole_name() -> None:
    text = (
        "The Regional Observatory for Civil Liberties, a Geneva-based monitor, said 84 "
        "civilians were killed in the province in the second quarter."
    )
    assert _source_of(text, 84) == "Regional Observatory for Civil Liberties"


def test_a_persons_name_and_role_before_said_is_kept() -> None:
    """Guard: "Name, a role, said" still gives the person and the role."""
    text = "Daniel Okafor, a nurse at the district hospital, said 12 people died overnight."
    assert _source_of(text, 12) == "Daniel Okafor, nurse at the district hospital"


# -- a body that counts its dead


def test_a_body_that_counts_its_dead_is_the_source() -> None:
    text = "The Ombudsman's Office counts 37 dead in the three districts."
    assert _source_of(text, 37) == "Ombudsman's Office"


def test_a_body_with_a_clause_holding_a_number_that_counts_its_dead() -> None:
    text = (
        "The Ombudsman's Office, which sent inspectors to 12 villages, counts 37 dead, "
        "20 of them civilians."
    )
    assert _source_of(text, 37) == "Ombudsman's Office"


def test_a_headline_that_a_body_counts_takes_the_body_the_lead_names() -> None:
    """Guard of the rule above: a headline's "UN counts" is not read as the source 'UN'."""
    text = (
        "UN counts 2,310 killed in the north in 2025\n"
        "GENEVA, June 9 - The UN human rights office said on Tuesday that 2,310 people were "
        "killed in armed violence in the north of the country in 2025."
    )
    assert _source_of(text, 2310) == "UN human rights office"


def test_a_bodys_own_count_names_the_body() -> None:
    text = "The Interior Ministry's final count is 26 dead, including four police officers."
    assert _source_of(text, 26) == "Interior Ministry"
    text = "Police Wales figures released on Monday show that 31 people died on the roads in 2025."
    assert _source_of(text, 31) == "Police Wales"


def test_a_places_own_toll_names_no_body() -> None:
    """Guard: "Kherson's toll rose to 12" is a place's toll, told by no one."""
    assert _source_of("Kherson's toll rose to 12 on Monday.", 12) is None


# -- a place that recorded the most deaths is no speaker


def test_a_place_that_recorded_deaths_is_no_speaker() -> None:
    text = (
        "Cholera has killed 61 people in the country this year, the health ministry said.\n"
        "Mzimba district recorded the most deaths, 23, followed by Karonga with 14."
    )
    assert _source_of(text, 23) != "Mzimba district"


# -- a court, an inquest


def test_a_court_that_heard_the_figure_is_the_source() -> None:
    text = "Fourteen workers were taken to hospital with burns, the court heard."
    assert _source_of(text, 14) == "court"


# -- a speaker with an aside, a group that names its dead


def test_a_speaker_whose_town_lies_some_distance_away() -> None:
    text = (
        "A doctor at the hospital in Kaya, 100 kilometres away, said the morgue had "
        "received the bodies of 18 soldiers by Sunday evening."
    )
    assert _source_of(text, 18) == "doctor at the hospital in Kaya"


def test_a_speaker_adding_a_figure_after_said() -> None:
    text = (
        '"We have little hope for the men still inside," Moyo said on Friday, adding that '
        "the toll could rise to 9."
    )
    assert _source_of(text, None) == "Moyo"


def test_a_body_run_by_researchers_that_recorded_deaths() -> None:
    text = (
        "The Lakes Security Monitor, run by researchers with local correspondents, recorded "
        "1,140 people killed in the first half of the year."
    )
    assert _source_of(text, 1140) == "Lakes Security Monitor"


def test_a_government_that_put_the_toll_in_a_statement() -> None:
    text = "The government, in a statement read on state radio on Monday, put the toll at 17 dead."
    claim = next(c for c in _claims(text) if c.low == 17)
    assert claim.attributed_to == "government" and claim.kind == "official"


def test_journalists_who_name_the_dead() -> None:
    text = (
        "Local journalists name 48 killed in militia raid\n"
        "A network of local journalists has named 48 people killed in the raid."
    )
    assert _source_of(text, 48) == "local journalists"


# -- a families' committee is no public body


def test_a_committee_of_victims_families_is_not_official() -> None:
    """Guard of "counts" (before it, the figure had no source and was merely reported)."""
    text = "A committee of victims' families, which keeps its own list, counts 33 dead."
    claim = next(c for c in _claims(text) if c.low == 33)
    assert claim.kind == "reported"


def test_a_body_told_by_its_work_before_its_ministry() -> None:
    text = (
        "The forensic medicine directorate of the Public Ministry says 27 people died, "
        "22 at the scene and five in hospital."
    )
    assert _source_of(text, 27) == "forensic medicine directorate of the Public Ministry"


# -- figures the reader missed or misdated


def test_the_massacre_of_a_number_of_civilians_is_a_killed_figure() -> None:
    text = "Rights group condemns the massacre of at least 19 civilians in Tambarga"
    claim = next(c for c in _claims(text) if c.outcome == "killed")
    assert claim.low == 19 and claim.victims == "civilians"


def test_later_deaths_a_groups_list_includes_are_part_of_its_toll() -> None:
    text = (
        "Rights network names 52 killed in raid on Kordofan village\n"
        "KHARTOUM, June 9 - A rights network said on Tuesday it had named 52 people killed "
        "when gunmen stormed the village of Um Dam on 20 May.\n"
        "Medical staff at the hospital in Bara said they had treated 40 wounded from the "
        "village, 8 of whom later died; the network's list includes them."
    )
    claims = _claims(text)
    later = next(c for c in claims if c.outcome == "killed" and c.low == 8)
    assert later.part_of is not None and claims[later.part_of].low == 52


def test_attackers_killed_days_later_keep_their_own_day() -> None:
    text = (
        "Six killed in massacre at a billiards hall in Balboa, Cauca\n"
        "BOGOTA, April 20 - Gunmen killed six people at a billiards hall in the village of "
        "La Esperanza, in the municipality of Balboa, on 28 March, prosecutors said.\n"
        "Two members of the group who allegedly took part in the massacre were killed on "
        "4 April in a clash with the army in the same area."
    )
    claims = _claims(text, date(2026, 4, 21))
    two = next(c for c in claims if c.outcome == "killed" and c.low == 2)
    assert two.when == "2026-04-04"


# -- sources written down as the report names them (the round's second part)


def test_figures_compiled_by_her_office_are_hers() -> None:
    text = (
        "Okonjo-Reyes told the Council that at least 1,960 people had been killed between "
        "January and June, according to figures compiled by her office."
    )
    assert _source_of(text, 1960) == "Okonjo-Reyes"


def test_a_role_that_ends_in_an_acronym_before_the_name() -> None:
    text = (
        "Briefing the Council on Monday, the head of the United Nations Support Mission in "
        "Libya (UNSMIL), Karin Aaltonen, said 214 civilians had been killed since March."
    )
    source = _source_of(text, 214)
    assert source is not None and source.startswith("Karin Aaltonen, head of")


def test_a_bodys_final_figures_name_the_body() -> None:
    text = (
        "Of the 19 dead, six were pupils of the school, according to the administration's "
        "final figures."
    )
    assert _source_of(text, 19) == "administration"


def test_a_year_before_a_body_is_no_part_of_it() -> None:
    text = "In the same period last year the authority recorded 311 deaths and 20 people missing."
    assert _source_of(text, 311) == "authority"


def test_a_verdict_is_the_courts() -> None:
    text = "According to the verdict, 31 people died at the scene and two in hospital."
    assert _source_of(text, 31) == "court"


def test_a_court_that_found_or_convicted() -> None:
    assert _source_of("The court found that 26 people died at the scene.", 26) == "court"
    text = (
        "Chile's Supreme Court on Tuesday convicted three retired officers of the killing of "
        "14 farm workers in the valley."
    )
    assert _source_of(text, 14) == "Chile's Supreme Court"


def test_a_body_described_by_its_country_then_named() -> None:
    text = (
        "A Guatemalan rights group, the Highland Memory Project (HMP), says 44 villagers "
        "died, including nine children."
    )
    assert _source_of(text, 44) == "Highland Memory Project (HMP)"


def test_a_university_of_a_place_whole() -> None:
    text = "The University of Nairobi Teaching Hospital said it had treated 31 patients."
    assert _source_of(text, 31) == "University of Nairobi Teaching Hospital"


def test_a_body_that_raised_its_toll() -> None:
    text = "On Monday, after two deaths in hospital, the ministry raised its toll to 17."
    assert _source_of(text, 17) == "ministry"


def test_a_body_that_found_at_the_time() -> None:
    text = (
        "In March 2023, soldiers killed at least 150 villagers in Karma, Human Rights Watch "
        "found at the time."
    )
    assert _source_of(text, 150) == "Human Rights Watch"


def test_an_office_in_a_town_whose_name_opens_with_a_letter_outside_ascii() -> None:
    text = (
        "By Sunday evening the public prosecutor's office in Šabac said a 12th person had "
        "died, bringing the toll to 12."
    )
    assert _source_of(text, 12) == "public prosecutor's office in Šabac"


# -- days


def test_a_headline_figure_takes_the_day_of_its_repeat_not_the_reports_first_day() -> None:
    text = (
        "Mediterranean deaths fall in first half of 2026 as new wreck off Linosa kills eight\n"
        "ROME, July 9 - At least 300 migrants died in the central Mediterranean in the first "
        "half of the year, the IOM said on Thursday.\n"
        "The deadliest wreck of the half-year happened off Sabratha on 2 March, when 31 "
        "people drowned.\n"
        "The boat that capsized on Wednesday night south of Linosa had left Sfax with about "
        "40 people on board, the coast guard said.\n"
        "Its crews rescued 30 survivors and recovered eight bodies near Linosa by Thursday "
        "morning."
    )
    claims = _claims(text, date(2026, 7, 9))
    headline = next(c for c in claims if c.outcome == "killed" and c.low == 8)
    assert headline.when is not None and headline.when.startswith("2026-07")


def test_two_days_of_a_month_are_a_period() -> None:
    text = (
        "Local authorities report at least 31 civilians killed in drone strikes on Kadugli "
        "town on 4 and 5 May, including nine children."
    )
    claim = next(c for c in _claims(text, date(2026, 5, 7)) if c.low == 31)
    assert claim.when == "2026-05-04/2026-05-05" and claim.scope == "cumulative"


def test_one_flood_over_two_days_stays_one_event() -> None:
    """Guard: the days one event took are no period of counting."""
    claim = next(
        c for c in _claims("Floods on 3 and 4 May killed 12 people in the valley.") if c.low == 12
    )
    assert claim.scope == "incident"


# -- a second speaker's clause, a region aside, a transcript's turns


def test_a_second_speakers_clause_after_while_is_not_the_first_clauses_running_total() -> None:
    text = (
        "The monitor has so far confirmed 22 names, while the military said it had struck a "
        "training camp at Nyaung Kone and killed 35 fighters."
    )
    claim = next(c for c in _claims(text) if c.low == 35)
    assert claim.scope == "incident" and claim.attributed_to == "military"


def test_a_speakers_town_and_the_region_it_lies_in() -> None:
    text = (
        "Local officials in Kani township, in Sagaing region, said 23 people were killed when "
        "a jet bombed the market in the village of Let Pan on 2 June."
    )
    assert _source_of(text, 23) == "local officials in Kani township"


def test_a_transcripts_answer_named_by_surname_takes_the_post_given_before() -> None:
    text = (
        "Landslide at Kopiago: the provincial disaster committee's press conference\n"
        "Speakers: Joseph Kundu Waime, Hela provincial administrator, and Anna Pela, "
        "disaster coordinator\n"
        "Q: What is the confirmed death toll?\n"
        "A: Waime: We have confirmed nine deaths.\n"
        "Q: A church leader said at least 16 people have died. Is your toll too low?"
    )
    claim = next(c for c in _claims(text) if c.outcome == "killed" and c.low == 9)
    assert claim.attributed_to == "Joseph Kundu Waime, Hela provincial administrator"
    assert claim.kind == "official"


def test_its_spokeswoman_speaks_for_the_body_named_before() -> None:
    text = (
        "A committee of victims' families, which has kept its own list, counts 31 dead.\n"
        "Its spokeswoman, Marisol Ochoa Tapia, said four fans who died at home a week later "
        "were never added to the official count."
    )
    claim = next(c for c in _claims(text) if c.outcome == "killed" and c.low == 4)
    assert claim.attributed_to == (
        "Marisol Ochoa Tapia, spokeswoman of the committee of victims' families"
    )
    assert claim.kind == "reported"  # "the official count" is the one they were left out of


def test_deaths_it_recorded_are_the_body_named_before() -> None:
    text = (
        "The Office of Civil Defense (OCD) said 402 people had died in floods this year.\n"
        "That is more than double the 176 deaths it recorded in the whole of 2025."
    )
    assert _source_of(text, 176, date(2026, 10, 10)) == "Office of Civil Defense"


def test_its_first_count_told_with_an_aside() -> None:
    text = (
        "The Committee of Emergency Situations said 34 people died in the quake.\n"
        "Its first count, on the day of the quake, was 27 dead and 140 injured."
    )
    assert _source_of(text, 27) == "Committee of Emergency Situations"


def test_a_body_that_gave_a_final_toll() -> None:
    text = (
        "The quake struck at night, and the civil defence institute gave a final toll of 23 dead."
    )
    assert _source_of(text, 23) == "civil defence institute"


def test_a_headlines_un_is_the_un_body_the_lead_names() -> None:
    text = (
        "Haiti: UN says gang violence killed at least 1,210 people in first quarter\n"
        "PORT-AU-PRINCE, April 20 - The United Nations Integrated Office in Haiti said on "
        "Monday that at least 1,210 people were killed in gang violence between January and "
        "March."
    )
    claim = next(c for c in _claims(text) if c.low == 1210 and c.evidence.startswith("Haiti"))
    assert claim.attributed_to == "United Nations Integrated Office in Haiti"
