"""Edit round-trip YAML containers without moving anyone's comments.

ruamel stores a comment that sits between two entries (a section rule between projects, the
comment before ``committee:``) as the *post* comment of the deepest last scalar before it. An
entry inserted after that scalar, or the removal of it, would carry the comment to the wrong
place; these helpers split such a comment into its end-of-line part (stays with its line) and
the lines below it (move, so they stay just above the entry that follows them).
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken

Container = CommentedMap | CommentedSeq


def _is_block(value: Any) -> bool:
    return isinstance(value, (CommentedMap, CommentedSeq)) and len(value) > 0 and not value.fa.flow_style()


def _last_key(node: Container) -> Any:
    return list(node.keys())[-1] if isinstance(node, CommentedMap) else len(node) - 1


def _slots(node: Container, key: Any) -> list[tuple[Container, Any]]:
    """The (container, key) slots, outermost first, where a comment after ``node[key]`` may live."""
    slots = [(node, key)]
    value = node[key]
    while _is_block(value):
        last = _last_key(value)
        slots.append((value, last))
        value = value[last]
    return slots


def _index(node: Container) -> int:
    return 2 if isinstance(node, CommentedMap) else 0


def _take(node: Container, key: Any) -> CommentToken | None:
    """Remove and return the comment after entry ``key`` (deepest slot holding one)."""
    for holder, k in reversed(_slots(node, key)):
        entry = holder.ca.items.get(k)
        i = _index(holder)
        if entry and len(entry) > i and isinstance(entry[i], CommentToken):
            token = entry[i]
            entry[i] = None
            return token  # type: ignore[no-any-return]
    return None


def _put(node: Container, key: Any, token: CommentToken | None) -> None:
    """Append a comment after entry ``key``, in its deepest slot (as ruamel would have)."""
    if token is None:
        return
    holder, k = _slots(node, key)[-1]
    i = _index(holder)
    entry = holder.ca.items.setdefault(k, [None, None, None, None] if i == 2 else [None, None])
    if isinstance(entry[i], CommentToken):
        entry[i].value += token.value[1:] if token.value.startswith("\n") else token.value
    else:
        entry[i] = token


def _split(token: CommentToken | None) -> tuple[CommentToken | None, CommentToken | None]:
    """(end-of-line comment of the entry, the comment lines below it)."""
    if token is None or not token.value.startswith("#"):
        return None, token
    head, _, rest = token.value.partition("\n")
    token.value = head + "\n"
    return token, (CommentToken("\n" + rest, CommentMark(0), None) if rest else None)


def insert_key(node: CommentedMap, pos: int, key: str, value: Any) -> None:
    """Insert ``key`` at ``pos``; comments below the previous entry stay below the new one."""
    prev = list(node.keys())[pos - 1] if pos > 0 else None
    head, rest = _split(_take(node, prev)) if prev is not None else (None, None)
    node.insert(pos, key, value)
    if prev is not None:
        _put(node, prev, head)
        _put(node, key, rest)


def delete_key(node: CommentedMap, key: str) -> None:
    """Remove ``key``; comment lines below it move up to the previous entry."""
    keys = list(node.keys())
    pos = keys.index(key)
    _, rest = _split(_take(node, key))
    node.ca.items.pop(key, None)
    del node[key]
    if pos > 0:
        _put(node, keys[pos - 1], rest)


def insert_item(seq: CommentedSeq, index: int, value: Any) -> None:
    """Insert ``value`` at ``index`` of a block sequence, keeping comments in place."""
    if index == 0 or not len(seq):
        seq.insert(index, value)
        return
    head, rest = _split(_take(seq, index - 1))
    seq.insert(index, value)
    _put(seq, index - 1, head)
    _put(seq, index, rest)


def flow_seq(items: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def flow_map(pairs: list[tuple[str, Any]]) -> CommentedMap:
    node = CommentedMap(pairs)
    node.fa.set_flow_style()
    return node
