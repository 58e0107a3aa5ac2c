"""The spool remembers every row id of a file, however many, and gives back the first line."""

from __future__ import annotations

from ingest.pipeline.spool import Spool


def test_a_repeated_id_is_found_with_its_first_line_long_after_it_was_written_away() -> None:
    with Spool() as spool:
        for line in range(2, 30_002):
            assert spool.first_line("people.csv", "person_id", f"p{line}", line) is None
        assert spool.first_line("people.csv", "person_id", "p2", 40_000) == 2
        assert spool.first_line("people.csv", "person_id", "p29999", 40_001) == 29_999
        assert spool.first_line("people.csv", "person_id", "p30001", 40_002) == 30_001


def test_the_same_id_in_another_file_or_column_is_not_a_repeat() -> None:
    with Spool() as spool:
        assert spool.first_line("a.csv", "person_id", "p1", 2) is None
        assert spool.first_line("b.csv", "person_id", "p1", 2) is None
        assert spool.first_line("a.csv", "deal_id", "p1", 3) is None
        assert spool.first_line("a.csv", "person_id", "p1", 9) == 2


def test_new_ids_that_look_like_old_ones_to_the_filter_are_still_new() -> None:
    with Spool() as spool:
        ids = [f"i{n}" for n in range(200_000)]
        repeats = [spool.first_line("x.csv", "interaction_id", i, n) for n, i in enumerate(ids)]
        assert repeats == [None] * len(ids)
