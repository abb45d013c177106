"""What `brief ingest` drafts from whole articles, measured on a labelled corpus and set
beside a published baseline.

    python benchmarks/articles.py [--part dev|heldout|all] [--file PATH] [--json] [--failures]
                                  [--speed]

Run it with the interpreter brief is installed in (for example `.venv/bin/python`). The
corpus is benchmarks/extraction/articles.yaml ("dev", the part the drafting may be tuned on)
and benchmarks/extraction/articles-heldout.yaml ("heldout", never tuned on); the header of
articles.yaml gives the labelling conventions. `--file PATH` scores one dev file alone (a
part of its own, named by the file), for instance a new file before anything is tuned on it.

brief is driven as a user drives it: each article is written to a file of its own and
drafted by `python -m briefcli ingest FILE -o DRAFT --data EMPTY` (one call per article, so
that one refused article does not hide the others), and the YAML draft is read back: its
entities, its events (with the sentence each came from, from the draft's comments) and its
briefing (date and title). An article brief refuses drafts nothing.

Measures, over the articles of a part:
- named entities: an extracted entity matches a gold entity when its name, an alias or its
  acronym folds equal (case-folded, accents stripped, whitespace collapsed, a leading "the"
  and a possessive "'s" dropped) to the gold name, an alias or the acronym. Precision counts
  every extracted entity, and a second one matching a gold entity already matched is a false
  positive ("drafted twice"); recall is the share of gold entities matched; kind accuracy is
  the share of matched entities whose `kind` is the gold kind (no kind counts as wrong);
- acronym pairs: the draft's (acronym, name) against the gold pairs, short forms equal and
  long forms folded;
- event dates: an extracted event is right when its date equals an unmatched gold event's
  date at the precision written and its title or source sentence holds all of that event's
  words (case-folded); relative dates resolved is the share of gold events marked relative
  that are matched so. "by title" is the stricter count where the words must be in the
  event's title: an event dated by one clause of a sentence but titled by another ("Blinken
  and Sandu discussed ..." dated by "cuts in gas supplies in October 2022") holds the words
  of the dated clause in its sentence only, and is right by the first count, wrong by this;
- article date: right when the briefing's date is the gold date, or, for an article with no
  date (gold null), when brief refuses it; a refusal of a dated article is wrong (and that
  article drafts nothing). An undated article rightly refused is drafted again with
  `--date READ_DATE`, and that draft is scored for entities, pairs and events;
- headline as title: the briefing's title equals the headline (folded), over the articles
  with a headline that brief did not rightly refuse.

The baseline is a capitalised-phrase chunker (`chunker_entities`): runs of capitalised words,
with of/for/and/the/in/on/de inside a run, each distinct run once; its kind is organization
when it holds an organisation head word, place when it is one of a small list of countries
and regions, else person. It drafts no pairs, events, dates or titles ("-" in the table). A
small spaCy English pipeline is scored too when `spacy.load("en_core_web_sm")` works;
otherwise it is reported as skipped. Speed is brief's articles per second, process start
included.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parent / "extraction"
# A part may be written in several files: dev is articles.yaml and every articles-dev-*.yaml.
PARTS = {"dev": ("articles.yaml", "articles-dev-*.yaml"), "heldout": ("articles-heldout.yaml",)}
# The --date an undated article is drafted again with once brief has rightly refused it,
# as a user who read the page that day would give it.
READ_DATE = "2024-06-01"
KINDS = ("person", "organization", "place", "agreement", "process")


# ------------------------------------------------------------------------------ corpus


def _iso(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def load_part(part: str, paths: list[Path] | None = None) -> list[dict[str, Any]]:
    """The articles of one part (or of the files `paths`), dates as strings, each with
    `part` added."""
    raws: list[dict[str, Any]] = []
    if paths is None:
        paths = [path for pattern in PARTS[part] for path in sorted(CORPUS.glob(pattern))]
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        raws.extend(data.get("articles", []))
    articles: list[dict[str, Any]] = []
    for raw in raws:
        article = dict(raw)
        article["part"] = part
        article["date"] = _iso(article.get("date"))
        article["events"] = [
            {**event, "date": _iso(event["date"])} for event in article.get("events", [])
        ]
        articles.append(article)
    return articles


def fold(text: str) -> str:
    """A name as compared: accents stripped, case-folded, whitespace collapsed, no leading
    "the", no possessive "'s"."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.split()).casefold()
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text


