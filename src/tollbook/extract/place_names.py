"""Place names the news writes that GeoNames' cities file does not hold as written: other
spellings of its cities and countries, and regions reported as places (data only)."""

from __future__ import annotations

# Spellings common in the news that GeoNames files under another primary name.
ALIASES = {
    "Kyiv": "Kiev",
    "Izium": "Izyum",
    "Khan Younis": "Khan Yunis",
    "Derna": "Darnah",
    "Kahramanmaras": "Kahramanmaraş",
    "Odesa": "Odessa",
    "Kramatorsk": "Kramatorsk",
    "Gaza City": "Gaza",
    "Mykolaiv": "Mykolayiv",
    "Zaporizhzhia": "Zaporizhzhya",
    "Dnipro": "Dnipro",
    "Kherson": "Kherson",
    "Bucha": "Bucha",
    "Lviv": "Lviv",
    "Hodeidah": "Al Hudaydah",
    "Idlib": "Idlib",
    "Marib": "Ma'rib",
    "Tripoli": "Tripoli",
    "Deir al-Balah": "Dayr al Balaḩ",
    # countries as the news writes them
    "Democratic Republic of Congo": "Democratic Republic of the Congo",
    "DR Congo": "Democratic Republic of the Congo",
    "DRC": "Democratic Republic of the Congo",
    "Burma": "Myanmar",
    "Türkiye": "Turkey",
    "Britain": "United Kingdom",
    "Côte d'Ivoire": "Ivory Coast",
    "Réunion": "Reunion",
    "Curaçao": "Curacao",
    "Cape Verde": "Cabo Verde",
    "Czech Republic": "Czechia",
}

# Regions and territories reported as places, not in the cities file.
EXTRA_REGIONS = {
    "Gaza Strip": "PS",
    "West Bank": "PS",
    "Darfur": "SD",
    "Donbas": "UA",
    "Donbass": "UA",
    "Tigray": "ET",
    "North Darfur": "SD",
    "Kordofan": "SD",
    "Idlib province": "SY",
    "Africa": "",
    "Europe": "",
    "Asia": "",
}
