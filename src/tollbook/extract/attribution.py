"""Who said a figure: named speakers with roles, institutions, "according to", pronouns.

A sentence that opens a quote without naming its speaker inherits the speaker of the
quote chain before it ("He added: ..." then "“I mean it's three to four times more”").
"""

from __future__ import annotations

import re
from functools import lru_cache

from tollbook.extract.numbers import HAS_FIGURE_RE as _HAS_FIGURE_RE
from tollbook.extract.places import dateline_end
from tollbook.extract.release import RELEASE_LINE_RE as _RELEASE_RE
from tollbook.extract.release import WE_RE as _WE_RE
from tollbook.extract.release import issuing_body
from tollbook.extract.source_text import ROLE_LEAD_RE as _ROLE_LEAD_RE
from tollbook.extract.source_text import is_headline as _is_headline
from tollbook.extract.source_text import named_in_full, tidy_source
from tollbook.extract.speaker_cascade import NOT_FIRST as _NOT_FIRST
from tollbook.extract.speaker_cascade import named_source as _named_source
from tollbook.extract.speaker_ends import (
    GAVE_FIGURES,
    OTHER_TOLL_RE,
)
from tollbook.extract.speaker_ends import SAID as _SAID

_PRONOUN = re.compile(  # over lower-cased text
    rf"\b(?:he|she|they|it)\s+(?:also\s+|had\s+|has\s+|have\s+|later\s+|earlier\s+)?{_SAID}\b|"
    rf"\b{_SAID}\s+(?:he|she|it)\b|"
    # "more than double the 187 deaths it recorded in the whole of 2025"
    r"\b(?:deaths|dead|killings|bodies)\s+(?:it|they)\s+(?:had\s+|has\s+|have\s+)?"
    r"(?:recorded|counted|documented|registered)\b"
)


#: a live blog's time before an entry: "11:15 - ", "09.40 — ", "4:05 p.m.: "
_TIME_STAMP = re.compile(r"\W*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:[A-Z]{2,4}\s*)?[-–—:|]\s+")
#: "Kherson's mayor, ...", "Tanganyika province's governor, ...": a speaker named by the
#: place or body they serve, at the start of a sentence
_POSSESSIVE_OPENING = re.compile(r"[A-Z][\w-]*(?:\s+[\w-]+){0,4}?['’]s\s+[a-z]")


#: a transcript's turn: "A (Winstead): ...", "A (Sheriff Wade Kimbrough): ...", "Carla
#: Winstead, director of Monroe County Emergency Management: Good morning.", "A: Angoro: ..."
_TURN_RE = re.compile(
    r"^\s*(?:A\s*\((?P<answer>[A-Z][^)]{1,80})\)|(?P<who>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3},"
    r"\s+[a-z][^:\"]{2,90}?)|A:\s*(?P<named>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2})):\s"
)


_STORY_HEADING_RE = re.compile(
    r"^\W*(?:[A-Z]{3,}(?:\s+[A-Z]{2,}){0,2}\s*:\s|(?i:corrections?|and\s+finally|in\s+other\s+news)"
    r"\s*:\s)"
)


