"""Did-you-mean quality and speed: `briefcli.index.suggest` beside the method it replaces.

    python benchmarks/suggestions.py [--typos N] [--old-typos N] [--entries N] [--seed S]
                                     [--scale N] [--no-real] [--old-at-scale] [--json]

Run it with the interpreter brief is installed in (`.venv/bin/python`). It takes under
a minute with the defaults (about 55 s on a small machine).

Glossaries:

- "generated": `glossary_gen.entries(--entries, --seed)`, 10,000 acronyms by default
  (see benchmarks/glossary_gen.py for what makes it look like a real one);
- "V.E.R.A.+wtf": the real lists, when installed: the BSD `wtf` acronym files
  (/usr/share/games/bsdgames/acronyms*, `ACRONYM<TAB>meaning`, "$" lines skipped) and
  the V.E.R.A. dictd database (/usr/share/dictd/vera.index, "00database" entries skipped;
  the acronym as written and its expansion are read from vera.dict.dz when present).

Every entry becomes an entity with an id ("gl-tcp-2", "bsd-bf"), its acronym, its name
(the meaning) and aliases, as `terms` rows (`glossary_gen.candidates`).

Typos: --typos (1,000) seeded one-edit typos of acronyms, each of an entry drawn at
random, the edit one of insert, delete, substitute and swap (neighbours) with equal
chances, at a random position; a typo whose key is a known term is drawn again (it
would be a hit, not a miss). Results are given for the first 200 of them and for all.
Two typo models:

- "uniform": a stray or replacing character is any letter, equally likely;
- "keyboard": 60% of the time it is a key next to the one meant on a QWERTY keyboard
  (for a stray character: next to, or the same as, a neighbouring character), any letter
  otherwise: nearer to how people mistype.

A hit is the intended acronym among the suggestions (compared by `term_key`, which is
case-insensitive and ignores dots, as lookups do). Methods:

- "new": `briefcli.index.suggest.suggest` on the rows of the length window
  (`length_window`), as an index fetches them (the fetch is not timed);
- "old": the fuzzy matcher brief used before (WRatio similarity, kept in this
  script as `_closest`), as `query.suggest_terms` called it (distinct (key, text)
  rows), on the first --old-typos (200) typos: the published baseline;
- "best possible": the acronyms ranked by their exact chance of being meant, given the
  typo model and how many entries share each acronym. No ranker can do better on
  average; it shows how much of a miss comes from the glossary being dense.

Scale (--scale, 1,000,000 terms; 0 to skip): one miss with suggestions against that
many `terms` rows, (a) as a list in memory (time, and peak memory of the call by
tracemalloc) and (b) the way an index answers it: in a fresh process, from an
SQLite `terms` table with its index on `key` (keys of the length window read by a
cursor and compared by `suggest_keys`, then the rows of the close keys fetched and
ranked by `suggest`), timed, with the process's peak memory beside that of the same
process doing everything but the suggestion.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import random
import re
import sqlite3
import statistics
import string
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

import glossary_gen  # noqa: E402  (the generator next to this file)
from briefcli.index import suggest as sg  # noqa: E402
from briefcli.text import fold, term_key  # noqa: E402
from glossary_gen import Entry, Row  # noqa: E402


def _closest(
    term: str, choices: list[str], limit: int = 1, keys: list[str] | None = None
) -> list[str]:
    """The method brief used before (`briefcli.text.closest`), kept here as the baseline:
    rapidfuzz's WRatio similarity over the folded keys, cutoff 60."""
    if not choices:
        return []
    from rapidfuzz import fuzz, process

    compared = keys if keys is not None else choices
    matches = process.extract(
        fold(term) if keys is not None else term, compared, scorer=fuzz.WRatio,
        limit=limit * 4, score_cutoff=60,
    )
    out: list[str] = []
    for _key, _score, i in matches:
        if choices[i] not in out:
            out.append(choices[i])
    return out[:limit]


old_closest: Callable[..., list[str]] | None = _closest

