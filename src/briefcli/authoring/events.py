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

import datetime as _dt
import re
from typing import NamedTuple

from briefcli.authoring.datefinder import DateMention, find_dates
from briefcli.authoring.sentences import collapse, split_sentences

__all__ = ["DraftEvent", "article_events", "relative_dates"]


class DraftEvent(NamedTuple):
    """An event found in a text: its date (YYYY, YYYY-MM or YYYY-MM-DD), its end when
    the text gives a range, its title, and the sentence it came from."""

    date: str
    title: str
    sentence: str
    end: str | None = None
    relative: bool = False


class _Anchor(NamedTuple):
    """A date in a sentence: its value, its span in the sentence, and the words before it
    that introduce it ("on", "in", "since")."""

    date: str
    start: int
    end: int
    lead: str
    relative: bool
    end_date: str | None = None


# ------------------------------------------------------------------------------ relative dates

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_RELATIVE = re.compile(
    r"\b(?:(?P<today>(?:earlier\s+)?today(?:['’]s)?|this\s+(?:morning|afternoon|evening)|"
    r"tonight|this\s+week|earlier\s+this\s+week)"
    r"|(?P<yesterday>yesterday|last\s+night)"
    r"|(?P<tomorrow>tomorrow)"
    r"|(?P<weekday>(?:on|last|this\s+past)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday))"
    r"|(?P<lastmonth>last\s+month|the\s+previous\s+month)"
    r"|(?P<nextmonth>next\s+month)"
    r"|(?P<lastyear>last\s+year|the\s+previous\s+year)"
    r"|(?P<nextyear>next\s+year)"
    r"|(?P<following>the\s+following\s+year|a\s+year\s+later))\b",
    re.IGNORECASE,
)
_FUTURE_WORDS = re.compile(r"\b(?i:will|shall|is\s+to|are\s+to|to\s+be|next|upcoming)\b")


def _month_shift(day: _dt.date, months: int) -> str:
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def relative_dates(
    sentence: str, reference: str, last_year: int | None = None
) -> list[tuple[str, int, int]]:
    """(date, start, end) of each relative expression of `sentence` resolved against the
    article's date `reference` (YYYY-MM-DD, or partial: then only month and year words
    resolve): "today", "this morning", "this week" -> the day itself; "yesterday" and
    "tomorrow"; "on Monday" -> the last Monday up to the day (the next one in a clause
    about the future); "last month", "next month"; "last year", "next year"; "the
    following year" -> the year after `last_year`, the last year the text named."""
    found: list[tuple[str, int, int]] = []
    parts = reference.split("-")
    year = int(parts[0])
    month = int(parts[1]) if len(parts) > 1 else 0
    day = _dt.date(year, month, int(parts[2])) if len(parts) > 2 else None
    for m in _RELATIVE.finditer(sentence):
        date: str | None = None
        if day is not None and m["today"]:
            date = day.isoformat()
        elif day is not None and m["yesterday"]:
            date = (day - _dt.timedelta(days=1)).isoformat()
        elif day is not None and m["tomorrow"]:
            date = (day + _dt.timedelta(days=1)).isoformat()
        elif day is not None and m["weekday"]:
            words = m["weekday"].split()
            wanted = _WEEKDAYS.index(words[-1].lower())
            future = words[0].lower() == "on" and _FUTURE_WORDS.search(sentence[: m.start()])
            if future:
                date = (day + _dt.timedelta(days=(wanted - day.weekday()) % 7)).isoformat()
            else:
                date = (day - _dt.timedelta(days=(day.weekday() - wanted) % 7)).isoformat()
        elif month and m["lastmonth"]:
            date = _month_shift(_dt.date(year, month, 1), -1)
        elif month and m["nextmonth"]:
            date = _month_shift(_dt.date(year, month, 1), 1)
        elif m["lastyear"]:
            date = f"{year - 1:04d}"
        elif m["nextyear"]:
            date = f"{year + 1:04d}"
        elif m["following"] and last_year is not None:
            date = f"{last_year + 1:04d}"
        if date:
            found.append((date, m.start(), m.end()))
    return found


# ------------------------------------------------------------------------------ words

_WORD = re.compile(r"[^\s]+")

