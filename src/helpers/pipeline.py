"""Turn one processed document into the rows of every per-document table.

In: a :class:`~helpers.documents.DocumentResult`. Out: ``{table name: [row dicts]}``. This is the
one place that lists what the build extracts from a document; it runs in worker processes, so it
reads nothing but its argument and the package's resources.
"""

from __future__ import annotations

from helpers.documents import DocumentResult
from helpers.edits import Edit
from helpers.indicators import extract_indicators
from helpers.themes import extract_theme_columns


def document_rows(result: DocumentResult) -> dict[str, dict[str, list]]:
    """Columns for the documents, sentences, cleaning_log, indicators, doc_terms and theme_hits tables."""
    doc_id = result.document["doc_id"]
    s = result.sentences
    sentences = {"doc_id": [doc_id] * len(s), "sentence_id": list(range(len(s))),
                 "paragraph_id": s.paragraph_ids, "start": s.starts, "end": s.ends, "text": s.texts}
    edits = [(index, e) for index, step_edits in result.edits for e in step_edits]
    log = {"doc_id": [doc_id] * len(edits), "step_index": [i for i, _ in edits]}
    for position, name in enumerate(Edit._fields):
        log[name] = [e[position] for _, e in edits]
    documents = {name: [value] for name, value in result.document.items()}
    indicators = extract_indicators(result.document, result.sentences)
    themes = extract_theme_columns(doc_id, result.document["text"], result.sentences.starts)
    return {"documents": documents, "sentences": sentences, "cleaning_log": log, "indicators": indicators,
            **themes}
