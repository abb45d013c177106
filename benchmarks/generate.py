"""Generate a large, valid, synthetic knowledge base (knowledge format 1) for benchmarks.

    python benchmarks/generate.py OUT_DIR --entities N --events M --files K [--seed S]

writes K files `part-NNN.yaml` holding N entities and M events, plus a few sources, faqs
and briefings (about one source per 500, one faq per 1,000 and one briefing per 2,000
entities and events), every reference valid, so `brief check --data OUT_DIR` reports
no problem. It also writes:

- `extra.yaml`: one small file with a single entity, for a benchmark to edit;
- `manifest.json`: record counts and the probe terms a benchmark should ask about
  (chosen so that the answer has about the same size at every scale). It is not a
  knowledge file: brief only reads `*.yaml` and `*.yml`.

The output depends only on the arguments: the same call writes the same bytes.
The glossary looks like a real one: people with accented names and ASCII aliases,
organizations whose acronyms are often shared by two to four of them, places,
processes and agreements; events dated by year, month or day.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

EXTRA_FILE = "extra.yaml"
MANIFEST = "manifest.json"


def extras_for(main_records: int) -> tuple[int, int, int]:
    """Sources, faqs and briefings added to `main_records` entities and events."""
    return (
        max(1, main_records // 500),
        max(1, main_records // 1000),
        max(1, main_records // 2000),
    )


EXTRA_FILE_RECORDS = 1  # entities in extra.yaml as generated


def plan(records: int) -> tuple[int, int]:
    """(entities, events) so that the whole generated base holds about `records` records."""
    main = records - EXTRA_FILE_RECORDS
    for _ in range(3):  # the extras depend on the main count: settle it
        main = records - EXTRA_FILE_RECORDS - sum(extras_for(main))
    main = max(main, 2)
    entities = max(1, round(main * 0.4))
    return entities, max(1, main - entities)


# ---------------------------------------------------------------- vocabulary


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST = _words(
    "Aleksandar Ana Andrés Agnès Arben Besnik Björn Blerta Chloé Çağla Dragan Drita Dušan "
    "Đorđe Fatmir Françoise Gëzim Goran Hana Ines Ivana Jelena José Jovana Jürgen Kristóf "
    "Łukasz Małgorzata Marija Milica Miloš Müge Nikola Ólafur Petra Renée Snežana Søren "
    "Ştefan Şükrü Tomás Vesna Vuk Zoë Zoltán Žarko Elif Ferdinand Astrid Mirela Luan Teuta "
    "Valon Arta Kujtim Shpresa Bojan Nataša Predrag Radmila Sandër Ilir"
)
LAST = _words(
    "Petrović Núñez Müller Kovačević Jørgensen Wiśniewski Hoxha Krasniqi Gashi Berisha "
    "Đurić Jovanović Nikolić Babić Popović Dvořák Novák Horváth Szabó García López Martínez "
    "Ferrari Rossi Dubois Lefèvre Schäfer Öztürk Yılmaz Şahin Ivanović Stojanović Marković "
    "Kelmendi Rexhepi Shala Bytyqi Thaçi Ahmeti Osmani Haradinaj Mustafa Rugova Kurti "
    "Đilas Radulović Simić Tadić Vulin Brnabić Čolić Kostić Lazarević Mitrović Pavlović "
    "Ristić Savić Todorović Zeqiri Hajdari Limaj Sejdiu Veseli Çeku Dačić"
)
TITLES = (
    "Minister", "Deputy Minister", "Director", "Deputy Director", "Head", "Spokesperson",
    "Chair", "Ambassador", "Special Envoy", "Secretary General", "Chief Negotiator",
    "Commander", "Chief Prosecutor", "Judge", "Senior Adviser", "Rapporteur",
)
ADJ = (
    "National", "Regional", "Joint", "Central", "Federal", "International", "European",
    "Independent", "Provisional", "Special", "Municipal", "Northern", "Southern", "Eastern",
    "Western", "United", "Permanent", "Interim", "Supreme", "Civil",
)
DOMAIN = (
    "Water", "Energy", "Health", "Security", "Border", "Election", "Trade", "Transport",
    "Customs", "Broadcasting", "Property", "Veterans", "Mining", "Railway", "Statistics",
    "Privatization", "Anti-Corruption", "Human Rights", "Civil Aviation", "Telecommunications",
    "Education", "Agriculture", "Forestry", "Cultural Heritage", "Returns", "Demining",
    "Missing Persons", "Procurement", "Competition", "Data Protection", "Media", "Banking",
    "Pensions", "Housing", "Environment", "Tourism", "Postal", "Judicial", "Police",
    "Monitoring",
)
ORG_TYPE = (
    "Agency", "Commission", "Council", "Authority", "Office", "Mission", "Directorate",
    "Board", "Fund", "Institute", "Service", "Court", "Committee", "Ombudsman", "Bureau",
    "Task Force", "Secretariat", "Chamber", "Network", "Centre",
)
PLACE_PREFIX = (*[""] * 8, "Gornje ", "Donje ", "Novo ", "Staro ", "Veliki ", "Mali ",
                "Fushë ", "Banja ")
SYLLABLES = (
    "ba", "vo", "ši", "ća", "lje", "ni", "ko", "ra", "dže", "më", "pri", "zre", "mi", "tro",
    "gja", "ko", "fe", "ri", "za", "gji", "lan", "po", "du", "ju", "vu", "štr", "pce", "gra",
    "ča", "dra", "ga", "ho", "ve", "su", "ha", "lip", "ob", "ka", "me", "sken", "de", "če",
    "ma", "li", "še", "shti", "no", "br", "kla", "ri", "dno", "pe", "ja", "ist",
)
PLACE_SUFFIX = ("ovac", "ica", "evo", "ište", "jë", "aj", "an", "ë", "ovo", "ane", "ina")
PLACE_TYPES = ("municipality", "village", "town", "region", "border crossing", "river valley")
VERBS = (
    "signs an agreement with", "opens talks with", "publishes a joint report with",
    "suspends cooperation with", "resumes dialogue with", "hosts a delegation of",
    "criticizes", "welcomes the decision of", "requests information from",
    "signs a memorandum with", "meets representatives of", "renews its mandate with",
)
ACTIONS = {
    "organization": (
        "publishes its annual report", "announces new rules", "opens an office",
        "holds an extraordinary session", "launches a consultation", "elects a new chair",
        "approves its budget", "suspends a programme", "completes an audit",
        "adopts a strategy", "reviews its procedures",
    ),
    "person": (
        "resigns", "is appointed", "gives an interview", "issues a statement",
        "meets the press", "is re-elected", "testifies before parliament",
    ),
    "other": (
        "enters into force", "is suspended", "resumes", "opens", "concludes",
        "is extended", "is reviewed",
    ),
}
TOPICS = (
    "security", "diplomacy", "rule-of-law", "kosovo-serbia", "economy", "elections",
    "energy", "health", "border", "human-rights", "media", "environment", "trade",
    "transport", "education", "returns", "property", "minorities", "justice", "finance",
    "culture", "agriculture", "infrastructure", "corruption", "migration", "defence",
    "telecom", "housing", "tourism", "statistics", "water", "mining", "pensions",
    "procurement", "competition", "data-protection", "veterans", "police", "courts",
    "local-government",
)
WORDS = _words(
    "the committee reviewed the implementation of the agreement and agreed on next steps "
    "for the coming year while representatives of both sides stressed the importance of "
    "dialogue cooperation and transparency in the region the mission continued to monitor "
    "the situation on the ground and reported progress on several open questions including "
    "freedom of movement property rights and the return of displaced persons"
)


def fold(text: str) -> str:
    """ASCII, lowercase: the way people type an accented name on a plain keyboard."""
    table = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
                           "ı": "i", "ß": "ss"})
    decomposed = unicodedata.normalize("NFKD", text.translate(table))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).lower()).strip("-")


_UNSAFE_PLAIN = re.compile(r"[:#\[\]{}&*!|>'\"%@`]|^[-?\s]|\s$")


def scalar(text: str, in_flow: bool = False) -> str:
    """A YAML scalar for the text: plain when safe, else quoted."""
    if not text or _UNSAFE_PLAIN.search(text) or (in_flow and "," in text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def flow(items: list[str]) -> str:
    return "[" + ", ".join(scalar(i, in_flow=True) for i in items) + "]"


# ---------------------------------------------------------------- records


@dataclass
class Entity:
    id: str
    name: str
    kind: str
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    summary: str | None = None
    related: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How a headline names it: acronym, else surname for a person, else the name."""
        if self.acronym:
            return self.acronym
        if self.kind == "person":
            return self.name.split(" ", 2)[-1]
        return self.name

    def yaml(self) -> str:
        out = [f"  - id: {self.id}", f"    name: {scalar(self.name)}"]
        if self.acronym:
            out.append(f"    acronym: {scalar(self.acronym)}")
        if self.aliases:
            out.append(f"    aliases: {flow(self.aliases)}")
        out.append(f"    kind: {self.kind}")
        if self.role:
            out.append(f"    role: {scalar(self.role)}")
        if self.summary:
            out.append(f"    summary: {scalar(self.summary)}")
        if self.related:
            out.append(f"    related: {flow(self.related)}")
        if self.tags:
            out.append(f"    tags: {flow(self.tags)}")
        if self.sources:
            out.append(f"    sources: {flow(self.sources)}")
        return "\n".join(out) + "\n"


