"""Report text -> sourced casualty claims (pure code: no I/O beyond the bundled gazetteer).

The rule modules run compiled by mypyc when ``scripts/build_native.py`` built them from
exactly these sources (:mod:`tollbook.native_modules`), else as pure Python; both give the
same claims. ``NATIVE`` says which runs.
"""

from tollbook.native_modules import use_native

NATIVE = use_native(__path__)

from tollbook.extract.extractor import EXTRACTOR_VERSION, extract_claims  # noqa: E402

__all__ = ["EXTRACTOR_VERSION", "NATIVE", "extract_claims"]
