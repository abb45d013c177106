"""Acronym definitions and dates found by `briefcli.authoring.acronyms` and
`briefcli.authoring.datefinder`, measured on a labelled corpus and set side by side with
baselines.

    python benchmarks/extraction.py [--json] [--failures] [--ablations] [--corpus DIR]

Run it with the interpreter brief is installed in (for example `.venv/bin/python`). The
corpus is every `*.yaml` file in benchmarks/extraction/ (see the header of corpus.yaml for
the labelling conventions). The rules of `briefcli.authoring.acronyms` and `.datefinder` were
chosen on `corpus.yaml` ("dev"). `heldout.yaml` ("held-out") was first scored with rules chosen
without it; `heldout-2.yaml` ("held-out 2") checks the few rules its errors then led to.
Each set is reported apart, then all together.

Acronyms: brief's `find_acronyms` against the `abbreviations` package, a Schwartz & Hearst
implementation (`schwartz_hearst.extract_abbreviation_definition_pairs(doc_text=...)`).
A found pair matches an expected one when the short forms are equal and the long forms are
equal after case-folding, collapsing whitespace and dropping a leading "the ". Within an
item each pair counts once.

Dates: brief's `find_dates` against `dateparser.search.search_dates` (languages=["en"],
RELATIVE_BASE = the item's reference date, PREFER_DATES_FROM = "past"). A found date
matches an expected one only when its string at the precision written is equal
("2023-09" does not match "2023-09-24"). dateparser returns full datetimes, so its
precision comes from the matched text: a day number (or a numeric date) gives the day, a
month name alone the month, a four-digit year alone the year; anything else ("today",
"Tuesday") the day. Mentions are compared as multisets of date strings per item.

Datelines: brief's `find_dateline` against the labelled publication date (no baseline).

Precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their harmonic mean, over the
items of a form, a split or the whole corpus; a `trap-*` form expects nothing, so only its
false positives are shown. A baseline that is not installed is reported as such and
skipped. `--json` prints everything as one JSON object instead of tables; `--failures`
also lists brief's misses and false finds.

`--ablations` also scores brief with one of its rules switched off at a time (by
replacing a private function or pattern of `briefcli.authoring.acronyms` or
`.datefinder` for the run), so that each
rule's worth on the corpus is a number: what precision, recall and F1 become without it.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import json
import logging
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from unittest import mock

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parent / "extraction"
SPLITS = {"corpus.yaml": "dev", "heldout.yaml": "held-out", "heldout-2.yaml": "held-out 2"}

sys.path.insert(0, str(ROOT / "src"))

from briefcli.authoring import acronyms, datefinder  # noqa: E402
from briefcli.authoring.acronyms import find_acronyms  # noqa: E402
from briefcli.authoring.datefinder import find_dateline, find_dates  # noqa: E402
from briefcli.authoring.sentences import split_sentences  # noqa: E402

Pairs = Callable[[str], Iterable[tuple[str, str]]]
Dates = Callable[[str, str], Iterable[str]]


# ------------------------------------------------------------------------------ corpus


def load_corpus(folder: Path = CORPUS) -> list[dict[str, Any]]:
    """Every item of every YAML file in `folder`, with `split` and `id` added."""
    items: list[dict[str, Any]] = []
    order = list(SPLITS)
    for path in sorted(
        folder.glob("*.yaml"),
        key=lambda p: (order.index(p.name) if p.name in SPLITS else len(order), p.name),
    ):
        # The safe loader, in C when PyYAML has it (five times faster here).
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
        for n, item in enumerate(data.get("items", []), 1):
            item = dict(item)
            item["split"] = SPLITS.get(path.name, path.stem)
            item["id"] = f"{path.stem}#{n}"
            for key in ("reference", "dateline"):
                if isinstance(item.get(key), datetime.date):  # YAML reads 2023-11-11 as a date
                    item[key] = item[key].isoformat()
            if "dates" in item:
                item["dates"] = [str(d) for d in item["dates"]]
            if any(len(pair) != 2 for pair in item.get("pairs", [])):
                raise ValueError(f"{item['id']}: a pair is [short, long]: quote commas")
            items.append(item)
    return items


def long_key(long: str) -> str:
    """A long form as compared: case-folded, whitespace collapsed, no leading "the "."""
    text = " ".join(long.split()).casefold()
    return text[4:] if text.startswith("the ") else text


# ------------------------------------------------------------------------------ extractors


def brief_pairs(text: str) -> list[tuple[str, str]]:
    return [(d.short, d.long) for d in find_acronyms(text)]


def brief_dates(text: str, reference: str) -> list[str]:
    return [m.date for m in find_dates(text, reference)]


def abbreviations_pairs() -> Pairs | None:
    """The `abbreviations` package's Schwartz & Hearst, or None if it is not installed."""
    try:
        from abbreviations import schwartz_hearst
    except ImportError:
        return None
    logging.getLogger().setLevel(logging.WARNING)  # it turns on INFO logging when imported

    def baseline(text: str) -> list[tuple[str, str]]:
        found = schwartz_hearst.extract_abbreviation_definition_pairs(doc_text=text)
        return [(str(k), str(v)) for k, v in found.items()]

    return baseline


