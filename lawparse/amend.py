"""Apply an amending instrument to the act it amends: :func:`amend`.

``lawparse`` imports this module when it is imported, because the function shadows its
module of the same name (as :mod:`lawparse.diff` does), so it stays light: the reader and
the applier (:mod:`lawparse.amending`) load with the first call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .amending import Instrument
    from .model import Regulation

__all__ = ["amend"]


def amend(base: Regulation | str, amendment: Regulation | str | Instrument) -> Regulation:
    """The consolidated regulation: the amending instrument ``amendment`` (修正案, 关于修改
    ……的决定, or a text of one) applied to ``base``. Its ``render.text`` is the consolidated
    text; it carries an ``amended`` event of the instrument's date, and the instrument's
    entry into force as the commencement of the provisions it changed. An instruction that
    cannot be read or applied is a diagnostic (LP401, LP402, LP403), never skipped.

    >>> import lawparse
    >>> base = "第一条 总则。\\n第二条 旧的规定。\\n"
    >>> change = "关于修改的决定\\n\\n一、将第二条修改为：“新的规定。”\\n"
    >>> lawparse.render.text(amend(base, change))
    '第一条 总则。\\n第二条 新的规定。\\n'
    """
    from . import amending

    return amending.amend(base, amendment)
