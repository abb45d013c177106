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

from briefcli.authoring.article import (
    Article,
    derive_points,
    derive_summary,
    derive_title,
)
from briefcli.authoring.draft import DraftRecord
from briefcli.authoring.entities import (
    contact_people,
    draft_entities,
    furniture,
    header_bodies,
)
from briefcli.authoring.events import article_events
from briefcli.authoring.glossaries.common import GlossaryEntry
from briefcli.authoring.placecues import dateline_places, headline_countries
from briefcli.authoring.unknowns import has_unknown, without_unknown
from briefcli.index import lookups
from briefcli.knowledge.model import KINDS
from briefcli.knowledge.rules import check_record, derive_id, new_id
from briefcli.problems import Problem
from briefcli.text import term_key, visible

MAX_NGRAM = 8  # the longest name, in words, looked for in an article's text

EXCERPT = 200
"""A record's comment quotes its source sentence whole when it is at most this long,
else an excerpt of about this many characters around what the record was made from,
cut on word boundaries and marked with "…": a sentence that names a hundred acronyms
gives a hundred records, and quoting it whole in each would make the draft grow as the
square of the article."""

LONG_SENTENCE = 1_000
"""An event's summary is its whole sentence up to this many characters; a longer one
(a list of dates rather than prose) gives each event an excerpt around its own date."""


class Known:
    """What the existing knowledge holds that a draft must respect: ids taken per kind,
    and the entities' terms (acronym, name, alias, id) to link mentions to."""

    def __init__(self, conn: sqlite3.Connection | None = None) -> None:
        self.conn = conn
        self.taken: dict[str, set[str]] = {kind: set() for kind in KINDS}
        if conn is not None:
            for kind, rid in lookups.kinds_and_ids(conn):
                self.taken.setdefault(kind, set()).add(rid)

    def same(self, kind: str, field: str, text: str) -> str | None:
        """The id of a record of the kind whose `field` is the same text (folded)."""
        if self.conn is None:
            return None
        key = term_key(text)
        for rid, value in lookups.field_values(self.conn, kind, field):
            if term_key(str(value)) == key:
                return str(rid)
        return None

    def entities_for(self, keys: Iterable[str]) -> dict[str, list[tuple[str, str, str]]]:
        """Term key -> [(entity id, field matched, entity name)] for the keys known."""
        found: dict[str, list[tuple[str, str, str]]] = {}
        if self.conn is None:
            return found
        for key, rid, field, name in lookups.entities_with_keys(self.conn, keys):
            found.setdefault(key, []).append((rid, field, name))
        return found

    def drafted(self, digest: str) -> str | None:
        """The id of the briefing of the knowledge drafted from the article of this
        digest, if there is one."""
        if self.conn is None:
            return None
        return lookups.briefing_with_digest(self.conn, digest)

    def same_briefing(self, date: str, first_paragraph: str) -> str | None:
        """The id of a briefing of the knowledge of this date whose body opens with this
        paragraph (folded): the article drafted before there were digests, or by hand."""
        if self.conn is None or not first_paragraph:
            return None
        key = term_key(first_paragraph)
        for rid, body in lookups.briefing_bodies_on(self.conn, date):
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
        for rid, value, summary in lookups.events_on(self.conn, date):
            if term_key(str(value)) == key:
                return str(rid)
            told = _content_words(f"{value} {summary or ''}")
            if len(date) == 10 and len(words) >= 3 and len(words & told) >= 0.6 * len(words):
                close.append(str(rid))
        return close[0] if len(close) == 1 else None


class _Draft:
    """Records being drafted, with the ids they take."""

    def __init__(self, known: Known) -> None:
        self.known = known
        self.records: dict[str, list[DraftRecord]] = {kind: [] for kind in KINDS}
        self.taken = {kind: set(ids) for kind, ids in known.taken.items()}
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
            # A FAQ written without an id has the one its question derives.
            keys.setdefault(term_key(str(record.data.get(field, ""))),
                            str(record.data.get("id") or derive_id(kind, dict(record.data))))
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