_MONTH_NAME = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(r"\d{4}-\d\d-\d\d|\d{1,2}[./]\d{1,2}[./]\d{2,4}")


def dateparser_precision(matched: str) -> str:
    """'day', 'month' or 'year': what the words dateparser matched actually say."""
    if _NUMERIC_DATE.search(matched):
        return "day"
    numbers = re.findall(r"\d+", matched)
    has_day = any(len(n) <= 2 for n in numbers)
    has_year = any(len(n) == 4 for n in numbers)
    if has_day:
        return "day"
    if _MONTH_NAME.search(matched):
        return "month"
    if has_year:
        return "year"
    return "day"


def dateparser_dates() -> Dates | None:
    """dateparser's `search_dates` as a date finder, or None if it is not installed."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def baseline(text: str, reference: str) -> list[str]:
        base = datetime.datetime.fromisoformat(reference)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        try:
            found = search_dates(text, languages=["en"], settings=settings) or []
        except Exception:  # a baseline's failure is a miss, not a crash of the benchmark
            return []
        formats = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}
        return [when.strftime(formats[dateparser_precision(words)]) for words, when in found]

    return baseline


# ------------------------------------------------------------------------------ scoring


def _rates(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f1 = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
    if p is not None and r is not None and not p + r:
        f1 = 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r, "f1": f1}


def score(
    items: list[dict[str, Any]],
    pairs: Pairs | None = None,
    dates: Dates | None = None,
) -> dict[str, Any]:
    """Scores of one system over `items`: {"acronyms": ..., "dates": ...}, each with
    "all", "by_split", "by_form" (counts and rates) and "failures" (item id, missing,
    extra). A task is scored only when its extractor is given."""
    result: dict[str, Any] = {}
    tasks: list[tuple[str, str, Any]] = []
    if pairs is not None:
        tasks.append(("acronyms", "pairs", pairs))
    if dates is not None:
        tasks.append(("dates", "dates", dates))
    for task, key, extractor in tasks:
        totals: Counter[tuple[str, ...]] = Counter()
        failures = []
        for item in items:
            if key not in item:
                continue
            if task == "acronyms":
                expected = Counter({(s, long_key(lf)): 1 for s, lf in item["pairs"]})
                found = Counter({(s, long_key(lf)): 1 for s, lf in extractor(item["text"])})
            else:
                expected = Counter(item["dates"])
                found = Counter(extractor(item["text"], item["reference"]))
            tp = sum((expected & found).values())
            fp = sum((found - expected).values())
            fn = sum((expected - found).values())
            for kind, name in (("all", ""), ("split", item["split"]), ("form", item["form"])):
                for count, value in (("tp", tp), ("fp", fp), ("fn", fn), ("items", 1)):
                    totals[(kind, name, count)] += value
            if fp or fn:
                failures.append(
                    {
                        "id": item["id"],
                        "form": item["form"],
                        "missing": sorted(map(str, (expected - found).elements())),
                        "extra": sorted(map(str, (found - expected).elements())),
                    }
                )
        groups: dict[str, Any] = {"all": {}, "by_split": {}, "by_form": {}}
        names = {(k[0], k[1]) for k in totals}
        for kind, name in sorted(names):
            counts = [totals[(kind, name, c)] for c in ("tp", "fp", "fn")]
            entry = {"items": totals[(kind, name, "items")], **_rates(*counts)}
            if kind == "all":
                groups["all"] = entry
            else:
                groups["by_" + kind][name] = entry
        groups["failures"] = failures
        result[task] = groups
    return result


def score_datelines(items: list[dict[str, Any]]) -> dict[str, Any]:
    labelled = [i for i in items if "dateline" in i]
    right, failures = 0, []
    for item in labelled:
        found = find_dateline(item["text"])
        got = found[0] if found else None
        if got == item["dateline"]:
            right += 1
        else:
            failures.append({"id": item["id"], "expected": item["dateline"], "found": got})
    return {"items": len(labelled), "right": right, "failures": failures}


def timing(items: list[dict[str, Any]]) -> dict[str, float]:
    """Milliseconds (best of 7) brief takes on a text of about 5,000 words made of the
    corpus's articles, repeated: about one definition every 40 words and one date every
    25, far more than a real article has."""
    articles = [i["text"] for i in items if i["form"] == "article"]
    words = sum(len(t.split()) for t in articles)
    text = "\n\n".join(articles * (5000 // max(words, 1) + 1))
    cut = [m.start() for m in re.finditer(r"\S+", text)]
    text = text[: cut[5000]] if len(cut) > 5000 else text
    out = {"words": float(len(text.split()))}
    calls: list[tuple[str, Callable[[], object]]] = [
        ("sentences_ms", lambda: split_sentences(text)),
        ("acronyms_ms", lambda: find_acronyms(text)),
        ("dates_ms", lambda: find_dates(text, "2023-11-11")),
        ("dateline_ms", lambda: find_dateline(text)),
    ]
    for name, call in calls:
        best = float("inf")
        for _ in range(7):
            t = time.perf_counter()
            call()
            best = min(best, time.perf_counter() - t)
        out[name] = best * 1000
    return out


# ------------------------------------------------------------------------------ report


def _fmt(value: float | None) -> str:
    return "   —" if value is None else f"{value:.2f}"


def _row(entry: dict[str, Any] | None, trap: bool) -> str:
    if entry is None:
        return f"{'not installed':^22}"
    if trap:
        return f"{'FP ' + str(entry['fp']):^22}"
    return (
        f"{_fmt(entry['precision']):>6} {_fmt(entry['recall']):>6} {_fmt(entry['f1']):>6}"
        f"   "
    )


def _table(title: str, systems: dict[str, dict[str, Any] | None], task: str) -> str:
    names = list(systems)
    lines = [title, ""]
    header = f"{'':26}{'n':>5} " + "".join(f"| {n:^22}" for n in names)
    sub = f"{'':26}{'':>5} " + "".join(f"| {'P':>6} {'R':>6} {'F1':>6}   " for _ in names)
    lines += [header, sub, "-" * len(sub)]
    ref = next(s for s in systems.values() if s is not None)[task]

    def add(label: str, key: str, name: str | None, trap: bool) -> None:
        entries: list[dict[str, Any] | None] = []
        for n in names:
            system = systems[n]
            if system is None:
                entries.append(None)
                continue
            group = system[task]
            entries.append(group["all"] if key == "all" else group[key].get(name))
        base = ref["all"] if key == "all" else ref[key][name]
        n_expected = base["tp"] + base["fn"]
        count = f"{base['items']}i" if trap else str(n_expected)
        lines.append(f"{label:26}{count:>5} " + "".join(f"| {_row(e, trap)}" for e in entries))

    forms = sorted(ref["by_form"], key=lambda f: (f.startswith("trap"), f))
    for form in forms:
        add("  " + form, "by_form", form, form.startswith("trap"))
    lines.append("-" * len(sub))
    for split in sorted(ref["by_split"], key=lambda s: s != "dev"):
        add(f"  {split} (all forms)", "by_split", split, False)
    add("  all", "all", None, False)
    lines.append("")
    return "\n".join(lines)


def _nothing(*args: Any) -> Iterable[Any]:
    return iter(())


_NEVER = re.compile(r"(?!)")

# (task, the rule switched off, the replacements that switch it off)
ABLATIONS: list[tuple[str, str, dict[str, Any]]] = [
    ("acronyms", "reverse form: KFOR (Kosovo Force)", {"_reverse_form": _nothing}),
    ("acronyms", "KFOR, or the Kosovo Force, / KFOR, the ... force,",
     {"_after_short": _nothing}),
    ("acronyms", "the Kosovo Force, known as KFOR / , or KFOR,", {"_known_as": _nothing}),
    ("acronyms", "appositive: the UN refugee agency, UNHCR,",
     {"_appositive_before": _nothing}),
    ("acronyms", "note: (OAU, now the African Union)",
     {"_split_note": lambda inner: (inner, None)}),
    ("acronyms", "loose match (letters partly or out of order)",
     {"_loose_initials": lambda *a: None}),
    ("acronyms", "head noun for unmatched names, descriptions",
     {"_has_head_noun": lambda words: False}),
    ("acronyms", "most initials, not nearest start",
     {"_better": lambda initials, best: best == 0}),
    ("acronyms", "two letters on word starts (Isa Mustafa (LDK))",
     {"_enough_initials": lambda initials, content: True}),
    ("acronyms", "two words or more (Serbia (SRB))",
     {"_acceptable_long": lambda short, long: any(c.islower() for c in long)
      and long.strip() != short}),
    ("acronyms", "no loose match inside a name",
     {"_inside_name": lambda words, i: False}),
    ("dates", "time word before a bare month or year",
     {"_time_word_before": lambda text, at, of=True: at}),
    ("dates", "counted nouns after a number (2000 people)", {"_COUNTED": _NEVER}),
    ("dates", "year-less date > 2 months ahead is last year's",
     {"_year_for": lambda month, day, ref, forward: ref.year}),
    ("dates", "future clause (will be held on 9 February)",
     {"_future_clause": lambda text, at: False}),
    ("dates", "year as attribute (the 2011 census)",
     {"_attribute_year": lambda text, start, end: False}),
    ("dates", "year in parentheses (Accords (1999))",
     {"_parenthesised_year": lambda text, start, end: False}),
    ("dates", "not after a document (resolution 1244 (1999))",
     {"_DOCUMENT_BEFORE": _NEVER}),
    ("dates", "day lists, 'last year' (5, 6 and 7 March)",
     {"_DAY_LIST_BEFORE": _NEVER, "_WHICH_YEAR": _NEVER}),
]


def ablations(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Brief's overall scores with each rule of ABLATIONS switched off, and the change."""
    base = score(items, brief_pairs, brief_dates)
    rows = []
    for task, rule, replacements in ABLATIONS:
        with contextlib.ExitStack() as stack:
            for name, value in replacements.items():
                module = acronyms if task == "acronyms" else datefinder
                stack.enter_context(mock.patch.object(module, name, value))
            acronyms._short_form.cache_clear()
            pairs, dates = (brief_pairs, None) if task == "acronyms" else (None, brief_dates)
            without = score(items, pairs, dates)[task]["all"]
        with_rule = base[task]["all"]
        rows.append(
            {
                "task": task,
                "rule": rule,
                "without": without,
                "delta": {
                    k: (with_rule[k] or 0) - (without[k] or 0)
                    for k in ("tp", "fp", "fn", "precision", "recall", "f1")
                },
            }
        )
    return rows


