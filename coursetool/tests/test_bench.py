"""The benchmark's arithmetic: ratios of medians, the median over rounds, GFLOP/s, and when two checks agree."""

import unittest

from coursetool.bench import WORKLOADS, Samples, Workload, bench_table, checks_agree, gflops, summarise

MATMUL = next(w for w in WORKLOADS if w.key == "A1000")
GUESSER = next(w for w in WORKLOADS if w.key == "B")
DESCENT = next(w for w in WORKLOADS if w.key == "C_100x1")


class RatioTest(unittest.TestCase):

    def test_a_round_compares_the_medians_of_both_sides(self):
        s = Samples()
        # medians: Java 2 (of 3, 1, 2), NumPy 6 (of 4, 8: the mean of the middle two)
        self.assertAlmostEqual(1 / 3, s.add_round([3.0, 1.0, 2.0], [4.0, 8.0]), places=15)
        self.assertEqual([3.0, 1.0, 2.0], s.java_ms)

    def test_the_reported_ratio_is_the_median_over_rounds_not_the_ratio_of_all_samples(self):
        s = Samples()
        s.add_round([1.0], [4.0])         # 0.25
        s.add_round([10.0], [5.0])        # 2
        s.add_round([3.0], [6.0])         # 0.5
        row = summarise(MATMUL, s, [1.0])
        self.assertEqual(0.5, row["ratio"])                 # all samples pooled would give 3 / 5 = 0.6
        self.assertEqual([0.25, 2.0, 0.5], row["ratio_per_round"])
        self.assertEqual(3.0, row["java_ms"])
        self.assertEqual(5.0, row["numpy_ms"])
        self.assertTrue(row["met"])                         # 0.5 <= the target 2.0

    def test_a_missed_target_shows_as_no_in_the_table(self):
        s = Samples()
        s.add_round([30.0], [10.0])
        row = summarise(MATMUL, s, [2.0])
        self.assertFalse(row["met"])
        report = {"machine": {"nproc": 2, "cpu": "x", "java": "j", "numpy": "n", "loadavg_before": ["0"] * 3,
                              "loadavg_after": ["0"] * 3}, "rounds": 1, "minutes": 0.1, "results": [row]}
        line = bench_table(report).splitlines()[-1]
        self.assertIn("| 3.00 | <= 2.0 | NO | NO |", line)   # ratio, target, met, same result (no NumPy check)

    def test_gflops_counts_two_operations_per_multiply_add(self):
        self.assertEqual(100.0, gflops(1000, 20.0))          # 2e9 operations in 0.02 s
        self.assertEqual(0.2, gflops(10, 0.01))              # 2000 operations in 1e-5 s


class ChecksAgreeTest(unittest.TestCase):

    def test_the_guesser_allows_sampling_noise_and_no_more(self):
        self.assertTrue(checks_agree(GUESSER, [0.2460, 0.1], [0.2440, 0.1]))
        self.assertFalse(checks_agree(GUESSER, [0.2500, 0.1], [0.2460, 0.1]))

    def test_the_multiply_allows_rounding_only(self):
        self.assertTrue(checks_agree(MATMUL, [500.0 * (1 + 1e-12)], [500.0]))
        self.assertFalse(checks_agree(MATMUL, [500.001], [500.0]))

    def test_a_descent_allows_rounding_but_not_a_different_answer(self):
        self.assertTrue(checks_agree(DESCENT, [4.008174955956926, 2.86084203116465],
                                     [4.008174955956930, 2.86084203116466]))
        self.assertFalse(checks_agree(DESCENT, [4.0082, 2.8608], [4.008174955956926, 2.8608420311646516]))

    def test_missing_diverged_or_differently_shaped_checks_never_agree(self):
        for java, numpy in (([], []), (None, [1.0]), ([1.0, None], [1.0, 1.0]), ([1.0], [1.0, 2.0])):
            self.assertFalse(checks_agree(DESCENT, java, numpy), (java, numpy))


class WorkloadsTest(unittest.TestCase):

    def test_keys_are_unique_and_each_row_has_its_own_parameters(self):
        keys = [w.key for w in WORKLOADS]
        self.assertEqual(len(keys), len(set(keys)))
        a = Workload("x", "d", "B.m", "A500", 1)
        a.jmh_params["n"] = "1"
        self.assertEqual({}, Workload("y", "d", "B.m", "A500", 1).jmh_params)   # no shared mutable default


if __name__ == "__main__":
    unittest.main()