class Speakers:
    """Who speaks in each sentence of a report, worked out only for the sentences asked about.

    A sentence names its source, or says "he said" (the last source named before it), or
    opens a quote that goes on from a sentence with a source, or is followed by a sentence
    that names one ("This was reported by ..."); otherwise it has none. A source named only
    by its role ("the regional governor") takes the name a sentence next to it gives
    ("Oleh Syniehubov, governor of the Kharkiv region").
    """

    def __init__(self, sentences: list[str], opens_paragraph: frozenset[int] = frozenset()) -> None:
        self._sentences = sentences
        #: the sentences that open a paragraph: a speaker named there with figures of its
        #: own does not lend itself to the end of a paragraph whose speaker goes on
        self._opens = opens_paragraph
        self._named: dict[int, str | None] = {}
        self._defined: dict[str, str] | None = None
        self._parenthesis: bool | None = None
        self._issuer: tuple[str | None] | None = None  # the release's issuer, once asked

    def _has_parenthesis(self) -> bool:  # asked for every source named
        if self._parenthesis is None:
            self._parenthesis = any("(" in sentence for sentence in self._sentences)
        return self._parenthesis

    def source(self, index: int) -> str | None:
        """The source of the figures of sentence ``index``."""
        named = self._named_source(index)
        if named is not None and (
            any(ch.isupper() for ch in named) or not _ANAPHOR_RE.search(self._sentences[index])
        ):
            return self._whose_officer(self._with_name(named, index), index)
        own, named = named, None
        turn = self._turn_of(index)
        if own is None and turn is not None:
            return turn  # "A (Winstead): ... Six of them were at Cedar Ridge.": hers
        if own is None and _FIRST_PERSON_RE.search(self._sentences[index]):
            briefer = self._briefer_before(index)
            if briefer is not None:
                return briefer  # "Opening statement by X, director of Y" ... "we can confirm 14"
        if _PRONOUN.search(self._sentences[index].lower()):
            introduced = _introduced_person(self._sentences[index - 1]) if index else None
            if introduced is not None and self._named_source(index - 1) is None:
                return introduced  # "Maria Okonkwo briefed the Council ... She said ..."
            last = self._last_named_before(index)
            return self._with_name(last, index - 1) if last is not None else None
        if self._sentences[index].lstrip().startswith('"'):
            return self._chain_before(index)
        anaphor = _ANAPHOR_RE.search(self._sentences[index])
        if anaphor:  # "the report says", "the group said", "the city administration said"
            noun = anaphor.group("noun") or anaphor.group("noun2")
            body = anaphor.group("noun3")
            subject = _SUBJECT_BODY_RE.match(self._sentences[index - 1]) if index else None
            if body is not None and subject is not None:
                return tidy_source(subject.group("who"))  # "ACLED tracks ... It has recorded"
            for i in range(index - 1, -1, -1):
                named = self._named_source(i)
                if named is None:
                    continue
                if body is not None:  # a body, not a person
                    if index - i <= 2 and ", " not in named and _BODY_NAME_RE.search(named):
                        return self._with_name(named, i)
                    continue
                if noun in ("source", "sources"):  # "according to the same sources"
                    if "source" in named.lower():
                        return self._with_name(named, i)
                    continue
                if anaphor.group("noun2") and noun not in _SAID_THINGS:
                    # "according to the same ministry": a body of that kind named before
                    if noun in named.split(",")[0].lower():
                        return self._with_name(named, i)
                    continue
                if any(ch.isupper() for ch in named) and (
                    noun not in _BODY_NOUNS
                    or noun in named.split(",")[0].lower()
                    # "SINAPRED, national disaster agency": a body by its acronym
                    or (noun in named.lower() and " " not in named.split(",")[0].strip())
                ):
                    return self._with_name(named, i)
            if own is not None and (noun in _BODY_NOUNS or " " in own.strip()):
                # a body no sentence before names, or one this sentence describes ("the
                # resistance group said"): as this one writes it
                return own
        going_on = self._paragraph_speaker(index)
        if going_on is not None:
            return going_on
        if _CONTINUES_RE.match(self._sentences[index]):
            # "Of the dead, 58 were in Bajhang": the breakdown of the figure just told
            for i in (index - 1, index - 2):
                if i >= 0 and self._named_source(i) is not None:
                    return self.source(i)
        following = self._following_source(index)
        if following is not None:
            return following
        if index > 0 and not _OWN_VOICE_RE.search(self._sentences[index]):
            if _WE_RE.search(self._sentences[index]) and (body := self._release_body(index)):
                return body  # "Our teams treated 34 wounded": the statement's author
            for i in range(index - 1, max(-1, index - 5), -1):  # the last source, if official
                if self._story_starts_after(i, index):
                    break  # not across a page's item heading ("NEPAL: ...")
                last = self._named_source(i)
                if last is not None:
                    last = self._with_name(last, i)
                    return last if _OFFICIAL_BODY_RE.search(last) else None
            return self._release_body(index)
        return None

    def _story_starts_after(self, before: int, index: int) -> bool:
        """Whether a page's next item begins after sentence ``before``, up to ``index``: a
        paragraph opened by a heading in capitals ("NEPAL: Landslides ...") or a section's
        name ("Corrections: ..."); not a document's own sections ("Choloma", "HIGHLIGHTS"),
        whose source goes on."""
        return any(
            i in self._opens and _STORY_HEADING_RE.match(self._sentences[i])
            for i in range(before + 1, index + 1)
        )

    def _turn_of(self, index: int) -> str | None:
        """The speaker of a transcript's turn a sentence goes on ("A (Sheriff Wade
        Kimbrough): We had a list of 11 names yesterday. Right now it is down to two.")."""
        start = max((i for i in self._opens if i <= index), default=-1)
        if start < 0 or not _TURN_RE.match(self._sentences[start]):
            return None
        named = self._named_source(start)
        return self._with_name(named, start) if named is not None else None

    def _briefer_before(self, index: int) -> str | None:
        """The speaker a briefing's transcript names over its statement ("Opening statement by
        Dana Whitcomb, executive director of the Mississippi Emergency Management Agency")."""
        for i in range(index, -1, -1):
            m = _BRIEFER_RE.match(self._sentences[i])
            if m is not None and m.group("who"):
                return tidy_source(m.group("who"))
            if m is not None:  # "Opening statement (Vakaloloma): As of 2 pm today, we ..."
                return self._with_name(m.group("short"), i)
        return None

    def lead_source(self) -> str | None:
        """The source of a headline that names none: the body or person the lead names first
        (the next sentences), which the headline sums up; None when the first sentence is no
        headline."""
        if not self._sentences or not _is_headline(self._sentences[0]):
            return None
        for i in range(1, min(len(self._sentences), 4)):
            named = self._named_source(i)
            if named is not None and any(ch.isupper() for ch in named):
                return self._with_name(named, i)
        return None

    def _release_body(self, index: int) -> str | None:
        """The body whose release this is, when a line near the top names it and the next
        says so ("National Police of X. Official statement."): the source of the release's
        unattributed lines."""
        for i in range(min(index, 3)):
            if i + 1 < len(self._sentences) and _RELEASE_RE.match(self._sentences[i + 1]):
                body = self._sentences[i].strip().rstrip(".").strip()
                if _OFFICIAL_BODY_RE.search(body) and not _HAS_FIGURE_RE.search(body):
                    return body if len(body) <= 90 else None
        if index < 1:
            return None
        if self._issuer is None:
            self._issuer = (issuing_body(self._sentences),)
        return self._issuer[0]

    def _paragraph_speaker(self, index: int) -> str | None:
        """The speaker of the sentence before, in the same paragraph, when the next
        sentence opens another paragraph with figures of its own: that paragraph's speaker
        is its own ("..., the disaster agency said. At least 230 people were injured. / In
        Dadu, a roof collapse killed eight, police said.")."""
        i = index + 1
        if i not in self._opens or index in self._opens or index == 0:
            return None
        if not _HAS_FIGURE_RE.search(self._sentences[i]):
            return None
        before = self._named_source(index - 1)
        return self._with_name(before, index - 1) if before is not None else None

    def _following_source(self, index: int) -> str | None:
        """The source a sentence without one takes from the sentences after it: the next
        sentence's when that one only attributes ("This was reported by ...") or goes on
        about the same event with figures of its own and is an official's ("The dead include
        ..., police officer X said"); a quote does not lend its speaker."""
        if _OWN_VOICE_RE.search(self._sentences[index]):
            return None  # a past disaster named for comparison, someone's estimate
        i = index + 1
        if i >= len(self._sentences) or self._sentences[i].lstrip().startswith('"'):
            return None
        text = self._sentences[i]
        if OTHER_TOLL_RE.search(text):
            return None  # "The prefect gave a higher toll.": a toll of its own comes next
        named = self._named_source(i) if _SAYS_RE.search(text) else None
        if named is None:
            return None
        if _HAS_FIGURE_RE.search(text) and not _OFFICIAL_BODY_RE.search(named):
            return None
        return self._with_name(named, i)

    def clauses(self, index: int) -> tuple[tuple[int, str], ...]:
        """Where a sentence gives two sources side by side ("AFAD said 14,014 ..., while
        Syria's health ministry reported 3,162", "..., according to the ministry, though its
        spokesman said it could reach 2,400"): each clause's start and its own source, or
        nothing when fewer than two clauses name one."""
        text = self._sentences[index]
        verbs = _SAYS_RE.finditer(text)
        if next(verbs, None) is None or next(verbs, None) is None:
            return ()  # two sources need two verbs of saying
        splits = list(_CLAUSE_SPLIT_RE.finditer(text))
        if not splits:
            return ()
        starts = [0, *(m.end() for m in splits)]
        ends = [*(m.start() for m in splits), len(text)]
        out = []
        for start, end in zip(starts, ends, strict=True):
            named = _named_source(text[start:end])
            if named is not None:
                out.append((start, self._with_name(named, index)))
        return tuple(out) if len({who for _, who in out}) >= 2 else ()

    def named_here(self, index: int) -> str | None:
        """The source sentence ``index`` names itself, if any."""
        return self._named_source(index)

    def bodies_in_full(self) -> list[str]:
        """The bodies the report names in full with their acronym, as it names them."""
        return list(self._acronyms().values())

    def _acronyms(self) -> dict[str, str]:
        """The bodies the report names in full with their acronym: "the UN Human Rights
        Monitoring Mission in Ukraine (HRMMU)" gives HRMMU."""
        if self._defined is None:
            self._defined = {}
            for sentence in self._sentences:
                if "(" in sentence:
                    for m in _DEFINED_RE.finditer(sentence):
                        full = _ROLE_LEAD_RE.sub("", m.group("full")).strip()
                        self._defined.setdefault(m.group("acr"), f"{full} ({m.group('acr')})")
        return self._defined

    def _body_in_full(self, named: str, index: int) -> str | None:
        """A body named by its acronym, or only as "the institute" or "the agency", as the
        report names it in full before (or, for an acronym, anywhere)."""
        if _ACRONYM_RE.fullmatch(named):
            full = self._acronyms().get(named)
            if full is not None or not named.istitle():
                return full
        word = _BARE_BODY_RE.fullmatch(named if " " in named else named.lower())
        if word is None:
            return None
        noun = word.group("noun")
        adjectives = named.lower().split()[:-1] if " " in named else []
        if noun in ("centre", "center"):
            noun = "cent"  # either spelling: "the centre said", "Emergency Operation Center"
        for full in self._acronyms().values():
            if noun in full.lower():
                return full
        for i in range(index - 1, max(-1, index - 12), -1):
            other = self._named_source(i)
            if other and noun in other.lower() and any(ch.isupper() for ch in other):
                if adjectives and ", " in other and noun not in other.split(", ", 1)[0].lower():
                    continue  # a person whose post names the body: the body's name, below
                if all(a in other.lower() for a in adjectives):
                    return other
        # the body's name as the report writes it: "the Odesa Regional Prosecutor's Office"
        proper = re.compile(
            rf"(?:[A-Z][\w'’-]*\s+(?:and\s+(?=[A-Z]))?){{1,6}}{noun.capitalize()}[\w'’]*"
            rf"(?:\s+(?:of\s+)?[A-Z][\w'’-]*)*"
        )
        for i in range(index, -1, -1):
            if noun.capitalize() in self._sentences[i]:
                m = proper.search(self._sentences[i])
                if m is not None:
                    found = tidy_source(m.group(0))
                    if (
                        found
                        and found.split()[0] not in _NOT_FIRST
                        and all(a in found.lower() for a in adjectives)
                    ):
                        return found
        return None

    def _with_name(self, named: str, index: int) -> str:
        """A bare role ("regional governor") with the name given next to it, if any; a
        surname ("Mr Jha", "Kiper") with the full name and role given before; a body named by
        its acronym or as "the agency" with its full name."""
        one_word = named.istitle() and " " not in named  # "the Authority said"
        if len(named) < 40 and (self._has_parenthesis() or named.islower() or one_word):
            full = self._body_in_full(named, index)
            if full is not None:
                return full
        surname = _SURNAME_RE.fullmatch(named)
        if surname is not None:
            earlier = (self._named_source(i) for i in range(index - 1, max(-1, index - 15), -1))
            return (
                named_in_full(surname.group("last"), named, earlier)
                or self._introduced_before(surname.group("last"), index)
                or named
            )
        role = _BARE_ROLE_RE.search(named)
        if role is None or any(ch.isupper() for ch in named):
            return named
        word = role.group(0)
        for i in (index + 1, index + 2, index - 1):
            if 0 <= i < len(self._sentences) and i != index:
                other = self._named_source(i)
                if other and "," in other and word in other.split(",", 1)[1].lower():
                    return other
        return named

    def _whose_officer(self, named: str, index: int) -> str:
        """ "Its spokeswoman, Yessenia Carranza Oyuela, said", after "A committee of victims'
        families ... counts 29 dead": the officer of the body the sentence before names."""
        if index == 0 or ", " not in named or not _ITS_OFFICER_RE.match(self._sentences[index]):
            return named
        body = self._named_source(index - 1)
        if body is None or ", " in body:
            return named
        return f"{named} of the {body}" if body.islower() else f"{named} of {body}"

    def _introduced_before(self, last: str, index: int) -> str | None:
        """The full name and post a sentence before gave a speaker now named by surname
        ("Speakers: Michael Tumbe Angoro, Hela provincial administrator, and ..." before
        "A: Angoro: We have confirmed 11 deaths")."""
        pattern, after_post = _introduction_re(last), _post_before_re(last)
        for i in range(index - 1, -1, -1):
            found = pattern.search(self._sentences[i])
            if found is not None:
                return f"{found.group(1)}, {found.group(2)}"
            found = after_post.search(self._sentences[i])  # "a spokesman, Inspector Garry Desir,"
            if found is not None:
                return f"{found.group(2)}, {found.group(1)}"
        return None

    def _named_source(self, index: int) -> str | None:
        if index not in self._named:
            sentence = self._sentences[index]
            named = _named_source(sentence)
            if named is None:
                stamp = _TIME_STAMP.match(sentence)
                after = stamp.end() if stamp else dateline_end(sentence)
                if after and (stamp or _POSSESSIVE_OPENING.match(sentence, after)):
                    # "KHERSON, 20 March 2024 - Kherson's mayor, Roman Mrochko, said ...",
                    # "11:15 - DoDMA now puts the toll at 33": the speaker opens the
                    # sentence once the dateline or a live blog's time is left out
                    named = _named_source(sentence[after:])
            if named is None and (turn := _TURN_RE.match(sentence)) is not None:
                named = turn.group("answer") or turn.group("who") or turn.group("named")
            self._named[index] = named
        return self._named[index]

    def all_named(self) -> list[str | None]:
        """The source each sentence names, in order."""
        return [self._named_source(i) for i in range(len(self._sentences))]

    def _last_named_before(self, index: int) -> str | None:
        for i in range(index - 1, -1, -1):
            named = self._named_source(i)
            if named is not None:
                return named
        return None

    def _chain_before(self, index: int) -> str | None:
        """The source a quote continues: that of the sentence before, if it had one."""
        i = index - 1
        while i >= 0:
            named = self._named_source(i)
            if named is not None:
                return named
            if _PRONOUN.search(self._sentences[i].lower()):
                return self._last_named_before(i)
            if not self._sentences[i].lstrip().startswith('"'):
                return None
            i -= 1
        return None


