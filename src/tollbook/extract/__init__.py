"""Report text -> sourced casualty claims (pure code: no I/O beyond the bundled gazetteer)."""

from tollbook.extract.extractor import EXTRACTOR_VERSION, extract_claims

__all__ = ["EXTRACTOR_VERSION", "extract_claims"]
