"""The dated happenings of an article, each with the date of the clause that carries it
and a title that names what happened.

`article_events` reads an article sentence by sentence. A date counts for the clause it
stands in, not for the sentence: in "Blinken and Sandu discussed Russia's attempts ...,
including the energy blackmail that followed Gazprom's cuts in gas supplies in October
2022" the year is background to the discussion, and gives no event. Dates come from
`datefinder.find_dates` (written dates) and from the relative words of news ("today",
"yesterday", "on Monday", "last month", "the following year"), resolved against the
article's date, or against the date told before ("the same day", "two days later"; see
`relative`); "resolution 1244 (1999)" dates the adoption of that resolution, once per
article. A year inside a name ("The 2024 Chad Refugee Response Plan") is no date; a span
("since 2014", "until 31 July 2024", "as of 7 February") is no happening.

A title is made from the clause, as a headline is written: its subject (a person's
surname for "Secretary of State Antony J. Blinken", an acronym for a long name defined in
the text), its verb in the present tense where it is a known one ("discussed" ->
"discuss"), and what follows, up to about ten words, without the date, never ending on a
dangling word. A date that names a happening ("the violent events of September 24", "the
September 24 attack on the Kosovo Police") gives that noun phrase, completed by what the
text says the happening did ("in which a police officer was killed" -> "... kills a
police officer"). The clauses and their titles are read by `clauses`. Where no subject
and verb can be found, there is no event: a gap is better than a false fact. Pure: no
file, no printing.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import NamedTuple

from briefcli.authoring.clauses import (
    SUBORDINATORS,
    Words,
    as_title,
    clause_after,
    completed,
    left_boundary,
    nominal_title,
    right_boundary,
    span_words,
    verbal_title,
    words_of,
)
from briefcli.authoring.datefinder import DateMention, find_dates
from briefcli.authoring.relative import (
    anaphoric_dates,
    counted_from,
    relative_dates,
    weekday_before,
)
from briefcli.authoring.sentences import collapse, split_sentences
from briefcli.authoring.titles import (
    AUX_PERFECT,
    BACKGROUND,
    COPULAS,
    DETERMINERS,
    EVENT_NOUNS,
    IRREGULAR,
    MODALS,
    REPORTING,
    WORD,
    bare,
    finish,
    is_finite_word,
    is_verb,
    short_subject,
    subject_person,
)

__all__ = ["DraftEvent", "article_events", "lead_title", "relative_dates"]


class DraftEvent(NamedTuple):
    """An event found in a text: its date (YYYY, YYYY-MM or YYYY-MM-DD), its end when
    the text gives a range, its title, and the sentence it came from."""

    date: str
    title: str
    sentence: str
    end: str | None = None
    relative: bool = False
    # The words that describe the happening (its clause, and the sentence that completes
    # it): what its entities are read from; "" for the whole sentence.
    context: str = ""
    # A summary when the sentence is about something else ("These events included ...");
    # "" for the sentence.
    summary: str = ""


class _Anchor(NamedTuple):
    """A date in a sentence: its value, its span in the sentence, and the words before it
    that introduce it ("on", "in", "since")."""

    date: str
    start: int
    end: int
    lead: str
    relative: bool
    end_date: str | None = None


# ------------------------------------------------------------------------------ the article

_RESOLUTION = re.compile(
    r"(?P<body>(?:(?:Security Council|General Assembly)\s+)?)[Rr]esolutions?\s+"
    r"(?P<number>\d{1,5}(?:/\d{1,4})?)\s+\((?P<year>(?:19|20)\d\d)\)"
)
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|and|-|–|—)\s*")
_RANGE_OPEN = re.compile(r"\b(?i:from|between)\s+$")
_NO_EVENT_LEADS = ("since", "until", "till", "throughout", "by", "for")
_SPAN_WORDS = frozenset(["since", "until", "till", "throughout", "by", "beyond"])


_FUTURE_CLAUSE = re.compile(
    r"\b(?i:will|shall|would|is\s+to|are\s+to|scheduled|planned|expected|due|upcoming|"
    r"next|plans?|intends?|aims?|forthcoming|preparations?|preparing|prepare)\b"
)
_PAST = re.compile(r"\b(?:was|were|had|\w{3,}ed|" + "|".join(IRREGULAR) + r")\b")


def _ahead_of(date: str, reference: str) -> bool:
    """Whether a date lies after the article's date (compared at its precision)."""
    return date[: len(reference)] > reference[: len(date)]


