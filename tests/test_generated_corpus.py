"""The generated corpus of lawparse.testing (English and Chinese, every layout,
cross-references in the sentences) parses back article for article; a regression here is a
wrong split, the worst error lawparse can make."""

from __future__ import annotations

import pytest

import lawparse
from lawparse.testing import generate_corpus


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_regulations_parse_back(seed: int) -> None:
    corpus = generate_corpus(seed, 150_000, languages=("en", "zh"))
    assert {generated.spec.language for generated in corpus} == {"en", "zh"}
    for generated in corpus:
        reg = lawparse.parse(generated.text)
        assert lawparse.render.text(reg) == generated.text
        found = [(a.number, " ".join(a.text.split())) for a in reg.articles]
        assert found == generated.expected_articles
        effective = [e for e in reg.events if e.kind is lawparse.EventKind.EFFECTIVE]
        assert len(effective) == 1 and effective[0].date is not None
