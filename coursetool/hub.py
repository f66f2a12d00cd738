"""./course hub: the course for a whole class on one server (JupyterHub from Debian's packages).

  sudo ./course hub add-students ana ben ...   system users in the course's group, with a password each
  sudo ./course hub start                      install the course into /opt/ml-foundations and start the hub

The hub runs as root (it starts each student's server as that student's own system user), authenticates with
PAM (the students' system passwords), and keeps its state in /var/lib/ml-foundations-hub. hub/jupyterhub_config.py
has the details; hub/course-home gives each student their copy of the lessons.
"""

from __future__ import annotations

import grp
import os
import pwd
import secrets
import shutil
import stat
import subprocess
from pathlib import Path

from . import install, kernel
from .checks import require
from .core import JAR, NOTEBOOKS, ROOT, CourseError, say

COURSE_DIR = Path("/opt/ml-foundations")
STATE_DIR = Path("/var/lib/ml-foundations-hub")
GROUP = "ml-foundations"
# What the hub needs besides what `./course setup` needs (the JDK and Maven build the jar and fetch the kernel).
HUB_NEEDS = ("JDK >= 17", "Maven", "Jupyter", "nbconvert", "headless plots", "JupyterHub")
HUB_FILES = ("course-home", "cgroups.py", "course_spawner.py", "jupyterhub_config.py", "settings.py")


def require_root(what: str) -> None:
    if os.geteuid() != 0:
        raise CourseError(f"{what} needs root (it manages system users and starts each student's server as that "
                          "user): run it with sudo")


def copy_tree_readonly(src: Path, dest: Path) -> None:
    """dest becomes an exact copy of src (files that src no longer has are removed), owned by root, readable by
    everyone and writable by nobody else: the originals the students' copies come from."""
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    for path in [dest, *dest.rglob("*")]:
        mode = 0o755 if path.is_dir() else 0o644
        path.chmod(mode)


def install_course(course: Path) -> None:
    """The read-only course the students' copies are made from: lessons, data, the library jar, the hub's files, and
    the Java kernel with its class-data-sharing archive in COURSE/share/jupyter."""
    if course.resolve() == ROOT.resolve():
        raise CourseError(f"--course-dir {course} is this repository itself; choose another folder")
    if not JAR.exists():
        kernel.build_jar()
    say(f"==> installing the course for the students into {course} (read-only for them)")
    course.mkdir(parents=True, exist_ok=True)
    course.chmod(0o755)
    copy_tree_readonly(NOTEBOOKS, course / "notebooks")
    copy_tree_readonly(ROOT / "data", course / "data")
    (course / "target").mkdir(exist_ok=True)
    (course / "target").chmod(0o755)
    shutil.copy2(JAR, course / "target" / JAR.name)
    (course / "target" / JAR.name).chmod(0o644)
    (course / "hub").mkdir(exist_ok=True)
    (course / "hub").chmod(0o755)
    for name in HUB_FILES:
        shutil.copy2(ROOT / "hub" / name, course / "hub" / name)
        (course / "hub" / name).chmod(0o755 if name == "course-home" else 0o644)
    jupyter = course / "share" / "jupyter"
    os.environ["JUPYTER_PATH"] = str(jupyter)
    spec = jupyter / "kernels" / kernel.KERNEL_NAME
    if (spec / kernel.CDS_ARCHIVE).exists() and (spec / kernel.KERNEL_JAR).exists():
        say(f"    the Java kernel is already in {spec}")
    else:
        kernel.install_kernel(prefix=course)
    for path in [course / "share", *(course / "share").rglob("*")]:
        path.chmod(path.stat().st_mode | stat.S_IRGRP | stat.S_IROTH
                   | (stat.S_IXGRP | stat.S_IXOTH if path.is_dir() else 0))


def ensure_group() -> None:
    try:
        grp.getgrnam(GROUP)
    except KeyError:
        subprocess.run(["groupadd", "--system", GROUP], check=True)


