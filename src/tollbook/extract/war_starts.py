"""The days wars began, for running totals counted "since the start of the invasion"."""

from __future__ import annotations

import re
from datetime import date

#: Starts of wars that cumulative tolls count from, when the report gives no date.
WAR_STARTS = (
    (
        re.compile(
            r"since\s+(?:the\s+)?(?:start|beginning|outset)\s+of\s+(?:the\s+)?(?:(?:russian|full-scale|russia's)\s+)?(?:full-scale\s+)?invasion"
        ),
        date(2022, 2, 24),
    ),
    (
        re.compile(
            r"since\s+(?:the\s+)?(?:start\s+of\s+the\s+)?war\s+(?:in\s+gaza\s+)?(?:began|started)\s+on\s+october\s+7|since\s+(?:the\s+)?october\s+7"
        ),
        date(2023, 10, 7),
    ),
)
