"""The streamed terminal timeline writes the bytes the grid layout wrote.

`TerminalRenderer._write_events` lays out a year's events without building spans, and
`layout.fold_lines` / the space-searching wrap skip the word-by-word walk; both are held
equal here to the general layout (`grid`, `wrap_spans`, the word walk) on arbitrary text:
titles and summaries with line breaks, runs of spaces, words wider than the column, wide
and combining characters, controls, senses and dates of every precision.
"""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st

from briefcli.knowledge.model import Event, Timeline
from briefcli.render import Output, layout
from briefcli.render.common import event_when, group_by_year
from briefcli.render.layout import Column, Span, grid, indent, to_text, wrap_spans
from briefcli.render.terminal import DATE, DIM, HEADING, RULE, TITLE, TerminalRenderer
from briefcli.text import visible
from conftest import examples, fixed_settings

TEXT = st.text(
    alphabet=st.sampled_from(list("ab cd  efghij\n\t\xa0é漢\u0301\x1b-")), max_size=70
)
WORD_TEXT = st.text(alphabet=st.sampled_from(list("ab  cdefghijklm  ")), max_size=90)
DATES = st.sampled_from(["2001", "2001-03", "2001-03-04", "2002-11-30", "1999", "bad"])


def _grid_timeline(result: Timeline, width: int, color: bool) -> str:
    """The timeline as the renderer wrote it before streaming: one grid per year."""
    out: list[list[Span]] = [layout.rule(width, [Span(visible(result.title), HEADING)], RULE)]
    for year, items in group_by_year(result.events):
        out += [[], [Span(visible(year), TITLE)]]
        rows = []
        for event in items:
            sense = result.senses.get(event.id)
            title = f"{event.title} [{sense}]" if sense else event.title
            cell = [Span(visible(title))]
            if event.summary:
                cell += [Span("\n"), Span(visible(event.summary), DIM)]
            rows.append((visible(event_when(event)), cell))
        out += indent(grid(rows, width - 2, (Column(style=DATE), Column())), 2)
    return to_text(out, color)


@fixed_settings(examples(200))
@given(
    st.lists(
        st.tuples(DATES, TEXT, st.none() | TEXT, st.booleans(), st.none() | DATES),
        min_size=1,
        max_size=8,
    ),
    st.integers(min_value=20, max_value=70),
    st.booleans(),
)
def test_streamed_timeline_matches_the_grid(
    rows: list[tuple[str, str, str | None, bool, str | None]], width: int, color: bool
) -> None:
    events = [
        Event(f"e{n}", date, title, end=end if end and end > date else None, summary=summary)
        for n, (date, title, summary, _, end) in enumerate(rows)
    ]
    senses = {f"e{n}": "a sense" for n, row in enumerate(rows) if row[3]}
    result = Timeline("Timeline of X", events, senses)
    stream = io.StringIO()
    TerminalRenderer(Output(stream, color=color, width=width)).timeline(result)
    assert stream.getvalue() == _grid_timeline(result, width, color)


@fixed_settings(examples(300))
@given(WORD_TEXT, st.integers(min_value=1, max_value=20))
def test_space_search_wrap_matches_the_word_walk(text: str, width: int) -> None:
    assert layout._spaced_offsets(text, width) == layout._ascii_offsets(text, width)


@fixed_settings(examples(200))
@given(TEXT, st.integers(min_value=1, max_value=30), st.sampled_from(["", DIM]))
def test_fold_lines_matches_wrap_spans(text: str, width: int, style: str) -> None:
    text = visible(text)
    expected = ["".join(s.text for s in line) for line in wrap_spans([Span(text, style)], width)]
    assert layout.fold_lines(text, width) == expected
