"""One bounded memory for answers that recur.

A report names the same places, words and phrases sentence after sentence,
so each answer is worked out once; the memory forgets everything when it
is full, so a long-lived process or a hostile text stays bounded.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")

#: Most answers one memory keeps.
LIMIT = 65_536


def remembered(memory: dict[Key, Value], key: Key, work_out: Callable[[Key], Value]) -> Value:
    """``memory[key]``, worked out with ``work_out(key)`` the first time (and again once the memory was full)."""
    if key in memory:
        return memory[key]
    if len(memory) >= LIMIT:
        memory.clear()
    value = memory[key] = work_out(key)
    return value
