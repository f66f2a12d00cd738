"""./course lab: JupyterLab (or the classic Notebook where JupyterLab is absent) on notebooks/."""

from __future__ import annotations

import os

from . import install
from .checks import lab_command, require
from .core import NOTEBOOKS, say
from .kernel import setup_if_needed


# What ./course lab cannot run without (labels of ./course doctor's checks).
LAB_NEEDS = ("JDK >= 17", "Maven", "Jupyter", "JupyterLab", "headless plots")


def jupyter_options(args, is_root: bool) -> list:
    """The options passed on to Jupyter: --ip, --port, --no-browser, and --allow-root when running as root."""
    extra = []
    if args.ip:
        extra.append(f"--ip={args.ip}")
    if args.port:
        extra.append(f"--port={args.port}")
    if args.no_browser:
        extra.append("--no-browser")
    if is_root:
        extra.append("--allow-root")
    return extra


def lab(args) -> int:
    """Starts Jupyter in place of this process (Ctrl+C stops it as usual)."""
    install.ensure(LAB_NEEDS, "lab", args.yes)
    require(*LAB_NEEDS)
    setup_if_needed()
    cmd, label = lab_command()
    if cmd[1] == "notebook":
        say("JupyterLab is not installed here (Debian 12 packages only the classic Notebook): starting the classic "
            "Notebook instead. Everything in the course works in it.")
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if is_root:
        say("Running as root: passing --allow-root to Jupyter (better: run the course as an ordinary user).")
    extra = jupyter_options(args, is_root)
    say(f"==> starting {label} on {NOTEBOOKS}")
    os.chdir(NOTEBOOKS)
    os.execvp(cmd[0], cmd + [f"--notebook-dir={NOTEBOOKS}"] + extra + list(args.extra or []))
