"""The class proof, run as root by scripts/prove-hub (which makes the students and cleans up): the hub from
`./course hub start` on loopback, then

 1. one student alone: log in, start the server, run lesson 00-1 from their copy (the cost of one student);
 2. the same student edits their copy, their server is stopped and started again: the edit is still there;
 3. N students at once (N=20 by default), one of whom has their kernel killed mid-lesson: they see it die, wait for
    the restart and run the lesson again; everyone must finish;
 4. isolation: student A's token gets 403 on B's server and B's files; B's home is closed to A on disk;
 5. the hub is stopped while the servers run and started again: every server is found again, still answering,
    same process, no file lost;
 6. the originals are unchanged;
 7. (--cull-seconds) idle servers stop by themselves.

Prints a table (times from login: server ready, first result, end of the lesson; peak memory per server, kernel,
student's cgroup; the hub's own) and exits non-zero on any failure.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import pwd
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from students import LessonFailed, Student, student_session  # noqa: E402

LESSON = "notebooks/00-1-learning-by-guessing.ipynb"
MB = 1 << 20


def say(msg: str) -> None:
    print(msg, flush=True)


# ---------------------------------------------------------------- processes and memory
def processes():
    """(pid, uid, kind, rss bytes, cmdline) for the hub, its proxy, the students' servers and kernels."""
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            cmd = (d / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            status = (d / "status").read_text()
        except OSError:
            continue
        if "jupyterhub-singleuser" in cmd:
            kind = "server"
        elif "MlFoundationsKernel" in cmd:
            kind = "kernel"
        elif "configurable-http-proxy" in cmd:
            kind = "proxy"
        elif "bin/jupyterhub " in cmd + " " and "singleuser" not in cmd:
            kind = "hub"
        else:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        rss = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
        uid = int(fields["Uid"].split()[0])
        yield int(d.name), uid, kind, rss, cmd


class Sampler(threading.Thread):
    """Peak RSS per (user, kind) and of the hub and proxy, every 0.25 s while it runs."""

    def __init__(self):
        super().__init__(daemon=True)
        self.peak: dict = {}
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            for pid, uid, kind, rss, _ in processes():
                key = ("root" if uid == 0 else user_name(uid), kind)
                self.peak[key] = max(self.peak.get(key, 0), rss)
            time.sleep(0.25)

    def reset(self):
        self.peak = {}


def user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def kernel_pids(user: str) -> list:
    uid = pwd.getpwnam(user).pw_uid
    return [pid for pid, u, kind, _, _ in processes() if u == uid and kind == "kernel"]


def server_pids() -> dict:
    return {user_name(u): pid for pid, u, kind, _, _ in processes() if kind == "server"}


def kill_kernel(user: str) -> None:
    for pid in kernel_pids(user):
        say(f"    fault: kill -9 {user}'s kernel (pid {pid})")
        os.kill(pid, signal.SIGKILL)


def cgroup_peak(user: str):
    for base in (Path("/sys/fs/cgroup/memory"), Path("/sys/fs/cgroup")):
        for f in base.rglob(f"ml-foundations-students/{user}/memory.max_usage_in_bytes"):
            return int(f.read_text())
        for f in base.rglob(f"ml-foundations-students/{user}/memory.peak"):
            return int(f.read_text())
    return None


def cgroup_limit(user: str):
    for base in (Path("/sys/fs/cgroup/memory"), Path("/sys/fs/cgroup")):
        for name in ("memory.limit_in_bytes", "memory.max"):
            for f in base.rglob(f"ml-foundations-students/{user}/{name}"):
                return f.read_text().strip()
    return None


# ---------------------------------------------------------------- the hub
class Hub:
    def __init__(self, args):
        self.args = args
        self.proc = None
        self.log = open(Path(args.work) / "hub.log", "ab")

    def start(self, install: bool, idle_seconds: int = 0) -> float:
        a = self.args
        cmd = [str(Path(a.repo) / "course"), "hub", "start", "--ip", "127.0.0.1", "--port", str(a.port),
               "--course-dir", a.course_dir, "--state-dir", str(Path(a.work) / "state"), "--memory", a.memory,
               "--yes"]
        if not install:
            cmd.append("--no-install")
        env = dict(os.environ)
        if idle_seconds:
            env["MLF_IDLE_SECONDS"] = str(idle_seconds)
        t = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, env=env,
                                     start_new_session=True)
        asyncio.run(self.wait_up(600 if install else 120))
        return time.monotonic() - t

    async def wait_up(self, timeout):
        s = Student(f"http://127.0.0.1:{self.args.port}", "-", "-")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"the hub exited with {self.proc.returncode}; see {self.log.name}")
            try:
                await s.fetch("/hub/api/", use_token=False, timeout=5)
                return
            except LessonFailed:
                await asyncio.sleep(0.5)
        raise SystemExit(f"the hub did not answer within {timeout} s; see {self.log.name}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# ---------------------------------------------------------------- figures
def pct(values, p):
    v = sorted(values)
    if not v:
        return float("nan")
    k = max(0, min(len(v) - 1, int(round(p / 100 * len(v) + 0.5)) - 1))
    return v[k]


def summary(label, runs, sampler_peak, users):
    ok = [r for r in runs if r.completed]
    row = {"label": label, "students": len(runs), "started": sum(r.started for r in runs), "completed": len(ok)}
    for key in ("server_s", "first_s", "end_s"):
        vals = [getattr(r, key) for r in ok if getattr(r, key) is not None]
        row[key] = (pct(vals, 50), pct(vals, 95), max(vals) if vals else float("nan"))
    for kind in ("server", "kernel"):
        vals = [sampler_peak.get((u, kind), 0) for u in users]
        row[kind + "_mb"] = max(vals) / MB if vals else float("nan")
    cg = [cgroup_peak(u) or 0 for u in users]
    row["cgroup_mb"] = max(cg) / MB if cg else float("nan")
    row["hub_mb"] = (sampler_peak.get(("root", "hub"), 0) + sampler_peak.get(("root", "proxy"), 0)) / MB
    return row


def print_table(rows):
    say("")
    say("| run | servers started | lessons completed | server ready p50/p95/max s | first result p50/p95/max s "
        "| end of lesson p50/p95/max s | peak per server MB | per kernel MB | per student (cgroup) MB | hub + "
        "proxy MB |")
    say("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        t = ["/".join(f"{x:.1f}" for x in r[k]) for k in ("server_s", "first_s", "end_s")]
        say(f"| {r['label']} | {r['started']}/{r['students']} | {r['completed']}/{r['students']} | {t[0]} | {t[1]} | "
            f"{t[2]} | {r['server_mb']:.0f} | {r['kernel_mb']:.0f} | {r['cgroup_mb']:.0f} | {r['hub_mb']:.0f} |")


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for f in sorted(folder.rglob("*")):
        if f.is_file():
            h.update(str(f.relative_to(folder)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()


# ---------------------------------------------------------------- the proof
class Proof:
    def __init__(self, args):
        self.args = args
        self.base = f"http://127.0.0.1:{args.port}"
        self.roster = [line.split(",", 1) for line in Path(args.roster).read_text().split()]
        self.failures = []
        self.rows = []
        self.sampler = Sampler()

    def check(self, ok: bool, what: str) -> None:
        say(f"    {'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            self.failures.append(what)

    def run_group(self, label, students, kill=None):
        self.sampler.reset()
        users = [n for n, _ in students]

        async def one(name, password):
            kill_after = self.args.kill_after if name == kill else None
            task = asyncio.ensure_future(student_session(self.base, name, password, LESSON, kill_after, kill_kernel))
            done, _ = await asyncio.wait([task], timeout=self.args.student_timeout)
            if not done:
                task.cancel()     # student_session records the cancellation as its error
            return await task

        async def all_of_them():
            return await asyncio.gather(*(one(n, p) for n, p in students))

        t = time.monotonic()
        runs = asyncio.run(all_of_them())
        say(f"    {label}: {time.monotonic() - t:.1f} s")
        for r in runs:
            if r.error or r.events:
                say(f"      {r.name}: " + "; ".join(r.events + ([f"ERROR {r.error}"] if r.error else [])))
        with open(Path(self.args.work) / "students.log", "a") as log:
            log.write(f"--- {label}\n" + "".join(line + "\n" for r in runs for line in r.trace))
        row = summary(label, runs, dict(self.sampler.peak), users)
        self.rows.append(row)
        return runs, row

    def main(self) -> int:
        a = self.args
        hub = Hub(a)
        say(f"==> the hub: ./course hub start on {self.base} (install, then start)")
        took = hub.start(install=True)
        say(f"    up after {took:.1f} s (the course and the Java kernel installed into {a.course_dir})")
        originals = digest(Path(a.course_dir) / "notebooks")
        self.sampler.start()
        try:
            self.steps(hub, originals)
        finally:
            self.sampler.stopping.set()
            hub.stop()
        print_table(self.rows)
        say("")
        if self.failures:
            say(f"FAILED ({len(self.failures)}): " + "; ".join(self.failures))
            return 1
        say("hub proof passed")
        return 0

    def steps(self, hub, originals):
        a = self.args
        first_name, first_pw = self.roster[0]
        say(f"==> 1. one student alone ({first_name})")
        runs, row = self.run_group("1 student", [self.roster[0]])
        self.check(row["completed"] == 1, f"{first_name} ran every cell of {LESSON} from their own copy")
        limit = cgroup_limit(first_name)
        self.check(limit is not None and int(limit) == int(float(a.memory_bytes)),
                   f"{first_name}'s server and kernel run in a cgroup limited to {a.memory} (found {limit})")

        say(f"==> 2. {first_name}'s edit survives a restart of their server")

        async def persistence():
            s = Student(self.base, first_name, first_pw)
            await s.login()
            nb = await s.get_notebook(LESSON)
            outputs = sum(len(c.get("outputs", [])) for c in nb["cells"] if c["cell_type"] == "code")
            marker = f"my notes {time.time()}"
            nb["cells"].append({"cell_type": "markdown", "metadata": {}, "source": marker})
            await s.save_notebook(LESSON, nb)
            await s.stop_server()
            await s.start_server()
            again = await s.get_notebook(LESSON)
            return outputs, any(c["source"] == marker for c in again["cells"])

        outputs, kept = asyncio.run(persistence())
        self.check(outputs > 0, f"the saved copy holds the lesson's outputs ({outputs})")
        self.check(kept, "the edited notebook is there after the server stopped and started again")

        n = len(self.roster)
        victim = self.roster[min(6, n - 1)][0]
        say(f"==> 3. {n} students at once; {victim}'s kernel is killed after {a.kill_after} cells")
        runs, row = self.run_group(f"{n} students", self.roster, kill=victim)
        self.check(row["started"] == n, f"servers started: {row['started']}/{n}")
        self.check(row["completed"] == n, f"lessons completed: {row['completed']}/{n}")
        died = next(r for r in runs if r.name == victim)
        self.check(died.kernel_deaths >= 1 and died.completed and "status `restarting`" in " ".join(died.events),
                   f"{victim} was told the kernel died (\"{(died.events or ['nothing'])[0]}\"), waited for the "
                   "restart and finished")
        others = [r for r in runs if r.name != victim]
        self.check(all(r.completed for r in others), f"the other {len(others)} finished")
        restarted = [r.name for r in others if r.kernel_deaths]
        say(f"    students who had to restart a kernel themselves: {len(restarted)} {restarted or ''}")
        self.summary_n = row

        for k in a.ladder:
            if not 1 < k < n:
                continue
            say(f"==> 3b. capacity: {k} students at once, each from a stopped server (p95 to the end <= 30 s?)")
            group = self.roster[:k]

            async def stop_all():
                for name, password in group:
                    s = Student(self.base, name, password)
                    await s.login()
                    await s.stop_server()

            asyncio.run(stop_all())
            runs, row = self.run_group(f"{k} students", group)
            self.check(row["completed"] == k, f"lessons completed: {row['completed']}/{k}")
            say(f"    end of the lesson p95: {row['end_s'][1]:.1f} s ({'within' if row['end_s'][1] <= 30 else 'over'} "
                "30 s)")

        say("==> 4. isolation")
        (a_name, a_pw), (b_name, _) = self.roster[1], self.roster[2]

        async def isolation():
            s = Student(self.base, a_name, a_pw)
            await s.login()
            codes = []
            for path in (f"/user/{b_name}/api/contents/{LESSON}", f"/user/{b_name}/api/kernels",
                         f"/hub/api/users/{b_name}"):
                resp = await s.fetch(path, expect=(200, 302, 403, 404))
                codes.append((path, resp.code))
            return codes

        for path, code in asyncio.run(isolation()):
            self.check(code in (403, 404), f"{a_name}'s token on {path}: {code}")
        b_home = Path(pwd.getpwnam(b_name).pw_dir)
        res = subprocess.run(["runuser", "-u", a_name, "--", "cat", str(b_home / "ml-foundations" / LESSON)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.check(res.returncode != 0, f"{a_name} cannot read {b_name}'s copy on disk "
                   f"({res.stderr.strip() or 'it could'})")

        say("==> 5. the hub stops while the servers run, and starts again")
        before = server_pids()
        files_before = {n: digest(Path(pwd.getpwnam(n).pw_dir) / "ml-foundations" / "notebooks")
                        for n, _ in self.roster}
        hub.stop()
        alive = {u: pid for u, pid in server_pids().items()}
        self.check(len(alive) >= n and all(before.get(u) == alive.get(u) for u, _ in self.roster),
                   f"with the hub stopped, {len(alive)} servers keep running")
        took = hub.start(install=False)
        say(f"    the hub is back after {took:.1f} s")

        async def found_again():
            ok = 0
            for name, password in self.roster:
                s = Student(self.base, name, password)
                await s.login()
                resp = await s.fetch(s.api("status"), expect=(200, 302, 404, 503))
                kernels = await s.fetch(s.api("kernels"), expect=(200, 302, 404, 503))
                ok += resp.code == 200 and kernels.code == 200 and len(json.loads(kernels.body)) >= 1
            return ok

        ok = asyncio.run(found_again())
        self.check(ok == n, f"after the restart {ok}/{n} servers answer through the hub with their kernel running")
        self.check(server_pids() == alive, "the same server processes (none restarted, none lost)")
        same = sum(digest(Path(pwd.getpwnam(n).pw_dir) / "ml-foundations" / "notebooks") == files_before[n]
                   for n, _ in self.roster)
        self.check(same == n, f"every student's files unchanged by the restart ({same}/{n})")

        say("==> 6. the originals")
        self.check(digest(Path(a.course_dir) / "notebooks") == originals,
                   f"{a.course_dir}/notebooks unchanged after all the runs")
        modes = {oct(p.stat().st_mode & 0o777) for p in (Path(a.course_dir) / "notebooks").iterdir()}
        self.check(modes == {"0o644"}, f"the originals are read-only for the students (modes {sorted(modes)})")

        if a.cull_seconds:
            say(f"==> 7. idle servers stop by themselves (the hub restarted with an idle limit of {a.cull_seconds} s)")
            hub.stop()
            hub.start(install=False, idle_seconds=a.cull_seconds)
            pair = self.roster[:2]

            async def restart_idle():
                for name, password in pair:
                    s = Student(self.base, name, password)
                    await s.login()
                    await s.stop_server()
                    await s.start_server()
                    await s.start_kernel(LESSON)

            asyncio.run(restart_idle())
            mine = {n for n, _ in pair}
            running = {u for u in server_pids() if u in mine}
            self.check(running == mine, f"{len(running)} fresh servers with a kernel each, then nobody touches them")
            t = time.monotonic()
            limit = 3 * a.cull_seconds + 150
            while any(u in mine for u in server_pids()) and time.monotonic() - t < limit:
                time.sleep(2)
            left = [u for u in server_pids() if u in mine]
            self.check(not left, f"both idle servers stopped by themselves after {time.monotonic() - t:.0f} s "
                       f"(kernel culled, then the server; limit {limit} s)")

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--repo", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--course-dir", required=True)
    p.add_argument("--roster", required=True, help="name,password lines")
    p.add_argument("--port", type=int, default=18000)
    p.add_argument("--memory", default="2G")
    p.add_argument("--kill-after", type=int, default=5)
    p.add_argument("--cull-seconds", type=int, default=0)
    p.add_argument("--ladder", type=lambda t: [int(x) for x in t.split()], default=[],
                   help="also run groups of these sizes (e.g. \"4 8\"), each from stopped servers")
    p.add_argument("--student-timeout", type=float, default=900, help="seconds one student may take in all")
    a = p.parse_args()
    sys.path.insert(0, str(Path(a.repo) / "hub"))
    from settings import memory_bytes
    a.memory_bytes = memory_bytes(a.memory)
    return Proof(a).main()


if __name__ == "__main__":
    sys.exit(main())
