#!/usr/bin/env python3
"""The regression gate's own logic (bench/gate.py): budget parsing, the 3% comparison, and the
budget file `--update` writes. Runs no valgrind: fabricated budgets and counts only.

Usage: gate_logic_test.py PATH/TO/bench/gate.py
"""

import importlib.util
import os
import sys
import unittest

GATE_PATH = sys.argv.pop(1) if len(sys.argv) > 1 else "bench/gate.py"


def load_gate():
    sys.path.insert(0, os.path.dirname(os.path.abspath(GATE_PATH)))  # gate.py's own imports
    spec = importlib.util.spec_from_file_location("gate", GATE_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gate = load_gate()


class CompareTest(unittest.TestCase):
    def verdicts(self, rows):
        return {name: verdict for name, _, _, _, verdict in rows}

    def test_equal_counts_pass(self):
        ok, rows = gate.compare({"a": 1000, "b": 5000}, {"a": 1000, "b": 5000})
        self.assertTrue(ok)
        self.assertEqual(self.verdicts(rows), {"a": "ok", "b": "ok"})

    def test_growth_within_tolerance_passes(self):
        ok, rows = gate.compare({"a": 1_000_000}, {"a": 1_030_000})
        self.assertTrue(ok)
        self.assertAlmostEqual(rows[0][3], 1.03)

    def test_growth_past_tolerance_fails_and_names_the_workload(self):
        ok, rows = gate.compare({"a": 1_000_000, "b": 10}, {"a": 1_030_001, "b": 10})
        self.assertFalse(ok)
        verdicts = self.verdicts(rows)
        self.assertTrue(verdicts["a"].startswith("FAIL"))
        self.assertEqual(verdicts["b"], "ok")
        self.assertEqual(rows[0][1:3], (1_000_000, 1_030_001))

    def test_large_drop_passes_with_a_hint(self):
        ok, rows = gate.compare({"a": 1000}, {"a": 900})
        self.assertTrue(ok)
        self.assertIn("--update", rows[0][4])

    def test_tolerance_is_a_parameter(self):
        self.assertFalse(gate.compare({"a": 100}, {"a": 102}, tolerance=0.01)[0])
        self.assertTrue(gate.compare({"a": 100}, {"a": 102}, tolerance=0.05)[0])

    def test_missing_workload_on_either_side_fails(self):
        self.assertFalse(gate.compare({"a": 1}, {"a": 1, "new": 5})[0])
        self.assertFalse(gate.compare({"a": 1, "gone": 5}, {"a": 1})[0])

    def test_table_shows_old_new_and_ratio_for_every_workload(self):
        _, rows = gate.compare({"a": 1000, "b": 2000}, {"a": 1100, "b": 2000})
        text = gate.format_rows(rows)
        self.assertIn("1,000", text)
        self.assertIn("1,100", text)
        self.assertIn("1.1000", text)
        self.assertIn("2,000", text)
        self.assertEqual(len(text.splitlines()), 3)


class BudgetFileTest(unittest.TestCase):
    def test_update_round_trips_and_keeps_older_reasons_newest_first(self):
        first = gate.format_budget({"b": 20, "a": 10}, "first  budget", [], "2026-01-01")
        comments, budget = gate.parse_budget(first)
        self.assertEqual(budget, {"a": 10, "b": 20})
        second = gate.format_budget({"a": 11, "b": 20}, "parse got slower on purpose", comments,
                                    "2026-02-02")
        comments2, budget2 = gate.parse_budget(second)
        self.assertEqual(budget2, {"a": 11, "b": 20})
        dated = [c for c in comments2 if c.startswith("# 20")]
        self.assertEqual(dated, ["# 2026-02-02: parse got slower on purpose",
                                 "# 2026-01-01: first budget"])

    def test_old_reasons_are_capped(self):
        comments = []
        for day in range(1, 30):
            text = gate.format_budget({"a": day}, f"move {day}", comments, f"2026-03-{day:02}")
            comments, _ = gate.parse_budget(text)
        dated = [c for c in comments if c.startswith("# 20")]
        self.assertEqual(len(dated), gate.KEPT_REASONS)
        self.assertEqual(dated[0], "# 2026-03-29: move 29")

    def test_malformed_line_is_an_error_naming_the_line(self):
        with self.assertRaisesRegex(ValueError, "line 3"):
            gate.parse_budget("# c\nworkload,instructions\na,notanumber\n")


if __name__ == "__main__":
    unittest.main(verbosity=2)