def _origin(path: str, line: int, sentence: str, around: str = "") -> str:
    """Where a record came from: the file, the line and the sentence (an excerpt of a
    long one, around the first place `around` is found in it)."""
    if not sentence:
        return f"from {path}:{line}"
    return f'from {path}:{line}: "{excerpt(sentence, around)}"'


def excerpt(sentence: str, around: str = "", width: int = EXCERPT) -> str:
    """`sentence` when it is at most `width` characters long; else about `width`
    characters of it centred on the first `around` in it (the start when it is not
    found), cut at spaces, with "…" where text was left out. A word longer than the
    whole excerpt is cut."""
    if len(sentence) <= width:
        return sentence
    at = sentence.find(around) if around else -1
    if at < 0:
        at, size = 0, 0
    else:
        size = min(len(around), width)
    start = max(0, min(at - (width - size) // 2, len(sentence) - width))
    end = start + width
    if start > 0 and sentence[start - 1] != " ":
        space = sentence.find(" ", start, at)  # never into `around`
        start = space + 1 if space >= 0 else start
    if end < len(sentence) and sentence[end] != " ":
        space = sentence.rfind(" ", max(start, at + size, end - width // 4), end)
        end = space if space > start else end
    text = sentence[start:end].strip()
    return ("…" if start > 0 else "") + text + ("…" if end < len(sentence) else "")


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
    texts: Sequence[str] | None = None,
) -> list[DraftRecord]:
    """The draft of several articles: records in section order, each with its origin.

    `date` overrides every article's own date. `digests` (one per article, see
    `article_digest`) are recorded on the briefings; an article whose digest the
    knowledge or this draft already has is drafted again not at all. An article without
    a date (and no `date`), or with a paragraph too long to draft from, raises ValueError
    naming it, or, given `skipped`, is listed there and the others are drafted; an article
    already drafted is listed there too. `texts` (one per article) are the texts the
    articles were read from, whose lines around the story (attribution, tags, contacts)
    name entities too.
    """
    draft = _Draft(known)
    seen: dict[str, str] = {}
    for n, article in enumerate(articles):
        try:
            _check_lengths(article)
        except ValueError as exc:  # a paragraph too long to draft from: not read at all
            if skipped is None:
                raise
            skipped.append(Skipped(article.path, str(exc), True))
            continue
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
        raw = texts[n] if texts is not None and n < len(texts) else ""
        bid = _draft_article(draft, article, when, digest, raw)
        if digest is not None:
            seen[digest] = bid
    return draft.all()


def _check_lengths(article: Article) -> None:
    """ValueError naming the article and line of a paragraph, question or answer longer
    than `article.MAX_PARAGRAPH` characters: none is drafted from."""
    from briefcli.authoring import article as articles

    for paragraph in article.paragraphs:
        if len(paragraph.text) > articles.MAX_PARAGRAPH:
            raise ValueError(
                articles.long_paragraph(article.path, paragraph.line, len(paragraph.text))
            )
    for faq in article.faqs:
        longest = max(len(faq.question), len(faq.answer))
        if longest > articles.MAX_PARAGRAPH:
            what = "a question" if len(faq.question) == longest else "the answer of a question"
            raise ValueError(articles.long_paragraph(article.path, faq.line, longest, what))


def _draft_article(
    draft: _Draft, article: Article, when: str, digest: str | None, raw: str = ""
) -> str:
    body = "\n\n".join(p.text for p in article.paragraphs)
    lines: dict[str, int] = {}  # sentence -> its line: many records share one sentence
    raw_lines = raw.splitlines()

    def line_of(sentence: str) -> int:
        if sentence not in lines:
            lines[sentence] = _line_of(article, sentence)
            if lines[sentence] == 1 and raw_lines:  # a line of the page's, not the story's
                head = " ".join(sentence.split())[:40]
                lines[sentence] = next((n for n, line in enumerate(raw_lines, 1)
                                        if head and head in " ".join(line.split())), 1)
        return lines[sentence]

    # The entities the article names (people, bodies, places, agreements, processes and
    # the acronyms it defines) become entities, unless the knowledge or the draft has them;
    # so do those its page names around the story (attribution, tags, contacts).
    texts = [body, *(f.question + " " + f.answer for f in article.faqs)]
    if raw:
        texts.append(furniture(raw, "\n".join(texts)))
    lead = article.paragraphs[0].text if article.paragraphs else ""
    mentioned = draft_entities(
        draft, texts,
        lambda sentence, around: _origin(article.path, line_of(sentence), sentence, around),
        [*((p, article.date_text or p) for p in dateline_places(article.date_text, lead, body)),
         *((c, article.headline or c) for c in headline_countries(article.headline))],
        contact_people(raw) if raw else (),
        header_bodies(raw, article.paragraphs[0].line, article.headline)
        if raw and article.paragraphs else (),
    )
    data: dict[str, Any]
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
        # Its entities are those of the words that describe it, not of the whole
        # sentence ("... Blinken and Vucic ... following the violent events of ...").
        context = found_event.context or sentence
        linked = [eid for eid in _entities_in(draft, found, context, outermost=True)
                  if eid in mentioned]
        data = {"date": found_event.date, "title": found_event.title}
        if found_event.end:
            data["end"] = found_event.end
        summary = found_event.summary or sentence
        if found_event.title != summary.rstrip("."):
            data["summary"] = (
                summary if len(summary) <= LONG_SENTENCE
                else excerpt(summary, found_event.title.split()[0])
            )
        if linked:
            data["entities"] = linked
        eid = draft.add(
            "event", data,
            _origin(article.path, line_of(sentence), sentence, found_event.title.split()[0]),
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


def _entities_in(
    draft: _Draft, found: dict[str, list[tuple[str, str, str]]], sentence: str,
    outermost: bool = False,
) -> list[str]:
    """Entities named in one sentence (known or drafted), in order, each once. With
    `outermost`, a name inside a longer one ("Kosovo" in "a Kosovo Police Sergeant")
    names no entity of its own."""
    named: list[tuple[tuple[int, int], str]] = []
    spans = _ngrams(sentence)
    for key in sorted(spans, key=lambda k: spans[k]):
        ids = {rid for rid, _, _ in found.get(key, [])}
        if not ids and key in draft.new_terms:
            ids = {draft.new_terms[key]}
        if len(ids) == 1:
            named.append((spans[key], ids.pop()))
    out: dict[str, None] = {}
    for (start, end), eid in named:
        if outermost and any(
            s <= start and end <= e and (s, e) != (start, end) and other != eid
            for (s, e), other in named
        ):
            continue
        out.setdefault(eid)
    return list(out)


class ImportReport(NamedTuple):
    records: list[DraftRecord]
    senses: int  # entries that share their acronym with another entry
    problems: tuple[Problem, ...] = ()  # warnings about names (`unknowns`)


def _known_names(
    entries: Sequence[GlossaryEntry], path: str
) -> tuple[list[GlossaryEntry], list[Problem]]:
    """The entries with the `???` marks of their names taken out (a warning each), those
    whose name is nothing but marks left out (a warning each too)."""
    kept: list[GlossaryEntry] = []
    problems: list[Problem] = []
    for entry in entries:
        aliases = tuple(a for a in (without_unknown(a) for a in entry.aliases) if a)
        if not has_unknown(entry.name):
            kept.append(entry._replace(aliases=aliases) if aliases != entry.aliases else entry)
            continue
        name = without_unknown(entry.name)
        shown = visible(entry.name)
        of = f" of {visible(entry.term)!r}" if entry.term else ""
        if not name:
            problems.append(Problem(
                path, entry.line, 1, "import",
                f"the name{of} is {shown!r}, unknown; the entry is left out", "warning",
            ))
            continue
        problems.append(Problem(
            path, entry.line, 1, "import",
            f"the name {shown!r}{of} holds '???' (an unknown word); kept as {visible(name)!r}",
            "warning",
        ))
        kept.append(entry._replace(name=name, aliases=aliases))
    return kept, problems


def draft_from_glossary(
    entries: Sequence[GlossaryEntry], known: Known, path: str
) -> ImportReport:
    """Entities for glossary entries, one per entry: an acronym listed several times is
    several senses, each its own entity. Names that are partly `???` (unknown words)
    are kept without them, names that are only `???` are left out, each with a warning
    in the report."""
    entries, problems = _known_names(entries, path)
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
    return ImportReport(draft.all(), senses, tuple(problems))
