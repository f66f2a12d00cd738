"""./course bench: the library's kernels timed with JMH beside NumPy (bench/numpy_reference.py), in one session.

Java and NumPy alternate workload by workload in interleaved rounds (which side goes first alternates too), so a
busy spell on a shared machine hits both. Each round gives a ratio of medians, Java / NumPy; the reported ratio is the
median of the rounds' ratios.
"""

from __future__ import annotations

import datetime
import json
import os
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from .checks import numpy_python, require
from .core import ROOT, TARGET, CourseError, how_to_install, mvn, run, say

BENCH_DIR = TARGET / "bench"
BENCH_JAR = TARGET / "bench-build" / "benchmarks.jar"
PROGRAMS = ROOT / "bench"                     # numpy_reference.py, write_inputs.py, numpy_machine.py
# Every benchmark JVM gets the Vector API module, so FastMatMul.multiply (and the Checks) take its Vector API path.
JVM_FLAGS = ["--add-modules=jdk.incubator.vector"]


@dataclass(frozen=True)
class Workload:
    """One row of the table: a JMH benchmark and the NumPy implementation it is compared with."""
    key: str
    description: str
    jmh_benchmark: str                        # Class.method in mlfoundations.benchmarks
    numpy_workload: str                       # numpy_reference.py's workload (also the input data's name)
    numpy_repeats: int
    jmh_params: dict = field(default_factory=dict)
    numpy_impl: str = "numpy"
    numpy_env: dict = field(default_factory=dict)
    target_ratio: Optional[float] = None      # the Java / NumPy ratio the course aims for, if any
    matmul_n: Optional[int] = None            # n of an n x n multiply, for GFLOP/s


def matmul(key, n, what, benchmark, repeats, target=None, env=None):
    return Workload(key, f"matrix multiply n={n}{what}", benchmark, f"A{n}", repeats, jmh_params={"n": str(n)},
                    numpy_env=env or {}, target_ratio=target, matmul_n=n)


WORKLOADS = [
    # The seven workloads, with their targets.
    matmul("A500", 500, ": FastMatMul.parallel, plain Java (2 threads) vs A @ B", "MatMulBench.fast", 30),
    matmul("A1000", 1000, ": FastMatMul.parallel, plain Java (2 threads) vs A @ B", "MatMulBench.fast", 15,
           target=2.0),
    matmul("A2000", 2000, ": FastMatMul.parallel, plain Java (2 threads) vs A @ B", "MatMulBench.fast", 5),
    # FastMatMul's Vector API step, what FastMatMul.multiply runs on a JVM with jdk.incubator.vector (issue 16).
    matmul("A500_vec", 500, ": FastMatMul.vectorApi, Vector API (2 threads) vs A @ B", "MatMulBench.vector", 30),
    matmul("A1000_vec", 1000, ": FastMatMul.vectorApi, Vector API (2 threads) vs A @ B", "MatMulBench.vector", 15,
           target=1.25),
    matmul("A2000_vec", 2000, ": FastMatMul.vectorApi, Vector API (2 threads) vs A @ B", "MatMulBench.vector", 5,
           target=1.25),
    matmul("A1000_vec_1t", 1000, ", one thread each: FastMatMul.vectorApi(a, b, 1) vs OPENBLAS_NUM_THREADS=1",
           "MatMulBench.vectorKernel", 10, target=1.25, env={"OPENBLAS_NUM_THREADS": "1"}),
    Workload("B", "guesser, 1,000,000 tests x 10 questions: Guesser.simulate vs integers+compare+bincount",
             "GuesserBench.simulate", "B", 20, target_ratio=0.5),
    Workload("C_100x1", "linear regression, batch GD 1000 it., m=100 x 1: LinearRegressionFastGd.fit",
             "GdBench.gd", "C_100x1", 50, jmh_params={"workload": "C_100x1"}, target_ratio=1.0),
    Workload("C_100000x10",
             "linear regression, batch GD 1000 it., m=100,000 x 10: LinearRegressionFastGd.fit",
             "GdBench.gd", "C_100000x10", 5, jmh_params={"workload": "C_100000x10"}, target_ratio=1.5),
    Workload("D", "logistic regression, batch GD 1000 it., m=300 x 2, loss every it.: plain arrays",
             "GdBench.gd", "D", 30, jmh_params={"workload": "D"}, target_ratio=1.0),
    # For context: the lesson's other steps, and one thread on each side.
    matmul("A1000_1t", 1000, ", one thread each: FastMatMul.kernel, plain Java vs OPENBLAS_NUM_THREADS=1",
           "MatMulBench.kernel", 10, env={"OPENBLAS_NUM_THREADS": "1"}),
    matmul("A1000_ikj", 1000, ": MatMul.ikj (i-k-j loops) vs A @ B", "MatMulBench.ikj", 15),
    matmul("A1000_ejml", 1000, ": EJML SimpleMatrix.mult vs A @ B", "MatMulBench.ejml", 15),
    Workload("B_binomial", "guesser as above vs rng.binomial(10, 0.5, N)", "GuesserBench.simulate", "B", 20,
             numpy_impl="numpy_binomial"),
]