def _anchors(sentence: str, reference: str, last_year: int | None,
             previous: str | None = None, story_year: int | None = None,
             stay: tuple[str, str] | None = None) -> list[_Anchor]:
    """The dates of a sentence that may date a happening, in order; `previous` is the
    date of the happening told last before the sentence, which "the same day" or "two days
    later" count from; `story_year`, when given, is the year of dates written without
    one; `stay`, the first and last days of the range of days told last ("visited the
    region from 3 to 5 June"), which "on the second day" counts from."""
    mentions: list[DateMention] = find_dates(sentence, reference) if any(
        c.isdigit() for c in sentence
    ) or re.search(r"\b[A-Z][a-z]{2}", sentence) else []
    anchors: list[_Anchor] = []
    by_span: dict[tuple[int, int], list[str]] = {}
    for mention in mentions:
        by_span.setdefault((mention.start, mention.end), []).append(mention.date)
    spans = sorted(by_span)
    merged: list[tuple[int, int, str, str | None]] = []
    for start, end in spans:
        dates = by_span[(start, end)]
        text = sentence[start:end]
        if merged and _RANGE_JOIN.fullmatch(sentence, merged[-1][1], start) and (
            _RANGE_OPEN.search(sentence, max(0, merged[-1][0] - 9), merged[-1][0])
            or sentence[merged[-1][0] :].casefold().startswith(("from", "between"))
        ):
            # "from 2007 to 2008": the end of a range, even a bare year.
            first = merged.pop()
            merged.append((first[0], end, first[2], dates[-1]))
            continue
        if re.fullmatch(r"\(?(?:1[89]|20)\d\d\)?", text.strip()):
            continue  # "the 2024 Chad Refugee Response Plan", "Accords (1999)"
        merged.append((start, end, dates[0], dates[-1] if len(dates) > 1 else None))
    relatives = relative_dates(sentence, reference, last_year)
    bounds = sorted([*(m[:2] for m in merged), *((r[1], r[2]) for r in relatives)])
    for start, end, date, end_date in merged:
        lead = sentence[start:end].split()[0].casefold()
        yearless = not re.search(r"(?:1[89]|20)\d\d", sentence[start:end])
        # The words of this date's clause: from the date before it to the date after it
        # ("spoke today with Ruto to discuss his visit on May 23": "spoke" is today's).
        own_lo = max([b[1] for b in bounds if b[1] <= start], default=0)
        own_hi = min([b[0] for b in bounds if b[0] >= end], default=len(sentence))
        if story_year is not None and yearless and end_date is None:
            # "... withdrew on 20 March 1999. The Agreement was signed on 9 June": in a
            # text without a date of its own, the year the story named last.
            date = f"{story_year:04d}{date[4:]}"
        elif _ahead_of(date, reference) and yearless \
                and not _FUTURE_CLAUSE.search(sentence) \
                and _PAST.search(sentence, own_lo, own_hi):
            # "The government fell in March" in a February article: last March.
            date = f"{int(date[:4]) - 1:04d}{date[4:]}"
        clock = _CLOCK.match(sentence, end)
        if clock:
            end = clock.end()  # "On 6 March at about 17:00, an aid convoy ..."
        weekday = weekday_before(sentence, start)
        if weekday is not None:
            # "on Monday (29 April)": one date, its words from the weekday on.
            start = max(0, start - 32) + weekday.start()
        anchors.append(_Anchor(date, start, end, lead, False, end_date))
    night: int | None = None
    for n, (date, start, end) in enumerate(relatives):
        later = relatives[n + 1] if n + 1 < len(relatives) else None
        if later is not None and later[0] > date and _NIGHT_AND.fullmatch(
                sentence, start, later[1]):
            night = start  # "Last night and this morning, Russia launched ...": today's
            continue
        start, night = (start if night is None else night), None
        if not any(a.start < end and start < a.end for a in anchors):
            anchors.append(_Anchor(date, start, end, "", True))
    anchors.sort(key=lambda a: a.start)
    for start, end, unit, amount in anaphoric_dates(sentence):
        if any(a.start < end and start < a.end for a in anchors):
            continue
        # Counted from the last date before it, in the sentence or before it.
        before = [a for a in anchors if a.end <= start and not _is_span(sentence, a)]
        since = before[-1].date if before else previous
        lead = ""
        if unit == "stay":
            if stay is None:
                continue
            opens, closes = (_dt.date.fromisoformat(d) for d in stay)
            got = closes if amount < 0 else opens + _dt.timedelta(days=amount)
            if got <= closes:
                anchors.append(_Anchor(got.isoformat(), start, end, "", True))
                anchors.sort(key=lambda a: a.start)
            continue
        if unit == "clause":
            # "vetoed the law on 18 May, four days after Parliament adopted it": counted
            # from a date written in this sentence, and dating the clause after it; not
            # from "said on Wednesday ..., a day after ...", a saying's day
            since = before[-1].date if before and (not before[-1].relative or not any(
                bare(word) in REPORTING for word in sentence[: before[-1].start].split()
            )) else None
            if not before and _CAME.search(sentence, 0, start):
                # "The vote came a week after the Committee approved the draft": counted
                # from the happening told before, or the article's own
                since = previous or (reference if len(reference) == 10 else None)
            lead = _COUNTED_CLAUSE
        counted = counted_from(since, unit, amount)
        if counted is not None:
            anchors.append(_Anchor(counted, start, end, lead, True))
            anchors.sort(key=lambda a: a.start)
    return anchors


