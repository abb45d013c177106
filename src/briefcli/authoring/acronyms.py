"""Acronym definitions written in prose.

`find_acronyms` finds acronym definitions. Its core is Schwartz & Hearst (2003): a short
form in parentheses, a long form matched letter by letter from the words before it, of
at most min(|A| + 5, 2|A|) words. It adds the forms official texts use besides that
one: "KFOR (Kosovo Force)", "KFOR, or the Kosovo Force,", "the Kosovo Force, known as
KFOR", appositives ("the UN refugee agency, UNHCR,"), a note after the short form
("(OAU, now the African Union)"), possessives, compound and mixed-case short forms, and
long forms whose letters only partly match because the acronym comes from another
language ("Self-Determination Movement (LVV)"). Pure: it returns offsets into the text.
The numbers behind each rule are in benchmarks/extraction.py and its corpus.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from typing import NamedTuple

from briefcli.authoring.alignment import _CONNECTORS, _NUMBER_WORDS, _Alignment
from briefcli.authoring.sentences import collapse, split_sentences

__all__ = ["AcronymDefinition", "find_acronyms"]


class AcronymDefinition(NamedTuple):
    """One definition of an acronym, as written.

    `short` is the acronym without a possessive ("UNMIK" for "UNMIK's"); `long` is the
    expansion without leading determiners, a possessive owner ("the Alliance's Kosovo
    Force" -> "Kosovo Force"), quotes or trailing punctuation, whitespace collapsed;
    `note` is what follows the short form inside its parenthesis ("now the African
    Union"), or None; `start`/`end` span the whole definition in the source; `sentence`
    is the sentence it was found in, whitespace collapsed.
    """

    short: str
    long: str
    note: str | None
    start: int
    end: int
    sentence: str

_DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those"]
)
# The last word of the name or description of a body. Two kinds of long form are taken
# only when they end in one: a name whose letters have nothing to do with its acronym
# because the acronym comes from another language ("Self-Determination Movement (LVV)"),
# and a descriptive appositive ("the UN refugee agency, UNHCR,"). Without this test the
# corpus's party labels after people's names ("Isa Mustafa (LDK)") and lists ("the
# European Union, NATO, and ...") read as definitions.
_HEAD_NOUNS = frozenset(
    [
        "agency", "mission", "force", "forces", "office", "organisation", "organization",
        "alliance", "body", "court", "tribunal", "movement", "party", "coalition", "bloc",
        "union", "council", "committee", "commission", "commissioner", "programme",
        "program", "fund", "bank", "service", "authority", "administration", "watchdog",
        "group", "network", "institute", "centre", "center", "operation", "corps", "police",
        "army", "guard", "assembly", "parliament", "government", "ministry", "department",
        "directorate", "agreement", "treaty", "convention", "initiative", "project",
        "platform", "forum", "association", "federation", "league", "front", "list",
        "chamber", "chambers", "prosecutor", "team", "unit", "board", "panel",
        "secretariat", "delegation", "contingent", "company", "corporation", "utility",
        "regulator", "operator", "broadcaster", "university", "foundation", "charity",
    ]
)
_NUMBER_OF_WORD = {word: digits for digits, words in _NUMBER_WORDS.items() for word in words}
_QUOTES = "\"'“”‘’«»"
_EDGE = _QUOTES + ",.;: "
_ROMAN = re.compile(r"[IVX]{1,4}")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$")
_DOTTED_SHORT = re.compile(r"(?:[^\W\d_]\.){2,}")
_UNIT = re.compile(r"\d+|[^\W\d_]")
_WORD = re.compile(r"\S+")
_PARTS = re.compile(r"[-/]")
_SPLIT_PARTS = re.compile(r"[\s\-/]+")
_NOTE_SEPARATOR = re.compile(r"[,;]")
_LEADING_QUOTE = re.compile(r"\s*[\"“‘']?\s*")
_FIRST_WORD_SPACE = re.compile(r"(\S+)\s+")
# A parenthesis with nothing nested inside; only one opened after a space or at the start
# counts ("Article 2(4)" is a reference). In "(S/RES/2703 (2023))" only the inner one is
# a candidate, and it is a year.
_PAREN = re.compile(r"\(([^()]*)\)")
# What may stand between "(" and the short form: "(hereinafter ECDC)", "(known as CEFTA)".
_PAREN_PREFIX = re.compile(
    r"(?:the\s+|hereinafter\s+|hereafter\s+|henceforth\s+|(?:also\s+|commonly\s+|better\s+)?"
    r"known\s+as\s+|referred\s+to\s+as\s+|abbreviated\s+(?:as\s+)?|or\s+)+",
    re.IGNORECASE,
)
_LONG_PREFIX = re.compile(r"(?:short\s+for|that\s+is|i\.e\.,?)\s+", re.IGNORECASE)
# Where a long form cannot reach back past: brackets, quotes, colons, dashes.
_CLAUSE_STOP = re.compile(r"[;:()\[\]{}\"“”«»—–]|\s-\s")
_TOKEN = r"[^\W_][\w&/.\-'’]*[\w.]|[^\W_]"
# The forms without parentheses put a comma after the short form (or its 's): the word
# before a comma is a candidate unless it holds one of these.
_NOT_IN_SHORT = re.compile(r"[;:()\[\]]")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
# "KFOR, or the Kosovo Force,"
_OR_AFTER = re.compile(r",\s+or\s+(?:the\s+)?([^,;:.()\[\]]+?)\s*(?=[,;:.)]|$)")
# "KFOR, the NATO-led peacekeeping force,"
_APPOSITIVE_AFTER = re.compile(r",\s+(?:the|its)\s+([^,;:()\[\]]+?)\s*(?=[,;:.)]|$)")
# "the Kosovo Force, known as KFOR", "the Kosovo Force, or KFOR,".
_KNOWN_AS = re.compile(
    r"(?P<comma>,?)\s+(?:also\s+|commonly\s+|better\s+|widely\s+|more\s+commonly\s+)?"
    r"(?P<verb>known\s+as|referred\s+to\s+as|abbreviated\s+as|called|named|or)\s+"
    r"(?:the\s+)?[\"“‘']?(?P<short>" + _TOKEN + r")[\"”’']?(?=[\s,;:.)]|$)"
)
_KNOWN_AS_HINT = re.compile(r"known|referred|abbreviated|called|named|,\s+or\s")
_ENDS_CLAUSE = re.compile(r"[\"”’']?\s*(?:[,;:.)]|$)")
# "the Regional Cooperation Council – RCC – will": a short form between two dashes.
_DASHED = re.compile(r"\s[–—]\s(?P<short>" + _TOKEN + r")\s[–—](?=\s)")
# "the UN refugee agency, UNHCR,": the short form after a comma, then punctuation.
_APPOSITIVE_SHORT = re.compile(
    r",\s+(?:the\s+)?[\"“]?(" + _TOKEN + r")[\"”]?(?=\s*[,;:.)]|\s*$)"
)
_DETERMINER_IN = re.compile(r"\b(?:the|its|their)\s+", re.IGNORECASE)
_CLAUSE_MARKS = ",;:()[]"
_OWNER_IN = re.compile(r"\b[A-Z][\w.\-]*(?:['’]s|s['’])\s+")


@lru_cache(maxsize=4096)  # the same words come back in every sentence
def _short_form(token: str) -> str | None:
    """The acronym `token` is, without quotes or a possessive, or None if it is not one:
    2 to 12 characters, at least two capitals (or a capital and a digit: "G7", "5G"), at
    least half of its letters capitals ("PhD", "mRNA", "DoD" but not "McDonald"), not a
    Roman numeral and not a document symbol ("A/RES/68/262")."""
    t = _POSSESSIVE.sub("", token.strip(_QUOTES))
    if not _DOTTED_SHORT.fullmatch(t):
        t = t.rstrip(".,")
    if not 2 <= len(t) <= 12 or not t[0].isalnum():
        return None
    letters = [c for c in t if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    has_digit = any(c.isdigit() for c in t)
    if not letters or (upper < 2 and not (upper and has_digit)) or upper * 2 < len(letters):
        return None
    if _ROMAN.fullmatch(t) or ("/" in t and has_digit):
        return None
    return t


@lru_cache(maxsize=1024)
def _unit_tuple(short: str) -> tuple[str, ...]:
    return tuple(u.lower() for u in _UNIT.findall(short))


def _units(short: str) -> list[str]:
    """What a long form must supply, lower-cased: each letter, each run of digits."""
    return list(_unit_tuple(short))


def _limit(units: list[str]) -> int:
    """Schwartz & Hearst's bound on the long form's words: min(|A| + 5, 2|A|), where |A|
    counts the short form's letters and digits."""
    size = sum(map(len, units))
    return min(size + 5, size * 2)


def _reach(units: list[str], words: list[str]) -> int:
    """How many of the last `words` a long form may span: `_limit` words, or up to three
    more when they end in a name of capitalised words and connectors that long, since a
    French or Spanish name spends more words on them ("Ministère de la Santé Publique et
    de la Population (MSPP)")."""
    limit = _limit(units)
    run = 0
    for word in reversed(words):
        if word.endswith(",") or not (_is_capitalised(word) or _is_connector(word)):
            break
        run += 1
    while run and _is_connector(words[-run]):
        run -= 1
    return min(max(limit, run), limit + 3)


def _is_connector(word: str) -> bool:
    return word.lower().strip(_EDGE) in _CONNECTORS


def _content_count(words: list[str]) -> int:
    return sum(not _is_connector(w) for w in words)



def _strict(short: str, long: str) -> int | None:
    """The letter match for a long form standing alone (after its short form, or in an
    appositive): see `_Alignment` and `_good_alignment`."""
    units = _units(short)
    words = long.split()
    if not words or len(words) > _limit(units):
        return None
    return _good_alignment(_Alignment(units, long).from_start(0), words)


def _good_alignment(initials: int | None, words: list[str]) -> int | None:
    """`initials`, if enough of them for `words` (`_enough_initials`), else None."""
    if initials is None or not _enough_initials(initials, _content_count(words)):
        return None
    return initials


def _enough_initials(initials: int, content_words: int) -> bool:
    """At least two letters (or one per content word, if fewer) fall on word starts:
    otherwise "Lumir Abdixhiku (LDK)", where only the L does, would be a definition."""
    return initials >= min(2, content_words)


def _word_initials(word: str) -> list[str]:
    """The letters a word gives its name's acronym: none for a connector, else the initial
    of each part of it (hyphenated), every letter of a part in capitals, the digits of a
    number word."""
    out: list[str] = []
    if _is_connector(word):
        return out
    for part in _PARTS.split(word):
        core = part.strip(_EDGE)
        if not core:
            continue
        if len(core) > 1 and core.isupper():
            out.extend(c.lower() for c in core if c.isalnum())
        else:
            low = core.lower()
            out.append(_NUMBER_OF_WORD.get(low, low[0]))
    return out


def _in_order(units: list[str], initials: list[str]) -> int:
    """How many units match initials in order, skipping any that do not."""
    matched, j = 0, 0
    for unit in units:
        k = j
        while k < len(initials) and initials[k] != unit:
            k += 1
        if k < len(initials):
            matched, j = matched + 1, k + 1
    return matched


def _loose(short: str, words: list[str]) -> int | None:
    """A name in capitalised words whose letters only partly match its acronym, as when
    the acronym comes from another language. Either (a) it starts with the acronym's
    first letter and at least half of the acronym's letters, two or more, are initials of
    its words in order ("European Union Rule of Law Mission in Kosovo (EULEX)", "Group of
    Seven (G7)"), or (b) its initials are the acronym's letters in another order
    ("Democratic League of Kosovo (LDK)", "Coordinated Universal Time (UTC)"; for a
    mixed-case acronym, its capitals: "Doctor of Philosophy (PhD)"). Either way it has
    two content words or more. Returns how many letters it accounts for (all, for (b)),
    or None."""
    return _loose_initials(short, [_word_initials(w) for w in words])


def _loose_initials(short: str, per_word: list[list[str]]) -> int | None:
    """`_loose` on the initials of each word (empty for a connector)."""
    units = _units(short)
    if sum(map(bool, per_word)) < 2 or len(per_word) > _limit(units):
        return None
    initials = [i for word in per_word for i in word]
    capitals = [c.lower() for c in short if c.isupper()]
    letters = sorted(capitals if len(capitals) >= 2 else [u for u in units if u.isalpha()])
    alpha = sorted(i for i in initials if i.isalpha())
    if len(letters) >= 2 and letters == alpha:
        return len(units)
    if len(letters) >= 5 and len(alpha) - len(letters) <= 2 and initials[0] in letters and (
        not Counter(letters) - Counter(alpha)
    ):  # the English name of an acronym of another language, with a word or two more:
        return len(units)  # "United Nations Multidimensional ... Republic (MINUSCA)"
    if initials and initials[0] == units[0]:
        matched = _in_order(units, initials)
        if matched >= 2 and 2 * matched >= len(units):
            return matched
    return None


def _is_capitalised(word: str) -> bool:
    core = word.strip(_EDGE)
    return bool(core) and (core[0].isupper() or core[0].isdigit())


def _has_head_noun(words: list[str]) -> bool:
    return _PARTS.split(words[-1])[-1].strip(_EDGE).lower() in _HEAD_NOUNS


def _acceptable_long(short: str, long: str) -> bool:
    """A long form has two words or more (a hyphenated word counts as its parts), so that
    country codes ("Serbia (SRB)", "Montenegro (MNE)") are not definitions; it has a
    lower-case letter, so that "UNITED NATIONS (AP)" and "EULEX (EU)" are not either; and
    it is not the short form itself."""
    parts = [p for p in _SPLIT_PARTS.split(long) if p]
    return len(parts) >= 2 and any(c.islower() for c in long) and long.strip() != short


def _owner_end(words: list[str]) -> int:
    """How many leading words are a possessive owner: capitalised words up to one
    ending in 's ("the European Union's", "Alliance's"), or a first word ending in 's
    ("bloc's"); never all of them. A common noun further in is no owner ("UN children's
    agency")."""
    for i, word in enumerate(words[:-1]):
        if i and not _is_capitalised(word):
            return 0
        if _POSSESSIVE.search(word.rstrip(",")):
            return i + 1
    return 0


def _trim_long(text: str) -> tuple[int, int]:
    """(start, end) of the long form in `text`: without leading quotes, determiners or a
    possessive owner, nor trailing punctuation, quotes or possessive."""
    start, end = 0, len(text.rstrip())
    while True:
        m = _LEADING_QUOTE.match(text, start, end)
        start = m.end() if m else start
        word = _FIRST_WORD_SPACE.match(text, start, end)
        if not (word and word.group(1).lower() in _DETERMINERS):
            break
        start = word.end()
    for _ in range(_owner_end(text[start:end].split())):
        word = _FIRST_WORD_SPACE.match(text, start, end)
        start = word.end() if word else start
    tail = _POSSESSIVE.sub("", text[start:end].rstrip(_EDGE)).rstrip(_EDGE)
    return start, start + len(tail)


def _long_before(short: str, window: str) -> tuple[int, int] | None:
    """The (start, end) in `window` (the text just before a short form) of the short
    form's long form, or None. In order of preference:

    1. the letter match (`_Alignment`) within min(|A| + 5, 2|A|) words. Schwartz & Hearst
       take the nearest start that matches; the start whose match puts the most letters
       on word starts is better ("European External Action Service (EEAS)", not
       "External Action Service"; "Disarmament, Demobilization and Reintegration (DDR)"),
       the nearest of equals, and never a connector ("of the High Commissioner");
    2. in the run of capitalised words before the short form, the loose match that
       accounts for most letters (`_loose`);
    3. the capitalised words before the short form, back to a determiner or an owner
       (across "of", "for", "and"), when there are two or more and the last is a head
       noun ("Self-Determination Movement (LVV)", "the Union of Democratic Forces
       (SDS)").
    """
    units = _units(short)
    if not units:
        return None
    # No long form is longer than the limit (and its connectors): look at that many words
    # and one more.
    reach = _reach(units, window.split())
    parts = window.rsplit(None, reach + 1)
    base = window.find(parts[1], len(parts[0])) if len(parts) > reach + 1 else 0
    for stop in _CLAUSE_STOP.finditer(window, base):
        base = stop.end()
    body = _POSSESSIVE.sub("", window[base:].rstrip())  # "the Kosovo Force's (KFOR's)"
    spans = [(m.start(), m.end()) for m in _WORD.finditer(body)]
    if not spans:
        return None
    words = [body[s:e] for s, e in spans]
    found = _strict_start(short, units, body, spans, words)
    if found is None:
        found = _loose_start(short, body, spans, words)
    return None if found is None else (base + found, base + len(body))


def _strict_start(
    short: str, units: list[str], body: str, spans: list[tuple[int, int]], words: list[str]
) -> int | None:
    """Where in `body` the letter-matched long form starts (rule 1 of `_long_before`)."""
    reach = min(_reach(units, words), len(spans))
    lead = units[0]
    if not lead.isdigit() and not any(w[:1].lower() == lead for w in words[-reach:]):
        return None  # no word to start from: skip building the alignment
    first = spans[-reach][0]
    alignment = _Alignment(units, body[first:])
    best, best_start, content = 0, None, 0
    for k in range(1, reach + 1):
        s = spans[-k][0]
        if _is_connector(words[-k]):
            continue
        content += 1
        initials = alignment.from_start(s - first)
        if initials is None or not _enough_initials(initials, content):
            continue
        if _better(initials, best) and _acceptable_long(short, body[s:]):
            best, best_start = initials, s
    return best_start


def _better(initials: int, best: int) -> bool:
    """Whether a farther start is better than the nearest good one found so far: when
    its match puts more letters on word starts. (Schwartz & Hearst keep the nearest.)"""
    return initials > best


def _loose_start(
    short: str, body: str, spans: list[tuple[int, int]], words: list[str]
) -> int | None:
    """Where in `body` a loosely matched or head-noun long form starts (rules 2 and 3 of
    `_long_before`)."""
    # The run of capitalised words (and connectors between them) before the short form.
    size = 0
    for word in reversed(words):
        if word.endswith(",") or not (_is_capitalised(word) or _is_connector(word)):
            break
        size += 1
    run = list(range(len(words) - size, len(words)))
    while run and _is_connector(words[run[0]]):
        run.pop(0)
    if not run or _is_connector(words[run[-1]]):
        return None
    best, best_start = 0, None
    per_word = [_word_initials(w) for w in words]
    for k in range(1, len(run) + 1):
        chosen = words[run[-k] :]
        if not per_word[run[-k]]:
            continue  # a connector
        if _inside_name(words, run[-k], short):
            continue
        if k > 1 and _POSSESSIVE.search(chosen[0]):
            break  # an owner: "Kosovo's Self-Determination Movement"
        matched = _loose_initials(short, per_word[run[-k] :])
        if matched and matched > best and _acceptable_long(short, " ".join(chosen)):
            best, best_start = matched, spans[run[-k]][0]
    if best_start is not None:
        return best_start
    # The name runs back to a determiner or an owner, across "of", "for", "and" ("the
    # Union of Democratic Forces (SDS)", not "Leaders of the Serbian Progressive Party").
    names = 0
    for i in reversed(run):
        if words[i].lower() in _DETERMINERS or (names and _POSSESSIVE.search(words[i])):
            break
        names += 1
    while names and _is_connector(words[len(words) - names]):
        names -= 1
    chosen = words[len(words) - names :]
    if len(chosen) >= 2 and _has_head_noun(chosen) and _acceptable_long(short, " ".join(chosen)):
        return spans[len(words) - names][0]
    return None


def _inside_name(words: list[str], i: int, short: str = "") -> bool:
    """Whether words[i] continues a name rather than starting one: the word before it is
    capitalised (or a number) and neither a determiner nor an owner. A loose match is not
    taken from the middle of a name: "Alliance of Independent Social Democrats (SNSD)"
    is not "Social Democrats", nor "the 28th Conference of the Parties (COP28)" just
    "Conference of the Parties". An acronym before it that does not give `short` its
    first letter is the owner's, as a possessive would be ("the OSCE Special Monitoring
    Mission to Ukraine (SMM)": the mission is "Special Monitoring Mission to Ukraine")."""
    if not i:
        return False
    before = words[i - 1]
    owner = _short_form(before)
    if owner and short and owner.isalpha() and owner[0].lower() != short[0].lower():
        return False
    return (
        _is_capitalised(before)
        and not before.endswith((",", ";", ":"))
        and before.lower() not in _DETERMINERS
        and not _POSSESSIVE.search(before)
    )


def _expands(short: str, long: str) -> bool:
    """Whether `long`, written after its short form, expands it: the letter match from its
    first word, or, over capitalised words only, a loose match or a head noun."""
    if not _acceptable_long(short, long):
        return False
    if _strict(short, long) is not None:
        return True
    words = long.split()
    if not all(_is_capitalised(w) or _is_connector(w) for w in words):
        return False
    if _loose(short, words) is not None:
        return True
    return (
        _content_count(words) >= 2
        and len(words) <= _limit(_units(short))
        and _has_head_noun(words)
    )


def _describes(short: str, desc: str) -> bool:
    """Whether an appositive's description names the acronym: the letter match, or two to
    eight words without "and"/"or" ending in a lower-case head noun ("UN refugee agency",
    "NATO-led peacekeeping force"); a name in capitals ("the European Union, NATO, and
    the OSCE") is more likely an item of a list."""
    if not _acceptable_long(short, desc):
        return False
    if _strict(short, desc) is not None:
        return True
    words = desc.split()
    return (
        2 <= len(words) <= 8
        and not any(w.lower() in ("and", "or") for w in words)
        and words[-1].islower()
        and _has_head_noun(words)
    )


def _loose_name(short: str, desc: str) -> bool:
    """Whether a name in capitals without "and"/"or" before an acronym between commas
    expands it loosely (`_loose`): "the European Union Rule of Law Mission in Kosovo,
    EULEX,". After the acronym ("UNHCR, the UN Refugee Agency,") such a name describes it
    and is no definition."""
    words = desc.split()
    return _acceptable_long(short, desc) and not any(
        w.lower() in ("and", "or") for w in words
    ) and all(_is_capitalised(w) or _is_connector(w) for w in words) and (
        _loose(short, words) is not None)


class _Found(NamedTuple):
    """A definition inside one sentence: offsets into that sentence."""

    short: str
    long_start: int
    long_end: int
    note: str | None
    start: int
    end: int


def _split_note(inner: str) -> tuple[str, str | None]:
    """A parenthesis's content as (head, note): "OAU, now the African Union"."""
    m = _NOTE_SEPARATOR.search(inner)
    if not m:
        return inner, None
    return inner[: m.start()], collapse(inner[m.end() :]) or None


def _short_of_head(head: str) -> str | None:
    """The short form a parenthesis holds: one acronym-like token, or two ("DG NEAR",
    "EU EOM", "JFC Naples") when the first is one and the second is one too or a
    capitalised word."""
    parts = head.split()
    if len(parts) == 1:
        return _short_form(parts[0])
    if len(parts) == 2:
        first = _short_form(parts[0])
        second = _POSSESSIVE.sub("", parts[1].strip(_QUOTES))
        if first and (_short_form(second) or (second.isalpha() and second[0].isupper())):
            return f"{first} {second}"
    return None


def _long_for_place(short: str, window: str) -> tuple[int, int] | None:
    """The long form of a short form of two words whose second is the place the long
    form ends with, written in lower case but for its first words: "European Union rule
    of law mission in Kosovo (EULEX Kosovo)". It runs from the nearest determiner or
    clause start, opens with a capitalised word of the acronym's first letter and has a
    head noun before "in", "for" or "of" and the place."""
    parts = short.split()
    if len(parts) != 2 or _short_form(parts[1]):
        return None
    tail = re.search(r"\s(?:in|for|of)\s+" + re.escape(parts[1]) + r"\s*$", window)
    if not tail:
        return None
    base = 0
    for stop in _CLAUSE_STOP.finditer(window, 0, tail.start()):
        base = stop.end()
    for d in _DETERMINER_IN.finditer(window, base, tail.start()):
        base = d.end()
    words = window[base : tail.start()].split()
    if not 2 <= len(words) <= _limit(_units(parts[0])) or not _has_head_noun(words):
        return None
    first = words[0]
    if not (_is_capitalised(first) and first[0].lower() == parts[0][0].lower()):
        return None
    start = window.index(first, base)
    return start, len(window.rstrip())


def _from_parentheses(s: str) -> Iterator[_Found]:
    """"Kosovo Force (KFOR)" and the reverse, "KFOR (Kosovo Force)"."""
    for m in _PAREN.finditer(s):
        if m.start() and not s[m.start() - 1].isspace():
            continue
        head, note = _split_note(m.group(1))
        content = head.strip().strip(_QUOTES).strip()
        prefix = _PAREN_PREFIX.match(content)
        if prefix:
            content = content[prefix.end() :].strip().strip(_QUOTES).strip()
        short = _short_of_head(content)
        if short:
            span = _long_before(short, s[: m.start()]) or _long_for_place(short, s[: m.start()])
            if span:
                yield _Found(short, span[0], span[1], note, span[0], m.end())
        else:
            yield from _reverse_form(s, m, head, note)


def _reverse_form(s: str, m: re.Match[str], head: str, note: str | None) -> Iterator[_Found]:
    """"KFOR (Kosovo Force)": the parenthesis `m` (whose content before any note is
    `head`) expands the acronym just before it."""
    before = s[: m.start()].rstrip()
    word_start = max(before.rfind(" "), before.rfind("\n")) + 1
    short = _short_form(before[word_start:])
    if not short:
        return
    long_text = head.strip()
    lead = _LONG_PREFIX.match(long_text)
    if lead:
        long_text = long_text[lead.end() :]
    offset = m.start(1) + head.find(long_text)
    ls, le = _trim_long(long_text)
    if le > ls and _expands(short, long_text[ls:le]):
        yield _Found(short, offset + ls, offset + le, note, word_start, m.end())


def _after_short(s: str) -> Iterator[_Found]:
    """An acronym, a comma, then its expansion: "KFOR, or the Kosovo Force,", or an
    appositive describing it: "KFOR, the NATO-led peacekeeping force,"."""
    comma = s.find(",")
    while comma >= 0:
        word_start = max(s.rfind(" ", 0, comma), s.rfind("\n", 0, comma)) + 1
        token, tok_start, at = s[word_start:comma], word_start, comma
        comma = s.find(",", comma + 1)
        short = _short_form(token) if not _NOT_IN_SHORT.search(token) else None
        if not short:
            continue
        possessive = _POSSESSIVE_AFTER.match(s, at)
        at = possessive.end() if possessive else at
        for pattern, test in ((_OR_AFTER, _expands), (_APPOSITIVE_AFTER, _describes)):
            m = pattern.match(s, at)
            if not m:
                continue
            ls, le = _trim_long(m.group(1))
            if le > ls and test(short, m.group(1)[ls:le]):
                base = m.start(1)
                yield _Found(short, base + ls, base + le, None, tok_start, base + le)
                break


def _known_as(s: str) -> Iterator[_Found]:
    """"the Kosovo Force, known as KFOR" (also "referred to as", "abbreviated as",
    "called", "named") and "the Kosovo Force, or KFOR,"."""
    for m in _KNOWN_AS.finditer(s) if _KNOWN_AS_HINT.search(s) else ():
        short = _short_form(m["short"])
        if not short or s.startswith("(", m.end("short")):
            continue
        # "or" introduces a short form only between commas: "the EU or NATO" is a choice.
        if m["verb"] == "or" and not (m["comma"] and _ENDS_CLAUSE.match(s, m.end())):
            continue
        span = _long_before(short, s[: m.start()])
        if span:
            yield _Found(short, span[0], span[1], None, span[0], m.end())


def _between_dashes(s: str) -> Iterator[_Found]:
    """"the Regional Cooperation Council – RCC – will report": the short form between two
    dashes, just after its long form, which must expand it letter by letter or loosely."""
    for m in _DASHED.finditer(s):
        short = _short_form(m["short"])
        if not short:
            continue
        span = _long_before(short, s[: m.start()])
        if span and _expands(short, s[span[0] : span[1]]):
            yield _Found(short, span[0], span[1], None, span[0], m.end("short"))


def _appositive_before(s: str) -> Iterator[_Found]:
    """"the UN refugee agency, UNHCR,": a description, then the acronym between commas."""
    for m in _APPOSITIVE_SHORT.finditer(s):
        short = _short_form(m.group(1))
        if not short:
            continue
        # The description runs from the nearest determiner in the same clause: "talks
        # with the UN refugee agency, UNHCR," -> "UN refugee agency".
        clause = max(s.rfind(mark, 0, m.start()) for mark in _CLAUSE_MARKS) + 1
        offset = -1
        for d in _DETERMINER_IN.finditer(s, clause, m.start()):
            offset = d.end()
        for owner in _OWNER_IN.finditer(s, clause, m.start()):  # "NATO's Kosovo Force, KFOR,"
            offset = max(offset, owner.end())
        if offset < 0:
            continue
        desc = s[offset : m.start()]
        ls, le = _trim_long(desc)
        if le > ls and (_describes(short, desc[ls:le]) or _loose_name(short, desc[ls:le])):
            yield _Found(short, offset + ls, offset + le, None, offset, m.end(1))


def find_acronyms(text: str) -> list[AcronymDefinition]:
    """The acronym definitions in `text`, in text order, each (short, long) pair once.

    A definition lies within one sentence. Its short form is one acronym-like token (see
    `_short_form`), or two inside a parenthesis ("DG NEAR"). Its long form must expand
    it: by the letter match of Schwartz & Hearst (`_Alignment`), by a loose match for a
    name translated from another language (`_loose`), or, when the letters have nothing
    in common, by ending in a head noun ("Self-Determination Movement (LVV)", "the UN
    refugee agency, UNHCR,"). Rejected: years, numbers, symbols and enumerations in
    parentheses, asides, defined terms ("(the Council)"), party labels after names
    ("Isa Mustafa (LDK)"), country and source codes ("Serbia (SRB)", "(Reuters)").
    """
    found: list[AcronymDefinition] = []
    seen: set[tuple[str, str]] = set()
    for sentence in split_sentences(text):
        s = sentence.text
        if "(" not in s and "," not in s and "–" not in s and "—" not in s:
            continue
        hits = [*_from_parentheses(s), *_after_short(s), *_known_as(s), *_appositive_before(s),
                *_between_dashes(s)]
        collapsed = collapse(s)
        for hit in sorted(hits, key=lambda h: h.start):
            long = collapse(s[hit.long_start : hit.long_end])
            if not long or (hit.short, long) in seen:
                continue
            seen.add((hit.short, long))
            start, end = sentence.start + hit.start, sentence.start + hit.end
            found.append(AcronymDefinition(hit.short, long, hit.note, start, end, collapsed))
    found.sort(key=lambda d: d.start)
    return found
