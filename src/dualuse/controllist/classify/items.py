"""The data the classifier keeps per Annex I item, and the view of the index the ranking needs."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from dualuse.controllist.classify.quantities import Threshold
from dualuse.controllist.classify.records import EntryRecord

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class Postings:
    rows: IntArray
    weights: FloatArray


@dataclass(frozen=True, slots=True)
class IndexedItem:
    record: EntryRecord
    ancestors: tuple[int, ...]  # nearest first
    own_terms: frozenset[str]
    path_terms: frozenset[str]  # own and ancestors' words
    path_bigrams: frozenset[tuple[str, str]]
    thresholds: tuple[Threshold, ...]  # own and inherited, nearest first
    refers_to: tuple[int, ...]  # hardware rows a D / E item refers to
    note_texts: tuple[tuple[str, str], ...]  # (code the note sits at, note text)
    negated_terms: frozenset[str] = frozenset()  # words the path's text negates ("without ... aiding")


class SearchIndex(Protocol):
    """What ``pipeline.classify_text`` reads from ``ClassifierIndex``."""

    items: list[IndexedItem]
    idf: dict[str, float]
    code_row: dict[str, int]
    children: dict[int, list[int]]
    groups: IntArray
    postings: dict[str, Postings]
    excludes: dict[str, tuple[str, ...]]  # entry -> codes it is "other than"
    heads: dict[str, list[int]]  # first content word of an item's own text -> rows

    def term_scores(self, query: Mapping[str, float]) -> tuple[FloatArray, FloatArray]: ...

    def rows_under(self, code: str) -> list[int]: ...
