"""The entities of an article's draft: what `names.find_names` finds, linked to the
knowledge already loaded (`Known`) and to the entities drafted before it, never drafted
twice.

An entity is linked, not drafted, when the knowledge or the draft has one entity whose
name, alias or acronym is one of its forms; when its acronym is known with one meaning
whose name shares most of its words ("European Union Rule of Law Mission" for the known
"European Union Rule of Law Mission in Kosovo"); or, for a person, when a known person
has the same surname and agreeing given names. An acronym known with another meaning is
a new sense. Ids come from `rules.new_id` (a person's from the surname, as `blinken`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from briefcli.authoring.acronyms import find_acronyms
from briefcli.authoring.names import NamedEntity, find_names, same_person
from briefcli.text import term_key

if TYPE_CHECKING:
    from briefcli.authoring.drafting import Known, _Draft

__all__ = ["contact_people", "draft_entities", "furniture", "header_bodies"]

# Lines of a page that are no part of the story but name its people and bodies: the
# attribution ("The following is attributable to Spokesperson Matthew Miller:"), the
# tags ("Tags: Moldova, Office of the Spokesperson"), the contact ("For further
# information, contact: Katya Andrusz, Spokesperson, OSCE/ODIHR") and the lines just after
# a contact heading.
_FURNITURE = re.compile(
    r"^\s*(?:the following (?:statement )?is attributable to\b|(?:tags|related|topics)\s*:|"
    r"for (?:further|more) information\b|(?:media )?contacts?\s*:?\s*$|press contacts?\b)",
    re.IGNORECASE,
)
_CONTACT_HEADING = re.compile(
    r"^\s*(?:for (?:further|more) information[^:]*:|(?:media |press )?contacts?\s*:?)\s*$",
    re.IGNORECASE,
)

# A contact line's person: "Katya Andrusz, ODIHR, +48 ...", "In Podgorica, Milica Vujović,
# vujovicm@unhcr.org", "In Belgrade: Vesna Kostić".
_CONTACT_PERSON = re.compile(
    r"(?:In\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s*[,:]\s*)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2})\s*(?:,|$|[|–—]|\(|\S+@)"
)

_SMALL = frozenset(["of", "for", "the", "and", "in", "on", "to", "a", "an"])


def _words(text: str) -> set[str]:
    return {w for w in term_key(text).split() if w not in _SMALL}


def _alike(a: str, b: str) -> bool:
    """Two long forms of one acronym that are one name written two ways: one's words
    hold the other's, or they share at least two thirds of their words."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return wa <= wb or wb <= wa or len(wa & wb) * 3 >= 2 * len(wa | wb)


class _People:
    """The knowledge's people by surname, read once per draft."""

    def __init__(self, known: Known) -> None:
        self.by_surname: dict[str, list[tuple[str, str]]] = {}
        if known.conn is None:
            return
        from briefcli.index.lookups import people

        for rid, name in people(known.conn):
            words = str(name or "").split()
            if words:
                self.by_surname.setdefault(term_key(words[-1]), []).append((rid, str(name)))


def _known_id(
    entity: NamedEntity, found: dict[str, list[tuple[str, str, str]]], people: _People
) -> str | None:
    """The id of the knowledge's entity this one is, or None."""
    forms = [entity.name, *entity.aliases]
    by_name = {rid for form in forms for rid, field, _ in found.get(term_key(form), [])
               if field in ("name", "alias", "acronym")}
    if entity.acronym:
        senses = [(rid, name) for rid, field, name in found.get(term_key(entity.acronym), [])
                  if field in ("acronym", "alias")]
        if entity.kind is None and by_name:
            return sorted(by_name)[0] if len(by_name) == 1 else None
        alike = {rid for rid, name in senses if _alike(str(name or ""), entity.name)}
        if by_name & alike or len(alike) == 1:
            return sorted(by_name & alike or alike)[0]
        if len(by_name) == 1 and not senses:
            return by_name.pop()
        return None
    if len(by_name) == 1:
        return by_name.pop()
    if entity.kind == "person":
        surname = term_key(entity.name.split()[-1])
        same = {rid for rid, name in people.by_surname.get(surname, [])
                if same_person(name, entity.name)}
        if len(same) == 1:
            return same.pop()
    return None


def _record(entity: NamedEntity) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": entity.name,
        "acronym": entity.acronym,
        "aliases": list(entity.aliases) or None,
        "kind": entity.kind,
        "role": entity.role,
        "summary": entity.summary,
    }
    return {k: v for k, v in data.items() if v}


def _hint(entity: NamedEntity) -> str:
    if entity.acronym:
        return entity.acronym
    if entity.kind == "person":
        return entity.name.split()[-1]
    return entity.name


