"""The article parser: both shapes of article, their line numbers, and any text at all."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefcli.authoring.article import (
    MAX_POINTS,
    TITLE_WIDTH,
    Article,
    Faq,
    Paragraph,
    SourceRef,
    derive_points,
    derive_summary,
    derive_title,
    parse_article,
)
from conftest import FIXTURES, examples

ARTICLES = FIXTURES / "articles"


def parse(name: str) -> Article:
    return parse_article((ARTICLES / name).read_text(encoding="utf-8"), name)


def article(text: str) -> Article:
    return parse_article(text, "a.txt")


# -- the briefing shape: date line, paragraphs, FAQ, sources ----------------------------------

SEED_SHAPE = (
    " date 2023-11-11 In a recent conversation between Secretary of State Antony J. Blinken "
    "and Serbian President Aleksandar Vucic, the focus was on the urgent need to de-escalate "
    "tensions with Kosovo following the violent events of September 24. These events "
    "included the tragic death of a Kosovo Police Sergeant.\n"
    "\n"
    "Secretary Blinken emphasized the importance of holding accountable those responsible.\n"
    "\n"
    "During the conversation, the Secretary expressed his support for KFOR (Kosovo Force).\n"
    "\n"
    "Furthermore, Secretary Blinken reiterated that Serbia must fulfill its commitments. "
    "This agreement plays a crucial role.\n"
    "\n"
    "FAQ:\n"
    "\n"
    "What is KFOR?\n"
    "\n"
    "KFOR, or the Kosovo Force, is a NATO-led international peacekeeping force.\n"
    "\n"
    "Sources:\n"
    "\n"
    "– NATO – KFOR\n"
    "\n"
    "– European Commission – EU-facilitated Dialogue"
)


SEED_TITLE = "Blinken and Vucic discuss de-escalating tensions with Kosovo"  # its lead event


@pytest.mark.parametrize(
    ("text", "shift"),
    [
        pytest.param(SEED_SHAPE, 0, id="date-on-the-paragraph-line"),
        pytest.param(SEED_SHAPE.replace("2023-11-11 ", "2023-11-11\n"), 1, id="date-line"),
    ],
)
def test_the_briefing_shape(text: str, shift: int) -> None:
    got = article(text)
    assert (got.date, got.date_text, got.headline) == ("2023-11-11", "date 2023-11-11", None)
    assert [p.line for p in got.paragraphs] == [1 + shift, 3 + shift, 5 + shift, 7 + shift]
    assert got.paragraphs[0].text.startswith("In a recent conversation between Secretary")
    assert got.paragraphs[0].text.endswith("death of a Kosovo Police Sergeant.")
    assert got.faqs == [
        Faq(
            "What is KFOR?",
            "KFOR, or the Kosovo Force, is a NATO-led international peacekeeping force.",
            11 + shift,
        )
    ]
    assert got.sources == [
        SourceRef("NATO – KFOR", "NATO", None, 17 + shift),
        SourceRef(
            "European Commission – EU-facilitated Dialogue", "European Commission", None,
            19 + shift,
        ),
    ]
    assert derive_title(got) == SEED_TITLE
    assert derive_summary(got) == (
        "In a recent conversation between Secretary of State Antony J. Blinken and Serbian "
        "President Aleksandar Vucic, the focus was on the urgent need to de-escalate tensions "
        "with Kosovo following the violent events of September 24."
    )
    assert derive_points(got) == [
        "Secretary Blinken emphasized the importance of holding accountable those responsible.",
        "During the conversation, the Secretary expressed his support for KFOR (Kosovo Force).",
        "Secretary Blinken reiterated that Serbia must fulfill its commitments.",
    ]


def test_faq_and_sources_in_their_other_forms() -> None:
    got = parse("briefing_faq.txt")
    assert (got.date, [p.line for p in got.paragraphs]) == ("2024-02-02", [3, 5, 7])
    assert [(f.question, f.line) for f in got.faqs] == [
        ("What is the Berlin Process?", 11), ("What is the common regional market?", 15)
    ]
    # An answer on the line after its question, and an answer of two paragraphs.
    assert got.faqs[1].answer == (
        "The common regional market is a plan agreed in 2020 for the free movement of goods, "
        "services, capital and people in the Western Balkans. It builds on the earlier "
        "Regional Economic Area."
    )
    assert got.sources == [
        SourceRef("Berlin Process – About the initiative", "Berlin Process", None, 22),
        SourceRef(
            "European Commission — Common Regional Market", "European Commission", None, 23
        ),
        SourceRef(
            "Regional Cooperation Council: Common Regional Market", None,
            "https://www.rcc.int/pages/crm", 24,
        ),
        SourceRef(
            "https://www.berlinprocess.de/en/news", None, "https://www.berlinprocess.de/en/news", 25
        ),
    ]


def test_questions_marked_q_and_a_split_and_unanswered() -> None:
    got = parse("qa_tricky.txt")
    assert got.faqs == [
        Faq("Which crossings are affected?", "The three crossings on the main highway.", 8),
        Faq(
            "When do the new hours start?",
            "From 1 July, subject to final approval. The approval is expected by the end of June.",
            10,
        ),
        Faq("Why now? What changed?", "Traffic rose by a third last summer.", 16),
    ]
    assert got.sources == [
        SourceRef(
            "Ministry of Interior - Press statement, 4 June 2019", "Ministry of Interior", None, 20
        ),
        SourceRef(
            "Border Agency – Opening hours", "Border Agency", "https://border.example.org/hours", 21
        ),
        SourceRef("www.example.org/crossings", None, "www.example.org/crossings", 22),
    ]
    assert article("Intro.\n\nFAQ\n\nIs it done?").faqs == [Faq("Is it done?", "", 5)]
    # Text after the heading that is not a question belongs to the body.
    assert article("FAQ:\n\nSome words first.\n\nWhy?\n\nBecause.").paragraphs == [
        Paragraph("Some words first.", 3)
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("– NATO – KFOR", SourceRef("NATO – KFOR", "NATO", None, 3)),
        ("NATO - KFOR", SourceRef("NATO - KFOR", "NATO", None, 3)),
        ("- KFOR factsheet (https://example.org/kfor)", SourceRef(
            "KFOR factsheet", None, "https://example.org/kfor", 3)),
        ("• https://example.org/a_(b).", SourceRef(
            "https://example.org/a_(b)", None, "https://example.org/a_(b)", 3)),
        ("[1] NATO — KFOR: https://example.org", SourceRef(
            "NATO — KFOR", "NATO", "https://example.org", 3)),
        ("2. Council conclusions", SourceRef("Council conclusions", None, None, 3)),
    ],
)
def test_source_entries(line: str, expected: SourceRef) -> None:
    assert article(f"Text.\n\n{line}\n").sources == []
    assert article(f"Text.\nSources:\n{line}\n").sources == [expected]


# -- the web shape: headline, dateline, numbered paragraphs, furniture ------------------------


def test_a_readout_with_a_label_a_headline_and_a_dateline_line() -> None:
    got = parse("readout.txt")
    assert (got.date, got.date_text) == ("2021-03-03", "Washington, March 3, 2021")
    assert got.headline == "Secretary Rowan's Call with Foreign Minister Ilić of Montenegro"
    assert [p.line for p in got.paragraphs] == [5, 7, 9, 11]
    assert derive_title(got) == got.headline
    assert derive_summary(got).startswith("Secretary of State Daniel Rowan spoke today")
    assert derive_points(got)[-1] == (
        "The two ministers reaffirmed their commitment to close coordination within NATO and "
        "the United Nations."
    )


def test_council_conclusions_with_wrapped_numbered_paragraphs_and_a_list() -> None:
    got = parse("council_conclusions.txt")
    assert (got.date, got.date_text) == ("2022-06-17", "Press release 17 June 2022")
    assert got.headline == "Western Balkans: Council adopts conclusions on regional cooperation"
    assert [(p.line, p.marker) for p in got.paragraphs] == [
        (5, "number"), (8, "number"), (11, "number"), (13, "bullet"), (14, "bullet"),
        (15, "bullet"), (16, "number"), (19, ""), (20, ""),
    ]
    assert got.paragraphs[0].text == (
        "The Council reaffirms its unequivocal commitment to the European perspective of the "
        "Western Balkans and welcomes the progress made in regional cooperation since the last "
        "Summit."
    )
    assert got.paragraphs[6].text == (
        "The Council will return to the matter at its meeting in December 2022."
    )
    # Numbered paragraphs give the points; the summary and a list's lead-in are not repeated.
    assert derive_points(got) == [
        "The Council calls on all partners to implement the agreements reached within the "
        "EU-facilitated Dialogue and to refrain from unilateral steps that could raise tensions.",
        "The Council will return to the matter at its meeting in December 2022.",
    ]


def test_a_un_story_with_a_section_label_and_a_date_line() -> None:
    got = parse("un_news.txt")
    assert (got.date, got.date_text) == ("2019-04-12", "12 April 2019")
    assert got.headline == (
        "Security Council extends mission mandate for another year, calls for calm"
    )
    assert [p.line for p in got.paragraphs] == [5, 7, 9, 11]
    assert derive_summary(got).endswith("that could inflame tensions in the north.")


def test_a_statement_with_the_dateline_opening_its_first_paragraph() -> None:
    got = parse("nato_statement.txt")
    assert (got.date, got.date_text) == ("2022-05-05", "BRUSSELS, 5 May 2022")
    assert got.headline == (
        "Statement by the North Atlantic Council on the situation in the Western Balkans"
    )
    assert got.paragraphs[0] == Paragraph(
        "The North Atlantic Council met today to review the security situation in the Western "
        "Balkans and reaffirmed Allies' strong support for stability in the region.",
        2,
    )
    assert [(p.line, p.marker) for p in got.paragraphs[1:]] == [(n, "number") for n in (3, 4, 5, 6)]
    assert got.paragraphs[1].text.startswith("Allies condemn")
    assert derive_summary(got) == got.paragraphs[0].text
    assert len(derive_points(got)) == 4


def test_web_page_furniture_is_dropped() -> None:
    got = parse("web_junk.txt")
    assert (got.date, got.date_text) == ("2023-10-09", "Published: 9 October 2023")
    assert got.headline == "Ministers launch new fund for cross-border rail projects"
    assert [p.line for p in got.paragraphs] == [14, 16, 18]
    assert all("Share" not in p.text and "Rail fund" not in p.text for p in got.paragraphs)


def test_furniture_lines_and_what_follows_a_related_heading() -> None:
    got = article(
        "Newsroom › Press releases › 2022\n"
        "Home / News\n"
        "Share Tweet Email\n"
        "• Print\n"
        "Talks resume in Ohrid\n"
        "\n"
        "The talks resumed on Monday.\n"
        "\n"
        "Related links\n"
        "Ohrid agreement explained\n"
        "\n"
        "Sources:\n"
        "- Ohrid talks (https://example.org/ohrid)\n"
    )
    assert got.headline == "Talks resume in Ohrid"
    assert got.paragraphs == [Paragraph("The talks resumed on Monday.", 7)]
    assert got.sources == [SourceRef("Ohrid talks", None, "https://example.org/ohrid", 13)]
    # A "Related" heading before any story is furniture, not the end of the story.
    assert article("Related\n\nThe talks resumed.").paragraphs == [
        Paragraph("The talks resumed.", 3)
    ]


def test_a_credit_line_is_one_source_and_the_story_goes_on() -> None:
    got = article("Source: UNHCR\n\nThe agency said.\n\nIt added more.\n")
    assert got.sources == [SourceRef("UNHCR", None, None, 1)]
    assert [p.text for p in got.paragraphs] == ["The agency said.", "It added more."]


def test_a_date_in_a_sources_list_is_not_a_dateline() -> None:
    got = article("Short note.\n\nSources:\n\n– NATO – KFOR, 12 April 2019\n")
    assert (got.date, got.sources) == (
        None, [SourceRef("NATO – KFOR, 12 April 2019", "NATO", None, 5)]
    )


def test_a_headline_wrapped_over_two_lines() -> None:
    got = article(
        "Council adopts conclusions on the situation\n"
        "in the Western Balkans\n"
        "\n"
        "The Council today adopted conclusions.\n"
    )
    assert got.headline == "Council adopts conclusions on the situation in the Western Balkans"
    assert got.paragraphs == [Paragraph("The Council today adopted conclusions.", 4)]
    assert article("Just one line\n").paragraphs == [Paragraph("Just one line", 1)]


def test_hard_wrapped_text_is_joined_and_its_bullets_are_the_points() -> None:
    got = parse("hard_wrapped.txt")
    assert (got.date, got.headline) == ("2019-04-12", None)
    assert [(p.line, p.marker) for p in got.paragraphs] == [
        (3, ""), (8, ""), (9, "bullet"), (10, "bullet"), (11, "bullet"), (13, ""),
    ]
    assert "atmosphere as constructive and business-like." in got.paragraphs[-1].text
    assert derive_title(got) == (
        "Negotiators from both sides met in Geneva for a third round of talks"
    )
    assert derive_points(got) == [
        "Exchange all remaining archive material by the end of the year",
        "Open two new excavation sites in the spring",
        "Meet again in Belgrade in September.",
    ]


def test_a_date_inside_a_sentence_is_not_cut_out_of_it() -> None:
    got = article("On 12 April 2019, the Council met in Brussels.\n")
    assert got.paragraphs == [Paragraph("On 12 April 2019, the Council met in Brussels.", 1)]


def test_paragraph_breaks_in_a_block() -> None:
    got = article(
        "A short heading\n"
        "The first paragraph is wrapped at about sixty columns of\n"
        "text, so its lines are joined; a hyphen at the end of a de-\n"
        "escalate line joins without a space.\n"
        "1) A numbered paragraph\n"
        "(b) and a lettered one.\n"
    )
    assert got.headline == "A short heading"
    assert got.paragraphs == [
        Paragraph(
            "The first paragraph is wrapped at about sixty columns of text, so its lines are "
            "joined; a hyphen at the end of a de-escalate line joins without a space.",
            2,
        ),
        Paragraph("A numbered paragraph", 5, "number"),
        Paragraph("and a lettered one.", 6, "number"),
    ]
    copied = "A paragraph copied from a page, long enough to pass the width. " * 2
    long_lines = "\n".join([copied] * 3)
    assert len(article(long_lines).paragraphs) == 3


# -- any text ---------------------------------------------------------------------------------


def test_line_endings_bom_tabs_and_no_break_spaces_change_nothing_but_spacing() -> None:
    text = (ARTICLES / "readout.txt").read_text(encoding="utf-8")
    plain = article(text)
    for variant in (
        "\ufeff" + text.replace("\n", "\r\n"),
        text.replace("\n", "\r"),
        text.replace(" ", "\t", 3).replace("Secretary of", "Secretary\u00a0of"),
    ):
        assert article(variant) == plain


@pytest.mark.parametrize("text", ["", "\ufeff", " \n\t\n\r\n", "\n" * 50])
def test_empty_input_is_an_empty_article(text: str) -> None:
    got = parse_article(text, "empty.txt")
    assert got == Article("empty.txt", None, None, None, [], [], [])
    assert (derive_title(got), derive_summary(got), derive_points(got)) == ("", "", [])


def test_derived_titles() -> None:
    def title(first: str) -> str:
        return derive_title(article(first + "\n"))

    assert title("The Council met.") == "The Council met"
    assert title("During the talks, the ministers agreed on a plan.") == (
        "The ministers agreed on a plan"
    )
    assert title("Ministers agreed on a plan; details follow.") == "Ministers agreed on a plan"
    long = title(
        "Ministers of the region agreed today on a detailed plan for the reconstruction of "
        "the bridge (first built in 1890) and the roads that lead to it."
    )
    assert long == "Ministers of the region agreed today on a detailed plan"
    assert len(long) <= TITLE_WIDTH
    assert len(title("word " * 50)) <= TITLE_WIDTH
    assert title("x" * 200) == "x" * TITLE_WIDTH


def test_points_need_three_paragraphs_and_stop_at_six() -> None:
    assert derive_points(article("One.\n\nTwo.")) == []
    many = "\n\n".join(f"Paragraph {n} says something. More." for n in range(10))
    assert derive_points(article(many)) == [
        f"Paragraph {n} says something." for n in range(1, 1 + MAX_POINTS)
    ]


BITS = [
    "\n", "\r\n", "\r", "\n\n", " ", "\t", "\xa0", "\ufeff", "\u2028", "\x85", "\x0c", "\x00",
    "\x1b[2J", "date 2023-11-11 ", "BRUSSELS, 5 May 2022 – ", "Washington, March 3, 2021",
    "12 April 2019", "May 2022", "FAQ:", "Sources:", "Source: ", "– ", "- ", "1. ", "2) ",
    "(a) ", "• ", "Q: ", "A: ", "?", ".", "What is KFOR?", "KFOR (Kosovo Force)",
    "https://x.org/a(b)", "www.", "(", ")", "Share", "Home > News", "Related links", "de-",
    "escalate", "The Council met.", "a" * 120, "Headline here", ":",
]
texts = st.lists(st.one_of(st.sampled_from(BITS), st.text(max_size=8)), max_size=50).map("".join)


@settings(
    derandomize=True, database=None, max_examples=examples(1000), deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(texts)
def test_any_text_gives_an_article_with_true_line_numbers(text: str) -> None:
    got = parse_article(text, "any.txt")
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for paragraph in got.paragraphs:
        assert paragraph.text and paragraph.text == " ".join(paragraph.text.split())
        # Its first word is on its line (a hyphen may join it to the next line's).
        first = paragraph.text.split()[0]
        assert first.split("-")[0] in " ".join(lines[paragraph.line - 1].split())
    for faq in got.faqs:
        assert faq.question and 1 <= faq.line <= len(lines)
    for source in got.sources:
        assert source.title and 1 <= source.line <= len(lines)
    title = derive_title(got)
    assert len(title) <= TITLE_WIDTH or title == got.headline
    assert isinstance(derive_summary(got), str)
    assert len(derive_points(got)) <= MAX_POINTS


def test_a_title_without_headline_is_the_lead_sentences_event() -> None:
    got = derive_title(article(
        "date 2023-11-11 In a recent conversation between Secretary of State Antony J. "
        "Blinken and Serbian President Aleksandar Vucic, the focus was on the urgent need to "
        "de-escalate tensions with Kosovo following the violent events of September 24.\n"
    ))
    assert got == "Blinken and Vucic discuss de-escalating tensions with Kosovo"
    assert len(got.split()) <= 10
    # A lead sentence that reports no happening keeps the title cut from the sentence.
    assert derive_title(article("date 2023-11-11 The focus was on talks.\n")) == (
        "The focus was on talks"
    )