#: a person a sentence opens on as the one who acts, with a role: "The UN's assistant
#: secretary-general for Africa, Maria Okonkwo, briefed the Council", "Ali Musa, the state's
#: governor, visited the site"; the "she said" of the next sentence is theirs
_ROLE_THEN_NAME_RE = re.compile(
    r"^\W*(?:The\s+)?(?P<role>[A-Za-z][\w'’ -]{2,80}?),\s+"
    r"(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|t)\b"
)
_NAME_THEN_ROLE_RE = re.compile(
    r"^\W*(?P<name>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}),\s+(?:the\s+|an?\s+)?"
    r"(?P<role>[a-z][\w'’ -]{2,80}?),\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|t)\b"
)


def _introduced_person(sentence: str) -> str | None:
    """The person a sentence opens on, with their role ("Maria Okonkwo, assistant
    secretary-general for Africa"), or None."""
    m = _ROLE_THEN_NAME_RE.match(sentence) or _NAME_THEN_ROLE_RE.match(sentence)
    if m is None or m.group("name").split()[0] in ("The", "A", "An", "In", "On"):
        return None
    role = m.group("role").strip()
    if role.split()[0].istitle() and "'" not in role and "’" not in role:
        role = role[0].lower() + role[1:]
    return f"{m.group('name')}, {role}"