# Past tenses that are not "-ed" (a verb's base form, for a title in the present tense).
_IRREGULAR = {
    "met": "meet", "held": "hold", "spoke": "speak", "said": "say", "told": "tell",
    "took": "take", "gave": "give", "made": "make", "began": "begin", "became": "become",
    "came": "come", "went": "go", "saw": "see", "sent": "send", "brought": "bring",
    "led": "lead", "left": "leave", "won": "win", "lost": "lose", "struck": "strike",
    "fought": "fight", "sought": "seek", "built": "build", "broke": "break",
    "chose": "choose", "drew": "draw", "fell": "fall", "flew": "fly", "grew": "grow",
    "heard": "hear", "kept": "keep", "knew": "know", "paid": "pay", "ran": "run",
    "rose": "rise", "shot": "shoot", "stood": "stand", "threw": "throw", "wrote": "write",
    "spent": "spend", "found": "find", "withdrew": "withdraw", "undertook": "undertake",
    "arose": "arise", "forgave": "forgive", "overtook": "overtake", "swore": "swear",
    "reaffirmed": "reaffirm", "laid": "lay", "bore": "bear", "upheld": "uphold",
    "oversaw": "oversee", "hung": "hang", "fled": "flee", "sold": "sell", "bought": "buy",
}
_PARTICIPLES = {"held", "made", "sent", "brought", "led", "left", "won", "lost", "struck",
                "fought", "sought", "built", "kept", "paid", "found", "laid", "hung", "sold",
                "bought", "upheld", "heard", "spent", "broken", "chosen", "drawn", "given",
                "taken", "seen", "known", "grown", "thrown", "written", "begun", "shot",
                "fallen", "withdrawn", "undertaken", "told", "said", "signed", "set", "cut",
                "put"}
# Regular verbs of news, by their base form: their "-ed" form is turned back into it.
_REGULAR = (
    "accept adopt agree announce appoint approve arrest attack attend authorize authorise "
    "brief call cancel celebrate certify chair close commend complete condemn conclude "
    "confirm criticize declare decide deliver deploy deposit destroy discuss dissolve elect "
    "end endorse erect erupt establish expel expand extend express finish form host "
    "impose inaugurate injure introduce invade issue join kill launch mark meet name "
    "nominate note open order pass postpone present pledge propose ratify reach receive "
    "recognize recognise reject release renew report request resign return reveal sign "
    "start suspend terminate transfer unveil urge visit vote voice warn welcome withdraw "
    "wound abduct adopt advance allocate assume attack ban block capture carry clash "
    "collapse deny detain"
).split()
_BASE: dict[str, str] = {}
for _verb in _REGULAR:
    if _verb.endswith("e"):
        _BASE[_verb + "d"] = _verb
    elif _verb.endswith("y") and _verb[-2:-1] not in "aeiou":
        _BASE[_verb[:-1] + "ied"] = _verb
    else:
        _BASE[_verb + "ed"] = _verb
        if re.fullmatch(r".*[^aeiou][aeiou][bdgmnpt]", _verb) and _verb not in {
            "visit", "open", "deposit", "cancel", "happen", "order", "deliver", "transfer",
            "answer", "offer",
        }:
            _BASE[_verb + _verb[-1] + "ed"] = _verb  # "banned", "planned"
_BASE["transferred"] = "transfer"
_BASE.update(_IRREGULAR)

