"""The fields of an entity's profile, in order and labelled, decided once.

Every renderer that shows a profile (terminal, Markdown, HTML, and so the site) walks
`profile_fields()` and only formats each field by its `key`: the labels, their order and
what is shown are the same in every format.
"""

from __future__ import annotations

from briefcli.knowledge.model import Definition
from briefcli.typed import NamedTuple

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any



class Field(NamedTuple):
    """One field of a view: `key` says what `value` holds, `label` is what it is called."""

    key: str
    label: str
    value: Any


# key -> label, in the order a profile shows them.
PROFILE_LABELS: dict[str, str] = {
    "kind": "Kind",  # text
    "role": "Role",  # text
    "file": "File",  # text: where it is written (`define --verbose`)
    "aliases": "Aliases",  # list of text
    "tags": "Tags",  # list of text: a sense's context, "(CPU)", "(RFC 791)"
    "related": "Related",  # entities it links to
    "referrers": "Linked from",  # entities that link to it
    "events": "Events",  # its latest events, oldest first
    "briefings": "Briefings",  # briefings that name it, the latest first
    "faqs": "Questions",  # FAQs that name it
    "copies": "Also in",  # the same sense written elsewhere
    "sources": "Sources",  # its sources
}


def profile_fields(d: Definition) -> list[Field]:
    """The fields of a definition's profile that have a value, in PROFILE_LABELS order."""
    e = d.entity
    values: dict[str, Any] = {
        "kind": e.kind,
        "role": e.role,
        "file": d.file,
        "aliases": list(e.aliases),
        "tags": list(e.tags),
        "related": d.related,
        "referrers": d.referrers,
        "events": d.events,
        "briefings": d.briefings,
        "faqs": d.faqs,
        "copies": d.copies,
        "sources": d.sources,
    }
    return [Field(key, label, values[key]) for key, label in PROFILE_LABELS.items()
            if values[key]]
