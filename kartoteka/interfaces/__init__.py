"""The thin edges: command line, rendered documents (and later the web)."""
