"""Search in the browser: the index the site's search script reads, and the script."""

from __future__ import annotations

import json
import re
from typing import Any

from briefcli.knowledge import model
from briefcli.knowledge.model import (
    Entity,
    Event,
)
from briefcli.render.common import entity_label, event_when, short_date
from briefcli.site.memory import Knowledge
from briefcli.site.paths import record_path
from briefcli.text import fold, term_key, visible

# -- search in the browser --------------------------------------------------------------

_WORDS = re.compile(r"[^\w+#&]+")
SEARCH_KINDS = model.SEARCH_KINDS  # KINDS says which kinds are searched


def _words(*texts: str | None) -> str:
    """The distinct folded words of some texts, in order, one space between."""
    words: dict[str, None] = {}
    for text in texts:
        if text:
            for word in _WORDS.sub(" ", fold(text).replace(".", "")).split():
                words.setdefault(word, None)
    return " ".join(words)


def search_index(k: Knowledge) -> bytes:
    """The search index as a script: `window.BRIEF_SEARCH = {...}`. Each record is
    [kind, page, title, date, terms, title words, other words]; terms are
    "FIELD:key" joined by "|" (field 0 acronym, 1 name, 2 alias), keys as `term_key`
    makes them, which the page's script makes of the query too."""
    rows: list[list[Any]] = []
    for kind in SEARCH_KINDS:
        spec = model.KINDS[kind]
        for r in k.records[kind].values():
            terms: list[str] = []
            if isinstance(r, Entity):
                terms = [f"0:{term_key(r.acronym)}"] if r.acronym else []
                terms.append(f"1:{term_key(r.name)}")
                terms += [f"2:{term_key(a)}" for a in r.aliases]
                title = entity_label(r)
            else:
                title = getattr(r, spec.title)
            other: list[str | None] = []
            for name in spec.text:  # the kind's searchable text, as KINDS lists it
                value = getattr(r, name)
                other += list(value) if isinstance(value, tuple) else [value]
            date = event_when(r) if isinstance(r, Event) else short_date(getattr(r, "date", ""))
            title_words = _words(title)
            rows.append([
                SEARCH_KINDS.index(kind), record_path(kind, r.id), " ".join(visible(title).split()),
                date, "|".join(t for t in terms if t[2:]), title_words,
                _words(*other),
            ])
    data = json.dumps({"kinds": SEARCH_KINDS, "records": rows}, ensure_ascii=False,
                      separators=(",", ":"))
    # Line and paragraph separators end a line in older JavaScript: keep them escaped.
    data = data.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.BRIEF_SEARCH={data};\n".encode()


SEARCH_JS = r"""// brief site search: runs in the browser, over the index search-index.js sets.
(function () {
  "use strict";
  var FOLD = {"đ":"d","ø":"o","ł":"l","ħ":"h","ı":"i","æ":"ae","œ":"oe","þ":"th","ð":"d","ŧ":"t"};
  function fold(text) {
    var s = text.toLowerCase().replace(/[đøłħıæœþðŧ]/g, function (c) { return FOLD[c]; });
    s = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\./g, "");
    return s.replace(/[^\p{L}\p{N}_+#&]+/gu, " ").trim();
  }
  var data = window.BRIEF_SEARCH || {kinds: [], records: []};
  var records = data.records;
  var LIMIT = 20;
  var termLists = null;  // each record's terms, split once, at the first search
  function hasWord(text, word, prefix) {
    // `word` as a whole word of `text` (words are separated by one space), or as the
    // start of one with `prefix`.
    for (var i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      var end = i + word.length;
      if ((i === 0 || text.charCodeAt(i - 1) === 32) &&
          (prefix || end === text.length || text.charCodeAt(end) === 32)) return true;
    }
    return false;
  }
  function rank(n, key, words) {
    var r = records[n], terms = termLists[n];
    var best = null;
    for (var i = 0; i < terms.length; i++) {
      var field = +terms[i].charAt(0), term = terms[i].slice(2);
      var score = term === key ? [0, field] : term.indexOf(key) === 0 ? [1, term.length] : null;
      if (score && (!best || score[0] < best[0] || (score[0] === best[0] && score[1] < best[1]))) {
        best = score;
      }
    }
    if (best) return best;
    var inTitle = true, inAll = true;
    for (var w = 0; w < words.length; w++) {
      var last = w === words.length - 1;
      var t = hasWord(r[5], words[w], last);
      if (!t) inTitle = false;
      if (!t && !hasWord(r[6], words[w], last)) { inAll = false; break; }
    }
    if (!inAll) return null;
    return [2, inTitle ? 0 : 1];
  }
  function search(query) {
    var key = fold(query);
    if (!key) return [];
    var words = key.split(" ");
    var hits = [];
    if (!termLists) {
      termLists = records.map(function (r) { return r[4] ? r[4].split("|") : []; });
    }
    for (var i = 0; i < records.length; i++) {
      var score = rank(i, key, words);
      if (score) hits.push([score[0], score[1], i]);
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits;
  }
  function show(query) {
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!list || !status) return;
    while (list.firstChild) list.removeChild(list.firstChild);
    var hits = search(query);
    if (!fold(query)) { status.textContent = ""; return; }
    var total = hits.length, shown = Math.min(total, LIMIT);
    var noun = total === 1 ? "match" : "matches";
    status.textContent = total === 0 ? "No matches." :
      (shown < total ? shown + " of " + total + " " : total + " ") + noun;
    for (var i = 0; i < shown; i++) {
      var r = records[hits[i][2]];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = r[1];
      a.textContent = r[2];
      a.className = "hit";
      li.appendChild(a);
      var meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = " " + (r[3] ? r[3] + " · " : "") + data.kinds[r[0]];
      li.appendChild(meta);
      list.appendChild(li);
    }
  }
  window.briefSearch = search;
  var box = document.getElementById("q");
  if (!box) return;
  var pending = null;  // a search waits for a pause in typing: one per keystroke is wasted
  box.addEventListener("input", function () {
    if (pending !== null) window.clearTimeout(pending);
    pending = window.setTimeout(function () { pending = null; show(box.value); },
                                records.length > 20000 ? 120 : 0);
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
