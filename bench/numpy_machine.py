"""Prints, as one JSON object, which NumPy runs the benchmarks and on which BLAS: version, OpenBLAS build, threads.

Asks the OpenBLAS library NumPy has loaded (found in this process's memory map) rather than NumPy's build notes,
because the library in use, and the number of threads it starts, are what the timings depend on.
"""

import ctypes
import json
import os

import numpy as np


def loaded_blas():
    """The path of the BLAS shared library mapped into this process (OpenBLAS, or Debian's reference libblas), or
    None."""
    with open("/proc/self/maps") as maps:
        paths = [line.split()[-1] for line in maps if "/" in line]
    blas = [p for p in paths if "blas" in os.path.basename(p).lower() and ".so" in p]
    openblas = [p for p in blas if "openblas" in p.lower()]
    return (openblas or blas or [None])[0]


def main():
    info = {"numpy": np.__version__}
    path = loaded_blas()
    try:
        lib = ctypes.CDLL(path) if path else None
    except OSError:
        lib = None
    # OpenBLAS's own names, and those of the 64-bit-integer build inside NumPy's wheels (scipy-openblas).
    for prefix, suffix in (("openblas", ""), ("scipy_openblas", "64_"), ("openblas", "64_")):
        get_config = getattr(lib, f"{prefix}_get_config{suffix}", None)
        get_threads = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
        if get_config is not None and get_threads is not None:
            get_config.restype = ctypes.c_char_p
            info["openblas"] = get_config().decode()
            info["openblas_threads"] = get_threads()
            break
    else:
        # Not OpenBLAS (Debian's reference BLAS is far slower at A @ B): name what is loaded instead.
        info["openblas"] = f"not OpenBLAS: NumPy runs on {path or 'no BLAS library found'}"
    print(json.dumps(info))


if __name__ == "__main__":
    main()