# "-ed" words that are mostly adjectives or nouns, not verbs.
_NOT_VERBS = frozenset(
    "united armed red bed need speed based related limited detailed advanced concerned "
    "interested alleged so-called hundred hundreds indeed proceed exceed succeed feed seed "
    "breed shed wed sacred naked wicked skilled supposed renewed unprecedented "
    "dedicated sophisticated experienced qualified organised organized coordinated "
    "increased reduced continued sustained repeated unified detained displaced injured "
    "killed wounded missing".split()
)
# Participles that passed for verbs above but are adjectives before a noun.
_AUX_PASSIVE = frozenset(["was", "were", "is", "are", "been", "be", "being"])
_AUX_PERFECT = frozenset(["has", "have", "had"])
_MODALS = frozenset(["will", "would", "shall", "could", "may", "might", "must", "can"])
_COPULAS = frozenset(["was", "were", "is", "are", "be", "been"])
_REPORTING = frozenset(
    ["said", "say", "says", "warned", "warn", "warns", "stressed", "noted", "announced",
     "recalled", "underlined", "stated", "added", "reiterated", "told", "emphasized",
     "emphasised", "urged", "confirmed", "reported"]
)
_ADVERBS = frozenset(
    ["strongly", "also", "unanimously", "already", "jointly", "formally", "officially",
     "again", "further", "then", "briefly", "finally", "once", "recently", "immediately",
     "publicly", "firmly", "warmly", "repeatedly", "today", "yesterday", "tomorrow"]
)
_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "that",
     "our", "some", "several", "two", "three", "both"]
)
_BOUNDARY_WORDS = frozenset(
    ["that", "which", "who", "whom", "whose", "including", "when", "while", "whereas",
     "where", "although", "though", "because", "since", "until", "unless", "if",
     "following", "after", "before", "as", "amid", "despite"]
)
_BACKGROUND = frozenset(["including"])
# Nouns that name a happening: a date after "the ... of" or before them is its date.
_EVENT_NOUNS = frozenset(
    "attack attacks event events violence clash clashes fighting incident incidents "
    "explosion explosions bombing bombings shelling shooting shootings killing killings "
    "massacre election elections vote referendum meeting meetings summit talks visit "
    "ceasefire truce protest protests riot riots strike strikes offensive invasion coup "
    "arrest arrests earthquake flood floods outbreak decision adoption signing launch "
    "assault raid raids ambush abduction kidnapping conference session aggression "
    "war request vote".split()
)
_TITLE_WORDS = frozenset(
    "secretary state president minister prime foreign deputy ambassador general "
    "spokesperson spokesman spokeswoman representative special high commissioner "
    "chancellor king queen prince mr mrs ms dr sir commander chairman chair head chief "
    "director envoy senator governor mayor federal serbian kosovo moldovan ukrainian "
    "un nato eu u.s. us former acting interim lieutenant major colonel".split()
)
_SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
_DANGLING = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and",
     "or", "but", "that", "which", "who", "as", "than", "into", "over", "after", "before",
     "following", "during", "between", "among", "including", "its", "their", "his", "her",
     "our", "this", "these", "those", "not", "also", "is", "are", "was", "were", "near",
     "about", "against", "under", "within", "without", "across", "through", "toward",
     "towards", "while", "amid", "because", "since", "until", "both", "whose", "new"]
)
_PHRASE_STARTS = frozenset(
    ["of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "as", "into",
     "over", "under", "after", "before", "following", "during", "between", "among",
     "including", "that", "which", "who", "while", "amid", "against", "across", "through",
     "about", "since", "until", "without", "within", "near"]
)
_NOUN_ENDS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "s")
TITLE_WORDS = 11
"""A title made from a clause has at most this many words."""


def _bare(word: str) -> str:
    return word.strip(",.;:!?\"'“”‘’()[]").casefold()


def _is_verb(words: list[str], i: int) -> bool:
    """Whether `words[i]` is a finite verb or a participle of a clause (not an adjective
    before a noun): a known past tense, or a lowercase "-ed" word that is not a known
    adjective, nor hyphenated, nor after a determiner."""
    raw = words[i].strip(",.;:!?\"'“”‘’()[]")
    low = raw.casefold()
    if not raw or raw[0].isupper() or "-" in raw:
        return False
    previous = _bare(words[i - 1]) if i else ""
    if previous in _DETERMINERS:
        return False  # "the armed men", "a renewed call"
    if low in _IRREGULAR or low in _BASE:
        return True
    return low.endswith("ed") and len(low) > 4 and low not in _NOT_VERBS


def _is_finite_word(words: list[str], i: int) -> bool:
    low = _bare(words[i])
    return low in _COPULAS or low in _AUX_PERFECT or low in _MODALS or _is_verb(words, i)


# ------------------------------------------------------------------------------ titles


