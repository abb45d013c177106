"""The labelled article corpus of benchmarks/articles.py stays well formed: every article has
its keys, every label names something the text really says, every date is a date."""

from __future__ import annotations

import datetime
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
import yaml

FOLDER = Path(__file__).resolve().parents[1] / "benchmarks" / "extraction"
FILES = ["articles.yaml", "articles-heldout.yaml"] + sorted(
    path.name for path in FOLDER.glob("articles-dev-*.yaml"))
KINDS = {"person", "organization", "place", "agreement", "process"}
KEYS = {"id", "form", "text", "date", "title", "entities", "pairs", "events"}
ENTITY_KEYS = {"name", "kind", "aliases", "acronym", "role"}
PRECISION = re.compile(r"\d{4}(-\d\d(-\d\d)?)?")


def load(name: str) -> list[dict[str, Any]]:
    data = yaml.safe_load((FOLDER / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict) and "items" not in data, "the key is `articles`, not `items`"
    articles = data["articles"]
    assert isinstance(articles, list) and articles
    return articles


def flat(text: str) -> str:
    """Text as searched: case-folded, whitespace (and hard wraps) collapsed."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def check_date(value: object) -> None:
    text = value.isoformat() if isinstance(value, datetime.date) else str(value)
    assert PRECISION.fullmatch(text), f"{text!r} is not YYYY, YYYY-MM or YYYY-MM-DD"
    parts = [int(p) for p in text.split("-")] + [1, 1]
    datetime.date(parts[0], parts[1], parts[2])  # raises on a day that does not exist


@pytest.mark.parametrize("name", FILES)
def test_articles_have_their_keys_and_valid_labels(name: str) -> None:
    articles = load(name)
    ids = [a["id"] for a in articles]
    assert len(ids) == len(set(ids)), "ids are unique"
    for article in articles:
        where = f"{name}: {article.get('id')}"
        assert set(article) == KEYS, f"{where}: keys {sorted(set(article) ^ KEYS)}"
        text = flat(article["text"])
        assert article["text"].endswith("\n") and "\n" in article["text"].strip(), where
        if article["date"] is not None:
            assert isinstance(article["date"], datetime.date), f"{where}: date is YYYY-MM-DD"
        if article["title"] is not None:
            assert flat(article["title"]) in text, f"{where}: the title is in the text"
        for entity in article["entities"]:
            assert set(entity) <= ENTITY_KEYS and {"name", "kind"} <= set(entity), where
            assert entity["kind"] in KINDS, f"{where}: kind {entity['kind']!r}"
            for form in [entity["name"], *entity.get("aliases", []), entity.get("acronym")]:
                if form is not None:
                    assert flat(str(form)) in text, f"{where}: {form!r} is not in the text"
        names = [flat(e["name"]) for e in article["entities"]]
        assert len(names) == len(set(names)), f"{where}: an entity is listed twice"
        for pair in article["pairs"]:
            assert len(pair) == 2, f"{where}: a pair is [short, long]"
            for form in pair:
                assert flat(str(form)) in text, f"{where}: {form!r} is not in the text"
        for event in article["events"]:
            assert set(event) == {"date", "words", "relative"}, where
            check_date(event["date"])
            assert isinstance(event["relative"], bool), where
            assert 1 <= len(event["words"]) <= 4, f"{where}: one to four words"
            for word in event["words"]:
                assert flat(str(word)) in text, f"{where}: {word!r} is not in the text"


def test_the_corpus_has_undated_articles_and_two_parts() -> None:
    heldout = load("articles-heldout.yaml")
    dev = [a for name in FILES if name != "articles-heldout.yaml" for a in load(name)]
    assert len(dev) >= 20 and len(heldout) >= 10
    undated = [a for a in dev + heldout if a["date"] is None]
    assert len(undated) >= 3
    assert not {a["id"] for a in dev} & {a["id"] for a in heldout}, "the parts share no id"
    assert len({a["id"] for a in dev}) == len(dev), "no two dev articles share an id"


def test_the_benchmark_scores_a_dev_file_alone_but_not_the_held_out_one() -> None:
    import importlib.util
    import sys

    spec = importlib.util.spec_from_file_location(
        "articles_benchmark", FOLDER.parent / "articles.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # its dataclasses look their module up
    try:
        spec.loader.exec_module(bench)
    finally:
        del sys.modules[spec.name]
    # a file of its own is a part of its own
    alone = bench.load_part("x", [FOLDER / "articles-dev-events2.yaml"])
    assert alone and {a["part"] for a in alone} == {"x"}
    assert len(alone) < len(bench.load_part("dev"))
    # the held-out part is scored by --part heldout only, never a file at a time
    with pytest.raises(SystemExit) as refused:
        bench.main(["--file", str(FOLDER / "articles-heldout.yaml")])
    assert refused.value.code == 2
