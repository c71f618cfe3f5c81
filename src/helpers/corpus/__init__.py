"""Read raw files into clean documents: bytes, encoding, boilerplate, script, metadata, sentences."""