# "The vote came a week after ...": the sentence's subject is a happening told already.
_CAME = re.compile(r"^(?:The|This|That|It|Its|Their|His|Her)\b[^,;]{0,40}?\b"
                   r"(?:came|comes|followed|follows)\s+(?:just\s+|only\s+)?$")
# The lead of a date counted before a clause ("four days after Parliament adopted it").
_COUNTED_CLAUSE = "counted-clause"
# "last night and this morning", "overnight and today": one happening that ran into the
# day of the article, dated by it.
_NIGHT_AND = re.compile(r"(?i:last\s+night|yesterday\s+evening)\s+(?:and|into)\s+")
# A time after a date: "on 6 March at about 17:00", "6 February, 04:17 local time".
_CLOCK = re.compile(
    r"(?:\s*,)?\s+(?:at\s+)?(?:about\s+|around\s+|approximately\s+)?\d{1,2}[:.]\d\d"
    r"(?:\s*(?:hrs|h|[ap]\.?m\.?|local\s+time|GMT|UTC|CET))?\b\.?"
)
# "fallen from about 50,000 in 1999 to some 4,500 today": a number at a date, no
# happening of it.
_COUNT_AT = re.compile(
    r"\b(?i:from|to)\s+(?:(?i:about|some|around|nearly|almost|over|under|more\s+than|"
    r"fewer\s+than|less\s+than)\s+)?\d[\d,.]*(?:\s+(?:million|billion|per\s+cent|percent|%))?"
    r"(?:\s+[a-z]+)?\s+(?:(?i:in|on)\s+)?$"
)
# "In the 24 hours to 7 March, 86 people were killed": the end of a period counted.
_PERIOD_TO = re.compile(r"(?i:hours|days|weeks?|months|period|year)\s+(?:up\s+)?to\s+$")


def _background(w: Words, anchor: _Anchor) -> bool:
    """A date in a clause that tells what came before ("..., after an explosive device
    damaged the canal on the night of 1 to 2 February"): not the day "later that day" in
    the next sentence means."""
    i, _ = span_words(w, anchor.start, anchor.end)
    return i < len(w.words) and left_boundary(w.words, i)[1] in ("after", "following", "since")


def _is_span(sentence: str, anchor: _Anchor) -> bool:
    """A date that bounds a span ("since 2014", "until 31 July 2024", "visa-free travel
    from 1 January 2024" without an end, "unless talks resume before 15 November"), the
    years a thing is for ("the National Development Plan for 2024-2026", "the budget for
    2024"), or the date of a count ("from about 50,000 in 1999"): no happening's."""
    before = sentence[max(0, anchor.start - 12) : anchor.start].split()
    return anchor.lead in _NO_EVENT_LEADS or bool(before) and bare(before[-1]) in _SPAN_WORDS \
        or bool(before) and bare(before[-1]) == "from" and anchor.end_date is None \
        or bool(before) and bare(before[-1]) in ("before", "after") \
        or bool(before) and bare(before[-1]) == "for" and len(anchor.date) == 4 \
        or _COUNT_AT.search(sentence, max(0, anchor.start - 60), anchor.start) is not None \
        or [bare(w) for w in before[-2:]] in (["as", "of"], ["as", "at"]) \
        or _PERIOD_TO.search(sentence, max(0, anchor.start - 20), anchor.start) is not None


# Nouns of a document: "the report of 12 March (S/2024/123)", "its conclusions of 12
# December 2023", "the conclusions of the European Council of June 2023". A date after
# "of" that names such a document refers to a text, not to a happening.
_DOCUMENTS = frozenset([
    "report", "reports", "conclusions", "letter", "letters", "note", "notes", "resolution",
    "communication", "memorandum", "statement", "statements", "recommendation", "opinion",
])
# "Today marks 25 years since ...", "This year is the 30th anniversary of ...": no
# happening of the day, an anniversary of one.
_ANNIVERSARY = re.compile(
    r"(?i)\b(?:today|this\s+(?:year|week|month|day))\s+(?:marks|is|commemorates)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}(?:years?|months?|decades?|anniversary)\b"
)
# Verbs of what a text says, beside the reporting ones: "In his report of 12 March, the
# Secretary-General welcomed ...".
_STANCE = frozenset(["welcomed", "expressed", "highlighted", "observed", "concluded",
                     "found", "recommended", "called", "encouraged", "regretted",
                     "acknowledged", "described", "outlined", "suggested", "indicated"])
# A negated clause tells what did not happen: "A meeting planned for April 2020 did not
# take place", "Serbia would never recognize the declaration of 2008".
_NEGATION = re.compile(r"(?i)\b(?:not|never|cannot|no\s+longer)\b|n[’']t\b")
_PAST_VERB = re.compile(r"(?:\w{3,}ed|" + "|".join(IRREGULAR) + r")")


