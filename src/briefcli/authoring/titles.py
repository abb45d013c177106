"""The words of a headline: which words of a clause are verbs, and how a subject, a verb
and what follows become a title of about ten words ("Secretary of State Antony J. Blinken
discussed ..." -> "Blinken discusses ..."). Word lists of English news prose, and the
functions `events` builds its titles with. Pure: no file, no printing.
"""

from __future__ import annotations

import re


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


WORD = re.compile(r"[^\s]+")

# Past tenses that are not "-ed" (a verb's base form, for a title in the present tense).
IRREGULAR = {
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
    "hit": "hit", "shut": "shut", "spread": "spread", "burst": "burst", "overran": "overrun",
    "overrode": "override", "froze": "freeze", "swept": "sweep", "sank": "sink",
    "dealt": "deal", "retook": "retake", "rebuilt": "rebuild", "forbade": "forbid",
}
PARTICIPLES = {"held", "made", "sent", "brought", "led", "left", "won", "lost", "struck",
                "fought", "sought", "built", "kept", "paid", "found", "laid", "hung", "sold",
                "bought", "upheld", "heard", "spent", "broken", "chosen", "drawn", "given",
                "taken", "seen", "known", "grown", "thrown", "written", "begun", "shot",
                "fallen", "withdrawn", "undertaken", "told", "said", "signed", "set", "cut",
                "put"}
# Regular verbs of news, by their base form: their "-ed" form is turned back into it.
REGULAR = sorted(_set(
    "accept adopt agree announce appoint approve arrest attack attend authorize authorise "
    "brief call cancel celebrate certify chair close commend complete condemn conclude "
    "confirm criticize declare decide deliver deploy deposit destroy discuss dissolve elect "
    "end endorse erect erupt establish expel expand extend express finish form host "
    "impose inaugurate injure introduce invade issue join kill launch mark meet name "
    "nominate note open order pass postpone present pledge propose ratify reach receive "
    "recognize recognise reject release renew report request resign return reveal sign "
    "start suspend terminate transfer unveil urge visit vote voice warn welcome withdraw "
    "wound abduct adopt advance allocate assume attack ban block capture carry clash "
    "collapse deny detain arrive resume apply travel rise reopen launch gather adjourn "
    "discuss convene hand move offer outline pay promise protest provide raise reach "
    "reaffirm recall receive reiterate rescue resettle respond return sentence shell "
    "stress strengthen support suspend sign summon thank train underline unveil "
    "welcome accuse evacuate displace flee fire vote prolong present grant storm intensify "
    "enter review seize free follow travel cross serve record inform damage"
))
BASE: dict[str, str] = {}
for _verb in REGULAR:
    if _verb.endswith("e"):
        BASE[_verb + "d"] = _verb
    elif _verb.endswith("y") and _verb[-2:-1] not in "aeiou":
        BASE[_verb[:-1] + "ied"] = _verb
    else:
        BASE[_verb + "ed"] = _verb
        if re.fullmatch(r".*[^aeiou][aeiou][bdgmnpt]", _verb) and _verb not in {
            "visit", "open", "deposit", "cancel", "happen", "order", "deliver", "transfer",
            "answer", "offer",
        }:
            BASE[_verb + _verb[-1] + "ed"] = _verb  # "banned", "planned"
    if re.fullmatch(r".*[^aeiou][aeiou]l", _verb):
        BASE[_verb + "led"] = _verb  # "travelled", "cancelled"
BASE["transferred"] = "transfer"
BASE.update(IRREGULAR)

