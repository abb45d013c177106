"""Events dated by relative words (weekdays, "the same day", "two days later") and by
dates that open a sentence, as official texts write them."""

from __future__ import annotations

import pytest

from briefcli.authoring.article import parse_article
from briefcli.authoring.datefinder import find_dateline
from briefcli.authoring.events import article_events, relative_dates
from briefcli.authoring.relative import anaphoric_dates, counted_from


def dated(text: str, reference: str, dateline: bool = True) -> list[tuple[str, str]]:
    paragraphs = [p for p in text.split("\n\n") if p]
    return [(e.date, e.title) for e in article_events(paragraphs, reference,
                                                       dateline=dateline)]


@pytest.mark.parametrize(
    ("words", "reference", "date"),
    [
        ("He resigned late on Monday.", "2024-03-12", "2024-03-11"),  # a Tuesday
        ("They met on Tuesday evening.", "2024-03-22", "2024-03-19"),
        ("Gangs attacked on Monday night.", "2024-03-12", "2024-03-11"),
        ("They met last Friday.", "2024-03-22", "2024-03-15"),  # not the day itself
        ("They will meet next Friday.", "2024-03-22", "2024-03-29"),
        ("They met yesterday evening.", "2024-03-22", "2024-03-21"),
        ("They will meet again at the end of the month.", "2023-09-12", "2023-09"),
    ],
)
def test_weekdays_and_month_words(words: str, reference: str, date: str) -> None:
    assert [d for d, _, _ in relative_dates(words, reference)] == [date]


def test_a_weekday_without_a_day_to_count_from_is_no_date() -> None:
    assert relative_dates("They met on Monday.", "2024-03") == []
    assert dated("On Monday, the Council adopted conclusions.", "2024-03") == []


def test_anaphoric_words_count_from_the_date_told_before() -> None:
    assert [(u, n) for _, _, u, n in anaphoric_dates(
        "Later that day, two days later, the following month, three years later, the "
        "previous day, a week later."
    )] == [("day", 0), ("day", 2), ("month", 1), ("year", 3), ("day", -1), ("day", 7)]
    assert counted_from("2024-03-11", "day", 2) == "2024-03-13"
    assert counted_from("2024-03-31", "month", 1) == "2024-04"
    assert counted_from("2024-03", "day", 0) is None  # "the same day" after "in March"
    assert counted_from(None, "day", 0) is None


def test_later_that_day_and_the_same_day_take_the_day_told_before() -> None:
    got = dated(
        "On Monday, Albin Kurti met Miroslav Lajčák in Pristina. Later that day, Lajčák "
        "travelled to Belgrade.\n\nOn Wednesday, the Commission presented its report. The "
        "same day, the Council of Ministers approved a draft law.", "2024-03-22",
    )
    assert got == [
        ("2024-03-18", "Albin Kurti meets Miroslav Lajčák in Pristina"),
        ("2024-03-18", "Lajčák travels to Belgrade"),
        ("2024-03-20", "Commission presents its report"),
        ("2024-03-20", "Council of Ministers approves a draft law"),
    ]


def test_two_days_later_and_the_following_month() -> None:
    assert dated("On 11 March, a convoy crossed into West Darfur. Two days later, the "
                 "convoy reached Zalingei.", "2024-03-14") == [
        ("2024-03-11", "Convoy crosses into West Darfur"),
        ("2024-03-13", "Convoy reaches Zalingei"),
    ]
    got = dated("In March 2022, EUFOR deployed its reserve forces, and the following month "
                "the operation's strength reached 1,100.", "2024-06-01", dateline=False)
    assert [d for d, _ in got] == ["2022-03", "2022-04"]


def test_the_same_day_after_a_month_is_no_date() -> None:
    assert dated("In March, the talks resumed. The same day, the envoy resigned.",
                 "2024-06-01") == [("2024-03", "Talks resume")]


