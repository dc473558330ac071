"""Benchmarks: each prints its figures; run them all with ``bash benchmarks/run.sh``."""