def _clean(words: list[str]) -> list[str]:
    """Words of a title without brackets, a year inside a name ("the 2024 Chad ..."),
    the date's words and sentence punctuation at its end."""
    out: list[str] = []
    depth = 0
    for word in words:
        if word.startswith("(") and depth == 0 and not word.endswith(")"):
            depth = 1
            continue
        if depth:
            if word.endswith(")") or word.endswith("),") or word.endswith(")."):
                depth = 0
            continue
        if word.startswith("(") and word.rstrip(",.;:").endswith(")"):
            continue  # "(KSF)", "(2023)"
        if re.fullmatch(r"(?:1[89]|20)\d\d", word.strip(",.;:")):
            continue
        out.append(word)
    return out


def _finish(words: list[str], limit: int = TITLE_WORDS) -> str:
    """A title from its words: at most `limit`, cut before the last phrase when over it,
    with no dangling word at its end, its first letter a capital, no final stop."""
    words = [w for w in _clean(words) if w.strip(",.;:")]
    if words and _bare(words[0]) in ("the", "a", "an"):
        words = words[1:]
    if len(words) > limit:
        cut = words[:limit]
        nxt = words[limit : limit + 2]
        if cut[-1][:1].isupper() and (
            nxt[0][:1].isupper() or len(nxt) == 2 and nxt[0] == "of" and nxt[1][:1].isupper()
        ):
            # Not half a name: "near the Banjska" of "Banjska Monastery", "the Federal
            # Republic" of "the Federal Republic of Germany".
            while cut and (cut[-1][:1].isupper() or len(cut) > 1 and cut[-1] in (
                "of", "for", "and", "the"
            ) and cut[-2][:1].isupper()):
                cut.pop()
        for i in range(len(cut) - 1, 3, -1):
            inside_name = cut[i] in ("of", "for", "and") and cut[i - 1][:1].isupper() and (
                i + 1 < len(cut) and cut[i + 1][:1].isupper()
            )
            if _bare(cut[i]) in _PHRASE_STARTS and cut[i] not in ("and", "or") and not (
                inside_name
            ):
                cut = cut[:i]
                break
        words = cut
    while words and (_bare(words[-1]) in _DANGLING or not _bare(words[-1])):
        words.pop()
    if words and _bare(words[0]) in ("the", "a", "an"):
        words = words[1:]
    text = " ".join(words).strip(" ,;:.–—-\"'“”")
    text = re.sub(r"\s+([,;:])", r"\1", text)
    return text[:1].upper() + text[1:]


def _short_subject(words: list[str]) -> list[str]:
    """A subject as a headline writes it: a person's surname after a title ("Secretary of
    State Antony J. Blinken" -> "Blinken", "President Sandu and Secretary Blinken" ->
    "Sandu and Blinken"), an acronym for the name it stands for ("The Office for ...
    (OSCE/ODIHR)" -> "OSCE/ODIHR"), and of names set apart by commas the name ("The
    Minister of ..., Enver Hoxhaj," -> "Enver Hoxhaj")."""
    text = " ".join(words).strip(" ,")
    acronym = re.fullmatch(r"(?:the\s+)?[^()]{8,}\(([A-Z][\w/.&-]{1,14})\)", text, re.I)
    if acronym and " and " not in text:
        return [acronym.group(1)]
    text = re.sub(r"[^(),]{8,}?\s*\(([A-Z][\w/.&-]{1,14})\)", r"\1", text)
    segments = [s.strip() for s in text.split(",") if s.strip()]
    if len(segments) > 1:
        names = [s for s in segments if _name_like(s.split())]
        text = min(names, key=len) if names else segments[-1]
    conjuncts = re.split(r"\s+and\s+", text)
    out: list[str] = []
    for i, conjunct in enumerate(conjuncts):
        parts = conjunct.split()
        if len(parts) >= 2 and _bare(parts[0]) in _TITLE_WORDS and _name_like(parts):
            surname = parts[-1]
            parts = [surname]
        if i:
            out.append("and")
        out.extend(parts)
    return out


def _name_like(words: list[str]) -> bool:
    """Words that are a name: each capitalised (or "of", "de", "von", "der", "la", an
    initial), at least two of them, none a title word when there are only two."""
    if len(words) < 2:
        return False
    small = {"of", "de", "von", "der", "van", "la", "le", "da", "del", "bin", "al"}
    return all(w[:1].isupper() or w in small for w in words)


