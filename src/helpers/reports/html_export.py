"""Export an executed notebook as one self-contained HTML page: code hidden, figures embedded, no CDN.

In: an executed ``.ipynb``. Out: the page nbconvert's ``lab`` template gives, with three differences.
Figures get their section's heading as alt text, the page loads nothing from the network, and it names
its CJK font (`FONT_CSS`); `embed_font` then writes into a run's pages one subset of Noto Sans CJK SC
with their characters, so that Chinese shows on a machine without a CJK font.

nbconvert's ``HTMLExporter`` parses its whole page again with BeautifulSoup. It does this only to give
images a placeholder alt text and to make output areas focusable. That pass cost a report 0.08–0.17 s,
most of its export: a shaded table is thousands of tags. `ReportExporter` does the same two things
with regexes on the template's own markup, so a document's text (escaped) can never match them.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

# nbconvert's lab template loads require.js and MathJax from a CDN; reports must open offline
CDN_SCRIPT = re.compile(r'<script[^>]+src="https://cdn[^"]*"[^>]*>\s*</script>\s*', re.I)
# The template's image outputs, which it leaves without alt text:
#   <div class="jp-RenderedImage jp-OutputArea-output ">\n<img src="data:image/png;base64,iVBOR…"
TEMPLATE_IMAGE = re.compile(r'(<div class="jp-RenderedImage jp-OutputArea-output[^"<>]*">\s*<img) (?=src=)')
# The template's input and output areas, which nbconvert makes focusable (a keyboard user can scroll
# a wide table):  <div class="jp-RenderedHTMLCommon jp-RenderedHTML jp-OutputArea-output " data-mime…
FOCUSABLE_AREA = re.compile(r'<div class="(?=(?:[^"<>]* )?jp-(?:OutputArea-output|Cell-inputWrapper)[ "])')


# The page names its CJK font: the reader's own Noto Sans CJK SC (or Source Han Sans, PingFang, YaHei) when
# installed, else the subset of Noto Sans CJK SC that `embed_font` writes in place of FONT_PLACEHOLDER
FONT_FAMILY = "Report CJK"
FONT_PLACEHOLDER = "/* report-font-face */"
_SANS = f'"Noto Sans CJK SC", "Source Han Sans SC", "{FONT_FAMILY}", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif'
_MONO = f'ui-monospace, "DejaVu Sans Mono", monospace, "Noto Sans CJK SC", "{FONT_FAMILY}"'
# The lab template takes its fonts from these variables; set after its own, they win
FONT_CSS = (f"<style>{FONT_PLACEHOLDER}\n:root {{--jp-ui-font-family: {_SANS}; --jp-content-font-family: {_SANS}; "
            f"--jp-code-font-family: {_MONO};}}\nbody {{font-family: {_SANS}}}\ncode, pre, kbd {{font-family: {_MONO}}}\n"
            ".jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th {max-width: 28em}\n"
            # a code block in a Markdown output (the Re-run hint's YAML) looked like plain lines of text
            ".jp-RenderedMarkdown pre {background: #f3f3f3; padding: 0.5em 0.8em; border-radius: 3px}</style>")
HEAD_END = re.compile(r"</head>", re.I)


def write_html(notebook_path: Path, html_path: Path) -> None:
    """Export an executed notebook as self-contained HTML with the code hidden."""
    import nbformat

    node = nbformat.read(str(notebook_path), as_version=4)
    body = export_html(node)
    Path(html_path).write_text(body, encoding="utf-8")


def export_html(node) -> str:
    """The report page of an executed notebook node."""
    body, _ = _report_exporter().from_notebook_node(node, resources={"metadata": {"name": find_title(node)}})
    return HEAD_END.sub(lambda _: FONT_CSS + "</head>", CDN_SCRIPT.sub("", body), count=1)


def build_font_face(text: str) -> str:
    """An ``@font-face`` rule with the glyphs of ``text`` (and ASCII) cut from Noto Sans CJK SC, as
    an embedded WOFF: a page shows its Chinese on a machine without a CJK font."""
    import base64
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    from helpers.reports.fonts import font_path

    options = subset.Options()
    options.flavor = "woff"  # zlib; WOFF2 would need brotli
    options.layout_features = []
    options.hinting = False
    options.name_IDs = []
    font = TTFont(font_path(), lazy=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes={ord(c) for c in text if ord(c) > 127} | set(range(32, 127)))
    subsetter.subset(font)
    buffer = io.BytesIO()
    font.flavor = "woff"
    font.save(buffer)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'@font-face {{font-family: "{FONT_FAMILY}"; src: local("Noto Sans CJK SC"), '
            f'url(data:font/woff;base64,{data}) format("woff");}}')


def embed_font(pages: list[Path]) -> int:
    """Write one subset of the CJK font, with the characters of all ``pages``, into each of them (in
    place of FONT_PLACEHOLDER). Returns the font's size in bytes of base64 (0 when no page needs it)."""
    texts = {page: page.read_text(encoding="utf-8") for page in pages}
    texts = {page: text for page, text in texts.items() if FONT_PLACEHOLDER in text}
    if not texts:
        return 0
    face = build_font_face("".join(set("".join(texts.values()))))
    for page, text in texts.items():
        page.write_text(text.replace(FONT_PLACEHOLDER, face, 1), encoding="utf-8")
    return len(face)


