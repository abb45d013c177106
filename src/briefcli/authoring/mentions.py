"""What one sentence of official prose names: people, organisations, places,
agreements and processes, as mentions for `names.py` to gather.

Runs of capitalised words are read from the words themselves, with no statistical
model: a title before a person's name ("Serbian President Aleksandar Vučić": a person
whose role is "President of Serbia", and Serbia), or before a comma and the name ("The
High Representative, Christian Schmidt,"), an honorific ("Dr. Petrović"), an
organisation's head word ("Kosovo Police", "Ministry of Foreign Affairs"), a place's
("Banjska Monastery"), an agreement's or a process's ("EU-facilitated Dialogue", "the
normalization agreement"), coordination ("the Presidents of Serbia and Montenegro"),
possessives ("Russia's"), the names of ISO 3166 for countries and their subdivisions,
GeoNames for cities (only where the words around say a place is meant: "in", "near",
"from" ..., or a dateline, since many towns are also words) and a small table of
international bodies. A word capitalised only because it opens a sentence names nothing
by itself; an adjective ("Serbian") is no entity. ISO and GeoNames data are loaded on
first use, never on import.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from briefcli.authoring import mentioncues as cues
from briefcli.authoring.appositives import appositive_title as _appositive_title
from briefcli.authoring.appositives import names_after as _names_after
from briefcli.authoring.appositives import of_country_person, quoted_speaker
from briefcli.authoring.mentioncues import AS_TITLE as _AS_TITLE
from briefcli.authoring.mentioncues import INSIDE_NAMES as _INSIDE_NAMES
from briefcli.authoring.mentioncues import INSTITUTIONS as _INSTITUTIONS
from briefcli.authoring.mentioncues import NOT_A_NOUN as _NOT_A_NOUN
from briefcli.authoring.mentioncues import UN_NOUNS as _UN_NOUNS
from briefcli.authoring.mentioncues import after_short_line as _after_short_line
from briefcli.authoring.mentioncues import as_written as _as_written
from briefcli.authoring.mentioncues import country_at as _country_at
from briefcli.authoring.mentioncues import owned_head as _owned_head
from briefcli.authoring.mentioncues import qualifier as _qualifier
from briefcli.authoring.mentioncues import starts_a_place as _starts_a_place
from briefcli.authoring.mentiontokens import PARTICLES as _PARTICLES
from briefcli.authoring.mentiontokens import Token as _Token
from briefcli.authoring.mentiontokens import capitalised as _capitalised
from briefcli.authoring.mentiontokens import name_like as _name_like
from briefcli.authoring.mentiontokens import title_at as _title_at
from briefcli.authoring.mentiontokens import tokens as _tokens
from briefcli.authoring.namedata import (
    AGREEMENT_HEADS,
    BODIES,
    CONFESSIONS,
    DEMONYMS,
    HONORIFICS,
    LOWER_TITLES,
    NAMING_NOUN_ENDINGS,
    ORGANIZATION_HEADS,
    PLACE_HEADS,
    PORTFOLIOS,
    PROCESS_HEADS,
    RANKS,
    STARTERS,
    TIME_WORDS,
    TITLE_MODIFIERS,
    TITLES,
)
from briefcli.authoring.placecues import (
    NOT_PLACES,
    capital,
    cities,
    compass_place,
    country_of,
    head_after,
    place_cue,
    subdivisions,
)
from briefcli.authoring.sentences import collapse
from briefcli.text import term_key

__all__ = ["Mention", "cities", "country_of", "kind_of_name", "kind_of_words", "mentions"]


class Mention(NamedTuple):
    """One mention in a sentence; `kind` None is a word to resolve against the others
    (a surname used alone)."""

    kind: str | None
    name: str
    start: int
    role: str | None = None
    alias: str | None = None  # the form written, when it is not the name
    acronym: str | None = None
    keys: tuple[str, ...] = ()  # other forms it is one entity with, not written here
    hint: str | None = None  # the kind a word of no kind has if no entity claims it


def _body(written: str, start: int) -> Mention:
    """A mention of an international body of the table, as written ("NATO"); its other
    form ("North Atlantic Treaty Organization") only joins it to another mention, and is
    not the draft's to write unless the text writes it too."""
    name, acronym = BODIES[written.lower()]
    return Mention("organization", written, start, keys=tuple(k for k in (name, acronym) if k))


# Days and months end a run: "the Council on Thursday" is the Council.
_TIME_WORDS = TIME_WORDS
_HEADS = ORGANIZATION_HEADS | PROCESS_HEADS | AGREEMENT_HEADS
# Capitalised words that open a sentence (or a name) without being part of a name.
_STARTERS = STARTERS
_NAMED_LOWER = re.compile(
    r"\bthe\s+([a-z]+(?:" + "|".join(NAMING_NOUN_ENDINGS) + r"))\s+(agreement|process|dialogue)\b"
)


# ------------------------------------------------------------------------------ places


# ------------------------------------------------------------------------------ runs


