"""Reading dictd databases (`NAME.index` beside `NAME.dict` or `NAME.dict.dz`), and the
folding dictd applies to headwords and queries."""

from __future__ import annotations

import bisect
import re
import zlib
from typing import NamedTuple

from briefcli.authoring.glossaries.common import (
    _CP1252,
    GlossaryEntry,
    _decode,
    _dedupe,
    _expansion,
    _one_line,
    _Problems,
    _quote,
    _safe,
    _within_limits,
)
from briefcli.problems import Problem
from briefcli.text import has_unsafe, visible
from briefcli.text import term_key as term_key_brief

# ---------------------------------------------------------------------------------------
# dictd keys: the folding dictd applies to headwords and queries

# dictd classifies characters with tables of its own, close to Unicode 3.2, not with the
# C library's: these are the code points dictfmt 1.13 and dictd keep in a key as letters
# or digits (read off dictfmt's output for every code point; the tests compare them
# again when dictfmt is installed). A key made with today's Unicode would differ for
# letters added since (U+0220, Devanagari vowel signs...), and dictd would never match
# what it makes of the query.
_ALNUM_TEXT = (
    "aa b5 ba c0-d6 d8-f6 f8-21f 222-233 250-2ad 2b0-2b8 2bb-2c1 2d0-2d1 2e0-2e4 2ee 37a 386 "
    "388-38a 38c 38e-3a1 3a3-3ce 3d0-3d7 3da-3f5 400-481 48c-4c4 4c7-4c8 4cb-4cc 4d0-4f5 "
    "4f8-4f9 531-556 559 561-587 5d0-5ea 5f0-5f2 621-63a 640-64a 660-669 671-6d3 6d5 6e5-6e6 "
    "6f0-6fc 710 712-72c 780-7a5 905-939 93d 950 958-961 966-96f 985-98c 98f-990 993-9a8 "
    "9aa-9b0 9b2 9b6-9b9 9dc-9dd 9df-9e1 9e6-9f1 a05-a0a a0f-a10 a13-a28 a2a-a30 a32-a33 "
    "a35-a36 a38-a39 a59-a5c a5e a66-a6f a72-a74 a85-a8b a8d a8f-a91 a93-aa8 aaa-ab0 ab2-ab3 "
    "ab5-ab9 abd ad0 ae0 ae6-aef b05-b0c b0f-b10 b13-b28 b2a-b30 b32-b33 b36-b39 b3d b5c-b5d "
    "b5f-b61 b66-b6f b85-b8a b8e-b90 b92-b95 b99-b9a b9c b9e-b9f ba3-ba4 ba8-baa bae-bb5 "
    "bb7-bb9 be7-bef c05-c0c c0e-c10 c12-c28 c2a-c33 c35-c39 c60-c61 c66-c6f c85-c8c c8e-c90 "
    "c92-ca8 caa-cb3 cb5-cb9 cde ce0-ce1 ce6-cef d05-d0c d0e-d10 d12-d28 d2a-d39 d60-d61 "
    "d66-d6f d85-d96 d9a-db1 db3-dbb dbd dc0-dc6 e01-e2e e30-e3a e40-e45 e47-e4e e50-e59 "
    "e81-e82 e84 e87-e88 e8a e8d e94-e97 e99-e9f ea1-ea3 ea5 ea7 eaa-eab ead-eb0 eb2-eb3 ebd "
    "ec0-ec4 ec6 ed0-ed9 edc-edd f00 f20-f29 f40-f47 f49-f6a f88-f8b 1000-1021 1023-1027 "
    "1029-102a 1040-1049 1050-1055 10a0-10c5 10d0-10f6 1100-1159 115f-11a2 11a8-11f9 "
    "1200-1206 1208-1246 1248 124a-124d 1250-1256 1258 125a-125d 1260-1286 1288 128a-128d "
    "1290-12ae 12b0 12b2-12b5 12b8-12be 12c0 12c2-12c5 12c8-12ce 12d0-12d6 12d8-12ee "
    "12f0-130e 1310 1312-1315 1318-131e 1320-1346 1348-135a 1369-1371 13a0-13f4 1401-166c "
    "166f-1676 1681-169a 16a0-16ea 16ee-16f0 1780-17b3 17e0-17e9 1810-1819 1820-1877 "
    "1880-18a8 1e00-1e9b 1ea0-1ef9 1f00-1f15 1f18-1f1d 1f20-1f45 1f48-1f4d 1f50-1f57 1f59 "
    "1f5b 1f5d 1f5f-1f7d 1f80-1fb4 1fb6-1fbc 1fbe 1fc2-1fc4 1fc6-1fcc 1fd0-1fd3 1fd6-1fdb "
    "1fe0-1fec 1ff2-1ff4 1ff6-1ffc 207f 2102 2107 210a-2113 2115 2119-211d 2124 2126 "
    "2128-212d 212f-2131 2133-2139 2160-2183 249c-24e9 3005-3007 3021-3029 3031-3035 "
    "3038-303a 3041-3094 309d-309e 30a1-30fa 30fc-30fe 3105-312c 3131-318e 31a0-31b7 "
    "3400-4db5 4e00-9fa5 a000-a48c ac00-d7a3 f900-fa2d fb00-fb06 fb13-fb17 fb1d fb1f-fb28 "
    "fb2a-fb36 fb38-fb3c fb3e fb40-fb41 fb43-fb44 fb46-fbb1 fbd3-fd3d fd50-fd8f fd92-fdc7 "
    "fdf0-fdfb fe70-fe72 fe74 fe76-fefc ff10-ff19 ff21-ff3a ff41-ff5a ff66-ffbe ffc2-ffc7 "
    "ffca-ffcf ffd2-ffd7 ffda-ffdc 10300-1031e 10330-1034a 10400-10425 10428-1044d "
    "1d400-1d454 1d456-1d49c 1d49e-1d49f 1d4a2 1d4a5-1d4a6 1d4a9-1d4ac 1d4ae-1d4b9 1d4bb "
    "1d4bd-1d4c0 1d4c2-1d4c3 1d4c5-1d505 1d507-1d50a 1d50d-1d514 1d516-1d51c 1d51e-1d539 "
    "1d53b-1d53e 1d540-1d544 1d546 1d54a-1d550 1d552-1d6a3 1d6a8-1d6c0 1d6c2-1d6da "
    "1d6dc-1d6fa 1d6fc-1d714 1d716-1d734 1d736-1d74e 1d750-1d76e 1d770-1d788 1d78a-1d7a8 "
    "1d7aa-1d7c2 1d7c4-1d7c9 1d7ce-1d7ff 20000-2a6d6 2f800-2fa1d "
)
# Letters dictd leaves as they are where Python lowercases them (case pairs added to
# Unicode later: Georgian, Cherokee, Deseret...).
_NO_LOWER_TEXT = "4c0 10a0-10c5 13a0-13f4 2183 10400-10425"
# White space for dictd beyond ASCII's tab, vertical tab, form feed and space (not the
# no-break spaces U+00A0, U+2007 and U+202F; but the zero-width space U+200B).
_SPACES = frozenset("\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a"
                    "\u200b\u2028\u2029\u3000")