def _plural(subject: list[str]) -> bool:
    low = [_bare(w) for w in subject]
    if "and" in low:
        return True
    last = subject[-1] if subject else ""
    return bool(last[:1].islower() and last.endswith("s") and not last.endswith("ss"))


def _present(verb: str, plural: bool) -> str:
    """A past tense in the present ("discussed" -> "discuss"/"discusses"); a verb not
    known keeps its tense."""
    low = _bare(verb)
    base = _BASE.get(low)
    if base is None:
        return verb.strip(",.;:")
    if plural:
        return base
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def _object(words: list[str], reporting: bool) -> list[str]:
    """What follows a verb, up to the end of its phrase: a comma, a clause's start, a
    purpose ("to reaffirm ..."), except that a reporting verb keeps the clause it
    reports ("warn that food rations will be cut" -> "warn food rations will be cut")."""
    out: list[str] = []
    for i, word in enumerate(words):
        low = _bare(word)
        if low in _ADVERBS and not out:
            continue
        if low == "that" and reporting and not out:
            continue
        if out and low in _COPULAS | _AUX_PERFECT | _MODALS and not reporting:
            break  # "the barricades erected in the north ... were a response"
        if low in _BOUNDARY_WORDS and (out or not reporting) and low != "that" or (
            low == "that" and not reporting
        ):
            break
        if low == "to" and len(out) >= 3 and i + 1 < len(words) and (
            _bare(words[i + 1]) not in _DETERMINERS and words[i + 1][:1].islower()
            and not _bare(words[i + 1]).endswith(_NOUN_ENDS)
        ):
            break  # "to reaffirm the support": a purpose, not the object
        out.append(word)
        if word.endswith((",", ";", ":")):
            out[-1] = word.rstrip(",;:")
            break
    return out


# ------------------------------------------------------------------------------ clauses


class _Words(NamedTuple):
    words: list[str]
    starts: list[int]


def _words(sentence: str) -> _Words:
    words, starts = [], []
    for m in _WORD.finditer(sentence):
        words.append(m.group())
        starts.append(m.start())
    return _Words(words, starts)


def _span_words(w: _Words, start: int, end: int) -> tuple[int, int]:
    """Indexes [i, j) of the words inside [start, end) of the sentence."""
    i = next((k for k, s in enumerate(w.starts) if s >= start), len(w.words))
    j = next((k for k, s in enumerate(w.starts) if s >= end), len(w.words))
    return i, j


def _left_boundary(words: list[str], i: int) -> tuple[int, str]:
    """Where the clause holding word `i` starts, and the word or mark that opens it."""
    k = i - 1
    while k >= 0:
        low = _bare(words[k])
        if words[k].endswith((";", ":")) or words[k] in ("–", "—", "-"):
            return k + 1, ";"
        if low in _BOUNDARY_WORDS:
            return k + 1, low
        if low == "and" and k + 1 < len(words) and _is_finite_word(words, k + 1):
            return k + 1, "and"
        if words[k].endswith(","):
            return k + 1, ","
        k -= 1
    return 0, ""


def _right_boundary(words: list[str], j: int) -> int:
    k = j
    while k < len(words):
        low = _bare(words[k])
        if low in _BOUNDARY_WORDS or words[k] in ("–", "—"):
            return k
        if low == "and" and k + 1 < len(words) and _is_finite_word(words, k + 1):
            return k
        if words[k].endswith((",", ";", ":")):
            return k + 1
        k += 1
    return len(words)


