"""Events of an article: dated by the clause that carries the date, titled as headlines."""

from __future__ import annotations

import pytest

from briefcli.authoring.events import DraftEvent, article_events, relative_dates


def events(text: str, reference: str, headline: str | None = None) -> list[DraftEvent]:
    return article_events([p for p in text.split("\n\n") if p], reference, headline)


def dated(text: str, reference: str) -> list[tuple[str, str]]:
    return [(e.date, e.title) for e in events(text, reference)]


def test_a_background_clause_gives_no_event_and_the_discussion_is_todays() -> None:
    got = dated(
        "Secretary of State Antony J. Blinken spoke today with Moldovan President Maia "
        "Sandu. Secretary Blinken and President Sandu discussed Russia's attempts to "
        "destabilize Moldova, including the energy blackmail that followed Gazprom's cuts "
        "in gas supplies in October 2022.", "2024-02-06",
    )
    assert got == [("2024-02-06", "Blinken speaks with Moldovan President Maia Sandu")]
    assert not any(date.startswith("2022") for date, _ in got)


def test_the_seed_articles_september_event_is_titled_for_the_violence() -> None:
    got = dated(
        "In a recent conversation between Secretary of State Antony J. Blinken and Serbian "
        "President Aleksandar Vucic, the focus was on the urgent need to de-escalate "
        "tensions with Kosovo following the violent events of September 24. These events "
        "included the tragic death of a Kosovo Police Sergeant, which sparked widespread "
        "concern.", "2023-11-11",
    )
    assert got == [("2023-09-24", "Violent events kill a Kosovo Police Sergeant")]


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        ("More than 190,000 people have crossed into Chad since fighting erupted in Sudan "
         "on 15 April 2023.", "2023-07-05", [("2023-04-15", "Fighting erupts in Sudan")]),
        ("On 3 July, the World Food Programme began food distributions in Adré.",
         "2023-07-05",
         [("2023-07-03", "World Food Programme begins food distributions in Adré")]),
        ("The Government of Montenegro on Monday adopted its programme.", "2023-05-04",
         [("2023-05-01", "Government of Montenegro adopts its programme")]),
        ("Finland became the 31st member of NATO yesterday.", "2023-04-05",
         [("2023-04-04", "Finland becomes the 31st member of NATO")]),
        ("The mission responds to a request made by the Moldovan authorities last month.",
         "2023-04-24", [("2023-03", "Request made by the Moldovan authorities")]),
        ("Federal Foreign Minister Annalena Baerbock will travel to London tomorrow.",
         "2023-06-20", [("2023-06-21", "Baerbock to travel to London")]),
    ],
)
def test_clauses_and_relative_dates(text: str, reference: str,
                                    expected: list[tuple[str, str]]) -> None:
    assert dated(text, reference) == expected


def test_a_year_inside_a_name_is_no_event_but_its_launch_is() -> None:
    got = dated(
        "The 2024 Chad Refugee Response Plan, launched in January, is only 4 per cent "
        "funded.", "2024-02-09",
    )
    assert got == [("2024-01", "Chad Refugee Response Plan launched")]


def test_one_event_per_resolution_dated_by_its_year() -> None:
    got = dated(
        "UNMIK carries out its mandate under Security Council resolution 1244 (1999). "
        "Serbia said that resolution 1244 (1999) remained the basis, while Kosovo said the "
        "mandate under resolution 1244 (1999) had been fulfilled.", "2023-10-18",
    )
    assert got == [("1999", "Security Council adopts resolution 1244")]


def test_a_resolution_adopted_today_is_dated_today_not_by_its_year() -> None:
    got = dated("The Security Council today unanimously adopted resolution 2690 (2023).",
                "2023-06-30")
    assert got == [("2023-06-30", "Security Council adopts resolution 2690")]


def test_two_dated_clauses_give_two_events() -> None:
    got = dated(
        "Both parties accepted the Agreement in Brussels in February 2023 and agreed its "
        "Implementation Annex in Ohrid in March 2023.", "2023-06-12",
    )
    assert [date for date, _ in got] == ["2023-02", "2023-03"]
    assert "Implementation Annex" in got[1][1] and "accept" in got[0][1]


def test_a_span_is_no_happening() -> None:
    assert dated("The project has insulated 40 schools since 2014.", "2017-02-27") == []


