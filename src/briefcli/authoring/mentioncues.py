"""Cues that `mentions.py` reads around a run of capitalised words, kept apart from it:
what qualifies a title ("Serbian President", "NATO Secretary General"), where a name
wrapped across lines is cut off by a heading, whether a word that may open a sentence
opens a place ("New York"), a country after "to", a city as the text writes it, the head
of a name "HEAD of OWNER", and the words that say a name is a person's, a body's or an
adjective. Pure but for the gazetteers of `placecues.py`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from briefcli.authoring.mentiontokens import Token, capitalised
from briefcli.authoring.namedata import BODIES, DEMONYMS, ORGANIZATION_HEADS
from briefcli.authoring.placecues import cities, country_of, subdivisions
from briefcli.text import term_key

__all__ = ["ACTS", "ARMED", "AS_TITLE", "COMPANY_LIST", "DATELINE_AFTER", "GENERIC",
           "INSIDE_NAMES", "INSTITUTIONS", "IN_PLACE_HEADS", "JOINERS", "LED", "LOWER_HEAD",
           "NAMED_BODY", "NOT_A_NOUN", "PLACE_CONTEXT", "PLACE_FIRST", "PLURALS", "RESOLUTION",
           "SPEECH", "TOWN_BEFORE", "TOWN_OF", "TO_HEADS", "UN_NOUNS", "WHICH_ACTS", "WITH_THE",
           "after_short_line", "as_written", "country_at", "owned_head", "qualifier",
           "starts_a_place"]

# Lower-case nouns the abbreviation "UN" qualifies without naming the organisation as a
# party to what is said ("a joint UN mission", "its UN mandate", "UN staff").
UN_NOUNS = re.compile(
    r"\s+(?:humanitarian\s+)?(?:missions?|mandates?|staff|personnel|agenc(?:y|ies)|system|"
    r"teams?|convoys?|compounds?|premises|facilit(?:y|ies)|vehicles?|officials?|experts?|"
    r"entities|partners|peacekeepers|peacekeeping|figures|data|estimates|sources|flag|"
    r"member\s+states|country\s+team)\b"
)
# "... as Prime Minister", "as the new Special Representative": an office after a name.
AS_TITLE = re.compile(
    r"(?:,\s+who\s+(?:was|has\s+been|had\s+been|is)\s+(?:appointed|named|elected|"
    r"nominated)(?:\s+as)?|\s+as)\s+(?:the\s+|its\s+|his\s+|her\s+)?(?:new\s+)?(.+)")
# Institutions whose bodies are named with them: "General Secretariat of the Council".
INSTITUTIONS = frozenset(["council", "commission", "parliament", "assembly"])
# Words after "U.S." that make it a noun, not an adjective ("the U.S. will", "the U.S. and").
NOT_A_NOUN = re.compile(
    r"\s+(?:will|would|has|have|had|is|was|are|were|and|or|to|can|could|should|must|may|"
    r"might|also|continues|remains|supports|does|did|in|on|at|for|of|with|by|as|but|that|"
    r"which|who|alone|itself|government)\b"
)
# Titles that are words of a person's name after a given name ("Hassan Sheikh Mohamud").
INSIDE_NAMES = frozenset(["sheikh", "sheikha"])


def qualifier(words: Sequence[Token]) -> tuple[str | None, str | None]:
    """What the words before or after a title say the role belongs to: (shown, place
    or None). "Serbian" -> ("Serbia", "Serbia"); "NATO" -> ("NATO", None)."""
    text = " ".join(t.text for t in words)
    if not text:
        return None, None
    low = text.lower()
    if low in DEMONYMS:
        return DEMONYMS[low], DEMONYMS[low]
    country = country_of(text)
    if country:
        return country, country
    if low in BODIES or all(t.text.isupper() for t in words):
        return text, None
    if low.split()[-1] in ORGANIZATION_HEADS and (len(words) > 1 or capitalised(text)):
        return text, None  # "European Council President Charles Michel", "Council President"
    return None, None


def after_short_line(sentence: str, at: int) -> bool:
    """Whether `at` opens a line after a short one (a heading, a header line): a name
    wrapped across lines comes after a long line."""
    newline = sentence.rfind("\n", 0, at)
    if newline < 0 or sentence[newline:at].strip():
        return False
    return newline - (sentence.rfind("\n", 0, newline) + 1) < 50


def starts_a_place(words: Sequence[Token]) -> bool:
    """Whether a word that may open a sentence opens a place's name here ("New York",
    "New Delhi"): the run's words are a city of GeoNames or a country."""
    if len(words) < 2 or len(words) > 3 or words[0].text.lower() in ("the", "a", "an", "in"):
        return False
    text = " ".join(t.text for t in words)
    return bool(country_of(text)) or term_key(text) in cities() or (
        term_key(text) in subdivisions())


def country_at(tokens: list[Token], k: int) -> bool:
    """Whether a country's name (after "the", maybe) starts at tokens[k]."""
    k += k < len(tokens) and tokens[k].text == "the"
    return any(country_of(" ".join(t.text for t in tokens[k : k + size]))
               for size in (1, 2, 3, 4) if k + size <= len(tokens))


def owned_head(low: list[str]) -> str | None:
    """The head of a name of the form "HEAD of OWNER" ("bank" in "Central Bank of
    Yemen"), or None."""
    i = low.index("of") if "of" in low else 0
    return low[i - 1] if i else None


def as_written(city: str, text: str) -> str:
    """A gazetteer's city as the text writes it when the two differ only by accents or
    case: "Tripoli", not GeoNames' "Trípoli" of another country."""
    if term_key(city) == term_key(text) and text[:1].isupper() and not text.isupper():
        return text
    return city


