"""Exact hits first: where `brief search ACRONYM` puts the entities of that acronym.

    python benchmarks/ranking.py [--entries N] [--queries N] [--seed S]

Builds an index of the generated glossary (benchmarks/glossary_gen.py: 10,000 acronyms
with realistic collisions: several senses, shared starts, names that share words)
and searches for acronyms drawn at random from it. For each query it finds the ranks
of the entities whose acronym is the query, with brief's ranking and with full-text
relevance alone (the published baseline: SQLite FTS5's bm25, which brief used before),
and prints: how often the first hit is such an entity, how often all of them are
in the first page (20 hits), and the mean rank of the last one.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefcli.index.cache import open_index  # noqa: E402
from briefcli.index.search import _ranked, fts_queries, search  # noqa: E402
from briefcli.text import term_key  # noqa: E402
from glossary_gen import entries  # noqa: E402

PAGE = 20


def write_glossary(folder: Path, n: int, seed: int) -> dict[str, set[str]]:
    """The glossary as a knowledge file; acronym key -> ids of its entities."""
    senses: dict[str, set[str]] = {}
    lines = ["entities:"]
    for e in entries(n, seed):
        senses.setdefault(term_key(e.acronym), set()).add(e.id)
        lines += [f"  - id: {e.id}", f"    name: {e.name!r}", f"    acronym: {e.acronym!r}"]
        if e.aliases:
            lines.append("    aliases: [" + ", ".join(repr(a) for a in e.aliases) + "]")
    (folder / "glossary.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return senses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="brief-ranking-") as tmp:
        folder = Path(tmp)
        senses = write_glossary(folder, args.entries, 1)
        conn = open_index([folder / "glossary.yaml"], None)
        rid_to_id = dict(conn.execute("SELECT rid, id FROM records"))
        rng = random.Random(args.seed)
        acronyms = [k for k in sorted(senses) if len(k) >= 2]
        queries = rng.sample(acronyms, min(args.queries, len(acronyms)))
        results: dict[str, list[tuple[bool, bool, int]]] = {"brief": [], "bm25 alone": []}
        for key in queries:
            wanted = senses[key]
            ranked_brief = [h.id for h in search(conn, key, limit=10_000).hits]
            expression = fts_queries(key)[0]
            ranked_fts = [rid_to_id[rid] for rid in _ranked(conn, expression, None, 10_000)]
            for name, ranked in (("brief", ranked_brief), ("bm25 alone", ranked_fts)):
                ranks = [i + 1 for i, rid in enumerate(ranked) if rid in wanted]
                last = max(ranks) if len(ranks) == len(wanted) else 10_000
                first = bool(ranked) and ranked[0] in wanted
                results[name].append((first, last <= PAGE, last))
    print(f"{len(queries)} acronym queries over a generated glossary of {args.entries:,} "
          f"entries ({len(senses):,} distinct acronyms)\n")
    print("| ranking | first hit is the acronym | all its senses in the first 20 "
          "| mean rank of the last sense |")
    print("|---|---:|---:|---:|")
    for name, rows in results.items():
        first = sum(r[0] for r in rows) / len(rows)
        page = sum(r[1] for r in rows) / len(rows)
        mean_last = statistics.mean(min(r[2], 10_000) for r in rows)
        print(f"| {name} | {first:.1%} | {page:.1%} | {mean_last:.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