def test_a_sentence_without_subject_and_verb_gives_no_event() -> None:
    assert dated("The focus was on the report of 2019.", "2023-11-11") == []
    assert dated("The focus was on the talks of 2019.", "2023-11-11") == []  # one word


def test_todays_event_without_a_clause_of_its_own_takes_the_headline() -> None:
    got = events(
        "This is a summary of what was said at today's press briefing in Geneva.",
        "2024-02-09", headline="UNHCR warns funding shortfall threatens aid",
    )
    assert [(e.date, e.title) for e in got] == [
        ("2024-02-09", "UNHCR warns funding shortfall threatens aid")
    ]


def test_titles_are_short_phrases_without_dates_or_dangling_words() -> None:
    got = events(
        "The Office for Democratic Institutions and Human Rights (OSCE/ODIHR) today opened "
        "an election observation mission for the presidential and parliamentary elections "
        "in North Macedonia, following an invitation from the authorities.", "2024-03-14",
    )
    (event,) = got
    assert event.title == "OSCE/ODIHR opens an election observation mission"
    words = event.title.split()
    assert len(words) <= 11
    assert words[-1].lower() not in {"that", "of", "in", "the", "and"}
    assert "2024" not in event.title and "today" not in event.title


def test_a_range_gives_an_event_with_an_end() -> None:
    (event,) = events("From October 1998 to March 1999, the mission monitored the ceasefire.",
                      "2000-01-01")
    assert (event.date, event.end) == ("1998-10", "1999-03")
    assert event.title == "Mission monitored the ceasefire"


@pytest.mark.parametrize(
    ("words", "reference", "date"),
    [
        ("They met today.", "2023-05-04", "2023-05-04"),
        ("They met this morning.", "2023-05-04", "2023-05-04"),
        ("They met this week.", "2023-05-04", "2023-05-04"),
        ("They met yesterday.", "2023-05-04", "2023-05-03"),
        ("They meet tomorrow.", "2023-05-04", "2023-05-05"),
        ("They met on Monday.", "2023-05-04", "2023-05-01"),  # a Thursday
        ("They met on Thursday.", "2023-05-04", "2023-05-04"),
        ("They will meet on Monday.", "2023-05-04", "2023-05-08"),
        ("They met last month.", "2023-01-10", "2022-12"),
        ("They met last year.", "2023-01-10", "2022"),
        ("They met two days ago.", "2023-05-04", "2023-05-02"),
        ("They met a week ago.", "2023-05-04", "2023-04-27"),
        ("They met earlier this month.", "2023-05-04", "2023-05"),
        ("They met earlier this year.", "2023-05-04", "2023"),
    ],
)
def test_relative_dates(words: str, reference: str, date: str) -> None:
    assert [d for d, _, _ in relative_dates(words, reference)] == [date]


def test_the_following_year_follows_the_year_the_text_named() -> None:
    assert relative_dates("The following year, it opened.", "2024-01-01", 2009)[0][0] == "2010"
    assert relative_dates("The following year, it opened.", "2024-01-01") == []


def test_a_release_in_the_past_tense_without_a_date_is_dated_by_its_dateline() -> None:
    lead = "The Council adopted conclusions on the Western Balkans."
    got = article_events([lead], "2022-06-17", dateline=True)
    assert [(e.date, e.title) for e in got] == [
        ("2022-06-17", "Council adopts conclusions on the Western Balkans")
    ]
    assert article_events([lead], "2022-06-17") == []  # a date given, not the article's
    for other in ("The European Union condemns the attack.", "The focus was on talks.",
                  "The minister will travel to London."):
        assert article_events([other], "2022-06-17", dateline=True) == []