def _is_place(text: str) -> bool:
    """A country, a place of the table, a name with a place's head word ("Bay of
    Bengal") or a GeoNames city of that name."""
    words = text.split()
    return bool(country_of(text)) or kind_of_words([w.lower() for w in words]) == "place" or (
        len(text.split()) <= 3 and term_key(text) not in NOT_PLACES
        and (term_key(text) in cities() or term_key(text) in subdivisions())
    )


def _runs(tokens: list[_Token], sentence: str) -> list[tuple[int, int]]:
    """(first, last + 1) token index of each run of capitalised words, joined by
    lower-case joiners between capitalised words; a possessive ends a run."""
    runs = []
    i, n = 0, len(tokens)
    while i < n:
        if not _capitalised(tokens[i].text):
            i += 1
            continue
        j = i + 1
        if not tokens[i].possessive and tokens[i].text.lower() not in _TIME_WORDS:
            while j < n:
                t = tokens[j]
                if t.text.lower() in _TIME_WORDS or _after_short_line(sentence, t.start):
                    break
                if _capitalised(t.text):
                    j += 1
                elif (
                    (t.text in cues.JOINERS or t.text == "to" and (
                        tokens[j - 1].text.lower() in cues.TO_HEADS
                        or any(x.text.lower() in cues.TO_HEADS for x in tokens[i:j])
                        and _country_at(tokens, j + 1)  # "Delegation of the EU to Albania"
                        or _subject_to(tokens, i, j)
                    )) and j + 1 < n
                    and (_capitalised(tokens[j + 1].text) or tokens[j + 1].text in ("the",)
                         or (tokens[j + 1].text in _PARTICLES and j + 2 < n
                             and _capitalised(tokens[j + 2].text)))  # "von der Leyen"
                    and tokens[j + 1].text.lower() not in _TIME_WORDS
                ):
                    j += 1
                    continue
                else:
                    break
                if t.possessive:
                    break
        while j > i and tokens[j - 1].text in cues.JOINERS:
            j -= 1
        runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _subject_to(tokens: list[_Token], i: int, j: int) -> bool:
    """Whether the "to" at tokens[j] goes on the subject of an agreement's or a process's
    name: "Agreement on the Path to Normalisation" (its head, then "on", then a
    capitalised word just before the "to")."""
    low = [t.text.lower() for t in tokens[i:j]]
    return any(
        w in AGREEMENT_HEADS | PROCESS_HEADS and k + 1 < len(low) and low[k + 1] == "on"
        for k, w in enumerate(low)
    ) and _capitalised(tokens[j - 1].text) and low[-1] not in cues.JOINERS and not _country_at(
        tokens, j + 1)  # but "the Agreement on Trade to Serbia": a country it goes to


def _plural_title(word: str) -> bool:
    return word.lower().endswith("s") and word.lower()[:-1] in TITLES


class _Context(NamedTuple):
    sentence_start: bool  # the run opens the sentence
    before: str  # the word before the run, lower case
    after: str  # the text after the run, up to 40 characters
    year: str = ""  # a year just before the run ("The 2024 Chad Refugee Response Plan")
    # What says the run is a place whatever a gazetteer says: "" (nothing), "strong"
    # ("the village of", "near"), "list" (after a place: "in Zvečan, Leposavić and ..."),
    # or the lower-case head after it ("region", "crossing points").
    cue: str = ""