@dataclass
class Samples:
    """What the rounds measured for one workload."""
    java_ms: list = field(default_factory=list)
    numpy_ms: list = field(default_factory=list)
    ratios: list = field(default_factory=list)      # one per round: median Java / median NumPy
    numpy_check: Optional[list] = None

    def add_round(self, java_ms: list, numpy_ms: list) -> float:
        """Records one round and returns its ratio of medians."""
        self.java_ms += java_ms
        self.numpy_ms += numpy_ms
        self.ratios.append(statistics.median(java_ms) / statistics.median(numpy_ms))
        return self.ratios[-1]


def checks_agree(w: Workload, java: Optional[list], numpy: Optional[list]) -> bool:
    """Whether both sides computed the same numbers: up to rounding for the multiply and the descents, up to
    sampling noise for the guesser (each side draws its own random tests)."""
    if not java or not numpy or len(java) != len(numpy) or any(v is None for v in java + numpy):
        return False
    if w.numpy_workload == "B":
        # A share of 10^6 tests has standard deviation sqrt(p(1-p)/10^6) <= 0.0005; 0.003 is six of them.
        return all(abs(j - p) <= 0.003 for j, p in zip(java, numpy))
    if w.matmul_n:
        # Sums of n products of numbers in [0, 1), added in another order: relative rounding about n * 1e-16.
        return all(abs(j - p) <= 1e-9 * abs(p) for j, p in zip(java, numpy))
    # 1000 descent steps contract towards the same minimiser, so rounding does not grow; 1e-6 leaves a wide margin
    # and still catches a different step, rate or loss.
    return all(abs(j - p) <= 1e-6 * max(1.0, abs(p)) for j, p in zip(java, numpy))


def gflops(n: int, ms: float) -> float:
    """An n x n multiply takes 2 n^3 floating-point operations (n^3 multiplications and as many additions)."""
    return round(2 * n ** 3 / (ms / 1e3) / 1e9, 1)


def summarise(w: Workload, s: Samples, java_check: Optional[list]) -> dict:
    """One row of results.json."""
    ratio = statistics.median(s.ratios)
    row = {"workload": w.key, "description": w.description,
           "java_ms": round(statistics.median(s.java_ms), 3), "numpy_ms": round(statistics.median(s.numpy_ms), 3),
           "ratio": round(ratio, 3), "ratio_per_round": [round(x, 3) for x in s.ratios],
           "target_ratio": w.target_ratio, "met": None if w.target_ratio is None else ratio <= w.target_ratio,
           "java_check": java_check, "numpy_check": s.numpy_check,
           "checks_agree": checks_agree(w, java_check, s.numpy_check),
           "java_samples": len(s.java_ms), "numpy_samples": len(s.numpy_ms),
           "jmh_benchmark": w.jmh_benchmark, "jmh_params": w.jmh_params, "numpy_impl": w.numpy_impl,
           "numpy_env": w.numpy_env}
    if w.matmul_n:
        row["java_gflops"] = gflops(w.matmul_n, row["java_ms"])
        row["numpy_gflops"] = gflops(w.matmul_n, row["numpy_ms"])
    return row