def _verbal_title(words: list[str], lo: int, hi: int, opener: str,
                  skip: tuple[int, int], sentence_words: list[str]) -> str | None:
    """The title of the clause `words[lo:hi]` (the date's words `skip` left out): subject,
    verb, object; None when the clause has no verb or no subject."""
    def kept(k: int) -> bool:
        return not skip[0] <= k < skip[1]

    verbs = [k for k in range(lo, hi) if kept(k) and _is_finite_word(words, k)]
    if not verbs:
        return None
    first = next((k for k in range(lo, hi) if kept(k)), lo)
    left = [k for k in verbs if k < skip[0]]
    v = verbs[0]
    participle = False
    subject: list[str] = []
    if len(left) >= 2 and _is_verb(words, left[-1]) and _bare(words[left[-1] - 1]) not in (
        _COPULAS | _AUX_PERFECT | _MODALS
    ):
        # "reiterated solidarity ... in the face of the aggression launched by Russia
        # [last month]": the date goes with the participle nearest to it.
        v = left[-1]
        phrase = _phrase_before(words, v, left[-2] + 1)
        if phrase is None:
            return None
        subject, participle = phrase, True
    # Auxiliaries: "was launched", "has crossed", "will travel", "is scheduled".
    main = v
    while main + 1 < hi and _bare(words[main]) in (_COPULAS | _AUX_PERFECT | _MODALS) and (
        _is_verb(words, main + 1) or _bare(words[main + 1]) in _PARTICIPLES
        or _bare(words[main + 1]) in _AUX_PASSIVE
        or (_bare(words[main]) in _MODALS and words[main + 1][:1].islower())
    ):
        main += 1
    aux = [_bare(words[k]) for k in range(v, main)]
    verb = words[main].strip(",.;:")
    if _bare(verb) in _COPULAS and not aux:
        return None  # "the focus was on ...": no happening
    if not participle:
        subject = [w for k, w in enumerate(words[lo:v], lo) if kept(k)]
    if not subject and opener == ",":
        closes = hi < len(sentence_words) and words[hi - 1].endswith(",") and (
            _is_finite_word(sentence_words, hi)
        )
        if not closes and not any(_is_finite_word(sentence_words, k) for k in range(lo)):
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
    elif not subject:
        return None
    if not participle and not aux and _is_verb(words, v) and (
        main + 1 < hi and _bare(words[main + 1]) == "by"
        or any(_bare(words[k]) in _COPULAS | _AUX_PERFECT for k in range(main + 1, hi)
               if kept(k))
        or any(_bare(words[k]) in _DETERMINERS for k in range(max(first + 1, v - 3), v))
    ):
        # "the barricades erected [yesterday] ... were", "the meeting held [this week]":
        # a participle after a noun phrase, not the clause's verb.
        det = max((k for k in range(max(first, v - 4), v) if _bare(words[k]) in _DETERMINERS),
                  default=None)
        if det is not None and det > first:
            subject = words[det + 1 : v]
        participle = True
    if not subject:
        return None
    if _bare(subject[0]) in _SUBJECT_PRONOUNS:
        return None
    subject = [w for w in subject if _bare(w) not in _ADVERBS]
    while subject and _bare(subject[0]) in ("and", "but", "then"):
        subject = subject[1:]
    subject = [w.rstrip(",") for w in subject] if participle else _short_subject(subject)
    if not subject or len(subject) > 9:
        return None
    reporting = _bare(verb) in _REPORTING
    stop = hi
    if reporting:
        stop = next((k + 1 for k in range(main + 1, len(words))
                     if words[k].endswith((",", ";", ":"))), len(words))
    rest = [w for k, w in enumerate(words[main + 1 : stop], main + 1) if kept(k)]
    rest = _object(rest, reporting)
    if participle or "been" in aux or aux and aux[-1] in _AUX_PASSIVE:
        phrase = [*subject, verb, *rest]  # "Chad Refugee Response Plan launched"
    elif aux and aux[0] in _MODALS:
        phrase = [*subject, "to" if aux[0] in ("will", "shall") else aux[0], verb, *rest]
    elif aux and aux[0] in _AUX_PERFECT:
        phrase = [*subject, verb, *rest]
    else:
        phrase = [*subject, _present(verb, _plural(subject)), *rest]
    title = _finish(phrase)
    return title if len(title.split()) >= 2 else None


def _phrase_before(words: list[str], v: int, lo: int) -> list[str] | None:
    """The noun phrase a participle follows ("the aggression [launched]"): the words
    after the last determiner before it, at most four."""
    for k in range(v - 1, max(lo, v - 5) - 1, -1):
        if _bare(words[k]) in _DETERMINERS:
            return words[k + 1 : v] or None
        if words[k].endswith((",", ";")):
            return None
    return None