def _person(
    words: list[_Token], at: int, size: int, out: list[Mention]
) -> int:
    """A person after the title words[at:at + size] (and a qualifier before it or an
    "of Serbia" after it): added to `out` with its role, and the qualifier's place too.
    The index in `words` after the person's name, or 0 if no name follows the title."""
    title = " ".join(t.text for t in words[at : at + size])
    shown, place = _qualifier(words[:at])
    place_alias: str | None = None
    if shown and not place and not shown.isupper() and at > 1 and shown.lower() not in BODIES:
        out.append(Mention("organization", shown, words[0].start))  # "European Council"
    if not shown and at:  # "Lead Spokesperson"
        title = " ".join(t.text for t in words[: at + size])
    rest = words[at + size :]
    if rest and rest[0].text in ("of", "for", "in", "to"):  # "President of Serbia A. Vučić"
        first = 1 + (len(rest) > 1 and rest[1].text == "the")  # "of the Republic of Kosovo"
        for k in range(min(first + 4, len(rest)), first, -1):
            q_shown, q_place = _qualifier(rest[first:k])
            if q_shown:
                written_owner = " ".join(t.text for t in rest[first:k])
                owner = (("the " if q_shown in cues.WITH_THE else "") + q_shown if q_place
                         else " ".join(t.text for t in rest[1:k]))  # "the European Commission"
                title = f"{title} {rest[0].text} {owner}"
                place_alias = written_owner if q_place else None
                shown, place, rest = None, q_place, rest[k:]
                break
        else:  # "Minister of Economy Octavian Calmîc": a portfolio, then the name
            ends = [k for k in range(1, len(rest)) if rest[k].text.lower() in PORTFOLIOS]
            k = ends[0] + 1 if ends else 0
            while k < len(rest) and rest[k].text.lower() in PORTFOLIOS | {"and"}:
                k += 1  # "Foreign Affairs and Diaspora"
            q_place = None
            if k and k + 2 < len(rest) and rest[k].text == "of":
                # "Minister of Foreign Affairs of (the Republic of) Ukraine Dmytro Kuleba"
                q = 1 + (rest[k + 1].text == "the")
                for n in range(min(4, len(rest) - k - q - 2), 0, -1):
                    q_shown, q_place = _qualifier(rest[k + q : k + q + n])
                    if q_place:
                        portfolio = " ".join(t.text for t in rest[:k])
                        title, place = f"{title} {portfolio} of {q_place}", q_place
                        place_alias = " ".join(t.text for t in rest[k + q : k + q + n])
                        shown, rest = None, rest[k + q + n :]
                        break
            if not q_place and not k:  # "Special Representative for the ... Dialogue X Y"
                k = next((e + 1 for e in range(len(rest) - 3, 0, -1)
                          if rest[e].text.lower() in _HEADS and len(rest) - e - 1 in (2, 3)
                          and all(_name_like(t) for t in rest[e + 1 :])), 0)
            if not q_place and k and len(rest) - k in (2, 3):
                title, rest = title + " " + " ".join(t.text for t in rest[:k]), rest[k:]
    name: list[_Token] = []
    for n, t in enumerate(rest):
        inside = bool(name) and t.text.lower() in _INSIDE_NAMES and n + 1 < len(rest) and (
            _name_like(rest[n + 1]))  # "President Hassan Sheikh Mohamud"
        if not (_name_like(t) or inside) or len(name) == 4:
            break
        name.append(t)
        if t.possessive:
            break
    while name and name[-1].text.lower() in _PARTICLES:
        name.pop()
    if place:
        out.append(Mention("place", place, words[0].start,
                           alias=place_alias if place_alias != place else None))
    if not name or (len(name) == 1 and len(name[0].text) < 3):
        return 0
    if len(name) == 1 and (capital(name[0].text) or country_of(name[0].text)):
        # "... Department Spokesperson" and the header line "Washington, D.C." after it
        out.append(Mention("place", country_of(name[0].text) or name[0].text, name[0].start))
        return 0
    honorific = title.lower() in HONORIFICS
    role = None if honorific else title
    if role and shown:
        the = "the " if shown in cues.WITH_THE or (
            not place and not shown.isupper() and shown.lower() not in BODIES) else ""
        role = f"{role} of {the}{shown}" if " of " not in role else f"{shown} {role}"
    full = " ".join(t.text for t in name)
    written = " ".join(t.text for t in words[at : at + size] + name)
    out.append(Mention("person", full, name[0].start, role, written if len(name) == 1
                        and not honorific else None))
    return words.index(name[-1]) + 1


def _split_and(words: list[_Token]) -> list[list[_Token]]:
    """A run cut at "and", unless the "and" is inside a name: a country's ("Bosnia and
    Herzegovina"), or after a head word's or a title's "of", "for", "in" or "on"
    ("Organization for Security and Co-operation in Europe", "High Representative for
    Foreign Affairs and Security Policy")."""
    ands = [i for i, t in enumerate(words) if t.text == "and"]
    if not ands:
        return [words]
    texts = [t.text for t in words]
    low = [t.lower() for t in texts]
    cuts = []
    for k in ands:
        inside = any(
            country_of(" ".join(texts[a:b]))
            for a in range(max(0, k - 3), k) for b in range(k + 2, min(len(words), k + 4) + 1)
        )
        if not inside and not (k + 1 < len(low) and low[k + 1] == "the") and not (
            # "... of the EU and Commissioner for ... Várhelyi", "... and EU Special Envoy X"
            _title_at(texts, k + 1)
            or _title_at(texts, k + 2) and _qualifier(words[k + 1 : k + 2])[0]
        ):
            for i in range(k):
                head = low[i] in ORGANIZATION_HEADS | AGREEMENT_HEADS | PROCESS_HEADS or bool(
                    _title_at(texts, i)) or i == 0 and _law(low)
                if head and any(w in ("of", "for", "in", "on") for w in low[i:k]) and not (
                    country_of(" ".join(texts[k + 1 :]))
                ):
                    inside = True
                    break
        after = low[k + 1 :]
        if not inside and after and after[0] != "the" and (
            after[-1] in ORGANIZATION_HEADS | PROCESS_HEADS | AGREEMENT_HEADS
            or "of" in after[2:] and after[after.index("of") - 1] in ORGANIZATION_HEADS
        ) and not _has_head(low[:k]) and not any(_title_at(texts, i) for i in range(k)) and (
            not country_of(" ".join(texts[:k]))
        ):
            inside = True  # "Common Security and Defence Policy"
        if not inside:
            cuts.append(k)
    parts, start = [], 0
    for k in cuts:
        parts.append(words[start:k])
        start = k + 1
    parts.append(words[start:])
    return [p for p in parts if p]