def blas_text(m: dict) -> str:
    """The BLAS NumPy runs on, as bench/numpy_machine.py found it: OpenBLAS with its threads and the kernel it chose
    for this processor, or another library."""
    if "openblas_threads" in m:
        return (f"{m['openblas']} with {m['openblas_threads']} threads (OpenBLAS kernel "
                f"{openblas_kernel(m['openblas'])})")
    return m.get("openblas", "?")


def cpu_info(text: str) -> dict:
    """From /proc/cpuinfo: the model, the vector features the figures depend on (avx2, avx512f, fma; asimd on ARM)
    and the clock the kernel reports (the base clock on most machines, not the turbo one)."""
    info = {"cpu": "?", "cpu_features": [], "ghz": None}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key = key.strip()
        if key == "model name" and info["cpu"] == "?":
            info["cpu"] = value.strip()
        elif key in ("flags", "Features") and not info["cpu_features"]:
            flags = set(value.split())
            info["cpu_features"] = [f for f in ("avx2", "avx512f", "fma", "asimd") if f in flags]
        elif key == "cpu MHz" and info["ghz"] is None:
            try:
                info["ghz"] = round(float(value) / 1000, 2)
            except ValueError:
                pass
    return info


def fma_lanes(features: list) -> int:
    """Doubles per vector fused multiply-add: 8 with AVX-512, 4 with AVX2 and FMA, 2 on ARM NEON, else 1."""
    if "avx512f" in features:
        return 8
    if "avx2" in features and "fma" in features:
        return 4
    return 2 if "asimd" in features else 1


def peak_text(m: dict) -> str:
    """The machine's peak, cores x GHz x FMA lanes x 2 (an FMA is two operations), per FMA unit: cores with two
    FMA units per core (Intel since Haswell, AMD since Zen 2) reach twice that."""
    if not m.get("ghz"):
        return "peak: unknown (no clock in /proc/cpuinfo)"
    lanes = fma_lanes(m.get("cpu_features", []))
    peak = m["nproc"] * m["ghz"] * lanes * 2
    return (f"peak: {m['nproc']} cores x {m['ghz']} GHz x {lanes} FMA lanes x 2 = {peak:.1f} GFLOP/s with one FMA unit "
            f"per core, {2 * peak:.1f} with two; one core {peak / m['nproc']:.1f} / {2 * peak / m['nproc']:.1f}")


def openblas_kernel(config: str) -> str:
    """The kernel OpenBLAS chose, from openblas_get_config(): the word before MAX_THREADS (e.g. Haswell, SkylakeX,
    Cooperlake, Zen), or '?'."""
    words = config.split()
    for i, w in enumerate(words):
        if w.startswith("MAX_THREADS") and i > 0:
            return words[i - 1]
    return "?"


