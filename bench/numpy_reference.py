"""The NumPy side of ./course bench: the workloads of the Java benchmarks (src/jmh), on the same inputs.

    python3 bench/numpy_reference.py WORKLOAD [REPEATS]

WORKLOAD is one of
    A500, A1000, A2000   C = A @ B for two n x n matrices of uniform [0, 1) numbers (default_rng(0): A, then B)
    Apy200               the same with three plain Python loops, at n = 200 (for contrast; O(n^3), so scale it)
    B                    1,000,000 true/false tests of 10 questions answered at random, tallied by number right
                         (default_rng(42)); also as binomial draws, the shortcut a statistician would take
    Bpy                  the same with plain Python loops and the `random` module
    C_100x1, C_100000x10 linear regression by batch gradient descent on the MSE, 1000 steps of size 0.1 from zero
    D                    logistic regression by batch gradient descent, m = 300, 2 features, the loss every step

It times the first call on its own (it pays for warming up), then REPEATS more calls (default 5), and prints one JSON
line per implementation: {"workload", "impl", "first_ms", "times_ms", "check"}. `check` is a short list of numbers
computed by the workload (for A, c_00 + c_(n-1)(n-1); for B, the share of tests with k right answers; for C, the
bias then the weights; for D, the weights then the last loss), so ./course bench can show that Java and NumPy
computed the same thing. Needs NumPy (Debian `python3-numpy`, conda `numpy`); OPENBLAS_NUM_THREADS=1 limits the
multiply to one thread.
"""

import json
import random
import sys
import time

import numpy as np

QUESTIONS = 10
TESTS = 1_000_000
STEPS = 1000
LEARNING_RATE = 0.1
LOG_EPS = 1e-12            # keeps log(p) finite when a probability rounds to 0 or 1


# ---- inputs: every generator draws in a fixed order from its own seed, so the Java side gets the same numbers -----

def matmul_inputs(n):
    """Two n x n matrices of uniform [0, 1) numbers: A first, then B, from default_rng(0)."""
    rng = np.random.default_rng(0)
    a = rng.random((n, n))
    b = rng.random((n, n))
    return a, b


def linear_inputs(m, n):
    """X with a first column of ones (the bias) and y = 4 + 3 * (sum of the features) + N(0, 1) noise.

    One feature: uniform on [0, 2); several: standard normal. From default_rng(7)."""
    rng = np.random.default_rng(7)
    features = 2 * rng.random((m, 1)) if n == 1 else rng.standard_normal((m, n))
    y = 4 + 3 * features.sum(axis=1) + rng.standard_normal(m)
    return np.column_stack([np.ones(m), features]), y


def logistic_inputs(m=300):
    """Two classes of m/2 points each: standard normal clouds around (0, 0) and (2, 2). From default_rng(11)."""
    rng = np.random.default_rng(11)
    label = (np.arange(m) >= m // 2).astype(float)
    features = rng.standard_normal((m, 2)) + 2 * label[:, None]
    return np.column_stack([np.ones(m), features]), label


# ---- the workloads ----------------------------------------------------------------------------------------------

def matmul_loops(a, b):
    """C = A B with three Python loops over lists: c_ij = sum_k a_ik b_kj."""
    rows, inner, cols = len(a), len(b), len(b[0])
    c = [[0.0] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            total = 0.0
            for k in range(inner):
                total += a[i][k] * b[k][j]
            c[i][j] = total
    return c


def guesser(rng):
    """Share of tests with k = 0..10 right answers: random key, random guesses, count the matches."""
    key = rng.integers(0, 2, size=(TESTS, QUESTIONS))
    guess = rng.integers(0, 2, size=(TESTS, QUESTIONS))
    right = (key == guess).sum(axis=1)
    return np.bincount(right, minlength=QUESTIONS + 1) / TESTS


def guesser_binomial(rng):
    """The same distribution drawn directly: the number right is Binomial(10, 1/2)."""
    return np.bincount(rng.binomial(QUESTIONS, 0.5, size=TESTS), minlength=QUESTIONS + 1) / TESTS


def guesser_loops():
    """The guesser as a beginner writes it: one test, one question at a time."""
    tally = [0] * (QUESTIONS + 1)
    for _ in range(TESTS):
        key = [random.random() < 0.5 for _ in range(QUESTIONS)]
        right = sum(1 for q in range(QUESTIONS) if (random.random() < 0.5) == key[q])
        tally[right] += 1
    return [t / TESTS for t in tally]


def linear_gd(xb, y):
    """theta <- theta - alpha * (2/m) X^T (X theta - y), from theta = 0 (the gradient of the MSE)."""
    m = xb.shape[0]
    theta = np.zeros(xb.shape[1])
    for _ in range(STEPS):
        theta -= LEARNING_RATE * (2 / m) * (xb.T @ (xb @ theta - y))
    return theta


def logistic_gd(xb, y):
    """p = sigmoid(X theta); loss = -mean(y log p + (1-y) log(1-p)); theta <- theta - alpha X^T (p - y) / m.

    Returns theta and the loss of the last step (computed before that step's update)."""
    m = xb.shape[0]
    theta = np.zeros(xb.shape[1])
    loss = float("nan")
    for _ in range(STEPS):
        p = 1 / (1 + np.exp(-(xb @ theta)))
        loss = -np.mean(y * np.log(p + LOG_EPS) + (1 - y) * np.log(1 - p + LOG_EPS))
        theta -= LEARNING_RATE * (xb.T @ (p - y)) / m
    return theta, loss


# ---- timing and the command line --------------------------------------------------------------------------------

def timed(fn, repeats):
    """(first call in ms, the next `repeats` calls in ms, the first call's result)."""
    start = time.perf_counter()
    result = fn()
    first = (time.perf_counter() - start) * 1e3
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return first, times, result


def report(workload, impl, fn, repeats, check):
    """Times fn and prints its JSON line; check turns fn's result into the list of numbers to compare."""
    first, times, result = timed(fn, repeats)
    line = {"workload": workload, "impl": impl, "first_ms": first, "times_ms": times,
            "check": [float(v) for v in check(result)]}
    print(json.dumps(line), flush=True)


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    workload = argv[0]
    repeats = int(argv[1]) if len(argv) > 1 else 5
    if workload.startswith("Apy"):
        a, b = (x.tolist() for x in matmul_inputs(int(workload[3:])))
        report(workload, "pure_python", lambda: matmul_loops(a, b), repeats, lambda c: [c[0][0] + c[-1][-1]])
    elif workload.startswith("A") and workload[1:].isdigit():
        a, b = matmul_inputs(int(workload[1:]))
        report(workload, "numpy", lambda: a @ b, repeats, lambda c: [c[0, 0] + c[-1, -1]])
    elif workload == "B":
        rng = np.random.default_rng(42)
        report(workload, "numpy", lambda: guesser(rng), repeats, list)
        report(workload, "numpy_binomial", lambda: guesser_binomial(rng), repeats, list)
    elif workload == "Bpy":
        report("B", "pure_python", guesser_loops, repeats, list)
    elif workload.startswith("C_"):
        m, n = (int(v) for v in workload[2:].split("x"))
        xb, y = linear_inputs(m, n)
        report(workload, "numpy", lambda: linear_gd(xb, y), repeats, list)
    elif workload == "D":
        xb, y = logistic_inputs()
        report(workload, "numpy", lambda: logistic_gd(xb, y), repeats, lambda r: [*r[0], r[1]])
    else:
        print(f"unknown workload '{workload}'; see --help", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
