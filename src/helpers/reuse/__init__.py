"""Text reuse: shared passages between documents, reposts, who had a passage first, new terms."""
