"""Use cases, one function each, shared by the CLI and the web app.

They orchestrate: the work itself is in the pure layers (``extract``, ``count``, ...) and
the storage in ``store``; a service takes a unit of work and gives back plain data.
"""
