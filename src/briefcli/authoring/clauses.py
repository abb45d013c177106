"""Clauses of a sentence and the titles made from them: where the clause holding a date
starts and ends, its subject and verb, and the headline-like title of a clause
("Secretary of State Antony J. Blinken spoke today with ..." -> "Blinken speaks with
...") or of a noun phrase that names a happening ("the violent events of September 24").
Used by `events`; word lists are in `titles`. Pure: no file, no printing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefcli.authoring.titles import (
    ADVERBS,
    AUX_PASSIVE,
    AUX_PERFECT,
    BOUNDARY_WORDS,
    COPULAS,
    DETERMINERS,
    EVENT_NOUNS,
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

__all__ = [
    "PREPOSITIONS", "SUBORDINATORS", "Words", "as_title", "clause_after", "completed",
    "left_boundary", "nominal_title", "right_boundary", "span_words", "verbal_title",
    "words_of",
]

# "Foreign ministers of the Berlin Process met": a determiner after these is inside the
# subject, not the start of an object a participle follows ("welcomes the meeting held").
PREPOSITIONS = frozenset(["of", "in", "for", "from", "with", "on", "at", "by", "and"])
SUBORDINATORS = frozenset(["following", "after", "before", "amid", "since", "as"])


class Words(NamedTuple):
    words: list[str]
    starts: list[int]


def words_of(sentence: str) -> Words:
    words, starts = [], []
    for m in WORD.finditer(sentence):
        words.append(m.group())
        starts.append(m.start())
    return Words(words, starts)


def span_words(w: Words, start: int, end: int) -> tuple[int, int]:
    """Indexes [i, j) of the words inside [start, end) of the sentence."""
    i = next((k for k, s in enumerate(w.starts) if s >= start), len(w.words))
    j = next((k for k, s in enumerate(w.starts) if s >= end), len(w.words))
    return i, j


def _opens_clause(words: list[str], k: int) -> bool:
    """Whether word `k` is a word that opens a clause ("that", "which", "following"):
    written in lower case, or first; "(WHO)" is a name."""
    if k and bare(words[k]) == "before" and bare(words[k - 1]) in _BEFORE_A_BODY:
        return False  # "will appear before a court on Friday": a place, no clause
    return bare(words[k]) in BOUNDARY_WORDS and (words[k][:1].islower() or k == 0)


# Verbs whose "before" names a body one stands in front of, not a time.
_BEFORE_A_BODY = frozenset([
    "appear", "appears", "appeared", "appearing", "testify", "testifies", "testified",
    "testifying", "brought", "arraigned",
])


def left_boundary(words: list[str], i: int, dates: set[int] | None = None) -> tuple[int, str]:
    """Where the clause holding word `i` starts, and the word or mark that opens it; a
    word that opens another date (`dates`: where the sentence's other dates start) opens
    no clause ("prolonged the sanctions until 31 July 2024 on 29 January 2024")."""
    k = i - 1
    while k >= 0:
        low = bare(words[k])
        if words[k].endswith((";", ":")) or words[k] in ("–", "—", "-"):
            return k + 1, ";"
        if _opens_clause(words, k) and not (dates and (k in dates or k + 1 in dates)):
            return k + 1, low
        if low == "and" and k + 1 < len(words) and is_finite_word(words, k + 1):
            return k + 1, "and"
        if words[k].endswith(","):
            return k + 1, ","
        k -= 1
    return 0, ""


def right_boundary(words: list[str], j: int) -> int:
    k = j
    while k < len(words):
        low = bare(words[k])
        if _opens_clause(words, k) or words[k] in ("–", "—"):
            return k
        if low == "and" and k + 1 < len(words) and is_finite_word(words, k + 1):
            return k
        if words[k].endswith((",", ";", ":")):
            return k + 1
        k += 1
    return len(words)


# Words that open a phrase between an opening date and its clause: "On 26 October, in a
# single day, more than 100 people were killed", "In March 2022, following ...".
_PHRASE_OPENERS = frozenset(["despite", "amid", "in", "at", "during", "within", "for"])


def clause_after(words: list[str], j: int) -> tuple[int, int]:
    """The clause after a date that opens the sentence: [lo, hi) of its words. A phrase
    without a verb right after the date is left out ("In March 2022, following Russia's
    invasion of Ukraine, EUFOR deployed ..."), and commas before the verb do not end it
    ("On Monday, the Prime Minister of Kosovo, Albin Kurti, met ...")."""
    lo = j
    if j < len(words) and bare(words[j]) in SUBORDINATORS | _PHRASE_OPENERS:
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
        if verb and (_opens_clause(words, k) or low == "and" and k + 1 < len(words)
                     and is_finite_word(words, k + 1)):
            return lo, k
        verb = verb or is_finite_word(words, k)
        if verb and words[k].endswith(","):
            return lo, k + 1
    return lo, len(words)


def as_title(words: list[str], lo: int, hi: int, skip: tuple[int, int]) -> str | None:
    """The title of a date in a phrase opened by "as" ("Ms. Salvador served as Minister
    ... from 2007 to 2008 and as Permanent Representative ... from 2008 to 2010"): the
    subject and verb of the clause before it, and that phrase."""
    verb = next((k for k in range(lo - 2, -1, -1) if is_verb(words, k)), None)
    if verb is None or any(words[k].endswith((";", ":")) for k in range(verb, lo - 1)):
        return None
    start, _ = left_boundary(words, verb)
    subject = short_subject([w for w in words[start:verb] if bare(w) not in ADVERBS])
    if not subject or len(subject) > 6 or bare(subject[0]) in SUBJECT_PRONOUNS | {"the"}:
        return None
    phrase = [w.rstrip(",;") for k, w in enumerate(words[lo:hi], lo)
              if not skip[0] <= k < skip[1]]
    title = finish([*subject, present(words[verb], plural(subject)), "as", *phrase])
    return title if len(title.split()) >= 4 else None


def verbal_title(words: list[str], lo: int, hi: int, opener: str,
                  skip: tuple[int, int], sentence_words: list[str],
                  others: tuple[int, ...] = (), person: str | None = None) -> str | None:
    """The title of the clause `words[lo:hi]` (the date's words `skip` left out): subject,
    verb, object; None when the clause has no verb or no subject. A subject "he" or "she"
    is `person` (the surname of the person the text told of last), or no title without
    one."""
    def kept(k: int) -> bool:
        return not skip[0] <= k < skip[1]

    verbs = [k for k in range(lo, hi) if kept(k) and is_finite_word(words, k)]
    if not verbs:
        return None
    first = next((k for k in range(lo, hi) if kept(k)), lo)
    left = [k for k in verbs if k < skip[0]]
    v = verbs[0]
    participle = False
    aside = False  # a participle's phrase set apart by commas
    subject: list[str] = []
    led = None
    if len(verbs) >= 2 and lo < v and v + 1 < hi and bare(words[v + 1]) == "by" and (
        bare(words[v - 1]) not in COPULAS | AUX_PERFECT | MODALS and is_verb(words, v)
    ):
        # "A joint UN mission led by the World Health Organization (WHO) delivered ...":
        # the participle and its agent are inside the subject; the verb comes after.
        led, v = v, verbs[1]
    if led is None and len(left) >= 2 and is_verb(words, left[-1]) and bare(
        words[left[-1] - 1]
    ) not in COPULAS | AUX_PERFECT | MODALS:
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
        subject = [w for k, w in enumerate(words[lo : led or v], lo) if kept(k)]
    if opener == "," and aux == ["be"] and lo >= 2 and [bare(w) for w in subject] == ["to"]:
        # "The Summit, to be held in Washington in July, will mark ...": the noun's plan
        before = _noun_phrase_before(sentence_words, lo - 1) or _after_determiner(
            sentence_words, lo - 1)
        if not before:
            return None
        rest = object_words([w for k, w in enumerate(words[main + 1 : hi], main + 1)
                             if kept(k)], False)
        title = finish([*before, "to", "be", verb, *rest])
        return title if len(title.split()) >= 3 else None
    if not subject and opener == "," and lo >= 2 and _set_apart(sentence_words, lo, hi):
        # "The 2024 Joint Response Plan ..., launched in Geneva on 7 March, seeks ...",
        # "The plan implements the Strategy, adopted by Parliament in November 2022.":
        # a participle set apart by commas after the noun phrase it tells of.
        before = _noun_phrase_before(sentence_words, lo - 1) or _after_determiner(
            sentence_words, lo - 1)
        if not before:
            return None
        subject, participle, aside = before, True, True
    elif not subject and opener == ",":
        closes = hi < len(sentence_words) and words[hi - 1].endswith(",") and (
            is_finite_word(sentence_words, hi)
        )
        opens = bare(sentence_words[0]) if sentence_words else ""
        if not closes and opens not in PREPOSITIONS | {"in", "during", "under", "after"} and (
            not any(is_finite_word(sentence_words, k) for k in range(lo))
        ):
            # "The Minister of ..., Enver Hoxhaj, received today ...": the subject
            # stands before the commas.
            subject = sentence_words[:lo]
        elif (rel := _relative_clause_before(sentence_words, lo - 1)) is not None:
            # "Abdoulaye Bathily, who was appointed ... in September 2022, briefed ...":
            # the subject stands before the "who" clause, not at its end.
            subject = _noun_phrase_before(sentence_words, rel) or _after_determiner(
                sentence_words, rel)
            if not subject:
                return None
        else:
            # ", launched in January," after a name, or ", reached in Brussels ...", or
            # "the opening of talks, decided by the European Council in December 2023,".
            before = _noun_phrase_before(sentence_words, lo - 1) or _after_determiner(
                sentence_words, lo - 1)
            if not before:
                return None
            subject, participle = before, True
    elif not subject and opener == "and":
        subject = _main_subject(sentence_words, lo)
    elif not subject and opener in ("who", "which") and lo >= 2 and (
        sentence_words[lo - 2].endswith(",")
    ):
        # "..., Helen La Lime of the United States, who completed her assignment on ...",
        # "The observation mission, which began its work on 14 March, ...".
        subject = _noun_phrase_before(sentence_words, lo - 2) or _after_determiner(
            sentence_words, lo - 2)
    elif not subject:
        return None
    while subject and bare(subject[0]) in ("and", "but", "then"):
        subject = subject[1:]  # ", and the EU Special Representative convened ..."
    if subject and bare(subject[0]) in PREPOSITIONS | {"in", "during", "under", "after"} and (
        not (len(subject) > 1 and bare(subject[1]) in ("least", "most"))
    ):
        return None  # "In its resolution 2720 (2023), adopted ...": no subject
    if not participle and not aux and is_verb(words, v) and (
        main + 1 < hi and bare(words[main + 1]) == "by"
        or any(bare(words[k]) in COPULAS | AUX_PERFECT for k in range(main + 1, hi)
               if kept(k))
        or any(bare(words[k]) in ("the", "a", "an") and bare(words[k - 1]) not in PREPOSITIONS
               and kept(k - 1) for k in range(max(first + 1, v - 3), v))
    ):
        # "the barricades erected [yesterday] ... were", "the meeting held [this week]":
        # a participle after a noun phrase, not the clause's verb.
        det = max((k for k in range(max(first, v - 4), v) if bare(words[k]) in DETERMINERS),
                  default=None)
        if det is not None and det > first:
            subject = words[det + 1 : v]
        participle = True
    elif not participle and not aux and v > first + 1 and bare(words[v - 1]) in EVENT_NOUNS \
            and v + 1 == skip[0] and (phrase := _phrase_before(words, v, first)) is not None:
        # "congratulates the people on the elections held [yesterday]": the participle
        # right before the date is the happening's, after the noun that names it.
        subject, participle = phrase, True
    if not subject:
        return None
    if person and bare(subject[0]) in ("he", "she") and all(
        bare(w) in ADVERBS | {"last", "first"} for w in subject[1:]
    ):
        subject = [person]  # "Later that day, he visited Camp Bondsteel": Campbell did
    if bare(subject[0]) in SUBJECT_PRONOUNS:
        return None
    subject = [w for w in subject if bare(w) not in ADVERBS]
    while subject and bare(subject[0]) in ("and", "but", "then"):
        subject = subject[1:]
    if participle:
        # "The 2024 Joint Response Plan for ... Crisis": no determiner, no year of a name
        subject = [w.rstrip(",") for w in subject
                   if not re.fullmatch(r"(?:1[89]|20)\d\d", bare(w))]
        if subject and bare(subject[0]) in DETERMINERS:
            subject = subject[1:]
    else:
        subject = short_subject(subject)
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
    if not rest and bare(verb) in REPORTING and not aside:
        # "Minister Petković said": what was said is not in the clause; not "the
        # decision, announced on 3 October,": the announcing is the happening
        return None
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


def _set_apart(words: list[str], lo: int, hi: int) -> bool:
    """Whether the phrase `words[lo:hi]` after a comma is a participle's phrase set apart
    (", launched in Geneva on 7 March,"): it opens with a past participle, and either it
    closes with a comma before a lowercase word and no comma stands before it in the
    sentence but its own, or it ends the sentence after a clause of lowercase words ("The
    plan implements the Strategy, adopted by ..."). Not "The Minister of ..., Enver
    Hoxhaj, received ...", where the verb's subject is the name set apart."""
    low = bare(words[lo])
    if not (is_verb(words, lo) and (low.endswith("ed") or low in PARTICIPLES)):
        return False
    if any(word.endswith((",", ";", ":")) for word in words[: lo - 1]):
        return False
    if hi < len(words):
        return words[hi - 1].endswith(",") and words[hi][:1].islower()
    return any(w[:1].islower() and bare(w).isalpha() and bare(w) not in DETERMINERS
               and bare(w) not in PREPOSITIONS for w in words[: lo - 1])


def _relative_clause_before(words: list[str], k: int) -> int | None:
    """Where the noun phrase ends before a "who" or "which" clause that ends at word `k`
    (", who was appointed in September 2022,"): the index of the word with the comma
    before "who"; None when the words up to `k` are no such clause."""
    for m in range(k, max(0, k - 25), -1):
        if m < k and words[m].endswith((",", ";", ":")):
            return None
        if bare(words[m]) in ("who", "which") and words[m][:1].islower() and (
            m >= 1 and words[m - 1].endswith(",")
        ):
            return m - 1
    return None


def _phrase_before(words: list[str], v: int, lo: int) -> list[str] | None:
    """The noun phrase a participle follows ("the aggression [launched]"): the words
    after the last determiner before it, at most four."""
    for k in range(v - 1, max(lo, v - 5) - 1, -1):
        if bare(words[k]) in DETERMINERS:
            return words[k + 1 : v] or None
        if words[k].endswith((",", ";")):
            return None
    return None


def _after_determiner(words: list[str], k: int) -> list[str]:
    """The noun phrase ending with word `k` (its comma dropped) after its determiner, at
    most five words ("The observation mission," -> "observation mission"); [] if none."""
    for m in range(k, max(-1, k - 6), -1):
        if m < k and words[m].endswith((",", ";")) or is_finite_word(words, m):
            return []
        if bare(words[m]) in DETERMINERS:
            return [w.rstrip(",") for w in words[m + 1 : k + 1]]
    return []


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
        word = words[i].rstrip(",").strip("\"“”")  # 'Strategy "European Moldova 2030",'
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


def nominal_title(words: list[str], i: int, j: int, after: list[str]) -> str | None:
    """The title of a date that names a happening: "the violent events of [September
    24]", "the violence in the north of Kosovo on [29 May]", "the [September 24] attack
    on the Kosovo Police", "condemns [yesterday's] attack on Odesa", completed by "in which
    a police officer was killed"."""
    phrase: list[str] | None = None
    tail: list[str] = []
    if bare(words[i]) in ("on", "in", "of", "for"):
        i += 1  # "on Thursday": the preposition is the date's
    if i >= 2 and bare(words[i - 1]) in ("of", "on", "in", "for", "from"):
        k = i - 2
        for start in range(k, max(-1, k - 24), -1):
            if words[start].endswith((",", ";")) and start != k or is_finite_word(words, start):
                break
            # "the ..." or "Azerbaijan's military operation", after "after" or "following".
            owner = words[start].endswith(("'s", "’s"))
            opens = bare(words[start]) in SUBORDINATORS | {"despite"}
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
    elif i >= 1 and (bare(words[i - 1]) in ("the", "a") or words[j - 1].endswith(
        ("'s", "’s"))  # "condemns yesterday's missile attack on Odesa"
    ) and any(
        # "the [8 May] parliamentary elections": the noun after at most two adjectives.
        bare(words[k]) in EVENT_NOUNS and not any(
            is_finite_word(words, m) or words[m].endswith((",", ";")) for m in range(j, k))
        for k in range(j, min(j + 3, len(words)))
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


def completed(title: str, next_sentence: str) -> str:
    """A noun-phrase title completed by the next sentence: "Violent events" + "These
    events included the tragic death of a Kosovo Police Sergeant" -> "Violent events kill
    a Kosovo Police Sergeant"."""
    m = _DEATH.match(next_sentence)
    if not m or " kill" in title:
        return title
    plural = title.split()[-1].lower().endswith("s")
    return finish([*title.split(), "kill" if plural else "kills", *m["who"].split()], 12)