# "-ed" words that are mostly adjectives or nouns, not verbs.
NOT_VERBS = _set(
    "united armed red bed need speed based related limited detailed advanced concerned "
    "interested alleged so-called hundred hundreds indeed proceed exceed succeed feed seed "
    "breed shed wed sacred naked wicked skilled supposed renewed unprecedented "
    "dedicated sophisticated experienced qualified organised organized coordinated "
    "increased reduced continued sustained repeated unified missing dated"
)
# Participles that passed for verbs above but are adjectives before a noun.
AUX_PASSIVE = frozenset(["was", "were", "is", "are", "been", "be", "being"])
AUX_PERFECT = frozenset(["has", "have", "had"])
MODALS = frozenset(["will", "would", "shall", "could", "may", "might", "must", "can"])
COPULAS = frozenset(["was", "were", "is", "are", "be", "been"])
REPORTING = frozenset(
    ["said", "say", "says", "warned", "warn", "warns", "stressed", "noted", "announced",
     "recalled", "underlined", "stated", "added", "reiterated", "told", "emphasized",
     "emphasised", "urged", "confirmed", "reported"]
)
ADVERBS = frozenset(
    ["strongly", "also", "unanimously", "already", "jointly", "formally", "officially",
     "again", "further", "then", "briefly", "finally", "once", "recently", "immediately",
     "publicly", "firmly", "warmly", "repeatedly", "today", "yesterday", "tomorrow"]
)
DETERMINERS = frozenset(
    ["the", "a", "an", "its", "their", "his", "her", "this", "these", "those", "that",
     "our", "some", "several", "two", "three", "both"]
)
BOUNDARY_WORDS = frozenset(
    ["that", "which", "who", "whom", "whose", "including", "when", "while", "whereas",
     "where", "although", "though", "because", "since", "until", "unless", "if",
     "following", "after", "before", "as", "amid", "despite"]
)
BACKGROUND = frozenset(["including"])
# Nouns that name a happening: a date after "the ... of" or before them is its date.
EVENT_NOUNS = _set(
    "attack attacks event events violence clash clashes fighting incident incidents "
    "explosion explosions bombing bombings shelling shooting shootings killing killings "
    "massacre election elections vote referendum meeting meetings summit talks visit "
    "ceasefire truce protest protests riot riots strike strikes offensive invasion coup "
    "arrest arrests earthquake flood floods outbreak decision adoption signing launch "
    "assault raid raids ambush abduction kidnapping conference session aggression "
    "war request vote operation ruling judgment verdict airstrike airstrikes crackdown "
    "withdrawal conclusions accession"
)
# Offices before a person's name: a subject with one of them is shortened to the surname.
OFFICES = _set(
    "secretary secretary-general president minister ambassador spokesperson spokesman spokeswoman "
    "representative commissioner chancellor king queen prince mr mrs ms dr sir commander "
    "chairman chair head chief director envoy senator governor mayor lieutenant major "
    "colonel general coordinator rapporteur adviser advisor"
)
HONORIFICS = _set(
    "secretary state president minister prime foreign deputy ambassador general "
    "spokesperson spokesman spokeswoman representative special high commissioner "
    "chancellor king queen prince mr mrs ms dr sir commander chairman chair head chief "
    "director envoy senator governor mayor federal serbian kosovo moldovan ukrainian "
    "un nato eu u.s. us former acting interim lieutenant major colonel"
)
SUBJECT_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
DANGLING = frozenset(
    ["a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and",
     "or", "but", "that", "which", "who", "as", "than", "into", "over", "after", "before",
     "following", "during", "between", "among", "including", "its", "their", "his", "her",
     "our", "this", "these", "those", "not", "also", "is", "are", "was", "were", "near",
     "about", "against", "under", "within", "without", "across", "through", "toward",
     "towards", "while", "amid", "because", "since", "until", "both", "whose", "new"]
)
PHRASE_STARTS = frozenset(
    ["of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "as", "into",
     "over", "under", "after", "before", "following", "during", "between", "among",
     "including", "that", "which", "who", "while", "amid", "against", "across", "through",
     "about", "since", "until", "without", "within", "near"]
)
NOUN_ENDS = ("tion", "sion", "ment", "ness", "ity", "ance", "ence", "ism", "s")
TITLE_WORDS = 11
"""A title made from a clause has at most this many words."""


def bare(word: str) -> str:
    return word.strip(",.;:!?\"'“”‘’()[]").casefold()


def is_verb(words: list[str], i: int) -> bool:
    """Whether `words[i]` is a finite verb or a participle of a clause (not an adjective
    before a noun): a known past tense, or a lowercase "-ed" word that is not a known
    adjective, nor hyphenated, nor after a determiner."""
    raw = words[i].strip(",.;:!?\"'“”‘’()[]")
    low = raw.casefold()
    if not raw or raw[0].isupper() or "-" in raw:
        return False
    previous = bare(words[i - 1]) if i else ""
    if previous in DETERMINERS:
        return False  # "the armed men", "a renewed call"
    if previous in ("of", "for", "among") and low.endswith("ed") and i + 1 < len(words) and (
        words[i + 1][:1].islower() and bare(words[i + 1]).isalpha()
    ):
        return False  # "the number of displaced people", "aid for injured civilians"
    if low in IRREGULAR or low in BASE:
        return True
    return low.endswith("ed") and len(low) > 4 and low not in NOT_VERBS