def _main_subject(words: list[str], upto: int) -> list[str]:
    """The subject of the sentence's first clause (for "..., and agreed X in March")."""
    for k in range(upto):
        if _is_finite_word(words, k):
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
    out: list[str] = []
    i = k
    while i >= 0:
        word = words[i].rstrip(",")
        if i != k and (words[i].endswith((",", ";")) or _is_finite_word(words, i)):
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
    if _bare(words[i]) in ("on", "in", "of", "for"):
        i += 1  # "on Thursday": the preposition is the date's
    if i >= 2 and _bare(words[i - 1]) in ("of", "on", "in", "for", "from"):
        k = i - 2
        for start in range(k, max(-1, k - 10), -1):
            if words[start].endswith((",", ";")) and start != k or _is_verb(words, start):
                break
            if _bare(words[start]) in _DETERMINERS or start == 0:
                first = start + 1 if _bare(words[start]) in _DETERMINERS else start
                head = words[first : k + 1]
                content = [w for w in head if _bare(w) not in _DETERMINERS]
                if content and any(_bare(w) in _EVENT_NOUNS for w in content[:3]):
                    phrase = head
                    break
        # "of 24 September in Banjska": where it happened.
        m = j
        while m + 1 < len(words) and _bare(words[m]) in ("in", "near", "at") and (
            words[m + 1][:1].isupper()
        ):
            tail += [words[m], words[m + 1].rstrip(",.;")]
            m += 2
            if words[m - 1].endswith((",", ".", ";")):
                break
        after = words[m:]
    elif i >= 1 and _bare(words[i - 1]) in ("the", "a") and j < len(words) and (
        _bare(words[j]) in _EVENT_NOUNS
    ):
        phrase = []
        for word in words[j:]:
            if _is_verb(words, words.index(word)) or _bare(word) in _BOUNDARY_WORDS:
                break
            phrase.append(word.rstrip(",.;"))
            if word.endswith((",", ".", ";")) or len(phrase) == 14:
                break
    if not phrase:
        return None
    words_out = [*phrase, *tail]
    killed = re.match(
        r",?\s*in which (?P<who>.{3,60}?) (?:was|were) (?P<what>killed|injured|wounded)",
        " ".join(after),
    )
    if killed:
        verb = {"killed": "kill", "injured": "injure", "wounded": "wound"}[killed["what"]]
        plural = _bare(phrase[-1]).endswith("s") if phrase else False
        words_out = [*words_out[:8], verb if plural else verb + "s", *killed["who"].split()]
    title = _finish(words_out, 12)
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
    return _finish([*title.split(), "kill" if plural else "kills", *m["who"].split()], 12)


# ------------------------------------------------------------------------------ the article

_RESOLUTION = re.compile(
    r"(?P<body>(?:(?:Security Council|General Assembly)\s+)?)[Rr]esolutions?\s+"
    r"(?P<number>\d{1,5}(?:/\d{1,4})?)\s+\((?P<year>(?:19|20)\d\d)\)"
)
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|and|-|–|—)\s*")
_RANGE_OPEN = re.compile(r"\b(?i:from|between)\s+$")
_NO_EVENT_LEADS = ("since", "until", "till", "throughout", "by mid", "for")


def _anchors(sentence: str, reference: str, last_year: int | None) -> list[_Anchor]:
    """The dates of a sentence that may date a happening, in order."""
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
        if re.fullmatch(r"\(?(?:1[89]|20)\d\d\)?", text.strip()):
            continue  # "the 2024 Chad Refugee Response Plan", "Accords (1999)"
        if merged and _RANGE_JOIN.fullmatch(sentence, merged[-1][1], start) and (
            _RANGE_OPEN.search(sentence, max(0, merged[-1][0] - 9), merged[-1][0])
            or sentence[merged[-1][0] :].casefold().startswith(("from", "between"))
        ):
            first = merged.pop()
            merged.append((first[0], end, first[2], dates[-1]))
            continue
        merged.append((start, end, dates[0], dates[-1] if len(dates) > 1 else None))
    for start, end, date, end_date in merged:
        lead = sentence[start:end].split()[0].casefold()
        anchors.append(_Anchor(date, start, end, lead, False, end_date))
    for date, start, end in relative_dates(sentence, reference, last_year):
        if not any(a.start < end and start < a.end for a in anchors):
            anchors.append(_Anchor(date, start, end, "", True))
    return sorted(anchors, key=lambda a: a.start)


