"""What a rebuild must look at again: from what changed in the knowledge since the last
build, the subjects of the pages whose inputs may differ.

The manifest keeps, for every record, its digest (`Knowledge.digests`) and its relations
(`Knowledge.relations`: the records it names, its tags, an entity's acronym and sense).
A page is about a subject (`Job.subjects`: a record, an entity's timeline, a tag) and
shows only records that are its subject, that its subject names, that name its subject,
that carry its tag, or that share an acronym or a sense with it; and what a page shows of
a record (`Knowledge.print_of`) is the record's digest, which of the records it names
exist, and for an entity whether it has events. So a page's inputs can differ only when
one of these records changed, and the pages to look at again are found from the changed
records and their relations, old (from the manifest) and new. A page about anything else
keeps the digest of inputs the last build recorded: it is neither made nor hashed. Pages
that list the whole knowledge (the home page, the glossary, the lists of tags and
briefings) have no subject and are always looked at (`site.build`).
"""

from __future__ import annotations

from briefcli.site.memory import ACRONYM, SENSE, Knowledge

# A record's key -> (its digest, its relations), as the manifest keeps them.
Records = dict[str, tuple[str, tuple[str, ...]]]


def current(k: Knowledge, old: Records,
            changed: list[tuple[str, str]] | None = None) -> Records:
    """Every record's digest and relations now; the relations of a record whose digest is
    the one recorded are taken from the record (they are a function of what it holds).
    The (kind, id) of every record that is not as recorded go into `changed`."""
    out: Records = {}
    for (kind, rid), digest in k.digests.items():
        key = f"{kind}:{rid}"
        before = old.get(key)
        if before is not None and before[0] == digest:
            out[key] = before
        else:
            out[key] = (digest, tuple(k.relations(k.records[kind][rid])))
            if changed is not None:
                changed.append((kind, rid))
    return out


def dirty(old: Records, new: Records) -> set[str]:
    """The subjects of the pages whose inputs may have changed between the knowledge
    `old` described and the knowledge `new` describes (empty: none did)."""
    changed = {key for key, (digest, _) in new.items()
               if key not in old or old[key][0] != digest}
    changed.update(key for key in old if key not in new)
    if not changed:
        return set()
    before = {key: old[key] for key in changed if key in old}

    def relations(key: str) -> tuple[str, ...]:
        return before.get(key, ("", ()))[1] + new.get(key, ("", ()))[1]

    def naming(targets: set[str]) -> set[str]:
        """The records whose relations (now, or before they changed) hold a target."""
        if not targets:
            return set()
        return {key for table in (new, before) for key, (_, held) in table.items()
                if held and not targets.isdisjoint(held)}

    # The records whose print may differ: the changed ones; those that name a record
    # that appeared or went (which of the records they name exist); the entities a
    # changed event names (whether they have events).
    came_or_went = {key for key in changed if (key in old) != (key in new)}
    shown = set(changed) | naming(came_or_went)
    for key in changed:
        if key.startswith("event:"):
            shown.update(r for r in relations(key) if r.startswith("entity:"))
    # The pages that show one of them: about it, about what it names or carries, about
    # what names it, about what shares its acronym or sense.
    subjects = set(shown)
    groups: set[str] = set()
    for key in shown:
        held = relations(key)
        subjects.update(held)
        groups.update(r for r in held if r.startswith((ACRONYM, SENSE)))
    subjects |= naming(shown | groups)
    return subjects


# The compact form of the records part of a manifest: one text, a row per record (the
# key, the digest, the relations), fields apart by a tab and rows by a newline; read with
# two `split`s instead of a decoded list per row. A field holding either is kept in the
# list form (`rows`).
_FIELD, _ROW = "\t", "\n"


def parse(value: object) -> Records:
    """The records part of a manifest, in either form (anything unexpected is left out: a
    record missing there only makes its pages looked at again)."""
    out: Records = {}
    if type(value) is str:
        for row in value.split(_ROW) if value else ():
            key, _, rest = row.partition(_FIELD)
            digest, _, held = rest.partition(_FIELD)
            if key and digest:
                out[key] = (digest, tuple(held.split(_FIELD)) if held else ())
        return out
    if not isinstance(value, list):
        return out
    # (Decoded JSON: a text is a `str`, never a subclass; the types are seen in C.)
    for row in value:
        if type(row) is list and len(row) == 3:
            key, digest, held = row
            if (type(key) is str and type(digest) is str and type(held) is list
                    and set(map(type, held)) <= {str}):
                out[key] = (digest, tuple(held))
    return out


def rows(records: Records) -> str | list[tuple[str, str, tuple[str, ...]]]:
    """The records part of a manifest, in a fixed order: the compact text, or the list of
    rows when a field is empty or holds a tab or a newline (JSON writes tuples as arrays)."""
    keys = sorted(records)
    text = _ROW.join([_FIELD.join((key, records[key][0], *records[key][1])) for key in keys])
    fields = sum(len(records[key][1]) for key in keys) + 2 * len(keys)
    empty = (_FIELD + _FIELD, _FIELD + _ROW, _ROW + _FIELD, _ROW + _ROW)
    if (text.count(_ROW) == max(0, len(keys) - 1)
            and text.count(_FIELD) == fields - len(keys)
            and not any(pair in text for pair in empty)
            and not text.startswith((_FIELD, _ROW)) and not text.endswith((_FIELD, _ROW))):
        return text
    return [(key, *records[key]) for key in keys]
