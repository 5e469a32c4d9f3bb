"""The Lark LALR parser of ``grammars/structure.lark``, built once per process.

Lark runs over the tokens the lexers made (its custom-lexer protocol); the analysed grammar
is cached in the user's cache folder, so a new process loads it in about 2 ms.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from lark import Lark, Token, Transformer
from lark.exceptions import LarkError, UnexpectedInput
from lark.lexer import Lexer

from ..errors import StructureError
from ..source import SourceText
from .tokens import grouped

__all__ = ["grammar_path", "parse_tokens", "structure_parser"]


def grammar_path(name: str) -> Path:
    """Path of a shipped grammar: inside the installed package, else the source tree."""
    packaged = resources.files("lawparse") / "grammars" / name
    if packaged.is_file():
        return Path(str(packaged))
    source_tree = Path(__file__).resolve().parent.parent.parent / "grammars" / name
    if source_tree.is_file():
        return source_tree
    raise FileNotFoundError(f"grammar {name} is missing from the lawparse installation")


class _TokenStream(Lexer):
    """Hands Lark the tokens the lexers already made (Lark's custom-lexer protocol)."""

    def __init__(self, lexer_conf: Any) -> None:
        del lexer_conf

    def lex(self, data: Any) -> Iterator[Token]:  # type: ignore[override]
        yield from data


@cache
def structure_parser(transformer: Transformer[Token, Any] | None = None) -> Lark:
    """The LALR parser of the structure grammar, built once per process (and transformer).

    One grammar serves every language: the lexers turn "Article 12" and its Chinese form
    alike into ARTICLE tokens, so what differs between languages lives in the lexers.
    With a ``transformer``, the parser calls it as each rule is reduced and returns what it
    makes of the start rule, instead of building a tree for it to walk afterwards.
    """
    path = grammar_path("structure.lark")
    return Lark(
        path.read_text(encoding="utf-8"),
        parser="lalr",
        lexer=_TokenStream,
        propagate_positions=False,
        maybe_placeholders=True,
        transformer=transformer,
        cache=_grammar_cache("structure"),
    )


def _grammar_cache(name: str) -> str | bool:
    """Where Lark keeps the analysed grammar between processes: a new process (a worker, a
    CLI call) loads it in about 2 ms instead of analysing the grammar for about 30. Lark
    checks the grammar's hash on load and rebuilds a stale or damaged file.

    The file is a pickle, so it lives in the user's own cache folder, not in the shared
    temporary folder Lark would use (where another user could plant one); without a writable
    folder there is no cache.
    """
    import os
    import sys

    from lark import __version__ as lark_version

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "lawparse"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return False
    if not os.access(folder, os.W_OK):
        return False
    python = f"{sys.version_info[0]}{sys.version_info[1]}"
    return str(folder / f"{name}-lark{lark_version}-py{python}.cache")


def parse_tokens(
    source: SourceText, tokens: list[Token], transformer: Transformer[Token, Any] | None = None
) -> Any:
    """The parse tree of a token stream (content runs grouped, see
    :func:`~lawparse.structure.tokens.grouped`), or what ``transformer`` makes of it; a
    stream the grammar rejects raises :class:`~lawparse.errors.StructureError` at the
    offending token (no Lark error leaves)."""
    try:
        parser = structure_parser(transformer)
        return parser.parse(grouped(tokens))  # type: ignore[arg-type,unused-ignore]
    except UnexpectedInput as error:
        offset = int(getattr(getattr(error, "token", None), "start_pos", 0) or 0)
        raise source.error(
            StructureError, f"unexpected structure: {type(error).__name__}", offset
        ) from None
    except LarkError as error:
        raise source.error(StructureError, f"structure grammar failed: {error}", 0) from None
