"""Sentences, acronym definitions, dates and datelines drawn from plain text."""

from __future__ import annotations

import importlib.util
import signal
import sys
from pathlib import Path

import pytest

from briefcli.authoring.acronyms import AcronymDefinition, find_acronyms
from briefcli.authoring.datefinder import DateMention, find_dateline, find_dates
from briefcli.authoring.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def _benchmark():
    """benchmarks/extraction.py, whose corpus loader and scoring the corpus test shares."""
    name = "extraction_benchmark"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / "extraction.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def pairs(text: str) -> list[tuple[str, str]]:
    return [(d.short, d.long) for d in find_acronyms(text)]


def dates(text: str, reference: str = "2023-11-11") -> list[tuple[str, str]]:
    return [(m.date, m.text) for m in find_dates(text, reference)]


# ------------------------------------------------------------------------------ sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Secretary of State Antony J. Blinken met Dr. Ana Petrović. They spoke.",
            ["Secretary of State Antony J. Blinken met Dr. Ana Petrović.", "They spoke."],
        ),
        (
            "The U.S. and the U.N. agreed, e.g. on energy, i.e. gas. Growth was 3.5 per cent.",
            ["The U.S. and the U.N. agreed, e.g. on energy, i.e. gas.", "Growth was 3.5 per cent."],
        ),
        (
            "Sanctions came from the U.S. The Council met.",
            ["Sanctions came from the U.S.", "The Council met."],
        ),
        (
            "No. 5 was signed on Jan. 5, 2020. It ended at 10 a.m. The next began.",
            ["No. 5 was signed on Jan. 5, 2020.", "It ended at 10 a.m.", "The next began."],
        ),
        (
            'He said: "We will act." Then he left. "Is it over?" she asked.',
            ['He said: "We will act."', "Then he left.", '"Is it over?" she asked.'],
        ),
        (
            "1. The Council decides.\n2. The Commission implements it.",
            ["1. The Council decides.", "2. The Commission implements it."],
        ),
        (
            "The envoy met the mayor in\nMitrovica and left.\n\nA new paragraph.",
            ["The envoy met the mayor in\nMitrovica and left.", "A new paragraph."],
        ),
        (
            "Readout\nWashington, March 3, 2021\n\nThe Secretary of State spoke with the"
            " Prime Minister about the dialogue and about energy.",
            [
                "Readout",
                "Washington, March 3, 2021",
                "The Secretary of State spoke with the Prime Minister about the dialogue and"
                " about energy.",
            ],
        ),
    ],
)
def test_split_sentences(text, expected):
    found = split_sentences(text)
    assert [s.text for s in found] == expected
    assert all(text[s.start : s.end] == s.text for s in found)


# ------------------------------------------------------------------------------ acronyms

