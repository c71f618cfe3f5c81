"""Turn the processed tables into reports: the papermill runner, HTML export, charts and tables for people."""
