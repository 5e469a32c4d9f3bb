"""What changed between two versions of a regulation: :func:`diff`.

``lawparse`` imports this module when it is imported, because the function shadows its
module of the same name (as :mod:`lawparse.validate` does), so it stays light: the models,
the parser and the comparison itself (:mod:`lawparse.comparison`) load with the first call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .comparison import Diff
    from .model import Regulation

__all__ = ["diff"]


def diff(old: Regulation | str, new: Regulation | str) -> Diff:
    """The provisions added, removed, changed or only renumbered from ``old`` to ``new``
    (regulations, or texts to parse), aligned by wording, not by number; formatting alone
    (whitespace, full-width or half-width marks, quotes, ○ for 〇) is not an edit.

    >>> import lawparse
    >>> old = lawparse.parse("第一条 总则。\\n第二条 定义。\\n第三条 施行。")
    >>> new = lawparse.parse("第一条 总则。\\n第二条 范围。\\n第三条 定义。\\n第四条 施行。")
    >>> [(e.kind, e.old, e.new) for e in diff(old, new).edits]
    [('added', None, 'art_2'), ('renumbered', 'art_2', 'art_3'), ('renumbered', 'art_3', 'art_4')]
    """
    from . import comparison

    return comparison.diff(old, new)