def _has_head(low: list[str]) -> bool:
    heads = ORGANIZATION_HEADS | AGREEMENT_HEADS | PROCESS_HEADS | PLACE_HEADS
    return any(w in heads for w in low) or _law(low)


def _law(low: list[str]) -> bool:
    """Whether a name is a law's, its head first: "Law on the Civil Service", "Law of
    Ukraine on ..." (not "International Law" or a "Faculty of Law")."""
    return len(low) > 2 and low[0] == "law" and low[1] in ("on", "of")


def _split_joiners(words: list[_Token]) -> list[tuple[str, list[_Token]]]:
    """A run joined by "of", "for", "in" or "on" but holding no head word ("United States
    for Moldova"), cut at them: (the joiner before, the words) per part."""
    low = [t.text.lower() for t in words]
    if low[0] in cues.PLACE_FIRST and len(low) > 2 and low[1] == "of":  # "Cape of Good Hope"
        return [("", words)]
    joiner = next((i for i, w in enumerate(low) if w in ("of", "for", "in", "on")), 0)
    first = " ".join(t.text for t in words[:joiner])
    if joiner and low[joiner] != "of" and (country_of(first) or joiner == 1 and capital(first)):
        # "a loan to Serbia for the Public Utilities Energy Efficiency Project", "met in
        # Tirana for the Berlin Process Summit"
        rest = [t for t in words[joiner + 1 :] if t.text.lower() != "the"]
        return [("", words[:joiner]), (low[joiner], rest)] if rest else [("", words)]
    for i, w in enumerate(low):  # "Implementation Annex in Ohrid"
        if w == "in" and 0 < i < len(low) - 1 and (
            low[i - 1] in AGREEMENT_HEADS | PROCESS_HEADS | PLACE_HEADS
            or (low[i - 1] in ORGANIZATION_HEADS - cues.IN_PLACE_HEADS or not _has_head(low[:i])
                or _owned_head(low[:i]) in ORGANIZATION_HEADS - cues.IN_PLACE_HEADS)
            and _is_place(" ".join(t.text for t in words[i + 1 :] if t.text not in ("The", "the")))
        ):
            return [("", words[:i]), ("in", words[i + 1 :])]
    if _has_head(low) or not any(w in ("of", "for", "in", "on") for w in low):
        return [("", words)]
    if country_of(" ".join(t.text for t in words)):
        return [("", words)]
    parts: list[tuple[str, list[_Token]]] = []
    before, start = "", 0
    for i, w in enumerate(low):
        if w in ("of", "for", "in", "on"):
            parts.append((before, words[start:i]))
            before, start = w, i + 1
    parts.append((before, words[start:]))
    return [(b, [t for t in p if t.text.lower() not in ("the",)]) for b, p in parts if p]


def kind_of_words(low: list[str]) -> str | None:
    """The kind a name's head word says: its last word, or the word before its first
    "of", "for" or "in" ("Ministry of Foreign Affairs", "Mission in Kosovo")."""
    if _law(low):
        return "agreement"
    heads = [low[-1]]
    for i, w in enumerate(low):
        if w in ("of", "for", "in", "on", "to") and i:
            heads.append(low[i - 1])
            break
    for head in heads:
        head = head.rsplit("-", 1)[-1] if head.endswith("-") else head
        if head in ("church", "churches") and any(
            w in DEMONYMS or w in CONFESSIONS for w in low[:-1]
        ):
            return "organization"  # "the Serbian Orthodox Church", not a church building
        if head in AGREEMENT_HEADS:
            return "agreement"
        if head in PROCESS_HEADS:
            return "process"
        if head in PLACE_HEADS:
            return "place"
        if head in ORGANIZATION_HEADS:
            return "organization"
    return None


def kind_of_name(name: str) -> str | None:
    """The kind a written name is by its words ("Kosovo Force" -> organization,
    "Serbia" -> place), or None. Lower-case names (defined terms) have none."""
    words = name.split()
    if not words or not _capitalised(words[0]):
        return None
    if country_of(name):
        return "place"
    low = name.lower()
    if low in BODIES:
        return "organization"
    purpose = re.search(r"\s+to\s+[a-z]", name)
    if purpose:  # "Mission to support the Hudaydah Agreement": the head is before "to"
        words = name[: purpose.start()].split()
    return kind_of_words([w.strip(",.").lower() for w in words])


