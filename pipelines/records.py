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


def _to_arrow(value: object, hint: object) -> object:
    hint = _without_none(hint)
    if value is None or hint in _SCALARS:
        return value
    if dataclasses.is_dataclass(hint):
        return {name: _to_arrow(getattr(value, name), h) for name, h in _fields(hint)}
    if _is_mapping(hint):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    items = sorted(value) if isinstance(value, (set, frozenset)) else value
    return [_to_arrow(v, _item(hint)) for v in items]


def _from_arrow(value: object, hint: object) -> object:
    hint = _without_none(hint)
    if value is None or hint in _SCALARS:
        return value
    if dataclasses.is_dataclass(hint):
        return hint(**{name: _from_arrow(value[name], h) for name, h in _fields(hint)})
    if _is_mapping(hint):
        return json.loads(value)
    origin = typing.get_origin(hint)
    items = [_from_arrow(v, _item(hint)) for v in value]
    return items if origin is list else origin(items)


def to_table(records: list, cls: type) -> pa.Table:
    return pa.Table.from_pylist([_to_arrow(r, cls) for r in records], schema=schema(cls))


def from_table(table: pa.Table, cls: type) -> list:
    return [_from_arrow(row, cls) for row in table.to_pylist()]
