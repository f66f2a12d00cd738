"""The checks behind ./course doctor, also run by setup, lab, test, export and bench before they start.

Each check returns (ok, detail): on success the detail says what was found, on failure what is wrong and how to fix it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Tuple

from .core import JAR, ROOT, TARGET, CourseError, how_to_install, output_of, say

KERNEL_NAME = "java"
KERNEL_DISPLAY = "Java"
# A file our kernelspec carries, so a later setup knows the `java` kernel is ours and may refresh it.
KERNEL_MARKER = "ml-foundations-kernel.txt"


def java_version() -> Optional[Tuple[int, str]]:
    """(major, first line) of `java -version`, or None."""
    out = output_of(["java", "-version"])
    if out is None:
        return None
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not m:
        return None
    major = int(m.group(1))
    if major == 1 and m.group(2):        # "1.8.0_..." is Java 8
        major = int(m.group(2))
    return major, out.splitlines()[0]


def check_jdk():
    v = java_version()
    if v is None:
        return False, "no `java` on PATH; " + how_to_install("jdk")
    major, text = v
    if major < 17:
        return False, f"Java {major} found ({text}); the course needs 17 or newer; " + how_to_install("jdk")
    if shutil.which("javac") is None or "jdk.jshell" not in (output_of(["java", "--list-modules"]) or ""):
        return False, (f"{text} is a JRE, not a JDK (no javac / jdk.jshell module, which the Java kernel needs); "
                       + how_to_install("jdk"))
    return True, text


def check_maven():
    out = output_of(["mvn", "-v"])
    if out is None:
        return False, "no `mvn` on PATH; " + how_to_install("maven")
    return True, re.sub(r"\x1b\[[0-9;]*m", "", out.splitlines()[0])


def check_jupyter():
    if shutil.which("jupyter") is None:
        return False, "no `jupyter` command on PATH; " + how_to_install("jupyter")
    if output_of(["jupyter", "kernelspec", "list", "--json"]) is None:
        return False, "`jupyter kernelspec` does not run; " + how_to_install("jupyter")
    return True, shutil.which("jupyter")


def check_nbconvert():
    out = output_of(["jupyter", "nbconvert", "--version"])
    if out is None:
        return False, "`jupyter nbconvert` does not run; " + how_to_install("nbconvert")
    return True, "nbconvert " + out.strip().splitlines()[-1]


def kernelspecs() -> dict:
    """`jupyter kernelspec list --json` as a dict by kernel name ({} if Jupyter cannot say)."""
    out = output_of(["jupyter", "kernelspec", "list", "--json"])
    if out is None:
        return {}
    start = out.find("{")       # some Python set-ups print warnings before the JSON
    try:
        return json.loads(out[start:]).get("kernelspecs", {})
    except ValueError:
        return {}


def java_kernelspec() -> Optional[dict]:
    return kernelspecs().get(KERNEL_NAME)


def is_our_kernel(spec: Optional[dict]) -> bool:
    return spec is not None and (Path(spec["resource_dir"]) / KERNEL_MARKER).exists()


def kernel_jars(spec: dict) -> list:
    """The jar paths on the kernel's command line, with {resource_dir} filled in."""
    argv = spec.get("spec", {}).get("argv", [])
    return [part.replace("{resource_dir}", spec["resource_dir"]) for a in argv for part in a.split(os.pathsep)
            if part.endswith(".jar")]


def describe_kernel(spec: dict) -> str:
    argv = spec.get("spec", {}).get("argv", [])
    name = spec.get("spec", {}).get("display_name", "?")
    jars = sorted(kernel_jars(spec), key=lambda j: "rapaio" not in j)   # the kernel's own jar, not our launcher's
    return f"'{name}' in {spec['resource_dir']} (runs: {' '.join(argv[:1] + jars[:1])})"


def check_kernel():
    spec = java_kernelspec()
    if spec is None:
        return False, f"no Jupyter kernel named `{KERNEL_NAME}`; fix: ./course setup"
    missing = [j for j in kernel_jars(spec) if not Path(j).exists()]
    if missing:
        return False, f"the `{KERNEL_NAME}` kernel points to a missing jar {missing[0]}; fix: ./course setup"
    owner = ("installed by ./course setup" if is_our_kernel(spec)
             else "not installed by this course; the lessons run on it too")
    return True, describe_kernel(spec) + "; " + owner