WTF = sorted(Path("/usr/share/games/bsdgames").glob("acronyms*"))
VERA = Path("/usr/share/dictd/vera.index")
LETTERS = string.ascii_lowercase
NEAR = sg._near()  # the keyboard the ranking assumes, so both speak of the same keys


# ---------------------------------------------------------------- glossaries


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _b64(text: str) -> int:
    digits = string.ascii_uppercase + string.ascii_lowercase + string.digits + "+/"
    value = 0
    for c in text:
        value = value * 64 + digits.index(c)
    return value


def real_glossary() -> tuple[list[Entry], list[str]]:
    """The entries of the installed V.E.R.A. and wtf lists, and the files read."""
    out: list[Entry] = []
    used: list[str] = []
    ids: Counter[str] = Counter()

    def add(prefix: str, acronym: str, name: str) -> None:
        slug = f"{prefix}-{_slug(acronym)}"
        ids[slug] += 1
        out.append(Entry(slug if ids[slug] == 1 else f"{slug}-{ids[slug]}", acronym,
                         name or acronym, ()))

    for path in WTF:
        used.append(str(path))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("$") or "\t" not in line:
                continue
            acronym, meaning = line.split("\t", 1)
            if acronym.strip():
                add("bsd", acronym.strip(), meaning.strip())
    if VERA.exists():
        used.append(str(VERA))
        data = b""
        for data_path in (VERA.with_suffix(".dict.dz"), VERA.with_suffix(".dict")):
            if data_path.exists():
                raw = data_path.read_bytes()
                data = gzip.decompress(raw) if data_path.suffix == ".dz" else raw
                used.append(str(data_path))
                break
        for line in VERA.read_text(encoding="utf-8", errors="replace").splitlines():
            parts = line.split("\t")
            if len(parts) < 3 or parts[0].startswith("00database") or not parts[0]:
                continue
            headword, acronym, name = parts[0], parts[0].upper(), ""
            if data:
                start = _b64(parts[1])
                body = data[start : start + _b64(parts[2])].decode("utf-8", "replace")
                lines = [x.strip() for x in body.splitlines() if x.strip()]
                if lines and term_key(lines[0]) == term_key(headword):
                    acronym = lines[0]
                if len(lines) > 1:
                    name = re.sub(r"\s*\([^()]*\)\s*$", "", lines[1])
            add("vera", acronym, name)
    return out, used


# ---------------------------------------------------------------- typos


