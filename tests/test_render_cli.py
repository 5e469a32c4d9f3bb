"""``lawparse render`` and ``lawparse schema``: formats, folders, exit status, and the JSON
Schema validating every ``parse --json`` output of the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import lawparse
from tests.helpers import CORPUS
from tests.test_cli import SEED, run

TEXTS = sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    status, out, _ = run(["schema"])
    assert status == 0
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", TEXTS, ids=[p.stem for p in TEXTS])
def test_schema_validates_parse_json(
    path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    status, out, _ = run(["parse", "--json", str(path)])
    assert status == 0
    errors = [f"{list(e.path)}: {e.message[:200]}" for e in validator.iter_errors(json.loads(out))]
    assert errors == []


def test_schema_validates_a_list_of_regulations_and_rejects_drift(
    validator: jsonschema.Draft202012Validator,
) -> None:
    status, out, _ = run(["parse", "--json", str(SEED), str(CORPUS / "cn_sh_pudong_ip.txt")])
    assert status == 0
    listed = json.loads(out)
    assert len(listed) == 2 and validator.is_valid(listed)
    listed[0]["unknown_field"] = 1  # the models forbid extra fields; so does the schema
    assert not validator.is_valid(listed)


@pytest.mark.parametrize(
    ("to", "start"),
    [
        ("akn", '<?xml version="1.0" encoding="UTF-8"?>'),
        ("markdown", "The full text is here."),
        ("html", "<!DOCTYPE html>"),
        ("json", "{"),
        ("text", "The full text is here."),
    ],
)
def test_render_one_file(to: str, start: str) -> None:
    status, out, err = run(["render", str(SEED), "--to", to])
    assert (status, err) == (0, "")
    assert out.startswith(start)
    if to == "text":
        assert out == SEED.read_text(encoding="utf-8")


def test_render_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "seed.xml"
    status, out, _ = run(["render", str(SEED), "--to", "akn", "-o", str(target)])
    assert (status, out) == (0, "")
    assert target.read_text(encoding="utf-8") == lawparse.render.akn(lawparse.parse_file(SEED))


def test_render_a_directory_gives_one_file_per_text_and_an_index(tmp_path: Path) -> None:
    status, out, _ = run(["render", str(CORPUS), "--to", "html", "-o", str(tmp_path)])
    assert status == 0
    pages = sorted(p.name for p in tmp_path.glob("*.html"))
    assert pages == sorted([*(p.with_suffix(".html").name for p in TEXTS), "index.html"])
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{p.with_suffix(".html").name}"' in index for p in TEXTS)
    assert f"{len(TEXTS)} file(s) written" in out


def test_render_a_directory_needs_an_output_folder() -> None:
    status, _, err = run(["render", str(CORPUS), "--to", "akn"])
    assert status == 2 and "-o OUT" in err


def test_render_exit_status_on_bad_input(tmp_path: Path) -> None:
    assert run(["render", str(tmp_path / "missing.txt"), "--to", "akn"])[0] == 2
    assert run(["render", "-", "--to", "akn"], stdin=b"   ")[0] == 1
    assert run(["render", str(SEED), "--to", "pdf"])[0] == 2
