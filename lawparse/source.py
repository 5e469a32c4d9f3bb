"""Loading and decoding source text, and mapping offsets to lines and columns.

Post-conditions of :func:`decode`: the returned string is exactly the decoded input: no
newline translation, no stripping, no Unicode normalisation. A UTF-8 byte order mark is the
only thing removed, because it is an encoding artefact, not text. Every span in a
:class:`~lawparse.model.Regulation` is an offset into this string.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import DecodeError, InvalidDateError, LawParseError

__all__ = ["SourceText", "decode", "read_source"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def decode(data: bytes, encoding: str = "utf-8") -> str:
    """Decode bytes strictly; a bad byte raises :class:`DecodeError` naming its offset.

    >>> decode(b"Article 1 Text")
    'Article 1 Text'
    """
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in {"utf-8", "utf8"} else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        bad = data[error.start : error.end].hex(" ")
        raise DecodeError(
            f"input is not valid {encoding}: byte(s) {bad} at byte offset {error.start}",
            line=line,
            column=column,
            offset=error.start,
        ) from None
    except LookupError:
        raise LawParseError(f"unknown encoding {encoding!r}") from None


def read_source(path: str | Path, encoding: str = "utf-8") -> str:
    """Read a file and decode it with :func:`decode`."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise LawParseError(f"cannot read {path}: {error.strerror or error}") from None
    return decode(data, encoding)


@dataclass(frozen=True)
class SourceText:
    """The text being parsed with a line index for offset -> (line, column) lookups.

    Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r``, as a reader of the text would count
    them. The index is built on first use: a parse that raises nothing never pays for it.

    ``invalid_dates`` is the error policy for impossible dates found while reading the text:
    ``None`` raises the first one, a list collects them all (``parse(errors="collect")``).
    """

    text: str
    invalid_dates: list[InvalidDateError] | None = field(default=None, compare=False)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(match.end() for match in _LINE_BREAK.finditer(self.text))]

    @property
    def sha256(self) -> str:
        """Hex digest of the UTF-8 encoding of the text."""
        import hashlib  # loaded here: it is a noticeable part of `import lawparse`

        return hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    def line_column(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line_index = bisect.bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        starts = self._line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    def excerpt(self, offset: int, width: int = 80) -> str:
        """The source line around ``offset`` with a caret under it, for error messages."""
        line, column = self.line_column(offset)
        text = self.line_text(line)
        left = max(0, column - 1 - width // 2)
        shown = "".join(ch if ch.isprintable() else " " for ch in text[left : left + width])
        return f"  {shown}\n  {' ' * (column - 1 - left)}^"

    def error(
        self, cls: type[LawParseError], message: str, offset: int, length: int = 0
    ) -> LawParseError:
        """Build an error of class ``cls`` located at ``offset`` (covering ``length``)."""
        line, column = self.line_column(offset)
        return cls(
            message,
            line=line,
            column=column,
            offset=offset,
            excerpt=self.excerpt(offset),
            length=length,
        )