FORMS = [
    # (form, text, (short, long, note))
    ("textbook", "The Kosovo Force (KFOR) increased patrols.", ("KFOR", "Kosovo Force", None)),
    ("reverse", "KFOR (Kosovo Force) troops were deployed.", ("KFOR", "Kosovo Force", None)),
    ("or the", "KFOR, or the Kosovo Force, has been deployed.", ("KFOR", "Kosovo Force", None)),
    (
        "long, or short",
        "The Kosovo Force, or KFOR, urged restraint.",
        ("KFOR", "Kosovo Force", None),
    ),
    (
        "known as",
        "The Kosovo Force, known as KFOR, has 4,500 troops.",
        ("KFOR", "Kosovo Force", None),
    ),
    (
        "known as, in parentheses",
        "Kosovo joined the Central European Free Trade Agreement (known as CEFTA).",
        ("CEFTA", "Central European Free Trade Agreement", None),
    ),
    (
        "hereinafter",
        "Data came from the European Centre for Disease Prevention and Control"
        " (hereinafter ECDC).",
        ("ECDC", "European Centre for Disease Prevention and Control", None),
    ),
    ("appositive", "The UN refugee agency, UNHCR, said so.", ("UNHCR", "UN refugee agency", None)),
    (
        "appositive after",
        "KFOR, the NATO-led peacekeeping force, said so.",
        ("KFOR", "NATO-led peacekeeping force", None),
    ),
    (
        "note",
        "They recalled the Organisation of African Unity (OAU, now the African Union).",
        ("OAU", "Organisation of African Unity", "now the African Union"),
    ),
    (
        "possessive owner",
        "Blinken commended the Alliance's Kosovo Force (KFOR) for its work.",
        ("KFOR", "Kosovo Force", None),
    ),
    (
        "possessive short",
        "They discussed the Kosovo Force's (KFOR's) presence.",
        ("KFOR", "Kosovo Force", None),
    ),
    (
        "compound",
        "A statement of the European Union and NATO (EU/NATO) welcomed it.",
        ("EU/NATO", "European Union and NATO", None),
    ),
    (
        "two-word short",
        "The Directorate-General for Neighbourhood and Enlargement Negotiations (DG NEAR)"
        " pays.",
        ("DG NEAR", "Directorate-General for Neighbourhood and Enlargement Negotiations", None),
    ),
    (
        "other language, head noun",
        "The Self-Determination Movement (LVV) won.",
        ("LVV", "Self-Determination Movement", None),
    ),
    (
        "other language, letters reordered",
        "The Democratic League of Kosovo (LDK) left.",
        ("LDK", "Democratic League of Kosovo", None),
    ),
    (
        "other language, accents",
        "Doctors of Médecins Sans Frontières (MSF) helped.",
        ("MSF", "Médecins Sans Frontières", None),
    ),
    (
        "partial letters",
        "The European Union Rule of Law Mission in Kosovo (EULEX) supports judges.",
        ("EULEX", "European Union Rule of Law Mission in Kosovo", None),
    ),
    ("digits", "Ministers of the Group of Seven (G7) met.", ("G7", "Group of Seven", None)),
    (
        "digits in the long form",
        "Cases of coronavirus disease 2019 (COVID-19) rose.",
        ("COVID-19", "coronavirus disease 2019", None),
    ),
    (
        "mixed case",
        "The US Department of Defense (DoD) approved it.",
        ("DoD", "Department of Defense", None),
    ),
    (
        "mixed case, reordered",
        "She holds a Doctor of Philosophy (PhD) in law.",
        ("PhD", "Doctor of Philosophy", None),
    ),
    (
        "quoted",
        'They agreed on the Association of Serb-majority Municipalities ("ASM").',
        ("ASM", "Association of Serb-majority Municipalities", None),
    ),
    (
        "most initials, not nearest start",
        "The European External Action Service (EEAS) called for restraint.",
        ("EEAS", "European External Action Service", None),
    ),
    (
        "comma inside the long form",
        "The programme for Disarmament, Demobilization and Reintegration (DDR) ended.",
        ("DDR", "Disarmament, Demobilization and Reintegration", None),
    ),
]


@pytest.mark.parametrize(("form", "text", "expected"), FORMS, ids=[f[0] for f in FORMS])
def test_acronym_forms(form, text, expected):
    found = find_acronyms(text)
    assert [(d.short, d.long, d.note) for d in found] == [expected]
    d = found[0]
    assert d.short in text[d.start : d.end] or d.short.replace("'s", "") in text[d.start : d.end]
    assert d.long.split()[0] in text[d.start : d.end]


