"""./course setup: the library jar, the Java kernel `java` (rapaio-jupyter-kernel behind our launcher), and its
class-data-sharing archive."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path

from .checks import (KERNEL_DISPLAY, KERNEL_MARKER, KERNEL_NAME, describe_kernel, is_our_kernel, java_kernelspec,
                     require)
from .core import JAR, ROOT, CourseError, mvn, run, say

KERNEL_VERSION = "3.0.1"
KERNEL_ARTIFACT = "io.github.padreati:rapaio-jupyter-kernel:" + KERNEL_VERSION
KERNEL_JAR = "rapaio-jupyter-kernel.jar"
# Our launcher and logging.properties, packed at setup (see install_kernel).
LAUNCHER_JAR = "ml-foundations-kernel.jar"
LAUNCHER_SOURCE = ROOT / "kernel" / "MlFoundationsKernel.java"
# JVM flags of the kernel: headless AWT so plots draw without a display; the Vector API module, so that
# FastMatMul.multiply takes its Vector API path (the JVM then notes "Using incubator modules" on its stderr, which
# goes to Jupyter's log, not to a cell).
KERNEL_JVM_FLAGS = ["-Djava.awt.headless=true", "-XX:+UseSerialGC", "-Xss4m", "--add-modules=jdk.incubator.vector"]
LOGGING_PROPERTIES = ("handlers = java.util.logging.ConsoleHandler\n.level = WARNING\n"
                      "java.util.logging.ConsoleHandler.level = WARNING\n"
                      "java.util.logging.ConsoleHandler.formatter = java.util.logging.SimpleFormatter\n")

# The kernel's class-data-sharing archive: the classes a kernel loads on its way to its first result (JShell, javac,
# the kernel's messaging), parsed and verified once at setup and mapped from this file at every start.
CDS_ARCHIVE = "kernel.jsa"
CDS_FLAGS = ["-XX:SharedArchiveFile={resource_dir}/" + CDS_ARCHIVE,
             # A stale archive (say, after a JDK update) is then ignored without a warning; the kernel starts as usual.
             "-Xlog:cds=off,cds+dynamic=off"]
WARMUP_CELLS = [
    "import java.util.*;\nimport java.util.stream.*;\nint s = IntStream.range(0, 10).sum();\nSystem.out.println(s);",
    "double[] v = {1, 2, 3};\ndouble dot(double[] a, double[] b) { double t = 0; for (int i = 0; i < a.length; i++) "
    "t += a[i] * b[i]; return t; }\ndot(v, v)",
]
WARMUP_LIBRARY_CELLS = [
    "import mlfoundations.linalg.*;\nimport mlfoundations.plot.*;\nimport org.ejml.simple.SimpleMatrix;\n"
    "double[][] a = MatMul.random(40, 40);\nMatMul.maxAbsDifference(FastMatMul.multiply(a, a), MatMul.ikj(a, a))",
    "Charts.bars(\"warm-up\", \"x\", \"y\", \"a\", \"b\").bars(\"s\", new double[] {1, 2}).image()",
]


def build_jar() -> None:
    say("==> building the library jar (tests skipped): target/ml-foundations.jar")
    run(mvn("-q", "package", "-DskipTests"), capture=True)


def kernel_install_scope():
    """(jupyter kernelspec option, where in words): --sys-prefix inside an environment (conda, venv, container),
    --user otherwise."""
    if os.environ.get("CONDA_PREFIX") or os.environ.get("VIRTUAL_ENV"):
        return "--sys-prefix", "the active environment"
    if Path("/.dockerenv").exists() or Path("/run/.containerenv").exists():
        return "--sys-prefix", "the container's Jupyter"
    return "--user", "your user's Jupyter folder"


def kernel_json() -> dict:
    """The kernelspec of our kernel: our launcher first on the class path, then rapaio's jar."""
    return {
        "argv": ["java", *KERNEL_JVM_FLAGS,
                 "-cp", "{resource_dir}/" + LAUNCHER_JAR + os.pathsep + "{resource_dir}/" + KERNEL_JAR,
                 "MlFoundationsKernel", "{connection_file}"],
        "display_name": KERNEL_DISPLAY,
        "language": "java",
        "interrupt_mode": "message",
        "env": {"RJK_COMPILER_OPTIONS": "", "RJK_INIT_SCRIPT": "", "RJK_TIMEOUT_MILLIS": "-1"},
    }


