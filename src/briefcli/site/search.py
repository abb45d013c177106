"""Search in the browser: the index the site's search script reads, and the script."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from itertools import accumulate
from typing import Any, NamedTuple

from briefcli.knowledge import model
from briefcli.knowledge.model import (
    Entity,
    Event,
)
from briefcli.render.common import entity_label, event_when, short_date
from briefcli.site.memory import Knowledge
from briefcli.site.paths import SEARCH_SHARDS, record_path
from briefcli.text import fold, term_key, visible

# -- search in the browser --------------------------------------------------------------

_WORDS = re.compile(r"[^\w+#&]+")
SEARCH_KINDS = model.SEARCH_KINDS  # KINDS says which kinds are searched


def _words(*texts: str | None) -> list[str]:
    """The distinct folded words of some texts, in order (folded together: folding
    works character by character, and the space between them parts words)."""
    text = " ".join(filter(None, texts))
    return list(dict.fromkeys(_WORDS.sub(" ", fold(text).replace(".", "")).split()))


SHARD_LIMIT = 256 * 1024  # bytes a shard aims at (never over twice that)
META_CHUNK = 1000  # records per file of titles and pages
STRIDE = 1 << 24  # a record's number: its kind's place times this, plus its place in the kind
LONGEST = 25  # the typo list of this length holds the longer terms too
_DEEPEST = 16  # characters of a shard's prefix at most


class SearchFile(NamedTuple):
    path: str  # below the site's root
    content: bytes


def _script(name: str, data: object) -> bytes:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # Line and paragraph separators end a line in older JavaScript: keep them escaped.
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"briefShard({json.dumps(name)},{text});\n".encode()


def _postings(refs: dict[int, int]) -> list[int]:
    """[gap, value, gap, value, …]: the numbers ascending, each as its gap from the last."""
    out: list[int] = []
    last = 0
    for ref in sorted(refs):
        out += [ref - last, refs[ref]]
        last = ref
    return out


def search_files(k: Knowledge, before: Before | None = None) -> list[SearchFile]:
    """The search index, as scripts that register themselves (`briefShard(name, data)`),
    loaded by the page's script as `<script>` elements (`fetch()` fails on `file://`):

    - `search/shards.js` sets `window.BRIEF_SHARDS`: the kinds, the shards' prefixes and
      file names, how many files of titles each kind has, the typo lists' files;
    - `search/p-HEX.js`, a shard: the terms ("t", acronyms, names, aliases as `term_key`
      makes them) and words ("w", of titles and texts) that start with its prefix (HEX,
      its UTF-8) and with no longer prefix of another shard, each with its records:
      [gap, field] for terms (0 acronym, 1 name, 2 alias), [gap, 1 if in the title];
    - `search/r-KIND-N.js`: page, title and date of records N*META_CHUNK onwards;
    - `search/t-LENGTH-N.js`: the terms of that length, for forgiving a typo.

    A query fetches the shards of its words only. Copies of a sense (what `define`
    merges) are one record, the one `define` shows, with the words of them all.

    `before`: what the last build's search was made of. When its records have the same
    numbers, its files are read again and only the records that changed are made again
    (their entries, their rows); the files are those a whole build makes."""
    shown, owners = _layout(k)
    found = None if before is None else _again(k, shown, owners, before)
    kept: _Kept | None = None
    if found is None:
        terms: dict[str, dict[int, int]] = {}
        words: dict[str, dict[int, int]] = {}
        for kind, ref, r in _contributors(k, shown):
            _contribute(kind, ref, r, terms, words)
        entries: dict[str, dict[str, list[int]]] = {}
        for key, refs in terms.items():
            entries.setdefault(key, {})["t"] = _postings(refs)
        for word, refs in words.items():
            entries.setdefault(word, {})["w"] = _postings(refs)
        meta = [[_row(kind, r) for r in owners[kind_no]]
                for kind_no, kind in enumerate(SEARCH_KINDS)]
    else:
        entries, meta, kept = found
    return _files(entries, meta, kept)


class _Kept(NamedTuple):
    """Files of the last build's search that may be kept as they are: their bytes, by
    name, with the keys of each shard; the keys and record numbers made again."""

    content: dict[str, bytes]
    keys: dict[str, list[str]]
    touched: set[str]
    again: set[int]


class Before(NamedTuple):
    """What the last build's search was made of: the records searched that changed since
    (kind, id), the digest of its layout (`layout_key`), and its files' bytes by path
    (None when a file is not as that build wrote it)."""

    changed: set[tuple[str, str]]
    layout: str
    read: Callable[[str], bytes | None]


def _layout(k: Knowledge) -> tuple[dict[tuple[str, str], int], list[list[Any]]]:
    """Each searched record's number (copies of a sense share the number of the copy
    `define` shows), and the record shown for each number, by kind (made once)."""
    made: tuple[dict[tuple[str, str], int], list[list[Any]]] | None = k.__dict__.get(
        "_search_layout")
    if made is None:
        made = k.__dict__["_search_layout"] = _make_layout(k)
    return made


def _make_layout(k: Knowledge) -> tuple[dict[tuple[str, str], int], list[list[Any]]]:
    shown: dict[tuple[str, str], int] = {}
    owners: list[list[Any]] = []
    for kind_no, kind in enumerate(SEARCH_KINDS):
        rows: list[Any] = []
        owners.append(rows)
        table = k.records[kind]
        mine: dict[str, int] = {}
        for r in table.values():
            first = k.merged_into.get(r.id, r.id) if kind == "entity" else r.id
            if first != r.id and first in mine:  # a copy: its words go to the first
                ref = mine[first]
            else:
                ref = kind_no * STRIDE + len(rows)
                mine[r.id] = ref
                rows.append(table[first])
            shown[(kind, r.id)] = ref
    return shown, owners


def layout_key(k: Knowledge) -> str:
    """The digest of which record has which number in the search (`_layout`)."""
    import hashlib

    made: str | None = k.__dict__.get("_search_layout_key")
    if made is None:
        shown, owners = _layout(k)
        text = "\0".join(f"{kind}\1{rid}\1{ref}" for (kind, rid), ref in shown.items())
        text += "\2" + "\0".join(r.id for rows in owners for r in rows)
        made = k.__dict__["_search_layout_key"] = hashlib.blake2b(
            text.encode(), digest_size=16).hexdigest()
    return made


def _contributors(k: Knowledge, shown: dict[tuple[str, str], int]) -> Iterator[
        tuple[str, int, Any]]:
    for kind in SEARCH_KINDS:
        for r in k.records[kind].values():
            yield kind, shown[(kind, r.id)], r


def _row(kind: str, r: Any) -> list[str]:
    """Page, title and date of the record shown for a number."""
    title = entity_label(r) if isinstance(r, Entity) else getattr(r, model.KINDS[kind].title)
    date = event_when(r) if isinstance(r, Event) else short_date(getattr(r, "date", ""))
    return [record_path(kind, r.id), " ".join(visible(title).split()), date]


def _contribute(kind: str, ref: int, r: Any, terms: dict[str, dict[int, int]],
                words: dict[str, dict[int, int]]) -> None:
    """The terms and words of the record `r` (numbered `ref`), added to those found."""
    spec = model.KINDS[kind]
    if isinstance(r, Entity):
        found = ([(0, r.acronym)] if r.acronym else []) + [(1, r.name)] + [
            (2, a) for a in r.aliases]
        for field, text in found:
            key = term_key(text)
            if key:
                held = terms.setdefault(key, {})
                held[ref] = min(held.get(ref, field), field)
        title = entity_label(r)
    else:
        title = getattr(r, spec.title)
    for word in _words(title):
        words.setdefault(word, {})[ref] = 1
    other: list[str | None] = []
    for name in spec.text:  # the kind's searchable text, as KINDS lists it
        value = getattr(r, name)
        other += list(value) if isinstance(value, tuple) else [value]
    for word in _words(*other):
        words.setdefault(word, {}).setdefault(ref, 0)


SEARCH_FILE_LIMIT = 8 * SHARD_LIMIT  # bytes of a file of the last build's search read again


# The records made again each time the search is made from the last build's (a test
# checks that it is).
AGAIN: list[int] = []


class _Stale(Exception):
    """The last build's search cannot be made again from: make it whole."""