# A sentence that goes on about the figures of the one before: "The dead include ...",
# "Of them, ...", "Six health workers are among the confirmed dead", "The report also ...".
_CONTINUES_RE = re.compile(
    r"^\W*(?:the\s+(?:dead|victims|injured|wounded|deaths|report|statement|figures?)\b|"
    r"(?:of|among)\s+(?:them|those|the\s+(?:dead|victims|injured|wounded|deaths))\b|"
    r"(?:most|all|many|some|another|half)\s+of\s+(?:them|the)\b|"
    r"[\w,-]+\s+(?:of\s+(?:them|the\s+(?:dead|wounded|injured|victims))|[\w\s]{0,30}?"
    r"(?:are|were)\s+among\s+the)\b)",
    re.IGNORECASE,
)
#: Anaphors that name a kind of body: "the administration said" is a body named so before,
#: not any source before ("the report said" may be anyone's report).
_BODY_NOUNS = frozenset(
    """mission office agency administration syndicate network association federation union
    council committee commission directorate foundation coalition alliance monitor
    observatory""".split()
)
_CLAUSE_SPLIT_RE = re.compile(r",\s+(?:while|whereas|though|although|but)\s+|;\s+")
_ANAPHOR_RE = re.compile(
    r"\b[Tt]he\s+(?:[a-z-]+\s+)?(?P<noun>report|group|organi[sz]ation|statement|study|survey|release|"
    r"mission|office|agency|administration|syndicate|network|association|federation|union|"
    r"council|committee|commission|directorate|foundation|coalition|alliance|monitor|"
    r"observatory)(?:'s\s+\w+)?\s+"
    r"(?:also\s+|has\s+|had\s+|have\s+)*"
    r"(?:said|says|states|stated|found|finds|counted|recorded|documented|notes|noted|adds|added|"
    r"verified|put|puts|registered)\b|"
    r"\baccording\s+to\s+the\s+same\s+(?P<noun2>statement|report|release|sources?|bulletin|"
    r"ministry|agency|office|group|monitor|organi[sz]ation|mission)\b|"
    # "It has recorded more than 81,000 fatalities", "Its latest tally stands at 7,912", "the
    # monitor documented 551 civilian deaths": the body named before
    r"^\W*(?P<noun3>It|Its\s+(?:[a-z]+\s+)?(?:tally|count|figures?|data|database|toll))"
    # ("Its first count, on the day of the quake, was 29 dead")
    r"(?:,\s+[^,\d]{3,60},)?\s+"
    r"(?:also\s+|has\s+|had\s+|now\s+)*(?:said|says|recorded|records|documented|counted|"
    r"verified|registered|stands|stood|puts|put|shows|showed|estimates|estimated|"
    r"(?<!\bIt\s)(?:was|is))\b"  # ("Its first count ... was 29", not "It was the deadliest")
)
_SAID_THINGS = frozenset({"statement", "report", "release", "bulletin"})
#: what a body's name holds, and a person's does not
_BODY_NAME_RE = re.compile(
    r"\([A-Z]|\b(?:UN|[A-Z]{3,})\b|(?i:\b(?:ministry|office|mission|agency|council|committee|"
    r"commission|monitor|observatory|institute|project|network|group|association|union|"
    r"federation|organi[sz]ation|authority|department|service|police|government|cent(?:re|er)|"
    r"foundation|coalition|alliance|watch|directorate|inspectorate)\b)"
)
#: a transcript's heading over a statement, and the first person or an answer that it
#: speaks in
_BRIEFER_RE = re.compile(
    r"^\W*(?:Opening\s+statement|Statement|Remarks|Briefing)\s+(?:by\s+(?P<who>[A-Z][^\n]{2,200}?)"
    r"\s*[.:]?\s*$|\((?P<short>[A-Z][\w'’ .-]{1,60})\):)"
)
_FIRST_PERSON_RE = re.compile(r"^\W*A:|\b(?:we|We|our|Our)\b")
#: a body as the subject of its sentence: "The Armed Conflict Location and Event Data
#: project (ACLED) tracks political violence", "The AAPP keeps a list of the dead"
_SUBJECT_BODY_RE = re.compile(
    r"^\W*(?:The\s+)?(?P<who>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|for|and|on|in|the|"
    r"project|group|network|monitor)){0,8}(?:\s+\([A-Z][\w-]{1,9}\))?)\s+"
    r"(?:has\s+|also\s+)?(?:[a-z]+s|kept|tracked|began|started|publishes|published)\s"
)
# The line under a release's header: "Official statement.", "Press release."
_OFFICIAL_BODY_RE = re.compile(
    r"(?i:ministry|police|prosecutor|council|administration|authority|agency|mission|office|"
    r"department|tribunal|unit|governor|mayor|minister|magistrate|government)|\b(?:UN|OCHA|WHO|IOM)\b"
)
# A sentence with a voice or a time of its own does not go on with the body before it:
# someone's estimate, a past disaster named for comparison ("On 2 January 2018, ...").
_OWN_VOICE_RE = re.compile(
    r"(?i:estimat)|\b(?:19|20)\d\d\b|(?i:\bour\s+(?:correspondent|reporter|team|staff)\b)"
)
# ``(?<!\w)``, not ``\b`` (the same here): ``re`` then scans for the first letters fast
_SAYS_RE = re.compile(
    r"(?<!\w)(?:"
    + _SAID[3:-1]
    + r"|verified|documented|recorded|given\s+by|"
    + GAVE_FIGURES
    + r")\b"
)
_DEFINED_RE = re.compile(
    r"(?P<full>[A-Z][\w'’.-]*(?:\s+(?:(?:of|for|on|and|the|in|de|du|des)\s+)*[A-Z][\w'’.-]*){1,9})"
    r"\s+\((?P<acr>[A-Z][A-Za-z]{1,9})\)"
)
_ACRONYM_RE = re.compile(r"[A-Z][A-Za-z]{1,9}")  # "HRMMU", and "Indeci", "Westmincom"
_BARE_BODY_RE = re.compile(
    # ("the regional administration": the "Zaporizhzhia Regional Military Administration")
    r"(?:(?:regional|military|city|state|local|district|provincial|municipal)\s+){0,2}"
    r"(?P<noun>institute|agency|ministry|organi[sz]ation|mission|office|council|commission|"
    r"authority|service|project|network|group|department|prosecutor|centre|center|station|"
    r"committee|command|directorate|secretariat|bureau|brigade|administration)s?"
)


