"""Claims marked in a report's text, escaped, at their evidence offsets."""

from __future__ import annotations

from tollbook.web.highlight import Evidence, highlight, spans

TEXT = "Intro <b>. At least 17 people were killed. Later, 40 were injured & more."


def test_evidence_is_marked_at_its_offset_and_the_rest_is_escaped() -> None:
    start = TEXT.index("At least")
    html = str(
        highlight(TEXT, [Evidence(3, "At least 17 people were killed.", start, "unreviewed")])
    )
    assert html.startswith('Intro &lt;b&gt;. <mark class="claim unreviewed" id="evidence-3"')
    assert (
        'At least 17 people were killed.<a class="claim-ref" href="#claim-3">[3]</a></mark>' in html
    )
    assert html.endswith("40 were injured &amp; more.")


def test_a_wrong_or_missing_offset_falls_back_to_the_first_occurrence() -> None:
    found = spans(TEXT, [Evidence(1, "40 were injured", 0), Evidence(2, "Later,", None)])
    assert [(s.start, s.claim_ids) for s in found] == [
        (TEXT.index("Later,"), (2,)),
        (TEXT.index("40 were"), (1,)),
    ]


def test_claims_sharing_a_sentence_share_one_mark() -> None:
    sentence = "At least 17 people were killed."
    start = TEXT.index(sentence)
    found = spans(TEXT, [Evidence(5, sentence, start, "a"), Evidence(4, sentence, start, "b")])
    assert len(found) == 1
    assert found[0].claim_ids == (4, 5)
    html = str(highlight(TEXT, [Evidence(5, sentence, start), Evidence(4, sentence, start)]))
    assert 'data-claims="4 5"' in html
    assert html.count("<mark") == 1


def test_evidence_not_in_the_text_is_not_marked_and_markup_in_it_is_escaped() -> None:
    text = "A <script>alert(1)</script> was here. 3 dead."
    html = str(highlight(text, [Evidence(1, "missing", None), Evidence(2, "3 dead.", None)]))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert html.count("<mark") == 1