def _again(k: Knowledge, shown: dict[tuple[str, str], int], owners: list[list[Any]],
           before: Before) -> tuple[dict[str, dict[str, list[int]]], list[list[list[str]]],
                                    _Kept] | None:
    """The entries and rows of the search made from the last build's files, with only
    the records that changed made again; None when that cannot be (another layout, a
    file missing, changed or not as a build writes it)."""
    if before.layout != layout_key(k):
        return None
    try:
        directory = _decode(before.read(SEARCH_SHARDS), "window.BRIEF_SHARDS=", ";\n")
        if (not isinstance(directory, dict) or not isinstance(directory.get("shards"), list)
                or not isinstance(directory.get("records"), list)):
            raise _Stale
        entries: dict[str, dict[str, list[int]]] = {}
        kept = _Kept({}, {}, set(), set())
        for item in directory["shards"]:
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[1], str)):
                raise _Stale
            data = _shard(before.read, item[1], kept)
            if not isinstance(data, dict) or set(data) != {"t", "w"}:
                raise _Stale
            for part in ("t", "w"):
                held = data[part]
                if not isinstance(held, dict):
                    raise _Stale
                for key, postings in held.items():
                    if (type(postings) is not list or len(postings) % 2
                            or not set(map(type, postings)) <= {int}):
                        raise _Stale
                    entries.setdefault(key, {})[part] = postings
            kept.keys[item[1]] = sorted(set(data["t"]) | set(data["w"]))
        meta: list[list[list[str]]] = []
        counts = directory["records"]
        if len(counts) != len(SEARCH_KINDS):
            raise _Stale
        for kind_no, chunks in enumerate(counts):
            rows: list[list[str]] = []
            for n in range(chunks if type(chunks) is int and 0 <= chunks < 1 << 16 else -1):
                got = _shard(before.read, f"r-{kind_no}-{n}", kept)
                if not isinstance(got, list) or not all(
                        type(row) is list and len(row) == 3 and set(map(type, row)) <= {str}
                        for row in got):
                    raise _Stale
                rows += got
            if len(rows) != len(owners[kind_no]):
                raise _Stale
            meta.append(rows)
    except _Stale:
        return None
    # The numbers of the changed records: each is made again from its records.
    again = kept.again
    again.update(shown[key] for key in before.changed if key in shown)
    AGAIN.append(len(again))
    if not again:
        return entries, meta, kept
    for key, parts in list(entries.items()):
        for part, postings in list(parts.items()):
            if again.isdisjoint(accumulate(postings[::2])):
                continue
            kept.touched.add(key)
            refs = dict(zip(accumulate(postings[::2]), postings[1::2], strict=True))
            for ref in again:
                refs.pop(ref, None)
            if refs:
                parts[part] = _postings(refs)
            else:
                del parts[part]
        if not parts:
            del entries[key]
    terms: dict[str, dict[int, int]] = {}
    words: dict[str, dict[int, int]] = {}
    for (kind, rid), ref in shown.items():
        if ref in again:
            _contribute(kind, ref, k.records[kind][rid], terms, words)
    for part, found in (("t", terms), ("w", words)):
        kept.touched.update(found)
        for key, refs in found.items():
            held = entries.setdefault(key, {})
            if part in held:
                refs = {**dict(zip(accumulate(held[part][::2]), held[part][1::2],
                                   strict=True)), **refs}
            held[part] = _postings(refs)
    for ref in again:
        kind_no, n = divmod(ref, STRIDE)
        meta[kind_no][n] = _row(SEARCH_KINDS[kind_no], owners[kind_no][n])
    return entries, meta, kept


