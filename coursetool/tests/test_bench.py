"""The benchmark's arithmetic: ratios of medians, the median over rounds, GFLOP/s, and when two checks agree."""

import unittest

from coursetool.bench import (WORKLOADS, Samples, Workload, bench_table, checks_agree, cpu_info, fma_lanes, gflops,
                               openblas_kernel, peak_text, summarise)

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


class MachineTest(unittest.TestCase):

    CPUINFO = ("processor\t: 0\nmodel name\t: AMD EPYC\ncpu MHz\t\t: 2445.422\n"
               "flags\t\t: fpu sse2 fma cx16 avx avx2 bmi2\n\nprocessor\t: 1\nmodel name\t: AMD EPYC\n"
               "cpu MHz\t\t: 3000.000\nflags\t\t: fpu sse2 fma avx avx2 avx512f\n")

    def test_cpuinfo_gives_model_features_and_clock_of_the_first_processor(self):
        info = cpu_info(self.CPUINFO)
        self.assertEqual({"cpu": "AMD EPYC", "cpu_features": ["avx2", "fma"], "ghz": 2.45}, info)
        self.assertEqual({"cpu": "?", "cpu_features": [], "ghz": None}, cpu_info(""))

    def test_fma_lanes_follow_the_widest_vector_with_fma(self):
        self.assertEqual(8, fma_lanes(["avx2", "avx512f", "fma"]))
        self.assertEqual(4, fma_lanes(["avx2", "fma"]))
        self.assertEqual(1, fma_lanes(["avx2"]))            # AVX2 without FMA: no fused multiply-add
        self.assertEqual(2, fma_lanes(["asimd"]))

    def test_peak_is_cores_times_clock_times_lanes_times_two(self):
        # 2 cores x 2.5 GHz x 4 lanes x 2 = 40 GFLOP/s with one FMA unit per core, 80 with two
        text = peak_text({"nproc": 2, "ghz": 2.5, "cpu_features": ["avx2", "fma"]})
        self.assertIn("= 40.0 GFLOP/s with one FMA unit per core, 80.0 with two; one core 20.0 / 40.0", text)
        self.assertIn("unknown", peak_text({"nproc": 2, "ghz": None}))

    def test_the_openblas_kernel_is_read_from_its_config_string(self):
        self.assertEqual("Haswell", openblas_kernel(
            "OpenBLAS 0.3.31.188.0  USE64BITINT DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64"))
        self.assertEqual("Cooperlake", openblas_kernel("OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Cooperlake MAX_THREADS=64"))
        self.assertEqual("?", openblas_kernel("not OpenBLAS: NumPy runs on /usr/lib/libblas.so.3"))

    def test_the_table_names_features_kernel_path_and_peak(self):
        row = summarise(MATMUL, self._one_round(), [1.0])
        report = {"machine": {"nproc": 2, "cpu": "x", "cpu_features": ["avx2", "fma"], "ghz": 2.5, "java": "j",
                              "numpy": "n", "openblas": "OpenBLAS 0.3.21 Haswell MAX_THREADS=64",
                              "openblas_threads": 2, "java_matmul_path": "Vector API, DoubleVector 256-bit",
                              "loadavg_before": ["0"] * 3, "loadavg_after": ["0"] * 3},
                  "rounds": 1, "minutes": 0.1, "results": [row]}
        head = bench_table(report).splitlines()[:2]
        self.assertIn("(x; avx2, fma)", head[0])
        self.assertIn("(OpenBLAS kernel Haswell)", head[0])
        self.assertIn("FastMatMul.multiply path: Vector API, DoubleVector 256-bit; peak: 2 cores", head[1])

    def test_a_numpy_without_openblas_is_flagged_in_the_table(self):
        row = summarise(MATMUL, self._one_round(), [1.0])
        machine = {"nproc": 2, "cpu": "x", "java": "j", "numpy": "n", "loadavg_before": ["0"] * 3,
                   "loadavg_after": ["0"] * 3}
        report = {"machine": dict(machine, openblas="not OpenBLAS: NumPy runs on /usr/lib/libblas.so.3"),
                  "rounds": 1, "minutes": 0.1, "results": [row]}
        self.assertIn("NOTE: NumPy is not on OpenBLAS here", bench_table(report))
        report["machine"] = dict(machine, openblas="OpenBLAS 0.3.21 Haswell MAX_THREADS=64", openblas_threads=2)
        self.assertNotIn("NOTE", bench_table(report))

    def test_the_vector_rows_carry_the_issue_targets(self):
        rows = {w.key: w for w in WORKLOADS}
        for key in ("A1000_vec", "A2000_vec", "A1000_vec_1t"):
            self.assertEqual(1.25, rows[key].target_ratio, key)
        self.assertEqual({"OPENBLAS_NUM_THREADS": "1"}, rows["A1000_vec_1t"].numpy_env)
        self.assertEqual("MatMulBench.vectorKernel", rows["A1000_vec_1t"].jmh_benchmark)

    @staticmethod
    def _one_round():
        s = Samples()
        s.add_round([20.0], [10.0])
        return s


if __name__ == "__main__":
    unittest.main()
