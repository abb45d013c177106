"""The briefing drafted from a release: its summary, key points and body, without the
press office's boilerplate."""

from __future__ import annotations

from briefcli.authoring.article import derive_points, derive_summary, derive_title, parse_article

NOTE = """\
UNHCR warns funding shortfall threatens aid to refugees in Chad

Briefing notes, 9 February 2024

This is a summary of what was said by the UNHCR spokesperson at today's press briefing
at the Palais des Nations in Geneva.

UNHCR is alarmed that a lack of funding is forcing cuts to aid for refugees in eastern
Chad. The Chad Refugee Response Plan (CRRP) is only 4 per cent funded. UNHCR and the
World Food Programme (WFP) warn that food rations will be cut further unless new funds
arrive.

For more information on this topic, please contact:
In Geneva, the spokesperson

Share this page: Facebook | X | Email
"""


def test_the_summary_is_news_and_the_points_add_to_it() -> None:
    article = parse_article(NOTE, "note.txt")
    assert article.date == "2024-02-09"
    assert derive_title(article) == (
        "UNHCR warns funding shortfall threatens aid to refugees in Chad"
    )
    summary = derive_summary(article)
    assert summary == (
        "UNHCR is alarmed that a lack of funding is forcing cuts to aid for refugees in "
        "eastern Chad."
    )
    points = derive_points(article)
    assert points == [
        "The Chad Refugee Response Plan (CRRP) is only 4 per cent funded.",
        "UNHCR and the World Food Programme (WFP) warn that food rations will be cut "
        "further unless new funds arrive.",
    ]
    assert summary not in points


def test_boilerplate_lines_are_no_paragraphs() -> None:
    text = (
        "Readout\n\nFebruary 6, 2024\n\nThe following is attributable to Spokesperson "
        "Matthew Miller:\n\nThe Secretary spoke today with the President.\n\n###\n\n"
        "Tags: Moldova, Office of the Spokesperson\n"
    )
    paragraphs = [p.text for p in parse_article(text, "r.txt").paragraphs]
    assert paragraphs == ["The Secretary spoke today with the President."]


def test_a_pages_update_line_is_no_paragraph() -> None:
    text = (
        "Council meets\n\nBrussels, 3 March 2024\n\nThe Council met today in Brussels.\n\n"
        "Last updated 12 March 2024\n\n© 2024 Council of the EU\n"
    )
    article = parse_article(text, "a.txt")
    assert [p.text for p in article.paragraphs] == ["The Council met today in Brussels."]
    assert parse_article("Last updated: 5 Jul 2023\n\nThe Council met.", "b.txt").date == (
        "2023-07-05"
    )
