"""Art 5(2): an exporter aware that a non-listed cyber-surveillance item is or may be intended for a
use in Art 5(1) notifies its competent authority. A record that concludes "notify" hands over here.

The cooperation app owns catch-all notifications. It registers a handler at start-up (its
AppConfig.ready): `diligence.notify.register(handler)`; the handler gets the DueDiligenceRecord
and returns the notification's reference. Until a handler exists the record stays `pending`
(`dualuse diligence notifications` lists them; `services.pending_notifications()` is the queue).
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