def furniture(raw: str, kept: str) -> str:
    """The lines of a page's text `raw` that name people and bodies outside its story
    (`_FURNITURE`, and up to three lines after a contact heading), as paragraphs, less
    those the article's own text `kept` has."""
    lines = raw.splitlines()
    found: list[str] = []
    after = 0
    for line in lines:
        text = " ".join(line.split())
        if not text:
            after = 0
            continue
        if after:
            found.append(text)
            after -= 1
        elif _FURNITURE.match(text):
            found.append(text.rstrip(":"))
            after = 3 if _CONTACT_HEADING.match(text) else 0
    flat = " ".join(kept.split())
    return "\n\n".join(t for t in dict.fromkeys(found) if t not in flat)


def contact_people(raw: str) -> list[str]:
    """The people a page's contact lines name (the three lines after a contact heading),
    each a name of two or three words, none of them a title, a country or a body's, that
    opens its line or follows "In PLACE,"."""
    from briefcli.authoring.appositives import names_after
    from briefcli.authoring.mentiontokens import tokens

    found: dict[str, None] = {}
    after = 0
    for line in raw.splitlines():
        text = " ".join(line.split())
        if not text:
            after = 0
            continue
        if after:
            after -= 1
            m = _CONTACT_PERSON.match(text)
            if m:
                words = tokens(m[1])
                people = names_after(words, 0, len(words))
                if people and len(people) == 1:
                    found.setdefault(m[1])
        elif _CONTACT_HEADING.match(text):
            after = 3
    return list(found)


def header_bodies(raw: str, first_line: int, headline: str | None) -> list[str]:
    """The bodies a page's header lines name, between its headline and its story (which
    starts on line `first_line`): a line that is nothing but an organisation's name by
    its head word ("Readout" / "Office of the Spokesperson" / "February 6, 2024")."""
    from briefcli.authoring.mentions import kind_of_name

    found: dict[str, None] = {}
    for line in raw.splitlines()[: max(first_line - 1, 0)]:
        text = " ".join(line.split())
        if not text or text == headline or len(text) > 80 or re.search(r"[.!?:;|]$|\d", text):
            continue
        words = text.split()  # one word ("Council") may be a wrapped headline's last
        if len(words) > 1 and all(w[:1].isupper() or w in _SMALL for w in words) and (
            kind_of_name(text) == "organization"
        ):
            found.setdefault(text)
    return list(found)


def draft_entities(
    draft: _Draft, texts: Sequence[str], origin: Callable[[str, str], str],
    places: Sequence[tuple[str, str]] = (), contacts: Sequence[str] = (),
    bodies: Sequence[str] = (),
) -> dict[str, None]:
    """Draft the entities `texts` (an article's body, then its FAQs) name into `draft`;
    the ids of every entity they name, drafted or linked, in order of first mention.
    `origin(sentence, name)` is the comment a drafted entity gets (the sentence it was
    found in, quoted around its name when long). `places` are the places of the
    article's dateline (`placecues.dateline_places`: where what it reports happened) and
    the countries of its headline, each with the line it is read in, drafted unless the
    story names them;
    `contacts` the people its contact lines name (`contact_people`) and `bodies` those its
    header lines name (`header_bodies`), drafted unless named."""
    text = "\n\n".join(texts)
    definitions = find_acronyms(text)
    entities = find_names(text, definitions)
    named = {term_key(k) for e in entities for k in (e.name, e.acronym, *e.aliases) if k}
    for place, line in places:
        if term_key(place) not in named:
            named.add(term_key(place))
            entities.append(NamedEntity(place, "place", None, (), None, None, len(text), line))
    extra = [(name, "person") for name in contacts] + [(name, "organization") for name in bodies]
    for name, kind in extra:
        if term_key(name) not in named:
            named.add(term_key(name))
            entities.append(NamedEntity(name, kind, None, (), None, None, len(text), name))
    keys = {term_key(k) for e in entities for k in (e.name, e.acronym, *e.aliases) if k}
    found = draft.known.entities_for(keys)
    people = _People(draft.known)
    mentioned: dict[str, None] = {}
    for entity in entities:
        forms = [term_key(k) for k in (entity.name, entity.acronym, *entity.aliases) if k]
        eid = _known_id(entity, found, people)
        if eid is None:
            eid = next((draft.new_terms[k] for k in forms if k in draft.new_terms), None)
        if eid is None:
            data = _record(entity)
            note = next((d.note for d in definitions
                         if d.short == entity.acronym and d.note), None)
            if note:
                data["description"] = note
            eid = draft.add("entity", data, origin(entity.sentence, entity.name), _hint(entity))
            for key in forms:
                draft.new_terms.setdefault(key, eid)
        mentioned.setdefault(eid)
    return mentioned