def _classify(words: list[_Token], ctx: _Context, out: list[Mention]) -> str | None:
    """The mentions one run of capitalised words holds, added to `out`. The run's title
    when it is a title no name follows ("the High Representative"), for a name after a
    comma."""
    while words and (
        words[0].text.lower() in cues.JOINERS
        or (words[0].text.lower() in _STARTERS and (ctx.sentence_start or len(words) > 1)
            and not _starts_a_place(words))
        or (cues.LED.match(words[0].text) and len(words) > 1)
    ):
        if words[0].text.lower() in ("mr", "ms", "mrs", "dr"):
            break
        dropped = words[0].text.lower()
        led = cues.LED.match(words[0].text)
        if led and led[1].lower() in BODIES:  # "the NATO-led Kosovo Force": NATO is named
            out.append(_body(led[1], words[0].start))
        words = words[1:]  # "In Geneva, ...": the preposition says a place is meant
        ctx = ctx._replace(sentence_start=False,
                           before=dropped if dropped in cues.PLACE_CONTEXT else "")
    if not words or (len(words) == 1 and words[0].text.lower() in _TIME_WORDS):
        return None  # days and months are no entities
    if " ".join(t.text.lower() for t in words) in cues.GENERIC:
        return None
    if len(words) > 2 and words[0].text.lower() in cues.IN_PLACE_HEADS and (
        words[1].text == "in"
    ):  # "talks facilitated by the Mission in Tripoli": the Mission of the story, and a place
        return _classify(words[2:], ctx._replace(before="in", sentence_start=False), out)
    first = words[0].text
    opens_with_noun = ctx.sentence_start and len(words) > 2
    if opens_with_noun and words[1].text in ("of", "for", "on", "in") and not (
        _title_at([first], 0) or _has_head([first.lower()]) or country_of(first)
        or first.lower() in BODIES or first.isupper()
    ):  # "Support for the Pacific Islands Forum": a sentence's first noun is no name's
        return _classify(words[2:], ctx._replace(sentence_start=False, before=words[1].text),
                         out)
    low_words = [t.text.lower() for t in words]
    if len(words) >= 5 and low_words[-3:-1] == ["of", "the"] and (
        low_words[-1] in ORGANIZATION_HEADS - _INSTITUTIONS
        and kind_of_words(low_words[:-3]) == "organization"
    ):  # "the Crisis and Support Centre of the Ministry": a bare head says whose it is
        # (but the "General Secretariat of the Council" is that body's name)
        words = words[:-3]
    cut = next((k for k in range(2, len(words) - 2) if low_words[k] == "republic"
                and low_words[k - 1] not in cues.JOINERS and low_words[k + 1] == "of"
                and country_of(" ".join(t.text for t in words[k:]))
                and kind_of_words(low_words[:k]) == "organization"), 0)
    if cut:  # a site's header "Ministry of Foreign Affairs Republic of Poland": two names
        _classify(words[:cut], ctx, out)
        return _classify(words[cut:], ctx._replace(sentence_start=False, before=""), out)
    cut = next((k for k in range(1, len(words) - 1) if low_words[k] in RANKS
                and words[k + 1].text.isupper() and len(words[k + 1].text) > 1), 0)
    if cut:  # "Ana Matijević / National Public Information Officer / OSCE Mission to Serbia"
        _classify(words[: cut + 1], ctx, out)
        return _classify(words[cut + 1 :], ctx._replace(sentence_start=False, before=""), out)
    parts = _split_and(words)
    if len(parts) > 1:
        role = None
        part_ctx = ctx._replace(sentence_start=False)
        if not ctx.sentence_start and all(  # "Nova Kakhovka and Oleshky": cities, each
                term_key(" ".join(t.text for t in part)) in cities() for part in parts):
            part_ctx = part_ctx._replace(cue="list")
        for n, part in enumerate(parts):
            count = len(out)
            found = _classify(part, part_ctx, out)
            # The title the name after a comma goes with: the last part's ("... and the
            # President of the European Commission, Ursula von der Leyen"), else the first's
            # ("the Presidents of Serbia and Montenegro, Aleksandar Vučić and ...").
            role = found if found and n == len(parts) - 1 else role or (found if n == 0 else None)
            if not ctx.sentence_start and any(m.kind == "place" for m in out[count:]) and (
                ctx.cue or ctx.before in cues.PLACE_CONTEXT
            ):  # "in Gračanica and Štrpce": what is joined to a place is one too
                part_ctx = part_ctx._replace(cue=ctx.cue or "list")
        return role
    texts = [t.text for t in words]
    for i in range(len(words)):
        size = _title_at(texts, i)
        plural = _plural_title(texts[i])
        if not (size or plural) or (
            i and not _qualifier(words[:i])[0]
            and not all(t.text.lower() in TITLE_MODIFIERS for t in words[:i])
        ):
            continue
        while size and _title_at(texts, i + size):  # "Commander Major General"
            size += _title_at(texts, i + size)
        if size and i + size < len(words):
            after = _person(words, i, size, out)
            if after:  # "Albin Kurti in Pristina": what follows the name, too
                rest = words[after:]
                if len(rest) > 1 and rest[0].text in cues.JOINERS:
                    _classify(rest[1:], ctx._replace(before=rest[0].text), out)
                return None
        # A title no name follows: "the Presidents of Serbia", "the Secretary".
        after_title = i + (size or 1)
        if after_title + 1 < len(words) and texts[after_title] in ("of", "for", "in", "to", "on"):
            # "briefed the Secretary on Yerevan's efforts": the name after it is its own;
            # "the Ambassador of France to Serbia": two
            rest, joiner = words[after_title + 1 :], texts[after_title]
            to = next((k for k in range(1, len(rest) - 1) if rest[k].text == "to"), 0)
            if to:
                _classify(rest[:to], ctx._replace(before=joiner), out)
                rest, joiner = rest[to + 1 :], "to"
            _classify(rest, ctx._replace(before=joiner), out)
        elif i:
            place = _qualifier(words[:i])[1]
            if place:
                out.append(Mention("place", place, words[0].start))
        if plural:
            return texts[i][:-1]
        return " ".join(texts) if texts[i].lower() not in HONORIFICS else None
    while (  # "a Kosovo Police Sergeant", but "the Office of the Spokesperson"
        len(words) > 1 and words[-1].text.lower() in RANKS
        and words[-2].text.lower() not in cues.JOINERS
        and _title_at([words[-2].text, words[-1].text], 0) != 2  # "the High Representative"
    ):
        words = words[:-1]
    low_words = [t.text.lower() for t in words]
    if "affairs" in low_words and not (set(low_words) & ORGANIZATION_HEADS):
        return None  # a portfolio: "Foreign Affairs and Security Policy"
    parts2 = _split_joiners(words)
    if len(parts2) > 1:
        for before, part in parts2:
            _classify(part, ctx._replace(before=before or ctx.before,
                                         sentence_start=ctx.sentence_start and not before), out)
        return None
    texts = [t.text for t in words]
    listed = next((k for k in range(1, len(words) - 1) if texts[k] in ("Countries", "States")
                   and country_of(" ".join(texts[k + 1 :]))), 0)
    if listed:  # "The Candidate Countries North Macedonia, Montenegro": the first country
        return _classify(words[listed + 1 :], ctx._replace(sentence_start=False), out)
    text = " ".join(texts)
    start, low = words[0].start, text.lower()
    country = country_of(text)
    if country and re.match(r"\s+dollars?\b", ctx.after):
        return None  # "5 million US dollars": a currency
    if country and term_key(text) in ("us", "uk") and re.match(r"\s+[a-z]", ctx.after) and (
        not cues.SPEECH.match(ctx.after) and not _NOT_A_NOUN.match(ctx.after)
    ):
        return None  # "U.S. humanitarian assistance": an adjective, as "Serbian" is
    if country:
        out.append(Mention("place", country, start, alias=text if text != country else None))
        return None
    if compass_place(texts):  # "Mitrovica North", "North Darfur"
        out.append(Mention("place", text, start))
        return None
    if low in BODIES and not (low in ("un", "u.n.") and _UN_NOUNS.match(ctx.after)):
        out.append(_body(text, start))  # but "a joint UN mission": the UN names no one here
        return None
    if low in BODIES:
        return None
    if len(words) in (2, 3) and texts[0].lower() in BODIES and texts[-1].endswith("s") and (
        all(t[:1].isupper() and not t.isupper() for t in texts[1:])
        and not _plural_title(texts[-1])
        and kind_of_words(low_words[1:]) is None
    ):  # "NATO Allies had not delivered", "EU Member States": the body they are of
        out.append(_body(texts[0], start))
        return None
    if len(words) > 1 and texts[0].lower() in BODIES and country_of(" ".join(texts[1:])):
        out.append(_body(texts[0], start))  # "OCHA Sudan": the body's office there
        out.append(Mention("place", country_of(" ".join(texts[1:])) or "", words[1].start))
        return None
    if len(words) >= 3 and texts[-2].lower() in ORGANIZATION_HEADS and (
        country_of(texts[-1]) or capital(texts[-1])
    ):
        # "U.S. Embassy Pristina" (the capitals of the region are in the table of places)
        out.append(Mention("organization", text, start))
        return None
    if len(words) > 1 and low.split()[0] in cues.PLACE_FIRST:  # "Palais des Nations"
        out.append(Mention("place", text, start))
        return None
    if len(words) > 1 and texts[0] in ("Operation", "Exercise"):  # "Operation Althea"
        out.append(Mention("process", text, start))
        return None
    kind = kind_of_words([t.lower() for t in texts]) if len(words) > 1 else None
    if kind:
        if kind in ("agreement", "process") and ctx.year:
            text, start = f"{ctx.year} {text}", start - len(ctx.year) - 1
        out.append(Mention(kind, text, start))
        return None
    named = cues.LOWER_HEAD.match(ctx.after)
    if named and all(_name_like(t) for t in words) and low not in DEMONYMS:
        # "the Open Balkan initiative", "the Shor party": a name and its head in lower case
        head = named.group(1)
        kind = "organization" if head in ("party", "movement") else kind_of_words([head])
        out.append(Mention(kind, f"{text} {head}", start))
        return None
    town_of = cues.TOWN_OF.match(ctx.after) if ctx.before in cues.TOWN_BEFORE else None
    if town_of and country_of(town_of[1]) and _unknown_place(words) and not words[-1].possessive:
        out.append(Mention("place", text, start))  # "from Larissa, Greece,"
        return None
    if ctx.cue and _unknown_place(words):
        head = head_after(ctx.after)
        alias = f"{text} {head[0]}" if head and head[1] and ctx.cue == head[0] else None
        out.append(Mention("place", text, start, alias=alias))
        return None
    if len(words) == 1 and capital(text) and not text.isupper():
        out.append(Mention("place", _as_written(cities().get(term_key(text), text), text),
                           start))
        return None
    place_context = ctx.before in cues.PLACE_CONTEXT or bool(cues.DATELINE_AFTER.match(ctx.after))
    if place_context and low not in NOT_PLACES and not text.isupper() and not (
        ctx.sentence_start and not cues.DATELINE_AFTER.match(ctx.after)
    ):
        key = term_key(text)
        if key in subdivisions():
            out.append(Mention("place", text, start))
            return None
        city = cities().get(key)  # GeoNames is loaded here, on the first such word
        if city is None and re.search(r"\w['’]\w", text) and cities().get(
            term_key(re.sub(r"(?<=\w)['’](?=\w)", "", text))
        ):  # "Sana'a", which GeoNames writes "Sanaa"
            city = text
        if city:
            city = _as_written(city, text)
            out.append(Mention("place", city, start, alias=text if text != city else None))
            return None
    if len(words) == 1 and not (ctx.sentence_start and texts[0].lower() in _STARTERS):
        # A surname or an acronym, maybe; the subject of what bodies do ("Frontex
        # extended", "Moldovagaz and Energocom signed") is a body if nothing else is.
        acts = (cues.ACTS.match(ctx.after) or cues.WHICH_ACTS.match(ctx.after)) and not (
            ctx.sentence_start and low.endswith(cues.PLURALS)) or (
            words[0].possessive and not ctx.sentence_start)  # "Gazprom's cuts"
        hint = "organization" if acts and (_name_like(words[0]) or (
            text.isupper() and len(text) > 1 and not any(c.isdigit() for c in text))) else None
        if cues.ARMED.match(ctx.after) and low not in DEMONYMS and not words[0].possessive:
            hint = "organization"  # "the M23 armed group"
        out.append(Mention(None, text, start, hint=hint))
    elif len(words) in (2, 3) and all(_name_like(t) for t in words):
        as_title = _AS_TITLE.match(ctx.after)  # "the appointment of Garry Conille as Prime"
        kind = "person" if as_title and _title_at(re.findall(r"[\w'’-]+", as_title[1]), 0) \
            else None
        out.append(Mention(kind, text, start))  # a full name, if a surname says so
    if all(_name_like(t) for t in words) and len(words) <= 3 and cues.SPEECH.match(ctx.after) \
            and not words[-1].possessive and not (
                ctx.sentence_start and len(words) == 1 and low.endswith(cues.PLURALS)):
        out[-1] = Mention("person", text, start)  # "Guterres said", not "Allies welcomed"
    return None


