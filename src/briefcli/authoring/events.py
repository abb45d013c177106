"""The dated happenings of an article, each with the date of the clause that carries it
and a title that names what happened.

`article_events` reads an article sentence by sentence. A date counts for the clause it
stands in, not for the sentence: in "Blinken and Sandu discussed Russia's attempts ...,
including the energy blackmail that followed Gazprom's cuts in gas supplies in October
2022" the year is background to the discussion, and gives no event. Dates come from
`datefinder.find_dates` (written dates) and from the relative words of news ("today",
"yesterday", "on Monday", "last month", "the following year"), resolved against the
article's date; "resolution 1244 (1999)" dates the adoption of that resolution, once per
article. A year inside a name ("The 2024 Chad Refugee Response Plan") is no date.

A title is made from the clause, as a headline is written: its subject (a person's
surname for "Secretary of State Antony J. Blinken", an acronym for a long name defined in
the text), its verb in the present tense where it is a known one ("discussed" ->
"discuss"), and what follows, up to about ten words, without the date, never ending on a
dangling word. A date that names a happening ("the violent events of September 24", "the
September 24 attack on the Kosovo Police") gives that noun phrase, completed by what the
text says the happening did ("in which a police officer was killed" -> "... kills a
police officer"). Where no subject and verb can be found, there is no event: a gap is
better than a false fact. Pure: no file, no printing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefcli.authoring.datefinder import DateMention, find_dates
from briefcli.authoring.relative import (
    anaphoric_dates,
    counted_from,
    relative_dates,
    weekday_before,
)
from briefcli.authoring.sentences import collapse, split_sentences
from briefcli.authoring.titles import (
    ADVERBS,
    AUX_PASSIVE,
    AUX_PERFECT,
    BACKGROUND,
    BOUNDARY_WORDS,
    COPULAS,
    DETERMINERS,
    EVENT_NOUNS,
    IRREGULAR,
    MODALS,
    PARTICIPLES,
    REPORTING,
    SUBJECT_PRONOUNS,
    WORD,
    bare,
    finish,
    is_finite_word,
    is_verb,
    object_words,
    plural,
    present,
    short_subject,
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


# ------------------------------------------------------------------------------ clauses


class _Words(NamedTuple):
    words: list[str]
    starts: list[int]


def _words(sentence: str) -> _Words:
    words, starts = [], []
    for m in WORD.finditer(sentence):
        words.append(m.group())
        starts.append(m.start())
    return _Words(words, starts)


def _span_words(w: _Words, start: int, end: int) -> tuple[int, int]:
    """Indexes [i, j) of the words inside [start, end) of the sentence."""
    i = next((k for k, s in enumerate(w.starts) if s >= start), len(w.words))
    j = next((k for k, s in enumerate(w.starts) if s >= end), len(w.words))
    return i, j


def _left_boundary(words: list[str], i: int, dates: set[int] | None = None) -> tuple[int, str]:
    """Where the clause holding word `i` starts, and the word or mark that opens it; a
    word that opens another date (`dates`: where the sentence's other dates start) opens
    no clause ("prolonged the sanctions until 31 July 2024 on 29 January 2024")."""
    k = i - 1
    while k >= 0:
        low = bare(words[k])
        if words[k].endswith((";", ":")) or words[k] in ("–", "—", "-"):
            return k + 1, ";"
        if low in BOUNDARY_WORDS and not (dates and (k in dates or k + 1 in dates)):
            return k + 1, low
        if low == "and" and k + 1 < len(words) and is_finite_word(words, k + 1):
            return k + 1, "and"
        if words[k].endswith(","):
            return k + 1, ","
        k -= 1
    return 0, ""


def _right_boundary(words: list[str], j: int) -> int:
    k = j
    while k < len(words):
        low = bare(words[k])
        if low in BOUNDARY_WORDS or words[k] in ("–", "—"):
            return k
        if low == "and" and k + 1 < len(words) and is_finite_word(words, k + 1):
            return k
        if words[k].endswith((",", ";", ":")):
            return k + 1
        k += 1
    return len(words)


def _clause_after(words: list[str], j: int) -> tuple[int, int]:
    """The clause after a date that opens the sentence: [lo, hi) of its words. A phrase
    without a verb right after the date is left out ("In March 2022, following Russia's
    invasion of Ukraine, EUFOR deployed ..."), and commas before the verb do not end it
    ("On Monday, the Prime Minister of Kosovo, Albin Kurti, met ...")."""
    lo = j
    if j < len(words) and bare(words[j]) in _SUBORDINATORS | {"despite", "amid"}:
        comma = next((k for k in range(j, min(j + 12, len(words))) if words[k].endswith(",")),
                     None)
        if comma is not None and not any(is_finite_word(words, k) for k in range(j, comma + 1)):
            lo = comma + 1
    verb = False
    for k in range(lo, len(words)):
        low = bare(words[k])
        if words[k] in ("–", "—"):
            return lo, k
        if words[k].endswith((";", ":")):
            return lo, k + 1
        if verb and (low in BOUNDARY_WORDS or low == "and" and k + 1 < len(words)
                     and is_finite_word(words, k + 1)):
            return lo, k
        verb = verb or is_finite_word(words, k)
        if verb and words[k].endswith(","):
            return lo, k + 1
    return lo, len(words)


def _as_title(words: list[str], lo: int, hi: int, skip: tuple[int, int]) -> str | None:
    """The title of a date in a phrase opened by "as" ("Ms. Salvador served as Minister
    ... from 2007 to 2008 and as Permanent Representative ... from 2008 to 2010"): the
    subject and verb of the clause before it, and that phrase."""
    verb = next((k for k in range(lo - 2, -1, -1) if is_verb(words, k)), None)
    if verb is None or any(words[k].endswith((";", ":")) for k in range(verb, lo - 1)):
        return None
    start, _ = _left_boundary(words, verb)
    subject = short_subject([w for w in words[start:verb] if bare(w) not in ADVERBS])
    if not subject or len(subject) > 6 or bare(subject[0]) in SUBJECT_PRONOUNS | {"the"}:
        return None
    phrase = [w.rstrip(",;") for k, w in enumerate(words[lo:hi], lo)
              if not skip[0] <= k < skip[1]]
    title = finish([*subject, present(words[verb], plural(subject)), "as", *phrase])
    return title if len(title.split()) >= 4 else None


def _verbal_title(words: list[str], lo: int, hi: int, opener: str,
                  skip: tuple[int, int], sentence_words: list[str],
                  others: tuple[int, ...] = ()) -> str | None:
    """The title of the clause `words[lo:hi]` (the date's words `skip` left out): subject,
    verb, object; None when the clause has no verb or no subject."""
    def kept(k: int) -> bool:
        return not skip[0] <= k < skip[1]

    verbs = [k for k in range(lo, hi) if kept(k) and is_finite_word(words, k)]
    if not verbs:
        return None
    first = next((k for k in range(lo, hi) if kept(k)), lo)
    left = [k for k in verbs if k < skip[0]]
    v = verbs[0]
    participle = False
    subject: list[str] = []
    if len(left) >= 2 and is_verb(words, left[-1]) and bare(words[left[-1] - 1]) not in (
        COPULAS | AUX_PERFECT | MODALS
    ):
        # "reiterated solidarity ... in the face of the aggression launched by Russia
        # [last month]": the date goes with the participle nearest to it.
        phrase = _phrase_before(words, left[-1], left[-2] + 1)
        if phrase is not None:
            v, subject, participle = left[-1], phrase, True
    # Auxiliaries: "was launched", "has crossed", "will travel", "is scheduled".
    main = v
    while main + 1 < hi and bare(words[main]) in (COPULAS | AUX_PERFECT | MODALS) and (
        is_verb(words, main + 1) or bare(words[main + 1]) in PARTICIPLES
        or bare(words[main + 1]) in AUX_PASSIVE
        or (bare(words[main]) in MODALS and words[main + 1][:1].islower())
    ):
        main += 1
    aux = [bare(words[k]) for k in range(v, main)]
    verb = words[main].strip(",.;:")
    if main + 1 < hi and bare(words[main + 1]) in ("not", "never"):
        return None  # "the IAEA has not been able to verify ...": no happening
    if bare(verb) in COPULAS and not aux:
        return None  # "the focus was on ...": no happening
    if not participle:
        subject = [w for k, w in enumerate(words[lo:v], lo) if kept(k)]
    if not subject and opener == ",":
        closes = hi < len(sentence_words) and words[hi - 1].endswith(",") and (
            is_finite_word(sentence_words, hi)
        )
        opens = bare(sentence_words[0]) if sentence_words else ""
        if not closes and opens not in _PREPOSITIONS | {"in", "during", "under", "after"} and (
            not any(is_finite_word(sentence_words, k) for k in range(lo))
        ):
            # "The Minister of ..., Enver Hoxhaj, received today ...": the subject
            # stands before the commas.
            subject = sentence_words[:lo]
        else:
            # ", launched in January," after a name, or ", reached in Brussels ..."
            before = _noun_phrase_before(sentence_words, lo - 1)
            if before is None:
                return None
            subject, participle = before, True
    elif not subject and opener == "and":
        subject = _main_subject(sentence_words, lo)
    elif not subject and opener == "who" and lo >= 2 and sentence_words[lo - 2].endswith(","):
        # "..., Helen La Lime of the United States, who completed her assignment on ...".
        subject = _noun_phrase_before(sentence_words, lo - 2) or []
    elif not subject:
        return None
    while subject and bare(subject[0]) in ("and", "but", "then"):
        subject = subject[1:]  # ", and the EU Special Representative convened ..."
    if subject and bare(subject[0]) in _PREPOSITIONS | {"in", "during", "under", "after"} and (
        not (len(subject) > 1 and bare(subject[1]) in ("least", "most"))
    ):
        return None  # "In its resolution 2720 (2023), adopted ...": no subject
    if not participle and not aux and is_verb(words, v) and (
        main + 1 < hi and bare(words[main + 1]) == "by"
        or any(bare(words[k]) in COPULAS | AUX_PERFECT for k in range(main + 1, hi)
               if kept(k))
        or any(bare(words[k]) in ("the", "a", "an") and bare(words[k - 1]) not in _PREPOSITIONS
               and kept(k - 1) for k in range(max(first + 1, v - 3), v))
    ):
        # "the barricades erected [yesterday] ... were", "the meeting held [this week]":
        # a participle after a noun phrase, not the clause's verb.
        det = max((k for k in range(max(first, v - 4), v) if bare(words[k]) in DETERMINERS),
                  default=None)
        if det is not None and det > first:
            subject = words[det + 1 : v]
        participle = True
    if not subject:
        return None
    if bare(subject[0]) in SUBJECT_PRONOUNS:
        return None
    subject = [w for w in subject if bare(w) not in ADVERBS]
    while subject and bare(subject[0]) in ("and", "but", "then"):
        subject = subject[1:]
    subject = [w.rstrip(",") for w in subject] if participle else short_subject(subject)
    if not subject or len(subject) > 9:
        return None
    reporting = bare(verb) in REPORTING
    stop = hi
    if reporting:
        stop = next((k + 1 for k in range(main + 1, len(words))
                     if words[k].endswith((",", ";", ":"))), len(words))
        # Not into another date's words ("announced that elections would be held [on 2
        # July]"): the reported clause is an event of its own.
        stop = min([stop, *(o for o in others if o > main)])
    rest = [w for k, w in enumerate(words[main + 1 : stop], main + 1) if kept(k)]
    rest = object_words(rest, reporting)
    if not rest and bare(verb) in REPORTING:
        return None  # "Minister Petković said": what was said is not in the clause
    if aux and aux[0] in ("will", "shall", "would") and aux[-1] in AUX_PASSIVE:
        phrase = [*subject, "to", "be", verb, *rest]  # "Session to be held in Skopje"
    elif participle or "been" in aux or aux and aux[-1] in AUX_PASSIVE:
        phrase = [*subject, verb, *rest]  # "Chad Refugee Response Plan launched"
    elif aux and aux[0] in MODALS:
        phrase = [*subject, "to" if aux[0] in ("will", "shall") else aux[0], verb, *rest]
    elif aux and aux[0] in AUX_PERFECT:
        phrase = [*subject, verb, *rest]
    else:
        phrase = [*subject, present(verb, plural(subject)), *rest]
    title = finish(phrase)
    return title if len(title.split()) >= 2 else None


def _phrase_before(words: list[str], v: int, lo: int) -> list[str] | None:
    """The noun phrase a participle follows ("the aggression [launched]"): the words
    after the last determiner before it, at most four."""
    for k in range(v - 1, max(lo, v - 5) - 1, -1):
        if bare(words[k]) in DETERMINERS:
            return words[k + 1 : v] or None
        if words[k].endswith((",", ";")):
            return None
    return None


def _main_subject(words: list[str], upto: int) -> list[str]:
    """The subject of the sentence's first clause (for "..., and agreed X in March")."""
    for k in range(upto):
        if is_finite_word(words, k):
            start = 0
            for m in range(k):
                if words[m].endswith(","):
                    start = m + 1
            return words[start:k]
    return []


def _noun_phrase_before(words: list[str], k: int) -> list[str] | None:
    """The name or noun phrase that ends at word `k` (a comma after it): the run of
    capitalised words ("the First Agreement of Principles ... Relations"), or the words
    after the last determiner."""
    if k < 0:
        return None
    resolution = re.search(r"(?i)\bresolution (\d[\d/]*) \((?:19|20)\d\d\),?$",
                           " ".join(words[max(0, k - 2) : k + 1]))
    if resolution:
        return ["Resolution", resolution.group(1)]  # ", adopted on 22 December,"
    out: list[str] = []
    i = k
    while i >= 0:
        word = words[i].rstrip(",")
        if i != k and (words[i].endswith((",", ";")) or is_finite_word(words, i)):
            break
        if word[:1].isupper() or word in ("of", "the", "and", "for") or word[:1].isdigit():
            out.insert(0, word)
            i -= 1
            continue
        break
    while out and out[0] in ("of", "the", "and", "for"):
        out.pop(0)
    if not out or not out[0][:1].isupper() or len(out) > 10:
        return None
    return out


def _nominal_title(words: list[str], i: int, j: int, after: list[str]) -> str | None:
    """The title of a date that names a happening: "the violent events of [September
    24]", "the violence in the north of Kosovo on [29 May]", "the [September 24] attack
    on the Kosovo Police", completed by "in which a police officer was killed"."""
    phrase: list[str] | None = None
    tail: list[str] = []
    if bare(words[i]) in ("on", "in", "of", "for"):
        i += 1  # "on Thursday": the preposition is the date's
    if i >= 2 and bare(words[i - 1]) in ("of", "on", "in", "for", "from"):
        k = i - 2
        for start in range(k, max(-1, k - 10), -1):
            if words[start].endswith((",", ";")) and start != k or is_finite_word(words, start):
                break
            # "the ..." or "Azerbaijan's military operation", after "after" or "following".
            owner = words[start].endswith(("'s", "’s"))
            opens = bare(words[start]) in _SUBORDINATORS | {"despite"}
            if bare(words[start]) in DETERMINERS or start == 0 or owner or opens:
                first = start + 1 if bare(words[start]) in DETERMINERS or opens else start
                head = words[first : k + 1]
                content = [w for w in head if bare(w) not in DETERMINERS]
                if content and any(bare(w) in EVENT_NOUNS for w in content[:3]):
                    phrase = head
                    break
        # "of 24 September in Banjska": where it happened.
        m = j
        while m + 1 < len(words) and bare(words[m]) in ("in", "near", "at") and (
            words[m + 1][:1].isupper()
        ):
            tail += [words[m], words[m + 1].rstrip(",.;")]
            m += 2
            if words[m - 1].endswith((",", ".", ";")):
                break
        after = words[m:]
    elif i >= 1 and bare(words[i - 1]) in ("the", "a") and j < len(words) and (
        bare(words[j]) in EVENT_NOUNS
    ):
        phrase = []
        for word in words[j:]:
            if is_verb(words, words.index(word)) or bare(word) in BOUNDARY_WORDS:
                break
            phrase.append(word.rstrip(",.;"))
            if word.endswith((",", ".", ";")) or len(phrase) == 14:
                break
    if not phrase:
        return None
    # "the attack of [12 May] on a market in Borno State": what it struck.
    if not tail and phrase and j + 1 < len(words) and bare(words[j]) == "on" and (
        bare(phrase[-1]) in EVENT_NOUNS
    ):
        for k in range(j, min(j + 9, len(words))):
            if k > j and (is_finite_word(words, k) or bare(words[k]) in BOUNDARY_WORDS):
                break
            tail.append(words[k].rstrip(",.;"))
            if words[k].endswith((",", ".", ";")):
                break
    # "The decision of [14 June 2022] to grant candidate status": what it decided.
    if not tail and j + 1 < len(words) and bare(words[j]) == "to" and (
        words[j + 1][:1].islower() and not is_finite_word(words, j + 1)
    ):
        for word in words[j : j + 7]:
            if is_finite_word(words, words.index(word)) or bare(word) in BOUNDARY_WORDS:
                break
            tail.append(word.rstrip(",.;"))
            if word.endswith((",", ".", ";")):
                break
    words_out = [*phrase, *tail]
    killed = re.match(
        r",?\s*in which (?P<who>.{3,60}?) (?:was|were) (?P<what>killed|injured|wounded)",
        " ".join(after),
    )
    if killed:
        verb = {"killed": "kill", "injured": "injure", "wounded": "wound"}[killed["what"]]
        plural = bare(phrase[-1]).endswith("s") if phrase else False
        words_out = [*words_out[:8], verb if plural else verb + "s", *killed["who"].split()]
    title = finish(words_out, 12)
    return title if len(title.split()) >= 2 else None  # "Talks" alone says too little


_DEATH = re.compile(
    r"^(?:These|The|This|Those)\s+(?:events?|attacks?|incidents?|clashes|violence)\s+"
    r"(?:included|caused|resulted in|left)\s+(?:the\s+)?(?:tragic\s+)?deaths?\s+of\s+"
    r"(?P<who>[^,.;]{3,60})"
)


def _completed(title: str, next_sentence: str) -> str:
    """A noun-phrase title completed by the next sentence: "Violent events" + "These
    events included the tragic death of a Kosovo Police Sergeant" -> "Violent events kill
    a Kosovo Police Sergeant"."""
    m = _DEATH.match(next_sentence)
    if not m or " kill" in title:
        return title
    plural = title.split()[-1].lower().endswith("s")
    return finish([*title.split(), "kill" if plural else "kills", *m["who"].split()], 12)


# ------------------------------------------------------------------------------ the article

# "Foreign ministers of the Berlin Process met": a determiner after these is inside the
# subject, not the start of an object a participle follows ("welcomes the meeting held").
_PREPOSITIONS = frozenset(["of", "in", "for", "from", "with", "on", "at", "by", "and"])
_RESOLUTION = re.compile(
    r"(?P<body>(?:(?:Security Council|General Assembly)\s+)?)[Rr]esolutions?\s+"
    r"(?P<number>\d{1,5}(?:/\d{1,4})?)\s+\((?P<year>(?:19|20)\d\d)\)"
)
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|and|-|–|—)\s*")
_RANGE_OPEN = re.compile(r"\b(?i:from|between)\s+$")
_NO_EVENT_LEADS = ("since", "until", "till", "throughout", "by", "for")
_SPAN_WORDS = frozenset(["since", "until", "till", "throughout", "by"])


_FUTURE_CLAUSE = re.compile(
    r"\b(?i:will|shall|would|is\s+to|are\s+to|scheduled|planned|expected|due|upcoming|"
    r"next|plans?|intends?|aims?)\b"
)
_PAST = re.compile(r"\b(?:was|were|had|\w{3,}ed|" + "|".join(IRREGULAR) + r")\b")


def _ahead_of(date: str, reference: str) -> bool:
    """Whether a date lies after the article's date (compared at its precision)."""
    return date[: len(reference)] > reference[: len(date)]


def _anchors(sentence: str, reference: str, last_year: int | None,
             previous: str | None = None, story_year: int | None = None) -> list[_Anchor]:
    """The dates of a sentence that may date a happening, in order; `previous` is the
    date of the happening told last before the sentence, which "the same day" or "two days
    later" count from; `story_year`, when given, is the year of dates written without
    one."""
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
    for start, end, date, end_date in merged:
        lead = sentence[start:end].split()[0].casefold()
        yearless = not re.search(r"(?:1[89]|20)\d\d", sentence[start:end])
        if story_year is not None and yearless and end_date is None:
            # "... withdrew on 20 March 1999. The Agreement was signed on 9 June": in a
            # text without a date of its own, the year the story named last.
            date = f"{story_year:04d}{date[4:]}"
        elif _ahead_of(date, reference) and yearless \
                and not _FUTURE_CLAUSE.search(sentence) and _PAST.search(sentence):
            # "The government fell in March" in a February article: last March.
            date = f"{int(date[:4]) - 1:04d}{date[4:]}"
        weekday = weekday_before(sentence, start)
        if weekday is not None:
            # "on Monday (29 April)": one date, its words from the weekday on.
            start = max(0, start - 32) + weekday.start()
        anchors.append(_Anchor(date, start, end, lead, False, end_date))
    for date, start, end in relative_dates(sentence, reference, last_year):
        if not any(a.start < end and start < a.end for a in anchors):
            anchors.append(_Anchor(date, start, end, "", True))
    anchors.sort(key=lambda a: a.start)
    for start, end, unit, amount in anaphoric_dates(sentence):
        if any(a.start < end and start < a.end for a in anchors):
            continue
        # Counted from the last date before it, in the sentence or before it.
        before = [a for a in anchors if a.end <= start and not _is_span(sentence, a)]
        counted = counted_from(before[-1].date if before else previous, unit, amount)
        if counted is not None:
            anchors.append(_Anchor(counted, start, end, "", True))
            anchors.sort(key=lambda a: a.start)
    return anchors


def _is_span(sentence: str, anchor: _Anchor) -> bool:
    """A date that bounds a span ("since 2014", "until 31 July 2024"): no happening's."""
    before = sentence[max(0, anchor.start - 12) : anchor.start].split()
    return anchor.lead in _NO_EVENT_LEADS or bool(before) and bare(before[-1]) in _SPAN_WORDS \
        or [bare(w) for w in before[-2:]] in (["as", "of"], ["as", "at"])


def _dates_resolution(sentence: str, anchor: _Anchor, start: int, end: int) -> bool:
    """Whether a date of a resolution's year dates its adoption: "resolution 2720 (2023),
    adopted on 22 December", "resolution 2428 (2018) on 13 July 2018", "On 22 December
    2023, the Council adopted resolution 2720 (2023)"; not "resolution 2231 (2015), in which
    the Council endorsed the Plan agreed on 14 July 2015"."""
    if 0 <= anchor.start - end <= 40:
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
    own = False
    day = reference if len(reference) == 10 else None

    def add(event: DraftEvent) -> None:
        nonlocal own
        key = (event.date, event.title.casefold())
        if event.title and key not in seen and not _PUBLICATION.search(event.sentence):
            seen.add(key)
            events.append(event)
            if event.date == day and event.relative:
                own = True

    for paragraph in paragraphs:
        sentences = [collapse(s.text) for s in split_sentences(paragraph)]
        for n, sentence in enumerate(sentences):
            following = sentences[n + 1] if n + 1 < len(sentences) else ""
            anchors = _anchors(sentence, reference, last_year, previous,
                               None if dateline else last_year)
            for anchor in anchors:
                if not anchor.relative and re.match(r"\d{4}", anchor.date):
                    last_year = int(anchor.date[:4])
                if not _is_span(sentence, anchor):
                    previous = anchor.date
            w = _words(sentence)
            for anchor in anchors:
                event = _event_of(w, sentence, anchor, anchors, following, headline, day)
                if event is not None:
                    add(event)
            for m in _RESOLUTION.finditer(sentence):
                number = m["number"]
                if number in resolutions:
                    continue
                resolutions.add(number)
                if any(a.date[:4] == m["year"] and not a.relative and _dates_resolution(
                        sentence, a, m.start(), m.end()) for a in anchors) or (
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
                add(DraftEvent(m["year"], title, sentence))
    if dateline and day is not None and not own and paragraphs:
        lead = _lead_event(paragraphs[0], day)
        if lead is not None and (headline is None or _stems(lead.title) & _stems(headline)):
            # A report's first line is its summary, not its news, unless the headline
            # says so too ("Council adopts conclusions ...").
            events.insert(0, lead)
    return events


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
    w = _words(sentence)
    i, _ = _span_words(w, anchors[0].start, anchors[0].end)
    lo, opener = _left_boundary(w.words, i)
    if opener not in _SUBORDINATORS or lo < 4:
        return None
    if opener == "as" and (w.words[lo][:1].isupper() or bare(w.words[lo]) in DETERMINERS):
        return None  # "served as Minister ... from 2007": a preposition, no clause
    return " ".join(w.words[: lo - 1]).rstrip(",;")


_SUBORDINATORS = frozenset(["following", "after", "before", "amid", "since", "as"])
# Words of a phrase that may open a sentence before its date and its clause.
_OPENING_WORDS = frozenset(["at", "in", "on", "during", "between", "over"])
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
    title = _verbal_title(words, 0, len(words), "", (0, 0), words)
    context = main if main != sentence else ""
    return DraftEvent(day, title, sentence, None, True, context) if title else None


def _event_of(
    w: _Words, sentence: str, anchor: _Anchor, anchors: list[_Anchor], following: str,
    headline: str | None, day: str | None,
) -> DraftEvent | None:
    words = w.words
    i, j = _span_words(w, anchor.start, anchor.end)
    if i >= j:
        return None
    if _is_span(sentence, anchor):
        return None  # "since 2014", "until December", "by the end of 2022": a span;
        # "as of 7 February, 5,000 people were reported dead": a tally
    if any(bare(words[k]) in BACKGROUND for k in range(i)):
        return None  # "including the blackmail that followed the cuts of October 2022"
    # The other dates of the sentence are no words of this one's title.
    others = [_span_words(w, a.start, a.end) for a in anchors if a is not anchor]
    nominal = _nominal_title(words, i, j, words[j:])
    if nominal:
        completed = _completed(nominal, following)
        lo, _ = _left_boundary(words, i)
        context = " ".join(words[lo : _right_boundary(words, j)])
        summary = ""
        if completed != nominal:  # the next sentence says what the happening was
            context, summary = f"{context} {following}", following
        return DraftEvent(anchor.date, completed, sentence, anchor.end_date, anchor.relative,
                          context, summary)
    lo, opener = _left_boundary(words, i, {o_i for o_i, _ in others})
    if opener in ("since", "until") and not any(is_finite_word(words, k) for k in range(lo, i)) \
            or bare(words[0]) in ("since", "until") and not any(
                is_finite_word(words, k) for k in range(i)):
        return None  # "Since my previous report, of 30 June 2023, ...": a span's start
    skip_lo = i - 1 if i and bare(words[i - 1]) in ("on", "in", "at", "of", "by", "for",
                                                     "from", "during") else i
    # "At its meeting of 14-15 December 2023, the European Council decided ...", "In
    # Donetsk region, between the evenings of 4 and 5 March, the SMM recorded ...".
    opening = lo < i and words[j - 1].endswith(",") and (
        bare(words[lo]) in _OPENING_WORDS and opener in ("", ";")
        and not any(is_finite_word(words, k) for k in range(lo, i))
        or bare(words[0]) in _OPENING_WORDS
        and not any(is_finite_word(words, k) for k in range(i))
    )
    if lo == i and words[j - 1].endswith(",") or lo >= skip_lo and (
        j < len(words) and words[j - 1].endswith(",") and lo == skip_lo
    ) or opening:
        # A date opening the sentence ("On 3 July, the World Food Programme began ...",
        # "At its meeting of 14-15 December 2023, the European Council decided ...").
        lo, opener = j, ""
        lo, hi = _clause_after(words, j)
    elif words[j - 1].endswith(","):
        hi = j  # ", launched in January, is ...": the clause ends with the date
    else:
        hi = _right_boundary(words, j)
    skip = (skip_lo, j)
    for o_i, _ in others:
        if lo <= o_i < hi and o_i > j:
            hi = min(hi, o_i - 1 if o_i and bare(words[o_i - 1]) in (
                "on", "in", "of", "about", "for") else o_i)
    starts = tuple(o_i - 1 if o_i and bare(words[o_i - 1]) in ("on", "in", "of", "for", "by")
                   else o_i for o_i, _ in others)
    title: str | None = _verbal_title(words, lo, hi, opener, skip, words, starts)
    if title is None and opener == "," and lo == skip_lo and lo > 0 and not any(
        is_finite_word(words, k) for k in range(lo, hi)
    ):
        # "will travel to Kampala, Uganda, on Sunday to attend ...": the date's phrase
        # after a place set apart by commas belongs to the clause before it.
        for _ in range(3):
            lo, opener = _left_boundary(words, lo - 1, {o_i for o_i, _ in others})
            if opener != "," or any(is_finite_word(words, k) for k in range(lo, i)):
                break
        title = _verbal_title(words, lo, hi, opener, skip, words, starts)
    if title is None and opener == "as" and lo < len(words) and (
        words[lo][:1].isupper() or bare(words[lo]) in DETERMINERS
    ):
        title = _as_title(words, lo, hi, skip)
    if title is None and anchor.relative and anchor.date == day and headline and not any(
        bare(w) in ("we", "i") for w in words[lo:hi]
    ):
        # "at today's press briefing": the headline says what happened; not "Today we
        # commemorate the victims": a statement's words, not a happening.
        title = headline
    if title is None:
        return None
    # Its entities are those of the sentence up to the clause's end, not of a clause
    # after it about something else ("... today with X after the attack of 12 May on Y").
    context = " ".join(words[:hi]) if hi < len(words) else ""
    return DraftEvent(anchor.date, title, sentence, anchor.end_date, anchor.relative, context)
