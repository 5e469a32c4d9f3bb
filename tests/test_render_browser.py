"""The HTML page in a real browser: headless Chromium draws the Pudong Provisions and a
Chinese law; the timeline has pixels in its box and every article anchor is in the DOM.
Skipped where no Chromium is installed (.ci/run installs Debian's)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from PIL import Image

import lawparse
from lawparse.render.html import TIMELINE_MARGIN, TIMELINE_WIDTH

ROOT = Path(__file__).resolve().parents[1]
BROWSER = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
PAGES = {
    "pudong": ROOT / "examples" / "seed_pudong_finance_leasing_runon.txt",
    "chinese": ROOT / "tests" / "corpus" / "cn_nat_admin_reconsideration_2023.txt",
}
WINDOW = (1000, 800)

pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium installed")


def _chromium(profile: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    assert BROWSER is not None
    command = [
        BROWSER,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        f"--window-size={WINDOW[0]},{WINDOW[1]}",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def _pixels(image: Image.Image) -> list[tuple[int, int, int]]:
    data = image.tobytes()
    return list(zip(data[0::3], data[1::3], data[2::3], strict=True))


def _distance(one: tuple[int, int, int], other: tuple[int, int, int]) -> int:
    return sum(abs(a - b) for a, b in zip(one, other, strict=True))


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_in_a_browser(name: str, tmp_path: Path) -> None:
    reg = lawparse.parse_file(PAGES[name])
    page = tmp_path / f"{name}.html"
    page.write_text(lawparse.render.html(reg), encoding="utf-8")
    url = page.as_uri()

    dom = lxml_html.fromstring(_chromium(tmp_path / "profile", "--dump-dom", url).stdout)
    ids = {element.get("id") for element in dom.iter() if element.get("id")}
    missing = [a.eid for a in reg.articles if a.eid not in ids]
    assert reg.articles and missing == []
    svg = dom.find(".//figure[@id='timeline']/svg")
    width, height = int(svg.get("width")), int(svg.get("height"))
    assert width == TIMELINE_WIDTH

    shot = tmp_path / f"{name}.png"
    _chromium(tmp_path / "profile", f"--screenshot={shot}", url)
    image = Image.open(shot).convert("RGB")
    box = (TIMELINE_MARGIN, TIMELINE_MARGIN, TIMELINE_MARGIN + width, TIMELINE_MARGIN + height)
    pixels = _pixels(image.crop(box))
    background = pixels[0]
    drawn = [p for p in pixels if _distance(p, background) > 60]
    bar = [p for p in drawn if p[2] > p[0] + 60]  # the blue of an applicability bar
    assert len(drawn) > len(pixels) // 50, "the timeline box is blank"
    assert bar, "no applicability bar drawn"
    # Outside the box, below it, the page goes on: the box is where the page says it is.
    below = _pixels(image.crop((0, box[3] + 4, WINDOW[0], box[3] + 8)))
    assert all(_distance(p, (255, 255, 255)) < 30 for p in below)
