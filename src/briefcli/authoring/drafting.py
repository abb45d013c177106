"""Drafting knowledge: articles and glossaries into records brief can check.

`draft_from_articles` turns parsed articles into a draft: one briefing per article,
the acronyms each defines as entities (each once across the articles), the entities
already known that they mention (linked by id, never duplicated), the dated events
they mention, their FAQs and sources. `draft_from_glossary` turns imported glossary
entries into entities. Ids follow `rules` and never collide with the knowledge given
(`Known`), so that the draft passes `brief check` together with it. The same input
gives the same draft. Nothing here reads files or prints.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from briefcli.authoring.acronyms import find_acronyms
from briefcli.authoring.article import (
    Article,
    derive_points,
    derive_summary,
    derive_title,
)
from briefcli.authoring.draft import DraftRecord
from briefcli.authoring.events import article_events
from briefcli.authoring.glossary import GlossaryEntry
from briefcli.index.store import batches
from briefcli.knowledge.model import KINDS
from briefcli.knowledge.rules import check_record, derive_id, new_id
from briefcli.text import term_key

MAX_NGRAM = 8  # the longest name, in words, looked for in an article's text


class Known:
    """What the existing knowledge holds that a draft must respect: ids taken per kind,
    and the entities' terms (acronym, name, alias, id) to link mentions to."""

    def __init__(self, conn: sqlite3.Connection | None = None) -> None:
        self.conn = conn
        self.taken: dict[str, set[str]] = {kind: set() for kind in KINDS}
        if conn is not None:
            for kind, rid in conn.execute("SELECT kind, id FROM records"):
                self.taken.setdefault(kind, set()).add(rid)

    def same(self, kind: str, field: str, text: str) -> str | None:
        """The id of a record of the kind whose `field` is the same text (folded)."""
        if self.conn is None:
            return None
        key = term_key(text)
        for rid, value in self.conn.execute(
            f"SELECT id, json_extract(data, '$.{field}') FROM records WHERE kind = ? "
            "ORDER BY rid", (kind,),
        ):
            if term_key(str(value)) == key:
                return str(rid)
        return None

    def drafted(self, digest: str) -> str | None:
        """The id of the briefing of the knowledge drafted from the article of this
        digest, if there is one."""
        if self.conn is None:
            return None
        row = self.conn.execute(
            "SELECT id FROM records WHERE kind = 'briefing' "
            "AND json_extract(data, '$.digest') = ? ORDER BY rid LIMIT 1", (digest,),
        ).fetchone()
        return str(row[0]) if row else None

    def same_briefing(self, date: str, first_paragraph: str) -> str | None:
        """The id of a briefing of the knowledge of this date whose body opens with this
        paragraph (folded): the article drafted before there were digests, or by hand."""
        if self.conn is None or not first_paragraph:
            return None
        key = term_key(first_paragraph)
        for rid, body in self.conn.execute(
            "SELECT id, json_extract(data, '$.body') FROM records WHERE kind = 'briefing' "
            "AND json_extract(data, '$.date') = ? ORDER BY rid", (date,),
        ):
            try:
                paragraphs = json.loads(body) if body else []
            except ValueError:
                paragraphs = [body]
            first = paragraphs[0] if isinstance(paragraphs, list) and paragraphs else body
            if isinstance(first, str) and term_key(first.split("\n\n")[0]) == key:
                return str(rid)
        return None

    def event(self, date: str, title: str) -> str | None:
        """The id of an event of the knowledge with this date and title (folded), or, for
        a date to the day, whose title and summary hold most of the title's words ("Violent
        events kill a Kosovo Police sergeant" is the known "Attack near the Banjska
        Monastery", told as "violent events ... in which a Kosovo Police sergeant was
        killed")."""
        if self.conn is None:
            return None
        key = term_key(title)
        words = _content_words(title)
        close: list[str] = []
        for rid, value, summary in self.conn.execute(
            "SELECT id, json_extract(data, '$.title'), json_extract(data, '$.summary') "
            "FROM records WHERE kind = 'event' AND json_extract(data, '$.date') = ? "
            "ORDER BY rid", (date,),
        ):
            if term_key(str(value)) == key:
                return str(rid)
            told = _content_words(f"{value} {summary or ''}")
            if len(date) == 10 and len(words) >= 3 and len(words & told) >= 0.6 * len(words):
                close.append(str(rid))
        return close[0] if len(close) == 1 else None

    def entities_for(self, keys: Iterable[str]) -> dict[str, list[tuple[str, str, str]]]:
        """Term key -> [(entity id, field matched, entity name)] for the keys known."""
        found: dict[str, list[tuple[str, str, str]]] = {}
        if self.conn is None:
            return found
        for chunk, marks in batches(sorted(set(keys))):
            for key, rid, field, name in self.conn.execute(
                "SELECT t.key, r.id, t.field, json_extract(r.data, '$.name') FROM terms t "
                f"JOIN records r USING (rid) WHERE t.key IN ({marks}) ORDER BY r.rid",
                chunk,
            ):
                found.setdefault(key, []).append((rid, field, name))
        return found