def bench_table(report: dict) -> str:
    """The machine, then a Markdown table of the results (what the README's Performance section shows)."""
    m = report["machine"]
    features = ", ".join(m.get("cpu_features") or ["none of avx2/avx512f/fma"])
    lines = [f"Machine: {m['nproc']} CPUs ({m['cpu']}; {features}); {m['java']}; NumPy {m['numpy']} on {blas_text(m)}; "
             f"load average {' '.join(m['loadavg_before'])} before, {' '.join(m['loadavg_after'])} after; "
             f"{report['rounds']} interleaved rounds, {report['minutes']} min.",
             f"FastMatMul.multiply path: {m.get('java_matmul_path', '?')}; {peak_text(m)}.",
             *([] if "openblas_threads" in m else
               ["NOTE: NumPy is not on OpenBLAS here, so its matrix multiply is many times slower than on a usual "
                "install and the ratios (and 'met') say nothing about the targets."]),
             "",
             "| workload | Java median ms | NumPy median ms | Java/NumPy | target | met | same result |",
             "|---|---|---|---|---|---|---|"]
    for r in report["results"]:
        extra = f" ({r['java_gflops']} vs {r['numpy_gflops']} GFLOP/s)" if "java_gflops" in r else ""
        target = "-" if r["target_ratio"] is None else f"<= {r['target_ratio']}"
        met = "-" if r["met"] is None else ("yes" if r["met"] else "NO")
        lines.append(f"| {r['workload']}: {r['description']}{extra} | {r['java_ms']:.2f} | {r['numpy_ms']:.2f} | "
                     f"{r['ratio']:.2f} | {target} | {met} | {'yes' if r['checks_agree'] else 'NO'} |")
    return "\n".join(lines)


def machine(py: str) -> dict:
    """CPU, its vector features and clock, Java, NumPy and its BLAS: what the figures depend on."""
    try:
        cpu = cpu_info(Path("/proc/cpuinfo").read_text())
    except OSError:
        cpu = cpu_info("")
    jv = subprocess.run(["java", "-version"], text=True, stderr=subprocess.PIPE, stdout=subprocess.PIPE)
    jv = (jv.stderr or jv.stdout).strip().splitlines()
    blas = json.loads(run([py, str(PROGRAMS / "numpy_machine.py")], capture=True).stdout)
    return {"nproc": os.cpu_count(), **cpu, "java": jv[0] if jv else "?", "java_vm": jv[-1] if jv else "?",
            "python": py, **blas}