# A page's own names: "This press release was issued on 12 March 2024".
_PAGES = frozenset(["release", "page", "document", "article", "update", "bulletin",
                    "edition", "version", "factsheet", "story", "news"])
# The verb of a document's issue before its date: "the report was published on".
_ISSUED = re.compile(r"\b(?:published|issued|released|circulated)\s+(?:(?:on|in)\s+)?$")


def _negated(title: str) -> bool:
    """Whether a title says that its happening did not happen: a negation before any
    reporting verb ("Meeting did not take place"), not one inside what was said ("X says
    it will not attend")."""
    words = [bare(w) for w in title.split()]
    for word in words:
        if word in REPORTING:
            return False
        if _NEGATION.fullmatch(word) or word.endswith(("n't", "n’t")):
            return True
    return False


def _refers(w: Words, sentence: str, anchor: _Anchor) -> bool:
    """Whether a date dates no happening of the sentence: a document's ("recalls its
    conclusions of 12 December 2023", "the report of 12 March (S/2024/123)"; not "In its
    resolution of 23 May 2024, the General Assembly designated ...", whose happening is
    the clause after it, nor "the conclusions of ... 15 December 2023, which decided
    ..."), a date named as a thing ("designated 11 July as the International Day"), or
    the day of an anniversary ("Today marks 25 years since ...")."""
    words = w.words
    i, j = span_words(w, anchor.start, anchor.end)
    if i >= j:
        return False
    if anchor.relative and _ANNIVERSARY.search(sentence):
        return True
    if j < len(words) and bare(words[j]) == "as" and i and not words[i - 1].endswith(",") \
            and bare(words[i - 1]) not in ("on", "in", "of", "at", "by", "for", "from",
                                           "since", "until", "and", "or", "to"):
        return True  # "designated 11 July as the International Day"
    if not (i >= 2 and bare(words[i - 1]) == "of"):
        return False
    for k in range(i - 2, max(-1, i - 8), -1):
        if words[k].endswith((",", ";")) or is_finite_word(words, k) or (
            bare(words[k]) not in _DOCUMENTS
            and bare(words[k]) in EVENT_NOUNS | {"at", "in", "on", "by", "for", "with", "to"}
        ):
            return False  # "the recommendation at its meeting of 15 December": a meeting's
        if bare(words[k]) in _DOCUMENTS:
            if k <= 2 and bare(words[0]) in ("in", "by", "under", "through"):
                # "In its resolution of 23 May 2024, the Assembly decided": an act told
                # by the text; not "In his report of 12 March, the Secretary-General
                # noted progress": what the text says, no happening
                verb = next((m for m in range(j, len(words)) if is_finite_word(words, m)
                             and bare(words[m]) not in COPULAS | AUX_PERFECT | MODALS), None)
                return verb is not None and bare(words[verb]) in REPORTING | _STANCE
            after = sentence[anchor.end : anchor.end + 40]
            after = sentence[anchor.end : anchor.end + 40]
            m = re.match(r"\s*(?:\([^)]*\))?\s*,\s*(?:which|that)\s+(\w+)", after)
            return not (m and _PAST_VERB.fullmatch(m.group(1)))
    return False


def _dates_resolution(sentence: str, anchor: _Anchor, start: int, end: int) -> bool:
    """Whether a date of a resolution's year dates its adoption: "resolution 2720 (2023),
    adopted on 22 December", "resolution 2428 (2018) on 13 July 2018", "On 22 December
    2023, the Council adopted resolution 2720 (2023)"; not "resolution 2231 (2015), in which
    the Council endorsed the Plan agreed on 14 July 2015"."""
    if anchor.start >= end:
        return not re.search(r"\b(?:which|that|who|whereby|endorsed|welcomed)\b",
                             sentence[end : anchor.start])
    return 0 <= start - anchor.end <= 60 and bool(
        re.search(r"\badopt", sentence[anchor.end : start]))


