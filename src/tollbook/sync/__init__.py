"""Sync between sites: bundles of versions, carried on a stick or sent to a server.

See docs/field.md for the design: global ids, the change log, version vectors, merging
as a set, the conflicts queue, and sealed (encrypted, signed) bundles.
"""