def _peoples(sentence: str, out: list[Mention]) -> list[Mention]:
    """A body whose name opens with "People's" ("the People's Assembly of Gagauzia"), which
    the possessive cut off from it: one name, and no "People"."""
    for n, m in enumerate(out):
        before = sentence[: m.start]
        owner = re.search(r"\b(People['’]s|Peoples['’]|Workers['’]) $", before)
        if m.kind == "organization" and owner:
            out[n] = m._replace(name=f"{owner[1]} {m.name}", start=owner.start(1))
            out = [o for o in out if not (o.start == owner.start(1) and o.name in (
                "People", "Peoples", "Workers"))]
            return _peoples(sentence, out)
    # "the People's Republic of China" is China, and no body "People"
    return [o for o in out if not (o.kind is None and o.name in ("People", "Republic") and re.match(
        r"(?:People['’]s )?Republic of [A-Z]", sentence[o.start :]))]


def _unknown_place(words: Sequence[_Token]) -> bool:
    """Whether a run the words around call a place can be one by its own words: one to
    three capitalised words of a name, none a title, a demonym or a word of no place."""
    text = " ".join(t.text for t in words)
    return (
        len(words) <= 3 and all(_name_like(t) or t.text.lower() in cues.JOINERS for t in words)
        and _name_like(words[0]) and _name_like(words[-1])
        and term_key(text) not in NOT_PLACES and text.lower() not in DEMONYMS
        and not any(t.text.lower() in DEMONYMS for t in words)
    )