TRAPS = [
    ("year", "The resolution was adopted in the same year (2023) by a large majority."),
    ("aside", "Further details are set out in the annex (see below)."),
    ("resolution", "General Assembly resolution 2758 (1971) is often cited."),
    ("symbol", "The General Assembly adopted the text (A/RES/68/262) by a recorded vote."),
    ("nested", "The mission (established under resolution 1244 (1999)) continues."),
    ("enumeration", "The Council shall (1) review the mandate and (2) report back."),
    ("letters", "Members may (a) request a briefing or (b) table a motion."),
    ("no expansion", "The meeting will start at 14:00 (UTC) in Brussels."),
    ("source", "PRISTINA (Reuters) - Kosovo police said they had arrested two suspects."),
    ("source in capitals", "UNITED NATIONS (AP) — The Security Council met."),
    ("language", "The sign read Zvečan (in Serbian) and Zveçan (in Albanian)."),
    ("quote", 'The minister called the deal historic ("a new chapter for the region").'),
    ("defined term", "The Foreign Affairs Council (the Council) discussed the dialogue."),
    ("party after a name", "The prime minister met Lumir Abdixhiku (LDK) in the Assembly."),
    ("country code", "Serbia (SRB) and Kosovo (KOS) were drawn in the same group."),
    ("regulation", "Regulation (EU) 2019/1020 lays down rules on market surveillance."),
    ("list", "The talks involved the European Union, NATO, and the OSCE."),
    ("acronym for an acronym", "The statement was signed by KFOR (NATO) and EULEX (EU)."),
    ("inside a name", "Members of the Alliance of Independent Social Democrats (SNSD) met."),
]


@pytest.mark.parametrize(("kind", "text"), TRAPS, ids=[t[0] for t in TRAPS])
def test_acronym_traps(kind, text):
    assert find_acronyms(text) == []


def test_acronym_span_and_sentence():
    text = "Talks went on.  The Kosovo Force\n(KFOR) increased   its patrols. Nothing else."
    (d,) = find_acronyms(text)
    assert text[d.start : d.end] == "Kosovo Force\n(KFOR)"
    assert d.sentence == "The Kosovo Force (KFOR) increased its patrols."
    assert isinstance(d, AcronymDefinition)


def test_each_pair_once_in_text_order():
    text = (
        "The North Atlantic Treaty Organization (NATO) met. KFOR (Kosovo Force) patrols. "
        "The Kosovo Force (KFOR) grew. Later NATO, or the North Atlantic Treaty Organization, said."
    )
    assert pairs(text) == [("NATO", "North Atlantic Treaty Organization"), ("KFOR", "Kosovo Force")]


def test_no_definition_across_sentences():
    assert pairs("It is the Kosovo Force. (KFOR) followed.") == []


# ------------------------------------------------------------------------------ dates

DATE_FORMS = [
    ("On 24 September 2023, men attacked.", [("2023-09-24", "24 September 2023")]),
    ("They spoke on March 3, 2021.", [("2021-03-03", "March 3, 2021")]),
    ("The talks on Sept. 24 were cancelled.", [("2023-09-24", "Sept. 24")]),
    ("The violent events of 24 September.", [("2023-09-24", "24 September")]),
    ("It was the 14th of February 2021.", [("2021-02-14", "14th of February 2021")]),
    ("In June 2023, troops came.", [("2023-06", "June 2023")]),
    ("The dialogue resumed in February.", [("2023-02", "in February")]),
    ("Troops arrived in early October.", [("2023-10", "in early October")]),
    (
        "Talks stalled in mid-2022 and resumed in early 2023.",
        [("2022", "in mid-2022"), ("2023", "in early 2023")],
    ),
    ("In 1999, NATO deployed KFOR.", [("1999", "In 1999")]),
    ("The 2011 census was boycotted.", [("2011", "2011")]),
    ("From 1998 to 1999 it lasted.", [("1998", "From 1998"), ("1999", "1999")]),
    ("The 1998–99 conflict.", [("1998", "1998–99"), ("1999", "1998–99")]),
    (
        "Ministers met on 24-25 September 2023.",
        [("2023-09-24", "24-25 September 2023"), ("2023-09-25", "24-25 September 2023")],
    ),
    (
        "The sessions on 5, 6 and 7 March.",
        [(f"2023-03-0{d}", "5, 6 and 7 March") for d in (5, 6, 7)],
    ),
    ("Updated 2023-09-24.", [("2023-09-24", "2023-09-24")]),
    ("It opens on Tuesday, 4 June 2019.", [("2019-06-04", "4 June 2019")]),
    ("It met on 24.09.2023 at night.", [("2023-09-24", "24.09.2023")]),
    ("The Rambouillet Accords (1999) failed.", [("1999", "1999")]),
    ("Growth was 4 per cent in Q3 2023.", [("2023", "Q3 2023")]),
    ("It happened in September last year.", [("2022-09", "in September last year")]),
]


