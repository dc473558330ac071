"""Reading the event from the evidence sentence: sites, attack, revision, victims."""

from __future__ import annotations

import pytest

from tollbook.count.wording import counts_everyone, event_label, read_wording


@pytest.mark.parametrize(
    ("sentence", "sites", "attack"),
    [
        (
            "The photos come as the city recovers from a devastating airstrike on a "
            "children’s hospital, killing at least 17.",
            {"hospital"},
            "airstrike",
        ),
        ("A Russian strike on a crowded market killed 14.", {"market"}, "strike"),
        (
            "A guided aerial bomb hit a packed home-improvement hypermarket.",
            {"market"},
            "airstrike",
        ),
        ("Shells hit a queue for bread in the nearby town.", {"bread queue"}, "shelling"),
        ("A missile hit a bus depot in the west of the city.", {"depot"}, "missile strike"),
        (
            "Rockets struck two schools and a mosque.",
            {"school", "place of worship"},
            "missile strike",
        ),
        ("Blocks of flats were destroyed.", {"residential building"}, None),
        ("Twelve people were killed.", set(), None),
    ],
)
def test_sites_and_attack(sentence: str, sites: set[str], attack: str | None) -> None:
    wording = read_wording(sentence)
    assert wording.sites == frozenset(sites)
    assert wording.attack == attack


@pytest.mark.parametrize(
    "sentence",
    [
        "Thirty-seven wounded were taken to hospital.",
        "Five people were killed, hospital officials said.",
        "Two died in hospital on Friday.",
        "The port city has been shelled daily.",
        # where the dead were buried, not what was hit
        "A youth leader said 23 people were killed and were buried in a mass grave on Monday.",
    ],
)
def test_where_the_wounded_went_or_who_spoke_is_not_a_site(sentence: str) -> None:
    assert read_wording(sentence).sites == frozenset()


@pytest.mark.parametrize(
    ("sentence", "revises"),
    [
        ("Earlier the administration had put the toll at 33.", True),
        ("The death toll has risen to 21.", True),
        ("The toll now stands at 41.", True),
        ("Forty bodies were dumped on Tuesday, followed by 30 more on Wednesday.", False),
        # round 39: a toll the later dead bring it to
        ("Two more bodies were found, which would bring the toll to 23.", True),
        ("Divers found three more bodies, which brought the death toll to 17.", True),
        ("The storm brought the river to its highest level, killing 4.", False),
    ],
)
def test_revision_wording(sentence: str, revises: bool) -> None:
    assert read_wording(sentence).revises is revises


@pytest.mark.parametrize(
    ("victims", "everyone"),
    [("people", True), ("People", True), ("", True), ("children", False), ("civilians", False)],
)
def test_who_counts_as_everyone(victims: str, everyone: bool) -> None:
    assert counts_everyone(victims) is everyone


def test_event_label_prefers_a_named_attack_over_a_plain_strike() -> None:
    assert event_label(["hospital"], ["strike", "airstrike"]) == "airstrike on hospital"
    assert event_label([], ["strike"]) == "strike"
    assert event_label(["market"], []) == "market"
    assert event_label([], []) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The director said the hospital had received 27 bodies and 64 injured people.",
        "Three more children died on the way to the clinic.",
        "An AFP reporter at Al-Nasr hospital counted 10 bodies in the courtyard.",
    ],
)
def test_a_hospital_that_only_received_or_counted_the_dead_is_not_a_site(sentence: str) -> None:
    assert read_wording(sentence).sites == frozenset()


def test_a_hospital_that_was_hit_is_a_site() -> None:
    assert read_wording("Shelling hit the district hospital, killing four.").sites == {"hospital"}
    assert read_wording("The clinic was struck twice on Monday.").sites == {"hospital"}


@pytest.mark.parametrize(
    ("sentence", "adds"),
    [
        ("Two of the wounded died on Wednesday for lack of a surgeon.", True),
        ("Three of them later died, the hospital said.", True),
        ("Rescuers found 11 more bodies in the mud.", True),
        ("Another strike killed three people in the afternoon.", True),
        ("More than 40 people were killed in the blast.", False),
        ("It said 17 of the wounded had been taken to the district hospital.", False),
        ("Of the dead, 12 were women.", False),
        # the rest of a set already told of, not dead beyond it
        ("Eight of the ten were found in the mud; the other two died in hospital.", False),
        ("Two others died in hospital overnight.", True),
        ("By dawn the agency had counted 9 dead; the others were found in the river later.", False),
        # a toll said to hold its later dead
        ("Officials put the toll at 41, including those who died in hospital.", False),
        ("The strike killed 19, including two patients who died of their wounds.", False),
        ("One of them died on Tuesday morning and is included in the toll of 14.", False),
        # more missing or hurt beside the dead, not more dead
        ("A rights group says 48 villagers died and that dozens more are missing.", False),
        ("Nine people were killed and 30 more were wounded, police said.", False),
        ("Rescuers pulled six more bodies from the river on Friday.", True),
        # one set of dead told two ways (round 36)
        (
            "We found the names of 52 people who were killed in the raid or died of their "
            "wounds in the weeks after it.",
            False,
        ),
        # a toll given with the later dead it holds (round 38)
        ("The council gave a toll of 31 on Monday, saying four of the wounded had died.", False),
        # a figure of its own between "of the" and "died" (round 39)
        (
            "The army said its troops killed 12 of the gunmen and that about 30 villagers had "
            "died in the raid.",
            False,
        ),
        ("One of them, a 17-year-old apprentice, died on Monday night.", True),
    ],
)
def test_more_dead_wording(sentence: str, adds: bool) -> None:
    assert read_wording(sentence).adds is adds


def test_a_toll_that_rises_or_is_raised_revises() -> None:
    assert read_wording("Quake toll rises to 38 in the mountain villages.").revises
    assert read_wording("The toll was raised from eight after four of the wounded died.").revises
    assert read_wording("One more patient died, taking the number of dead to nine.").revises


def test_an_earlier_toll_told_as_where_it_stood_revises() -> None:
    assert read_wording("The toll had stood at 12 on Monday morning.").revises


def test_a_toll_a_body_first_reported_revises() -> None:
    # round 30: "first reported 15 dead" is the earlier toll the later one replaces
    assert read_wording(
        "The civil defence, also known as the rescuers, first reported 15 dead."
    ).revises
    assert not read_wording("The first strike killed 15 people at the market.").revises


def test_words_that_only_hold_a_revision_phrase_are_no_revision() -> None:
    # "group from" holds "up from", "Chad put" holds "had put": a phrase is read only where
    # its words are words of the sentence
    assert not read_wording(
        "It caught 12 hikers: eight of a guided group from the valley and four at the hut."
    ).revises
    assert not read_wording("Floods in Chad put 31 people in hospital, officials said.").revises
    assert read_wording("The toll is 14, up from nine on Monday.").revises
    assert read_wording("Officials had put the toll at nine.").revises