def mentions(sentence: str) -> list[Mention]:
    tokens = _tokens(sentence)
    out: list[Mention] = []
    role: str | None = None  # the title of the run before, awaiting a name
    appositive: str | None = None  # an acronym the next run may be the name of
    last_end = list_from = -1
    from_lower = False  # whether `role` is a title written in lower case
    runs = _runs(tokens, sentence)
    for k, (i, j) in enumerate(runs):
        before = tokens[i - 1].text.lower() if i else ""
        between = [t.text.lower() for t in tokens[max(last_end, 0) : i]]
        lower = next((w for w in between if w in LOWER_TITLES or (
            w.endswith("s") and w[:-1] in LOWER_TITLES)), None)
        if lower:  # "the special envoys of the European Union ..., François Léotard"
            role = lower[:-1] if lower[:-1] in LOWER_TITLES else lower
            from_lower = True
        # "..., Josep Borrell, said": people named after a title and a comma.
        if role and before == ",":
            people = _names_after(tokens, i, j)
            if people:
                for name in people:
                    out.append(Mention("person", " ".join(t.text for t in name),
                                        name[0].start, role))
                role, last_end = None, j
                continue
        # "The Foreign Ministers of Austria, Alexander Schallenberg, of Croatia, ...": the
        # person of a country named just before, between commas.
        if before == "," and k and of_country_person(tokens, runs[k - 1], (i, j)):
            people = _names_after(tokens, i, j)
            if people and len(people) == 1:
                out.append(Mention("person", " ".join(t.text for t in people[0]),
                                   tokens[i].start, role))
                last_end = j
                continue
        # "UNHCR spokesperson Olga Sarrado Mur", "Katya Andrusz, Spokesperson, OSCE/ODIHR".
        lower_title = before in LOWER_TITLES and i >= 2 and last_end == i - 1
        comma_title = _appositive_title(tokens, j)
        if not lower_title and not comma_title and quoted_speaker(tokens, i, j):
            comma_title = ""  # '"...," said Sophie Gilbert': the speaker of a quotation
        if lower_title or comma_title is not None:
            people = _names_after(tokens, i, j)
            if people and len(people) == 1:
                title = f"{tokens[i - 2].text} {before}" if lower_title else comma_title
                out.append(Mention("person", " ".join(t.text for t in people[0]),
                                    tokens[i].start, title or None))
                role, last_end = None, j
                continue
        if before in LOWER_TITLES and i >= 1:
            before = tokens[i - 2].text.lower() if i >= 2 else ""
        opens = i == 0 or tokens[i - 1].text in "\"“‘'(:–—-•*"
        year = tokens[i - 1].text if i and re.fullmatch(r"(?:19|20)\d\d", tokens[i - 1].text) \
            else ""
        after_text = sentence[tokens[j - 1].end :][:60]
        cue = place_cue([t.text for t in tokens], (i, j), runs[k + 1 :], list_from,
                        after_text, tokens[i].possessive)
        ctx = _Context(opens, before, after_text, year, cue)
        count = len(out)
        found = _classify(tokens[i:j], ctx, out)
        # A title in lower case waits over the bodies and places it is of ("the head of
        # the Kharkiv Regional Military Administration, Oleh Syniehubov").
        keep = from_lower and role is not None and count < len(out) and all(
            m.kind in ("organization", "place") for m in out[count:])
        role, from_lower = found or (role if keep else None), keep and not found
        list_from = -1
        if any(m.kind == "place" for m in out[count:]) and not opens and (
            cue or before in cues.PLACE_CONTEXT
        ):
            list_from = j  # the end of a place a list may go on from
        if appositive and count < len(out) and out[count].kind == "organization":
            out[count] = out[count]._replace(keys=(*out[count].keys, appositive))
        # "UNHCR, the UN Refugee Agency,": the acronym and the name after it are one.
        appositive = tokens[i].text if (
            j == i + 1 and tokens[i].text.isupper() and len(tokens[i].text) > 1
            and j + 1 < len(tokens) and tokens[j].text == "," and tokens[j + 1].text == "the"
        ) else None
        last_end = j
    out = _peoples(sentence, out)
    for m in [*cues.COMPANY_LIST.finditer(sentence), *cues.NAMED_BODY.finditer(sentence)]:
        # the words of no kind in a list of companies, or after "the mission,", are bodies
        out = [o._replace(hint="organization") if o.kind is None and (
            m.start(1) <= o.start < m.end(1)) and o.name.lower() not in DEMONYMS else o
            for o in out]
        starts = {o.start for o in out}
        for item in re.finditer(cues.ITEM, sentence[: m.end(1)]):
            if item.start() >= m.start(1) and item.start() not in starts and (
                item.group().lower() not in DEMONYMS and len(item.group()) > 2
            ):  # "UGT Renewables", which reads as no name of a person
                out.append(Mention(None, item.group(), item.start(), hint="organization"))
    for m in _NAMED_LOWER.finditer(sentence):
        kind = "agreement" if m.group(2) == "agreement" else "process"
        named = f"{m.group(1)} {m.group(2)}"
        out.append(Mention(kind, named[0].upper() + named[1:], m.start(1)))
    for m in cues.RESOLUTION.finditer(sentence):
        number = re.search(r"\d{2,4}", m.group())
        # "Security Council resolution 1244 (1999)": the Council is named by it, not here.
        out = [o for o in out if not m.start() <= o.start < m.end()]
        out.append(Mention("agreement", collapse(m.group()), m.start(),
                            alias=f"resolution {number.group() if number else ''}"))
    return out


