"""The plan link's QR code decodes back to the link: the site's own module (plan-qr.js, with the
shipped copy of lean-qr) makes the SVG path the printed page draws; Pillow paints that path as
an image and zxing-cpp, a maintained decoder, reads it."""

from __future__ import annotations

import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from tests.support.node import run_module

MAKE_PATH = """
import { QUIET_ZONE, qrCode, qrPath } from './overrides/assets/javascripts/plan-qr.js';
const codes = [];
for (const text of input) {
  const code = await qrCode(text);
  codes.push({ side: code.size + 2 * QUIET_ZONE, path: qrPath(code) });
}
console.log(JSON.stringify(codes));
"""
RUN = re.compile(r"M(\d+) (\d+)h(\d+)v1h-\3z")
PIXELS_PER_MODULE = 6

LINKS = [
    "https://example.org/breathing-room/practice/plan/?exercise=gentle&minutes=5&days=14&time=08:00",
    "https://example.org/breathing-room/practice/plan/?exercise=box&minutes=5&days=28&time=07:30",
    # the longest kind of plan link: your own pattern with tenths of seconds and a pace
    "https://someone.github.io/breathing-room/practice/plan/"
    "?exercise=your-own&in=12.5&hold=17.5&out=19.9&rest=10.1&pace=1.25&minutes=20&days=60&time=23:59",
    "http://127.0.0.1:8000/breathing-room/practice/plan/?exercise=4-7-8&minutes=1&days=1&time=00:00",
]


def painted(side: int, path: str) -> Image.Image:
    """The path as the page draws it: dark rectangles on a white square, grey-scale."""
    image = Image.new("L", (side * PIXELS_PER_MODULE, side * PIXELS_PER_MODULE), 255)
    draw = ImageDraw.Draw(image)
    runs = RUN.findall(path)
    assert "".join(f"M{x} {y}h{n}v1h-{n}z" for x, y, n in runs) == path, "the path is only runs"
    for x, y, length in runs:
        left, top = int(x) * PIXELS_PER_MODULE, int(y) * PIXELS_PER_MODULE
        right = left + int(length) * PIXELS_PER_MODULE - 1
        draw.rectangle((left, top, right, top + PIXELS_PER_MODULE - 1), fill=0)
    return image


@pytest.fixture(scope="module")
def codes() -> list[dict[str, object]]:
    return run_module(MAKE_PATH, LINKS)


@pytest.mark.parametrize("index", range(len(LINKS)))
def test_the_drawn_code_decodes_back_to_the_plan_link(codes, index):
    code = codes[index]
    image = painted(code["side"], code["path"])
    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [result.text for result in results] == [LINKS[index]]
    assert results[0].format == zxingcpp.BarcodeFormat.QRCode
    assert results[0].ec_level in {"M", "Q", "H"}, "at least medium error correction for print"


def test_a_damaged_drawing_does_not_decode_to_the_link(codes):
    """The decoder checks the drawing: with the top-left finder pattern painted over it reads nothing."""
    code = codes[0]
    image = painted(code["side"], code["path"])
    ImageDraw.Draw(image).rectangle((0, 0, 12 * PIXELS_PER_MODULE, 12 * PIXELS_PER_MODULE), fill=255)
    assert [result.text for result in zxingcpp.read_barcodes(image)] == []