def check_jar():
    if not JAR.exists():
        return False, f"{JAR.relative_to(ROOT)} is missing (the lessons load it with %jars); fix: ./course setup"
    return True, f"{JAR.relative_to(ROOT)} ({JAR.stat().st_size // (1 << 20)} MB)"


def check_fonts():
    fc = output_of(["fc-list"])
    if fc is None or not fc.strip():
        return False, "no fonts found by fontconfig (Java cannot draw text in plots); " + how_to_install("fonts")
    if not JAR.exists():
        return True, f"{len(fc.splitlines())} fonts (build the jar to test a real plot)"
    out = subprocess.run(["java", "-Djava.awt.headless=true", "-cp", str(JAR), "mlfoundations.plot.HeadlessCheck"],
                         text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if out.returncode != 0:
        last = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else ""
        return False, (f"a headless test plot failed: {last}" if last else "a headless test plot failed") + \
            "; " + how_to_install("fonts")
    return True, out.stdout.strip()


def mathjax_dir() -> Optional[Path]:
    """The folder holding MathJax 2's MathJax.js: COURSE_MATHJAX, Debian's, a local npm one or conda's; else None."""
    candidates = []
    if os.environ.get("COURSE_MATHJAX"):
        candidates.append(Path(os.environ["COURSE_MATHJAX"]))
    candidates += [Path("/usr/share/javascript/mathjax"), Path("/usr/share/mathjax"),
                   TARGET / "npm" / "node_modules" / "mathjax"]
    if os.environ.get("CONDA_PREFIX"):
        candidates.append(Path(os.environ["CONDA_PREFIX"]) / "lib" / "node_modules" / "mathjax")
    return next((c for c in candidates if (c / "MathJax.js").exists()), None)


def check_mathjax():
    d = mathjax_dir()
    if d is None:
        return False, "MathJax 2 not found (./course export ships it so formulas render offline); " + \
            how_to_install("mathjax")
    return True, str(d)


def check_site():
    """sphinx-build, the Python it runs on with nbsphinx, MyST and the book theme, and pandoc (nbsphinx needs it)."""
    exe = shutil.which("sphinx-build")
    if exe is None:
        return False, "no `sphinx-build` on PATH (./course export builds the website with it); " + how_to_install("site")
    python = sys.executable
    try:
        first = Path(exe).read_text(encoding="utf-8", errors="replace").splitlines()[0]
        if first.startswith("#!"):
            python = first[2:].strip().split()[0]
            if python.endswith("/env"):
                python = shutil.which(first[2:].strip().split()[1]) or sys.executable
    except (OSError, IndexError):
        pass
    missing = [m for m in ("nbsphinx", "myst_parser", "sphinx_book_theme")
               if output_of([python, "-c", f"import {m}"]) is None]
    if missing:
        return False, f"sphinx-build's Python ({python}) lacks {', '.join(missing)}; " + how_to_install("site")
    if shutil.which("pandoc") is None:
        return False, "no `pandoc` on PATH (nbsphinx converts the lessons' markdown with it); " + how_to_install("site")
    version = (output_of([exe, "--version"]) or "sphinx-build").strip().splitlines()[-1]
    return True, version


def lab_command():
    """(command, label) to start JupyterLab, or the classic Notebook where JupyterLab is absent, or None."""
    # The version is the last line: some installs print a warning first (Debian's JupyterLab without yarn does).
    for app, label in (("lab", "JupyterLab"), ("notebook", "classic Notebook")):
        out = output_of(["jupyter", app, "--version"])
        if out is not None and out.strip():
            return ["jupyter", app], f"{label} {out.strip().splitlines()[-1]}"
    return None


def check_lab():
    lc = lab_command()
    if lc is None:
        return False, ("neither JupyterLab nor the classic Notebook is installed (needed by ./course lab); "
                       + how_to_install("lab"))
    return True, lc[1]


def check_hub():
    """What ./course hub start runs: JupyterHub, its proxy, and a single-user server it can start."""
    missing = [c for c in ("jupyterhub", "configurable-http-proxy", "jupyterhub-singleuser") if not shutil.which(c)]
    if missing:
        return False, ("not installed: " + ", ".join(missing) + " (needed by ./course hub only); "
                       + how_to_install("hub"))
    single = output_of(["jupyterhub-singleuser", "--version"])
    if single is None:
        return False, ("`jupyterhub-singleuser --version` fails: no single-user server it can run (the classic "
                       "Notebook or JupyterLab); " + how_to_install("hub"))
    hub = (output_of(["jupyterhub", "--version"]) or "?").strip().splitlines()[-1]
    return True, f"JupyterHub {hub}, single-user server {single.strip().splitlines()[-1]}"


def numpy_python() -> Optional[str]:
    """A Python that imports NumPy, preferring one whose NumPy runs on OpenBLAS (the BLAS a usual NumPy install has:
    Debian's python3-numpy may run on the reference BLAS, many times slower at A @ B). Candidates: Debian's
    /usr/bin/python3 (the Jupyter tools' Python), the one running ./course, then python3 on PATH."""
    probe = ROOT / "bench" / "numpy_machine.py"
    first = None
    for py in dict.fromkeys(p for p in ["/usr/bin/python3", sys.executable, shutil.which("python3")] if p):
        if not Path(py).exists():
            continue
        res = subprocess.run([py, str(probe)], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        if res.returncode != 0:
            continue
        try:
            if "openblas_threads" in json.loads(res.stdout):
                return py
        except ValueError:
            pass
        first = first or py
    return first


def jmh_version() -> Optional[str]:
    """The JMH version the pom's `bench` profile builds with, or None if the pom has no such profile."""
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    try:
        pom = ET.parse(ROOT / "pom.xml").getroot()
    except (OSError, ET.ParseError):
        return None
    for profile in pom.iterfind("m:profiles/m:profile", ns):
        if profile.findtext("m:id", namespaces=ns) == "bench":
            return profile.findtext("m:properties/m:jmh.version", namespaces=ns)
    return None


def check_bench():
    py = numpy_python()
    if py is None:
        return False, "NumPy is not importable (the benchmarks run NumPy beside Java); " + how_to_install("numpy")
    version = jmh_version()
    if version is None:
        return False, "pom.xml has no `bench` profile with a jmh.version, so the JMH benchmarks cannot be built"
    if shutil.which("mvn") is None or shutil.which("javac") is None:
        return False, "the JMH benchmarks need Maven and a JDK (see the lines above)"
    # Maven's default local repository; a machine with another one just downloads JMH again, which is harmless.
    local = Path.home() / ".m2" / "repository" / "org" / "openjdk" / "jmh" / "jmh-core" / version
    jmh = (f"JMH {version} in the local Maven repository" if local.is_dir()
           else f"Maven downloads JMH {version} on the first ./course bench (network needed once)")
    return True, f"NumPy in {py}; {jmh}"


@dataclass(frozen=True)
class Check:
    """One line of ./course doctor. An optional check reports but is not a problem: only one command needs it."""
    label: str
    run: Callable[[], Tuple[bool, str]]
    optional: bool = False


CHECKS = [
    Check("JDK >= 17", check_jdk),
    Check("Maven", check_maven),
    Check("Jupyter", check_jupyter),
    Check("nbconvert", check_nbconvert),
    Check("java kernel", check_kernel),
    Check("library jar", check_jar),
    Check("headless plots", check_fonts),
    Check("MathJax (export)", check_mathjax),
    Check("Sphinx (website)", check_site),
    Check("JupyterLab", check_lab),
    Check("bench (optional)", check_bench, optional=True),
    Check("JupyterHub", check_hub, optional=True),
]


def require(*labels: str) -> None:
    """Runs the checks with these labels; raises CourseError listing every problem."""
    problems = []
    for check in CHECKS:
        if check.label in labels:
            ok, detail = check.run()
            if not ok:
                problems.append(f"{check.label}: {detail}")
    if problems:
        raise CourseError("\n".join(problems))


def doctor(args) -> int:
    """./course doctor: one line per check, `ok` or `PROBLEM` with the fix; non-zero if a required check fails."""
    bad = 0
    for check in CHECKS:
        ok, detail = check.run()
        status = "ok     " if ok else ("missing" if check.optional else "PROBLEM")
        say(f"{status} {check.label}: {detail}")
        bad += 0 if ok or check.optional else 1
    if bad:
        say(f"\n{bad} problem(s); fix them as each line says, then run ./course doctor again.")
        return 1
    say("\nall ok")
    return 0