def test_a_determiner_inside_the_subject_is_no_participle() -> None:
    assert dated(
        "Foreign ministers of the Berlin Process met in Tirana on Thursday to discuss a "
        "common regional market.", "2023-11-11",
    ) == [("2023-11-09", "Foreign ministers of the Berlin Process meet in Tirana")]
    assert dated("The European Union welcomes the meeting held this week in Belgrade.",
                 "2023-05-04") == [("2023-05-04", "Meeting held in Belgrade")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The meeting will take place on 12 March in Brussels.",
         [("2024-03-12", "Meeting to take place in Brussels")]),
        ("In 2019, the two countries signed an agreement on border demarcation.",
         [("2019", "Two countries sign an agreement on border demarcation")]),
        ("“We will not accept this,” Minister Petković said on Tuesday.", []),
        ("The ceasefire agreed in July 2020 has largely held.",
         [("2020-07", "Ceasefire agreed")]),
        ("The first session of the Council will be held in Skopje in the autumn of 2024.",
         [("2024", "First session of the Council to be held in Skopje")]),
        ("The decision of 14 June 2022 to grant candidate status was welcomed.",
         [("2022-06-14", "Decision to grant candidate status")]),
        ("By the end of 2022, more than 30 projects had been completed.", []),
        ("The Mission's mandate was extended until June 2025.", []),
        ("The 2030 Agenda for Sustainable Development guides the work of the team.", []),
        # Told in the past tense, a month ahead of the article is last year's.
        ("The government fell in March after a vote of no confidence.",
         [("2023-03", "Government falls")]),
        ("Kosovo declared independence on 17 February 2008.",
         [("2008-02-17", "Kosovo declares independence")]),
    ],
)
def test_sentences_of_releases(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2024-02-06") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 5 March, armed men attacked a convoy near Goma, killing two drivers.",
         [("2024-03-05", "Armed men attack a convoy near Goma")]),
        ("UN Secretary-General António Guterres on Saturday condemned the fighting.",
         [("2024-06-15", "Guterres condemns the fighting")]),
        ("Kosovo Serbs left the institutions in November 2022, including the police.",
         [("2022-11", "Kosovo Serbs leave the institutions")]),
        ("In its resolution 2720 (2023), adopted on 22 December, the Council requested a "
         "report.", [("2023-12-22", "Resolution 2720 adopted")]),
        ("On 14 May, the Prime Minister announced that elections would be held on 2 July.",
         [("2024-05-14", "Prime Minister announces elections would be held"),
          ("2024-07-02", "Elections to be held")]),
        ("At least 12 civilians were killed and 30 injured in shelling on 15 May.",
         [("2024-05-15", "At least 12 civilians killed and 30 injured in shelling")]),
        ("The EU Special Representative Miroslav Lajčák visited Belgrade on 2 October.",
         [("2023-10-02", "Lajčák visits Belgrade")]),
    ],
)
def test_more_sentences_of_releases(text: str, expected: list[tuple[str, str]]) -> None:
    assert dated(text, "2024-06-20") == expected


SEED_LEAD = (
    "In a recent conversation between Secretary of State Antony J. Blinken and Serbian "
    "President Aleksandar Vucic, the focus was on the urgent need to de-escalate tensions "
    "with Kosovo following the violent events of September 24. These events included the "
    "tragic death of a Kosovo Police Sergeant, which sparked widespread concern."
)


def test_an_undated_main_clause_is_the_articles_own_event_beside_the_dated_one() -> None:
    got = article_events([SEED_LEAD], "2023-11-11", dateline=True)
    assert [(e.date, e.title) for e in got] == [
        ("2023-11-11", "Blinken and Vucic discuss de-escalating tensions with Kosovo"),
        ("2023-09-24", "Violent events kill a Kosovo Police Sergeant"),
    ]
    # Without the article's own date (a date given on the command line) no own event.
    assert [e.date for e in article_events([SEED_LEAD], "2023-11-11")] == ["2023-09-24"]


@pytest.mark.parametrize(("lead", "own", "other"), [
    ("Secretary Rubio spoke with Foreign Minister Andrii Sybiha of Ukraine about the "
     "situation in Kharkiv following the missile attack of 3 March.",
     "Rubio speaks with Foreign Minister Andrii Sybiha of Ukraine",
     ("2025-03-03", "Missile attack")),
    ("The Secretary-General spoke with President Bola Tinubu of Nigeria after the attack "
     "of 12 May on a market in Borno State.",
     "Secretary-General speaks with President Bola Tinubu of Nigeria",
     ("2025-05-12", "Attack on a market in Borno State")),
    ("The Secretary-General today spoke with President Bola Tinubu of Nigeria after the "
     "attack of 12 May on a market in Borno State.",
     "Secretary-General speaks with President Bola Tinubu of Nigeria",
     ("2025-05-12", "Attack on a market in Borno State")),
    ("In a telephone call between Foreign Minister Penny Wong and Foreign Minister Wang Yi, "
     "the focus was on the need to stabilise relations following the incident of 4 May.",
     "Wong and Yi discuss stabilising relations", None),
])
def test_a_lead_reported_without_its_own_date_is_dated_by_the_article(
    lead: str, own: str, other: tuple[str, str] | None
) -> None:
    got = [(e.date, e.title) for e in article_events([lead], "2025-05-14", dateline=True)]
    assert got[0] == ("2025-05-14", own)
    assert got[1:] == ([other] if other else [])