def _shard(read: Callable[[str], bytes | None], name: str, kept: _Kept) -> Any:
    content = kept.content[name] = read(f"search/{name}.js") or b""
    return _decode(content, f"briefShard({json.dumps(name)},", ");\n")


def _decode(content: bytes | None, head: str, tail: str) -> Any:
    """The JSON between `head` and `tail` of a file of the last build's search."""
    if not content or len(content) > SEARCH_FILE_LIMIT:
        raise _Stale
    start, end = head.encode(), tail.encode()
    if not content.startswith(start) or not content.endswith(end):
        raise _Stale
    try:
        return json.loads(content[len(start):len(content) - len(end)].decode("utf-8"))
    except (ValueError, RecursionError):
        raise _Stale from None


def _files(entries: dict[str, dict[str, list[int]]], meta: list[list[list[str]]],
           kept: _Kept | None = None) -> list[SearchFile]:
    """The files of the search, from its entries and the rows of its records (a file of
    the last build's search whose shard has the same keys, none made again, or whose
    records were none made again, is kept as it is: `kept`)."""
    terms = [key for key, e in entries.items() if "t" in e]
    # Bytes of an entry in its shard: its key, and each number and its comma (a list's
    # text is its numbers, each after ", " but the first, in brackets: len - count).
    sizes = {s: len(s.encode()) + 8 + sum(len(str(p)) - len(p) for p in e.values())
             for s, e in entries.items()}
    shards: list[tuple[str, list[str]]] = []
    _split("", sorted(entries), sizes, shards)
    files: list[SearchFile] = []
    directory = []
    for prefix, keys in shards:
        name = "p-" + prefix.encode("utf-8").hex()
        if kept is not None and kept.keys.get(name) == keys and kept.touched.isdisjoint(keys):
            files.append(SearchFile(f"search/{name}.js", kept.content[name]))
            directory.append([prefix, name])
            continue
        data: dict[str, dict[str, list[int]]] = {"t": {}, "w": {}}
        for s in keys:
            for part, postings in entries[s].items():
                data[part][s] = postings
        files.append(SearchFile(f"search/{name}.js", _script(name, data)))
        directory.append([prefix, name])
    chunks = []
    for kind_no, rows in enumerate(meta):
        chunks.append((len(rows) + META_CHUNK - 1) // META_CHUNK)
        for n in range(chunks[-1]):
            name = f"r-{kind_no}-{n}"
            low = kind_no * STRIDE + n * META_CHUNK
            if kept is not None and name in kept.content and not any(
                    low <= ref < low + META_CHUNK for ref in kept.again):
                files.append(SearchFile(f"search/{name}.js", kept.content[name]))
                continue
            files.append(SearchFile(f"search/{name}.js",
                                    _script(name, rows[n * META_CHUNK:(n + 1) * META_CHUNK])))
    # A list per length from 2 (one character is never a typo's answer) to LONGEST, that
    # one holding the longer terms too: always the same files, whatever the terms.
    by_length: dict[int, list[str]] = {n: [] for n in range(2, LONGEST + 1)}
    for key in sorted(terms):
        if len(key) >= 2:
            by_length[min(len(key), LONGEST)].append(key)
    typo: dict[int, int] = {}
    for length, keys in sorted(by_length.items()):
        parts: list[list[str]] = [[]]
        size = 0
        for key in keys:
            if size > SHARD_LIMIT:
                parts.append([])
                size = 0
            parts[-1].append(key)
            size += len(key.encode()) + 3
        typo[length] = len(parts)
        for n, listed in enumerate(parts):
            name = f"t-{length}-{n}"
            files.append(SearchFile(f"search/{name}.js", _script(name, listed)))
    info = {"kinds": SEARCH_KINDS, "stride": STRIDE, "chunk": META_CHUNK, "shards": directory,
            "records": chunks, "typo": typo, "longest": LONGEST}
    text = json.dumps(info, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    files.insert(0, SearchFile(SEARCH_SHARDS, f"window.BRIEF_SHARDS={text};\n".encode()))
    return files


def _split(prefix: str, keys: list[str], sizes: dict[str, int],
           out: list[tuple[str, list[str]]]) -> None:
    """Shards of the sorted `keys` (all starting with `prefix`): one when they fit in
    SHARD_LIMIT, else one per next character (the key that is the prefix itself stays
    in a shard of its own)."""
    if not keys:
        return
    if sum(sizes[s] for s in keys) <= SHARD_LIMIT or len(prefix) >= _DEEPEST:
        out.append((prefix, keys))
        return
    depth = len(prefix)
    here = [s for s in keys if len(s) == depth]
    if here:
        out.append((prefix, here))
    groups: dict[str, list[str]] = {}
    for s in keys:
        if len(s) > depth:
            groups.setdefault(s[: depth + 1], []).append(s)
    for sub in sorted(groups):
        _split(sub, groups[sub], sizes, out)


SEARCH_JS = r"""// brief site search: runs in the browser, over the shards of search/.
(function () {
  "use strict";
  var FOLD = {"đ":"d","ø":"o","ł":"l","ħ":"h","ı":"i","æ":"ae","œ":"oe","þ":"th","ð":"d","ŧ":"t"};
  function fold(text) {
    var s = text.toLowerCase().replace(/[đøłħıæœþðŧ]/g, function (c) { return FOLD[c]; });
    s = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\./g, "");
    return s.replace(/[^\p{L}\p{N}_+#&]+/gu, " ").trim();
  }
  var info = window.BRIEF_SHARDS || {kinds: [], shards: [], records: [], typo: {}};
  var LIMIT = 20;
  var here = document.currentScript ? document.currentScript.src : "";
  var base = here.replace(/[^\/]*$/, "") + "search/";
  var loaded = {}, waiting = {};
  // A shard is a script that calls this with its data: <script> elements load from
  // file:// too, where fetch() of a JSON file is refused.
  window.briefShard = function (name, data) {
    loaded[name] = data;
    var then = waiting[name] || [];
    delete waiting[name];
    for (var i = 0; i < then.length; i++) then[i]();
  };
  window.briefShardsLoaded = [];
  function load(names) {
    return Promise.all(names.map(function (name) {
      if (loaded[name]) return Promise.resolve();
      return new Promise(function (resolve) {
        var first = !waiting[name];
        (waiting[name] = waiting[name] || []).push(resolve);
        if (!first) return;
        window.briefShardsLoaded.push(name);
        var tag = document.createElement("script");
        tag.src = base + name + ".js";
        tag.onerror = function () { window.briefShard(name, null); };
        document.head.appendChild(tag);
      });
    }));
  }
  function shardOf(text) {  // the shard that holds `text`, if any does
    var best = null;
    for (var i = 0; i < info.shards.length; i++) {
      var p = info.shards[i][0];
      if (text.indexOf(p) === 0 && (!best || p.length > best[0].length)) best = info.shards[i];
    }
    return best ? [best[1]] : [];
  }
  function shardsFrom(text) {  // the shards that hold words starting with `text`
    var out = shardOf(text);
    for (var i = 0; i < info.shards.length; i++) {
      var s = info.shards[i];
      if (s[0].length > text.length && s[0].indexOf(text) === 0 && out.indexOf(s[1]) < 0) {
        out.push(s[1]);
      }
    }
    return out;
  }
  function each(postings, f) {  // [gap, value, …] to f(record, value)
    for (var i = 0, ref = 0; i < postings.length; i += 2) {
      ref += postings[i];
      f(ref, postings[i + 1]);
    }
  }
  function better(a, b) { return !b || a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]); }
  function rank(key, words) {
    // Terms: the whole query is an acronym, name or alias [0, field], or starts one
    // [1, its length]; else every word is a word of the record (the last may start
    // one): [2, 0] when all are in its title, [2, 1] when not.
    var best = new Map();
    var tshards = shardsFrom(key);
    for (var s = 0; s < tshards.length; s++) {
      var t = (loaded[tshards[s]] || {}).t || {};
      for (var term in t) {
        if (term.indexOf(key) !== 0) continue;
        each(t[term], function (ref, field) {
          var score = term === key ? [0, field] : [1, term.length];
          if (better(score, best.get(ref))) best.set(ref, score);
        });
      }
    }
    var found = null;
    for (var w = 0; w < words.length && (found === null || found.size); w++) {
      var last = w === words.length - 1, word = words[w], mine = new Map();
      var names = last ? shardsFrom(word) : shardOf(word);
      for (var n = 0; n < names.length; n++) {
        var ws = (loaded[names[n]] || {}).w || {};
        var add = function (ref, title) { mine.set(ref, Math.max(mine.get(ref) || 0, title)); };
        if (!last) { if (ws.hasOwnProperty(word)) each(ws[word], add); continue; }
        for (var x in ws) if (x.indexOf(word) === 0) each(ws[x], add);
      }
      if (found === null) { found = mine; continue; }
      var both = new Map();
      found.forEach(function (title, ref) {
        if (mine.has(ref)) both.set(ref, Math.min(title, mine.get(ref)));
      });
      found = both;
    }
    var hits = [];
    best.forEach(function (score, ref) { hits.push([score[0], score[1], ref]); });
    if (found) {
      found.forEach(function (title, ref) {
        if (!best.has(ref)) hits.push([2, title ? 0 : 1, ref]);
      });
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits;
  }
  function needed(key, words) {
    var names = shardsFrom(key);
    for (var w = 0; w < words.length; w++) {
      var more = w === words.length - 1 ? shardsFrom(words[w]) : shardOf(words[w]);
      for (var i = 0; i < more.length; i++) if (names.indexOf(more[i]) < 0) names.push(more[i]);
    }
    return names;
  }
  // Forgiving a typo as the command line does: the terms within a few edits (a swap of
  // two neighbours is one), 1 up to 4 characters, 2 up to 8, 3 beyond.
  function maxEdits(n) { return n <= 1 ? 0 : n <= 4 ? 1 : n <= 8 ? 2 : 3; }
  function distance(a, b, most) {
    var n = a.length, m = b.length;
    if (Math.abs(n - m) > most) return most + 1;
    var d = [];
    for (var i = 0; i <= n; i++) { d.push([i]); }
    for (var j = 1; j <= m; j++) d[0][j] = j;
    for (i = 1; i <= n; i++) {
      for (j = 1; j <= m; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[n][m];
  }
  function nearest(key) {
    var chars = Array.from(key), n = chars.length, most = maxEdits(n), names = [];
    if (!most) return Promise.resolve([]);
    var last = Math.min(n + most, info.longest);
    for (var len = Math.min(Math.max(n - most, most + 1), last); len <= last; len++) {
      for (var part = 0; part < (info.typo[len] || 0); part++) names.push("t-" + len + "-" + part);
    }
    return load(names).then(function () {
      var best = most + 1, keys = [];
      names.forEach(function (name) {
        (loaded[name] || []).forEach(function (term) {
          var d = distance(chars, Array.from(term), most);
          if (d < best) { best = d; keys = [term]; } else if (d === best) keys.push(term);
        });
      });
      return best <= most ? keys : [];
    });
  }
  function search(query) {
    // Promise of {hits: [[class, score, record], …] best first, meant: the terms shown
    // instead when nothing matched and a typo was forgiven (else null)}.
    var key = fold(query);
    if (!key) return Promise.resolve({hits: [], meant: null});
    var words = key.split(" ");
    return load(needed(key, words)).then(function () {
      var hits = rank(key, words);
      if (hits.length) return {hits: hits, meant: null};
      return nearest(key).then(function (keys) {
        var names = [];
        keys.forEach(function (k) { shardOf(k).forEach(function (s) { names.push(s); }); });
        return load(names).then(function () {
          var best = new Map();
          keys.forEach(function (k) {
            shardOf(k).forEach(function (s) {
              var t = (loaded[s] || {}).t || {};
              if (t.hasOwnProperty(k)) each(t[k], function (ref, field) {
                var score = [0, field];
                if (better(score, best.get(ref))) best.set(ref, score);
              });
            });
          });
          var found = [];
          best.forEach(function (score, ref) { found.push([score[0], score[1], ref]); });
          found.sort(function (a, b) { return a[1] - b[1] || a[2] - b[2]; });
          return {hits: found, meant: found.length ? keys : null};
        });
      });
    });
  }
  function records(refs) {  // Promise of [page, title, date, kind] of each record
    var names = [];
    refs.forEach(function (ref) {
      var name = "r-" + Math.floor(ref / info.stride) + "-" +
        Math.floor((ref % info.stride) / info.chunk);
      if (names.indexOf(name) < 0) names.push(name);
    });
    return load(names).then(function () {
      return refs.map(function (ref) {
        var kind = Math.floor(ref / info.stride), n = ref % info.stride;
        var row = (loaded["r-" + kind + "-" + Math.floor(n / info.chunk)] || [])[n % info.chunk];
        return row ? row.concat([info.kinds[kind]]) : ["", "", "", info.kinds[kind]];
      });
    });
  }
  var asked = 0;
  function show(query) {
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!list || !status) return Promise.resolve();
    var mine = ++asked;
    return search(query).then(function (result) {
      var hits = result.hits, total = hits.length, shown = Math.min(total, LIMIT);
      return records(hits.slice(0, shown).map(function (h) { return h[2]; })).then(function (rows) {
        if (mine !== asked) return;  // a later search has begun
        while (list.firstChild) list.removeChild(list.firstChild);
        if (!fold(query)) { status.textContent = ""; return; }
        var noun = total === 1 ? "match" : "matches";
        var counted = (shown < total ? shown + " of " + total + " " : total + " ") + noun;
        status.textContent = total === 0 ? "No matches for \u201c" + query.trim() + "\u201d." :
          result.meant ? "No matches for \u201c" + query.trim() + "\u201d; " + counted +
            " for \u201c" + result.meant.join("\u201d, \u201c") + "\u201d" :
          counted + " for \u201c" + query.trim() + "\u201d";
        rows.forEach(function (r) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = r[0];
          a.textContent = r[1];
          a.className = "hit";
          li.appendChild(a);
          var meta = document.createElement("span");
          meta.className = "meta";
          meta.textContent = " " + (r[2] ? r[2] + " \u00b7 " : "") + r[3];
          li.appendChild(meta);
          list.appendChild(li);
        });
      });
    });
  }
  window.briefSearch = search;
  window.briefRecords = records;
  var box = document.getElementById("q");
  if (!box) return;
  var pending = null;  // a search waits for a pause in typing: one per keystroke is wasted
  box.addEventListener("input", function () {
    if (pending !== null) window.clearTimeout(pending);
    pending = window.setTimeout(function () { pending = null; show(box.value); }, 80);
  });
  if (box.form) {
    box.form.addEventListener("submit", function (event) {
      event.preventDefault();
      show(box.value);
    });
  }
  var match = /[?&]q=([^&]*)/.exec(window.location.search);
  if (match) {
    try { box.value = decodeURIComponent(match[1].replace(/\+/g, " ")); } catch (e) { }
    show(box.value);
  }
})();
"""


def search_jobs_files(k: Knowledge) -> list[SearchFile]:
    """The files of the search (made once per build, shared by forked workers), from
    the last build's when the build set `k.search_before`."""
    made: list[SearchFile] | None = getattr(k, "_search_files", None)
    if made is None:
        made = search_files(k, getattr(k, "search_before", None))
        k._search_files = made  # type: ignore[attr-defined]
    return made
