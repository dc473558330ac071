"""Report text -> casualty claims, by the coding rules of CLAIMS.md.

Rules, not a learned model: every decision can be traced to a cue in ``cues``. The pass
over a report keeps a little state between sentences (the place being talked about, the
speaker of a quote chain) and reads each number in its sentence: what it counts (the
outcome), how it is hedged, who the victims are, where and when.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tollbook.domain.claim import Claim
from tollbook.domain.report import Report
from tollbook.extract import (
    cues,
    discourse,
    kind,
    places,
    reading,
    restated,
    scope,
    sentences,
    speaker_cascade,
    subgroups,
)
from tollbook.extract.attribution import Speakers
from tollbook.extract.bombers import bombers_beside
from tollbook.extract.breakdowns import link_breakdowns, totals_of_periods
from tollbook.extract.carried import Carried, carry_places, names_a_share
from tollbook.extract.countries import country_of_town
from tollbook.extract.dateline_town import with_dateline_town
from tollbook.extract.dates import DateMention
from tollbook.extract.derived import derived_figures
from tollbook.extract.drafts import Draft, draft_claim, kept_of
from tollbook.extract.full_names import bodies_named, name_in_full
from tollbook.extract.included import included_in_tolls
from tollbook.extract.joined import joined_places, without_landmarks
from tollbook.extract.kind import kind_of, official_by_source
from tollbook.extract.list_lines import with_header_outcome
from tollbook.extract.located import located, source_spans
from tollbook.extract.numbers import find_numbers_lower
from tollbook.extract.of_them import share_of_them
from tollbook.extract.period_shares import period_shares
from tollbook.extract.perpetrators import perpetrators_of_them
from tollbook.extract.places import (
    Gazetteer,
    Place,
    PlaceMention,
    default_gazetteer,
    find_places,
    is_wide,
)
from tollbook.extract.promising import may_hold_number, names_a_casualty
from tollbook.extract.reading import (
    context_reading,
    inherits,
    inside,
    is_multiplier,
    predicted_reading,
    read_number,
)
from tollbook.extract.release import ISSUE_LINE_RE, in_own_voice
from tollbook.extract.repeats import headline_at_its_event, merge_repeats
from tollbook.extract.scope import clause_cumulative, clause_dates, is_cumulative, one_event
from tollbook.extract.screens import screen_patterns
from tollbook.extract.sentences import Sentence, split_sentences
from tollbook.extract.shares import at_one_site, shares_of_totals
from tollbook.extract.sites import find_sites, is_receiving, may_name_site, site_places
from tollbook.extract.subgroups import (
    find_parent,
    follow_parent_voice,
    opener_context,
    part_of_indices,
    subgroup_cue,
)
from tollbook.extract.tables import table_claims
from tollbook.extract.text_clean import (
    is_boilerplate_lower,
    is_byline,
    looks_like_link,
    normalise,
    opens_link_list,
)
from tollbook.extract.uk_ru.language import has_cyrillic
from tollbook.extract.uk_ru.mixed import extract_mixed
from tollbook.extract.unwrap import unwrapped
from tollbook.extract.verdict_day import verdict_days
from tollbook.extract.when import (
    DayToldLater,
    backfill_when,
    carry_when,
    claim_until_published,
    dates_in,
    event_day,
    rise_shares_day,
    weeks_before,
    when_for,
)
from tollbook.extract.where import (
    fill_missing_places,
    item_place,
    lead_place,
    place_for,
    site_for_its_town,
    site_place,
    with_item_heading,
)

EXTRACTOR_VERSION = "rules-2026.11"

# Patterns most sentences cannot match run only on sentences holding a word every match
# needs (extract/screens.py reads the words off each pattern; the results are the same).
# Screening a pattern most sentences pass costs more than it saves (measured).
_SCREENED = (
    (cues, ("OBSERVED_RE", "FRACTION_OF_RE", "CORRECTION_RE", "DERIVED_RE", "SCOPE_CUMULATIVE_RE")),
    (scope, ("_DAYS_RE",)),
    (kind, ("_ESTIMAT_RE", "_OFFICIAL_WORD_RE")),
    (reading, ("_BRINGING_TO_RE",)),
    (speaker_cascade, ("_ROLE_COMMA_NAME_SAID", "_STAFF_RE")),
    (subgroups, ("_OF_OUTCOME_BEFORE_RE",)),
    (places, ("_COMPASS_HINT_RE",)),
)
for _module, _names in _SCREENED:
    screen_patterns(_module, _names)

#: a place a title names only as a body's ("the Hela disaster committee's press conference")
_BODY_AFTER_RE = re.compile(
    r"(?:\s+[a-z]+){0,2}\s+(?:committee|council|government|administration|authority|ministry|"
    r"agency|police)\b",
    re.I,  # (a title may be written in title case)
)
#: a transcript's list of who speaks: the places it names are in their titles
_SPEAKERS_LINE_RE = re.compile(r"\s*(?:speakers?|participants|panel(?:lists)?)\s*:", re.I)
_VICTIMS_DESCRIBED_RE = re.compile(
    r"^\s*(?:they|the\s+dead|the\s+victims|the\s+bodies|those\s+(?:killed|buried))\s+"
    r"(?:were|are)\s+(?:said\s+to\s+(?:be|have\s+been)\s+|all\s+|mostly\s+|reportedly\s+|"
    r"believed\s+to\s+be\s+)?(?:both\s+)?(?P<np>[a-z]+(?:\s+(?:and|or)\s+[a-z]+)?)"
)


@dataclass
class _Line:
    """One sentence being read, with what was found in it and around it."""

    index: int
    sentence: Sentence
    norm: str
    lower: str
    dates: list[DateMention]
    places: list[PlaceMention]
    sites: list[PlaceMention]
    speakers: Speakers
    next_lower: str
    #: a line of its own with no full stop, holding a figure: the title of a page's item
    item_title: bool = False
    #: the clauses of a sentence that name sources of their own (``Speakers.clauses``)
    clause_speakers: tuple[tuple[int, str], ...] = ()
    #: whether ``speaker`` has been worked out, and what it was
    speaker_known: bool = False
    known_speaker: str | None = None

    @property
    def speaker(self) -> str | None:
        """Who the sentence's figures are from: worked out only once a figure is read
        (a third of the sentences worth reading hold none)."""
        if not self.speaker_known:
            self.known_speaker = self.speakers.source(self.index)
            self.speaker_known = True
        return self.known_speaker


def extract_claims(report: Report, gazetteer: Gazetteer | None = None) -> list[Claim]:
    """The casualty claims of one report, in the order they are first stated."""
    gaz = with_dateline_town(report.text, default_gazetteer() if gazetteer is None else gazetteer)
    text = unwrapped(report.text)
    if text == report.text:
        claims = _claims(report, gaz)
    else:
        # a text wrapped at a width is read with its wrapping breaks made spaces (same
        # offsets); each claim's evidence is then taken back from the original
        claims = [
            _evidence_from(c, report.text, text) for c in _claims(replace(report, text=text), gaz)
        ]
    claims = [claim_until_published(c, report.published) for c in claims]
    return claims + _unread_tables(report, claims)


def _unread_tables(report: Report, claims: list[Claim]) -> list[Claim]:
    """The claims of the report's casualty tables (``tables.py``) that the sentence pass
    did not read, ``part_of`` counted after ``claims``."""
    cells = table_claims(report.id, report.text)
    if not cells:
        return []
    starts = {c.evidence_start for c in claims}
    if any(c.evidence_start in starts for c in cells):
        return []  # the rows were read as sentences ("| Sindh | 45 killed |")
    shift = len(claims)
    return [c if c.part_of is None else replace(c, part_of=c.part_of + shift) for c in cells]


def _claims(report: Report, gaz: Gazetteer) -> list[Claim]:
    if has_cyrillic(report.text):  # Ukrainian or Russian, maybe mixed with English
        return extract_mixed(report, gaz, _english_claims)
    return _english_claims(report, gaz)


def _evidence_from(claim: Claim, original: str, read: str) -> Claim:
    """``claim`` with its evidence as the original text writes it (with its line breaks)."""
    start = claim.evidence_start
    if start is None or read[start : start + len(claim.evidence)] != claim.evidence:
        start = read.find(claim.evidence)
    if start < 0:
        return claim
    return replace(
        claim, evidence=original[start : start + len(claim.evidence)], evidence_start=start
    )


def _english_claims(report: Report, gazetteer: Gazetteer | None) -> list[Claim]:
    """The English pass over a report (in a mixed report, its sentences that are not mostly
    Cyrillic, which may still hold a Cyrillic word: they are not sent back to
    ``extract_mixed``)."""
    gaz = gazetteer if gazetteer is not None else default_gazetteer()
    carried = Carried()
    if report.title:
        title = normalise(report.title)
        carried.city, carried.country = carry_places(
            [p for p in find_places(title, gaz) if not _BODY_AFTER_RE.match(title, p.end)],
            carried.city,
            carried.country,
        )
    drafts: list[Draft] = []
    kept_sentences = _content_sentences(report.text)
    norms = with_header_outcome([normalise(s.text) for s in kept_sentences])
    openers = sentences.paragraph_openers(kept_sentences, report.text)
    speakers = Speakers(norms, openers)
    first_when: str | None = None
    told_later = DayToldLater()
    named_sites: list[Place] = []
    named: list[discourse.Named] = []  # what each sentence named, for the report as a whole
    lowers = [n.lower() for n in norms]
    promising_at = [names_a_casualty(x) and may_hold_number(x) for x in lowers]
    titles = sentences.item_titles(kept_sentences, openers, report.text)
    last = max((i for i, p in enumerate(promising_at) if p), default=-1)
    for index, sentence in enumerate(kept_sentences[: last + 1]):
        norm, lower, promising = norms[index], lowers[index], promising_at[index]
        places = with_item_heading(norm, find_places(norm, gaz), gaz.lookup)
        if places and _SPEAKERS_LINE_RE.match(norm):
            places = []  # "Speakers: X, Hela provincial administrator": titles, not places
        carried.new_paragraph(index, openers, norm, places, index in titles)
        if places:
            # a place inside the source's words ("governor of the Kharkiv region", "the
            # National Police of Ukraine") is not the figure's
            places = joined_places(norm, without_landmarks(norm, places))
            places = located(norm, places, speakers.named_here(index) if promising else None)
        sites = find_sites(norm) if may_name_site(lower) else []
        if sites and promising:  # "Seismologists at Bogazici University said": the source's
            spans = source_spans(norm, speakers.named_here(index))
            sites = [x for x in sites if not any(a <= x.start < b for a, b in spans)]
        site_mentions = site_places(norm, sites, places, carried.city, gaz.lookup) if sites else []
        if site_mentions:
            places = [p for p in places if not any(s.start <= p.start < s.end for s in sites)]
        named.append((places, site_mentions))
        dates = dates_in(norm, lower, report.published, promising)
        if promising:
            line = _Line(
                index=index,
                sentence=sentence,
                norm=norm,
                lower=lower,
                dates=dates,
                places=places,
                sites=site_mentions,
                speakers=speakers,
                clause_speakers=speakers.clauses(index) if ", " in norm or ";" in norm else (),
                next_lower=lowers[index + 1] if index + 1 < len(norms) else "",
                item_title=index in titles,
            )
            new = _sentence_claims(line, carried, drafts)
            restated.earlier_toll_of_the_figure(new, lower)
            rise_shares_day(new, lower)
            event_day(new, carried.when, lower)
            told_later.watch(new, carried.when, lower, index)
            drafts.extend(new)
            headline = index == 0 and sentence.text.strip() == (report.title or "").strip()
            if carried.lead is None and not headline and new and new[0].place is not None:
                carried.lead = lead_place(new[0].place)
                carried.lead_low, carried.lead_period = new[0].low, new[0].scope == "cumulative"
            elif places or site_mentions:
                carried.after_share = names_a_share(new, carried)
        if carried.turn_to_past(dates, [*places, *site_mentions]):
            places, site_mentions = [], []  # a past event's places are not carried on
        event_sites = [m for m in site_mentions if not is_receiving(m.place)]
        if event_sites and not weeks_before(dates, carried.when):  # ("On 2 May, a missile
            named_sites.extend(m.place for m in event_sites)  # strike on the bus station ...")
        if event_sites:
            carried.site = event_sites[0].place
        elif (
            carried.site is not None
            and any(not p.place.is_country and not is_wide(p.place) for p in places)
            and not any(p.place.name in carried.site.name for p in places)
        ):
            carried.site = None  # the report moved on to another town
        carried.city, carried.country = carry_places(
            places, carried.city, carried.country, norm, promising
        )
        carried.when, carried.named = carry_when(dates, carried.when, lower), dates[-1:]
        aftermath_day = told_later.settle(index, dates, carried.when)
        if aftermath_day is not None and aftermath_day == first_when:
            first_when = carried.when  # the lead's day was its aftermath's
        if first_when is None and (promising or not ISSUE_LINE_RE.search(lower)):
            # not the date a release was issued: "Amnesty International | Public statement,
            # 14 July 2026" dates no figure of the headline before it
            first_when = carried.when
    backfill_when(drafts, first_when)
    verdict_days(drafts, norms, lowers, report.published)
    kept = merge_repeats(drafts)
    _headline_sources(kept, speakers)
    site_for_its_town(kept, named_sites)
    fill_missing_places(kept)
    discourse.settle(kept, kept_sentences, named, report, speakers)
    headline_at_its_event(kept)
    restated.restated_totals(kept)
    restated.earlier_totals(kept)
    restated.summed_totals(kept, drafts)
    _follow_larger_figures(kept)
    in_own_voice(kept, [s.text for s in kept_sentences], report.published)
    link_breakdowns(kept, drafts)
    included_in_tolls(kept, norms)
    follow_parent_voice(kept)
    totals_of_periods(kept)
    name_in_full(
        kept, speakers.all_named, lambda: [*speakers.bodies_in_full(), *bodies_named(norms)]
    )
    official_by_source(kept)
    shares_of_totals(kept)
    period_shares(kept)
    bombers_beside(kept, drafts, lowers)
    return [draft_claim(report.id, d, p) for d, p in zip(kept, part_of_indices(kept), strict=True)]


def _headline_sources(kept: list[Draft], speakers: Speakers) -> None:
    """A headline's figure that names no source and is not told again below it (a repeat
    takes the body's source) takes the source the lead names first."""
    for draft in kept:
        if draft.in_headline and draft.attributed_to is None:
            draft.attributed_to = speakers.lead_source()
        elif draft.in_headline and draft.attributed_to in ("UN", "U.N."):
            # "Haiti: UN says gang violence killed at least 1,417": the UN body the lead names
            lead = speakers.lead_source()
            if lead is not None and lead.startswith(("UN ", "United Nations ")):
                draft.attributed_to = lead