def ablation_report(rows: list[dict[str, Any]]) -> str:
    lines = [
        "Ablations: brief without one rule (all items). Worth = with minus without;",
        "a rule earns its place by +TP or -FP.",
        "",
        f"{'task':9}{'rule switched off':52}{'P':>6}{'R':>6}{'F1':>6}"
        f"{'TP worth':>10}{'FP worth':>10}",
    ]
    for row in rows:
        w, d = row["without"], row["delta"]
        lines.append(
            f"{row['task']:9}{row['rule']:52}{_fmt(w['precision']):>6}{_fmt(w['recall']):>6}"
            f"{_fmt(w['f1']):>6}{d['tp']:>+10}{-d['fp']:>+10}"
        )
    return "\n".join(lines) + "\n"


def run(corpus: Path = CORPUS) -> dict[str, Any]:
    items = load_corpus(corpus)
    t = time.perf_counter()
    brief = score(items, brief_pairs, brief_dates)
    brief_seconds = time.perf_counter() - t
    pairs = abbreviations_pairs()
    dates = dateparser_dates()
    t = time.perf_counter()
    abbreviations = score(items, pairs=pairs)["acronyms"] if pairs else None
    with contextlib.redirect_stderr(io.StringIO()):
        dateparser = score(items, dates=dates)["dates"] if dates else None
    baseline_seconds = time.perf_counter() - t
    return {
        "corpus": {
            "items": len(items),
            "pairs": sum(len(i["pairs"]) for i in items if "pairs" in i),
            "dates": sum(len(i["dates"]) for i in items if "dates" in i),
            "traps": sum(1 for i in items if i["form"].startswith("trap")),
            "splits": {s: n for s, n in Counter(i["split"] for i in items).items()},
        },
        "acronyms": {"brief": brief["acronyms"], "abbreviations": abbreviations},
        "dates": {"brief": brief["dates"], "dateparser": dateparser},
        "datelines": {"brief": score_datelines(items)},
        "timing": {
            **timing(items),
            "brief_corpus_s": brief_seconds,
            "baselines_corpus_s": baseline_seconds,
        },
    }