@lru_cache(maxsize=64)
def _introduction_re(last: str) -> re.Pattern[str]:
    """A full name ending in ``last`` and the post given after it: "Michael Tumbe Angoro,
    Hela provincial administrator"."""
    return re.compile(
        rf"\b((?:[A-Z][\w'’.-]+\s+){{1,3}}{re.escape(last)}),\s+(?:the\s+)?"
        # (not what they said: "a spokesman, Inspector Garry Desir, said on Thursday that")
        r"(?!(?:said|says|told|added|confirmed|reported|wrote|stated|explained)\b)"
        r"([A-Za-z][^,;:.\"()]{2,80}?)(?=,|\s+and\s|\.|$)"
    )


@lru_cache(maxsize=64)
def _post_before_re(last: str) -> re.Pattern[str]:
    """A post and then the full name ending in ``last``: "a spokesman, Inspector Garry
    Desir,"."""
    return re.compile(
        r"\b(?:a|an|the|its|their)\s+([a-z][a-z'’ -]{2,40}?),\s+"
        rf"((?:[A-Z][\w'’.-]+\s+){{1,3}}{re.escape(last)})\b"
    )


_ITS_OFFICER_RE = re.compile(r"^\W*(?:Its|Their)\s+(?:[a-z]+\s+){0,2}[a-z]+,\s+[A-Z]")
_SURNAME_RE = re.compile(
    r"(?:(?:Mr|Ms|Mrs|Dr|Colonel|Col|Major|General|Gen|Captain|Capt|Lieutenant|Sergeant|"
    r"Inspector|Superintendent|Brigadier|Commissioner|Professor|Prof|Sheikh|Judge)\.?\s+)?"
    r"(?P<last>[A-Z][\w'’-]+)"
)
_BARE_ROLE_RE = re.compile(
    r"\b(?:governor|mayor|minister|spokes(?:man|woman|person)|chief|head|commander|director|"
    r"prosecutor|coordinator|representative|commissioner|ombudsman|magistrate)\b"
)
