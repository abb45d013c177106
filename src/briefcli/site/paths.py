"""Where each page of the site lives, and the names brief may write or remove there: a
path derives only from what the page shows (see `site.build`)."""

from __future__ import annotations

import hashlib
import re

from briefcli.knowledge.model import KINDS
from briefcli.text import fold, slug

MANIFEST = ".brief-site.json"
STYLESHEET = "style.css"
SEARCH_INDEX = "search-index.js"  # one file, as older builds wrote it (removed now)
SEARCH_SHARDS = "search/shards.js"  # the search's directory of shards
SITEMAP = "sitemap.xml"  # with a base URL
SEARCH_SCRIPT = "search.js"
LATEST = 10  # briefings on the home page
PROFILE_EVENTS = 5  # latest events on an entity's page (its timeline has them all)
PROFILE_REFERRERS = 200  # entities naming it, listed on its page
PROFILE_MENTIONS = 20  # FAQs, and briefings, naming it
PARALLEL_FROM = 2000  # files from which a build forks workers (a fork costs milliseconds)

KIND_FOLDERS = {name: name for name in KINDS}  # a record page's folder: its kind
_PLAIN = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
_RESERVED = frozenset(  # device names Windows refuses as file names, whatever follows a dot
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)),
     *(f"lpt{n}" for n in range(10))]
)
_LISTING = frozenset(["index"])  # the stem of a folder's listing page (`tag/index.html`)


def file_stem(key: str, taken: frozenset[str] = frozenset()) -> str:
    """A file name (without extension) for an id or a folded tag: the text itself when it
    is plain lowercase ASCII and not one of the names `taken` by fixed pages, else a slug
    and a hash of the exact text. Plain names never hold `~` (no id can), hashed names
    always do, so the two never meet."""
    if (_PLAIN.fullmatch(key) and not key.endswith(".") and key.split(".")[0] not in _RESERVED
            and key not in taken):
        return key
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]
    return f"{slug(key)[:40]}~{digest}"


def record_path(kind: str, record_id: str) -> str:
    """The page of a record, from its kind and id alone: `entity/kfor.html`. The folder
    of briefings has a listing page, `index.html`: a briefing `index` gets a hashed name."""
    folder = KIND_FOLDERS[kind]
    return f"{folder}/{file_stem(record_id, _LISTING if folder in _LISTED else frozenset())}.html"


def tag_key(tag: str) -> str:
    """Tags are one when their folded text is (`Security` is `security`)."""
    return fold(tag)


def tag_path(tag: str) -> str:
    """The page of a tag; a tag `Index` gets a hashed name (`tag/index.html` lists them)."""
    return f"tag/{file_stem(tag_key(tag), _LISTING)}.html"


def timeline_path(kind: str, key: str) -> str:
    """The timeline page of an entity (by id) or a tag (by its text)."""
    stem = file_stem(key) if kind == "entity" else file_stem(tag_key(key))
    return f"timeline/{kind}/{stem}.html"


def glossary_letter(text: str, folded: str | None = None) -> str:
    """`glossary/LETTER.html`: a to z, or `other`; never `index`, the glossary's own page.
    The first letter or digit of `slug(text)`, from `folded` (`fold(text)`) when given:
    the first ASCII letter or digit of the folded text, a digit being `other`."""
    for c in fold(text) if folded is None else folded:
        if "a" <= c <= "z":
            return c
        if "0" <= c <= "9":
            return "other"
    return "other"


_LISTED = frozenset(["briefing", "tag", "glossary"])  # folders with an `index.html`
FIXED_FILES = frozenset([STYLESHEET, SEARCH_SCRIPT, SEARCH_INDEX, SEARCH_SHARDS, SITEMAP,
                         "index.html",
                         *(f"{folder}/index.html" for folder in _LISTED)])
_STEM = r"(?:[a-z0-9][a-z0-9_.-]{0,63}|[a-z0-9-]{0,40}~[0-9a-f]{16})"
_SITE_PATH = re.compile(
    rf"(?:(?:{'|'.join(KIND_FOLDERS.values())}|tag|timeline/entity|timeline/tag)/{_STEM}"
    r"|glossary/(?:[a-z]|other))\.html"
    r"|search/(?:p-(?:[0-9a-f]{2}){0,64}|r-[0-9]{1,2}-[0-9]{1,7}|t-[0-9]{1,4}-[0-9]{1,5})\.js"
)


def is_site_path(name: str) -> bool:
    """Whether `name` is a file brief's site can have: a fixed file or a page path as
    `record_path`, `tag_path`, `timeline_path` and the glossary make them. Only such
    names are ever removed by a build (never `.git/HEAD`, `CNAME`, `notes.txt`)."""
    return name in FIXED_FILES or _SITE_PATH.fullmatch(name) is not None