def article_events(
    paragraphs: list[str], reference: str, headline: str | None = None,
    dateline: bool = False,
) -> list[DraftEvent]:
    """The events of an article's paragraphs, in text order (see the module's
    docstring); `reference` is the article's date, `headline` its headline (the title
    of its own happening when the sentence that dates it gives none). With `dateline`
    (the date is the article's own), a release that reports in the past tense without
    a date ("The Council adopted conclusions on ...") has its first sentence's happening
    dated by the dateline."""
    events: list[DraftEvent] = []
    seen: set[tuple[str, str]] = set()
    resolutions: set[str] = set()
    last_year: int | None = None
    previous: str | None = None
    stay: tuple[str, str] | None = None  # the days of the range told last
    person: str | None = None  # the surname "he" or "she" stands for
    people: set[str] = set()
    own = False
    day = reference if len(reference) == 10 else None

    told: list[int] = []  # the paragraph of each event

    def add(event: DraftEvent) -> None:
        nonlocal own
        key = (event.date, event.title.casefold())
        if headline is not None and event.title == headline and _TODAYS.search(
            event.sentence
        ) and any(other.date == event.date and other.relative for other in events):
            # "During today's call, ...": the day's happening, told already; not "Later
            # that day, they held a press conference", another one
            return
        if event.title and key not in seen and not _PUBLICATION.search(event.sentence) and not (
            # a happening told again is told in another paragraph (a highlight, then the
            # overview); in one paragraph, two sentences tell two ("Campbell travels to
            # Sarajevo", then "Later that day, Campbell meets students in Sarajevo")
            any(_same(event, other, at != paragraph_at or other.sentence == event.sentence)
                for other, at in zip(events, told, strict=True))
        ) and not _negated(event.title):
            seen.add(key)
            events.append(event)
            told.append(paragraph_at)
            if event.date == day and event.relative:
                own = True

    paragraph_at = -1
    for paragraph in paragraphs:
        paragraph_at += 1
        previous = None  # "the same day" counts from a date of its own paragraph
        sentences = [collapse(s.text) for s in split_sentences(paragraph)]
        for n, sentence in enumerate(sentences):
            following = sentences[n + 1] if n + 1 < len(sentences) else ""
            anchors = _anchors(sentence, reference, last_year, previous,
                               None if dateline else last_year, stay)
            w = words_of(sentence)
            for anchor in anchors:
                if not anchor.relative and re.match(r"\d{4}", anchor.date):
                    last_year = int((anchor.end_date or anchor.date)[:4])  # a range: its end
                if not _is_span(sentence, anchor) and not _background(w, anchor) \
                        and not _refers(w, sentence, anchor):
                    previous = anchor.date
                if anchor.end_date is not None and len(anchor.date) == 10 \
                        and len(anchor.end_date) == 10 and anchor.end_date > anchor.date:
                    stay = (anchor.date, anchor.end_date)
            dating: set[int] = set()  # the anchors that dated an event
            for n_anchor, anchor in enumerate(anchors):
                event = _event_of(w, sentence, anchor, anchors, following, headline, day,
                                  person)
                if event is not None:
                    add(event)
                    dating.add(n_anchor)
            person = subject_person(w.words, person, people)
            for m in _RESOLUTION.finditer(sentence):
                number = m["number"]
                if number in resolutions:
                    continue
                resolutions.add(number)
                precise = [(k, a) for k, a in enumerate(anchors) if a.date[:4] == m["year"]
                           and not a.relative and _dates_resolution(sentence, a, m.start(),
                                                                    m.end())]
                if any(k in dating for k, _ in precise) or (
                    (any(a.relative for a in anchors) or own and m["year"] == reference[:4])
                    and re.search(r"\b[Aa]dopt", sentence[: m.start()])
                ):
                    # "Adopting resolution 2731 (2024) by 13 votes" after "The Council
                    # today renewed ...": today's happening, dated already.
                    continue  # its adoption is dated more precisely by the sentence
                body = m["body"].strip()
                title = f"{body} adopts resolution {number}" if body else (
                    f"Resolution {number} adopted"
                )
                # "resolution 1244 (1999) of 10 June 1999": its adoption's day, which
                # dates no other happening of the sentence
                add(DraftEvent(precise[0][1].date if precise else m["year"], title, sentence))
    if dateline and day is not None and not own and paragraphs:
        lead = _lead_event(paragraphs[0], day)
        if lead is not None and (headline is None or _stems(lead.title) & _stems(headline)):
            # A report's first line is its summary, not its news, unless the headline
            # says so too ("Council adopts conclusions ...").
            events.insert(0, lead)
    return events


def _same(event: DraftEvent, other: DraftEvent, apart: bool = True) -> bool:
    """Whether two events of one date tell one happening: their titles open with the same
    word and share another ("Fighting breaks out in Khartoum ...", "Fighting erupts in
    Khartoum and spreads to Darfur"), told `apart` (in two paragraphs, a highlight told
    again in the overview, or in one sentence); or the second names the first's noun
    again ("the operation of 19 September")."""
    if event.date != other.date:
        return False
    first = re.findall(r"[^\W\d_]{4,}", event.title.casefold())[:1]
    again = re.findall(r"[^\W\d_]{4,}", other.title.casefold())[:1]
    head = re.findall(r"[^\W\d_]+", other.title.casefold())[-1:]
    if len(event.date) == 10 and first and head and first[0] == head[0] and (
        head[0] in EVENT_NOUNS and re.search(
            rf"(?i)\bthe\s+{re.escape(head[0])}\s+(?:of|on)\s+\S", event.sentence)
    ):
        # "Azerbaijan's military operation of 19 September" told again as "The operation
        # of 19 September violated ...": one happening.
        return True
    if not apart or not first or not again or first[0][:5] != again[0][:5]:
        return False
    return len(_stems(event.title) & _stems(other.title)) >= 2


