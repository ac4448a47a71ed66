"""The small-cell rule (pure): every published combination covers at least k exporters."""

from __future__ import annotations

from collections import defaultdict

from hypothesis import given, settings
from hypothesis import strategies as st

from dualuse.transparency.disclosure import (
    Level,
    PrivateRow,
    combination,
    disclose,
    item_type,
    levels,
    suppress_cells,
)


def row(
    key: int, exporter: int, entry: str = "5A001.j", dest: str = "CN", group: int | None = None
) -> PrivateRow:
    return PrivateRow(
        key, key if group is None else group, exporter, "DE", 2025, entry, item_type(entry), dest
    )


def test_three_exporters_in_a_cell_are_published_in_full() -> None:
    shown = disclose([row(1, 10), row(2, 11), row(3, 12)], 3)
    assert {d.level for d in shown.values()} == {Level.FULL}
    assert shown[1].entry == "5A001.j" and shown[1].destination == "CN" and shown[1].value_shown


def test_one_exporter_alone_in_a_cell_is_generalised() -> None:
    rows = [row(1, 10), row(2, 11), row(3, 12), row(4, 13, entry="5A004.a")]
    rows += [row(5, 14, entry="5A002.a"), row(6, 15, entry="5A002.a"), row(7, 16, entry="5A002.a")]
    shown = disclose(rows, 3)
    # 5A004.a (exporter 13) alone: the "5A"/CN cell at level 1 holds it alone too, so it goes further
    # and is published without destination, where it is not alone.
    assert shown[4].entry in {"5A", ""} and shown[4].entry != "5A004.a"
    assert shown[1].level == Level.FULL


def test_two_rows_of_one_exporter_do_not_make_a_cell() -> None:
    shown = disclose([row(1, 10), row(2, 10), row(3, 10)], 2)
    assert all(d.level == Level.WITHHELD for d in shown.values())
    assert not any(d.visible for d in shown.values())


def test_lines_of_one_application_share_the_coarsest_level() -> None:
    rows = [row(1, 10, group=100), row(2, 11), row(3, 12), row(4, 10, entry="9A012.a", dest="BR", group=100)]
    lv = levels(rows, 3)
    assert lv[1] == lv[4]


def test_k_of_one_publishes_everything_in_full() -> None:
    shown = disclose([row(1, 10), row(2, 11, entry="1C010.b", dest="US")], 1)
    assert all(d.level == Level.FULL for d in shown.values())


def test_item_type_of_codes() -> None:
    assert item_type("5a001.j") == "5A"
    assert item_type("") == "non-listed"
    assert item_type("XYZ") == "non-listed"


def test_secondary_suppression_hides_a_second_cell() -> None:
    assert suppress_cells({"CN": 1, "US": 5, "JP": 4}, 3) == {"CN", "JP"}
    assert suppress_cells({"CN": 1, "US": 2, "JP": 4}, 3) == {"CN", "US"}
    assert suppress_cells({"CN": 5, "US": 4}, 3) == set()


rows_strategy = st.lists(
    st.tuples(
        st.integers(0, 6),  # exporter
        st.sampled_from(["5A001.j", "5A001.f", "5A002.a", "1C010.b", "9A012.a"]),
        st.sampled_from(["CN", "US", "BR"]),
        st.integers(0, 12),  # application
    ),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(rows_strategy, st.integers(1, 4))
def test_every_published_combination_covers_k_exporters(raw: list[tuple[int, str, str, int]], k: int) -> None:
    # An application belongs to one exporter: the group id includes the exporter.
    rows = [
        PrivateRow(i, app * 10 + exp, exp, "DE", 2025, entry, item_type(entry), dest)
        for i, (exp, entry, dest, app) in enumerate(raw)
    ]
    lv = levels(rows, k)
    cells: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for r in rows:
        if lv[r.key] < Level.WITHHELD:
            cells[(str(int(lv[r.key])), *combination(r, lv[r.key]))].add(r.exporter)
    assert all(len(exporters) >= k for exporters in cells.values())
    by_group: dict[int, set[Level]] = defaultdict(set)
    for r in rows:
        by_group[r.group].add(lv[r.key])
    assert all(len(levels_) == 1 for levels_ in by_group.values())