def is_finite_word(words: list[str], i: int) -> bool:
    low = bare(words[i])
    if i and words[i][:1].isupper():
        return False  # "May", "Will": a name inside a sentence
    return low in COPULAS or low in AUX_PERFECT or low in MODALS or is_verb(words, i)


# ------------------------------------------------------------------------------ titles


def clean_words(words: list[str]) -> list[str]:
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


def finish(words: list[str], limit: int = TITLE_WORDS) -> str:
    """A title from its words: at most `limit`, cut before the last phrase when over it,
    with no dangling word at its end, its first letter a capital, no final stop."""
    words = [w for w in clean_words(words) if w.strip(",.;:")]
    if words and bare(words[0]) in ("the", "a", "an"):
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
            if bare(cut[i]) in PHRASE_STARTS and cut[i] not in ("and", "or") and not (
                inside_name
            ):
                cut = cut[:i]
                break
        words = cut
    while words and (bare(words[-1]) in DANGLING or not bare(words[-1])):
        words.pop()
    if words and bare(words[0]) in ("the", "a", "an"):
        words = words[1:]
    text = " ".join(words).strip(" ,;:.–—-\"'“”")
    text = re.sub(r"\s+([,;:])", r"\1", text)
    return text[:1].upper() + text[1:]


def short_subject(words: list[str]) -> list[str]:
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
    # "the leaders of France, Germany and Italy": a list, not a name set apart.
    listed = len(segments) > 1 and re.fullmatch(
        r"[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?\s+and\s+(?:the\s+)?[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)?",
        segments[-1]) is not None
    if len(segments) > 1 and not listed:
        names = [s for s in segments if name_like(s.split())]
        office = any(bare(w) in OFFICES for s in segments for w in s.split())
        if names and not office and not name_like(segments[0].split()):
            # "Fighting in El Fasher, North Darfur,": a place set apart, not a person's name.
            text = segments[0]
        else:
            text = min(names, key=len) if names else segments[-1]
    conjuncts = re.split(r"\s+and\s+", text)
    if len(conjuncts) == 2:
        held, name = conjuncts[0].split(), conjuncts[1].split()
        if held and not name_like(held) and held[-1][:1].isupper() and any(
            bare(p) in OFFICES for p in held
        ) and len(name) >= 3 and name_like(name) and bare(name[-1]) not in HONORIFICS:
            # "Deputy Secretary of State for Management and Resources Richard R. Verma":
            # the "and" is inside the office; the person is the surname.
            return [name[-1]]
    out: list[str] = []
    for i, conjunct in enumerate(conjuncts):
        parts = conjunct.split()
        if len(parts) >= 2 and name_like(parts) and bare(parts[-1]) not in HONORIFICS and any(
            bare(p) in OFFICES for p in parts[:-1]
        ):
            # "Serbian President Aleksandar Vučić" -> "Vučić"; not "Kosovo Serbs".
            surname = parts[-1]
            parts = [surname]
        if i:
            out.append("and")
        out.extend(parts)
    return out


def name_like(words: list[str]) -> bool:
    """Words that are a name: each capitalised (or "of", "de", "von", "der", "la", an
    initial), at least two of them, none a title word when there are only two."""
    if len(words) < 2:
        return False
    small = {"of", "de", "von", "der", "van", "la", "le", "da", "del", "bin", "al"}
    return all(w[:1].isupper() or w in small for w in words)


def plural(subject: list[str]) -> bool:
    low = [bare(w) for w in subject]
    if "and" in low:
        return True
    # The head is the word before "of" ("Foreign ministers of the Berlin Process").
    head = subject[: low.index("of")] if "of" in low[1:] else subject
    last = head[-1] if head else ""
    if bare(last) in _PLURAL_WORDS:
        return True
    if last[:1].isupper():
        # "Kosovo Serbs", "Kosovo Albanians", "Armed Forces"; not "António Guterres".
        return bare(last) in _CAPITAL_PLURALS or bare(last).endswith("ians")
    return bool(last.endswith("s") and not last.endswith("ss"))