def java_matmul_path() -> str:
    """FastMatMul.path() in a JVM started as the benchmarks are (MatMulBench's main prints it)."""
    res = subprocess.run(["java", *JVM_FLAGS, "-cp", str(BENCH_JAR), "mlfoundations.benchmarks.MatMulBench"],
                         text=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return res.stdout.strip() if res.returncode == 0 and res.stdout.strip() else "?"


def loadavg() -> list:
    try:
        return Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        return ["?", "?", "?"]


def run_jmh(w: Workload, tag: str, short: bool, data: Path) -> list:
    """One JMH fork of the workload's benchmark; the measured iterations in ms."""
    out = BENCH_DIR / "jmh" / f"{tag}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    cmd = ["java", "-cp", str(BENCH_JAR), "org.openjdk.jmh.Main", f"mlfoundations\\.benchmarks\\.{w.jmh_benchmark}$",
           "-f", "1", "-wi", "2" if short else "3", "-w", "1s", "-i", "3" if short else "5", "-r", "1s",
           "-rf", "json", "-rff", str(out), "-jvmArgsAppend", " ".join(JVM_FLAGS + [f"-Dbench.data={data}"])]
    for k, v in w.jmh_params.items():
        cmd += ["-p", f"{k}={v}"]
    res = subprocess.run(cmd, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if res.returncode != 0 or not out.exists():
        raise CourseError(f"JMH failed for {w.jmh_benchmark} {w.jmh_params}:\n" + res.stdout[-3000:])
    result = json.loads(out.read_text())
    return [x for fork in result[0]["primaryMetric"]["rawData"] for x in fork]


def run_numpy(py: str, w: Workload):
    """(times in ms, check values) of the workload's NumPy implementation."""
    env = dict(os.environ, **w.numpy_env)
    res = subprocess.run([py, str(PROGRAMS / "numpy_reference.py"), w.numpy_workload, str(w.numpy_repeats)],
                         text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    if res.returncode != 0:
        raise CourseError(f"numpy_reference.py {w.numpy_workload} failed:\n{res.stderr[-2000:]}")
    for line in res.stdout.splitlines():
        d = json.loads(line)
        if d.get("impl") == w.numpy_impl:
            return d["times_ms"], d["check"]
    raise CourseError(f"numpy_reference.py {w.numpy_workload} printed no '{w.numpy_impl}' line:\n"
                      f"{res.stdout[-1000:]}")


def bench(args) -> int:
    """./course bench [--rounds N] [--only KEY] [--short] [--no-build]."""
    require("JDK >= 17", "Maven")
    py = numpy_python()
    if py is None:
        raise CourseError("no Python with NumPy found (the bench runs the NumPy side beside Java); "
                          + how_to_install("numpy"))
    chosen = [w for w in WORKLOADS if not args.only or w.key.startswith(args.only)]
    if not chosen:
        raise CourseError(f"no workload starts with '{args.only}'; workloads: " + ", ".join(w.key for w in WORKLOADS))
    if args.rounds < 1:
        raise CourseError(f"--rounds must be at least 1, got {args.rounds}")
    if not args.no_build or not BENCH_JAR.exists():
        say("==> building the benchmarks (mvn -Pbench package): target/bench-build/benchmarks.jar")
        run(mvn("-q", "-Pbench", "package"), capture=True)
    data = BENCH_DIR / "data"
    inputs = sorted({w.numpy_workload for w in chosen})
    say("==> writing numpy_reference.py's inputs for the Java side: target/bench/data")
    run([py, str(PROGRAMS / "write_inputs.py"), str(data), *inputs], capture=True)
    info = machine(py)
    load_before = loadavg()
    say(f"    machine: {info['nproc']} CPUs, {info['cpu']}; {info['java']} ({info['java_vm']})")
    say(f"    CPU features: {', '.join(info['cpu_features']) or '-'}; {peak_text(info)}")
    say(f"    NumPy {info['numpy']} ({py}) on {blas_text(info)}; load average {' '.join(load_before)}")
    say("==> checks: both sides compute the same thing")
    res = run(["java", *JVM_FLAGS, f"-Dbench.data={data}", "-cp", str(BENCH_JAR), "mlfoundations.benchmarks.Checks",
               *inputs], capture=True)
    java_checks = json.loads(res.stdout)
    info["java_matmul_path"] = java_matmul_path()
    say(f"    FastMatMul.multiply path: {info['java_matmul_path']}")
    samples = {w.key: Samples() for w in chosen}
    started = time.monotonic()
    for rnd in range(1, args.rounds + 1):
        say(f"==> round {rnd} of {args.rounds} (JMH fork, then NumPy, workload by workload; order alternates)")
        for w in chosen:
            if rnd % 2 == 1:
                java_ms = run_jmh(w, f"{w.key}-r{rnd}", args.short, data)
                numpy_ms, check = run_numpy(py, w)
            else:
                numpy_ms, check = run_numpy(py, w)
                java_ms = run_jmh(w, f"{w.key}-r{rnd}", args.short, data)
            s = samples[w.key]
            s.numpy_check = check
            ratio = s.add_round(java_ms, numpy_ms)
            say(f"    {w.key:<12} Java {statistics.median(java_ms):9.2f} ms   "
                f"NumPy {statistics.median(numpy_ms):9.2f} ms   ratio {ratio:5.2f}")
    results = [summarise(w, samples[w.key], java_checks.get(w.numpy_workload)) for w in chosen]
    report = {"machine": {**info, "loadavg_before": load_before, "loadavg_after": loadavg()},
              "rounds": args.rounds, "minutes": round((time.monotonic() - started) / 60, 1),
              "date": datetime.datetime.now().isoformat(), "results": results}
    (BENCH_DIR / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (BENCH_DIR / "report.json").write_text(json.dumps(report, indent=2) + "\n")
    say("")
    say(bench_table(report))
    say("")
    say(f"results: {(BENCH_DIR / 'results.json').relative_to(ROOT)} (with the machine: "
        f"{(BENCH_DIR / 'report.json').relative_to(ROOT)})")
    bad = [r["workload"] for r in results if not r["checks_agree"]]
    if bad:
        raise CourseError("Java and NumPy computed different check values for: " + ", ".join(bad))
    return 0
