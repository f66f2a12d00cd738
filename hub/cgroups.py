"""Memory-limited control groups for the students' servers (used by course_spawner.CourseSpawner; no dependency on
JupyterHub, so the course tool's tests can check it on a folder that imitates /sys/fs/cgroup)."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Optional

CGROUP_ROOT = Path("/sys/fs/cgroup")
GROUP = "ml-foundations-students"


class LimitError(RuntimeError):
    """The memory limit could not be applied; the message says why and what to do."""


def own_cgroup(version: int, proc_cgroup: str) -> str:
    """This process's cgroup path from /proc/self/cgroup: the `0::` line (v2) or the line naming `memory` (v1)."""
    for line in proc_cgroup.splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        if version == 2 and parts[0] == "0" and parts[1] == "":
            return parts[2]
        if version == 1 and "memory" in parts[1].split(","):
            return parts[2]
    raise LimitError(f"/proc/self/cgroup names no {'unified (v2)' if version == 2 else 'memory (v1)'} cgroup")


def write(path: Path, value: str) -> None:
    try:
        path.write_text(value)
    except OSError as e:
        raise LimitError(f"cannot write {value!r} to {path}: {e.strerror}") from e


class Cgroups:
    """Memory-limited cgroups for the students' servers, under the hub's own cgroup."""

    def __init__(self, root: Path = CGROUP_ROOT, proc_cgroup: Optional[str] = None):
        self.root = root
        if (root / "cgroup.controllers").exists():
            self.version, self.mount = 2, root
        elif (root / "memory" / "memory.limit_in_bytes").exists():
            self.version, self.mount = 1, root / "memory"
        else:
            raise LimitError(f"no cgroup memory controller under {root} (neither cgroup v2 nor v1's memory "
                             "hierarchy is mounted)")
        text = proc_cgroup if proc_cgroup is not None else Path("/proc/self/cgroup").read_text()
        self.parent = self.mount / own_cgroup(self.version, text).lstrip("/")
        self.base = self.parent / GROUP

    def prepare(self) -> None:
        """Makes the students' group. On v2 the memory controller must be enabled in the parent, which cgroup v2
        allows only in a group without processes of its own: the hub's processes then move into a leaf `hub`."""
        if self.version == 2:
            controllers = (self.parent / "cgroup.controllers").read_text().split()
            if "memory" not in controllers:
                raise LimitError(f"the memory controller is not available in {self.parent} (run the hub as a "
                                 "systemd service with Delegate=yes: hub/ml-foundations-hub.service)")
            if "memory" not in (self.parent / "cgroup.subtree_control").read_text().split():
                try:
                    (self.parent / "cgroup.subtree_control").write_text("+memory")
                except OSError as e:
                    if e.errno != errno.EBUSY:
                        raise LimitError(f"cannot enable memory in {self.parent}: {e.strerror}") from e
                    leaf = self.parent / "hub"
                    leaf.mkdir(exist_ok=True)
                    for pid in (self.parent / "cgroup.procs").read_text().split():
                        try:
                            (leaf / "cgroup.procs").write_text(pid)
                        except OSError:
                            pass  # a process that ended meanwhile
                    write(self.parent / "cgroup.subtree_control", "+memory")
        try:
            self.base.mkdir(exist_ok=True)
        except OSError as e:
            raise LimitError(f"cannot create {self.base}: {e.strerror}") from e
        if self.version == 2 and "memory" not in (self.base / "cgroup.subtree_control").read_text().split():
            write(self.base / "cgroup.subtree_control", "+memory")

    def group(self, user: str) -> Path:
        return self.base / user

    def limit(self, user: str, pid: int, limit_bytes: int) -> Path:
        """Puts process `pid` (and so everything it starts later) into the user's group, limited to limit_bytes of
        memory and no swap."""
        self.prepare()
        g = self.group(user)
        try:
            g.mkdir(exist_ok=True)
        except OSError as e:
            raise LimitError(f"cannot create {g}: {e.strerror}") from e
        if self.version == 2:
            write(g / "memory.max", str(limit_bytes))
            if (g / "memory.swap.max").exists():
                write(g / "memory.swap.max", "0")
        else:
            write(g / "memory.limit_in_bytes", str(limit_bytes))
            if (g / "memory.memsw.limit_in_bytes").exists():
                write(g / "memory.memsw.limit_in_bytes", str(limit_bytes))
        write(g / "cgroup.procs", str(pid))
        return g

    def peak_bytes(self, user: str) -> Optional[int]:
        """The group's peak memory use (v1 memory.max_usage_in_bytes, v2 memory.peak), or None."""
        for name in ("memory.peak", "memory.max_usage_in_bytes"):
            try:
                return int((self.group(user) / name).read_text().split()[0])
            except (OSError, ValueError, IndexError):
                continue
        return None

    def remove(self, user: str) -> None:
        """Removes the user's group once it is empty (a group with processes left is kept)."""
        try:
            self.group(user).rmdir()
        except OSError:
            pass
