"""The command line of ./course: setup | lab | test | export | doctor | bench | hub."""

from __future__ import annotations

import argparse
import subprocess
import sys

from . import bench, checks, export, hub, install, kernel, lab
from .core import ROOT, CourseError, mvn, say


# What each command cannot run without (labels of ./course doctor's checks); lab's list is in lab.py.
TEST_NEEDS = ("JDK >= 17", "Maven", "Jupyter", "nbconvert", "headless plots")


def test(args) -> int:
    """./course test: the course tool's own tests, then `mvn verify`: the unit tests, the jar, every lesson."""
    install.ensure(TEST_NEEDS, "test", args.yes)
    checks.require(*TEST_NEEDS)
    say("==> the course tool's own tests (python3 -m unittest discover -s coursetool/tests)")
    tool = subprocess.run([sys.executable, "-m", "unittest", "discover", "-s", str(ROOT / "coursetool" / "tests"),
                           "-t", str(ROOT)], cwd=ROOT)
    if tool.returncode != 0:
        raise CourseError("the course tool's own tests failed (above); the Java tests were not run")
    if checks.java_kernelspec() is None:
        kernel.install_kernel()
    say("==> unit tests, the library jar, then the notebook suite (every lesson on the `java` kernel)")
    goals = ["verify"]
    if args.only:
        goals.append(f"-Dnotebooks.only={args.only}")
    return subprocess.run(mvn(*goals)).returncode


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="./course", description="ML Foundations in Java: set up, run, test and "
                                "export the course.")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    sub.add_parser("setup", help="build the library jar and install the Java kernel `java`").set_defaults(
        fn=kernel.setup)
    c = sub.add_parser("lab", help="start JupyterLab (or the classic Notebook) on notebooks/")
    c.add_argument("--ip", help="address to listen on (e.g. 0.0.0.0 in a container)")
    c.add_argument("--port", type=int, help="port (default 8888)")
    c.add_argument("--no-browser", action="store_true", help="do not open a browser")
    c.add_argument("--yes", action="store_true", help="install what is missing without asking (the list is "
                   "still printed)")
    c.add_argument("extra", nargs=argparse.REMAINDER, help="more options passed to Jupyter")
    c.set_defaults(fn=lab.lab)
    c = sub.add_parser("test", help="unit tests, then every lesson executed on the Java kernel")
    c.add_argument("--only", help="run only the lessons whose file name starts with this (e.g. 00-1)")
    c.add_argument("--yes", action="store_true", help="install what is missing without asking (the list is "
                   "still printed)")
    c.set_defaults(fn=test)
    c = sub.add_parser("export", help="execute every lesson and build the course website (offline)")
    c.add_argument("--out", help="output folder (default target/site)")
    c.add_argument("--only", help="export only the lessons whose file name starts with this")
    c.add_argument("--pages", action="store_true", help="write one self-contained HTML page per lesson plus an "
                   "index instead of the website (handouts)")
    c.set_defaults(fn=export.export)
    sub.add_parser("doctor", help="check the JDK, Maven, Jupyter, the kernel, the jar, headless plotting, and "
                   "whether bench can run").set_defaults(fn=checks.doctor)
    c = sub.add_parser("bench", help="benchmarks: the library's kernels (JMH) beside NumPy, as a table and "
                       "target/bench/results.json (a few minutes; not part of test)")
    c.add_argument("--rounds", type=int, default=3, help="interleaved rounds of Java and NumPy (default 3)")
    c.add_argument("--only", help="run only the workloads whose key starts with this (e.g. A1000)")
    c.add_argument("--short", action="store_true", help="fewer JMH iterations (a quick look, noisier)")
    c.add_argument("--no-build", action="store_true", help="reuse target/bench-build/benchmarks.jar if present")
    c.set_defaults(fn=bench.bench)
    hub.add_parser(sub)
    return p


def main(argv=None) -> int:
    p = parser()
    args = p.parse_args(argv)
    if not getattr(args, "fn", None):
        p.print_help()
        return 2
    try:
        return args.fn(args)
    except CourseError as e:
        say(f"\n./course {args.command}: {e}")
        return 1
    except KeyboardInterrupt:
        return 130