def _content_sentences(text: str) -> list[Sentence]:
    """Sentences that are the report itself: no menus, prompts, credits or link lists."""
    kept: list[Sentence] = []
    in_links = False
    for sentence in split_sentences(text):
        if opens_link_list(sentence.text):
            in_links = True
            continue
        if in_links and looks_like_link(sentence.text):
            continue
        in_links = False
        if not is_boilerplate_lower(sentence.text.lower()) and not is_byline(sentence.text):
            kept.append(sentence)
    return kept


_OFFICIAL_RE = re.compile(r"\bofficial")


def _sentence_claims(line: _Line, carried: Carried, earlier: list[Draft]) -> list[Draft]:
    """The figures of one sentence, read with what the report said before it."""
    lower, dates, places = line.lower, line.dates, line.places
    if cues.CORRECTION_RE.search(lower):
        return []  # a correction notice repeats figures the report withdrew
    numbers = [n for n in find_numbers_lower(lower) if not inside(n, dates)]
    opener = cues.CONTEXT_OPENER_RE.match(lower)
    context = opener_context(opener, earlier) if opener else None
    cumulative = is_cumulative(lower, dates) or bool(
        earlier  # the cheap test first: most figures before are not running totals
        and earlier[-1].scope == "cumulative"
        and (
            cues.GOES_ON_RE.match(lower)
            or (cues.BREAKS_DOWN_RE.search(lower) and not one_event(lower))
        )
    )
    local = [p for p in places if not p.place.is_country]
    official_mention = "official" in lower and bool(_OFFICIAL_RE.search(lower))
    found_before = False
    out: list[Draft] = []
    for i, n in enumerate(numbers):
        if is_multiplier(lower, n):
            continue
        previous = out[-1] if out else None
        reading = read_number(lower, n, previous, found_before)
        if reading is None and context is not None and n.end > opener.end():  # type: ignore[union-attr]
            reading = context_reading(lower, n, context)
        if reading is None and earlier and earlier[-1].outcome == "killed" and "the " in lower:
            reading = predicted_reading(lower, n, "killed")
        if reading is None and not i and earlier and earlier[-1].sentence_index == line.index - 1:
            reading = share_of_them(lower, n, earlier[-1].outcome)  # "Three of them were ..."
        if reading is None:
            continue
        victims = reading.victims
        from_noun = victims is not None and not reading.body_noun
        if victims is None or reading.body_noun:
            if previous is not None and inherits(lower, n):
                victims = previous.victims
                from_noun = previous.victims_from_noun
            else:
                described = _VICTIMS_DESCRIBED_RE.match(line.next_lower)
                victims = (
                    _as_written(line.norm, described.group("np"))
                    if described and re.search(cues.VICTIM_NOUNS, described.group("np"))
                    else "people"
                )
        # "the toll is 28: the 27 recovered and a woman who died in July": the parts' days
        at = [d for d in dates if d.end <= n.end] if lower[n.end : n.end + 2] == ": " else dates
        at = clause_dates(lower, at, n.start)
        fig_cumulative = cumulative and clause_cumulative(lower, at, n.start)
        fig_speaker = _speaker_at(line, n.start)
        kind = kind_of(
            lower,
            fig_speaker,
            lower[numbers[i - 1].end if i else 0 : n.start],
            lower[n.end : numbers[i + 1].start if i + 1 < len(numbers) else len(lower)],
        )
        out.append(
            Draft(
                outcome=reading.outcome,
                low=reading.low,
                high=reading.high,
                qualifier=reading.qualifier,
                victims=victims,
                place=_figure_place(
                    line,
                    carried,
                    n.start,
                    local,
                    fig_cumulative,
                    kind == "estimate",
                    reading.outcome,
                ),
                when=when_for(n.start, at, fig_cumulative, lower)
                or carried.that_event(lower)
                or (None if fig_cumulative else carried.past or carried.when),
                scope="cumulative" if fig_cumulative else "incident",
                kind=kind,
                attributed_to=fig_speaker,
                evidence=line.sentence.text,
                evidence_start=line.sentence.start,
                sentence_index=line.index,
                position=n.start,
                official_mention=official_mention,
                victims_from_noun=from_noun,
                figure_text=n.text.lower(),
                place_here=bool(local),
                in_headline=line.index == 0 or line.item_title,
                story=carried.story,
            )
        )
        draft = out[-1]
        cue = subgroup_cue(lower, n, lower[numbers[i - 1].end if i else 0 : n.start], previous)
        perpetrators = cue == "previous" and perpetrators_of_them(lower, n.start, n.end)
        if perpetrators:
            # "troops pursued the attackers and killed 13 of them": dead of their own
            draft.victims, cue = perpetrators, None
        if cue is not None:
            parent = find_parent(draft, cue, out[:-1], earlier)
            if parent is not None:
                draft.subgroup, draft.parent = cue, parent
                draft.one_event = one_event(lower, n.start)
                if parent in out and draft.scope == "cumulative" and at_one_site(lower, n.end):
                    draft.scope, draft.one_event = "incident", True  # one event inside it
        found_before = found_before or reading.outcome == "bodies_found"
    # The speaker is worked out only when a figure needs it: tried without one first, and
    # read again with it when a derived figure was found.
    args = (line.sentence.text, line.sentence.start, line.index)
    known = line.known_speaker  # already worked out for the figures above, or None
    derived = derived_figures(lower, numbers, out, earlier, known, *args)
    if derived and not line.speaker_known:
        derived = derived_figures(lower, numbers, out, earlier, line.speaker, *args)
    out.extend(derived)
    return out


