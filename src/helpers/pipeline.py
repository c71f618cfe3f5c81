"""Turn one processed document into the rows of every per-document table.

In: a :class:`~helpers.documents.DocumentResult`. Out: ``{table name: [row dicts]}``. This is the
one place that lists what the build extracts from a document; it runs in worker processes, so it
reads nothing but its argument and the package's resources.
"""

from __future__ import annotations

from helpers.documents import DocumentResult


def document_rows(result: DocumentResult) -> dict[str, list[dict]]:
    """Rows for the documents, sentences and cleaning_log tables."""
    doc_id = result.document["doc_id"]
    sentences = [
        {"doc_id": doc_id, "sentence_id": s.sentence_id, "paragraph_id": s.paragraph_id,
         "start": s.start, "end": s.end, "text": s.text}
        for s in result.sentences
    ]
    log = [
        {"doc_id": doc_id, "step_index": index, "step": e.step, "rule": e.rule, "start": e.start,
         "end": e.end, "removed": e.removed, "inserted": e.inserted, "left": e.left,
         "right": e.right}
        for index, e in result.edits
    ]
    return {"documents": [result.document], "sentences": sentences, "cleaning_log": log}