@dataclass(frozen=True)
class TypoModel:
    """One-edit typos; `near` is the share of wrong characters next to the right key."""

    name: str
    near: float

    def _pool(self, text: str, p: int) -> str:
        """Keys a stray character at position p is likely to be: its neighbours and
        the keys around them."""
        return "".join(
            text[j].lower() + NEAR.get(text[j].lower(), "")
            for j in (p - 1, p) if 0 <= j < len(text)
        )

    def make(self, rng: random.Random, text: str) -> str | None:
        """A typo of `text`, or None when the edit drawn cannot apply (then draw again)."""
        n = len(text)
        op = rng.randrange(4)
        if op == 0:  # insert
            p = rng.randrange(n + 1)
            pool = self._pool(text, p)
            c = rng.choice(pool) if pool and rng.random() < self.near else rng.choice(LETTERS)
            like = text[min(p, n - 1)]
            return text[:p] + (c.upper() if like.isupper() else c) + text[p:]
        if op == 1:  # delete
            i = rng.randrange(n)
            return (text[:i] + text[i + 1 :]) or None
        if op == 2:  # substitute
            i = rng.randrange(n)
            a = text[i].lower()
            near = NEAR.get(a, "")
            if near and rng.random() < self.near:
                c = rng.choice(near)
            else:
                c = rng.choice([x for x in LETTERS if x != a])
            return text[:i] + (c.upper() if text[i].isupper() else c) + text[i + 1 :]
        if n < 2:
            return None
        i = rng.randrange(n - 1)  # swap
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]

    def chance(self, typed_key: str, text: str) -> float:
        """The chance that `make` turns `text` into a typo whose key is `typed_key`."""
        n = len(text)
        pre = [term_key(text[:i]) for i in range(n + 1)]
        suf = [term_key(text[i:]) for i in range(n + 1)]

        def needed(a: str, b: str) -> str | None:
            """The character that, between keys a and b, gives the typed key."""
            k = typed_key
            if len(a) + 1 + len(b) == len(k) and k.startswith(a) and k.endswith(b):
                return k[len(a)]
            return None

        total = 0.0
        for p in range(n + 1):  # insert at p
            c = needed(pre[p], suf[p])
            if c is not None and term_key(text[:p] + c + text[p:]) == typed_key:
                pool = self._pool(text, p)
                share = self.near if pool else 0.0
                pick = (share * pool.count(c) / len(pool) if pool else 0.0) + (
                    (1 - share) / len(LETTERS) if c in LETTERS else 0.0
                )
                total += pick / (n + 1)
        for i in range(n):
            if pre[i] + suf[i + 1] == typed_key:  # delete i
                total += 1 / n
            c = needed(pre[i], suf[i + 1])  # substitute i
            a = text[i].lower()
            if c is not None and c != a and term_key(text[:i] + c + text[i + 1 :]) == typed_key:
                near = NEAR.get(a, "")
                share = self.near if near else 0.0
                others = len([x for x in LETTERS if x != a])
                pick = (share * near.count(c) / len(near) if near else 0.0) + (
                    (1 - share) / others if c in LETTERS else 0.0
                )
                total += pick / n
        for i in range(n - 1):  # swap i, i+1
            if term_key(text[:i] + text[i + 1] + text[i] + text[i + 2 :]) == typed_key:
                total += 1 / (n - 1)
        return total / 4


MODELS = (TypoModel("uniform", 0.0), TypoModel("keyboard", 0.6))


def typos(
    glossary: Sequence[Entry], known: set[str], model: TypoModel, count: int, seed: int
) -> list[tuple[str, str]]:
    """(typed, meant) pairs: seeded one-edit typos of the acronyms, none a known term."""
    rng = random.Random(f"{seed}:{model.name}")
    out: list[tuple[str, str]] = []
    while len(out) < count:
        meant = rng.choice(glossary).acronym
        typed = model.make(rng, meant)
        if typed is not None and term_key(typed) and term_key(typed) not in known:
            out.append((typed, meant))
    return out


# ---------------------------------------------------------------- methods


@dataclass
class Outcome:
    """Hits of one method on one list of typos (first 200 and all), and call times."""

    method: str
    hits5: list[bool] = field(default_factory=list)
    hits1: list[bool] = field(default_factory=list)
    times: list[float] = field(default_factory=list)

    def add(self, meant: str, shown: list[str], seconds: float | None = None) -> None:
        keys = [term_key(s) for s in shown]
        self.hits5.append(term_key(meant) in keys)
        self.hits1.append(bool(keys) and keys[0] == term_key(meant))
        if seconds is not None:
            self.times.append(seconds)

    def summary(self, first: int) -> dict[str, Any]:
        out: dict[str, Any] = {"method": self.method, "typos": len(self.hits5)}
        for label, n in ((f"first{first}", first), ("all", len(self.hits5))):
            n = min(n, len(self.hits5))
            out[label] = {
                "typos": n,
                "top5": sum(self.hits5[:n]) / n if n else None,
                "first": sum(self.hits1[:n]) / n if n else None,
            }
        if self.times:
            ordered = sorted(self.times)
            out["median_ms"] = statistics.median(ordered) * 1000
            out["p95_ms"] = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))] * 1000
        return out


def by_length(rows: Sequence[Row]) -> dict[int, list[Row]]:
    """Rows by key length: what `WHERE length(key) BETWEEN ? AND ?` fetches, kept ready."""
    out: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        out[len(row.key)].append(row)
    return out