class _Draft:
    """Records being drafted, with the ids they take."""

    def __init__(self, known: Known) -> None:
        self.known = known
        self.records: dict[str, list[DraftRecord]] = {kind: [] for kind in KINDS}
        self.taken = {kind: set(ids) for kind, ids in known.taken.items()}
        self.entity_of: dict[tuple[str, str], str] = {}  # (short key, long key) -> id
        self.new_terms: dict[str, str] = {}  # term key -> id of an entity drafted here
        self.events: dict[tuple[str, str], str] = {}  # (date, title key) -> id
        # (kind, field) -> (term key of the field -> id, how many records are indexed)
        self._reuse: dict[tuple[str, str], tuple[dict[str, str], list[int]]] = {}

    def add(
        self, kind: str, data: dict[str, Any], comment: str | None, hint: str | None = None
    ) -> str:
        """Add a record (checked by the format's rules); its id. The id is made from
        `hint` (`Kosovo Force` -> `kosovo-force`), else derived as the format derives it
        (briefings, FAQs); either way unlike any id of its kind taken so far."""
        taken = self.taken[kind]
        if hint is not None:
            data = {"id": new_id(hint, taken, kind), **data}
        elif derive_id(kind, data) in taken:
            data = {"id": new_id(derive_id(kind, data), taken), **data}
        checked = check_record(kind, data)
        rid = str(checked["id"])
        self.taken[kind].add(rid)
        written = dict(checked)
        if hint is None and "id" not in data:
            del written["id"]  # derived again from the record when it is read
        self.records[kind].append(DraftRecord(kind, written, comment))
        return rid

    def reuse(self, kind: str, field: str, text: str) -> str | None:
        """A record of the knowledge or of this draft with the same `field` text (a FAQ
        asked again, a source cited again): linked, not written twice."""
        index = self._reuse.setdefault((kind, field), ({}, [0]))
        keys, done = index
        records = self.records[kind]
        for record in records[done[0] :]:  # the records added since the last look
            # A FAQ's id is derived from its question, and not written.
            keys.setdefault(term_key(str(record.data.get(field, ""))),
                            derive_id(kind, dict(record.data)))
        done[0] = len(records)
        return keys.get(term_key(text)) or self.known.same(kind, field, text)

    def all(self) -> list[DraftRecord]:
        return [r for kind in KINDS for r in self.records[kind]]


def _content_words(text: str) -> set[str]:
    """The words of a text that say what it is about: four letters or more, folded, a
    plural's "s" and a verb's "-ed" left off ("kills", "killed" -> "kill")."""
    out = set()
    for word in re.findall(r"[^\W\d_]{4,}", text.casefold()):
        out.add(re.sub(r"(?:ed|s)$", "", word))
    return out - {"with", "that", "this", "from", "have", "been", "were", "their", "which"}


def _origin(path: str, line: int, sentence: str) -> str:
    return f'from {path}:{line}: "{sentence}"' if sentence else f"from {path}:{line}"


def _line_of(article: Article, text: str) -> int:
    for paragraph in article.paragraphs:
        if text[:40] in paragraph.text:
            return paragraph.line
    return 1


_WORD = re.compile(r"[\w][\w'’.&/-]*")


