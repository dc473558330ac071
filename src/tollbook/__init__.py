"""Tollbook: count the dead of a war or disaster honestly and give them back their names."""

__version__ = "0.1.0"