_PLURAL_WORDS = _set("men women people children police troops personnel staff")
_CAPITAL_PLURALS = _set(
    "serbs croats bosniaks kurds albanians forces allies parties members ministers leaders"
)


def present(verb: str, plural: bool) -> str:
    """A past tense in the present ("discussed" -> "discuss"/"discusses"); a verb not
    known keeps its tense."""
    low = bare(verb)
    base = BASE.get(low)
    if base is None:
        return verb.strip(",.;:")
    if plural:
        return base
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


def object_words(words: list[str], reporting: bool) -> list[str]:
    """What follows a verb, up to the end of its phrase: a comma, a clause's start, a
    purpose ("to reaffirm ..."), except that a reporting verb keeps the clause it
    reports ("warn that food rations will be cut" -> "warn food rations will be cut")."""
    out: list[str] = []
    for i, word in enumerate(words):
        low = bare(word)
        if low in ADVERBS and not out:
            continue
        if low == "that" and reporting and not out:
            continue
        if low in COPULAS | AUX_PERFECT | MODALS and not reporting and (out or i == 0):
            break  # "the barricades erected in the north ... were a response"
        if low in BOUNDARY_WORDS and (out or not reporting) and low != "that" or (
            low == "that" and not reporting
        ):
            break
        if low == "to" and len(out) >= 3 and i + 1 < len(words) and (
            bare(words[i + 1]) not in DETERMINERS and words[i + 1][:1].islower()
            and not bare(words[i + 1]).endswith(NOUN_ENDS)
        ):
            break  # "to reaffirm the support": a purpose, not the object
        out.append(word)
        if word.endswith((",", ";", ":")):
            out[-1] = word.rstrip(",;:")
            break
    return out


# Words that open a sentence before its subject: "On 11 September,", "Later that day,".
LEAD_IN = frozenset(["on", "in", "at", "during", "later", "earlier", "the", "that", "then",
                      "today", "yesterday", "tomorrow", "two", "three", "a", "after",
                      "following", "before", "this"])


def subject_person(words: list[str], person: str | None, people: set[str]) -> str | None:
    """The person "he" or "she" stands for after a sentence of `words`: the surname of
    its subject when that is a person named with an office ("NATO Secretary General Jens
    Stoltenberg travelled ...", "Mr Stoltenberg said ...") or by a surname named so
    before (`people`, updated); none after a subject of one other capitalised word (a
    surname named without an office, "Lajčák travelled ..."); else `person`, the one told
    of before (a subject "he", "the Council" or "Kurti and Vučić" names no other person
    to stand for)."""
    verb = next((k for k in range(len(words)) if is_finite_word(words, k)), None)
    if verb is None or verb == 0:
        return person
    that = next((k for k in range(verb + 1, min(verb + 4, len(words)))
                 if bare(words[k]) == "that"), None)
    if bare(words[verb]) in REPORTING and that is not None:
        # "Haq told reporters that the Special Representative, Simão, had arrived ...":
        # "he" next is the person the reported clause tells of, if it tells of one
        told = subject_person(words[that + 1 :], None, people)
        if told is not None:
            return told
    subject = words[:verb]
    comma = next((k for k, word in enumerate(subject) if word.endswith(",")), None)
    if comma is not None and bare(subject[0]) in LEAD_IN and comma + 1 < len(subject) and (
        not any(bare(word) in OFFICES for word in subject[: comma + 1])
    ):
        # "Later that day, the Deputy Secretary"; not "The Deputy Spokesperson, Haq,"
        subject = subject[comma + 1 :]
    if len(subject) == 1 and bare(subject[0]) in ("he", "she"):
        return person
    short = short_subject(subject)
    if 2 <= len(short) <= 4 and name_like(short) and any(
            bare(word) in OFFICES for word in subject):
        short = short[-1:]  # "The Special Representative ..., Leonardo Santos Simão,"
    if len(short) != 1 or not short[0][:1].isupper():
        return person
    name = short[0].strip(",.;:")
    if bare(name) in HONORIFICS | OFFICES:
        return person
    if len(subject) >= 2 and any(bare(word) in OFFICES for word in subject[:-1]):
        people.add(name)
        return name
    if name in people:
        return name
    # "Lajčák travelled to Belgrade": a surname not told with an office may be the
    # person "he" stands for next; better none than the one told of before
    return None if len(subject) == 1 and not name.isupper() else person
