"""Art 5(2): an exporter aware that a non-listed cyber-surveillance item is or may be intended for a
use in Art 5(1) notifies its competent authority. A record that concludes "notify" hands over here.

The cooperation app owns catch-all notifications: by default the record is handed to its
`notify_catch_all` after commit (services.records.notify_cooperation). A deployment or a test may
register another handler here (it gets the DueDiligenceRecord and returns the notification's
reference). When the hand-over fails the record stays `pending`; `dualuse diligence notifications
--hand-over` retries.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Handler = Callable[[Any], Any]
_handler: Handler | None = None


def register(handler: Handler | None) -> None:
    global _handler
    _handler = handler


def current_handler() -> Handler | None:
    return _handler
