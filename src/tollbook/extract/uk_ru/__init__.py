"""Ukrainian and Russian reports: the same claims as the English pass, from Cyrillic text.

The English pass (``tollbook.extract.extractor``) hands a report with Cyrillic sentences to
``mixed.extract_mixed``, which reads those sentences here and the others with the English
rules. Modules by idea: ``language`` (which sentences are Cyrillic, Ukrainian or Russian),
``sentences_uk_ru``, ``numbers_uk_ru`` (number words in their case forms), ``outcomes_uk_ru``
(what a figure counts and who), ``hedges_uk_ru``, ``dates_uk_ru``, ``sources_uk_ru``,
``places_uk_ru`` (case forms to the nominative), ``kind_scope_uk_ru``, ``reader_uk_ru`` (the
pass over the Cyrillic sentences) and ``mixed``. They run compiled with the rest of
``tollbook.extract`` when it does (``tollbook.native_modules``).
"""

from tollbook import extract
from tollbook.native_modules import follow_native

NATIVE = follow_native(__path__, extract.NATIVE)