def report(result: dict[str, Any], failures: bool = False) -> str:
    c = result["corpus"]
    out = [
        f"Corpus: {c['items']} items ({', '.join(f'{v} {k}' for k, v in c['splits'].items())}),"
        f" {c['pairs']} acronym pairs, {c['dates']} date mentions, {c['traps']} trap items",
        "",
    ]
    acr = {
        "brief": {"acronyms": result["acronyms"]["brief"]},
        "abbreviations": (
            {"acronyms": result["acronyms"]["abbreviations"]}
            if result["acronyms"]["abbreviations"]
            else None
        ),
    }
    out.append(_table("Acronym definitions (pairs; trap forms: items and false positives)",
                      acr, "acronyms"))
    dat = {
        "brief": {"dates": result["dates"]["brief"]},
        "dateparser": {"dates": result["dates"]["dateparser"]}
        if result["dates"]["dateparser"]
        else None,
    }
    out.append(_table("Dates (mentions at the precision written; trap forms: items and FPs)",
                      dat, "dates"))
    dl = result["datelines"]["brief"]
    out.append(f"Datelines: brief {dl['right']}/{dl['items']} right")
    t = result["timing"]
    out.append(
        f"Time on {t['words']:.0f} words of the corpus's articles: find_acronyms"
        f" {t['acronyms_ms']:.1f} ms, find_dates {t['dates_ms']:.1f} ms, find_dateline"
        f" {t['dateline_ms']:.1f} ms (split_sentences alone {t['sentences_ms']:.1f} ms)."
        f" Whole corpus: brief {t['brief_corpus_s']:.2f} s, baselines"
        f" {t['baselines_corpus_s']:.2f} s."
    )
    if failures:
        out.append("\nbrief's failures:")
        for task in ("acronyms", "dates"):
            for f in result[task]["brief"]["failures"]:
                out.append(f"  {task} {f['id']} [{f['form']}] missing {f['missing']}"
                           f" extra {f['extra']}")
        for f in dl["failures"]:
            out.append(f"  dateline {f['id']} expected {f['expected']} found {f['found']}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--failures", action="store_true", help="list brief's errors")
    parser.add_argument(
        "--ablations", action="store_true", help="also score brief without each rule"
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of *.yaml")
    args = parser.parse_args(argv)
    result = run(args.corpus)
    if args.ablations:
        result["ablations"] = ablations(load_corpus(args.corpus))
    if args.json:
        print(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        print(report(result, args.failures))
        if args.ablations:
            print("\n" + ablation_report(result["ablations"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