@pytest.mark.parametrize(("text", "expected"), DATE_FORMS, ids=[d[0] for d in DATE_FORMS])
def test_date_forms(text, expected):
    assert dates(text) == expected


DATE_TRAPS = [
    "Security Council resolution 1244 remains the framework.",
    "Paragraph 12 of the agreement and Article 5 of the treaty.",
    "The Council recalled resolution 2046 (2012) and resolution 1244 (1999).",
    "We will continue to support the dialogue, we said.",
    "Both parties may request an extension. May I add something?",
    "Supporters will march through the city; thousands joined the March for Peace.",
    "Former Prime Minister Theresa May visited.",
    "The march started at 14:00 and the briefing at 10.30 a.m.",
    "The crossing was closed for 24 hours after two years of talks.",
    "The Alliance has 1,999 troops; more than 4000 people and some 2,000 police came.",
    "In 2000 cases the court ruled within a month.",
    "The situation is calm now, the mayor said today.",
    "Last week the minister met the envoy; yesterday she met the mayor.",
    "On Wednesday, the envoy met both negotiators.",
    "In the 1990s, hundreds of thousands fled.",
    "For details call +383 38 200 1999 or see page 112.",
]


@pytest.mark.parametrize("text", DATE_TRAPS)
def test_date_traps(text):
    assert find_dates(text, "2023-11-11") == []


@pytest.mark.parametrize(
    ("text", "reference", "expected"),
    [
        # The reference year, when that is at most about two months ahead.
        ("It was signed on 24 September.", "2023-11-11", "2023-09-24"),
        ("Talks will start on February 5.", "2024-01-20", "2024-02-05"),
        ("They are to be sworn in on 22 March.", "2021-03-03", "2021-03-22"),
        # Otherwise last year: news speaks of the past.
        ("The mayors took office on 29 May.", "2024-01-20", "2023-05-29"),
        ("Roads have been blocked since December.", "2022-05-05", "2021-12"),
        # Unless the clause or the preposition speaks of the future.
        ("Early elections will be held on 9 February.", "2024-12-20", "2025-02-09"),
        ("The vote was postponed to April.", "2022-12-12", "2023-04"),
        ("The appeal runs until December.", "2019-06-04", "2019-12"),
        # A 29 February that does not exist in the year chosen is no date.
        ("A meeting on 29 February.", "2023-05-01", None),
    ],
)
def test_year_less_dates_take_the_reference_year(text, reference, expected):
    found = [m.date for m in find_dates(text, reference)]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        ("24 September 2023", "day"),
        ("September 2023", "month"),
        ("in 2023", "year"),
        ("mid-September", "month"),
    ],
)
def test_dates_keep_the_precision_written(text, precision):
    (m,) = find_dates(text, "2023-11-11")
    assert {10: "day", 7: "month", 4: "year"}[len(m.date)] == precision


def test_date_mentions_carry_span_and_sentence():
    text = "Intro.  Kosovo declared\nindependence on 17 February 2008. Then more."
    (m,) = find_dates(text, "2023-11-11")
    assert m == DateMention(
        "2008-02-17",
        "17 February 2008",
        text.index("17"),
        text.index("2008") + 4,
        "Kosovo declared independence on 17 February 2008.",
    )


def test_partial_reference_stands_for_the_end_of_its_period():
    assert [m.date for m in find_dates("It happened on 24 September.", "2023")] == ["2023-09-24"]


