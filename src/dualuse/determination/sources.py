"""Rule sources other apps add to every determination (e.g. the EU-wide cyber-surveillance list).

Registered explicitly in an AppConfig.ready(); each provider is called per determination so that a
newly published list entry applies at once.
"""

from __future__ import annotations

from collections.abc import Callable

from dualuse.determination.rules.sources import ExtraRuleSource

SourceProvider = Callable[[], list[ExtraRuleSource]]
_providers: list[tuple[str, SourceProvider]] = []


def register(label: str, provider: SourceProvider) -> None:
    if all(existing != label for existing, _ in _providers):
        _providers.append((label, provider))


def current_sources() -> tuple[ExtraRuleSource, ...]:
    found: list[ExtraRuleSource] = []
    for _, provider in _providers:
        found.extend(provider())
    return tuple(found)