def article_events(
    paragraphs: list[str], reference: str, headline: str | None = None
) -> list[DraftEvent]:
    """The events of an article's paragraphs, in text order (see the module's
    docstring); `reference` is the article's date, `headline` its headline (the title
    of its own happening when the sentence that dates it gives none)."""
    events: list[DraftEvent] = []
    seen: set[tuple[str, str]] = set()
    resolutions: set[str] = set()
    last_year: int | None = None
    own = False
    day = reference if len(reference) == 10 else None

    def add(event: DraftEvent) -> None:
        nonlocal own
        key = (event.date, event.title.casefold())
        if event.title and key not in seen:
            seen.add(key)
            events.append(event)
            if event.date == day and event.relative:
                own = True

    for paragraph in paragraphs:
        sentences = [collapse(s.text) for s in split_sentences(paragraph)]
        for n, sentence in enumerate(sentences):
            following = sentences[n + 1] if n + 1 < len(sentences) else ""
            anchors = _anchors(sentence, reference, last_year)
            for anchor in anchors:
                if not anchor.relative and re.match(r"\d{4}", anchor.date):
                    last_year = int(anchor.date[:4])
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
                if any(a.start <= m.start() and a.date[:4] == m["year"] for a in anchors) or (
                    any(a.relative for a in anchors)
                    and re.search(r"\badopt", sentence[: m.start()])
                ):
                    continue  # its adoption is dated more precisely by the sentence
                body = m["body"].strip()
                title = f"{body} adopts resolution {number}" if body else (
                    f"Resolution {number} adopted"
                )
                add(DraftEvent(m["year"], title, sentence))
    return events


def _event_of(
    w: _Words, sentence: str, anchor: _Anchor, anchors: list[_Anchor], following: str,
    headline: str | None, day: str | None,
) -> DraftEvent | None:
    words = w.words
    i, j = _span_words(w, anchor.start, anchor.end)
    if i >= j:
        return None
    if anchor.lead in _NO_EVENT_LEADS:
        return None  # "since 2014", "until December": a span, not a happening
    if any(_bare(words[k]) in _BACKGROUND for k in range(i)):
        return None  # "including the blackmail that followed the cuts of October 2022"
    # The other dates of the sentence are no words of this one's title.
    others = [_span_words(w, a.start, a.end) for a in anchors if a is not anchor]
    nominal = _nominal_title(words, i, j, words[j:])
    if nominal:
        title = _completed(nominal, following)
        return DraftEvent(anchor.date, title, sentence, anchor.end_date, anchor.relative)
    lo, opener = _left_boundary(words, i)
    skip_lo = i - 1 if i and _bare(words[i - 1]) in ("on", "in", "at", "of", "by", "for",
                                                     "from", "during") else i
    if lo == i and words[j - 1].endswith(",") or lo >= skip_lo and (
        j < len(words) and words[j - 1].endswith(",") and lo == skip_lo
    ):
        # A date opening the sentence ("On 3 July, the World Food Programme began ...").
        lo, opener = j, ""
        hi = _right_boundary(words, j)
    else:
        hi = _right_boundary(words, j)
    if lo == j:
        hi = _right_boundary(words, j + 1) if j + 1 < len(words) else len(words)
    elif words[j - 1].endswith(","):
        hi = j  # ", launched in January, is ...": the clause ends with the date
    skip = (skip_lo, j)
    for o_i, o_j in others:
        if lo <= o_i < hi and o_i > j:
            hi = min(hi, o_i - 1 if o_i and _bare(words[o_i - 1]) in (
                "on", "in", "of", "about", "for") else o_i)
    title = _verbal_title(words, lo, hi, opener, skip, words)
    if title is None and anchor.relative and anchor.date == day and headline:
        title = headline  # "at today's press briefing": the headline says what happened
    if title is None:
        return None
    return DraftEvent(anchor.date, title, sentence, anchor.end_date, anchor.relative)
