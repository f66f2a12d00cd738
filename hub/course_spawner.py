"""The course's spawner: JupyterHub's LocalProcessSpawner (one server per student, run as the student's own system
user) plus a memory limit that is enforced, not only announced.

LocalProcessSpawner sets $MEM_LIMIT for the server but does not enforce it. CourseSpawner puts each student's
server, right after it starts and before it can start a kernel, into a control group of its own with the limit:
the server and every kernel it starts then share that limit, and when they pass it Linux's out-of-memory killer
ends the largest process in the group, the Java kernel, which the student sees as "kernel died, restarting". The groups are made
under the hub's own control group (cgroup v2, as systemd's `Delegate=yes` hands it over, or cgroup v1's memory
hierarchy), so nothing outside the hub's share of the machine is touched.
"""

from __future__ import annotations

from jupyterhub.spawner import LocalProcessSpawner

from cgroups import Cgroups, LimitError


class CourseSpawner(LocalProcessSpawner):
    """LocalProcessSpawner whose mem_limit is enforced with a cgroup per student (see the module's text)."""

    async def start(self):
        url = await super().start()
        if self.mem_limit:
            try:
                group = Cgroups().limit(self.user.name, self.pid, int(self.mem_limit))
            except LimitError as e:
                await super().stop(now=True)
                raise RuntimeError(f"the memory limit of {self.mem_limit} bytes per student cannot be applied: "
                                   f"{e}. Run the hub as root on a machine with cgroups, or start it with "
                                   "--memory 0 to run the students' servers without a limit.") from e
            self.log.info("%s's server (pid %s) limited to %s bytes in %s", self.user.name, self.pid,
                          self.mem_limit, group)
        return url

    async def stop(self, now=False):
        await super().stop(now=now)
        if self.mem_limit:
            try:
                Cgroups().remove(self.user.name)
            except LimitError:
                pass