# What mentions.py reads around and inside a run of capitalised words.
# Words that join the capitalised words of one name ("Rule of Law Mission in Kosovo").
JOINERS = frozenset(
    ["of", "for", "and", "the", "on", "in", "de", "du", "des", "la", "le", "von", "van",
     "der", "al", "bin", "da", "di"]
)
# Heads whose names go on with "in" and a place ("Mission in Kosovo"); others stop there
# ("the Kosovo Specialist Chambers in The Hague").
IN_PLACE_HEADS = frozenset(
    ["mission", "office", "force", "forces", "programme", "operation", "delegation",
     "embassy", "presence", "administration", "team", "unit"]
)
# Heads a name goes on after with "to": "EU Delegation to Albania", "Mission to Serbia".
TO_HEADS = frozenset(["delegation", "mission", "embassy", "ambassador", "envoy"])
PLACE_FIRST = frozenset(["palais", "palace", "mount", "lake", "fort", "camp", "cape", "port"])
SPEECH = re.compile(
    r"\s+(?:said|says|told|stressed|added|noted|urged|warned|called|welcomed|condemned|"
    r"announced|declared|emphasized|emphasised|underlined|expressed|criticised|criticized|"
    r"praised|thanked|insisted|argued|replied|accused|rejected|wrote)\b"
)
# Endings of plural nouns that open a sentence before a verb ("Allies welcomed",
# "Officials reported", "Residents said"): neither people nor bodies.
PLURALS = ("ies", "ents", "als", "ists", "ers", "ors", "ians", "ans", "ses")
# Capitalised phrases that name no one: "Heads of State and Government".
GENERIC = frozenset(["state and government", "state or government", "heads of state"])
# Heads written in lower case after a name: "the Open Balkan initiative", "the Minsk
# agreements", "Yemen's Houthi movement".
LOWER_HEAD = re.compile(
    r"\s+(initiative|agreements?|process|dialogue|talks|plan|accords?|format|party|movement)\b")
# What an armed group is called after its name, in lower case: "the M23 armed group",
# "RSF fighters".
ARMED = re.compile(r"\s+(?:armed\s+group|rebel\s+group|rebels|militias?|insurgents|fighters)\b")
# What bodies do, said of the word before: "Frontex extended", "Gazprom still claims".
ACTS = re.compile(
    r"\s+(?:(?:still|also|has|have|had|already|now|again|then|recently)\s+){0,2}"
    r"(?:signed|extended|suspended|evacuated|deployed|suppl(?:y|ies|ied)|cut|cuts|halted|"
    r"resumed|estimates|registers|registered|reports?|reported|claims|claimed|launched|"
    r"delivered|provides|provided|operates|operated|owns|stopped|published|issued|"
    r"increased|reduced|raised|signs|extends|suspends|delivers|opened|closed|holds|held|won|"
    r"wins|leads|controls|said|says|stated|announced)\b"
)
# The same, said in a relative clause: "Al-Shabaab, which still holds ...".
WHICH_ACTS = re.compile(r",\s+which" + ACTS.pattern)
# A modifier before a name that is not part of it: "NATO-led Kosovo Force".
LED = re.compile(r"^(.+)-(?:led|backed|based|funded|run|sponsored|supported)$")
RESOLUTION = re.compile(
    r"\b(?:(?:UN |United Nations )?(?:Security Council|General Assembly)\s+)?[Rr]esolution"
    r"\s+\d{2,4}(?:\s+\(\d{4}\))?"
)
DATELINE_AFTER = re.compile(r",\s*(?:(?:le\s+)?\d{1,2}[ .]|[A-Z][a-z]+\.? \d)")
PLACE_CONTEXT = frozenset(
    ["in", "near", "from", "to", "at", "outside", "across", "throughout", "around", "into",
     "towards", "toward", "via", "inside", "of", "between", "visited", "visiting", "visits",
     "on", "over"]
)
# Country names written with "the" ("Ambassador of the United States").
WITH_THE = frozenset(
    ["United States", "United Kingdom", "Netherlands", "Philippines", "Czech Republic",
     "Central African Republic", "Democratic Republic of the Congo", "United Arab Emirates",
     "Gambia", "Bahamas", "Holy See", "Republic of Moldova"]
)
# Companies named in a list after a noun that says what they are: "a consortium of
# Hyundai Engineering, UGT Renewables and Elektroprivreda Srbije", "shipping lines
# including Maersk, Hapag-Lloyd and MSC".
ITEM = r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*"
COMPANY_LIST = re.compile(
    r"\b(?:consortium|compan(?:y|ies)|firms?|lines|carriers|operators|producers|"
    r"manufacturers|lenders|banks|utilities|contractors|insurers|retailers|suppliers|"
    r"exporters|importers|shipowners)\s+(?:of|including|such\s+as|like|led\s+by)\s+"
    r"(" + ITEM + r"(?:\s*,\s*" + ITEM + r")*(?:,?\s+and\s+" + ITEM + r")?)"
)
# A body named in apposition to a noun that says what it is: "The mission, EUNAVFOR
# Aspides, will be commanded ...".
NAMED_BODY = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Aa]|[Tt]heir)\s+(?:new\s+|naval\s+|military\s+|civilian\s+)?"
    r"(?:mission|force|command|agency|company|movement|militia|armed\s+group),\s+"
    r"(" + ITEM + r"),"
)
# A town the text gives its country after, from where it is: "from Larissa, Greece, ...".
TOWN_BEFORE = frozenset(["in", "from", "near", "at", "to", "outside"])
TOWN_OF = re.compile(
    r",\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?=\s*[,.;:)]|\s+(?:and|on|in|to|for|where|at)\b)")
