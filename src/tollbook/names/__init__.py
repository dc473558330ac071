"""Eastern Slavic names, normalised for record linkage. Pure functions, no I/O.

The same person is written Олександр Шевченко in a morgue register, Александр Шевченко
by a Russian-speaking clerk, OLEKSANDR SHEVCHENKO in a passport and Aleksandr
Shevchenko in the press. :func:`normalise_name` turns any of these into the same keys:

* :mod:`tollbook.names.transliteration` writes Cyrillic in Latin letters under the
  schemes real lists use (Ukraine's national system, BGN/PCGN, ICAO 9303);
* :mod:`tollbook.names.latin` brings Cyrillic and Latin spellings into lower-case Latin
  letters (Cyrillic under Ukraine's national system);
* :mod:`tollbook.names.fold` folds the differences between transliteration schemes and
  the Ukrainian/Russian letter alternations (h/g, kh/h, i/y/j, ie/e, -ii/-yi/-iy
  endings, doubled letters) into a phonetic key, and a consonant skeleton beside it;
* :mod:`tollbook.names.given_names` knows common given names in their Ukrainian and
  Russian forms (Hryhorii/Grigorii, Oleksandr/Aleksandr, Serhii/Sergei, Hanna/Anna);
* :mod:`tollbook.names.patronymics` reads a patronymic as the father's given name;
* :mod:`tollbook.names.family_names` folds feminine family names to the masculine;
* :mod:`tollbook.names.normalise` puts it together, swapping given and family name
  back when they were written the wrong way round.
"""

from tollbook.names.normalise import NormalisedName, normalise_name

__all__ = ["NormalisedName", "normalise_name"]