def settings():
    """hub/settings.py (it has no dependency, so ./course hub can check the settings before anything is installed)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("mlf_hub_settings", ROOT / "hub" / "settings.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def port_in_use(port: int) -> bool:
    """Whether something listens on the port on this machine (any address)."""
    import socket
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("0.0.0.0", port))
        except OSError:
            return True
    return False


def hub_env(args) -> dict:
    env = dict(os.environ,
               MLF_COURSE=str(args.course_dir), MLF_HUB_STATE=str(args.state_dir), MLF_HUB_IP=args.ip,
               MLF_HUB_PORT=str(args.port), MLF_MEMORY=args.memory, MLF_IDLE_MINUTES=str(args.idle_minutes),
               MLF_STUDENTS_GROUP=GROUP, MLF_ADMINS=",".join(args.admin or []))
    if args.ssl_cert:
        env.update(MLF_SSL_CERT=str(Path(args.ssl_cert).resolve()), MLF_SSL_KEY=str(Path(args.ssl_key).resolve()))
    return env


def start(args) -> int:
    """./course hub start: check the settings, install what is missing, install the course, start JupyterHub (in
    the foreground: Ctrl+C or SIGTERM stops the hub; the students' servers keep running until it is back)."""
    if bool(args.ssl_cert) != bool(args.ssl_key):
        raise CourseError("--ssl-cert and --ssl-key go together (the certificate and its private key)")
    try:
        limit = settings().memory_bytes(args.memory)
    except ValueError as e:
        raise CourseError(f"--memory: {e}") from None
    if not 0 < args.port < 65535 - 81:
        raise CourseError(f"--port {args.port}: choose a port between 1 and {65535 - 82} (the hub also uses "
                          "port+1 and port+81 on 127.0.0.1)")
    if args.idle_minutes < 0:
        raise CourseError(f"--idle-minutes {args.idle_minutes}: give 0 (never) or more minutes")
    require_root("./course hub start")
    busy = [p for p in (args.port, args.port + 1, args.port + 81) if port_in_use(p)]
    if busy:
        raise CourseError(f"port {busy[0]} is in use on this machine. Another hub? (Debian's jupyterhub package "
                          "starts its own `jupyterhub.service` on port 8000 where systemd runs: `systemctl disable "
                          "--now jupyterhub`.) Or choose another --port.")
    args.course_dir = Path(args.course_dir).resolve()
    args.state_dir = Path(args.state_dir).resolve()
    install.ensure(HUB_NEEDS, "hub start", args.yes)
    require(*HUB_NEEDS)
    ensure_group()
    if not args.no_install:
        install_course(args.course_dir)
    elif not (args.course_dir / "hub" / "jupyterhub_config.py").exists():
        raise CourseError(f"--no-install, but {args.course_dir} holds no installed course; drop --no-install")
    args.state_dir.mkdir(parents=True, exist_ok=True)
    args.state_dir.chmod(0o700)
    students = [m for m in grp.getgrnam(GROUP).gr_mem]
    say(f"==> JupyterHub for the class on http{'s' if args.ssl_cert else ''}://{args.ip}:{args.port}/ "
        f"(memory per student: {args.memory if limit else 'no limit'}; idle servers stop after "
        f"{args.idle_minutes} min; state in {args.state_dir})")
    say(f"    {len(students)} student(s) in the group `{GROUP}`" + ("" if students else
        ": add some with `sudo ./course hub add-students NAME...`"))
    config = args.course_dir / "hub" / "jupyterhub_config.py"
    cmd = ["jupyterhub", "-f", str(config)]
    os.chdir(args.state_dir)
    os.execvpe(cmd[0], cmd, hub_env(args))


def install_only(args) -> int:
    """./course hub install: the course for the students (and the kernel) into --course-dir, without starting a hub:
    for the Docker image, and for an update of the lessons while the hub runs."""
    course = Path(args.course_dir).resolve()
    require("JDK >= 17", "Maven", "Jupyter", "nbconvert")
    install_course(course)
    say(f"==> installed into {course}; students get a lesson they do not have at their server's next start")
    return 0


def add_students(args) -> int:
    """./course hub add-students NAME...: a system user per name (home folder, the course's group, a random
    password), printed as a roster; existing users are only added to the group (their password is kept)."""
    require_root("./course hub add-students")
    ensure_group()
    rows = []
    for name in args.names:
        try:
            pwd.getpwnam(name)
            existed = True
        except KeyError:
            existed = False
        if existed:
            subprocess.run(["usermod", "--append", "--groups", GROUP, name], check=True)
            rows.append((name, "(existing user: password unchanged)"))
            continue
        cmd = ["useradd", "--create-home", "--shell", "/bin/bash", "--groups", GROUP]
        if args.home_base:
            cmd += ["--base-dir", str(Path(args.home_base).resolve())]
        res = subprocess.run(cmd + [name], text=True, stderr=subprocess.PIPE)
        if res.returncode != 0:
            raise CourseError(f"could not create the user {name!r}: {res.stderr.strip()} (user names: lower-case "
                              "letters, digits, - and _, starting with a letter)")
        # A student's home is theirs alone (useradd's default mode depends on the system's login.defs).
        Path(pwd.getpwnam(name).pw_dir).chmod(0o700)
        password = secrets.token_urlsafe(9)
        subprocess.run(["chpasswd"], input=f"{name}:{password}\n", text=True, check=True)
        rows.append((name, password))
    width = max(len(r[0]) for r in rows)
    say("user".ljust(width) + "  password")
    for name, password in rows:
        say(name.ljust(width) + "  " + password)
    if args.roster:
        roster = Path(args.roster)
        roster.write_text("".join(f"{n},{p}\n" for n, p in rows if not p.startswith("(")))
        roster.chmod(0o600)
        say(f"(also written to {roster}, readable by root only)")
    return 0


def remove_students(args) -> int:
    """./course hub remove-students NAME...: deletes users of the course's group with their home folders (work
    included: copy out what should be kept first). Users outside the group are refused."""
    require_root("./course hub remove-students")
    for name in args.names:
        try:
            members = grp.getgrnam(GROUP).gr_mem
        except KeyError:
            members = []
        if name not in members:
            raise CourseError(f"{name!r} is not in the group `{GROUP}`; only students added by ./course hub "
                              "add-students are removed")
        subprocess.run(["pkill", "-KILL", "-u", name], check=False)
        subprocess.run(["userdel", "--remove", name], check=True, stderr=subprocess.DEVNULL)
        say(f"removed {name} and their home folder")
    return 0


def add_parser(sub) -> None:
    h = sub.add_parser("hub", help="teach a class: JupyterHub on this server, a copy of the course per student")
    hs = h.add_subparsers(dest="hub_command", metavar="HUB_COMMAND", required=True)
    c = hs.add_parser("start", help="install the course for the students and start JupyterHub (as root)")
    c.add_argument("--ip", default="0.0.0.0", help="address the students connect to (default 0.0.0.0: all)")
    c.add_argument("--port", type=int, default=8000, help="port (default 8000); the hub also uses port+1 and "
                   "port+81 on 127.0.0.1")
    c.add_argument("--memory", default="2G", help="memory per student's server and kernels, enforced (default "
                   "2G; 0 for no limit)")
    c.add_argument("--idle-minutes", type=int, default=60, help="stop a kernel, then a server, idle this long "
                   "(default 60; 0 never)")
    c.add_argument("--admin", action="append", help="a user who may manage the hub (repeat for more)")
    c.add_argument("--course-dir", default=str(COURSE_DIR), help=f"where the students' originals go (default "
                   f"{COURSE_DIR})")
    c.add_argument("--state-dir", default=str(STATE_DIR), help=f"the hub's database and secret (default "
                   f"{STATE_DIR})")
    c.add_argument("--ssl-cert", help="TLS certificate (with --ssl-key): serve https")
    c.add_argument("--ssl-key", help="TLS private key")
    c.add_argument("--no-install", action="store_true", help="start with the course as installed before")
    c.add_argument("--yes", action="store_true", help="install missing packages without asking")
    c.set_defaults(fn=start)
    c = hs.add_parser("install", help="only install the course for the students into --course-dir (no hub)")
    c.add_argument("--course-dir", default=str(COURSE_DIR), help=f"default {COURSE_DIR}")
    c.set_defaults(fn=install_only)
    c = hs.add_parser("add-students", help="create system users for students, each with a random password")
    c.add_argument("names", nargs="+", metavar="NAME")
    c.add_argument("--home-base", help="create their homes under this folder (default /home)")
    c.add_argument("--roster", help="also write name,password lines to this file (mode 600)")
    c.set_defaults(fn=add_students)
    c = hs.add_parser("remove-students", help="delete students (system users of the course's group) and their "
                      "homes")
    c.add_argument("names", nargs="+", metavar="NAME")
    c.set_defaults(fn=remove_students)