# ------------------------------------------------------------------------------ datelines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("date 2023-11-11\ntitle: Readout\n\nThe Secretary spoke.", "2023-11-11"),
        (" date 2023-11-11 In a recent conversation, the Secretary spoke.", "2023-11-11"),
        ("Readout\nWashington, March 3, 2021\n\nThe Secretary spoke.", "2021-03-03"),
        ("12 April 2019\n\nNATO Secretary General meets President.", "2019-04-12"),
        ("BRUSSELS, 5 May 2022 – The European Union said today ...", "2022-05-05"),
        ("March 3, 2021\nStatement", "2021-03-03"),
        ("2021-03-03\nStatement by the Spokesperson", "2021-03-03"),
        ("Tuesday, 4 June 2019\n\nGENEVA – The agencies ...", "2019-06-04"),
        ("Press release 17 June 2022\nTitle", "2022-06-17"),
        ("Published: 2024-03-15 10:32\n\nText.", "2024-03-15"),
        ("PRISTINA, 15.03.2024\n\nThe government ...", "2024-03-15"),
        ("Posted on 12 February 2024 by the Press Office\n\nText.", "2024-02-12"),
        ("March 2024\nNewsletter of the Office", "2024-03"),
        ("A long dispute\n\nThe war ended in 1999. On 17 February 2008 Kosovo declared it.", None),
        ("Barricades stay up\n\nPRISTINA, Kosovo (AP) — Serbs kept barricades on Monday.", None),
    ],
)
def test_dateline(text, expected):
    found = find_dateline(text)
    if expected is None:
        assert found is None
    else:
        assert found is not None
        date, start, end = found
        assert date == expected
        assert text[start:end].strip() and text[start:end] in text.splitlines()[
            text.count("\n", 0, start)
        ]


def test_dateline_only_in_the_first_fifteen_lines():
    assert find_dateline("line\n" * 15 + "12 April 2019\n") is None
    assert find_dateline("line\n" * 14 + "12 April 2019\n") == ("2019-04-12", 70, 83)


# ------------------------------------------------------------------------------ robustness


@pytest.mark.parametrize(
    "text",
    [
        "",
        "(" * 5000,
        ")" * 5000 + "(" * 5000,
        "A" * 20000,
        "(KFOR) " * 2000,
        "In " * 3000 + "1999",
        ", or the " * 2000,
        "1, " * 3000 + "and 2 March",
        ("the UN refugee agency, UNHCR, " * 500),
        "\n" * 5000,
        "5 May 2022 and " * 2000,
        "KFOR, or the " + "word " * 20000,
    ],
    ids=[
        "empty", "opens", "closes", "capitals", "parentheses", "time words", "or", "days",
        "appositives", "newlines", "dates on one line", "no punctuation",
    ],
)
def test_hostile_text_is_handled(text):
    """Each finder ends on texts made to make a pattern backtrack (how fast is measured in
    benchmarks; here an alarm only turns a hang into a failure)."""

    def hung(signum: int, frame: object) -> None:
        raise AssertionError("a finder did not end within a minute")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        for mention in find_dates(text, "2023-11-11"):
            assert text[mention.start : mention.end] == mention.text
        for definition in find_acronyms(text):
            assert 0 <= definition.start < definition.end <= len(text)
        find_dateline(text)
        split_sentences(text)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------------------------ the corpus


def test_corpus_scores():
    bench = _benchmark()
    items = bench.load_corpus()
    result = bench.score(items, bench.brief_pairs, bench.brief_dates)
    acronyms, found_dates = result["acronyms"]["all"], result["dates"]["all"]
    assert acronyms["precision"] >= 0.95 and acronyms["recall"] >= 0.95, acronyms
    assert found_dates["precision"] >= 0.9 and found_dates["recall"] >= 0.9, found_dates
    datelines = bench.score_datelines(items)
    assert datelines["right"] >= 0.9 * datelines["items"], datelines["failures"]
    traps = [i for i in items if i["form"].startswith("trap")]
    assert len(traps) >= 60
    assert sum(len(i["pairs"]) for i in items if "pairs" in i) >= 150
    assert sum(len(i["dates"]) for i in items if "dates" in i) >= 150