def install_kernel(prefix: Path | None = None) -> None:
    """Registers the `java` kernel, unless a `java` kernel that is not ours is already there (it is left alone).
    With `prefix` it goes into PREFIX/share/jupyter/kernels/java instead, for everyone whose $JUPYTER_PATH names
    PREFIX/share/jupyter (./course hub: the students' servers); the caller sets $JUPYTER_PATH so that this function
    finds it there too."""
    spec = java_kernelspec()
    if prefix is None and spec is not None and not is_our_kernel(spec):
        say(f"==> a `{KERNEL_NAME}` kernel is already installed: {describe_kernel(spec)}.")
        say("    Leaving it untouched; the lessons use only what every Java kernel (IJava, JJava, rapaio) supports.")
        return
    say(f"==> fetching the Java kernel {KERNEL_ARTIFACT} through Maven")
    with tempfile.TemporaryDirectory() as tmp:
        run(mvn("-q", "dependency:copy", f"-Dartifact={KERNEL_ARTIFACT}", f"-DoutputDirectory={tmp}",
                "-Dmdep.stripVersion=true"), capture=True)
        fetched = Path(tmp) / KERNEL_JAR
        if not fetched.exists():
            raise CourseError(f"Maven did not produce {fetched.name}")
        specdir = Path(tmp) / KERNEL_NAME
        specdir.mkdir()
        shutil.move(str(fetched), specdir / KERNEL_JAR)
        # The kernel reads logging.properties from its class path; ours (first on the path) keeps it quiet.
        (specdir / "logging.properties").write_text(LOGGING_PROPERTIES)
        # Our launcher (kernel/MlFoundationsKernel.java) closes the start-up races in the kernel's own main class.
        run(["javac", "-d", str(specdir), "-cp", str(specdir / KERNEL_JAR), str(LAUNCHER_SOURCE)], capture=True)
        # Launcher and logging.properties go into a jar of their own: class-data sharing (make_class_archive) needs
        # a class path of jars only, no directory with files in it.
        with zipfile.ZipFile(specdir / LAUNCHER_JAR, "w") as zf:
            for f in sorted(specdir.glob("MlFoundationsKernel*.class")) + [specdir / "logging.properties"]:
                zf.write(f, f.name)
                f.unlink()
        (specdir / KERNEL_MARKER).write_text(
            f"Installed by ML Foundations in Java (./course setup): {KERNEL_ARTIFACT}.\n")
        (specdir / "kernel.json").write_text(json.dumps(kernel_json(), indent=2) + "\n")
        scope, where = kernel_install_scope() if prefix is None else (f"--prefix={prefix}", str(prefix))
        say(f"==> registering it as Jupyter kernel `{KERNEL_NAME}` (\"{KERNEL_DISPLAY}\") in {where}")
        install = ["jupyter", "kernelspec", "install", "--replace", "--name", KERNEL_NAME, str(specdir)]
        try:
            run(install + [scope], capture=True)
        except CourseError:
            if scope == "--user" or prefix is not None:
                raise
            say("    (that folder is not writable; installing in your user's Jupyter folder instead)")
            run(install + ["--user"], capture=True)
    spec = java_kernelspec()
    if spec is None:
        raise CourseError("the kernel was installed but `jupyter kernelspec list` does not show it")
    say(f"    {describe_kernel(spec)}")
    make_class_archive(spec)


