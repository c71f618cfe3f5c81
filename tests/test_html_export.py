"""The report page: nbconvert's lab page without its BeautifulSoup pass, figures labelled, offline."""

import base64
import io

import bs4
import pytest
from nbconvert import HTMLExporter
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output
from PIL import Image

from helpers.reports import html_export
from helpers.reports.clouds import CloudPanel


def _png() -> str:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _notebook():
    """A report as papermill leaves it: headings, a table, a figure, an HTML panel, a document's text."""
    table = "<table><tr><th>place</th><td>辽阳</td></tr></table>"
    return new_notebook(cells=[
        new_markdown_cell("# 辽阳 place profile\n\nWhat the documents say."),
        new_markdown_cell("## Themes"),
        new_code_cell("x", outputs=[
            new_output("execute_result", {"text/html": table, "text/plain": "table"}, execution_count=1),
            new_output("display_data", {"image/png": _png(), "text/plain": "<Figure>"}),
            new_output("stream", name="stdout", text="坚持项目为王 <script>alert(1)</script>\n"),
        ]),
        new_markdown_cell("## Word clouds"),
        new_code_cell("y", outputs=[
            new_output("display_data", {"text/html": CloudPanel("高频词", {"辽阳": None})._repr_html_()}),
            new_output("display_data", {"image/png": _png()}),
        ]),
    ], metadata={"language_info": {"name": "python"}})


@pytest.fixture(scope="module")
def pages():
    node = _notebook()
    ours = bs4.BeautifulSoup(html_export.export_html(node), "html.parser")
    exporter = HTMLExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                            exclude_output_prompt=True)
    theirs, _ = exporter.from_notebook_node(node, resources={"metadata": {"name": "辽阳 place profile"}})
    return ours, bs4.BeautifulSoup(html_export.CDN_SCRIPT.sub("", theirs), "html.parser")


def test_the_page_reads_as_nbconverts(pages):
    ours, theirs = pages
    assert ours.get_text() == theirs.get_text()
    assert ours.title.string == "辽阳 place profile"


def test_output_areas_are_focusable_as_nbconvert_makes_them(pages):
    focusable = [[(e.name, tuple(e.get("class", ()))) for e in page.select("[tabindex]")] for page in pages]
    assert focusable[0] == focusable[1] and len(focusable[0]) == 8  # three markdown cells, five outputs


def test_figures_get_their_sections_heading_as_alt_text(pages):
    ours, _ = pages
    assert [img.get("alt") for img in ours.select("div.jp-RenderedImage img")] == [
        "Figure: Themes", "Figure: Word clouds"]


def test_a_documents_script_stays_text_and_nothing_loads_from_a_cdn(pages):
    ours, _ = pages
    assert "<script>alert(1)</script>" in ours.get_text()
    assert not [s for s in ours.select("script") if "alert(1)" in s.get_text()]
    assert not [s for s in ours.select("script[src]") if "cdn" in s["src"]]


@pytest.mark.parametrize("markup, matches, reason", [
    ('<div class="jp-RenderedImage jp-OutputArea-output ">\n<img src="data:image/png;base64,iVBO"', True,
     "the lab template's PNG output"),
    ('<div class="jp-RenderedImage jp-OutputArea-output jp-OutputArea-executeResult">\n<img src="data:image/jpeg;base64,/9j"',
     True, "a JPEG that is a cell's result"),
    ('<img src="data:image/png;base64,iVBO" width="500" alt="辽阳">', False, "a word cloud inside an HTML output"),
    ('&lt;div class="jp-RenderedImage jp-OutputArea-output "&gt;&lt;img src=', False, "a document's escaped text"),
])
def test_template_image(markup, matches, reason):
    assert (html_export.TEMPLATE_IMAGE.search(markup) is not None) == matches, reason


@pytest.mark.parametrize("markup, matches, reason", [
    ('<div class="jp-OutputArea-output jp-OutputArea-executeResult" data-mime-type="text/plain">', True,
     "a text result"),
    ('<div class="jp-RenderedHTMLCommon jp-RenderedHTML jp-OutputArea-output " data-mime-type="text/html">', True,
     "the class is not the first"),
    ('<div class="jp-Cell-inputWrapper">', True, "an input area (shown when code is)"),
    ('<div class="jp-OutputArea-output-extra">', False, "another class that begins the same"),
    ('<div class="jp-OutputArea-child">', False, "the wrapper around an output"),
    ('&lt;div class="jp-OutputArea-output"&gt;', False, "a document's escaped text"),
])
def test_focusable_area(markup, matches, reason):
    assert (html_export.FOCUSABLE_AREA.search(markup) is not None) == matches, reason