def _ngrams(text: str) -> dict[str, tuple[int, int]]:
    """Term key of every run of up to MAX_NGRAM words -> its first (start, end) span."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    spans: dict[str, tuple[int, int]] = {}
    for i in range(len(words)):
        for j in range(i, min(i + MAX_NGRAM, len(words))):
            end_word = re.sub(r"(?:['’]s|[.'’])$", "", words[j][2])  # KFOR's, U.S.
            phrase = " ".join([*(w for _, _, w in words[i:j]), end_word])
            key = term_key(phrase)
            if key and key not in spans:
                spans[key] = (words[i][0], words[j][1])
    return spans


def article_digest(text: str) -> str:
    """`sha256:` and the digest of an article's text with its whitespace collapsed (a
    copy wrapped otherwise, or saved with other line ends, is the same article)."""
    import hashlib

    return "sha256:" + hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class Skipped(NamedTuple):
    """An article not drafted: its path, and why (a message for the user)."""

    path: str
    message: str
    failed: bool  # True: it could not be drafted; False: nothing was left to draft


def draft_from_articles(
    articles: Sequence[Article], known: Known, date: str | None = None,
    digests: Sequence[str | None] | None = None, skipped: list[Skipped] | None = None,
) -> list[DraftRecord]:
    """The draft of several articles: records in section order, each with its origin.

    `date` overrides every article's own date. `digests` (one per article, see
    `article_digest`) are recorded on the briefings; an article whose digest the
    knowledge or this draft already has is drafted again not at all. An article without
    a date (and no `date`) raises ValueError naming it, or, given `skipped`, is listed
    there and the others are drafted; an article already drafted is listed there too.
    """
    draft = _Draft(known)
    seen: dict[str, str] = {}
    for n, article in enumerate(articles):
        digest = digests[n] if digests is not None and n < len(digests) else None
        when = date or article.date
        if digest is not None:
            before = seen.get(digest) or known.drafted(digest) or (
                known.same_briefing(when, article.paragraphs[0].text)
                if when and article.paragraphs else None
            )
            if before is not None:
                if skipped is not None:
                    skipped.append(Skipped(
                        article.path, f"already drafted (briefing {before!r}); nothing "
                        "drafted again", False,
                    ))
                continue
        if not when:
            message = (
                f"{article.path}: no date found near the top (a dateline such as "
                "'Washington, March 3, 2021' or a line 'date 2023-11-11'); give one with --date"
            )
            if skipped is None:
                raise ValueError(message)
            skipped.append(Skipped(article.path, message.split(": ", 1)[1], True))
            continue
        bid = _draft_article(draft, article, when, digest)
        if digest is not None:
            seen[digest] = bid
    return draft.all()


def _draft_article(draft: _Draft, article: Article, when: str, digest: str | None) -> str:
    body = "\n\n".join(p.text for p in article.paragraphs)
    # Acronyms the article defines become entities, unless the knowledge has them.
    mentioned: dict[str, None] = {}  # entity ids, in order of first mention
    defined_keys: list[tuple[str, str]] = []
    texts = [body, *(f.question + " " + f.answer for f in article.faqs)]
    for text in texts:
        for d in find_acronyms(text):
            defined_keys.append((term_key(d.short), term_key(d.long)))
    known_terms = draft.known.entities_for(k for pair in defined_keys for k in pair)
    for text in texts:
        for d in find_acronyms(text):
            eid = _entity_for(draft, known_terms, d.short, d.long)
            if eid is None:
                data: dict[str, Any] = {"name": d.long, "acronym": d.short}
                if d.note:
                    data["description"] = d.note
                eid = draft.add(
                    "entity", data,
                    _origin(article.path, _line_of(article, d.sentence), d.sentence), d.short,
                )
                draft.entity_of[(term_key(d.short), term_key(d.long))] = eid
                draft.new_terms.setdefault(term_key(d.short), eid)
                draft.new_terms.setdefault(term_key(d.long), eid)
            mentioned.setdefault(eid)
    # Entities of the knowledge (or of this draft) named anywhere in the article.
    spans = _ngrams(body)
    found = draft.known.entities_for(spans)
    for key in sorted(spans, key=lambda k: spans[k]):
        ids = [rid for rid, _, _ in found.get(key, [])] or (
            [draft.new_terms[key]] if key in draft.new_terms else []
        )
        if len(ids) == 1:  # an acronym of several senses is not a link by itself
            mentioned.setdefault(ids[0])
    # Events: each dated clause, dated and titled by `events.article_events`.
    events: list[str] = []
    for found_event in article_events(
        [p.text for p in article.paragraphs], when, article.headline,
        dateline=when == article.date,
    ):
        sentence = found_event.sentence
        seen = (found_event.date, term_key(found_event.title))
        if seen not in draft.events:
            known_event = draft.known.event(found_event.date, found_event.title)
            if known_event is not None:
                draft.events[seen] = known_event  # in the knowledge already: linked
        if seen in draft.events:
            events.append(draft.events[seen])
            continue
        linked = [eid for eid in _entities_in(draft, found, sentence) if eid in mentioned]
        data = {"date": found_event.date, "title": found_event.title}
        if found_event.end:
            data["end"] = found_event.end
        if found_event.title != sentence.rstrip("."):
            data["summary"] = sentence
        if linked:
            data["entities"] = linked
        eid = draft.add(
            "event", data, _origin(article.path, _line_of(article, sentence), sentence),
            f"{found_event.date}-{found_event.title}",
        )
        draft.events[seen] = eid
        events.append(eid)
    faqs = []
    for faq in article.faqs:
        if not faq.answer:
            continue
        faq_entities = [
            eid for eid in _entities_in(draft, draft.known.entities_for(
                _ngrams(faq.question + " " + faq.answer)), faq.question + " " + faq.answer)
        ]
        data = {"question": faq.question, "answer": faq.answer}
        if faq_entities:
            data["entities"] = list(dict.fromkeys(faq_entities))
        faqs.append(
            draft.reuse("faq", "question", faq.question)
            or draft.add("faq", data, f"from {article.path}:{faq.line}")
        )
    sources = []
    for ref in article.sources:
        data = {"title": ref.title, "publisher": ref.publisher, "url": ref.url}
        sources.append(
            draft.reuse("source", "title", ref.title)
            or draft.add("source", data, f"from {article.path}:{ref.line}", ref.title)
        )
    briefing: dict[str, Any] = {
        "date": when,
        "title": derive_title(article),
        "summary": derive_summary(article) or None,
        "body": [p.text for p in article.paragraphs],
        "points": derive_points(article),
        "entities": list(mentioned),
        "events": list(dict.fromkeys(events)),
        "faqs": faqs,
        "sources": sources,
        "digest": digest,
    }
    return draft.add(
        "briefing", {k: v for k, v in briefing.items() if v}, f"from {article.path}"
    )


def _entity_for(
    draft: _Draft, known: dict[str, list[tuple[str, str, str]]], short: str, long: str
) -> str | None:
    """The entity a definition names, when the knowledge or the draft has it: one whose
    name or alias is the long form, or whose acronym is the short form and whose name is
    the long form. An acronym known with another meaning is a new sense."""
    s, lo = term_key(short), term_key(long)
    if (s, lo) in draft.entity_of:
        return draft.entity_of[(s, lo)]
    by_long = [rid for rid, field, _ in known.get(lo, []) if field in ("name", "alias")]
    if len(set(by_long)) == 1:
        return by_long[0]
    for rid, field, name in known.get(s, []):
        if field in ("acronym", "alias") and term_key(name or "") == lo:
            return rid
    return None


def _entities_in(
    draft: _Draft, found: dict[str, list[tuple[str, str, str]]], sentence: str
) -> list[str]:
    """Entities named in one sentence (known or drafted), in order, each once."""
    out: dict[str, None] = {}
    spans = _ngrams(sentence)
    for key in sorted(spans, key=lambda k: spans[k]):
        ids = {rid for rid, _, _ in found.get(key, [])}
        if not ids and key in draft.new_terms:
            ids = {draft.new_terms[key]}
        if len(ids) == 1:
            out.setdefault(ids.pop())
    return list(out)


class ImportReport(NamedTuple):
    records: list[DraftRecord]
    senses: int  # entries that share their acronym with another entry


def draft_from_glossary(
    entries: Sequence[GlossaryEntry], known: Known, path: str
) -> ImportReport:
    """Entities for glossary entries, one per entry: an acronym listed several times is
    several senses, each its own entity."""
    draft = _Draft(known)
    counts: dict[str, int] = {}
    for entry in entries:
        key = term_key(entry.term or entry.name)
        counts[key] = counts.get(key, 0) + 1
    for entry in entries:
        data: dict[str, Any] = {
            "name": entry.name,
            "acronym": entry.term or None,
            "aliases": list(entry.aliases) or None,
            "kind": entry.kind,
            "role": entry.role,
            "summary": entry.summary,
            "description": entry.description,
            "tags": list(entry.tags) or None,
        }
        draft.add(
            "entity", {k: v for k, v in data.items() if v}, f"from {path}:{entry.line}",
            entry.term or entry.name,
        )
    senses = sum(n for n in counts.values() if n > 1)
    return ImportReport(draft.all(), senses)
