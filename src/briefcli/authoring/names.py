"""Named entities written in official prose, each once: `find_names` gathers what
`mentions.py` reads in each sentence (people, organisations, places, agreements and
processes) and the acronym definitions `acronyms.py` finds into entities. A long form and
its short form are one entity; a person's forms ("Antony J. Blinken", "Secretary
Blinken", "Blinken") are one, under the fullest name, the others as aliases; a word of
no kind by itself (a surname alone) counts only as another form of an entity found. Pure:
nothing printed, no data loaded but what `mentions.py` loads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import NamedTuple

from briefcli.authoring.acronyms import AcronymDefinition
from briefcli.authoring.mentions import Mention, kind_of_name, mentions
from briefcli.authoring.namedata import BODIES, ORGANIZATION_HEADS
from briefcli.authoring.placecues import cities, country_of
from briefcli.authoring.sentences import collapse, split_sentences
from briefcli.text import term_key

__all__ = ["NamedEntity", "find_names", "kind_of_name", "same_person"]

_DEFINES = re.compile(r"^[,\s]*(?:or\s+(?:the\s+)?[^,]+,\s*)?(?:is|was)\s+(?:an?|the)\s+(.+)$")


class NamedEntity(NamedTuple):
    """An entity a text names: its fullest `name`, its `kind` (person, organization,
    place, agreement, process, or None for a defined term such as "unmanned aerial
    vehicle"), its `acronym`, the other forms used (`aliases`), the `role` the text
    gives, a `summary` where a sentence defines it ("X is a ..."), and the sentence and
    offset of its first mention."""

    name: str
    kind: str | None
    acronym: str | None
    aliases: tuple[str, ...]
    role: str | None
    summary: str | None
    start: int
    sentence: str


# ------------------------------------------------------------------------------ merging


class _Entity:
    def __init__(self, kind: str | None, name: str, start: int, sentence: str) -> None:
        self.kind, self.name, self.start, self.sentence = kind, name, start, sentence
        self.acronym: str | None = None
        self.aliases: dict[str, None] = {}
        self.role: str | None = None
        self.summary: str | None = None

    def rename(self, name: str) -> None:
        """A fuller name: the one it had becomes an alias."""
        old, self.name = self.name, name
        self.add_alias(old)

    def forms(self) -> list[str]:
        return [term_key(k) for k in (self.name, self.acronym, *self.aliases) if k]

    def add_alias(self, text: str | None) -> None:
        if text and term_key(text) not in (term_key(self.name), term_key(self.acronym or "")):
            self.aliases.setdefault(text)

    def frozen(self) -> NamedEntity:
        aliases = tuple(a for a in self.aliases if term_key(a) != term_key(self.name))
        return NamedEntity(self.name, self.kind, self.acronym, aliases, self.role,
                           self.summary, self.start, self.sentence)


def _singular(short: str) -> str | None:
    """"UAVs" -> "UAV": an acronym written with a plural s."""
    if len(short) > 2 and short.endswith("s") and short[:-1].isupper():
        return short[:-1]
    return None


class _Names:
    """The entities of one text being gathered, findable by any of their keys."""

    def __init__(self) -> None:
        self.entities: list[_Entity] = []
        self.by_key: dict[str, _Entity] = {}
        self.by_surname: dict[str, list[_Entity]] = {}
        self.hidden: dict[str, _Entity] = {}  # forms of the table of bodies not written

    def index(self, entity: _Entity) -> None:
        for key in entity.forms():
            self.by_key.setdefault(key, entity)
        self.by_key.setdefault(_canonical(entity.name), entity)
        if entity.kind == "person":
            surname = term_key(entity.name.split()[-1])
            people = self.by_surname.setdefault(surname, [])
            if entity not in people:
                people.append(entity)

    def new(self, kind: str | None, name: str, start: int, sentence: str) -> _Entity:
        entity = _Entity(kind, name, start, sentence)
        self.entities.append(entity)
        self.index(entity)
        return entity

    def definition(self, d: AcronymDefinition) -> None:
        short, plural = d.short, None
        if _singular(short):
            short, plural = _singular(short) or short, short
        entity = self.by_key.get(term_key(d.long)) or self.by_key.get(term_key(short))
        long = _NAME_AFTER_NOUN.sub("", d.long)  # "mandate of the United Nations ... Mission"
        if plural and long.endswith("s") and not long.endswith("ss") and long.islower():
            long = long[:-1]  # "unmanned aerial vehicles" -> "unmanned aerial vehicle"
        if entity is None:
            entity = self.new(_kind_of_long(long), long, d.start, d.sentence)
        elif entity.acronym and term_key(entity.acronym) != term_key(short):
            return  # another acronym for the same words: the first stays
        entity.acronym = entity.acronym or short
        if term_key(entity.name) != term_key(long):
            entity.add_alias(long)
        entity.add_alias(plural)
        if entity.kind is None:
            entity.kind = _kind_of_long(long)
        self.index(entity)

    def fuller(self, name: str, d: AcronymDefinition) -> None:
        """A name that runs on before a definition's long form and ends as it does: the
        fuller name of that entity, its long form an alias."""
        entity = self.by_key.get(term_key(d.short))
        if entity is not None and term_key(name).endswith(term_key(entity.name)):
            entity.rename(name)
            self.index(entity)

    def mention(self, m: Mention, sentence: str, offset: int) -> None:
        start = offset + m.start
        if m.kind == "person":
            self._person(m, start, sentence)
            return
        forms = [term_key(f) for f in (m.name, m.acronym, m.alias, *m.keys) if f]
        forms.append(_canonical(m.name))
        entity = next((self.by_key[k] for k in forms if k in self.by_key), None) or next(
            (self.hidden[k] for k in forms if k in self.hidden), None) or self._part_of(m) or (
            self._located(m))
        if entity is None:
            entity = self.new(m.kind, m.name, start, sentence)
        elif m.keys and term_key(m.name) not in entity.forms():
            # A body written both ways: "NATO" and "North Atlantic Treaty Organization".
            # Not a definition, so no acronym: the long form is the name, the other an alias.
            short, long = sorted((entity.name, m.name), key=lambda n: (not n.isupper(), n))
            if short.isupper() and not long.isupper() and entity.name == short:
                entity.name = long
            entity.add_alias(short if entity.name == long else m.name)
        elif len(m.name) > len(entity.name) and entity.kind == "agreement" == m.kind:
            entity.rename(m.name)  # "Security Council resolution 1244 (1999)"
        if entity.kind is None:
            entity.kind = m.kind
        if m.acronym and not entity.acronym:
            entity.acronym = m.acronym
        entity.add_alias(m.alias)
        for k in m.keys:
            self.hidden.setdefault(term_key(k), entity)
        self.index(entity)

    def _part_of(self, m: Mention) -> _Entity | None:
        """The agreement or process of this text whose name holds all the words of this
        one with the same head word ("Ohrid Agreement", "Framework Agreement" for the
        "Ohrid Framework Agreement"), or whose words this one holds; if just one."""
        if m.kind not in ("agreement", "process"):
            return None
        words = set(term_key(m.name).split())
        found = [
            e for e in self.entities if e.kind == m.kind
            and term_key(e.name).split()[-1:] == term_key(m.name).split()[-1:]
            and len(words) > 1 and (words <= set(term_key(e.name).split())
                                    or set(term_key(e.name).split()) <= words)
            and not _object_of(term_key(e.name), term_key(m.name))
        ]
        if len(found) != 1:
            return None
        entity = found[0]
        if len(m.name) > len(entity.name):
            entity.rename(m.name)
        return entity

    def _located(self, m: Mention) -> _Entity | None:
        """The one body of this text whose name is this one's and a place it is of, in or
        to ("Judicial Academy" for the "Judicial Academy of Serbia"), or the reverse; the
        longer name stays."""
        if m.kind != "organization" or len(m.name.split()) < 2:
            return None
        key = term_key(m.name)
        found = [
            e for e in self.entities if e.kind == "organization" and any(
                longer.startswith(shorter + f" {joiner} ")
                or longer.endswith(f" {shorter}") and longer[: -len(shorter) - 1] in BODIES
                for longer, shorter in ((term_key(e.name), key), (key, term_key(e.name)))
                for joiner in ("of", "in", "to"))  # "NATO Military Committee", too
        ]
        if len(found) != 1:
            return None
        if len(m.name) > len(found[0].name):
            found[0].rename(m.name)
        return found[0]

    def _person(self, m: Mention, start: int, sentence: str) -> None:
        words = m.name.split()
        surname = term_key(words[-1])
        same = [p for p in self.by_surname.get(surname, []) if same_person(p.name, m.name)]
        if same:
            person = same[0]
            if len(words) > len(person.name.split()):
                person.rename(m.name)
        else:
            person = self.new("person", m.name, start, sentence)
        if m.role and (not person.role or len(m.role) > len(person.role)):
            person.role = m.role
        person.add_alias(m.alias)
        self.index(person)

    def bare(self, m: Mention, sentence: str, offset: int) -> None:
        """"the Council", "the Commission" alone: another form of the one body of the text
        with that head ("Council of the EU", "Security Council"; never the "European
        Council", which official texts always write in full), or, if there is none, the
        body itself, as Council and Commission texts use them."""
        key = term_key(m.name)
        if key in self.by_key:
            return
        found = [e for e in self.entities if _head(e.name) == key
                 and not term_key(e.name).startswith("european council")]
        if len(found) == 1 and found[0].kind == "organization":
            found[0].add_alias(m.name)
            self.index(found[0])
        elif not found and key in ("council", "commission") and any(
            k in self.by_key for k in _EU_KEYS
        ) and not any(key in term_key(e.name).split() for e in self.entities
                      if not term_key(e.name).startswith("european council")):
            # an EU text's own institutions, not a word of another name ("Security Council
            # resolution 2694 (2023), by which the Council requested ...")
            self.index(self.new("organization", m.name, offset + m.start, sentence))

    def resolve(self, m: Mention, sentence: str, offset: int) -> None:
        """A word or two of no kind: an alias of the person whose surname it is, or
        a mention of an entity already gathered; else an entity of the kind its
        `hint` gives ("Frontex extended": a body), if it has one; else nothing."""
        key = term_key(m.name)
        if key in self.by_key:
            return
        words = m.name.split()
        people = self.by_surname.get(term_key(words[-1]), [])
        people = [p for p in people if same_person(p.name, m.name)]
        if len(people) == 1:
            people[0].add_alias(m.name)
            if len(words) > len(people[0].name.split()):
                people[0].rename(m.name)
            self.index(people[0])
        elif m.hint and not people and key not in cities():
            self.new(m.hint, m.name, offset + m.start, sentence)


def _object_of(a: str, b: str) -> bool:
    """Whether one of two term-keyed names ends with the other as the object of its "of",
    "for" or "on": another agreement, which it implements or amends ("Package of Measures
    for the Implementation of the Minsk Agreements" is not the "Minsk agreements")."""
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return bool(re.search(r"\b(?:of|for|on|to)(?: the)? " + re.escape(shorter) + "$", longer))


# The keys of the European Union and its institutions: a text naming one is an EU text.
_EU_KEYS = ("european union", "eu", "european council", "european commission",
            "council of the eu", "council of the european union")
# Heads of institutions that official texts name alone after "the" ("the Council had
# approved", "the Commission presented").
_BARE_HEADS = frozenset(["Council", "Commission", "Assembly", "Parliament"])


def _head(name: str) -> str:
    """A name's head word, term-keyed: the word before its first "of", "for", "in" or
    "on", else its last ("council" of "Council of the EU" and of "Security Council")."""
    words = term_key(name).split()
    for i, word in enumerate(words):
        if i and word in ("of", "for", "in", "on"):
            return words[i - 1]
    return words[-1] if words else ""


# Ranks written before a surname as if they were a given name.
_MILITARY_RANKS = frozenset(["general", "admiral", "colonel", "major", "captain", "lieutenant",
                             "brigadier", "marshal", "commodore", "sergeant"])


def same_person(known: str, written: str) -> bool:
    """Whether two forms of a name can be one person: the same surname, and given names
    that agree where both have them ("Antony Blinken", "Antony J. Blinken", "Blinken")."""
    a, b = known.split(), written.split()
    if term_key(a[-1]) != term_key(b[-1]):
        return False
    first_a = [w for w in a[:-1] if not w.endswith(".") and not w.islower()
               and w.lower() not in _MILITARY_RANKS]
    first_b = [w for w in b[:-1] if not w.endswith(".") and not w.islower()
               and w.lower() not in _MILITARY_RANKS]  # "General Ulutaş" is Özkan Ulutaş
    return not first_a or not first_b or term_key(first_a[0]) == term_key(first_b[0])


def _summary(sentence: str, at: int, name_end: int) -> str | None:
    """The predicate of a sentence that opens with a name and defines it ("KFOR, or the
    Kosovo Force, is a NATO-led ... force ..." -> "NATO-led ... force ...")."""
    if at > 4:  # the name opens the sentence, after "The" at most
        return None
    m = _DEFINES.match(sentence[name_end:])
    if not m or len(m.group(1).split()) < 3:
        return None
    text = m.group(1).rstrip()
    if not text.endswith("."):
        return None
    return text[0].upper() + text[1:]


# The function words of a name in capitals in English, French, Spanish, Portuguese or
# German ("Union pour la Paix en Centrafrique", "Ejército de Liberación Nacional").
_FUNCTION_WORDS = frozenset(
    ["of", "for", "and", "the", "in", "on", "to", "de", "des", "du", "la", "le", "les", "et",
     "pour", "en", "au", "aux", "sur", "del", "el", "los", "las", "y", "para", "da", "do",
     "dos", "das", "e", "der", "die", "das", "und", "für", "von", "zu"]
)
_PARTS = re.compile(r"[\s-]+")


def _kind_of_long(long: str) -> str | None:
    """The kind of an acronym's long form: by its words, else an organisation when it is
    a name in capitals ("Médecins Sans Frontières (MSF)"); a term in lower case has none."""
    kind = kind_of_name(long)
    words = [w for w in _PARTS.split(long) if w and w.lower() not in _FUNCTION_WORDS]
    if kind is None and len(words) > 1 and all(w[:1].isupper() for w in words):
        return "organization"
    return kind


def _canonical(name: str) -> str:
    """A name's key with "of the Republic of" read as "of": "Government of the Republic
    of Kosovo" and "Government of Kosovo" are one."""
    key = term_key(re.sub(r"\bof the Republic of\b", "of", name))
    # "Department of the Treasury" and "Treasury Department", "Ministry of Defence" and
    # "Defence Ministry" are one.
    return re.sub(r"^(department|ministry) of (?:the )?(\w+)$", r"\2 \1", key)


# A lower-case noun before a name of capitalised words ending in a head word.
_NAME_AFTER_NOUN = re.compile(r"^[a-z]+ of (?:the )?(?=(?:[A-Z][\w-]* )+(?:in |for |of )?)")


def find_names(
    text: str, definitions: Iterable[AcronymDefinition] = ()
) -> list[NamedEntity]:
    """The named entities of `text`, each once, in order of first mention. The acronym
    definitions found in it (`acronyms.find_acronyms`) become entities too (kind from
    the long form's words; a lower-case long form is a term, kind None)."""
    names = _Names()
    definitions = sorted(definitions, key=lambda d: d.start)
    for d in definitions:
        names.definition(d)
    spans = [(d.start, d.end, d) for d in definitions]
    pending: list[tuple[Mention, str, int]] = []
    bare: list[tuple[Mention, str, int]] = []
    for sentence in split_sentences(text):
        s = sentence.text
        collapsed = collapse(s)
        for m in mentions(s):
            at = sentence.start + m.start
            if any(a <= at < b for a, b, _ in spans):  # "European Union" in a long form
                continue
            longer = next((d for a, b, d in spans if at < a < at + len(m.name) <= b), None)
            if longer is not None and m.kind == "organization":
                owner = _owner_before(m.name, longer.long)
                if owner:  # "the OSCE Office for Democratic Institutions ... (ODIHR)"
                    names.mention(Mention("organization", owner, m.start), collapsed,
                                  sentence.start)
                else:
                    names.fuller(m.name, longer)  # "National Commission for ... (CNARR)"
                continue
            if m.kind is None:
                pending.append((m, collapsed, sentence.start))
                after = s[m.start + len(m.name) :]
                if m.name in _BARE_HEADS and s[max(0, m.start - 4) : m.start].lower() == (
                    "the ") and not re.match(r"\s+(?:of|for)\b", after):
                    bare.append((m, collapsed, sentence.start))
            else:
                names.mention(m, collapsed, sentence.start)
    # "Dmytro Kuleba ... Kuleba asked": a full name whose surname is used alone is a
    # person's, title or none.
    alone = {term_key(m.name) for m, _, _ in pending if len(m.name.split()) == 1}
    for m, collapsed, offset in pending:
        words = m.name.split()
        if 2 <= len(words) <= 3 and term_key(words[-1]) in alone and not m.hint:
            names.mention(m._replace(kind="person"), collapsed, offset)
    for m, collapsed, offset in pending:
        names.resolve(m, collapsed, offset)
    for m, collapsed, offset in bare:
        names.bare(m, collapsed, offset)
    _add_summaries(text, names)
    _join_other_names(text, names)
    _join_same_bodies(names)
    entities = sorted(names.entities, key=lambda e: e.start)
    return [e.frozen() for e in entities]


# "The Ohrid Agreement, formally the Framework Agreement,": two names of one entity.
_OTHER_NAME = re.compile(
    r",\s+(?:formally|officially|also\s+known\s+as|better\s+known\s+as|known\s+as)\s+"
    r"(?:the\s+)?"
)


def _owner_before(name: str, long: str) -> str | None:
    """The body that owns a long form, written before it as one acronym ("OSCE" in "OSCE
    Office for Democratic Institutions and Human Rights (ODIHR)"): its own entity, not a
    part of the long form's name."""
    if not term_key(name).endswith(term_key(long)):
        return None
    words = name.split()[: -len(long.split()) or None]
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1 and words[0].isalpha():
        return words[0]
    return None


def _join_other_names(text: str, names: _Names) -> None:
    """Entities a text says are one ("A, formally the B,", "A, also known as B"): the
    one named second becomes an alias of the first."""
    flat = collapse(text)
    for m in _OTHER_NAME.finditer(flat):
        before, after = flat[: m.start()], flat[m.end() :]
        first = _named_at(names, before.endswith)
        second = _named_at(names, after.startswith)
        if first is None or second is None or first is second or first.kind != second.kind:
            continue
        for form in (second.name, second.acronym, *second.aliases):
            first.add_alias(form)
        first.acronym = first.acronym or second.acronym
        names.entities.remove(second)
        for key in second.forms():
            names.by_key[key] = first


# A name that only describes what it heads: "the EU-facilitated Dialogue".
_DESCRIBED = re.compile(
    r"^\S+-(?:facilitated|led|brokered|mediated|sponsored|backed)\s+([^\W\d_]+)$")
_IN_PLACE = re.compile(r"\s+in\s+[^,]+$")


def _office_key(entity: _Entity) -> tuple[str, str, str] | None:
    """(head, country) of an organisation named by nothing but its head word and the
    country it is of: "Embassy of the United States of America", "United States Embassy
    in Belgrade" -> ("embassy", "United States", "in belgrade"); a process only described
    by who facilitates it ("EU-facilitated Dialogue") -> ("dialogue", "", "")."""
    if entity.kind == "process":
        m = _DESCRIBED.match(entity.name)
        return (m[1].lower(), "", "") if m else None
    if entity.kind != "organization" or entity.acronym:
        return None
    place = _IN_PLACE.search(entity.name)
    words = entity.name[: place.start() if place else None].split()
    for i, word in enumerate(words):
        if word.lower() in ORGANIZATION_HEADS:
            before, after = words[:i], words[i + 1 :]
            if before and after:
                return None
            rest = after[1:] if after[:1] == ["of"] else before
            rest = rest[1:] if rest[:1] in (["the"], ["The"]) else rest
            country = country_of(" ".join(rest)) if rest else None
            where = term_key(place.group()) if place else ""
            return (word.lower(), country, where) if country else None
    return None


def _join_same_bodies(names: _Names) -> None:
    """One body named two ways by one text ("the Embassy of the United States of America
    ... the United States Embassy in Belgrade"; "the EU-facilitated Dialogue ... the
    Belgrade-Pristina Dialogue") is one entity: the first named, the other's forms its
    aliases. A described process joins the one other process of its head word."""
    first: dict[tuple[str, str], tuple[_Entity, str]] = {}
    for entity in list(names.entities):
        key = _office_key(entity)
        if key is None:
            continue
        if key[1] == "":  # "EU-facilitated Dialogue": the text's one other Dialogue
            others = [e for e in names.entities if e is not entity and e.kind == "process"
                      and e.name.lower().endswith(" " + key[0])]
            if len(others) != 1:
                continue
            keep, drop = sorted([others[0], entity], key=lambda e: e.start)
        elif key[:2] in first and "" in (first[key[:2]][1], key[2]) or (
                key[:2] in first and first[key[:2]][1] == key[2]):
            keep, drop = first[key[:2]][0], entity  # "in Belgrade" and "in Tirana": two
        else:
            first.setdefault(key[:2], (entity, key[2]))
            continue
        for form in (drop.name, *drop.aliases):
            keep.add_alias(form)
        names.entities.remove(drop)
        for k in drop.forms():
            names.by_key[k] = keep


def _named_at(names: _Names, at: Callable[[str], bool]) -> _Entity | None:
    """The entity with the longest form of which `at` holds."""
    best: tuple[int, _Entity | None] = (0, None)
    for entity in names.entities:
        for form in (entity.name, *entity.aliases):
            if len(form) > best[0] and at(form):
                best = (len(form), entity)
    return best[1]


def _add_summaries(text: str, names: _Names) -> None:
    for sentence in split_sentences(text):
        s = collapse(sentence.text)
        for lead in ("The ", ""):
            if not s.startswith(lead):
                continue
            head = re.match(r"[^,]+?(?=,| is | was )", s[len(lead) :])
            if not head:
                continue
            entity = names.by_key.get(term_key(head.group()))
            if entity is not None and entity.summary is None and entity.kind != "person":
                entity.summary = _summary(s, len(lead), len(lead) + head.end())
            break