def _figure_place(
    line: _Line,
    carried: Carried,
    position: int,
    local: list[PlaceMention],
    cumulative: bool,
    estimate: bool = False,
    outcome: str = "",
) -> Place | None:
    """The place of a figure: a site or place named in its sentence, else what the report
    was talking about (a running total placed nowhere: the town or country, not a site)."""
    told_here = cumulative or line.dates or line.places or line.sites
    if carried.past and carried.past_place and not told_here:
        return carried.past_place  # the past event the paragraph turned to
    if cumulative and not line.sites and not line.places and carried.site is not None:
        if carried.city is not None and _THE_TOWN_RE.search(line.lower):
            return carried.city  # "216 civilians killed in and around the town since then"
        return carried.country or carried.city
    national = _NATIONAL_RE.search(line.lower)
    if national is not None and (
        not local
        # "31 deaths recorded across the country, 22 of them in Bamako district": the 31
        or (position < national.start() and all(p.start > national.end() for p in local))
    ):
        # "across the country", "the national toll": not the town told before, its country
        # (the country the report leads with, not one named in passing: "Nepal's trade
        # with China")
        lead = carried.lead
        country = lead if lead is not None and lead.is_country else None
        country = country or carried.country or country_of_town(carried.city)
        if country is not None:
            return country
    if (cumulative or estimate) and not line.sites and not line.places and carried.lead:
        return carried.lead  # a total or an estimate is about what the report is about
    if not line.places and not line.sites and carried.names_site_again(line.lower):
        return carried.site  # "bringing the toll of the camp attack to 24": that camp's
    if (
        carried.after_share
        and carried.lead is not None
        and not line.places
        and not line.sites
        and outcome != "bodies_found"  # bodies are recovered where they were
        and not _THERE_RE.search(line.lower)  # "Thirteen are missing there"
        # "From one compound alone we lost nine": a witness speaks of the place told
        and not _FIRST_PERSON_RE.search(line.lower)
    ):
        return carried.lead  # the event again, not the place of a share told before
    if line.sites and local:
        # "Two were killed in Druzhkivka, and one in the village of Illinivka": a figure
        # with its own "in" and a town or site is that one's, whatever the sentence's site
        after = item_place(position, [*line.sites, *local], line.norm)
        if after is not None and not is_receiving(after):
            return after
    past = any(d.of_event for d in line.dates)
    return site_place(
        position, line.sites, line.places, past, carried.site, line.norm
    ) or place_for(position, local, line.places, carried.city, carried.country, line.norm)