def describe_figures(node) -> list[str]:
    """Alt text for each figure of an executed notebook, in order: its section's heading."""
    heading, texts = find_title(node), []
    for cell in node.cells:
        if cell.cell_type == "markdown":
            headings = [line.lstrip("#").strip() for line in cell.source.splitlines() if line.startswith("#")]
            heading = headings[-1] if headings else heading
            continue
        for output in cell.get("outputs", []):
            if any(kind in output.get("data", {}) for kind in ("image/png", "image/jpeg")):
                texts.append(f"Figure: {heading}")
    return texts


def find_title(node) -> str:
    """The page title: the first '# …' heading in the notebook's markdown cells or outputs."""
    for cell in node.cells:
        texts = [cell.source] if cell.cell_type == "markdown" else [
            output.get("data", {}).get("text/markdown", "") for output in cell.get("outputs", [])]
        for text in texts:
            for line in str(text).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return "Report"


def label_figures(body: str, alt_texts: list[str]) -> str:
    """The template's images with their alt texts, in order; images beyond the list get the last one."""
    texts = iter(alt_texts)
    last = "Figure"

    def label(match: re.Match) -> str:
        nonlocal last
        last = next(texts, last)
        return f'{match.group(1)} alt="{html.escape(last)}" '
    return TEMPLATE_IMAGE.sub(label, body)


def make_areas_focusable(body: str) -> str:
    """``tabindex="0"`` on the template's input and output areas, as nbconvert gives them."""
    return FOCUSABLE_AREA.sub('<div tabindex="0" class="', body)


@lru_cache(maxsize=1)
def _report_exporter():
    """One exporter for every report of a run: its templates load once."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class ReportExporter(HTMLExporter):
        """HTMLExporter without its BeautifulSoup pass; alt texts and focus added by regex."""

        def from_notebook_node(self, nb, resources=None, **kw):
            # As HTMLExporter.from_notebook_node (nbconvert 7.16-7.17) until its BeautifulSoup pass
            language = nb.metadata.get("language_info", {})
            lexer = language.get("pygments_lexer", language.get("name", None))
            self.register_filter("highlight_code", self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            body, resources = TemplateExporter.from_notebook_node(self, nb, resources, **kw)
            return make_areas_focusable(label_figures(body, describe_figures(nb))), resources

    return ReportExporter(template_name="lab", exclude_input=True, exclude_input_prompt=True,
                          exclude_output_prompt=True)
