"""Bad input gets a typed error with a position, never a bare traceback."""

from __future__ import annotations

import pytest

import lawparse
from lawparse import (
    DecodeError,
    EmptyInputError,
    InvalidDateError,
    LawParseError,
    NoStructureError,
)
from lawparse.source import decode


@pytest.mark.parametrize("text", ["", " ", "\n\n\t \r\n", "\u3000\u00a0"], ids=repr)
def test_empty_or_whitespace_input(text: str) -> None:
    with pytest.raises(EmptyInputError) as caught:
        lawparse.parse(text)
    assert caught.value.code == "LP001"
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    "text",
    ["hello world", "lorem ipsum dolor sit amet, consectetur adipiscing elit.", "1234 5678"],
)
def test_text_without_structure(text: str) -> None:
    with pytest.raises(NoStructureError) as caught:
        lawparse.parse(text)
    assert (caught.value.line, caught.value.column) == (1, 1)


def test_binary_garbage_is_refused_with_its_position() -> None:
    garbage = bytes(range(256)).decode("latin-1") * 4
    with pytest.raises(NoStructureError) as caught:
        lawparse.parse(garbage)
    assert caught.value.offset == 0
    assert "binary" in str(caught.value)


def test_invalid_utf8_names_the_byte_offset() -> None:
    data = b"Article 1 Text.\nArticle 2 " + b"\xff\xfe bad"
    with pytest.raises(DecodeError) as caught:
        decode(data)
    assert caught.value.offset == 26
    assert caught.value.line == 2
    assert "ff" in str(caught.value)


def test_utf8_bom_is_removed_and_spans_index_the_decoded_text() -> None:
    text = decode("\ufeffArticle 1 Text.".encode())
    assert text == "Article 1 Text."
    assert lawparse.render.text(lawparse.parse(text)) == text


def test_gb18030_on_request() -> None:
    data = "Article 1 Text。".encode("gb18030")
    assert decode(data, "gb18030") == "Article 1 Text。"
    with pytest.raises(DecodeError):
        decode(data)


def test_impossible_date_is_an_error_at_its_position() -> None:
    text = (
        "Provisions on Testing\n(Adopted at the 4th Session of the Standing Committee on "
        "February 30, 2023)\nArticle 1 Text."
    )
    with pytest.raises(InvalidDateError) as caught:
        lawparse.parse(text)
    error = caught.value
    assert (error.code, error.line) == ("LP101", 2)
    assert text[error.offset :].startswith("February 30, 2023")
    assert "^" in error.excerpt


def test_errors_share_one_base_class() -> None:
    for error_class in (DecodeError, EmptyInputError, InvalidDateError, NoStructureError):
        assert issubclass(error_class, LawParseError)
        assert issubclass(error_class, ValueError)


def test_parse_file_reports_unreadable_path(tmp_path: object) -> None:
    with pytest.raises(LawParseError):
        lawparse.parse_file("/nonexistent/regulation.txt")


def test_mixed_scripts_and_control_characters_keep_every_character() -> None:
    text = "Article 1 Text \x00 with a NUL.\nArticle 2 中文 and English \x07 mixed."
    reg = lawparse.parse(text)
    assert [a.number for a in reg.articles] == [1, 2]
    assert lawparse.render.text(reg) == text


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_line_endings_keep_spans_exact(newline: str) -> None:
    text = newline.join(
        ["Provisions on Testing", "Article 1 First.", "Article 2 Second.", "(1) item;"]
    )
    reg = lawparse.parse(text)
    assert [a.number for a in reg.articles] == [1, 2]
    assert lawparse.render.text(reg) == text


def test_parse_leaves_the_garbage_collector_as_it_found_it() -> None:
    """parse pauses the cyclic collector for its own work only: it is running again after a
    parse, after a parse that raised, and stays paused when the caller had paused it."""
    import gc

    assert gc.isenabled()
    lawparse.parse("Article 1 These Provisions apply.")
    assert gc.isenabled()
    with pytest.raises(lawparse.EmptyInputError):
        lawparse.parse("  ")
    assert gc.isenabled()
    gc.disable()
    try:
        lawparse.parse("Article 1 These Provisions apply.")
        assert not gc.isenabled()
    finally:
        gc.enable()
