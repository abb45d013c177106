"""Dates that date no happening give no event: negated clauses, references to earlier
documents, a date named as a thing, the day of an anniversary, a state that holds from a
date, "that day" remembered; a happening named twice is one event; a subject stands
before a "who" clause, not at its end."""

from __future__ import annotations

from briefcli.authoring.events import article_events
from briefcli.authoring.relative import anaphoric_dates, relative_dates


def dated(text: str, reference: str, headline: str | None = None) -> list[tuple[str, str]]:
    paragraphs = [p for p in text.split("\n\n") if p]
    return [(e.date, e.title)
            for e in article_events(paragraphs, reference, headline, dateline=True)]


def test_a_negated_clause_is_no_event() -> None:
    assert dated("A meeting planned for April 2020 did not take place.", "2024-06-11") == []
    assert dated("He said that Serbia would never recognize the unilateral declaration of "
                 "independence of 2008.", "2024-04-23") == []


def test_a_negation_inside_what_was_said_keeps_the_saying() -> None:
    got = dated("On 3 June, the minister said the Government would not attend.",
                "2024-06-11")
    assert [d for d, _ in got] == ["2024-06-03"]


def test_a_reference_to_an_earlier_document_is_no_event() -> None:
    assert dated("The EU recalls the conclusions of the European Council of June 2023.",
                 "2023-10-05") == []
    assert dated("The conclusions of 12 October 2022 had set out the steps needed.",
                 "2022-12-13") == []


def test_a_document_whose_clause_tells_a_happening_keeps_its_date() -> None:
    got = dated("The Council recalls the conclusions of the European Council of 14 and 15 "
                "December 2023, which decided to open accession negotiations.", "2024-06-25")
    assert [d for d, _ in got] == ["2023-12-14"]
    got = dated("In its resolution of 23 May 2024, the General Assembly designated 11 July "
                "as the International Day of Reflection.", "2024-07-11")
    assert [d for d, _ in got] == ["2024-05-23"]  # not 11 July: a day named, not dated


def test_the_day_of_an_anniversary_is_no_event() -> None:
    got = dated("Today marks 25 years since the signing of the Military Technical Agreement "
                "in Kumanovo on 9 June 1999.", "2024-06-10", "KFOR marks 25 years in Kosovo")
    assert [d for d, _ in got] == ["1999-06-09"]  # not the headline's, today


def test_a_state_from_a_date_without_an_end_is_no_event() -> None:
    assert dated("The Council welcomed visa-free travel for the citizens of Kosovo from 1 "
                 "January 2024.", "2024-03-06") == []
    got = dated("From 5 to 7 March, the mission monitored the border.", "2024-03-08")
    assert [d for d, _ in got] == ["2024-03-05"]  # a range keeps its start


def test_that_day_remembered_is_no_date_of_the_story() -> None:
    assert anaphoric_dates("We will never forget that day.") == []
    assert anaphoric_dates("Families remember that morning as the darkest.") == []
    assert [u for _, _, u, _ in anaphoric_dates("On that day, he left.")] == ["day"]
    assert [u for _, _, u, _ in anaphoric_dates("That evening, he left.")] == ["day"]


def test_a_happening_named_again_by_its_noun_is_one_event() -> None:
    got = dated("The European Union condemns Azerbaijan's military operation of 19 "
                "September. The operation of 19 September violated the ceasefire agreed in "
                "November 2020.", "2023-10-05")
    assert [d for d, _ in got] == ["2023-09-19", "2020-11"]


def test_the_subject_stands_before_a_who_clause() -> None:
    got = dated("Abdoulaye Bathily, who was appointed Special Representative for Libya in "
                "September 2022, briefed the Security Council on Tuesday.", "2024-03-21")
    assert ("2024-03-19", "Abdoulaye Bathily briefs the Security Council") in got


def test_a_span_of_a_relative_period_is_no_date() -> None:
    assert relative_dates("Allies would provide funding within the next year.",
                          "2024-07-10") == []
    assert [d for d, _, _ in relative_dates("They will meet next year.", "2024-07-10")] == [
        "2025"]
    assert anaphoric_dates("Over the following month, prices rose.") == []
    assert [u for _, _, u, _ in anaphoric_dates("In the following month, prices rose.")] == [
        "month"]
    # A day's word keeps its date after "during": "during today's briefing".
    assert [d for d, _, _ in relative_dates("During today's briefing, they agreed.",
                                            "2024-07-10")] == ["2024-07-10"]


def test_a_commissions_recommendation_of_a_date_is_a_reference() -> None:
    got = dated("It invited the Commission to prepare the negotiating framework, with a view "
                "to its adoption by the Council once the relevant steps set out in the "
                "Commission's recommendation of 12 October 2022 are taken.", "2024-03-21")
    assert got == []


def test_a_meeting_of_a_date_after_a_document_is_a_happening() -> None:
    got = dated("The European Council is expected to endorse the recommendation at its "
                "meeting of 15 December.", "2022-12-13")
    assert [d for d, _ in got] == ["2022-12-15"]