def _ranges(text: str) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for item in text.split():
        low, _, high = item.partition("-")
        starts.append(int(low, 16))
        ends.append(int(high or low, 16))
    return starts, ends


def _in(ranges: tuple[list[int], list[int]], code: int) -> bool:
    i = bisect.bisect_right(ranges[0], code) - 1
    return i >= 0 and code <= ranges[1][i]


_ALNUM = _ranges(_ALNUM_TEXT)
_NO_LOWER = _ranges(_NO_LOWER_TEXT)
# ASCII folding in one str.translate: white space -> " ", letters lowercased, digits
# kept, everything else dropped ("\n" and "\r" never reach a key).
_ASCII_KEY = {
    i: (" " if chr(i) in " \t\n\v\f\r" else chr(i).lower() if chr(i).isalnum() else None)
    for i in range(128)
}


def _key_char(c: str) -> str:
    """What one non-ASCII character becomes in a dictd key."""
    code = ord(c)
    if c in _SPACES:
        return " "
    if not _in(_ALNUM, code):
        return ""
    if code == 0x130:
        return "i"  # dictd lowercases one character to one: İ -> i, not i + dot
    return c if _in(_NO_LOWER, code) else c.lower()


def dict_key(headword: str) -> str:
    """The key dictd looks `headword` up by in a UTF-8 database without --allchars.

    White space becomes one space, letters and digits are lowercased, anything else is
    dropped ("TCP/IP" -> "tcpip", "Kosovo  Force" -> "kosovo force"), as dictfmt does
    when it writes the index and dictd when it reads a query.
    """
    if headword.isascii():
        key = headword.translate(_ASCII_KEY)
    else:
        key = "".join(_ASCII_KEY[ord(c)] or "" if c < "\x80" else _key_char(c)
                      for c in headword)
    while "  " in key:
        key = key.replace("  ", " ")
    return key


