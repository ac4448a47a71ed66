"""Stable error codes of the transparency app."""

from __future__ import annotations

from dualuse.core.errors import DomainError


class NotDecided(DomainError):
    code = "application_not_decided"
    status = 409


class InvalidFilter(DomainError):
    code = "invalid_filter"
    status = 400


class InvalidPenalty(DomainError):
    code = "invalid_penalty"
    status = 400


class NotAllowed(DomainError):
    code = "transparency_not_allowed"
    status = 403


class UnknownArticle(DomainError):
    code = "unknown_handbook_article"
    status = 404