def test_a_dated_main_clause_is_no_undated_lead() -> None:
    got = article_events(["The Council met on 3 May after the attack of 1 May on a "
                          "school in Gaza."], "2025-05-14", dateline=True)
    assert "2025-05-14" not in [e.date for e in got]
    assert article_events(["The focus was on talks following the attack of 3 May."],
                          "2025-05-14", dateline=True) == []


def test_an_event_is_described_by_its_own_clause_and_supporting_sentence() -> None:
    own, violence = article_events([SEED_LEAD], "2023-11-11", dateline=True)
    assert "Blinken" in own.context and "September" not in own.context
    assert violence.summary.startswith("These events included the tragic death")
    assert "Blinken" not in violence.context and "Vucic" not in violence.context
    assert "Kosovo Police Sergeant" in violence.context


def test_a_participle_set_apart_by_commas_tells_of_the_noun_before_it() -> None:
    text = ("The 2024 Joint Response Plan for the Rohingya Humanitarian Crisis, launched in "
            "Geneva on 7 March, seeks US$852 million.")
    assert dated(text, "2024-03-11") == [
        ("2024-03-07", "Joint Response Plan for the Rohingya Humanitarian Crisis launched in "
                       "Geneva")]
    text = ('The plan implements the National Development Strategy "European Moldova 2030", '
            "adopted by Parliament in November 2022.")
    assert dated(text, "2024-01-17") == [
        ("2022-11", "National Development Strategy European Moldova adopted by Parliament")]
    # a name set apart is the subject of the verb after it
    text = "The Minister of Foreign Affairs, Enver Hoxhaj, received on 3 May the ambassador."
    assert [t for _, t in dated(text, "2024-05-06")] == [
        "Enver Hoxhaj receives the ambassador"]


def test_a_participle_after_the_noun_of_a_happening_dates_it() -> None:
    text = ("The United States congratulates the people of North Macedonia on the "
            "presidential and parliamentary elections held yesterday.")
    assert dated(text, "2024-05-09") == [
        ("2024-05-08", "Presidential and parliamentary elections held")]
    text = "The European Union regrets that the Parliament today overrode the veto of the law."
    assert dated(text, "2024-05-28") == [("2024-05-28", "Parliament overrides the veto of the law")]


def test_a_phrase_between_an_opening_date_and_its_clause_is_left_out() -> None:
    text = ('"On 26 October, in a single day, more than 100 people were killed in villages in '
            'Gezira state," she said.')
    assert [d for d, _ in dated(text, "2024-11-18")] == ["2024-10-26"]


def test_a_plan_set_apart_by_commas_is_its_nouns() -> None:
    assert dated("The Summit, to be held in Washington in July, will mark the 75th "
                 "anniversary of the Alliance.", "2024-05-10") == [
        ("2024-07", "Summit to be held in Washington")]


def test_an_announcement_set_apart_by_commas_is_a_happening() -> None:
    assert dated("Armenia's decision to accede to the Rome Statute, announced on 3 October, is "
                 "a sovereign decision.", "2023-10-05") == [
        ("2023-10-03", "Rome Statute announced")]


def test_appear_before_a_body_is_no_clause_of_time() -> None:
    got = dated("The men were detained near Zubin Potok and will appear before a court in "
                "Pristina on Friday, the minister told a news conference.", "2024-09-25")
    assert [d for d, _ in got] == ["2024-09-27"]  # the next Friday: a plan


def test_a_dated_phrase_between_the_subject_and_its_verb_dates_the_main_clause() -> None:
    got = dated("The Committee of Ministers, at its meeting on 8 May, took note of the report.",
                "2024-05-22")
    assert got == [("2024-05-08", "Committee of Ministers takes note of the report")]