def _is_meta(key: str) -> bool:
    """A key of dictd's own entries (00-database-short...), never a glossary headword."""
    return key.startswith(("00database", "00-database"))

# ---------------------------------------------------------------------------------------
# dictd databases: reading

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_VALUE = {c: i for i, c in enumerate(_B64)}
_MAX_DICT_BYTES = 256 * 1024 * 1024  # a glossary is far smaller; this bounds a gzip bomb


def _b64_decode(text: str) -> int | None:
    """dictd's number encoding: base-64 digits, the most significant first."""
    if not text or len(text) > 11:
        return None
    value = 0
    for c in text:
        digit = _B64_VALUE.get(c)
        if digit is None:
            return None
        value = value * 64 + digit
    return value


def _b64_encode(value: int) -> str:
    digits = []
    while True:
        digits.append(_B64[value & 63])
        value >>= 6
        if not value:
            return "".join(reversed(digits))


def read_dictd(index_path: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    """Entries of the dictd database whose index is `index_path` (see `parse_dictd`).

    The data file is beside the index, with ".index" replaced by ".dict" or, compressed
    with dictzip (which gzip reads), ".dict.dz".
    """
    from briefcli.files import read_regular

    problems = _Problems(index_path)
    try:
        index = read_regular(index_path)
    except OSError as exc:
        problems.add(0, 0, f"cannot read the index: {exc.strerror or exc}")
        return [], problems.result()
    base = index_path[: -len(".index")] if index_path.endswith(".index") else index_path
    for data_path in (base + ".dict", base + ".dict.dz"):
        try:
            data = read_regular(data_path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            problems.add(0, 0, f"cannot read {visible(data_path)}: {exc.strerror or exc}")
            return [], problems.result()
        if data_path.endswith(".dz"):
            unpacked = _gunzip(data, data_path, problems)
            if unpacked is None:
                return [], problems.result()
            data = unpacked
        entries, more = parse_dictd(index, data, index_path)
        return entries, problems.result() + more
    shown = visible(base)
    problems.add(0, 0, f"no data file beside the index: expected {shown}.dict or {shown}.dict.dz")
    return [], problems.result()


def _gunzip(data: bytes, path: str, problems: _Problems) -> bytes | None:
    unpacker = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = unpacker.decompress(data, _MAX_DICT_BYTES + 1)
    except zlib.error as exc:
        problems.add(0, 0, f"{visible(path)} is not a dictzip or gzip file ({exc})")
        return None
    if len(out) > _MAX_DICT_BYTES:
        problems.add(0, 0, f"{visible(path)} unpacks to more than {_MAX_DICT_BYTES >> 20} MB; "
                     "it was not read")
        return None
    if not unpacker.eof:
        problems.add(0, 0, f"{visible(path)} is cut short; the definitions it holds were read",
                     "warning")
    return out


class _Definition(NamedTuple):
    line: int
    offset: int
    length: int
    headwords: list[str]  # as written (fourth column), else as indexed
    keys: list[str]  # as indexed
    seen: set[str]  # the headwords, to tell a new one in constant time
    key_set: set[str]  # the keys, likewise


def parse_dictd(index: bytes, data: bytes, path: str) -> tuple[list[GlossaryEntry], list[Problem]]:
    """Entries of a dictd database given as the bytes of its index and (unpacked) data.

    Index lines are `headword<TAB>offset<TAB>length`, with an optional fourth column
    holding the headword as written (dictfmt --index-keep-orig); offset and length are
    dictd base-64 numbers into `data`. dictd's own entries (00-database-...) are
    skipped. Headwords sharing one definition make one entry: its term is the
    definition's first line when that line is one of them (it is the headword as
    written: "TCP" where the index says "tcp"), the others become aliases (unindented
    lines repeating them under the first, as dictfmt --break-headwords writes them, are
    skipped). Entries come in the order of the data file.

    The body under the first line is read in paragraphs (split on blank lines, lines
    joined): the first is the expansion, the second the summary, the rest the
    description. An expansion in the V.E.R.A. style, `Name [word] (topic, topic),
    "ALT"`, gives the name "Name word", the tags "topic", "topic" (the topic "org." is
    the kind "organization" instead; a topic naming the term itself is dropped) and the
    alias "ALT"; an alternative spelling of the headword ("OS/360" for "OS360") becomes
    the term, the headword an alias. A group glued to a word ("letter(-sized paper)")
    stays in the name. An expansion longer than 150 characters is prose, not a name: the
    term names the entry and the paragraph is its summary. An expansion that is only
    "???" is unknown: the entry is left out, with a warning. A body numbered "1. ...",
    "2. ..." gives one entry per sense; an indented `TERM<two spaces>expansion`
    paragraph (as V.E.R.A. has a few) gives an entry of its own. Definitions are UTF-8,
    or Windows-1252 when they are not (one warning).
    """
    problems = _Problems(path)
    text = _decode(index, problems)
    definitions: dict[tuple[int, int], _Definition] = {}
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw or raw.isspace():
            continue
        parts = raw.split("\t")
        if len(parts) not in (3, 4):
            problems.add(number, 1, f"the index line {_quote(raw)} has {len(parts)} "
                         "tab-separated fields; expected headword, offset and length")
            continue
        key = parts[0]
        offset, length = _b64_decode(parts[1]), _b64_decode(parts[2])
        if offset is None or length is None:
            bad = parts[1] if offset is None else parts[2]
            col = len(key) + 2 + (0 if offset is None else len(parts[1]) + 1)
            problems.add(number, col, f"{_quote(bad)} is not a dictd base-64 number "
                         "(digits A-Z, a-z, 0-9, + and /)")
            continue
        if _is_meta(key):
            continue
        if offset + length > len(data):
            problems.add(number, 1, f"the definition of {_quote(key)} ends at byte "
                         f"{offset + length}, past the end of the data ({len(data)} bytes)")
            continue
        headword = parts[3] if len(parts) == 4 and parts[3] else key
        if has_unsafe(headword) or "  " in headword or headword != headword.strip():
            headword = _one_line(_safe(headword, problems, number, 1, "the headword"))
        if not headword:
            continue
        found = definitions.get((offset, length))
        if found is None:
            definitions[(offset, length)] = _Definition(number, offset, length, [headword],
                                                        [key], {headword}, {key})
        elif headword not in found.seen:
            found.headwords.append(headword)
            found.keys.append(key)
            found.seen.add(headword)
            found.key_set.add(key)
    entries: list[GlossaryEntry] = []
    eight_bit = False
    for definition in sorted(definitions.values(), key=lambda d: (d.offset, d.line)):
        raw_text = data[definition.offset : definition.offset + definition.length]
        try:
            body = raw_text.decode("utf-8")
        except UnicodeDecodeError:
            body = raw_text.decode("latin-1").translate(_CP1252)
            if not eight_bit:
                eight_bit = True
                problems.add(definition.line, 1, "the definitions are not UTF-8 text; they "
                             "were read as Windows-1252", "warning")
        for entry in _read_definition(body, definition, problems):
            kept = _within_limits(entry, problems)
            if kept is not None:
                entries.append(kept)
    return entries, problems.result()


_SENSE = re.compile(r"\s*(\d{1,3})[.)]\s+")
_EMBEDDED = re.compile(r"\s+(\S{1,24})\s{2,}(\S.*)")
_QUOTED_ALT = re.compile(r'\s*,\s*"([^"]+)"\s*$')
_BARE_ALT = re.compile(r"(?<=\))\s*,\s*([^\s,\"()]{1,24})\s*$")  # "(IP, RFC 1883), IPv6"
_MAX_NAME = 150
_UNKNOWN = frozenset(("", "?", "??", "???", "????", "...", "…"))


def _paragraphs(lines: list[str]) -> list[tuple[str, str]]:
    """(first line, whole paragraph on one line) for each paragraph of `lines`."""
    out: list[tuple[str, str]] = []
    block: list[str] = []
    for line in lines:
        if line and not line.isspace():
            block.append(line)
        elif block:
            out.append((block[0], _one_line(" ".join(block))))
            block = []
    if block:
        out.append((block[0], _one_line(" ".join(block))))
    return out


def _read_definition(
    text: str, definition: _Definition, problems: _Problems
) -> list[GlossaryEntry]:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if has_unsafe(text):
        text = _safe(text, problems, definition.line, 1, "the definition")
    lines = text.split("\n")
    first = _one_line(lines[0])
    first_key = dict_key(first)
    if first and (first_key in definition.key_set
                  or first_key in (dict_key(h) for h in definition.headwords)):
        term, term_key, lines = first, first_key, lines[1:]
    else:
        term, term_key = definition.headwords[0], dict_key(definition.headwords[0])
    # dictfmt --break-headwords writes the other headwords on the lines that follow,
    # unindented; the body proper is indented.
    while lines and lines[0][:1].strip() and dict_key(lines[0]) in definition.key_set:
        lines = lines[1:]
    if "1" not in text:  # no numbered senses: the common case, made quick
        return _read_sense(term, term_key, lines, definition, problems)
    entries: list[GlossaryEntry] = []
    for sense in _senses(lines):
        entries += _read_sense(term, term_key, sense, definition, problems)
    return entries


def _senses(lines: list[str]) -> list[list[str]]:
    """The numbered senses of a body ("1. ...", "2. ..."), or the whole body as one."""
    start = next((i for i, line in enumerate(lines) if line and not line.isspace()), None)
    if start is None:
        return [lines]
    marker = _SENSE.match(lines[start])
    if marker is None or marker.group(1) != "1":
        return [lines]
    senses: list[list[str]] = [[lines[start][marker.end() :]]]
    for line in lines[start + 1 :]:
        marker = _SENSE.match(line)
        if marker is not None and int(marker.group(1)) == len(senses) + 1:
            senses.append([line[marker.end() :]])
        else:
            senses[-1].append(line)
    return senses if len(senses) > 1 else [lines]


def _read_sense(
    term: str, term_key: str, lines: list[str], definition: _Definition, problems: _Problems
) -> list[GlossaryEntry]:
    paragraphs = _paragraphs(lines)
    extra: list[GlossaryEntry] = []
    rest: list[str] = []
    for first_line, paragraph in paragraphs[1:]:
        embedded = _EMBEDDED.fullmatch(first_line)
        if embedded and not any(c.islower() for c in embedded.group(1)):
            # V.E.R.A. keeps a few entries it could not index inside another one.
            inner_term, _, expansion = paragraph.partition(" ")
            extra += _entry(inner_term, dict_key(inner_term), expansion.strip(), (), [],
                            definition.line, problems)
        else:
            rest.append(paragraph)
    if not paragraphs:
        problems.add(definition.line, 1, f"the definition of {_quote(term)} has no text "
                     "under its headword; it is left out", "warning")
        return extra
    more = (rest[0] if rest else None, "\n\n".join(rest[1:]) or None)
    headwords = list(zip(definition.headwords, definition.keys, strict=True))
    return _entry(term, term_key, paragraphs[0][1], more, headwords, definition.line,
                  problems) + extra


def _entry(
    term: str, term_key: str, expansion: str, more: tuple[str | None, str | None] | tuple[()],
    headwords: list[tuple[str, str]], line: int, problems: _Problems,
) -> list[GlossaryEntry]:
    """The entry of one expansion in the V.E.R.A. style (see `parse_dictd`); `headwords`
    are the (headword, indexed key) pairs of its definition."""
    summary, description = more if more else (None, None)
    head, kind = expansion, None
    alternatives: list[str] = []
    tags: list[str] = []
    while head.endswith('"'):
        quoted = _QUOTED_ALT.search(head)
        if quoted is None or quoted.start() == 0:
            break
        alternatives.insert(0, quoted.group(1).strip())
        head = head[: quoted.start()]
    if "," in head and not head.endswith(")"):
        bare = _BARE_ALT.search(head)
        if bare is not None:
            alternatives.insert(0, bare.group(1))
            head = head[: bare.start()]
    topics = _trailing_group(head)
    if topics is not None:
        head, inner = topics
        for item in inner.split(","):
            item = item.strip()
            if item == "org.":
                kind = "organization"
            elif item not in _UNKNOWN:
                tags.append(item)
    name, variants = _expansion(head)
    if name in _UNKNOWN:
        problems.add(line, 1, f"the expansion of {_quote(term)} is unknown "
                     f"(the definition says {_quote(expansion)}); it is left out", "warning")
        return []
    if len(name) > _MAX_NAME:
        name, variants, alternatives, tags, kind = term, (), [], [], None
        summary, description = expansion, "\n\n".join(p for p in (summary, description) if p)
    for alternative in alternatives:
        if term and alternative != term and dict_key(alternative) == term_key:
            # The headword as written ("OS/360" for the indexed "OS360"); the indexed
            # form stays an alias when brief would not match it to the written one.
            if term_key_brief(term) != term_key_brief(alternative):
                alternatives = [term, *alternatives]
            alternatives.remove(alternative)
            term = alternative
            break
    name_key = dict_key(name)
    others: list[str] = []
    if len(headwords) > 1:
        # Other headwords are aliases, but for those naming the term or the name (a name
        # written with its topics included).
        taken = {term_key, name_key, dict_key(head), dict_key(expansion)}
        others = [h for h, k in headwords if k not in taken and dict_key(h) not in taken]
    aliases = _dedupe([*alternatives, *variants, *others], (term, name))
    if term_key == name_key:
        term = ""  # the headword is the name itself: there is no short form
    return [GlossaryEntry(term, name, summary or None, aliases, kind, None,
                          description or None, _dedupe(tags, (term,)), line)]


def _trailing_group(text: str) -> tuple[str, str] | None:
    """(text before, inside) of a parenthesized group ending `text`, nesting allowed."""
    text = text.rstrip()
    if not text.endswith(")"):
        return None
    start = text.rfind("(")
    if text.count("(") != 1 or text.count(")") != 1:
        depth = 0
        for start in range(len(text) - 1, -1, -1):
            if text[start] == ")":
                depth += 1
            elif text[start] == "(":
                depth -= 1
                if depth == 0:
                    break
        else:
            return None
    # A group glued to a word is part of the name: "letter(-sized paper)", "Form(ular)".
    if start < 1 or not text[start - 1].isspace():
        return None
    return text[:start].rstrip(), text[start + 1 : -1]
