"""Input readers: .txt/.html (one article), .jsonl[.gz] and .csv[.gz] (one article a line/row),
folders (recursively) and stdin, streamed as ``Article`` items; unreadable inputs come through as
``Skip`` items with a one-line reason (see docs/spine.md, "Input formats" and "Bad input")."""
from hadath.io.readers import Article, Skip, missing_inputs, read_inputs, record_to_article

__all__ = ["Article", "Skip", "missing_inputs", "read_inputs", "record_to_article"]
