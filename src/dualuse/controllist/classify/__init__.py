"""Annex I classification engine: which entries could a product description fall under? (no Django)"""

from dualuse.controllist.classify.index import ClassifierIndex
from dualuse.controllist.classify.records import EntryRecord, load_definitions_jsonl, load_entries_jsonl
from dualuse.controllist.classify.result import Classification, RankedEntry

__all__ = [
    "Classification",
    "ClassifierIndex",
    "EntryRecord",
    "RankedEntry",
    "load_definitions_jsonl",
    "load_entries_jsonl",
]
