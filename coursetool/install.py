"""What `./course lab` and `./course test` do when a tool they need is missing: say exactly what would be installed,
ask (or take `--yes`), and install it with the machine's own package manager.

- Debian or Ubuntu: apt-get, directly as root, through sudo otherwise.
- An active conda environment ($CONDA_PREFIX): conda or mamba, from conda-forge, into that environment.
- Anywhere else (macOS, other Linux): nothing is installed; the exact commands are printed, as `./course doctor` does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional

from .checks import CHECKS
from .core import CourseError, output_of, say

# For each check a command may need: the Debian packages (alternatives in order of preference, the first one the
# machine's apt can install wins) and the conda-forge packages.
PACKAGES = {
    "JDK >= 17": ([["openjdk-17-jdk-headless", "openjdk-21-jdk-headless"]], ["openjdk>=17"]),
    "Maven": ([["maven"]], ["maven"]),
    "Jupyter": ([["jupyter-client"], ["jupyter-core"]], ["jupyter_client", "jupyter_core"]),
    "nbconvert": ([["jupyter-nbconvert"], ["python3-nbconvert"], ["python3-nbclient"]], ["nbconvert", "nbclient"]),
    "headless plots": ([["fontconfig"], ["fonts-dejavu-core"]], ["fontconfig", "fonts-conda-ecosystem"]),
    "JupyterLab": ([["jupyterlab", "jupyter-notebook"]], ["jupyterlab"]),
    # Debian 12's jupyterhub 3.0 runs the classic Notebook as each student's server, Debian 13's JupyterLab.
    "JupyterHub": ([["jupyterhub"], ["node-configurable-http-proxy"], ["jupyterlab", "python3-notebook"]],
                   ["jupyterhub", "configurable-http-proxy", "jupyterlab"]),
    "MathJax (export)": ([["libjs-mathjax"]], []),
    "Sphinx (website)": ([["python3-sphinx"], ["python3-nbsphinx"], ["python3-myst-parser"],
                          ["python3-sphinx-book-theme"], ["pandoc"]],
                         ["sphinx", "nbsphinx", "myst-parser", "sphinx-book-theme", "pandoc"]),
}


def failing(labels) -> list:
    """The labels among `labels` whose check fails here, in the order of ./course doctor."""
    return [c.label for c in CHECKS if c.label in labels and not c.run()[0]]


def os_release() -> dict:
    """/etc/os-release as a dict ({} where there is none, e.g. macOS)."""
    try:
        text = Path("/etc/os-release").read_text(encoding="utf-8")
    except OSError:
        return {}
    info = {}
    for line in text.splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            info[key] = value.strip().strip('"')
    return info


def is_debian_like(info: dict) -> bool:
    ids = (info.get("ID", "") + " " + info.get("ID_LIKE", "")).split()
    return ("debian" in ids or "ubuntu" in ids) and shutil.which("apt-get") is not None


def conda_tool() -> Optional[str]:
    """mamba or conda when a conda environment is active, else None."""
    if not os.environ.get("CONDA_PREFIX"):
        return None
    for tool in ("mamba", "conda"):
        if shutil.which(tool):
            return tool
    return None


def apt_candidate(package: str) -> bool:
    """True when apt knows a version of `package` it could install."""
    out = output_of(["apt-cache", "policy", package])
    if not out:
        return False
    for line in out.splitlines():
        if line.strip().startswith("Candidate:"):
            return line.split(":", 1)[1].strip() not in ("", "(none)")
    return False


def choose(alternatives: list, known) -> str:
    """The first alternative apt can install; the first one if apt cannot say (its package lists are empty)."""
    for package in alternatives:
        if known(package):
            return package
    return alternatives[0]


def debian_packages(labels, known=None) -> list:
    """The Debian packages that provide the failing checks, one per need, without repeats."""
    known = known or apt_candidate
    chosen = []
    for label in labels:
        for alternatives in PACKAGES.get(label, ([], []))[0]:
            package = choose(alternatives, known)
            if package not in chosen:
                chosen.append(package)
    return chosen


def conda_packages(labels) -> list:
    chosen = []
    for label in labels:
        for package in PACKAGES.get(label, ([], []))[1]:
            if package not in chosen:
                chosen.append(package)
    return chosen


def as_root(cmd: list) -> Optional[list]:
    """The command as root: itself when we are root, through sudo when sudo exists, else None."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return cmd
    if shutil.which("sudo"):
        return ["sudo", *cmd]
    return None


def confirm(question: str, yes: bool) -> bool:
    if yes:
        return True
    if not sys.stdin.isatty():
        return False
    try:
        return input(question + " [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def run_visibly(cmd: list, env=None) -> None:
    say("$ " + " ".join(cmd))
    res = subprocess.run(cmd, env=env)
    if res.returncode != 0:
        raise CourseError(f"`{' '.join(cmd)}` failed with exit code {res.returncode}; nothing else was changed")


def ensure(labels, command: str, yes: bool) -> None:
    """Installs what the checks `labels` lack, after showing the list and asking; raises CourseError if they still
    fail (or the user says no), naming the exact commands to run."""
    missing = failing(labels)
    if not missing:
        return
    say(f"./course {command} needs: " + ", ".join(missing) + " (not found here)")
    info = os_release()
    tool = conda_tool()
    if tool:
        packages = conda_packages(missing)
        cmd = [tool, "install", "-y", "-c", "conda-forge", "--prefix", os.environ["CONDA_PREFIX"], *packages]
        where = f"the active conda environment {os.environ['CONDA_PREFIX']}"
        if "MathJax (export)" in missing:
            say("  MathJax 2 is not on conda-forge: after the install run `npm install -g mathjax@2` once.")
        env = None
    elif is_debian_like(info):
        packages = debian_packages(missing)
        install = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
        cmd = as_root(install)
        if cmd is None:
            raise CourseError("these packages are missing and this user can neither install them (not root) nor "
                              "use sudo; ask an administrator to run:\n  apt-get install " + " ".join(packages))
        where = f"{info.get('PRETTY_NAME', 'this system')} (apt-get{', through sudo' if cmd[0] == 'sudo' else ''})"
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    else:
        raise CourseError(manual_instructions(missing))
    say(f"  will install into {where}:\n    " + " ".join(packages))
    if not confirm("  Install them now?", yes):
        raise CourseError("nothing was installed. To install them yourself:\n  " + " ".join(cmd)
                          + "\nor run the command again with --yes to let ./course do it.")
    if cmd[0] in ("apt-get", "sudo"):
        update = as_root(["apt-get", "update"])
        run_visibly(update, env)
        # With fresh package lists the preferred alternatives may now be known: choose again, then install.
        packages = debian_packages(missing)
        cmd = as_root(["apt-get", "install", "-y", "--no-install-recommends", *packages])
    run_visibly(cmd, env)
    still = failing(missing)
    if still:
        raise CourseError("installed, but these checks still fail: " + ", ".join(still)
                          + "; run ./course doctor for the details")
    say("  installed: " + ", ".join(missing) + " now found")


def manual_instructions(missing: list) -> str:
    deb = debian_packages(missing, known=lambda p: False)
    conda = conda_packages(missing)
    return ("these are missing: " + ", ".join(missing) + ". ./course installs them itself only on Debian/Ubuntu "
            "(apt-get) or in an active conda environment. Install them with your system's package manager, e.g.\n"
            "  Debian/Ubuntu: sudo apt-get install " + " ".join(deb) + "\n"
            "  conda:         conda install -c conda-forge " + " ".join(conda) + "\n"
            "  macOS (Homebrew): brew install openjdk maven jupyterlab   (then ./course doctor)")
