"""Bodies, graves, custody, missing-person reports and candidate matching: pure rules.

Nothing here touches a database or a file; :mod:`tollbook.services.registry` and
:mod:`tollbook.services.matching` put these rules to work on the store.
"""
