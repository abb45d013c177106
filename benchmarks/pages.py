"""Main text, headline and date read from web pages by `briefcli.authoring.pages`, measured
on a corpus of saved pages with gold answers, beside a plain HTML-to-text baseline.

    python benchmarks/pages.py [--json] [--failures] [--corpus DIR]

Run it with the interpreter brief is installed in (for example `.venv/bin/python`). The
corpus is every `NAME.html` with a `NAME.json` beside it in benchmarks/pages/ ("dev", what
the reading of pages was tuned on) and benchmarks/pages/heldout/ ("held-out", never tuned
on); `make.py` there wrote them. A gold file holds the headline (`title`), the publication
date (`date`, YYYY-MM-DD) and the main text (`paragraphs`).

Body: as the public article-extraction benchmarks score it, the text is cut into tokens
(words, lower-cased), the tokens into shingles of four, and precision = |found ∩ gold| /
|found|, recall = |found ∩ gold| / |gold| over the sets of shingles; F1 their harmonic
mean; each the mean over the pages. brief's text is the page's main text without the
headline and `date` lines it adds. The baseline dumps every text node of the page
(html.parser, without <script>, <style> and <head>), as a plain HTML-to-text tool does.

Title: right when brief's headline equals the gold headline (whitespace collapsed).
Date: right when brief's date equals the gold date. Pages per second: brief's whole
reading of a page (decoding, extraction, metadata, the article text), after one warm-up
page that pays for the imports.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from briefcli.authoring.pages import PageError, read_html, to_article

HERE = Path(__file__).resolve().parent / "pages"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < n:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


def score(found: str, gold: str) -> tuple[float, float, float]:
    f, g = shingles(found), shingles(gold)
    common = len(f & g)
    p = common / len(f) if f else 0.0
    r = common / len(g) if g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class _Dump(HTMLParser):
    """Every text node outside <script>, <style> and <head>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style", "head", "title"):
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "head", "title") and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip and data.strip():
            self.parts.append(data)


def baseline(data: bytes, charset: str) -> str:
    dump = _Dump()
    dump.feed(data.decode(charset, "replace"))
    return " ".join(dump.parts)


def body_of(page: Any, path: str) -> str:
    """The body of the briefing brief drafts from the page: the paragraphs of its
    article (headline, dateline, FAQ and sources aside)."""
    return "\n\n".join(p.text for p in to_article(page, path).paragraphs)


def collapse(text: str | None) -> str:
    return " ".join((text or "").split())


def run(folder: Path) -> dict[str, Any]:
    pages = sorted(p for p in folder.glob("*.html") if p.with_suffix(".json").exists())
    rows: list[dict[str, Any]] = []
    if pages:  # the imports, paid once, are not a page's time
        read_html(pages[0].read_bytes(), str(pages[0]))
    elapsed = 0.0
    for path in pages:
        gold = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        data = path.read_bytes()
        gold_text = "\n\n".join(gold["paragraphs"])
        start = time.perf_counter()
        try:
            page = read_html(data, str(path))
            error = None
        except PageError as exc:
            page, error = None, exc.message
        elapsed += time.perf_counter() - start
        found = body_of(page, str(path)) if page else ""
        p, r, f1 = score(found, gold_text)
        bp, br, bf1 = score(baseline(data, gold.get("encoding", "utf-8")), gold_text)
        rows.append({
            "page": path.name, "layout": gold.get("layout"), "error": error,
            "precision": p, "recall": r, "f1": f1,
            "baseline": {"precision": bp, "recall": br, "f1": bf1},
            "title": page.title if page else None, "gold_title": gold["title"],
            "title_ok": bool(page) and collapse(page.title) == collapse(gold["title"]),
            "date": page.date if page else None, "gold_date": gold["date"],
            "date_ok": bool(page) and page.date == gold["date"],
            "text": found,
        })
    n = len(rows) or 1

    def mean(key: str, sub: str | None = None) -> float:
        return sum((r[sub][key] if sub else r[key]) for r in rows) / n

    return {
        "pages": len(rows),
        "brief": {"precision": mean("precision"), "recall": mean("recall"), "f1": mean("f1")},
        "baseline": {k: mean(k, "baseline") for k in ("precision", "recall", "f1")},
        "title": sum(r["title_ok"] for r in rows) / n,
        "date": sum(r["date_ok"] for r in rows) / n,
        "errors": sum(1 for r in rows if r["error"]),
        "pages_per_second": len(rows) / elapsed if elapsed else 0.0,
        "rows": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--failures", action="store_true", help="list pages not right")
    parser.add_argument("--corpus", type=Path, default=HERE, help="the dev folder")
    args = parser.parse_args(argv)
    results = {"dev": run(args.corpus), "held-out": run(args.corpus / "heldout")}
    if args.json:
        print(json.dumps({k: {kk: vv for kk, vv in v.items() if kk != "rows"}
                          for k, v in results.items()}, indent=1))
        return 0
    print(f"{'set':<9} {'pages':>5}  {'':<9} {'P':>6} {'R':>6} {'F1':>6}  {'title':>6} "
          f"{'date':>6}  {'pages/s':>7}")
    for name, res in results.items():
        for who in ("brief", "baseline"):
            m = res[who]
            extra = (f"  {res['title']:6.0%} {res['date']:6.0%}  {res['pages_per_second']:7.1f}"
                     if who == "brief" else "")
            print(f"{name:<9} {res['pages']:>5}  {who:<9} {m['precision']:6.3f} "
                  f"{m['recall']:6.3f} {m['f1']:6.3f}{extra}")
    if args.failures:
        for name, res in results.items():
            for row in res["rows"]:
                if row["error"] or row["f1"] < 0.95 or not row["title_ok"] or not row["date_ok"]:
                    print(f"\n[{name}] {row['page']} ({row['layout']}): F1 {row['f1']:.3f} "
                          f"P {row['precision']:.3f} R {row['recall']:.3f}")
                    if row["error"]:
                        print(f"  error: {row['error']}")
                    if not row["title_ok"]:
                        print(f"  title {row['title']!r} != {row['gold_title']!r}")
                    if not row["date_ok"]:
                        print(f"  date {row['date']!r} != {row['gold_date']!r}")
                    if row["f1"] < 0.95:
                        print("  text: " + row["text"].replace("\n\n", " ¶ ")[:1500])
    return 0


if __name__ == "__main__":
    sys.exit(main())
