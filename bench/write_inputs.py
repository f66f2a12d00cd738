"""Writes the inputs of the named workloads for the Java benchmarks, from numpy_reference.py's own generators.

    python3 bench/write_inputs.py DIR WORKLOAD...      (A500 A1000 A2000 C_100x1 C_100000x10 D; B needs none)

Each matrix goes to DIR/<name>.bin as little-endian doubles: rows, columns, then the entries row by row (what
src/jmh/.../BenchData.java reads). A<n> writes A<n>_a and A<n>_b; C_<m>x<n> and D write [X with its column of ones | y].
"""

import sys
from pathlib import Path

import numpy as np

import numpy_reference as ref


def save(folder, name, matrix):
    matrix = np.asarray(matrix, dtype="<f8")
    header = np.array(matrix.shape, dtype="<f8")
    with open(Path(folder) / f"{name}.bin", "wb") as f:
        f.write(header.tobytes())
        f.write(np.ascontiguousarray(matrix).tobytes())


def write(folder, workload):
    if workload.startswith("A") and workload[1:].isdigit():
        a, b = ref.matmul_inputs(int(workload[1:]))
        save(folder, workload + "_a", a)
        save(folder, workload + "_b", b)
    elif workload.startswith("C_"):
        m, n = (int(v) for v in workload[2:].split("x"))
        xb, y = ref.linear_inputs(m, n)
        save(folder, workload, np.column_stack([xb, y]))
    elif workload == "D":
        xb, y = ref.logistic_inputs()
        save(folder, workload, np.column_stack([xb, y]))
    elif workload != "B":            # B draws its own random numbers on each side
        raise SystemExit(f"unknown workload '{workload}'")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    Path(sys.argv[1]).mkdir(parents=True, exist_ok=True)
    for w in sys.argv[2:]:
        write(sys.argv[1], w)