def test_a_deadline_a_count_and_a_noun_of_a_date_are_no_events() -> None:
    assert dated("Unless talks resume before 15 November, the Ministry will ask the "
                 "European Commission to mediate.", "2024-11-08") == []
    assert dated("KFOR's numbers have fallen from about 50,000 in 1999 to some 4,500.",
                 "2024-05-02") == []
    assert dated("The Co-Chairs recalled the six-point agreement of 12 August 2008.",
                 "2024-10-16") == []


def test_the_same_day_as_is_a_comparison_not_a_date() -> None:
    assert anaphoric_dates("Local elections will be held on the same day as the "
                           "presidential vote.") == []
    assert [u for _, _, u, _ in anaphoric_dates("On the same day, the envoy arrived.")] == [
        "day"]


def test_a_document_named_after_its_date_is_no_event() -> None:
    assert dated("In line with the December 2023 European Council conclusions, the Council "
                 "opened talks.", "2024-03-01") == []
    assert dated("The violent events of 24 September shocked the region.", "2024-03-08") == [
        ("2023-09-24", "Violent events")]


def test_a_yearless_date_ahead_takes_the_tense_of_its_own_clause() -> None:
    text = ("Secretary Blinken spoke today with President Ruto to discuss preparations for "
            "President Ruto's state visit to Washington on May 23.")
    # "spoke" is today's verb: the visit on May 23 is this year's, ahead
    assert [d for d, _ in dated(text, "2024-05-14")] == ["2024-05-14", "2024-05-23"]
    assert dated("The government fell on May 23.", "2024-05-14") == [
        ("2023-05-23", "Government falls")]


def test_the_years_a_plan_is_for_are_no_event() -> None:
    text = ("At today's meeting, the Government approved the National Development Plan for "
            "2024-2026, which sets out the priorities.")
    assert [d for d, _ in dated(text, "2024-01-17", "Government approves the plan")] == [
        "2024-01-17"]
    assert dated("On 19 December, the Assembly adopted the budget for 2024.",
                 "2023-12-20") == [("2023-12-19", "Assembly adopts the budget")]


def test_an_earlier_documents_publication_is_no_event() -> None:
    text = ("The training follows the recommendations of ODIHR, whose final report on the "
            "elections was published on 28 February.")
    assert dated(text, "2024-04-16") == []
    # the page's own statement, issued today, is its happening
    text = ("The following Security Council press statement was issued today by Council "
            "President Vanessa Frazier (Malta):")
    assert [d for d, _ in dated(text, "2024-02-22")] == ["2024-02-22"]


def test_preparations_for_a_happening_are_for_one_ahead() -> None:
    assert dated("Ministers also discussed preparations for the NATO Summit in July.",
                 "2024-05-10") == [("2024-07", "NATO Summit")]


def test_a_reports_words_of_a_date_are_no_happening_but_its_acts_are() -> None:
    assert dated("In his report of 12 March, the Secretary-General noted progress.",
                 "2024-05-10") == []
    assert dated("In its resolution of 23 May 2024, the General Assembly designated 11 July "
                 "as the International Day.", "2024-07-11") == [
        ("2024-05-23", "General Assembly designated")]


def test_a_pages_own_issue_is_no_event() -> None:
    assert dated("This press release was issued on 12 March 2024.", "2024-03-12") == []


def test_a_resolution_of_a_date_is_adopted_that_day() -> None:
    assert dated("The Mission was established by resolution 1244 (1999) of 10 June 1999.",
                 "2024-06-10") == [("1999-06-10", "Resolution 1244 adopted")]


def test_an_ed_word_after_of_before_a_noun_is_no_verb() -> None:
    # "displaced" describes the people; the sentence's verb is "arrived"
    assert dated("A convoy of displaced families arrived in Rafah on 3 May.", "2024-05-10") == [
        ("2024-05-03", "Convoy of displaced families arrives in Rafah")]


def test_the_days_happening_told_again_is_one_event() -> None:
    text = ("The Secretary-General spoke today with President William Ruto of Kenya. During "
            "today's call, the two discussed the situation in Sudan.")
    assert dated(text, "2024-06-12", "Secretary-General's call with President of Kenya") == [
        ("2024-06-12", "Secretary-General speaks with President William Ruto of Kenya")]


def test_conclusions_of_a_date_that_had_called_are_a_reference() -> None:
    assert dated("In its conclusions of 14 December 2023, the European Council had already "
                 "called for progress.", "2024-05-14") == []


def test_another_happening_later_that_day_is_kept() -> None:
    text = ("The 61st round of the talks took place today. Later that day, they held a press "
            "conference.")
    assert [d for d, _ in dated(text, "2024-10-16", "Talks hold 61st round")] == [
        "2024-10-16", "2024-10-16"]


def test_a_date_after_beyond_bounds_a_span() -> None:
    text = ("The UN relief chief, Tom Fletcher, warned on Wednesday that famine was spreading."
            "\n\nHe said he had met the Chairman of the Sovereignty Council on Monday and "
            "asked him to keep the Adre crossing open beyond 15 November.")
    assert [d for d, _ in dated(text, "2024-11-13")] == ["2024-11-13", "2024-11-11"]
