"""Build the processed tables from the raw folder: batches, workers, the stage cache and the commit."""
