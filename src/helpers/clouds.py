"""Draw word clouds as images and show them in a report, without matplotlib's figures.

A cloud is a PIL image drawn by wordcloud with the CJK font (`fonts.font_path`); `show_wordclouds`
lays one or several out as an HTML figure with escaped captions, PNGs embedded, so a report opens
offline. Drawing a cloud through matplotlib instead (imshow, then PNG again) cost a report 0.1–0.2 s a
cloud plus pyplot's import.
"""

from __future__ import annotations

import base64
import html
import io
import sys
import types
from dataclasses import dataclass
from functools import lru_cache

from helpers.fonts import font_path

# A 500×270 picture of up to 100 words. wordcloud lays the words out on a 250×135 canvas and draws
# them twice the size (``scale``): a quarter of the area to search and sum after each word, so a cloud
# takes half the time, and the words are as sharp. Sizes in steps of 6 px from 8 px to 100 px (3 and
# 4 to 50 on the canvas): each size is a font to open (0.7 ms for the 16 MB font, once a size with
# `_reuse_wordcloud_fonts`) and a size to try; steps of 4 px cost four clouds 0.16 s instead of 0.11 s.
CLOUD_OPTIONS = dict(width=250, height=135, scale=2, max_words=100, font_step=3, min_font_size=4, max_font_size=50,
                     background_color="white", collocations=False, prefer_horizontal=1.0)
# A cloud is a few colours on white, each with the shades of its letters' anti-aliased edges: 64
# colours show it as full colour does (to the eye; 78 KB as RGB, 26 KB so), encoded in 3 ms, not 9 ms.
PNG_COLOURS = 64
PNG_COMPRESSION = 1
# Word colours, dark enough to read on white (ColorBrewer Dark2, Apache 2.0). Giving wordcloud a colour
# function also keeps it from importing matplotlib.pyplot for its default colormap.
PALETTE = ("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#a6761d", "#666666")


def pick_colour(word, font_size, position, orientation, random_state=None, **kwargs) -> str:
    """wordcloud's color_func: a palette colour drawn from the cloud's own seeded random state."""
    return PALETTE[random_state.randint(0, len(PALETTE) - 1)] if random_state else PALETTE[0]


def new_wordcloud(seed: int = 7):
    """A WordCloud with the CJK font and the project's options, its fonts loaded once per size."""
    module = import_wordcloud()
    _reuse_wordcloud_fonts()
    return module.WordCloud(font_path=font_path(), random_state=seed, color_func=pick_colour, **CLOUD_OPTIONS)


@lru_cache(maxsize=1)
def import_wordcloud():
    """wordcloud's module, without importing matplotlib until wordcloud uses it.

    wordcloud imports matplotlib at the top (0.1 s of a report), for its default colormap and its SVG
    export; with a colour function a cloud never touches it. While wordcloud is imported,
    ``matplotlib`` is a stand-in that imports the real package on the first attribute wordcloud reads,
    and the stand-in leaves ``sys.modules`` at once, so every other import gets the real matplotlib.
    (``importlib.util.LazyLoader`` cannot do this on Python 3.11: the import system reads the module's
    ``__spec__``, which loads it.)
    """
    if "matplotlib" in sys.modules or "wordcloud.wordcloud" in sys.modules:
        import wordcloud.wordcloud as module

        return module
    stand_in = _MatplotlibOnFirstUse("matplotlib")
    sys.modules["matplotlib"] = stand_in
    try:
        import wordcloud.wordcloud as module
    finally:
        if sys.modules.get("matplotlib") is stand_in:
            del sys.modules["matplotlib"]
    return module


class _MatplotlibOnFirstUse(types.ModuleType):
    """A stand-in for ``matplotlib`` in wordcloud's namespace: any attribute imports the real one."""

    def __getattr__(self, name: str):
        import importlib

        return getattr(importlib.import_module("matplotlib"), name)


@lru_cache(maxsize=1)
def _reuse_wordcloud_fonts() -> None:
    """wordcloud opens the font file again for every word and size it tries (about 200 times a
    cloud, a third of its time); give it a ``truetype`` that keeps each (file, size) it opened.

    Its fonts also lay text out with PIL's basic engine, not Raqm's: Chinese set horizontally needs
    no shaping, and measuring and drawing a word take 20-30% less time."""
    from PIL import ImageFont

    import_wordcloud().ImageFont = types.SimpleNamespace(truetype=lru_cache(maxsize=256)(load_basic_font),
                                                         TransposedFont=ImageFont.TransposedFont)


def load_basic_font(path: str, size: int):
    """``ImageFont.truetype(path, size)``, as wordcloud calls it, with PIL's basic layout engine."""
    from PIL import ImageFont

    return ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)


def draw_wordcloud(frequencies: dict[str, int], seed: int = 7):
    """A word cloud of {term: count} as a PIL image; None when there is no term."""
    if not frequencies:
        return None
    return new_wordcloud(seed).generate_from_frequencies(frequencies).to_image()


@dataclass
class CloudPanel:
    """Word clouds with a title; shows as HTML in JupyterLab and in exported reports.

    ``images`` maps each caption to its PIL image (None: no terms), so ``panel.images["辽阳"].save(...)``
    keeps one for a paper."""

    title: str
    images: dict[str, object]

    def _repr_html_(self) -> str:
        cells = "".join(_render_cloud(caption, image, alt=caption or self.title)
                        for caption, image in self.images.items())
        return (f'<figure style="margin:0"><figcaption style="font-weight:bold">{html.escape(self.title)}'
                f'</figcaption><div style="display:flex;flex-wrap:wrap;gap:8px">{cells}</div></figure>')


def _render_cloud(caption: str, image, alt: str) -> str:
    if image is None:
        body = '<div style="padding:2em;color:#666">no terms</div>'
    else:
        data = base64.b64encode(encode_png(image)).decode("ascii")
        body = f'<img src="data:image/png;base64,{data}" width="{image.width}" alt="{html.escape(alt)}">'
    return f'<figure style="margin:0">{body}<figcaption>{html.escape(caption)}</figcaption></figure>'


def encode_png(image) -> bytes:
    """A cloud as PNG in ``PNG_COLOURS`` colours: a third of the bytes of full colour, 3 times faster."""
    from PIL import Image

    png = io.BytesIO()
    shown = image.quantize(PNG_COLOURS, method=Image.Quantize.FASTOCTREE)
    shown.save(png, format="PNG", compress_level=PNG_COMPRESSION)
    return png.getvalue()


def show_wordclouds(frequencies: dict[str, dict[str, int]], title: str, seed: int = 7) -> CloudPanel:
    """One word cloud per label ({label: {term: count}}), side by side under one title."""
    return CloudPanel(title, {label: draw_wordcloud(counts, seed) for label, counts in frequencies.items()}
                      or {"(none)": None})


def show_wordcloud(frequencies: dict[str, int], title: str, seed: int = 7) -> CloudPanel:
    """One word cloud of {term: count} under a title."""
    return CloudPanel(title, {"": draw_wordcloud(frequencies, seed)})
