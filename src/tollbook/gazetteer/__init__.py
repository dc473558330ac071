"""Places by any of their names, and which place lies in which.

An offline gazetteer of Ukraine (its regions, GeoNames' populated places of 500 people or
more with their Ukrainian, Russian and Latin names, and the districts of the cities most
reported in the war), so that Маріуполь, Мариуполь, Mariupol and Mariupol' are one place
and a district's incidents count in its city's toll and a city's in its region's. Pure:
the data ships with the package and is read once. Places elsewhere are not in it; for
them a toll matches the name as written (see :mod:`tollbook.count.place_scope`).
"""

from tollbook.gazetteer.keys import latin_key, name_key
from tollbook.gazetteer.places import Gazetteer, Located, Place, load_gazetteer

__all__ = ["Gazetteer", "Located", "Place", "latin_key", "load_gazetteer", "name_key"]