def run_new(pairs: list[tuple[str, str]], buckets: dict[int, list[Row]]) -> Outcome:
    outcome = Outcome("new")
    windows: dict[tuple[int, int], list[Row]] = {}  # few lengths, so few windows
    for typed, meant in pairs:
        low, high = sg.length_window(term_key(typed))
        window = windows.get((low, high))
        if window is None:
            window = [row for n in range(low, high + 1) for row in buckets.get(n, ())]
            windows[low, high] = window
        start = time.perf_counter()
        shown = sg.suggest(typed, window)
        outcome.add(meant, shown, time.perf_counter() - start)
    return outcome


def run_old(pairs: list[tuple[str, str]], rows: Sequence[Row]) -> Outcome:
    outcome = Outcome("old")
    assert old_closest is not None
    distinct = sorted({(r.key, r.text) for r in rows})
    texts = [text for _, text in distinct]
    keys = [key for key, _ in distinct]
    for typed, meant in pairs:
        start = time.perf_counter()
        shown = old_closest(typed, texts, 5, keys=keys)
        outcome.add(meant, shown, time.perf_counter() - start)
    return outcome


def run_best(
    pairs: list[tuple[str, str]], glossary: Sequence[Entry], model: TypoModel
) -> Outcome:
    """The acronyms ranked by posterior: entries sharing the key times the typo chance."""
    outcome = Outcome("best possible")
    texts: dict[str, Counter[str]] = defaultdict(Counter)
    for e in glossary:
        texts[term_key(e.acronym)][e.acronym] += 1
    keys = list(texts)
    for typed, meant in pairs:
        typed_key = term_key(typed)
        weight = {
            key: sum(n * model.chance(typed_key, text) for text, n in texts[key].items())
            for key, _ in sg.suggest_keys(typed_key, keys, 1)
        }
        ranked = sorted(weight, key=lambda k: (-weight[k], k))[:5]
        outcome.add(meant, ranked)
    return outcome


# ---------------------------------------------------------------- scale


SQL_SCRIPT = r"""
import json, resource, sqlite3, sys, time
sys.path.insert(0, sys.argv[1])
db, query, suggesting = sys.argv[2], sys.argv[3], sys.argv[4] == "1"
from briefcli.index import suggest as sg
from briefcli.text import term_key
conn = sqlite3.connect(db)
conn.execute("SELECT count(*) FROM terms WHERE key = ?", (term_key(query),)).fetchone()
start = time.perf_counter()
shown = []
if suggesting:
    key = term_key(query)
    low, high = sg.length_window(key)
    cursor = conn.execute(
        "SELECT DISTINCT key FROM terms WHERE length(key) BETWEEN ? AND ?", (low, high)
    )
    close = [k for k, d in sg.suggest_keys(key, (k for (k,) in cursor), sg.max_edits(key)) if d]
    rows = []
    for i in range(0, len(close), 500):
        chunk = close[i : i + 500]
        rows += conn.execute(
            "SELECT key, text, rid, field FROM terms WHERE key IN (%s)"
            % ",".join("?" * len(chunk)), chunk,
        ).fetchall()
    shown = sg.suggest(query, rows)
elapsed = time.perf_counter() - start
# The peak resident size: VmHWM, which starts afresh at exec (ru_maxrss may carry the
# parent's peak over from the fork).
rss = 0
try:
    with open("/proc/self/status") as status:
        rss = next(int(x.split()[1]) for x in status if x.startswith("VmHWM:"))
except OSError:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps([elapsed, rss, shown]))
"""


