"""The layout's rules, checked on the source: no import cycle, no borrowed private names, and
no drafting literal of any language outside ``lawparse/languages/``."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lawparse"
LANGUAGES = PACKAGE / "languages"

# Words a drafter writes, as they appear in English regulation text: markers with their
# numbers, the subjects and verbs of commencement, adoption and repeal, months. English in
# messages and help ("no entry into force stated") and the model's own class names
# ("Article") are not drafting text.
_ENGLISH_DRAFTING = re.compile(
    r"\b(?:Article\s+\d|Chapter\s+[IVXLC\d]|Section\s+\d|SCHEDULE\s+\d|These\s+[A-Z]"
    r"|This\s+(?:Law|Act|Decision)|(?:come|comes)\s+into\s+(?:force|effect)"
    r"|hereby|shall|Standing\s+Committee|Session|adopted\s+at|promulgated\s+by"
    r"|January|February|March|April|June|July|August|September|October|November|December"
    r"|Royal\s+Assent)\b"
)


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] == "__init__":
            parts.pop()
        yield ".".join(parts), path


def _is_package(name: str) -> bool:
    return (PACKAGE.parent / name.replace(".", "/") / "__init__.py").is_file()


def _resolve(module: str, node: ast.ImportFrom) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".")
    if not _is_package(module):
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _type_checking_only(tree: ast.Module) -> set[int]:
    """Line numbers of imports under ``if TYPE_CHECKING:``, which never run."""
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                for child in ast.walk(inner):
                    if isinstance(child, ast.Import | ast.ImportFrom):
                        lines.add(child.lineno)
    return lines


def _imports(module: str, path: Path) -> Iterator[tuple[str, ast.ImportFrom | ast.Import]]:
    """(imported lawparse module, node) for every import that runs, inside functions too."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = _type_checking_only(tree)
    known = dict(_modules())
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skipped:
            continue
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("lawparse"):
                    yield alias.name, node
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(module, node)
            if not target.startswith("lawparse"):
                continue
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                yield (submodule if submodule in known else target), node


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in _modules():
        edges = graph.setdefault(module, set())
        for target, _ in _imports(module, path):
            # A module's own package is its parent, not a dependency: the package __init__
            # is the public face and imports from everything below it.
            if target != module and target != "lawparse" and not module.startswith(target + "."):
                edges.add(target)
    return graph


def test_no_import_cycle() -> None:
    graph = _graph()
    graph.pop("lawparse", None)  # the public API re-exports everything, lazily
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                cycle = [*stack[stack.index(target) :], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


def test_no_private_name_of_another_module_is_imported() -> None:
    borrowed = []
    for module, path in _modules():
        for target, node in _imports(module, path):
            if isinstance(node, ast.ImportFrom) and target != module:
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        borrowed.append(f"{module} imports {alias.name} from {target}")
    assert borrowed == []


def _literals(path: Path) -> Iterator[tuple[int, str]]:
    """String constants of a module that are code: docstrings (a string standing alone as a
    statement, after a definition or an assignment) are prose and not counted."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    prose = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in prose:
            yield node.lineno, node.value


def _outside_languages() -> Iterator[tuple[str, Path]]:
    for module, path in _modules():
        if LANGUAGES not in path.parents:
            yield module, path


def test_no_language_literal_outside_languages() -> None:
    found = []
    for module, path in _outside_languages():
        for line, value in _literals(path):
            if any(not ch.isascii() for ch in value):
                found.append(f"{module}:{line}: non-ASCII literal {value!r}")
            elif _ENGLISH_DRAFTING.search(value):
                found.append(f"{module}:{line}: drafting word in {value!r}")
    assert found == []


def test_the_literal_check_finds_literals(tmp_path: Path) -> None:
    """The check above sees a Chinese word and an English marker, and skips docstrings."""
    sample = tmp_path / "sample.py"
    source = '"""Article 1 施行."""\nMARK = "施行"\nWORD = "Article 1"\n'
    sample.write_text(source, encoding="utf-8")
    assert [value for _, value in _literals(sample)] == ["施行", "Article 1"]
    assert _ENGLISH_DRAFTING.search("Article 1")
    assert _ENGLISH_DRAFTING.search("shall come into force")
    assert any(module == "lawparse.pipeline" for module, _ in _outside_languages())
