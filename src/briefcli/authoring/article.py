"""Reading a plain-text article into its parts: date, headline, paragraphs, FAQ, sources.

`parse_article` accepts two shapes of article, and anything in between:

- the shape of brief's own briefings: a `date YYYY-MM-DD` line (possibly sharing its
  line with the first paragraph), paragraphs separated by blank lines, then optionally a
  `FAQ:` section of questions and answers and a `Sources:` list;
- a press release, readout or news story copied from a web page: a headline, a dateline
  near the top ("Washington, March 3, 2021", "12 April 2019", "BRUSSELS, 5 May 2022 –" at
  the start of the first paragraph), numbered paragraphs, and the page's navigation
  lines ("Share", "Print", "Home > Press releases"), which are dropped.

Lines are counted as an editor counts them (a line ends at LF, CRLF or CR), from 1, so
that a draft can say where each record came from. The parser never raises: any text,
empty or not, gives an `Article`. The dateline is found by `extract.find_dateline`, the
sentences by `extract.split_sentences`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from briefcli.authoring.datefinder import find_dateline
from briefcli.authoring.datelines import strip_dateline
from briefcli.authoring.events import lead_title
from briefcli.authoring.sentences import split_sentences

MAX_PARAGRAPH = 20_000
"""Longest paragraph (and line) of an article that is drafted from, in characters: a
long paragraph of a press release is a few thousand. An article holding a longer one
is refused before any work is done on it, naming its line (`too_long`)."""


class Faq(NamedTuple):
    """A question and its answer (its paragraphs joined by a space; empty when the
    question has none); `line` is where the question starts."""

    question: str
    answer: str
    line: int


class SourceRef(NamedTuple):
    """One entry of a sources list.

    `title` is the entry as cited, without its bullet and address (`NATO – KFOR`), or
    the address when the entry is nothing else; `publisher` is the part before the first
    spaced dash (`NATO`), when there is one; `url` the address written, if any.
    """

    title: str
    publisher: str | None
    url: str | None
    line: int


class Paragraph(NamedTuple):
    """A paragraph of the body: whitespace collapsed, numbering or bullet removed;
    `line` is the line its text starts on; `marker` says how it was opened: "number"
    ("1. ", "2) ", "(a) "), "bullet" ("- ", "• ") or "" for neither."""

    text: str
    line: int
    marker: str = ""


class Article(NamedTuple):
    """An article's parts.

    `date` is the dateline's date (`YYYY-MM-DD`, or `YYYY-MM`/`YYYY` as written) and
    `date_text` the words it was read from, both None without a dateline. `headline` is a
    short line standing before the body, when the article has one. `paragraphs` is the
    body only: not the headline, labels before it, dateline-only lines, navigation
    lines, the FAQ or the sources.
    """

    path: str
    date: str | None
    date_text: str | None
    headline: str | None
    paragraphs: list[Paragraph]
    faqs: list[Faq]
    sources: list[SourceRef]


def too_long(text: str, path: str) -> str | None:
    """The error for the first line of `text` longer than `MAX_PARAGRAPH` characters
    (`path:line: error: ...`), or None. Quick: the article is not parsed."""
    if len(text) <= MAX_PARAGRAPH:
        return None
    for number, line in enumerate(re.split(r"\r\n?|\n", text), 1):
        if len(line) > MAX_PARAGRAPH:
            return long_paragraph(path, number, len(line), "a line")
    return None


def long_paragraph(path: str, line: int, length: int, what: str = "a paragraph") -> str:
    """The error for a paragraph (or line) over `MAX_PARAGRAPH` at `path:line`."""
    return (
        f"{path}:{line}: error: {what} of {length:,} characters; articles are drafted from "
        f"paragraphs of at most {MAX_PARAGRAPH:,} characters (split it at its sentences); "
        "the article was not read"
    )


# -- lines ------------------------------------------------------------------------------------

_LINE_BREAK = re.compile(r"\r\n?")

# Numbering and bullets that open a paragraph or a list item: "1. ", "2) ", "(3) ", "(a) ",
# "- ", "• ", "– ".
_NUMBER = re.compile(r"[ \t]*(?:\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-z]\))[ \t]+(?=\S)")
_BULLET = re.compile(r"[ \t]*[-–—•·*▪◦●‣⁃][ \t]+(?=\S)")


def _without(marker: re.Pattern[str], text: str) -> str:
    """`text` without the numbering or bullet `marker` at its start, if it has one."""
    match = marker.match(text)
    return text[match.end() :] if match else text


# Lines of a web page's furniture, compared case-folded with bullets and trailing ':'
# removed: navigation, sharing, printing.
_JUNK = frozenset(
    [
        "share", "share this", "share this page", "share this article", "share on facebook",
        "share on twitter", "share on x", "share on linkedin", "print", "print this page",
        "print page", "print friendly", "email", "e-mail", "email this page", "mail", "tweet",
        "facebook", "twitter", "x", "linkedin", "whatsapp", "telegram", "reddit", "copy link",
        "copy the link", "link copied", "read more", "more", "back to top", "top",
        "skip to main content", "skip to content", "menu", "main menu", "search", "home",
        "subscribe", "follow us",
        "download pdf", "download", "pdf", "listen", "listen to this article", "save",
        "bookmark", "advertisement", "you are here", "cookies", "cookie settings",
        "accept cookies",
    ]
)
# Headings of what a web page shows after the story: what follows them is dropped, up to
# a FAQ or sources heading.
_TRAILER = re.compile(
    r"related(?: content| news| links| articles| stories| topics)?|see also|"
    r"more on this topic|more news|latest news|tags|topics|comments|you may also like|"
    r"recommended(?: for you)?|most read"
)
_SOCIAL = frozenset(
    ["share", "print", "email", "e-mail", "tweet", "facebook", "twitter", "x", "linkedin",
     "whatsapp", "telegram", "reddit", "copy", "link", "save", "|", "/", "·", "•"]
)
_CRUMB = re.compile(r"\s+(?:>|›|»)\s+")
_HOME_CRUMB = re.compile(r"(?:home|homepage|start)\s+(?:>|›|»|/|\||::)\s+", re.IGNORECASE)


# Boilerplate of press offices: attribution lines, end marks, share lines.
_BOILERPLATE = re.compile(
    r"(?:the following (?:statement )?is attributable to .{0,120}|#{3,}|-{3,}|\*{3,}|ends|"
    r"-?\s*end\s*-?|share(?: this(?: page| article)?)?\s*:.*|"
    # "Last updated 12 March 2024", "Page last modified: 3 May 2023": the page's, not news
    r"(?:page\s+)?(?:last\s+)?(?:updated|modified|reviewed)(?:\s+on)?\s*:?\s*[\w ,./:-]{0,40}|"
    r"(?:©|copyright)\s.{0,80})",
    re.IGNORECASE,
)


def _is_junk(line: str) -> bool:
    """Whether a whole line is a web page's furniture, not the article's text."""
    text = _without(_BULLET, line).strip().rstrip(":").strip()
    folded = text.casefold()
    if folded in _JUNK or _BOILERPLATE.fullmatch(line.strip()):
        return True
    words = folded.replace(",", " ").split()
    if len(words) >= 2 and all(word in _SOCIAL for word in words):
        return True  # "Share Tweet Email Print", "Facebook | Twitter"
    if _HOME_CRUMB.match(text):
        return True  # "Home > Press releases", "Home / News"
    # "Newsroom › Press releases › 2022": short parts, each with a capital or a digit first.
    crumbs = _CRUMB.split(text)
    return len(crumbs) >= 2 and all(
        0 < len(part.split()) <= 5 and (part[0].isupper() or part[0].isdigit())
        for part in crumbs
    )


class _Line(NamedTuple):
    number: int  # 1-based
    text: str


# -- paragraphs -------------------------------------------------------------------------------


class _Raw(NamedTuple):
    """A paragraph as found: its lines, and how it was opened."""

    lines: list[_Line]
    marker: str  # "" for none, "number", "bullet"

    @property
    def line(self) -> int:
        return self.lines[0].number

    @property
    def text(self) -> str:
        """The lines joined, numbering or bullet removed, whitespace collapsed; a line
        ending in a hyphen joins the next without a space ("de-" "escalate")."""
        parts: list[str] = []
        for i, (_number, line) in enumerate(self.lines):
            if i == 0 and self.marker:
                line = _without(_NUMBER if self.marker == "number" else _BULLET, line)
            words = line.split()
            if not words:
                continue
            if parts and parts[-1].endswith("-") and len(parts[-1]) > 1 and words[0][0].islower():
                parts[-1] += words.pop(0)
            parts.extend(words)
        return " ".join(parts)


_WRAP_WIDTH = 100
"""Lines longer than this are not hard-wrapped prose: each is a paragraph of its own."""


def _marker(line: str) -> str:
    if _NUMBER.match(line):
        return "number"
    if _BULLET.match(line):
        return "bullet"
    return ""


def _paragraphs(block: list[_Line]) -> list[_Raw]:
    """A block of non-blank lines cut into paragraphs.

    A section heading ("FAQ:", "Sources: ...") is always a paragraph of its own. A
    block with a line wider than `_WRAP_WIDTH` is not hard-wrapped prose (it is text
    copied from a web page): each of its lines is a paragraph. In a narrower block, a
    line opens a new paragraph when it starts with numbering or a bullet, or when the
    line before it ended early: the new line's first word would have fitted on it within
    the block's widest line (wrapped prose breaks only where the next word does not
    fit), and that line ends a sentence, or is a short heading-like line (under 70% of
    the width, not ending in punctuation) before a capital or a digit. Other lines go
    on the paragraph before them.
    """
    width = max(len(line.text.rstrip()) for line in block)
    out: list[_Raw] = []
    heading = False
    for line in block:
        marker = _marker(line.text)
        was_heading, heading = heading, _is_heading(line.text)
        if out and not marker and not heading and not was_heading and width <= _WRAP_WIDTH:
            previous = out[-1].lines[-1].text.strip()
            first = line.text.split()[0]
            fits = len(out[-1].lines[-1].text.rstrip()) + 1 + len(first) <= width
            last_word = previous.split()[-1] if previous.split() else ""
            ended = previous.endswith(_SENTENCE_ENDS) or (
                previous[-1:].isalnum()
                and len(previous) < 0.7 * width
                and (first[:1].isupper() or first[:1].isdigit())
                # A heading ends on a capital or is a few words ("Next steps"); a line of
                # prose copied from a PDF ends on any word ("the energy blackmail").
                and (not last_word[:1].islower() or len(previous.split()) <= 4)
            )
            if not (fits and ended):
                out[-1].lines.append(line)
                continue
        out.append(_Raw([line], marker))
    return out


_SENTENCE_ENDS = (".", "!", "?", "…", ":", ".\"", ".”", ".’", "?\"", "?”", "!\"", "!”", ".)")


# -- sections ---------------------------------------------------------------------------------


def _opens_section(line: str) -> bool:
    """Whether a line opens the FAQ or the sources ("FAQ:", "Sources:", "Sources: ...")."""
    text = " ".join(line.split())
    return bool(_FAQ_HEADING.fullmatch(text) or _SOURCES_HEADING.fullmatch(text))


def _is_heading(line: str) -> bool:
    """Whether a line is a section heading ("FAQ:", "Sources:", "Related links"): it is a
    paragraph of its own whatever stands around it."""
    return _opens_section(line) or _is_trailer(line)


def _is_trailer(line: str) -> bool:
    """Whether a line heads what a web page shows after the story ("Related links",
    "Tags: Moldova, ...", "For further information, contact ...")."""
    text = " ".join(_without(_BULLET, line).split()).rstrip(":").strip()
    return _TRAILER.fullmatch(text.casefold()) is not None or (
        _TRAILER_LINE.match(text) is not None
    )


_TRAILER_LINE = re.compile(
    r"(?:related|tags|topics|keywords|see also)\s*:\s*\S|"
    r"for (?:further|more) information\b|for media (?:enquiries|inquiries)\b|"
    r"media contacts?\s*:",
    re.IGNORECASE,
)


_FAQ_HEADING = re.compile(
    r"(?:faqs?|frequently asked questions|questions and answers|questions & answers|q ?& ?a)"
    r"\s*:?",
    re.IGNORECASE,
)
# "Sources:" alone, or "Sources: the first entry"; "Source: X" is one entry, not a
# heading (a credit line near the top must not turn the story into a sources list).
_SOURCES_HEADING = re.compile(
    r"(?:sources|references|further reading)\s*:(?P<rest>.*)|(?:sources?|references)\s*:?",
    re.IGNORECASE,
)
_ONE_SOURCE = re.compile(r"source\s*:\s*(?P<rest>\S.*)", re.IGNORECASE)
_QUESTION_PREFIX = re.compile(r"(?:q|question)\s*[:.)]\s*", re.IGNORECASE)
_ANSWER_PREFIX = re.compile(r"\A(?:a|answer)\s*[:.)]\s+", re.IGNORECASE)  # "A: ", "Answer. "

_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
_PUBLISHER_DASH = re.compile(r"\s+[–—-]+\s+")


def _source(line: _Line) -> SourceRef | None:
    """A sources-list entry: `– Publisher – Title`, `Publisher – Title`, `- Title (URL)`,
    a bare URL, or any other line as a title."""
    text = _without(_NUMBER, _without(_BULLET, line.text))
    text = re.sub(r"^\s*\[\d{1,3}\]\s*", "", text)
    url: str | None = None
    match = _URL.search(text)
    if match:
        url = match.group().rstrip(".,;:!?")
        while url.endswith((")", "]")) and url.count(url[-1]) > url.count(
            "(" if url[-1] == ")" else "["
        ):
            url = url[:-1]
        before = text[: match.start()]
        after = text[match.start() + len(url) :]
        # The brackets and separators around the address go with it.
        before = re.sub(r"[\s(\[<:,–—-]*$", "", before)
        after = re.sub(r"^[\s)\]>.,;]*", "", after)
        text = f"{before} {after}"
    title = " ".join(text.split()).strip(" –—-:,;")
    if not title:
        if url is None:
            return None
        return SourceRef(url, None, url, line.number)
    parts = _PUBLISHER_DASH.split(title, maxsplit=1)
    publisher = parts[0] if len(parts) == 2 and parts[0] and parts[1] else None
    return SourceRef(title, publisher, url, line.number)


def _split_question(text: str) -> tuple[str, str] | None:
    """(question, rest) when `text` opens with a question: a first sentence ending in
    '?' (or one marked `Q:`)."""
    marked = _QUESTION_PREFIX.match(text)
    if marked:
        text = text[marked.end() :]
    sentences = split_sentences(text)
    if not sentences:
        return None
    first = sentences[0]
    if first.text.rstrip("\"'”’)").endswith("?") or marked and len(sentences) == 1:
        return " ".join(first.text.split()), " ".join(text[first.end :].split())
    if marked:
        return " ".join(text.split()), ""
    return None


# -- headline ---------------------------------------------------------------------------------

_HEADLINE_MAX = 150
_NOT_HEADLINE_END = (".", ",", ";", ":", "…")


def _headline_like(raw: _Raw) -> bool:
    text = raw.text
    return (
        not raw.marker
        and 0 < len(text) <= _HEADLINE_MAX
        and not text.endswith(_NOT_HEADLINE_END)
    )


# -- the article ------------------------------------------------------------------------------


def parse_article(text: str, path: str) -> Article:
    """The parts of the article `text` (read from `path`, which is only recorded).

    Never raises; empty or blank text gives an article with nothing in it.
    """
    text = _LINE_BREAK.sub("\n", text.removeprefix("\ufeff"))
    lines = text.split("\n")
    date: str | None = None
    date_text: str | None = None
    found = find_dateline(text)
    if found is not None and any(
        _opens_section(line) for line in lines[: text.count("\n", 0, found[1])]
    ):
        found = None  # a date in a FAQ or a sources list is not the article's
    if found is not None:
        date, start, end = found
        date_text = strip_dateline(lines, text, start, end) or None
    numbered = [
        _Line(i + 1, "" if _is_junk(line) else line) for i, line in enumerate(lines)
    ]

    blocks: list[list[_Line]] = [[]]
    for line in numbered:
        if line.text.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    raws = [raw for block in blocks if block for raw in _paragraphs(block)]

    body: list[_Raw] = []
    faqs: list[Faq] = []
    sources: list[SourceRef] = []
    section = "body"
    for raw in raws:
        single = raw.text if len(raw.lines) == 1 else ""
        if single and _FAQ_HEADING.fullmatch(single):
            section = "faq"
            continue
        heading = _SOURCES_HEADING.fullmatch(single) if single else None
        if heading:
            section = "sources"
            rest = heading.group("rest")
            if rest and rest.strip():
                ref = _source(_Line(raw.line, rest))
                if ref is not None:
                    sources.append(ref)
            continue
        if single and _is_trailer(single):
            # "Related links" after the story: the rest is the page's, not the story's.
            if any(r.text.endswith(_SENTENCE_ENDS) for r in body):
                section = "trailer"
            continue
        if section == "trailer":
            continue
        one = _ONE_SOURCE.fullmatch(single) if single else None
        if one:
            ref = _source(_Line(raw.line, one.group("rest")))
            if ref is not None:
                sources.append(ref)
            continue
        if section == "sources":
            sources.extend(ref for line in raw.lines if (ref := _source(line)) is not None)
        elif section == "faq":
            _add_faq(raw, faqs, body)
        else:
            body.append(raw)

    headline: str | None = None
    lead = 0
    while lead < len(body) and _headline_like(body[lead]):
        lead += 1
    if 0 < lead < len(body):  # a headline needs a body after it
        # Of the short lines heading the text, the longest is the headline; those before
        # it are labels ("Readout", "Council of the EU", "Peace and Security").
        texts = [raw.text for raw in body[:lead]]
        chosen = texts.index(max(texts, key=len))
        headline = texts[chosen]
        del body[: chosen + 1]

    # Labels left above the text ("Readout", "Office of the Spokesperson", "HIGHLIGHTS"):
    # short lines that are no sentence, before the first sentence of the body. Headings
    # inside the text ("Background", "Next steps") are kept: they are part of it.
    first = next((n for n, raw in enumerate(body) if raw.text.endswith(_SENTENCE_ENDS)), None)
    if first is not None:
        body = [raw for n, raw in enumerate(body)
                if n >= first or raw.marker or not _label_like(raw.text)]
    paragraphs = [Paragraph(raw.text, raw.line, raw.marker) for raw in body]
    return Article(
        path, date, date_text, headline, [p for p in paragraphs if p.text], faqs, sources
    )


def _label_like(text: str) -> bool:
    words = text.split()
    return 0 < len(words) <= 5 and not text.endswith(_SENTENCE_ENDS + (",", ";"))


def _add_faq(raw: _Raw, faqs: list[Faq], body: list[_Raw]) -> None:
    """A paragraph of the FAQ section: a question, part of the last answer, or (before
    any question) a paragraph of the body."""
    text = raw.text
    split = _split_question(text)
    if split is not None and (not faqs or faqs[-1].answer or split[1]):
        question, answer = split
        faqs.append(Faq(question, _ANSWER_PREFIX.sub("", answer, count=1), raw.line))
        return
    if split is not None:
        # A second question line before any answer: the question goes on over lines.
        last = faqs[-1]
        faqs[-1] = last._replace(question=f"{last.question} {split[0]}")
        return
    if not faqs:
        body.append(raw)
        return
    answer = _ANSWER_PREFIX.sub("", text, count=1) if not faqs[-1].answer else text
    last = faqs[-1]
    faqs[-1] = last._replace(answer=f"{last.answer} {answer}".strip())


# -- derived text -----------------------------------------------------------------------------

TITLE_WIDTH = 80
"""A derived title has at most this many characters."""

# Introductory phrases a title leaves out: "In a recent conversation ..., the focus was"
# gives "The focus was ...".
_INTRO = re.compile(
    r"(?:in|on|during|after|following|at|amid|amidst|despite|while|as|with|since|before|"
    r"over|under|throughout|earlier|today|yesterday|last|this|speaking|ahead of|"
    r"according to)\b[^,;:]{0,120},\s+",
    re.IGNORECASE,
)
# Words that openly continue a sentence into the next: a point leaves them out.
_CONNECTIVE = re.compile(
    r"(?:furthermore|moreover|in addition|additionally|also|finally|lastly|separately|"
    r"meanwhile|besides|likewise|similarly),\s+",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"\s*(?:;|\s[–—]\s|\s-\s|:\s)")
# Words a title does not end on.
_DANGLING = frozenset(
    [
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and",
        "or", "but", "nor", "that", "which", "who", "whom", "whose", "as", "than", "into",
        "onto", "over", "under", "after", "before", "following", "during", "between",
        "among", "including", "its", "their", "his", "her", "our", "this", "these", "those",
        "not", "also",
    ]
)
# Words that open a phrase: a title cut inside one ends before it.
_PHRASE_STARTS = frozenset(
    [
        "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or", "but", "as",
        "into", "over", "under", "after", "before", "following", "during", "between", "among",
        "including", "that", "which", "who", "while", "amid", "against", "across", "through",
        "towards", "toward", "about", "since", "until", "without", "within", "because",
    ]
)
_TRAILING_PUNCTUATION = ".,;:!?…–—-\"'“”‘’([{ "


def _first_sentence(paragraph: str) -> str:
    sentences = split_sentences(paragraph)
    return " ".join(sentences[0].text.split()) if sentences else paragraph


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].islower() else text


def derive_title(article: Article) -> str:
    """A title: the headline when there is one; else one made from the first sentence
    of the body, at most `TITLE_WIDTH` characters, cut at a word, without trailing
    punctuation. "" for an article without headline or body.

    When the sentence opens with an introductory phrase and reports a happening of the
    article's date, the title is that happening's, made as its event's is ("In a recent
    conversation between A and B, the focus was on the need to X ..." -> "A and B discuss
    X-ing"). Otherwise the sentence loses an introductory phrase ("During the talks, the
    ministers agreed ..." -> "The ministers agreed ..."), stops at its first clause break (';',
    a spaced dash, ': '), and, when still too long, is cut at the last word that fits,
    then before the last phrase the cut went through ("of", "with", "following", ...)
    when at least 60% of the width is left, and never ends on a dangling "the", "of",
    "with" and the like, nor inside a parenthesis.
    """
    if article.headline:
        return article.headline
    summary = derive_summary(article)
    if _INTRO.match(summary) and article.paragraphs and article.date:
        # The cut would lose who it is about ("In a conversation between A and B, ...").
        lead = lead_title(article.paragraphs[0].text, article.date)
        if lead:
            return lead
    return title_from_sentence(summary)


def title_from_sentence(summary: str) -> str:
    """A title made from one sentence, by the rules `derive_title` describes; "" for
    an empty one."""
    if not summary:
        return ""
    title = summary
    intro = _INTRO.match(title)
    if intro and len(title[intro.end() :].split()) >= 4:
        title = _capitalize(title[intro.end() :])
    clause = _CLAUSE_END.search(title)
    if clause and len(title[: clause.start()].split()) >= 3:
        title = title[: clause.start()]
    title = title.strip(_TRAILING_PUNCTUATION)
    if len(title) <= TITLE_WIDTH:
        return title or summary[:TITLE_WIDTH].strip()
    kept = title[: TITLE_WIDTH + 1]
    # Cut inside a word, or just after one at the limit: the last word does not fit.
    kept = kept[: kept.rfind(" ")] if " " in kept else kept[:TITLE_WIDTH]
    if kept.count("(") > kept.count(")") and kept.rfind("(") > 0:
        kept = kept[: kept.rfind("(")]  # not half a parenthesis
    words = kept.split(" ")
    # End before the phrase the cut went through ("... talks on missing" -> "... talks"),
    # when enough of the sentence is left.
    for i in range(len(words) - 1, 0, -1):
        if words[i].casefold() in _PHRASE_STARTS:
            if len(" ".join(words[:i])) >= 0.6 * TITLE_WIDTH:
                words = words[:i]
            break
    while len(words) > 1 and (
        words[-1].strip(_TRAILING_PUNCTUATION).casefold() in _DANGLING
        or not words[-1].strip(_TRAILING_PUNCTUATION)
    ):
        words.pop()
    return " ".join(words).strip(_TRAILING_PUNCTUATION)[:TITLE_WIDTH]


def derive_summary(article: Article) -> str:
    """One sentence: the first sentence of the first body paragraph that ends like a
    sentence (a subtitle standing before the text is skipped), whitespace collapsed,
    the dateline already removed. "" for an article without body."""
    for paragraph in article.paragraphs:
        if paragraph.text.rstrip("\"'”’)").endswith((".", "!", "?", "…")):
            summary = _summary_of(paragraph.text)
            if summary:
                return summary
    return _first_sentence(article.paragraphs[0].text) if article.paragraphs else ""


# "(UNDP)", "(OSCE/ODIHR)": a summary reads without the short forms defined.
_DEFINED_SHORT = re.compile(r"\s+\([A-Z][\w/.&-]{1,14}\)(?=[\s,.;:])")


# Sentences about the text itself, not its news: "This is a summary of what was said by
# the spokesperson ... at today's press briefing".
_META = re.compile(
    r"(?:this|the following) is (?:a|the) (?:summary|transcript|text|statement)\b"
    r"|(?:the following|this) (?:statement|text) (?:is|was) (?:issued|released|attributable)",
    re.IGNORECASE,
)


def _summary_of(paragraph: str) -> str:
    """The first sentence of a paragraph that says something (not "This is a summary of
    what was said ..."), without the short forms it defines; "" when none does."""
    for sentence in split_sentences(paragraph):
        text = " ".join(sentence.text.split())
        if not _META.match(text):
            return _DEFINED_SHORT.sub("", text)
    return ""


MAX_POINTS = 6


def derive_points(article: Article) -> list[str]:
    """Key points, where the text allows, at most `MAX_POINTS`, in the order of the text:

    - for a body with numbered paragraphs (two or more), the first sentence of each;
    - else, for a body with a bulleted list, its items, capitalised and without the
      ';' or ', and' that joins list items;
    - else, for a body of at least three paragraphs, the first sentence of each
      paragraph after the first (the first gives the summary);
    - else none.

    A sentence loses an opening connective ("Furthermore, ..."); a point that repeats
    the summary or another point, or only introduces a list (ends with ':'), is left out.
    """
    paragraphs = article.paragraphs
    numbered = [p for p in paragraphs if p.marker == "number"]
    bullets = [p for p in paragraphs if p.marker == "bullet"]
    if len(numbered) >= 2:
        candidates = [_first_sentence(p.text) for p in numbered]
    elif bullets:
        candidates = [_capitalize(_LIST_JOIN.sub("", p.text)) for p in bullets]
    elif len(paragraphs) >= 3:
        candidates = [_first_sentence(p.text) for p in paragraphs[1:]]
    elif paragraphs:
        # A body of one or two paragraphs (a readout, a statement): its sentences after
        # the first, which gives the summary.
        sentences = [
            " ".join(s.text.split()) for p in paragraphs for s in split_sentences(p.text)
        ]
        candidates = [s for s in sentences[1:] if len(s.split()) >= 6]
    else:
        return []
    summary = derive_summary(article)
    points: list[str] = []
    for candidate in candidates:
        point = candidate
        connective = _CONNECTIVE.match(point)
        if connective and len(point[connective.end() :].split()) >= 3:
            point = _capitalize(point[connective.end() :])
        repeats = _DEFINED_SHORT.sub("", point) == summary
        if point and not point.endswith(":") and not repeats and point not in points:
            points.append(point)
        if len(points) == MAX_POINTS:
            break
    return points


_LIST_JOIN = re.compile(r"\s*[;,]\s*(?:and|or)?\s*$")


__all__ = [
    "MAX_POINTS",
    "TITLE_WIDTH",
    "Article",
    "Faq",
    "Paragraph",
    "SourceRef",
    "derive_points",
    "derive_summary",
    "derive_title",
    "parse_article",
]
