"""The records that flow between the stages (pipelines.models) as Arrow tables, and back.

The Arrow schema of a record type is derived from its dataclass type hints, so every batch file of a stage
has the same columns, typed: nested records become structs, lists, tuples and sets become lists (a set
sorted), dates stay dates. A free-form mapping (a sidecar's fields, what the HTML reader found) is kept as
JSON text, its keys being whatever the file gave. Nothing here can run code: a batch file is data.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import types
import typing
from collections.abc import Callable
from functools import cache

import pyarrow as pa

_SCALARS = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), dt.date: pa.date32()}


def _without_none(hint: object) -> object:
    """X for X | None."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        [inner] = [a for a in typing.get_args(hint) if a is not type(None)]
        return inner
    return hint


@cache
def _fields(cls: type) -> tuple[tuple[str, object], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, hints[f.name]) for f in dataclasses.fields(cls))


def _is_mapping(hint: object) -> bool:
    return hint is dict or typing.get_origin(hint) is dict


def _item(hint: object) -> object:
    """The item type of list[X], set[X], tuple[X, ...] or tuple[X, X] (tuples here hold one type)."""
    [item] = {a for a in typing.get_args(hint) if a is not Ellipsis}
    return item


def arrow_type(hint: object) -> pa.DataType:
    hint = _without_none(hint)
    if hint in _SCALARS:
        return _SCALARS[hint]
    if dataclasses.is_dataclass(hint):
        return pa.struct([pa.field(name, arrow_type(h)) for name, h in _fields(hint)])
    if _is_mapping(hint):
        return pa.string()
    if typing.get_origin(hint) in (list, tuple, set, frozenset):
        return pa.list_(arrow_type(_item(hint)))
    raise TypeError(f"no Arrow type for {hint!r}")


@cache
def schema(cls: type) -> pa.Schema:
    return pa.schema([pa.field(name, arrow_type(h)) for name, h in _fields(cls)],
                     metadata={"record": cls.__name__})


def _identity(value: object) -> object:
    return value


@cache
def _to_arrow(hint: object) -> Callable[[object], object]:
    """The function that turns a value of this type into what Arrow stores for it. Built once per type: the
    workers convert every mention, quote and date of a batch."""
    hint = _without_none(hint)
    if hint in _SCALARS:
        return _identity
    if dataclasses.is_dataclass(hint):
        fields = [(name, _to_arrow(h)) for name, h in _fields(hint)]
        return lambda value: None if value is None else {name: convert(getattr(value, name))
                                                          for name, convert in fields}
    if _is_mapping(hint):
        return lambda value: None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)
    item = _to_arrow(_item(hint))

    def convert_items(value: object) -> object:
        if value is None:
            return None
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return list(items) if item is _identity else [item(v) for v in items]
    return convert_items


@cache
def _from_arrow(hint: object) -> Callable[[object], object]:
    """The function that turns what Arrow stores back into a value of this type (see _to_arrow)."""
    hint = _without_none(hint)
    if hint in _SCALARS:
        return _identity
    if dataclasses.is_dataclass(hint):
        fields = [(name, _from_arrow(h)) for name, h in _fields(hint)]
        return lambda value: None if value is None else hint(**{name: convert(value[name])
                                                                 for name, convert in fields})
    if _is_mapping(hint):
        return lambda value: None if value is None else json.loads(value)
    origin, item = typing.get_origin(hint), _from_arrow(_item(hint))

    def convert_items(value: object) -> object:
        if value is None:
            return None
        items = value if item is _identity else [item(v) for v in value]
        return items if origin is list else origin(items)
    return convert_items


def to_table(records: list, cls: type) -> pa.Table:
    convert = _to_arrow(cls)
    return pa.Table.from_pylist([convert(r) for r in records], schema=schema(cls))


def from_table(table: pa.Table, cls: type) -> list:
    convert = _from_arrow(cls)
    return [convert(row) for row in table.to_pylist()]