def scale_rows(count: int, seed: int) -> list[Row]:
    """`count` terms rows of a generated glossary (about three per entry)."""
    rows: list[Row] = []
    for row in glossary_gen.candidates(glossary_gen.entries(count // 3 + 1, seed)):
        rows.append(row)
        if len(rows) == count:
            break
    return rows


def scale_queries(rows: Sequence[Row], seed: int) -> list[str]:
    """Misses of several lengths: typos of a 4- and a 6-letter acronym, and of a name."""
    rng = random.Random(seed)
    known = {r.key for r in rows}
    wanted = [("acronym", 4), ("acronym", 6), ("name", 24)]
    out: list[str] = []
    model = MODELS[0]
    for fname, length in wanted:
        pool = [r.text for r in rows[:50_000] if r.field == fname and len(r.key) >= length]
        while True:
            typed = model.make(rng, rng.choice(pool))
            if typed and term_key(typed) not in known:
                out.append(typed)
                break
    return out


def _sql_run(db: str, query: str, suggesting: bool) -> list[Any]:
    """[seconds, peak RSS in KiB, suggestions] of SQL_SCRIPT in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", SQL_SCRIPT, str(HERE.parent / "src"), db, query,
         "1" if suggesting else "0"],
        check=True, capture_output=True, text=True,
    ).stdout
    result: list[Any] = json.loads(out)
    return result


def build_scale(db: str, rows: Sequence[Row]) -> None:
    """Write terms rows to a `terms` table in `db`, with its index on `key` (as the
    index has them)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = OFF")  # a scratch file: nothing to recover
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("CREATE TABLE terms (key TEXT NOT NULL, rid INTEGER NOT NULL, "
                 "field TEXT NOT NULL, text TEXT NOT NULL)")
    rid: dict[object, int] = {}
    conn.executemany(
        "INSERT INTO terms VALUES (?,?,?,?)",
        ((r.key, rid.setdefault(r.group, len(rid) + 1), r.field, r.text) for r in rows),
    )
    conn.execute("CREATE INDEX terms_key ON terms (key)")
    conn.commit()
    conn.close()


def run_scale(count: int, seed: int, with_old: bool) -> dict[str, Any]:
    start = time.perf_counter()
    rows = scale_rows(count, seed)
    queries = scale_queries(rows, seed)
    result: dict[str, Any] = {
        "terms": len(rows), "generated_s": time.perf_counter() - start, "queries": [],
    }
    tmp = tempfile.TemporaryDirectory()
    db = str(Path(tmp.name) / "terms.sqlite")
    start = time.perf_counter()
    build_scale(db, rows)
    result["sqlite_build_s"] = time.perf_counter() - start
    without: list[Any] | None = None  # the same process, but for the suggestion
    for query in queries:
        entry: dict[str, Any] = {"query": query}
        t = time.perf_counter()
        shown = sg.suggest(query, rows)
        entry["memory_list_s"] = time.perf_counter() - t
        tracemalloc.start()
        sg.suggest(query, rows)
        entry["memory_list_peak_kib"] = tracemalloc.get_traced_memory()[1] / 1024
        tracemalloc.stop()
        entry["shown"] = shown
        if without is None:
            without = _sql_run(db, query, False)
        run = _sql_run(db, query, True)
        entry["sqlite_s"] = run[0]
        entry["sqlite_rss_kib"] = run[1]
        entry["sqlite_rss_without_kib"] = without[1]
        entry["sqlite_shown"] = run[2]
        if with_old and old_closest is not None:
            t = time.perf_counter()
            c = sqlite3.connect(db)
            pairs = c.execute("SELECT DISTINCT key, text FROM terms").fetchall()
            old_closest(query, [b for _, b in pairs], 5, keys=[a for a, _ in pairs])
            entry["old_s"] = time.perf_counter() - t
            c.close()
        result["queries"].append(entry)
    tmp.cleanup()
    return result


# ---------------------------------------------------------------- report


def evaluate(
    name: str, glossary: list[Entry], args: argparse.Namespace
) -> list[dict[str, Any]]:
    rows = list(glossary_gen.candidates(glossary))
    known = {r.key for r in rows}
    buckets = by_length(rows)
    acronyms = {term_key(e.acronym) for e in glossary}
    out = []
    for model in MODELS:
        pairs = typos(glossary, known, model, args.typos, args.seed)
        outcomes = [run_new(pairs, buckets), run_best(pairs, glossary, model)]
        if old_closest is not None and args.old_typos and model.name in args.old_models:
            outcomes.append(run_old(pairs[: args.old_typos], rows))
        for o in outcomes:
            s = o.summary(200)
            s.update(glossary=name, model=model.name, entries=len(glossary), terms=len(rows),
                     acronyms=len(acronyms))
            out.append(s)
    return out


def pct(x: float | None) -> str:
    return "   -" if x is None else f"{100 * x:4.1f}%"


def table(results: list[dict[str, Any]]) -> str:
    head = (f"{'glossary':<14}{'typos':<9}{'method':<14}{'top5@200':>9}{'first@200':>10}"
            f"{'top5@all':>9}{'first@all':>10}{'n':>6}{'median':>9}{'p95':>9}")
    lines = [head, "-" * len(head)]
    for r in results:
        ms = (f"{r['median_ms']:7.2f}ms{r['p95_ms']:7.2f}ms" if "median_ms" in r
              else f"{'':>9}{'':>9}")
        lines.append(
            f"{r['glossary']:<14}{r['model']:<9}{r['method']:<14}"
            f"{pct(r['first200']['top5']):>9}{pct(r['first200']['first']):>10}"
            f"{pct(r['all']['top5']):>9}{pct(r['all']['first']):>10}{r['all']['typos']:>6}{ms}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--typos", type=int, default=1000)
    parser.add_argument("--old-typos", type=int, default=200)
    parser.add_argument("--old-models", default="uniform",
                        help="typo models the old method runs on: uniform,keyboard")
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scale", type=int, default=1_000_000)
    parser.add_argument("--no-real", action="store_true", help="skip the installed lists")
    parser.add_argument("--old-at-scale", action="store_true",
                        help="also time the old method at --scale (slow)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    report: dict[str, Any] = {
        "python": platform.python_version(),
        "rapidfuzz": _version("rapidfuzz"),
        "old_method": "briefcli.text.closest" if old_closest else "unavailable",
        "seed": args.seed,
        "glossaries": {},
    }
    results = evaluate("generated", glossary_gen.entries(args.entries, args.seed), args)
    report["glossaries"]["generated"] = {"entries": args.entries}
    if not args.no_real:
        real, used = real_glossary()
        if real:
            results += evaluate("V.E.R.A.+wtf", real, args)
            report["glossaries"]["V.E.R.A.+wtf"] = {"entries": len(real), "files": used}
    report["results"] = results
    report["quality_seconds"] = time.perf_counter() - began
    if args.scale:
        report["scale"] = run_scale(args.scale, args.seed, args.old_at_scale)
    report["seconds"] = time.perf_counter() - began

    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return
    print(f"Python {report['python']}, rapidfuzz {report['rapidfuzz']}; "
          f"old method: {report['old_method']}")
    for name, info in report["glossaries"].items():
        first = next(r for r in results if r["glossary"] == name)
        print(f"  {name}: {first['entries']} entries, {first['acronyms']} distinct acronyms, "
              f"{first['terms']} terms" + (f" ({', '.join(info['files'])})"
                                            if "files" in info else ""))
    print()
    print(table(results))
    if "scale" in report:
        s = report["scale"]
        print(f"\nA miss at {s['terms']:,} terms (generated in {s['generated_s']:.1f} s):")
        for q in s["queries"]:
            extra = (q["sqlite_rss_kib"] - q["sqlite_rss_without_kib"]) / 1024
            line = (f"  {q['query']!r:<33} list in memory {q['memory_list_s'] * 1000:4.0f} ms, "
                    f"peak +{q['memory_list_peak_kib']:,.0f} KiB; SQLite, fresh process "
                    f"{q['sqlite_s'] * 1000:4.0f} ms, peak RSS "
                    f"{q['sqlite_rss_kib'] / 1024:.0f} MiB ({extra:+.1f} MiB)")
            if "old_s" in q:
                line += f"; old {q['old_s']:.1f} s"
            print(line)
            print(f"      -> {', '.join(q['sqlite_shown']) or '(nothing)'}")
    print(f"\n{report['seconds']:.0f} s in all ({report['quality_seconds']:.0f} s before "
          "the scale test)")


def _version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


if __name__ == "__main__":
    main()
