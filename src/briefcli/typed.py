"""`NamedTuple` and `cast` without importing `typing` (or `collections`) at run time.

`typing` costs a warm lookup about a fifth of the interpreter's own start-up (it imports
`re`, `contextlib` and more, and its NamedTuple compiles string annotations), and
`collections.namedtuple` imports `collections` and compiles a `__new__` for every class
(a lookup defines about twenty). Type checkers see `typing`'s own; at run time a record
class is a tuple subclass made here from the class body's annotations (its fields, in
order, and their defaults), with the body's methods, properties and docstring, and
`cast` returns its value. Nothing is compiled: fields are read by index (the C getter
`collections.namedtuple` uses), and one `__new__` shared by every class binds positional
and keyword arguments as a named tuple's does. The class has what brief uses of a named
tuple: `_fields`, `_field_defaults`, `_make`, `_replace`, `_asdict`, its repr, equality
and pickling as a tuple. Modules using them write `from __future__ import annotations`,
so that no annotation is evaluated.
"""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NamedTuple as NamedTuple
    from typing import cast as cast
else:
    try:
        from _collections import _tuplegetter
    except ImportError:  # pragma: no cover (another interpreter)
        from operator import itemgetter

        def _tuplegetter(index, doc):
            return property(itemgetter(index), doc=doc)

    _MADE = frozenset({"__module__", "__qualname__", "__annotations__", "__classcell__"})
    _new_tuple = tuple.__new__

    def _new(cls, *args, **kwargs):
        if kwargs or len(args) != len(cls._fields):
            missing = len(cls._fields) - len(args)
            if kwargs or not 0 < missing <= len(cls._defaults):
                args = cls._bind(args, kwargs)
            else:  # the last fields left to their defaults
                args += cls._defaults[-missing:]
        return _new_tuple(cls, args)

    def _bind(cls, args, kwargs):
        """The values of a record's fields from the arguments of a call, by the rules of
        a function whose parameters are the fields (with their defaults)."""
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(f"{cls.__name__}() takes {len(fields)} positional arguments "
                            f"but {len(args)} were given")
        values = list(args)
        defaults = cls._field_defaults
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in defaults:
                values.append(defaults[name])
            else:
                raise TypeError(f"{cls.__name__}() missing required argument: {name!r}")
        if kwargs:
            name = next(iter(kwargs))
            if name in fields:
                raise TypeError(f"{cls.__name__}() got multiple values for argument {name!r}")
            raise TypeError(f"{cls.__name__}() got an unexpected keyword argument {name!r}")
        return values

    class _Record(tuple):
        """What every record class shares: made once, not per class."""

        __slots__ = ()
        __new__ = _new
        _bind = classmethod(_bind)

        @classmethod
        def _make(cls, iterable):
            values = tuple(iterable)
            if len(values) != len(cls._fields):
                raise TypeError(f"expected {len(cls._fields)} arguments, got {len(values)}")
            return _new_tuple(cls, values)

        def _replace(self, **changes):
            pairs = zip(self._fields, self, strict=True)
            values = [changes.pop(name, value) for name, value in pairs]
            if changes:
                raise ValueError(f"got unexpected field names: {list(changes)!r}")
            return _new_tuple(type(self), values)

        def _asdict(self):
            return dict(zip(self._fields, self, strict=True))

        def __repr__(self):
            pairs = zip(self._fields, self, strict=True)
            shown = ", ".join(f"{name}={value!r}" for name, value in pairs)
            return f"{type(self).__name__}({shown})"

        def __getnewargs__(self):
            return tuple(self)

    class _Maker(type):
        def __new__(mcls, name, bases, ns):
            if not bases:  # NamedTuple itself
                return super().__new__(mcls, name, bases, ns)
            if "__classcell__" in ns:
                raise TypeError(f"{name}: super() in a NamedTuple body is not supported")
            annotations = ns.get("__annotations__", {})
            fields = tuple(annotations)
            defaults = {f: ns[f] for f in fields if f in ns}
            required = [f for f in fields if f not in defaults]
            if required and fields.index(required[-1]) >= len(fields) - len(defaults):
                raise TypeError(f"{name}: a field without a default follows one with one")
            body = {
                "__slots__": (), "__doc__": f"{name}({', '.join(fields)})",
                "_fields": fields, "_field_defaults": defaults, "__match_args__": fields,
                "_defaults": tuple(defaults.values()),  # those of the last fields, in order
            }
            for index, field in enumerate(fields):
                body[field] = _tuplegetter(index, f"Alias for field number {index}")
            for key, value in ns.items():
                if key not in _MADE and key not in annotations:
                    body[key] = value
            made = type.__new__(type, name, (_Record,), body)
            made.__module__ = ns.get("__module__", made.__module__)
            made.__qualname__ = ns.get("__qualname__", name)
            made.__annotations__ = annotations
            return made

    class NamedTuple(metaclass=_Maker):
        """The base of a record class (see the module's docstring)."""

    def cast(_type, value):
        return value

__all__ = ["NamedTuple", "cast"]
