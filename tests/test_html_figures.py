"""Shaded tables and word clouds: the figures a report shows without matplotlib.pyplot."""

import subprocess
import sys
from types import SimpleNamespace

import pandas as pd
import pytest
from PIL import Image, ImageDraw, ImageFont

from helpers import clouds, shading
from helpers.fonts import font_path

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
    assert "25%" in html and "75%" in html


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


def test_word_clouds_with_reused_fonts_are_the_clouds_wordcloud_draws(monkeypatch):
    # new_wordcloud hands wordcloud a font loader that keeps each size it opened; the picture must
    # be the one wordcloud draws opening every font itself (same words, sizes and places)
    import wordcloud.wordcloud

    counts = {"项目为王": 9, "三篇大文章": 7, "招商引资": 5, "营商环境": 4, "数字辽宁": 3, "振兴": 2}
    counts |= {SLOGANS[i:i + 2]: 1 for i in range(0, len(SLOGANS), 2)}  # words of one size: asked again
    reused = clouds.new_wordcloud(seed=7).generate_from_frequencies(counts).to_array()
    assert wordcloud.wordcloud.ImageFont is not ImageFont  # the loader was swapped
    opened = []

    def open_each_time(path, size):
        opened.append(size)
        return clouds.load_basic_font(path, size)
    monkeypatch.setattr(wordcloud.wordcloud, "ImageFont", SimpleNamespace(
        truetype=open_each_time, TransposedFont=ImageFont.TransposedFont))
    plain = wordcloud.WordCloud(font_path=font_path(), random_state=7, color_func=clouds.pick_colour,
                                **clouds.CLOUD_OPTIONS)
    assert (reused == plain.generate_from_frequencies(counts).to_array()).all()
    assert len(opened) > len(set(opened))  # wordcloud does ask for a size again: the cache is used


@pytest.mark.parametrize("text, tolerance", [
    ("项目为王", 0.01),  # Chinese: the same pixels
    ("全面振兴新突破三年行动", 0.01),
    ("VR产业", 3),  # Raqm kerns Latin letters: they move by under a pixel, the box stays
])
def test_the_basic_layout_engine_sets_chinese_as_raqm_does(text, tolerance):
    # wordcloud's fonts use PIL's basic engine: for horizontal Chinese the same glyphs, same places
    import numpy as np
    from PIL import features

    if not features.check("raqm"):
        pytest.skip("PIL was built without Raqm: the basic engine is the only one")
    raqm = ImageFont.truetype(font_path(), 40, layout_engine=ImageFont.Layout.RAQM)
    basic = clouds.load_basic_font(font_path(), 40)
    drawn = []
    for font in (raqm, basic):
        image = Image.new("L", (600, 60))
        ImageDraw.Draw(image).text((5, 5), text, font=font, fill=255)
        drawn.append(np.asarray(image, dtype=int))
    assert raqm.getbbox(text) == basic.getbbox(text)
    assert np.abs(drawn[0] - drawn[1]).mean() <= tolerance


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


def test_shaded_tables_and_word_clouds_do_not_import_matplotlib():
    # the reason they exist: pyplot's import costs a report 0.33 s, matplotlib's alone 0.1-0.2 s
    # (wordcloud and mplfonts both import it at the top)
    code = ("import sys, pandas as pd; from helpers import clouds, shading; "
            "shading.show_heatmap(pd.DataFrame({'a': [1, 2]}), 't').to_html(); "
            "clouds.show_wordcloud({'项目为王': 3}, 't')._repr_html_(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('matplotlib', 'mplfonts')))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


def test_wordclouds_own_uses_of_matplotlib_still_work_after_a_cloud():
    # the stand-in imports the real matplotlib on first use and is never what `import matplotlib` gives
    code = ("import sys; from helpers import clouds, fonts; clouds.show_wordcloud({'项目为王': 3}, 't'); "
            "import matplotlib, matplotlib.pyplot, wordcloud; "
            "wc = wordcloud.WordCloud(font_path=fonts.font_path(), colormap='viridis', width=80, height=40); "
            "svg = wc.generate_from_frequencies({'振兴': 2}).to_svg(); "
            "print(type(sys.modules['matplotlib']).__name__, matplotlib.__file__ is not None, '<svg' in svg)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == "module True True\n"


def test_the_font_is_found_without_importing_its_package():
    code = "import sys, os; from helpers.fonts import font_path; print(os.path.isfile(font_path()), 'mplfonts' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "True False\n"


def _bar_css(styler) -> dict[int, str]:
    """Row number -> the background of its bar cell, from the Styler's computed styles."""
    styler._compute()
    return {row: dict(styles).get("background", "") for (row, column), styles in styler.ctx.items()}


def test_bars_are_coloured_by_kind_on_one_scale_with_falls_to_the_left():
    table = pd.DataFrame({"place": ["辽阳市", "盘锦市", "辽宁省", "<b>x</b>"], "kind": ["actual", "target", "forecast", "plan"],
                          "signed": [4.0, 2.0, -2.0, None]})
    styler = shading.show_bars(table, "signed", "gdp <i>", colour_by="kind", colours=shading.KIND_COLOURS)
    css = _bar_css(styler)
    assert shading.KIND_COLOURS["actual"] in css[0] and shading.KIND_COLOURS["target"] in css[1]
    # one scale from -2 to 4: zero sits a third of the way in; 4 fills the rest, 2 half of it
    assert "33.3%, #1f77b4 33.3%, #1f77b4 100.0%" in css[0]
    assert "33.3%, #d62728 33.3%, #d62728 66.7%" in css[1]
    assert "(90deg, #9ecae1 33.3%, transparent 33.3%)" in css[2]  # -2: from the left edge to zero
    assert "linear-gradient" not in css.get(3, "")  # a missing value gets no bar
    html = styler.to_html()
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x" not in html and "gdp &lt;i&gt;" in html


def test_bars_of_a_table_without_numbers_are_just_the_table():
    styler = shading.show_bars(pd.DataFrame({"place": ["辽阳市"], "signed": [None]}), "signed", "t")
    assert "linear-gradient" not in styler.to_html() and "辽阳市" in styler.to_html()