def _stems(text: str) -> set[str]:
    """The content words of a text, by their first five letters."""
    return {w[:5] for w in re.findall(r"[^\W\d_]{4,}", text.casefold())} - {"with", "from"}


# "In a recent conversation between A and B, the focus was on the urgent need to X":
# a readout whose main clause names no verb of its own.
_TALK = re.compile(
    r"^(?:In|During)\s+(?:a|an|the|their|his|her)\s+(?:\w+\s+){0,2}?"
    r"(?:conversation|call|meeting|talks|discussion)\s+(?:between|with)\s+"
    r"(?P<who>[^,]{3,120}?),\s+(?:the\s+)?(?:focus|emphasis|discussion)\s+was\s+on\s+"
    r"(?:the\s+)?(?:(?:urgent|pressing|continued|shared)\s+)?need\s+(?:for\s+\w+\s+)?to\s+"
    r"(?P<what>[a-z][\w-]*)\b(?P<rest>[^,;:]*)"
)


def _gerund(verb: str) -> str:
    """"de-escalate" -> "de-escalating", "reduce" -> "reducing", "end" -> "ending"."""
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + "ing"


def _talk_title(main: str) -> str | None:
    """The title of a readout's lead clause "In a conversation between A and B, the focus
    was on the need to X": "A and B discuss X-ing"."""
    m = _TALK.match(main)
    if m is None:
        return None
    who = m["who"]
    if " and " not in who:
        return None  # "a call with the press": not two parties
    subject = short_subject(who.split())
    if not subject or len(subject) > 5:
        return None
    rest = re.split(r"\s+(?=(?:following|after|before|since|amid|as|which|that)\b)",
                    m["rest"].strip())[0]
    title = finish([*subject, "discuss", _gerund(m["what"]), *rest.split()])
    return title if len(title.split()) >= 4 else None


def _main_clause(sentence: str, day: str) -> str | None:
    """The sentence up to its first dated clause when that clause is a subordinate one
    ("... following the violent events of September 24"): the main clause, which has no
    date of its own; the whole sentence when it has no date; None when its main clause
    is dated."""
    anchors = _anchors(sentence, day, None)
    if not anchors:
        return sentence
    w = words_of(sentence)
    i, _ = span_words(w, anchors[0].start, anchors[0].end)
    lo, opener = left_boundary(w.words, i)
    if opener not in SUBORDINATORS or lo < 4:
        return None
    if opener == "as" and (w.words[lo][:1].isupper() or bare(w.words[lo]) in DETERMINERS):
        return None  # "served as Minister ... from 2007": a preposition, no clause
    return " ".join(w.words[: lo - 1]).rstrip(",;")


# Words of a clause whose happening the headline does not stand for: a statement's.
_NOT_HEADLINED = frozenset(["we", "i", "our", "us"])
# Words of a phrase that may open a sentence before its date and its clause.
_OPENING_WORDS = frozenset(["at", "in", "on", "during", "between", "over", "late", "early"])
# The publication's own next issue: "The next Flash Update will be issued on 8 February".
_PUBLICATION = re.compile(
    r"(?i)\b(?:next|following|subsequent)\s+(?:[\w-]+\s+){0,3}?(?:update|report|bulletin|"
    r"edition|sitrep|briefing|issue|newsletter|overview)s?\b.{0,40}?\b(?:will\s+be|to\s+be|"
    r"(?:is|are)\s+(?:expected|scheduled|due|planned)\s+to\s+be)\s+(?:issued|published|"
    r"released|produced|circulated|shared|made\s+available)"
)


def lead_title(paragraph: str, day: str) -> str | None:
    """The title of the happening a release reports in its first sentence (see
    `_lead_event`), whatever the sentence's dates; None when it names none."""
    lead = _lead_event(paragraph, day)
    return lead.title if lead is not None else None


def _lead_event(paragraph: str, day: str) -> DraftEvent | None:
    """The happening a release reports in its first sentence, in the past tense, in a
    main clause without a date of its own (a subordinate clause may carry another date:
    "..., following the violent events of September 24"), dated `day`; None for any
    other first sentence."""
    sentences = split_sentences(paragraph)
    if not sentences:
        return None
    sentence = collapse(sentences[0].text)
    if re.match(r"(?i)(?:these|this|it|they)\b", sentence):
        return None
    main = _main_clause(sentence, day)
    if main is None:
        return None
    talk = _talk_title(main)
    if talk is not None:
        return DraftEvent(day, talk, sentence, None, True, main)
    words = WORD.findall(main)
    verb = next((k for k in range(len(words)) if is_finite_word(words, k)), None)
    if verb is None or bare(words[verb]) in COPULAS | MODALS | AUX_PERFECT | REPORTING or (
        not is_verb(words, verb)
    ):
        return None  # "The EU condemns ...", "The focus was on ...", "X will travel"
    title = verbal_title(words, 0, len(words), "", (0, 0), words)
    context = main if main != sentence else ""
    return DraftEvent(day, title, sentence, None, True, context) if title else None