def test_a_weekday_and_its_date_are_one_event_titled_without_either() -> None:
    got = dated("NATO Secretary General Jens Stoltenberg visited Kyiv on Monday (29 April), "
                "where he met President Volodymyr Zelenskyy.", "2024-04-29")
    assert got == [("2024-04-29", "Stoltenberg visits Kyiv")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Commas set a name apart inside the subject: they do not end the clause.
        ("On Monday, the Prime Minister of Kosovo, Albin Kurti, met the EU Special "
         "Representative in Pristina.",
         [("2024-03-18", "Albin Kurti meets the EU Special Representative in Pristina")]),
        # A list is a subject of its own, not a name set apart.
        ("On 27 October 2023, the leaders of France, Germany and Italy presented a proposal "
         "in Brussels.",
         [("2023-10-27", "Leaders of France, Germany and Italy present a proposal in "
           "Brussels")]),
        # A phrase opening the sentence with the date in it.
        ("At its meeting of 14-15 December 2023, the European Council decided to open "
         "accession negotiations with Ukraine.",
         [("2023-12-14", "European Council decides to open accession negotiations with "
           "Ukraine")]),
        # A phrase without a verb between the opening date and the clause.
        ("In March 2022, following Russia's invasion of Ukraine, EUFOR deployed its reserve "
         "forces to Bosnia and Herzegovina.",
         [("2022-03", "EUFOR deploys its reserve forces to Bosnia and Herzegovina")]),
        # A second clause opened by "and" and its date.
        ("The leaders met in Brussels on 3 January, and on 26 January the EU envoy "
         "convened the chief negotiators.",
         [("2024-01-03", "Leaders meet in Brussels"),
          ("2024-01-26", "EU envoy convenes the chief negotiators")]),
        # "until" opens a span, not a clause: the happening is dated by the other date.
        ("The Council prolonged the economic sanctions until 31 July 2024 on 29 January "
         "2024.", [("2024-01-29", "Council prolongs the economic sanctions")]),
        ("On 1 December, a missile strike hit a residential building in Kharkiv.",
         [("2023-12-01", "Missile strike hits a residential building in Kharkiv")]),
    ],
)
def test_clauses_of_official_texts(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2024-03-22" if "Monday" in text else "2024-02-23") == expected


def test_a_date_without_a_year_in_an_undated_story_takes_the_storys_year() -> None:
    text = ("The verifiers withdrew on 20 March 1999. The Military Technical Agreement was "
            "signed in Kumanovo on 9 June.")
    assert [d for d, _ in dated(text, "2024-06-01", dateline=False)] == [
        "1999-03-20", "1999-06-09"]
    # With a dateline of its own, the article's year (the last 9 June before it).
    assert [d for d, _ in dated(text, "2024-06-01")] == ["1999-03-20", "2023-06-09"]


def test_a_date_after_a_verb_and_a_preposition_is_no_dateline() -> None:
    assert find_dateline("EUFOR Althea - History\n\nOperation Althea was launched on 2 "
                         "December 2004, when the force took over.\n") is None
    assert find_dateline("Brussels, on 5 May 2022\n\nText.")[0] == "2022-05-05"  # type: ignore[index]
    assert find_dateline("Last updated on 5 July 2023\n\nText.")[0] == "2023-07-05"  # type: ignore[index]


def test_a_dateline_below_a_headline_with_a_date_leaves_the_headline_whole() -> None:
    text = ("Department Press Briefing – March 5, 2024\n\nMatthew Miller, Spokesperson\n"
            "Washington, D.C.\nMarch 5, 2024\n\nMR MILLER: Good afternoon.\n")
    found = find_dateline(text)
    assert found is not None and found[0] == "2024-03-05"
    assert text[found[1] :].startswith("March 5, 2024\n\nMR")
    only = "Statement from U.S. Embassy Pristina, December 14, 2018\n\nToday the vote.\n"
    assert find_dateline(only) == ("2018-12-14", 38, 55)


def test_a_tally_as_of_a_date_is_no_event() -> None:
    assert dated("As of 7 February, more than 5,000 people have been reported dead.",
                 "2023-02-07") == []


def test_the_publications_next_issue_is_no_event() -> None:
    assert dated("The next Flash Update will be issued on 8 February.", "2023-02-07") == []
    assert dated("The next round of talks will be held on 8 February.", "2023-02-07") == [
        ("2023-02-08", "Next round of talks to be held")]


def test_a_first_person_clause_of_today_does_not_take_the_headline() -> None:
    paragraphs = ["Today we commemorate the victims of the Srebrenica genocide."]
    assert article_events(paragraphs, "2023-07-11", "Statement on the anniversary",
                          dateline=True) == []
    briefing = ["This is a summary of what was said at today's press briefing in Geneva."]
    assert [e.title for e in article_events(briefing, "2024-02-09", "UNHCR warns of cuts",
                                            dateline=True)] == ["UNHCR warns of cuts"]


def test_a_reports_first_line_is_dated_by_the_dateline_only_when_the_headline_says_it() -> None:
    lead = ["The SMM recorded more ceasefire violations in Donetsk region."]
    assert article_events(lead, "2021-03-08", "Latest from the OSCE Special Monitoring "
                          "Mission to Ukraine", dateline=True) == []
    council = ["The Council adopted conclusions on the Western Balkans."]
    assert [e.date for e in article_events(council, "2022-06-17", "Western Balkans: Council "
                                           "adopts conclusions", dateline=True)] == [
        "2022-06-17"]


def test_hours_later_and_days_earlier() -> None:
    got = dated("At 04:17 local time on 6 February, an earthquake struck southern Türkiye. "
                "Nine hours later, a second earthquake struck to the north.", "2023-02-07")
    assert [d for d, _ in got] == ["2023-02-06", "2023-02-06"]
    got = dated("On Monday, a boat capsized off Calabria. Two days earlier, ten people were "
                "found dead near Lampedusa.", "2024-06-14")
    assert [d for d, _ in got] == ["2024-06-10", "2024-06-08"]


def test_a_phrase_of_place_before_the_opening_date() -> None:
    assert dated("In Donetsk region, between the evenings of 4 and 5 March, the SMM recorded "
                 "120 ceasefire violations.", "2021-03-08") == [
        ("2021-03-04", "SMM records 120 ceasefire violations")]


def test_a_happening_named_with_its_owner() -> None:
    got = dated("The Secretary expressed concern about the people who fled Nagorno-Karabakh "
                "after Azerbaijan's military operation of September 19-20.", "2023-10-05",
                dateline=False)
    assert got == [("2023-09-19", "Azerbaijan's military operation")]


def test_a_place_set_apart_by_commas_is_not_the_subject() -> None:
    assert dated("Fighting in El Fasher, North Darfur, intensified on 18 May.",
                 "2024-05-20") == [("2024-05-18", "Fighting in El Fasher intensifies")]


def test_a_span_opened_by_since_and_a_negated_clause_are_no_events() -> None:
    assert dated("Since my previous report, of 30 June 2023, the Agency has verified the "
                 "stockpile.", "2023-12-01") == []
    assert dated("On 3 May, the Agency has not been able to verify the stockpile.",
                 "2023-12-01") == []


def test_a_resolutions_year_is_its_adoption_unless_a_date_beside_it_says_more() -> None:
    got = dated("The report is on resolution 2231 (2015), in which the Council endorsed the "
                "Plan agreed on 14 July 2015.", "2023-12-01")
    assert ("2015", "Security Council adopts resolution 2231") in got or (
        "2015", "Resolution 2231 adopted") in got
    assert ("2015-07-14", "Plan agreed") in got
    got = dated("The Council first imposed the arms embargo in resolution 2428 (2018) on 13 "
                "July 2018.", "2024-05-30")
    assert [d for d, _ in got] == ["2018-07-13"]


def test_adopting_a_resolution_of_the_year_after_todays_happening_is_todays() -> None:
    got = dated("The Security Council today renewed the sanctions regime. Adopting resolution "
                "2731 (2024) by 13 votes, the Council requested an update by 1 December 2024.",
                "2024-05-30")
    assert got == [("2024-05-30", "Security Council renews the sanctions regime")]


def test_a_letter_dated_opens_the_sentence_and_a_list_is_the_subject() -> None:
    got = dated("In a letter dated 14 September 2023, France, Germany and the United Kingdom "
                "informed the Council of their measures.", "2023-12-01")
    assert got == [("2023-09-14", "France, Germany and the United Kingdom inform the "
                    "Council")]


def test_who_after_a_name_is_its_subject() -> None:
    got = dated("She succeeds Helen La Lime of the United States, who completed her "
                "assignment on 28 February 2022.", "2022-04-15")
    assert got == [("2022-02-28", "Helen La Lime of the United States completes her "
                    "assignment")]


def test_a_date_after_a_place_set_apart_belongs_to_the_clause_before() -> None:
    assert dated("The Secretary-General will travel to Kampala, Uganda, on Sunday to attend "
                 "the Summit.", "2024-01-12") == [
        ("2024-01-14", "Secretary-General to travel to Kampala")]


def test_career_ranges_after_as_and_a_bare_year_ending_a_range() -> None:
    paragraphs = ["Ms. Salvador served as Minister for Foreign Affairs of Ecuador from 2007 to "
                  "2008 and as Permanent Representative of Ecuador to the OAS from 2008 to "
                  "2010."]
    got = article_events(paragraphs, "2022-04-15")
    assert [(e.date, e.end, e.title) for e in got] == [
        ("2007", "2008", "Salvador serves as Minister for Foreign Affairs of Ecuador"),
        ("2008", "2010", "Salvador serves as Permanent Representative of Ecuador to the OAS"),
    ]


def test_a_time_after_the_dateline_goes_with_it() -> None:
    text = ("Council conclusions on enlargement\n\nCouncil of the EU\nPress release\n"
            "12 December 2023 15:40\n\nThe Council today approved conclusions.\n")
    found = find_dateline(text)
    assert found is not None and text[found[1] : found[2]] == "12 December 2023 15:40"


def test_conclusions_of_a_date_name_a_happening() -> None:
    got = dated("Recalling the European Council conclusions of 23-24 June 2022, which granted "
                "candidate status to Ukraine, the Council welcomed the progress.", "2023-12-12",
                dateline=False)
    assert got == [("2022-06-23", "European Council conclusions")]


def test_datelines_with_a_bracket_and_with_a_time_after_a_bar() -> None:
    text = ("KFOR troops respond\n\nPRISTINA, Kosovo (Feb. 3, 2024) – KFOR troops responded "
            "to an incident.\n")
    found = find_dateline(text)
    assert found is not None and found[0] == "2024-02-03"
    got = parse_article(text, "x.txt")
    assert got.paragraphs[0].text == "KFOR troops responded to an incident."
    text = "Government\n\nHeadline of the page\n\nPublished: 12.03.2024 | 10:15\n\nText.\n"
    found = find_dateline(text)
    assert found is not None and text[found[1] : found[2]] == "12.03.2024 | 10:15"


def test_a_headline_ending_with_its_date_stays_the_headline() -> None:
    text = ("Department Press Briefing – April 16, 2024\n\nVedant Patel, Spokesperson\n\n"
            "MR PATEL: The Secretary spoke this morning with Minister Benny Gantz.\n")
    got = parse_article(text, "x.txt")
    assert (got.date, got.headline) == ("2024-04-16", "Department Press Briefing – April 16, "
                                                      "2024")


def test_a_wrapped_first_paragraph_after_a_dateline_stays_whole() -> None:
    text = ("Mission delivers supplies\n\n"
            "GENEVA/JERUSALEM, 30 January 2024 – A joint UN mission led by the World Health\n"
            "Organization (WHO) delivered fuel and medical supplies to Al-Shifa hospital in Gaza\n"
            "City yesterday, the second such mission this month.\n")
    got = parse_article(text, "x.txt")
    assert got.paragraphs[0].text.startswith("A joint UN mission led by the World Health "
                                             "Organization (WHO) delivered fuel")


def test_a_participle_with_its_agent_is_inside_the_subject_and_who_in_brackets_is_a_name(
) -> None:
    assert dated("A joint UN mission led by the World Health Organization (WHO) delivered "
                 "fuel to Al-Shifa hospital yesterday.", "2024-01-30") == [
        ("2024-01-29", "Joint UN mission delivers fuel to Al-Shifa hospital")]


def test_dates_listed_together_share_the_clause_after_them() -> None:
    got = dated("On 17 April and 1 May, the Parliament adopted the law in two readings.",
                "2024-05-14")
    assert got == [("2024-04-17", "Parliament adopts the law in two readings"),
                   ("2024-05-01", "Parliament adopts the law in two readings")]


def test_parts_of_a_day_before_a_date_or_a_weekday() -> None:
    got = dated("KFOR troops responded in the early hours of Saturday to an incident, after a "
                "device damaged the canal on the night of 1 to 2 February. KFOR Commander "
                "Ulutaş met the Police Director later that day.", "2024-02-03")
    assert got == [
        ("2024-02-03", "KFOR troops respond to an incident"),
        ("2024-02-01", "Device damages the canal"),
        ("2024-02-03", "Ulutaş meets the Police Director"),
    ]


def test_a_date_before_adjectives_and_an_event_noun_and_which_after_a_noun() -> None:
    assert dated("The 8 May parliamentary elections were competitive.", "2024-05-09") == [
        ("2024-05-08", "Parliamentary elections were competitive")]
    assert dated("The observation mission, which began its work on 14 March, deployed 300 "
                 "observers.", "2024-05-09") == [
        ("2024-03-14", "Observation mission begins its work")]


def test_a_quote_said_today_does_not_take_the_headline() -> None:
    paragraphs = ['"Citizens have the right to protest," the High Representative said on '
                  'Tuesday.']
    assert article_events(paragraphs, "2024-05-14", "Statement on the law",
                          dateline=True) == []


def test_years_ago_today_is_not_today() -> None:
    assert relative_dates("One year ago today, fighting broke out.", "2024-04-15") == []
    assert dated("Seventy-five years ago today, on 4 April 1949, twelve nations signed the "
                 "North Atlantic Treaty.", "2024-04-04") == [
        ("1949-04-04", "Twelve nations sign the North Atlantic Treaty")]


def test_lines_of_a_timeline() -> None:
    got = dated("15 April 2023: Fighting erupts in Khartoum and spreads to Darfur.\n\n"
                "February 2024: The United Nations launches its appeal for Sudan.",
                "2024-04-15")
    assert got == [("2023-04-15", "Fighting erupts in Khartoum and spreads to Darfur"),
                   ("2024-02", "United Nations launches its appeal for Sudan")]


def test_one_happening_told_twice_on_one_date_is_one_event() -> None:
    got = dated("On 18 May, fighting intensified in El Fasher.\n\nFighting in El Fasher, "
                "North Darfur, intensified on 18 May, and shelling was reported.", "2024-05-20")
    assert [d for d, _ in got] == ["2024-05-18"]
    got = dated("On Monday, Albin Kurti met Miroslav Lajčák. Later that day, Lajčák travelled "
                "to Belgrade.", "2024-03-22")
    assert len(got) == 2  # two happenings of one day


def test_a_participle_after_a_noun_phrase_without_a_name() -> None:
    got = dated("The Prime Minister said the opening of talks, decided by the European Council "
                "in December 2023, was a historic step.", "2024-06-25", dateline=False)
    assert got == [("2023-12", "Opening of talks decided by the European Council")]


def test_the_accession_of_a_date() -> None:
    assert dated("The Alliance has grown to 32 members, most recently with the accession of "
                 "Sweden on 7 March.", "2024-04-04", dateline=False) == [
        ("2024-03-07", "Accession of Sweden")]


def test_a_happening_named_by_a_long_noun_phrase_before_its_date() -> None:
    got = dated("The members of the Security Council condemned in the strongest terms the "
                "attack against a patrol of the United Nations Multidimensional Integrated "
                "Stabilization Mission in the Central African Republic (MINUSCA) near "
                "Bossangoa on 20 February.", "2024-02-22", dateline=False)
    assert got == [("2024-02-20", "Attack against a patrol")]


def test_a_time_after_the_date_and_a_period_counted_to_a_date() -> None:
    assert dated("On 6 March at about 17:00, an aid convoy was denied entry at the "
                 "checkpoint.", "2024-03-08") == [
        ("2024-03-06", "Aid convoy denied entry at the checkpoint")]
    assert dated("In the 24 hours to 7 March, 86 people were killed.", "2024-03-08") == []


def test_a_label_before_a_dateline_and_a_verb_before_a_date() -> None:
    found = find_dateline("Headline\n\nPress release issued on 5 May 2022\n\nText.\n")
    assert found is not None and found[0] == "2022-05-05"
    assert find_dateline("History\n\nThe Agreement was signed on 9 June 1999, and the "
                         "Mission was set up.\n") is None


def test_a_list_of_dated_links_is_no_timeline() -> None:
    assert dated("12 Apr. 2024 - NATO and Ukraine hold Council meeting", "2024-04-29") == []


def test_a_resolutions_year_gives_way_to_a_date_later_in_its_clause() -> None:
    got = dated("The Council adopted resolution 2720 (2023) by thirteen votes in favour and "
                "none against in New York on 22 December 2023.", "2024-01-10", dateline=False)
    assert [d for d, _ in got] == ["2023-12-22"]


def test_the_same_day_counts_from_a_date_of_its_own_paragraph() -> None:
    got = dated("On 3 March, the talks resumed in Geneva.\n\nThe same day, the envoy resigned.",
                "2024-03-05")
    assert got == [("2024-03-03", "Talks resume in Geneva")]


def test_the_year_a_range_named_last_is_its_end() -> None:
    text = ("From October 1998 to March 1999, the mission monitored the ceasefire. The "
            "Military Technical Agreement was signed in Kumanovo on 9 June.")
    assert [d for d, _ in dated(text, "2024-06-01", dateline=False)] == ["1998-10", "1999-06-09"]


def test_a_pronoun_subject_is_the_person_told_of_before() -> None:
    text = ("NATO Secretary General Jens Stoltenberg travelled to Warsaw on Wednesday (12 "
            "June) for talks with President Andrzej Duda and Prime Minister Donald Tusk. He "
            "praised Poland for its spending. Later that day, he visited the logistics hub "
            "in Rzeszów.")
    # "he" is the subject told of before (Stoltenberg), not the last name (Tusk); the
    # title names him, not the headline of the page
    assert dated(text, "2024-06-12")[1] == ("2024-06-12",
                                            "Stoltenberg visits the logistics hub in Rzeszów")
    text = ("Deputy Secretary of State Kurt Campbell traveled to the Western Balkans this "
            "week. He last visited the region in May.")
    assert dated(text, "2024-09-13")[1] == ("2024-05", "Campbell visits the region")
    # a subject without an office ("the Council") names no person for "he" to stand for
    text = ("On 11 September, the Council met in Pristina. Later that day, he visited Camp "
            "Bondsteel.")
    assert dated(text, "2024-09-13") == [("2024-09-11", "Council meets in Pristina")]


def test_an_and_inside_an_office_keeps_the_surname() -> None:
    text = ("Deputy Secretary of State for Management and Resources Richard R. Verma "
            "traveled to Sarajevo on February 12, where he met the Chair. Later that day, "
            "he met with students at the University of Sarajevo.")
    # two happenings of one day in one paragraph, both his: not one told twice
    assert dated(text, "2024-02-13") == [
        ("2024-02-12", "Verma travels to Sarajevo"),
        ("2024-02-12", "Verma meets with students at the University of Sarajevo"),
    ]


def test_days_after_a_clause_date_that_clause() -> None:
    text = ("President Salome Zourabichvili vetoed the law on 18 May, four days after "
            "Parliament adopted it in third reading.")
    assert dated(text, "2024-05-28") == [("2024-05-18", "Zourabichvili vetoed the law"),
                                         ("2024-05-14", "Parliament adopts it in third reading")]
    # counted from a date written in its own sentence only: not from a saying's weekday,
    # nor from a date before the sentence, nor a plain "the day before"
    text = ("Stoltenberg said on Wednesday that the accession made the Alliance stronger, a "
            "day after the Finnish flag was raised at NATO Headquarters.")
    assert [d for d, _ in dated(text, "2023-04-05")] == ["2023-04-05"]
    assert dated("The report will be published some eight weeks after the end of the "
                 "process.", "2024-05-09") == []
    text = "On 1 July, an order was issued.\n\nThe day before, the hospital had been evacuated."
    assert dated(text.replace("\n\n", " "), "2024-07-03")[-1] == ("2024-06-30",
                                                                  "Hospital evacuated")


def test_last_night_and_this_morning_is_one_happening_of_the_day() -> None:
    text = ("Last night and this morning, Russia launched a massive combined attack on "
            "Ukraine with more than 100 missiles.")
    assert dated(text, "2024-08-26") == [
        ("2024-08-26", "Russia launches a massive combined attack on Ukraine")]
    assert [d for d, _ in dated("Gangs attacked the port last night.", "2024-08-26")] == [
        "2024-08-25"]


def test_late_or_early_before_an_opening_date_keeps_its_clause() -> None:
    assert dated("Late last month, fighting erupted in Darfur.", "2024-05-10") == [
        ("2024-04", "Fighting erupts in Darfur")]


def test_a_possessive_weekday_and_two_weekdays_date_their_happening() -> None:
    assert dated("Monday's attack on the convoy killed three aid workers.", "2024-05-10") == [
        ("2024-05-06", "Attack on the convoy kills three aid workers")]
    assert [d for d, _ in dated("Monday's meeting will be held in Paris.", "2024-05-10")] == [
        "2024-05-13"]
    # two days written together: one happening, dated by its first
    assert dated("On Tuesday and Wednesday, the delegation visited Bamako and Gao.",
                 "2024-05-10") == [("2024-05-07", "Delegation visits Bamako and Gao")]


def test_earlier_in_the_day_is_the_day_told_before() -> None:
    text = ("On 9 May, Minister Ana Brnabić arrived in Gao. Earlier in the day, she met the "
            "Ambassador.")
    assert dated(text, "2024-05-10") == [("2024-05-09", "Brnabić arrives in Gao"),
                                         ("2024-05-09", "Brnabić meets the Ambassador")]


def test_he_after_a_surname_told_without_an_office_is_nobody_known() -> None:
    text = ("On Monday, Prime Minister Albin Kurti met the EU Special Representative, "
            "Miroslav Lajčák. Lajčák travelled to Belgrade. Later that day, he met President "
            "Aleksandar Vučić.")
    # "he" is Lajčák, not Kurti: with no office told for Lajčák, no title names Kurti
    assert all("Kurti meets President" not in title for _, title in dated(text, "2024-03-22"))


def test_he_after_a_reported_clause_is_the_person_it_tells_of() -> None:
    text = ("The Deputy Spokesperson, Farhan Haq, told reporters today that the Special "
            "Representative for West Africa, Leonardo Santos Simão, had arrived in Niamey on "
            "18 August. The previous day, he had met the President of the Commission in Abuja.")
    assert dated(text, "2024-08-20")[-1] == ("2024-08-17", "Simão met the President of the "
                                                           "Commission in Abuja")


@pytest.mark.parametrize(
    "words",
    ["The Assembly is expected to vote on the conclusions on Monday.",
     "He said the talks would resume on Monday.",
     "The Council is scheduled to meet on Monday.",
     "The Minister plans to travel to Paris on Monday."],
)
def test_a_weekday_of_a_plan_is_the_next_one(words: str) -> None:
    assert [d for d, _, _ in relative_dates(words, "2024-05-11")] == ["2024-05-13"]


def test_an_opening_phrase_of_the_subject_dates_the_main_clause() -> None:
    assert dated("Briefing the Security Council on Thursday, the Special Envoy warned of a new "
                 "offensive.", "2024-05-10") == [
        ("2024-05-09", "Special Envoy warns of a new offensive")]
    assert dated("In a statement issued on Thursday, UNICEF said that 14 children had been "
                 "killed.", "2024-05-10") == [
        ("2024-05-09", "UNICEF says 14 children had been killed")]
    # a phrase of another happening dates it, not the clause after it
    assert dated("Following the attack on 3 May, the Council met in closed session.",
                 "2024-05-10") == []


def test_a_possessive_relative_date_names_its_happening() -> None:
    assert dated("The Ministry of Foreign Affairs strongly condemns yesterday's missile attack "
                 "on Odesa.", "2024-05-10") == [("2024-05-09", "Missile attack on Odesa")]


def test_the_nth_day_of_a_stay_counts_from_its_first_day() -> None:
    text = ("Minister Hadja Lahbib paid an official visit to the South Caucasus from 3 to 5 "
            "June.\n\n"
            "On the first day of the visit, in Yerevan, the Minister met Foreign Minister "
            "Ararat Mirzoyan. On the second day, she travelled to Baku.\n\n"
            "On the last day of the visit, the Minister addressed students in Baku.")
    assert [d for d, _ in dated(text, "2024-06-05")] == [
        "2024-06-03", "2024-06-03", "2024-06-04", "2024-06-05"]
    # without a stay told before, "the second day" dates nothing
    assert dated("On the second day, she travelled to Baku.", "2024-06-05") == []


def test_a_happening_that_came_some_days_after_counts_from_the_one_told() -> None:
    text = ("At its sitting today, the Assembly adopted the Law on Energy Efficiency. The "
            "vote came a week after the Committee on Economy approved the draft.")
    assert [d for d, _ in dated(text, "2024-07-03")] == ["2024-07-03", "2024-06-26"]


@pytest.mark.parametrize(
    ("words", "reference", "date"),
    [
        ("The canal was damaged last November.", "2024-09-25", "2023-11"),
        ("The canal was damaged last November.", "2024-11-25", "2023-11"),  # not this month
        ("The canal was damaged last November.", "2024-12-05", "2024-11"),
        ("The talks will resume next March.", "2024-01-10", "2024-03"),
        ("The talks will resume next March.", "2024-03-10", "2025-03"),
    ],
)
def test_last_or_next_with_a_month_name(words: str, reference: str, date: str) -> None:
    assert [d for d, _, _ in relative_dates(words, reference)] == [date]


def test_days_after_a_clause_count_from_a_weekday_told_first() -> None:
    got = dated("Parliament adopted the law on Monday, two days after the President vetoed it.",
                "2024-02-14")
    assert [d for d, _ in got] == ["2024-02-12", "2024-02-10"]
    # a saying's day is not the day the clause is counted from
    assert dated("The minister said on Wednesday, a day after the vote, that the law would "
                 "pass.", "2024-02-14") == []
