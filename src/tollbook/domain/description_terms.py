"""The vocabulary descriptions of bodies and of the missing are coded in, shared by the
simulator, the forms' pickers and the matching: garments, colours, marks and where on the
body, effects, wrappings (items are written "coat:black", "tattoo:anchor:left forearm")."""

from __future__ import annotations

CLOTHING_MALE: tuple[str, ...] = (
    "jacket", "coat", "sweater", "shirt", "trousers", "jeans", "tracksuit", "boots",
    "trainers", "cap",
)  # fmt: skip
CLOTHING_FEMALE: tuple[str, ...] = (
    "coat", "jacket", "sweater", "blouse", "skirt", "dress", "trousers", "boots",
    "headscarf", "cardigan",
)  # fmt: skip
COLOURS: tuple[str, ...] = (
    "black", "grey", "dark blue", "blue", "brown", "green", "red", "beige", "white",
    "burgundy",
)  # fmt: skip
MARK_KINDS: tuple[str, ...] = (
    "tattoo:cross", "tattoo:anchor", "tattoo:rose", "tattoo:initials", "tattoo:bird",
    "scar", "birthmark", "missing finger", "gold tooth", "dentures", "surgical scar",
)  # fmt: skip
MARK_PLACES: tuple[str, ...] = (
    "left forearm", "right forearm", "chest", "back", "left hand", "right hand", "neck",
    "abdomen", "face", "left shoulder", "right shoulder",
)  # fmt: skip
EFFECTS: tuple[str, ...] = (
    "wedding ring", "wristwatch", "mobile phone", "keys", "cross on a chain", "glasses",
    "wallet", "passport", "bank card", "hearing aid", "rosary", "pension card",
)  # fmt: skip
WRAPPINGS: tuple[str, ...] = (
    "blanket", "carpet", "plastic sheeting", "body bag", "curtain", "bed sheet",
)  # fmt: skip