def warmup_notebook() -> dict:
    """A notebook of a few cells that load what a lesson's first cells load (with the library when it is built)."""
    cells = ([f"%jars {JAR}"] + WARMUP_CELLS + WARMUP_LIBRARY_CELLS) if JAR.exists() else WARMUP_CELLS
    return {"cells": [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": c}
                      for c in cells],
            "metadata": {"kernelspec": {"name": KERNEL_NAME, "display_name": KERNEL_DISPLAY, "language": "java"}},
            "nbformat": 4, "nbformat_minor": 5}


def make_class_archive(spec: dict) -> None:
    """Runs a short warm-up notebook on the freshly installed kernel with -XX:ArchiveClassesAtExit, then starts the
    kernel with -XX:SharedArchiveFile from then on. Anything failing leaves the kernel without the archive (it only
    starts a little slower), and says so."""
    resdir = Path(spec["resource_dir"])
    kjson = resdir / "kernel.json"
    archive = resdir / CDS_ARCHIVE
    try:
        kernel = json.loads(kjson.read_text())
    except (OSError, ValueError):
        return
    base = [a for a in kernel["argv"] if not a.startswith(("-XX:SharedArchiveFile", "-XX:ArchiveClassesAtExit",
                                                           "-Xlog:cds"))]
    say("==> class-data sharing for a faster kernel start: recording the classes of a warm-up run (kernel.jsa)")
    ok = False
    why = ""
    try:
        if archive.exists():
            archive.unlink()
        kernel["argv"] = [base[0], "-XX:ArchiveClassesAtExit={resource_dir}/" + CDS_ARCHIVE, *base[1:]]
        kjson.write_text(json.dumps(kernel, indent=2) + "\n")
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "warmup.ipynb").write_text(json.dumps(warmup_notebook()))
            res = subprocess.run(["jupyter", "nbconvert", "--to", "notebook", "--execute",
                                  f"--ExecutePreprocessor.kernel_name={KERNEL_NAME}",
                                  "--ExecutePreprocessor.startup_timeout=60", "--output-dir", tmp,
                                  "--output", "done.ipynb", "warmup.ipynb"], cwd=tmp, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=300)
        # The JVM writes the archive as it exits, which can be after nbconvert has returned.
        deadline = time.monotonic() + 10
        while not archive.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        if res.returncode != 0:
            why = "the warm-up run failed: " + res.stdout.strip()[-300:]
        elif not archive.exists():
            why = "the kernel wrote no archive"
        else:
            cp = base[base.index("-cp") + 1].replace("{resource_dir}", str(resdir))
            # With the kernel's own JVM flags: an archive is mapped only under the module options it was made with.
            flags = base[1:base.index("-cp")]
            check = subprocess.run(["java", *flags, "-Xshare:on", f"-XX:SharedArchiveFile={archive}", "-cp", cp,
                                    "-version"],
                                   text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            ok = check.returncode == 0
            why = "" if ok else "the JVM cannot map it: " + check.stdout.strip()[-300:]
    except (OSError, subprocess.SubprocessError) as e:
        why = str(e)
    finally:
        kernel["argv"] = [base[0], *CDS_FLAGS, *base[1:]] if ok else base
        try:
            kjson.write_text(json.dumps(kernel, indent=2) + "\n")
        except OSError:
            pass
    if ok:
        say(f"    {archive} ({archive.stat().st_size >> 20} MB): the kernel maps it at every start")
    else:
        say(f"    skipped ({why}); the kernel starts without it, a little slower")


def setup(args=None) -> int:
    """./course setup: build the jar, install the kernel."""
    require("JDK >= 17", "Maven", "Jupyter")
    build_jar()
    install_kernel()
    say("==> setup done. Start the course with ./course lab; run every test with ./course test")
    return 0


def setup_if_needed() -> None:
    """Runs setup when the jar or the `java` kernel is missing (lab and export need both)."""
    if not JAR.exists() or java_kernelspec() is None:
        setup()
