"""Shaded tables and word clouds: the figures a report shows without matplotlib.pyplot."""

import subprocess
import sys
from types import SimpleNamespace

import pandas as pd
import pytest
from PIL import Image, ImageDraw, ImageFont

from helpers.reports import clouds
from helpers.reports import shading
from helpers.reports.fonts import font_path

SLOGANS = "项目为王三篇大文章带土移植揭榜挂帅营商环境数字辽宁"
NOT_IN_ANY_FONT = "\ue000"  # a private-use code point: every font draws its "missing" box for it


def _draw(font, character: str) -> bytes:
    image = Image.new("L", (60, 60))
    ImageDraw.Draw(image).text((5, 5), character, font=font, fill=255)
    return image.tobytes()


@pytest.mark.parametrize("values, expected", [
    ([0.0, 0.5, 1.0], ["#ffffcc", "#fd8d3c", "#800026"]),  # 0 lightest, the maximum darkest
    ([0.2, 0.2, 0.2], ["#800026"] * 3),  # all equal and above 0: all at the maximum
    ([0.0, 0.0, 0.0], ["#ffffcc"] * 3),  # all zero (a theme never found): lightest, no division by zero
    ([-1.0, 0.0, 1.0], ["#ffffcc", "#fd8d3c", "#800026"]),  # a negative minimum is the lightest
    ([None, 0.0, 4.0], [None, "#ffffcc", "#800026"]),  # a missing value is not shaded
])
def test_cells_are_shaded_from_lightest_to_darkest(values, expected):
    css = shading.shade_cells(pd.DataFrame({"share": values}))["share"]
    shades = [None if not style else style.split(";")[0].split(": ")[1] for style in css]
    assert shades == expected


def test_dark_cells_carry_white_numbers():
    css = shading.shade_cells(pd.DataFrame({"n": [0, 10]}))["n"]
    assert "color: black" in css[0] and "color: white" in css[1]


def test_heatmap_table_escapes_labels_and_title_and_keeps_the_numbers():
    table = pd.DataFrame({"<script>alert(1)</script>": [0.25, 0.75]}, index=["辽阳市", "<b>盘锦</b>"])
    html = shading.show_heatmap(table, "主题 <i>构成</i>").to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>盘锦" not in html and "&lt;b&gt;盘锦" in html
    assert "<i>构成" not in html and "&lt;i&gt;构成" in html
    assert "25.0%" in html and "75.0%" in html  # shares are written one way in every report


def test_word_cloud_panel_embeds_pngs_and_escapes_captions():
    panel = clouds.show_wordclouds({"<script>x</script>": {"项目为王": 5, "振兴": 3}, "空": {}}, "高频词 <b>")
    html = panel._repr_html_()
    assert html.count("data:image/png;base64,") == 1  # one cloud; the place without terms says so
    assert "no terms" in html
    assert "<script>" not in html and "&lt;script&gt;x" in html and "高频词 &lt;b&gt;" in html
    assert panel.images["<script>x</script>"].size == (500, 270)


def test_a_cloud_without_a_caption_takes_the_title_as_alt_text():
    html = clouds.show_wordcloud({"项目为王": 5}, "主题词云: projects <i>")._repr_html_()
    assert 'alt="主题词云: projects &lt;i&gt;"' in html


def test_word_cloud_font_has_every_glyph_of_the_slogans():
    font = ImageFont.truetype(font_path(), 40)
    missing = _draw(font, NOT_IN_ANY_FONT)
    assert [ch for ch in SLOGANS if _draw(font, ch) == missing] == []


def test_the_glyph_check_fails_with_a_latin_font():
    """Control: DejaVu Sans has no 项, so it draws the same box as for a private-use code point."""
    import matplotlib

    font = ImageFont.truetype(f"{matplotlib.get_data_path()}/fonts/ttf/DejaVuSans.ttf", 40)
    assert _draw(font, "项") == _draw(font, NOT_IN_ANY_FONT)


def test_a_cloud_in_64_colours_looks_as_in_full_colour():
    # encode_png keeps 64 colours: the words' colours and their edges' shades, within a few levels
    import io

    import numpy as np

    image = clouds.draw_wordcloud({"项目为王": 9, "三篇大文章": 7, "招商引资": 5, "营商环境": 4, "数字辽宁": 3,
                                   "振兴": 2, "辽阳": 6, "盘锦": 5})
    shown = Image.open(io.BytesIO(clouds.encode_png(image)))
    assert shown.format == "PNG" and shown.size == image.size
    difference = np.abs(np.asarray(image, dtype=int) - np.asarray(shown.convert("RGB"), dtype=int)).max(axis=2)
    assert difference.mean() < 3 and np.percentile(difference, 99) <= 16
    full = {tuple(int(v[i:i + 2], 16) for i in (1, 3, 5)) for v in clouds.PALETTE}
    assert full & {colour for _, colour in shown.convert("RGB").getcolors(256)}  # solid word colours survive


def test_heatmap_cells_carry_their_shade_and_years_stay_years():
    # 01's timeline: places down, years across; counts with fmt, a missing year as "–"
    table = pd.DataFrame({2023: [3, None], 2024: [1, 5]}, index=["辽阳市", "盘锦市"])
    html = shading.show_heatmap(table, "文档时间线", fmt="{:.0f}").to_html()
    assert ">2023<" in html and "2,023" not in html
    assert 'style="background-color: #800026; color: white; text-align: center">5<' in html
    assert ">–<" in html and "nan" not in html


def test_the_cooccurrence_scale_leaves_the_diagonal_out():
    # 02's co-occurrence table: the diagonal counts each theme's sentences (here 40 and 30) and would
    # make the 5 shared sentences the lightest shade; without it, 5 is the darkest
    table = pd.DataFrame([[40, 5], [5, 30]], index=["项目建设", "招商引资"], columns=["项目建设", "招商引资"])
    css = shading.shade_cells(table, exclude_diagonal=True)
    assert css.iat[0, 0] == "" and css.iat[1, 1] == ""
    assert "#800026" in css.iat[0, 1] and "#800026" in css.iat[1, 0]
    assert "#800026" not in shading.shade_cells(table).iat[0, 1]  # control: with the diagonal it is not