@dataclass
class Event:
    id: str
    date: str
    title: str
    entities: list[str]
    end: str | None = None
    summary: str | None = None
    tags: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    def yaml(self) -> str:
        out = [f"  - id: {self.id}", f"    date: {self.date}"]
        if self.end:
            out.append(f"    end: {self.end}")
        out.append(f"    title: {scalar(self.title)}")
        if self.summary:
            out.append(f"    summary: {scalar(self.summary)}")
        out.append(f"    entities: {flow(self.entities)}")
        if self.tags:
            out.append(f"    tags: {flow(self.tags)}")
        if self.sources:
            out.append(f"    sources: {flow(self.sources)}")
        return "\n".join(out) + "\n"


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.ids: set[str] = set()
        self.names: set[str] = set()
        self.acronym_senses: dict[str, int] = defaultdict(int)
        self.acronym_cap: dict[str, int] = {}

    # -- helpers

    def unique_id(self, base: str) -> str:
        base = base[:48].strip("-") or "x"
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        self.ids.add(candidate)
        return candidate

    def sentence(self, lo: int = 6, hi: int = 12) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(lo, hi))
        return " ".join(words).capitalize() + "."

    def acronym_for(self, name: str) -> str:
        """Initials, shared by up to a few organizations, else a variant of them."""
        rng = self.rng
        words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper()]
        base = "".join(w[0] for w in words).upper()
        candidates = [base]
        candidates += [base + w[1].upper() for w in words[-1:] if len(w) > 1]
        candidates += ["".join(w[:2] for w in words[:2]).upper() + base[2:]]
        for acr in candidates:
            cap = self.acronym_cap.setdefault(acr, rng.choice((1, 1, 1, 2, 2, 3, 3, 4)))
            if self.acronym_senses[acr] < cap:
                self.acronym_senses[acr] += 1
                return acr
        while True:  # acronyms that do not spell the name, as many real ones
            acr = "".join(rng.choices("ABCDEFGHIJKLMNOPRSTUVZ", k=rng.randint(4, 6)))
            if acr not in self.acronym_senses:
                self.acronym_senses[acr] = 1
                self.acronym_cap[acr] = 1
                return acr

    def unique_name(self, make) -> str:
        for _ in range(20):
            name = make()
            if name not in self.names:
                self.names.add(name)
                return name
        base, n = make(), 2
        while f"{base} {n}" in self.names:
            n += 1
        self.names.add(f"{base} {n}")
        return f"{base} {n}"

    def place_name(self) -> str:
        rng = self.rng
        stem = "".join(rng.choices(SYLLABLES, k=rng.randint(1, 2))) + rng.choice(PLACE_SUFFIX)
        return rng.choice(PLACE_PREFIX) + stem.capitalize()

    def date(self, lo: int = 1990, hi: int = 2024) -> str:
        rng = self.rng
        year = min(hi, lo + int((hi - lo + 1) * rng.random() ** 0.6))
        p = rng.random()
        if p < 0.15:
            return f"{year}"
        month = rng.randint(1, 12)
        if p < 0.35:
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"

    # -- records

    def entities(self, n: int, places: list[str]) -> list[Entity]:
        rng = self.rng
        out: list[Entity] = []
        for _ in range(n):
            p = rng.random()
            if p < 0.30:
                name = self.unique_name(
                    lambda: f"{rng.choice(FIRST)} {rng.choice('ABCDEFGHIJKLMNOPRSTVZ')}. "
                    f"{rng.choice(LAST)}"
                )
                first, _initial, last = name.split(" ", 2)
                aliases = [fold(name)] if fold(name) != name else []
                if rng.random() < 0.3:
                    aliases.append(last)  # a surname: shared by many, as in real glossaries
                e = Entity("", name, "person", aliases=aliases)
                e.id = self.unique_id(slug(f"{first[0]} {last}"))
                e.role = f"{rng.choice(TITLES)}, {rng.choice(DOMAIN)}"
            elif p < 0.70:
                def org() -> str:
                    text = f"{rng.choice(ADJ)} {rng.choice(DOMAIN)} {rng.choice(ORG_TYPE)}"
                    if rng.random() < 0.25 and places:
                        text += f" of {rng.choice(places)}"
                    return text

                name = self.unique_name(org)
                acronym = self.acronym_for(name) if rng.random() < 0.7 else None
                e = Entity("", name, "organization", acronym=acronym)
                e.id = self.unique_id(slug(acronym if acronym and rng.random() < 0.7 else name))
                if rng.random() < 0.3:
                    e.role = f"{rng.choice(DOMAIN).lower()} " + rng.choice(
                        ("regulator", "body", "mission", "watchdog", "agency")
                    )
            elif p < 0.88:
                name = self.unique_name(self.place_name)
                places.append(name)
                folded = fold(name)
                e = Entity("", name, "place", aliases=[folded] if folded != name else [])
                e.id = self.unique_id(slug(name))
                if rng.random() < 0.5:
                    e.role = rng.choice(PLACE_TYPES)
            else:
                kind = rng.choice(("process", "agreement", "event"))

                def other(kind: str = kind) -> str:
                    domain = rng.choice(DOMAIN)
                    where = rng.choice(places) if places else "the Region"
                    if kind == "process":
                        return f"{where} {domain} Dialogue"
                    if kind == "agreement":
                        return f"Agreement on {domain} in {where}"
                    return f"{where} {domain} Conference {rng.randint(1995, 2024)}"

                name = self.unique_name(other)
                acronym = self.acronym_for(name) if rng.random() < 0.2 else None
                e = Entity("", name, kind, acronym=acronym)
                e.id = self.unique_id(slug(acronym or name))
            if rng.random() < 0.1:
                e.summary = self.sentence()
            if rng.random() < 0.3:
                e.tags = [rng.choice(TOPICS)]
            out.append(e)
        # Links to other entities: uniform, with a few prominent entities linked more often.
        ids = [e.id for e in out]
        prominent = ids[: max(1, len(ids) // 100)]
        for e in out:
            if len(ids) > 1 and rng.random() < 0.3:
                k = rng.randint(1, 2)
                picks = {rng.choice(prominent if rng.random() < 0.2 else ids) for _ in range(k)}
                picks.discard(e.id)
                e.related = sorted(picks)
        return out

    def events(self, m: int, entities: list[Entity]) -> list[Event]:
        rng = self.rng
        people = [e for e in entities if e.kind == "person"] or entities
        places = [e for e in entities if e.kind == "place"] or entities
        actors = [e for e in entities if e.kind != "place"] or entities
        prominent = actors[: max(1, len(actors) // 100)]
        out: list[Event] = []
        for _ in range(m):
            a = rng.choice(prominent if rng.random() < 0.2 else actors)
            p = rng.random()
            if p < 0.3 and len(entities) > 1 and a.kind in ("person", "organization"):
                b = rng.choice(entities)
                title = f"{a.label} {rng.choice(VERBS)} {b.label}"
                linked = [a.id, b.id]
            elif p < 0.5:
                who = rng.choice(people)
                where = rng.choice(places)
                title = f"{who.name} visits {where.name}"
                linked = [who.id, where.id]
            else:
                actions = ACTIONS.get(a.kind, ACTIONS["other"])
                title = f"{a.label} {rng.choice(actions)}"
                linked = [a.id]
            if rng.random() < 0.1:
                linked.append(rng.choice(entities).id)
            linked = list(dict.fromkeys(linked))
            date = self.date()
            end = None
            if rng.random() < 0.05:
                year = int(date[:4])
                end = str(min(2025, year + rng.randint(0, 3))) if len(date) == 4 else \
                    f"{min(2025, year + rng.randint(1, 3))}-{rng.randint(1, 12):02d}"
            short = "-".join(slug(title).split("-")[:2])
            ev = Event(self.unique_id(f"{short}-{date[:4]}"), date, title, linked, end)
            if rng.random() < 0.06:
                ev.summary = self.sentence()
            if rng.random() < 0.3:
                ev.tags = [rng.choice(TOPICS)]
            out.append(ev)
        return out


def generate(out_dir: Path, entities: int, events: int, files: int, seed: int = 1) -> dict:
    """Write the knowledge base; returns the manifest (also written as manifest.json)."""
    g = Generator(seed)
    rng = g.rng
    n_sources, n_faqs, n_briefings = extras_for(entities + events)

    sources = []
    for i in range(n_sources):
        publisher = rng.choice(("NATO", "OSCE", "European Commission", "EEAS", "UNMIK",
                                "Council of Europe", "Ministry of Foreign Affairs"))
        title = f"{publisher} – report {i + 1}"
        sources.append({"id": g.unique_id(f"src-{slug(publisher)}-{i + 1}"), "title": title,
                        "publisher": publisher,
                        "url": f"https://example.org/{slug(publisher)}/{i + 1}",
                        "date": g.date(2000, 2024)})
    source_ids = [s["id"] for s in sources]

    places: list[str] = []
    ents = g.entities(entities, places)
    for e in ents:
        if rng.random() < 0.03:
            e.sources = [rng.choice(source_ids)]
    evs = g.events(events, ents)
    for ev in evs:
        if rng.random() < 0.06:
            ev.sources = [rng.choice(source_ids)]

    faqs = []
    faq_ids: set[str] = set()
    for e in rng.sample(ents, min(n_faqs, len(ents))):
        question = f"What is {e.name}?" if e.kind != "person" else f"Who is {e.name}?"
        fid = "faq-" + slug(question)
        if fid in faq_ids:
            continue
        faq_ids.add(fid)
        answer = f"{e.name}{f' ({e.acronym})' if e.acronym else ''} is " \
                 f"{e.role or 'a ' + e.kind}. {g.sentence()}"
        faqs.append({"question": question, "answer": answer, "entities": [e.id]})

    briefings = []
    days: set[str] = set()
    while len(briefings) < n_briefings:
        day = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if day in days:
            continue
        days.add(day)
        linked = rng.sample(ents, min(len(ents), rng.randint(3, 8)))
        briefings.append({
            "date": day,
            "title": f"Briefing on {linked[0].label} and {linked[-1].label}",
            "summary": g.sentence(),
            "body": [g.sentence(20, 40) for _ in range(rng.randint(2, 3))],
            "points": [g.sentence(6, 12) for _ in range(rng.randint(2, 4))],
            "entities": [e.id for e in linked],
            "events": [ev.id for ev in rng.sample(evs, min(len(evs), rng.randint(2, 5)))],
            "faqs": ["faq-" + slug(f["question"]) for f in faqs[: rng.randint(0, 2)]],
            "sources": rng.sample(source_ids, min(len(source_ids), rng.randint(0, 2))),
        })

    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("part-*.yaml"):
        old.unlink()
    files = max(1, files)
    header = "# Synthetic knowledge for benchmarks (generated; format 1, see docs/format.md).\n"
    for k in range(files):
        e_part = ents[k * len(ents) // files : (k + 1) * len(ents) // files]
        v_part = evs[k * len(evs) // files : (k + 1) * len(evs) // files]
        chunks = [header, "format: 1\n"]
        if e_part:
            chunks.append("\nentities:\n")
            chunks.extend(e.yaml() for e in e_part)
        if v_part:
            chunks.append("\nevents:\n")
            chunks.extend(ev.yaml() for ev in v_part)
        if k == 0:
            chunks.append("\nsources:\n")
            for s in sources:
                chunks.append(
                    f"  - id: {s['id']}\n    title: {scalar(s['title'])}\n"
                    f"    publisher: {scalar(s['publisher'])}\n    url: {scalar(s['url'])}\n"
                    f"    date: {s['date']}\n"
                )
        if k == files - 1:
            if faqs:
                chunks.append("\nfaqs:\n")
                for f in faqs:
                    chunks.append(
                        f"  - question: {scalar(f['question'])}\n"
                        f"    answer: {scalar(f['answer'])}\n"
                        f"    entities: {flow(f['entities'])}\n"
                    )
            chunks.append("\nbriefings:\n")
            for b in briefings:
                chunks.append(
                    f"  - date: {b['date']}\n    title: {scalar(b['title'])}\n"
                    f"    summary: {scalar(b['summary'])}\n    body:\n"
                    + "".join(f"      - {scalar(p)}\n" for p in b["body"])
                    + "    points:\n"
                    + "".join(f"      - {scalar(p)}\n" for p in b["points"])
                    + f"    entities: {flow(b['entities'])}\n    events: {flow(b['events'])}\n"
                    + (f"    faqs: {flow(b['faqs'])}\n" if b["faqs"] else "")
                    + (f"    sources: {flow(b['sources'])}\n" if b["sources"] else "")
                )
        (out_dir / f"part-{k + 1:03d}.yaml").write_text("".join(chunks), encoding="utf-8")

    extra = Entity("extra-desk", "Benchmark Editing Desk", "organization", acronym="BED",
                   role="a small file that benchmarks edit", related=[ents[0].id])
    (out_dir / EXTRA_FILE).write_text(
        "# A small knowledge file the benchmark appends entities to.\nformat: 1\n\n"
        "entities:\n" + extra.yaml(), encoding="utf-8"
    )

    manifest = {
        "seed": seed,
        "files": files + 1,
        "records": len(ents) + len(evs) + len(sources) + len(faqs) + len(briefings)
        + EXTRA_FILE_RECORDS,
        "entities": len(ents) + EXTRA_FILE_RECORDS,
        "events": len(evs),
        "sources": len(sources),
        "faqs": len(faqs),
        "briefings": len(briefings),
        "bytes": sum(p.stat().st_size for p in out_dir.glob("*.yaml")),
        "extra_file": EXTRA_FILE,
        "probes": probes(ents, evs),
    }
    (out_dir / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n",
                                    encoding="utf-8")
    return manifest


def term_key(text: str) -> str:
    """Roughly how brief matches terms: case, accents and spacing ignored."""
    return " ".join(fold(text).casefold().split())


def probes(ents: list[Entity], evs: list[Event]) -> dict:
    """Terms to ask about whose answers have about the same size at every scale.

    - define: an acronym of one organization only, linked to a few events;
    - define_shared: an acronym shared by three entities (else two, else one);
    - timeline: the name of a place linked to a few events;
    - search: the full name of a person linked to a few events (the person and the
      titles naming them match);
    - search_common: the word of titles and names found in the most records.
    Each term but define_shared names one entity only.
    """
    events_of: dict[str, int] = defaultdict(int)
    for ev in evs:
        for i in ev.entities:
            events_of[i] += 1
    senses: dict[str, set[str]] = defaultdict(set)
    for e in ents:
        for term in (e.acronym, e.name, e.id, *e.aliases):
            if term:
                senses[term_key(term)].add(e.id)
    ordered = sorted(ents, key=lambda e: e.id)  # a stable choice

    def pick(test) -> Entity | None:
        for lo, hi in ((3, 6), (2, 8), (1, 99), (0, 10**9)):
            for e in ordered:
                if test(e) and lo <= events_of[e.id] <= hi:
                    return e
        return None

    def single(term: str | None) -> bool:
        return bool(term) and len(senses[term_key(term)]) == 1

    define = pick(lambda e: e.kind == "organization" and single(e.acronym)
                  and len(e.acronym) <= 4) or pick(
        lambda e: e.kind == "organization" and single(e.acronym))
    define_term = define.acronym if define else ents[0].id
    shared = None
    for want in (3, 2, 1):
        shared = next((e.acronym for e in ordered
                       if e.acronym and len(senses[term_key(e.acronym)]) == want), None)
        if shared:
            break
    place = pick(lambda e: e.kind == "place" and single(e.name))
    person = pick(lambda e: e.kind == "person" and single(e.name))
    counts: dict[str, int] = defaultdict(int)
    for text in [*(e.name for e in ents), *(ev.title for ev in evs)]:
        for word in {w for w in re.findall(r"\w+", text.lower()) if len(w) >= 4}:
            counts[word] += 1
    common = min(counts, key=lambda w: (-counts[w], w)) if counts else define_term
    return {
        "define": define_term,
        "define_shared": shared or define_term,
        "define_shared_senses": len(senses[term_key(shared)]) if shared else 1,
        "timeline": place.name if place else ents[0].id,
        "timeline_events": events_of[place.id if place else ents[0].id],
        "search": person.name if person else ents[0].name,
        "search_common": common,
        "search_common_records": counts.get(common, 0),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--entities", type=int, required=True)
    parser.add_argument("--events", type=int, required=True)
    parser.add_argument("--files", type=int, default=1)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.entities < 1 or args.events < 0 or args.files < 1:
        parser.error("need --entities >= 1, --events >= 0 and --files >= 1")
    manifest = generate(args.out_dir, args.entities, args.events, args.files, args.seed)
    print(
        f"wrote {manifest['records']:,} records ({manifest['entities']:,} entities, "
        f"{manifest['events']:,} events, {manifest['sources']} sources, {manifest['faqs']} "
        f"faqs, {manifest['briefings']} briefings) in {manifest['files']} files, "
        f"{manifest['bytes'] / 1e6:.1f} MB, to {args.out_dir}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
