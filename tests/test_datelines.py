"""Datelines of real pages: at the end of a header line, numeric, bare, and with the month
names of Europe's languages (CLDR's, through Babel); a date of the story is never one."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefcli.authoring.article import parse_article
from briefcli.authoring.datefinder import find_dateline


@pytest.mark.parametrize(
    ("text", "date", "words"),
    [
        ("Statement from U.S. Embassy Pristina, December 14, 2018\n\nToday the Assembly voted.",
         "2018-12-14", "Statement from U.S. Embassy Pristina, December 14, 2018"),
        ("Minister receives the Ambassador\n\nDate: 29.05.2013\n\nThe Minister met him.",
         "2013-05-29", "Date: 29.05.2013"),
        ("Moldova and UNDP open a centre\n\n27 Feb 2017\n\nThe centre opened.",
         "2017-02-27", "27 Feb 2017"),
        ("Thaçi meets the Head of EULEX\n\nPrishtinë, 08 qershor 2010\n\nThey met today.",
         "2010-06-08", "Prishtinë, 08 qershor 2010"),
        ("Dačić meets Lajčák\n\nБеоград, 14. децембар 2022.\n\nThey met today.",
         "2022-12-14", "Београд, 14. децембар 2022."),
        ("Dačić meets Lajčák\n\nBeograd, 14. decembar 2022\n\nThey met today.",
         "2022-12-14", "Beograd, 14. decembar 2022"),
        ("Ukraine\n\nParis, le 3 mars 2021\n\nHe spoke this morning.",
         "2021-03-03", "Paris, le 3 mars 2021"),
        ("Baerbock travels to London\n\nBerlin, 3. März 2021\n\nShe travels tomorrow.",
         "2021-03-03", "Berlin, 3. März 2021"),
        ("El ministro viaja\n\nMadrid, 3 de marzo de 2021\n\nEl ministro habló hoy.",
         "2021-03-03", "Madrid, 3 de marzo de 2021"),
    ],
)
def test_datelines_of_real_pages(text: str, date: str, words: str) -> None:
    article = parse_article(text, "a.txt")
    assert (article.date, article.date_text) == (date, words)
    # The dateline is not the headline, nor a paragraph of the body.
    assert all(words not in p.text for p in article.paragraphs)
    assert article.headline != words


def test_a_date_ending_a_header_line_leaves_no_headline_behind() -> None:
    article = parse_article(
        "Statement from U.S. Embassy Pristina, December 14, 2018\n\nToday the Kosovo "
        "Assembly voted to transition the Kosovo Security Force.\n", "a.txt"
    )
    assert article.headline is None
    assert article.paragraphs[0].text.startswith("Today the Kosovo Assembly")


@pytest.mark.parametrize(
    "text",
    [
        # An undated history page: its story's dates are no dateline.
        "The OSCE Kosovo Verification Mission\n\nFrom October 1998 to March 1999, the mission "
        "monitored compliance with the ceasefire\nin Kosovo agreed between the parties.\n",
        "The Ohrid Framework Agreement\n\nThe Ohrid Agreement was signed in Skopje on 13 August "
        "2001 by the leaders of the four main parties.\n",
        "History\n\nOn 12 April 2019, the Council met in Brussels.\n",
        "History\n\nIn March 1999, the verifiers withdrew.\n",
        "History\n\nThe mission was signed on\n13 August 2001\n",
    ],
)
def test_a_date_of_the_story_is_no_dateline(text: str) -> None:
    assert find_dateline(text) is None
    assert parse_article(text, "a.txt").date is None


def test_month_year_dateline_only_alone_or_after_a_label() -> None:
    assert find_dateline("Report\nMay 2022\n\nThe text.") is not None
    assert find_dateline("Report\nUpdated: May 2022\n\nThe text.") is not None
    assert find_dateline("Report\n\nSince May 2022, the mission has grown.") is None


def test_the_hot_path_never_imports_babel() -> None:
    code = (
        "import sys, briefcli.cli.lean, briefcli.authoring.datefinder;"
        "from briefcli.authoring.datefinder import find_dateline;"
        "find_dateline('Washington, March 3, 2021\\n\\nText.');"
        # An English dateline after a line with digits: Babel is not needed for it.
        "find_dateline('Kosovo\\n\\nSC/15453\\n18 October 2023\\n\\nText.');"
        "print('babel' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


def test_a_slashed_date_in_a_header_reads_day_first_unless_only_the_other_way_is_one() -> None:
    assert find_dateline("Brussels, 14/03/2023\n\nText.") == ("2023-03-14", 10, 20)
    assert find_dateline("Brussels, 04/03/2023\n\nText.") == ("2023-03-04", 10, 20)
    assert find_dateline("Washington, 03/14/2023\n\nText.") == ("2023-03-14", 12, 22)
    assert find_dateline("Brussels, 31/02/2023\n\nText.") is None
    assert find_dateline("Ref. 123/45/2023\n\nText.") is None


def test_a_sentence_ending_with_a_date_is_no_header() -> None:
    assert find_dateline("History\n\nThe agreement was signed in Brussels, 3 March 2021.\n") is None
    assert find_dateline(
        "Press statement by the Ministry of Foreign Affairs, 3 March 2021\n\nText."
    ) == ("2021-03-03", 52, 64)


def test_a_date_between_bars_of_a_byline_is_the_dateline() -> None:
    text = ("Embassy Statement on the Law\n\nBy U.S. Embassy Sarajevo | 28 September, 2023 | "
            "Topics: News, Press Releases\n\nThe Embassy is concerned that the Assembly "
            "yesterday adopted a law.\n")
    article = parse_article(text, "a.txt")
    assert article.date == "2023-09-28"
    assert article.headline == "Embassy Statement on the Law"
    # the line of the page's fields is no paragraph of the story
    assert [p.text for p in article.paragraphs] == [
        "The Embassy is concerned that the Assembly yesterday adopted a law."]