# "today's call", "at today's briefing": the day's own happening named again.
_TODAYS = re.compile(r"(?i)\btoday['’]s\b")
# A capitalised "-ing" word opening a sentence: "Speaking", "Briefing", "Addressing".
_GERUND = re.compile(r"[A-Z][a-z]{2,}ing")
# "-ing" words that open a phrase of another time or of a topic: "Following the attack
# on 3 May, the Council met" is no meeting of 3 May.
_NOT_GERUNDS = frozenset(["following", "including", "according", "regarding", "concerning",
                          "pending", "notwithstanding", "preceding", "during"])


def _participle_after_noun(words: list[str], k: int) -> bool:
    """Whether word `k` is a participle after a noun with its determiner ("In a statement
    issued on Thursday, ..."), no verb of a clause."""
    return k >= 2 and bare(words[k]).endswith("ed") and bare(words[k - 2]) in DETERMINERS \
        and words[k - 1][:1].islower()


def _event_of(
    w: Words, sentence: str, anchor: _Anchor, anchors: list[_Anchor], following: str,
    headline: str | None, day: str | None, person: str | None = None,
) -> DraftEvent | None:
    words = w.words
    i, j = span_words(w, anchor.start, anchor.end)
    if i >= j:
        return None
    if _is_span(sentence, anchor):
        return None  # "since 2014", "until December", "by the end of 2022": a span;
        # "as of 7 February, 5,000 people were reported dead": a tally
    if _refers(w, sentence, anchor):
        return None  # "recalls its conclusions of 12 December 2023"
    if any(bare(words[k]) in BACKGROUND for k in range(i)):
        return None  # "including the blackmail that followed the cuts of October 2022"
    if i == 0 and j < len(words) and words[j - 1].endswith(":"):
        # A line of a timeline: "15 April 2023: Fighting erupts in Khartoum." Not a
        # line "12 Apr. 2024 - NATO and Ukraine hold ...": a list of other pages' links.
        entry = finish(words[j:])
        if len(entry.split()) >= 3 and entry[:1].isupper():
            return DraftEvent(anchor.date, entry, sentence, anchor.end_date, anchor.relative)
    # The other dates of the sentence are no words of this one's title.
    others = [span_words(w, a.start, a.end) for a in anchors
              if a is not anchor and a.lead != _COUNTED_CLAUSE]
    if anchor.lead == _COUNTED_CLAUSE:
        # "four days after Parliament adopted it in third reading": the clause after it
        lo, hi = clause_after(words, j)
        counted = verbal_title(words, lo, hi, "", (i, j), words, (), person)
        return DraftEvent(anchor.date, counted, sentence, None, True,
                          " ".join(words[lo:hi])) if counted else None
    nominal = nominal_title(words, i, j, words[j:])
    of = i if bare(words[i]) == "of" else i - 1
    if nominal is None and of >= 1 and bare(words[of]) == "of" and not (
        bare(words[0]) in _OPENING_WORDS and not any(is_finite_word(words, k) for k in range(i))
    ) and not is_finite_word(words, of - 1) and bare(words[of - 1]) not in EVENT_NOUNS | {
        "night", "nights", "morning", "mornings", "evening", "evenings", "afternoon",
        "hours", "day", "days", "week", "weekend", "end", "beginning", "start", "middle",
    }:
        # "The Co-Chairs recalled the six-point agreement of 12 August 2008": the date is
        # the noun's, not the verb's; a noun that names no happening gives no event.
        return None
    # "On 17 April and 1 May, the Parliament had adopted ...": dates listed together
    # share the clause after the last of them.
    listed = j
    while (nxt := next((o for o in others if o[0] in (listed, listed + 1)), None)) and (
        nxt[0] == listed + 1 and bare(words[listed]) in ("and", "or", "&")
        or nxt[0] == listed and words[listed - 1].endswith(",")
    ):
        listed = nxt[1]
    if nominal and bare(nominal.split()[-1]) in _DOCUMENTS and i >= 1 and (
        bare(words[i - 1]) in DETERMINERS or words[i - 1].endswith(("'s", "’s"))
    ):
        return None  # "In line with the December 2023 European Council conclusions": a text
    if nominal:
        whole = completed(nominal, following)
        lo, _ = left_boundary(words, i)
        context = " ".join(words[lo : right_boundary(words, j)])
        summary = ""
        if whole != nominal:  # the next sentence says what the happening was
            context, summary = f"{context} {following}", following
        return DraftEvent(anchor.date, whole, sentence, anchor.end_date, anchor.relative,
                          context, summary)
    lo, opener = left_boundary(words, i, {o_i for o_i, _ in others})
    if opener in ("since", "until") and not any(is_finite_word(words, k) for k in range(lo, i)) \
            or bare(words[0]) in ("since", "until") and not any(
                is_finite_word(words, k) for k in range(i)):
        return None  # "Since my previous report, of 30 June 2023, ...": a span's start
    skip_lo = i - 1 if i and bare(words[i - 1]) in ("on", "in", "at", "of", "by", "for",
                                                     "from", "during") else i
    part = re.search(r"(?i)\b(?:on|in|during)\s+the\s+(?:early\s+)?(?:night|morning|evening|"
                     r"afternoon|hours|evenings|nights)\s+of\s*$", " ".join(words[max(0, i - 5):i]))
    if part:
        # "on the night of 1 to 2 February": the words are the date's.
        skip_lo = i - len(part.group().split())
    j_date, j = j, listed
    # "At its meeting of 14-15 December 2023, the European Council decided ...", "In
    # Donetsk region, between the evenings of 4 and 5 March, the SMM recorded ...".
    opening = lo < i and words[j - 1].endswith(",") and (
        bare(words[lo]) in _OPENING_WORDS and opener in ("", ";")
        and not any(is_finite_word(words, k) for k in range(lo, i))
        or bare(words[0]) in _OPENING_WORDS
        and not any(is_finite_word(words, k) and not _participle_after_noun(words, k)
                    for k in range(i))
        # "Briefing the Security Council on Thursday, the Envoy warned ...": a phrase
        # of the main clause's subject, whose verb the date is
        or lo == 0 and _GERUND.fullmatch(words[0]) is not None
        and bare(words[0]) not in _NOT_GERUNDS
        and not any(is_finite_word(words, k) for k in range(i))
    )
    aside = opener == "," and 0 < lo < i and words[j - 1].endswith(",") \
        and bare(words[lo]) in _OPENING_WORDS and left_boundary(words, lo - 1) == (0, "") \
        and not any(is_finite_word(words, k) for k in range(i)) \
        and bare(words[0]) not in _OPENING_WORDS and j < len(words) and is_finite_word(words, j)
    if aside:
        # "The Committee of Ministers, at its meeting on 8 May, took note of the report":
        # a phrase set between the subject and its verb dates the main clause.
        skip_lo, lo, opener = lo, 0, ""
        hi = right_boundary(words, j)
    elif lo == i and words[j - 1].endswith(",") or lo >= skip_lo and (
        j < len(words) and words[j - 1].endswith(",") and lo == skip_lo
    ) or opening:
        # A date opening the sentence ("On 3 July, the World Food Programme began ...",
        # "At its meeting of 14-15 December 2023, the European Council decided ...").
        lo, opener = j, ""
        lo, hi = clause_after(words, j)
    elif words[j - 1].endswith(","):
        hi = j  # ", launched in January, is ...": the clause ends with the date
    else:
        hi = right_boundary(words, j)
    skip = (skip_lo, j)
    j = j_date
    for o_i, _ in others:
        if lo <= o_i < hi and o_i > j:
            hi = min(hi, o_i - 1 if o_i and bare(words[o_i - 1]) in (
                "on", "in", "of", "about", "for") else o_i)
    starts = tuple(o_i - 1 if o_i and bare(words[o_i - 1]) in ("on", "in", "of", "for", "by")
                   else o_i for o_i, _ in others)
    title: str | None = verbal_title(words, lo, hi, opener, skip, words, starts, person)
    if title is None and opener == "," and lo == skip_lo and lo > 0 and not any(
        is_finite_word(words, k) for k in range(lo, hi)
    ):
        # "will travel to Kampala, Uganda, on Sunday to attend ...": the date's phrase
        # after a place set apart by commas belongs to the clause before it.
        for _ in range(3):
            lo, opener = left_boundary(words, lo - 1, {o_i for o_i, _ in others})
            if opener != "," or any(is_finite_word(words, k) for k in range(lo, i)):
                break
        title = verbal_title(words, lo, hi, opener, skip, words, starts, person)
    if title is None and opener == "as" and lo < len(words) and (
        words[lo][:1].isupper() or bare(words[lo]) in DETERMINERS
    ):
        title = as_title(words, lo, hi, skip)
    if title is None and anchor.relative and anchor.date == day and headline and not any(
        bare(w) in _NOT_HEADLINED for w in words[lo:hi]
    ) and not re.search(r"[\"“”]", sentence):
        # "at today's press briefing": the headline says what happened; not "Today we
        # commemorate the victims", nor '"...," Borrell said on Tuesday': a statement's
        # words, not a happening.
        title = headline
    if title is None:
        return None
    if not anchor.relative and _ISSUED.search(
        sentence, max(0, anchor.start - 24), anchor.start
    ) and any(bare(word) in _DOCUMENTS | _PAGES for word in title.split()[:-1]):
        # "whose final report was published on 28 February": an earlier text's issue;
        # not "The following press statement was issued today": the page's own
        return None
    # Its entities are those of the sentence up to the clause's end, not of a clause
    # after it about something else ("... today with X after the attack of 12 May on Y").
    context = " ".join(words[:hi]) if hi < len(words) else ""
    return DraftEvent(anchor.date, title, sentence, anchor.end_date, anchor.relative, context)
