"""`NamedTuple` and `cast` without importing `typing` at run time.

`typing` costs a warm lookup about a fifth of the interpreter's own start-up (it imports
`re`, `contextlib` and more, and its NamedTuple compiles string annotations). Type
checkers see `typing`'s own; at run time a record class is made by
`collections.namedtuple` from the class body's annotations (its fields, in order, and
their defaults), with the body's methods, properties and docstring, and `cast` returns
its value. Modules using them write `from __future__ import annotations`, so that no
annotation is evaluated.
"""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
    from typing import cast as cast
else:
    from collections import namedtuple

    _MADE = frozenset({"__module__", "__qualname__", "__annotations__", "__classcell__"})

    class _Maker(type):
        def __new__(mcls, name, bases, ns):
            if not bases:  # NamedTuple itself
                return super().__new__(mcls, name, bases, ns)
            if "__classcell__" in ns:
                raise TypeError(f"{name}: super() in a NamedTuple body is not supported")
            annotations = ns.get("__annotations__", {})
            fields = list(annotations)
            defaults = [ns[f] for f in fields if f in ns]
            made = namedtuple(name, fields, defaults=defaults or None,
                              module=ns.get("__module__"))
            for key, value in ns.items():
                if key not in _MADE and key not in annotations:
                    setattr(made, key, value)
            made.__qualname__ = ns.get("__qualname__", name)
            made.__annotations__ = annotations
            return made

    class NamedTuple(metaclass=_Maker):
        """The base of a record class (see the module's docstring)."""

    def cast(_type, value):
        return value

__all__ = ["NamedTuple", "cast"]