def flat(text: str) -> str:
    """Text as searched for words: case-folded, whitespace (and hard wraps) collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


# ------------------------------------------------------------------------------ drafts


@dataclass
class Draft:
    """What one extractor made of one article."""

    entities: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)  # date, title, source
    date: str | None = None
    title: str | None = None
    refused: bool = False
    message: str = ""


_ID_LINE = re.compile(r"^  - id: (\S+)")
_COMMENT = re.compile(r"^  # ?(.*)$")


def _sources(draft_text: str) -> dict[str, str]:
    """Record id -> the comment above it (`from FILE:LINE: "sentence"`), lines joined."""
    sources: dict[str, str] = {}
    pending: list[str] = []
    for line in draft_text.splitlines():
        comment = _COMMENT.match(line)
        if comment:
            pending.append(comment.group(1))
            continue
        found = _ID_LINE.match(line)
        if found:
            sources[found.group(1)] = " ".join(pending)
        pending = []
    return sources


def read_draft(draft_text: str) -> Draft:
    data = yaml.safe_load(draft_text) or {}
    sources = _sources(draft_text)
    draft = Draft()
    for entity in data.get("entities") or []:
        draft.entities.append(dict(entity))
    for event in data.get("events") or []:
        source = " ".join(
            str(x) for x in (sources.get(str(event.get("id")), ""), event.get("summary") or "")
        )
        draft.events.append(
            {"date": _iso(event.get("date")), "title": str(event.get("title") or ""),
             "source": source}
        )
    briefings = data.get("briefings") or []
    if briefings:
        draft.date = _iso(briefings[0].get("date"))
        draft.title = briefings[0].get("title")
    return draft


def _run_ingest(source: Path, out: Path, data: Path,
                *more: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """`brief ingest SOURCE -o OUT --data DATA [MORE]` from this checkout's src/, and the
    seconds it took."""
    command = [sys.executable, "-m", "briefcli", "ingest", str(source), "-o", str(out),
               "--data", str(data), *more]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "BRIEF_DATA": ""}
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    return done, time.perf_counter() - start


def _ingest(source: Path, folder: Path, date: str | None) -> tuple[Draft, float]:
    """`brief ingest SOURCE` against an empty knowledge: its draft (or its refusal) and the
    seconds it took."""
    empty = folder / "empty"
    empty.mkdir(exist_ok=True)
    out = folder / f"{source.stem}.{date or 'found'}.draft.yaml"
    done, elapsed = _run_ingest(source, out, empty, *(["--date", date] if date else []))
    if done.returncode != 0 or not out.exists():
        lines = done.stderr.strip().splitlines()
        return Draft(refused=True, message=lines[-1] if lines else f"exit {done.returncode}"), \
            elapsed
    return read_draft(out.read_text(encoding="utf-8")), elapsed


def folder_speed(articles: list[dict[str, Any]], copies: int = 4) -> dict[str, float]:
    """Articles per second of one `brief ingest FOLDER` (the weekly recipe) over `copies`
    copies of the dated articles, and the seconds of a folder of one article (the cost
    of starting and of loading place and month names, paid once per process)."""
    dated = [a for a in articles if a["date"]]
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "empty").mkdir()
        for label, count in (("one", 1), ("many", copies * len(dated))):
            source = folder / label
            source.mkdir()
            for i in range(count):
                article = dated[i % len(dated)]
                # each copy its own article: a digest of the same text would be skipped
                text = article["text"] + f"\n\nCopy {i}.\n"
                (source / f"{i:04d}-{article['id']}.txt").write_text(text, encoding="utf-8")
            _, timings[label] = _run_ingest(source, folder / f"{label}.yaml", folder / "empty")
        many = copies * len(dated)
        timings["articles"] = many
        timings["articles/s"] = many / timings["many"]
        timings["articles/s after the first"] = (many - 1) / max(timings["many"]
                                                                 - timings["one"], 1e-9)
    return timings


def brief_drafts(articles: list[dict[str, Any]]) -> tuple[list[Draft], float]:
    """brief's draft of each article, and the seconds the ingest calls took. An undated
    article that brief rightly refuses is drafted again with --date READ_DATE, so that what
    it names is measured too; its refusal still counts in the article-date rows."""
    drafts: list[Draft] = []
    elapsed = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for article in articles:
            source = folder / f"{article['id']}.txt"
            source.write_text(article["text"], encoding="utf-8")
            draft, seconds = _ingest(source, folder, None)
            elapsed += seconds
            if draft.refused and article["date"] is None:
                again, _ = _ingest(source, folder, READ_DATE)
                again.refused, again.message, again.date = True, draft.message, None
                draft = again
            drafts.append(draft)
    return drafts, elapsed


# ------------------------------------------------------------------------------ baselines

CONNECTORS = {"of", "for", "and", "the", "in", "on", "de", "du", "des", "la", "le"}
HEADS = {
    "ministry", "council", "commission", "agency", "office", "mission", "force", "forces",
    "programme", "program", "fund", "police", "court", "organization", "organisation",
    "union", "assembly", "government", "nations", "service", "committee", "bank", "army",
    "parliament", "presidency", "embassy", "department", "centre", "center", "chambers",
    "headquarters", "alliance", "secretariat", "institute", "authority", "board",
}
PLACES = {
    "albania", "belgium", "bosnia and herzegovina", "bulgaria", "chad", "croatia", "france",
    "germany", "greece", "hungary", "italy", "kosovo", "mali", "moldova", "montenegro",
    "niger", "north macedonia", "romania", "russia", "serbia", "sudan", "sweden", "finland",
    "turkey", "turkiye", "ukraine", "united kingdom", "united states", "burkina faso",
    "europe", "africa", "balkans", "western balkans", "sahel", "darfur",
}
# Words that start a sentence or a header but name nothing on their own.
STOP = {
    "the", "a", "an", "in", "on", "at", "this", "that", "these", "it", "he", "she", "they",
    "we", "our", "his", "her", "its", "their", "both", "after", "from", "for", "and", "but",
    "as", "to", "by", "with", "if", "when", "while", "there", "all", "several", "some",
    "today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "related", "tags", "share",
    "readout", "date", "print", "highlights", "next", "press", "statement", "briefing",
}
# A word (an initial or an abbreviation such as "J." or "U.S." keeps its points), or one
# mark of punctuation; a paragraph break is the mark "¶".
_TOKEN = re.compile(r"(?:[^\W\d_]\.){2,}|[^\W\d_]\.(?=\s)|[^\W\d_][\w'’\-]*|¶|\S")


def guess_kind(phrase: str) -> str:
    words = fold(phrase).split()
    if any(w.strip(".,") in HEADS for w in words):
        return "organization"
    if fold(phrase) in PLACES:
        return "place"
    return "person"


def chunker_entities(text: str) -> list[dict[str, Any]]:
    """Runs of capitalised words (connectors allowed inside), each distinct run once. A mark
    of punctuation or a paragraph break ends a run; a line break inside a paragraph does not
    (hard-wrapped text)."""
    found: dict[str, dict[str, Any]] = {}
    paragraphs = re.split(r"\n\s*\n", text)
    tokens = _TOKEN.findall(" ¶ ".join(" ".join(p.split()) for p in paragraphs))

    def close(run: list[str]) -> None:
        while run and run[-1].casefold() in CONNECTORS:
            run.pop()
        while run and run[0].casefold() in STOP:
            run.pop(0)
        if not run:
            return
        phrase = " ".join(run)
        phrase = re.sub(r"['’]s$", "", phrase).rstrip(".")
        if len(phrase) < 2 or phrase.isupper() and len(phrase) <= 1:
            return
        found.setdefault(fold(phrase), {"name": phrase, "kind": guess_kind(phrase)})

    run: list[str] = []
    for token in tokens:
        if token[:1].isupper() or (run and token.casefold() in CONNECTORS):
            run.append(token)
        else:
            close(run)
            run = []
    close(run)
    return list(found.values())


def spacy_entities() -> Callable[[str], list[dict[str, Any]]] | None:
    """spaCy's small English pipeline, or None when it cannot be loaded."""
    try:
        spacy = importlib.import_module("spacy")
        nlp = spacy.load("en_core_web_sm")
    except Exception:
        return None
    labels = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
              "FAC": "place", "LAW": "agreement", "EVENT": "process"}

    def extract(text: str) -> list[dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for ent in nlp(" ".join(text.split())).ents:
            if ent.label_ in labels:
                found.setdefault(fold(ent.text), {"name": ent.text, "kind": labels[ent.label_]})
        return list(found.values())

    return extract


# ------------------------------------------------------------------------------ scoring


@dataclass
class Score:
    ent_tp: int = 0
    ent_fp: int = 0
    ent_gold: int = 0
    twice: int = 0
    kind_right: int = 0
    gold_by_kind: dict[str, int] = field(default_factory=dict)
    found_by_kind: dict[str, int] = field(default_factory=dict)
    pair_tp: int = 0
    pair_fp: int = 0
    pair_gold: int = 0
    ev_tp: int = 0
    ev_fp: int = 0
    evt_tp: int = 0
    evt_fp: int = 0
    ev_gold: int = 0
    rel_right: int = 0
    rel_gold: int = 0
    date_right: int = 0
    date_gold: int = 0
    refused_right: int = 0
    refused_wrong: int = 0
    undated: int = 0
    title_right: int = 0
    title_gold: int = 0
    failures: list[str] = field(default_factory=list)


def _forms(entity: dict[str, Any]) -> set[str]:
    forms = [entity.get("name"), entity.get("acronym"), *(entity.get("aliases") or [])]
    return {fold(str(f)) for f in forms if f}


def score_entities(gold: list[dict[str, Any]], found: Iterable[dict[str, Any]],
                   score: Score, where: str) -> None:
    gold_forms = [_forms(g) for g in gold]
    matched: set[int] = set()
    score.ent_gold += len(gold)
    for g in gold:
        score.gold_by_kind[g["kind"]] = score.gold_by_kind.get(g["kind"], 0) + 1
    for entity in found:
        forms = _forms(entity)
        hits = [i for i, g in enumerate(gold_forms) if forms & g]
        fresh = [i for i in hits if i not in matched]
        if fresh:
            i = fresh[0]
            matched.add(i)
            score.ent_tp += 1
            kind = gold[i]["kind"]
            score.found_by_kind[kind] = score.found_by_kind.get(kind, 0) + 1
            if entity.get("kind") == kind:
                score.kind_right += 1
            else:
                score.failures.append(f"{where}: kind of {entity.get('name')!r} is "
                                      f"{entity.get('kind')!r}, not {kind}")
        elif hits:
            score.ent_fp += 1
            score.twice += 1
            score.failures.append(f"{where}: drafted twice: {entity.get('name')!r}")
        else:
            score.ent_fp += 1
            score.failures.append(f"{where}: not a gold entity: {entity.get('name')!r}")
    for i, g in enumerate(gold):
        if i not in matched:
            score.failures.append(f"{where}: missed {g['kind']} {g['name']!r}")


def score_article(article: dict[str, Any], draft: Draft, score: Score, full: bool) -> None:
    where = article["id"]
    score_entities(article["entities"], draft.entities, score, where)
    if not full:
        return
    # acronym pairs
    gold_pairs = {(str(s), fold(str(long))) for s, long in article["pairs"]}
    found_pairs = {(str(e["acronym"]), fold(str(e.get("name", ""))))
                   for e in draft.entities if e.get("acronym")}
    score.pair_gold += len(gold_pairs)
    score.pair_tp += len(gold_pairs & found_pairs)
    score.pair_fp += len(found_pairs - gold_pairs)
    for s, long in sorted(gold_pairs - found_pairs):
        score.failures.append(f"{where}: missed pair {s} = {long!r}")
    # events: by title or sentence (the words anywhere in either), and by title alone
    for strict in (False, True):
        open_gold = list(range(len(article["events"])))
        for event in draft.events:
            said = flat(event["title"] if strict and event["title"] else
                        event["title"] + " " + event["source"])
            hit = next((i for i in open_gold
                        if article["events"][i]["date"] == event["date"]
                        and all(flat(str(w)) in said for w in article["events"][i]["words"])),
                       None)
            if hit is None:
                if strict:
                    score.evt_fp += 1
                else:
                    score.ev_fp += 1
                    score.failures.append(
                        f"{where}: false event {event['date']} {event['title']!r}")
                continue
            open_gold.remove(hit)
            if strict:
                score.evt_tp += 1
                continue
            score.ev_tp += 1
            if article["events"][hit]["relative"]:
                score.rel_right += 1
            if not all(flat(str(w)) in flat(event["title"])
                       for w in article["events"][hit]["words"]):
                score.failures.append(f"{where}: event {event['date']} titled by another "
                                      f"clause: {event['title']!r}")
        if not strict:
            for i in open_gold:
                gold_event = article["events"][i]
                score.failures.append(f"{where}: missed event {gold_event['date']} "
                                      f"{' '.join(map(str, gold_event['words']))!r}")
    score.ev_gold += len(article["events"])
    score.rel_gold += sum(1 for e in article["events"] if e["relative"])
    # article date
    if article["date"] is None:
        score.undated += 1
        if draft.refused:
            score.refused_right += 1
        else:
            score.failures.append(f"{where}: undated, but dated {draft.date}")
    else:
        score.date_gold += 1
        if draft.refused:
            score.refused_wrong += 1
            score.failures.append(f"{where}: refused: {draft.message}")
        elif draft.date == article["date"]:
            score.date_right += 1
        else:
            score.failures.append(f"{where}: dated {draft.date}, not {article['date']}")
    # headline, but not of an undated article rightly refused (it has no draft to title)
    if article["title"] is not None and not (article["date"] is None and draft.refused):
        score.title_gold += 1
        if draft.title is not None and flat(draft.title) == flat(article["title"]):
            score.title_right += 1
        else:
            score.failures.append(f"{where}: title {draft.title!r}, not {article['title']!r}")


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def summary(score: Score, full: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "entities P": _ratio(score.ent_tp, score.ent_tp + score.ent_fp),
        "entities R": _ratio(score.ent_tp, score.ent_gold),
        "kind accuracy": _ratio(score.kind_right, score.ent_tp),
        "drafted twice": score.twice,
    }
    for kind in KINDS:
        out[f"  R {kind}"] = _ratio(score.found_by_kind.get(kind, 0),
                                    score.gold_by_kind.get(kind, 0))
    if full:
        out.update({
            "acronym pairs P": _ratio(score.pair_tp, score.pair_tp + score.pair_fp),
            "acronym pairs R": _ratio(score.pair_tp, score.pair_gold),
            "event dates P": _ratio(score.ev_tp, score.ev_tp + score.ev_fp),
            "event dates R": _ratio(score.ev_tp, score.ev_gold),
            "  by title P": _ratio(score.evt_tp, score.evt_tp + score.evt_fp),
            "  by title R": _ratio(score.evt_tp, score.ev_gold),
            "relative dates resolved": _ratio(score.rel_right, score.rel_gold),
            "article date right": _ratio(score.date_right + score.refused_right,
                                         score.date_gold + score.undated),
            "undated refused": f"{score.refused_right}/{score.undated}",
            "dated refused": f"{score.refused_wrong}/{score.date_gold}",
            "headline as title": _ratio(score.title_right, score.title_gold),
        })
    return out


def evaluate(articles: list[dict[str, Any]], drafts: list[Draft],
             seconds: float) -> dict[str, Any]:
    """The scores of brief's `drafts` of `articles` and of the baselines."""
    systems: dict[str, Score] = {"brief": Score(), "chunker": Score()}
    for article, draft in zip(articles, drafts, strict=True):
        score_article(article, draft, systems["brief"], full=True)
        score_article(article, Draft(entities=chunker_entities(article["text"])),
                      systems["chunker"], full=False)
    spacy = spacy_entities()
    if spacy is not None:
        systems["spaCy sm"] = Score()
        for article in articles:
            score_article(article, Draft(entities=spacy(article["text"])),
                          systems["spaCy sm"], full=False)
    gold = systems["brief"]
    return {
        "articles": len(articles),
        "gold": {"entities": gold.ent_gold, "pairs": gold.pair_gold, "events": gold.ev_gold,
                 "relative": gold.rel_gold, "undated": gold.undated},
        "systems": {name: summary(s, full=name == "brief") for name, s in systems.items()},
        "spacy": "scored" if spacy is not None else "skipped: en_core_web_sm cannot be loaded",
        "brief articles/s": len(articles) / seconds if seconds else None,
        "failures": gold.failures,
    }


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def print_table(title: str, result: dict[str, Any], failures: bool) -> None:
    gold = result["gold"]
    print(f"{title}: {result['articles']} articles, {gold['entities']} gold entities, "
          f"{gold['pairs']} pairs, {gold['events']} events ({gold['relative']} relative), "
          f"{gold['undated']} undated")
    names = list(result["systems"])
    rows = list(result["systems"]["brief"])
    width = max(len(r) for r in rows) + 2
    print("  " + "".ljust(width) + "".join(n.rjust(10) for n in names))
    for row in rows:
        cells = [_cell(result["systems"][n].get(row)) for n in names]
        print("  " + row.ljust(width) + "".join(c.rjust(10) for c in cells))
    speed = result["brief articles/s"]
    print(f"  brief speed: {_cell(speed)} articles/s (one ingest process per article)")
    if "folder" in result:
        folder = result["folder"]
        print(f"  one ingest of a folder of {folder['articles']:.0f} articles: "
              f"{folder['articles/s']:.1f} articles/s ({folder['one']:.2f} s for a folder of "
              f"one; {folder['articles/s after the first']:.1f} articles/s after it)")
    print(f"  spaCy en_core_web_sm: {result['spacy']}")
    if failures:
        for line in result["failures"]:
            print("    " + line)
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["dev", "heldout", "all"], default="all")
    parser.add_argument("--file", type=Path, action="append", default=[],
                        help="score this dev file alone instead of a part (repeatable)")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--failures", action="store_true", help="list brief's errors")
    parser.add_argument("--speed", action="store_true",
                        help="also time one ingest of a folder of the part's articles")
    args = parser.parse_args(argv)
    held = {path.resolve() for pattern in PARTS["heldout"] for path in CORPUS.glob(pattern)}
    if any(path.resolve() in held for path in args.file):
        parser.error("--file takes dev files; the held-out part is scored by --part heldout")
    parts = ([path.name for path in args.file] if args.file
             else list(PARTS) if args.part == "all" else [args.part])
    results: dict[str, Any] = {}
    every: tuple[list[dict[str, Any]], list[Draft], float] = ([], [], 0.0)
    for i, part in enumerate(parts):
        articles = load_part(part, [args.file[i]] if args.file else None)
        drafts, seconds = brief_drafts(articles)
        results[part] = evaluate(articles, drafts, seconds)
        if args.speed:
            results[part]["folder"] = folder_speed(articles)
        every = (every[0] + articles, every[1] + drafts, every[2] + seconds)
    if len(parts) > 1:
        results["all"] = evaluate(*every)
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    for part, result in results.items():
        print_table(part, result, args.failures and part != "all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