def _speaker_at(line: _Line, position: int) -> str | None:
    """The source of the figure at ``position``: that of its own clause when the sentence
    gives sources clause by clause, else the sentence's."""
    own = [who for start, who in line.clause_speakers if start <= position]
    return own[-1] if own else line.speaker


_THERE_RE = re.compile(r"\b(?:there|here)\b")
_FIRST_PERSON_RE = re.compile(r"\b(?:we|our|us)\b")
_THE_TOWN_RE = re.compile(r"\b(?:in|around|of)\s+the\s+(?:town|city)\b")
_NATIONAL_RE = re.compile(
    r"\b(?:across\s+the\s+(?:country|nation)|nationwide|nationally|countrywide|"
    r"(?:the\s+)?national\s+(?:death\s+)?toll)\b"
)


def _follow_larger_figures(kept: list[Draft]) -> None:
    """A derived figure has the scope of the figure it multiplies, and a subgroup of a
    running total of its outcome is one too (unless its sentence names one event; not
    "three of the injured died" of "in all, nearly 100 were hurt"), as those figures
    stand once the report is read (a headline's figure takes its scope from the body)."""
    for d in kept:
        if d.base is not None:
            base = kept_of(d.base)
            d.scope, d.place = base.scope, d.place or base.place
        parent = kept_of(d.parent) if d.parent is not None else None
        if parent and parent.outcome == d.outcome and parent.scope == "cumulative":
            if not d.one_event and d.scope == "incident" and d.when is None:
                d.when = parent.when  # a share of the total, over its period
            d.scope = d.scope if d.one_event else "cumulative"


def _as_written(norm: str, np: str) -> str:
    i = norm.lower().find(np)
    return norm[i : i + len(np)] if i >= 0 else np
