"""Students the way a browser drives JupyterHub: log in with a password (PAM), take a token, start the server, open
a lesson from the student's own copy, start the `java` kernel and run every code cell over the kernel's websocket,
save the notebook. Used by scripts/hub/prove.py; only the Python that Debian's jupyterhub package brings (tornado).

Times are measured from the moment the student logs in: `first` to the first output of the lesson, `end` to the
reply of its last cell.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Optional
from urllib.parse import quote, urlencode

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.websocket import WebSocketClosedError, websocket_connect

AsyncHTTPClient.configure(None, max_clients=200)


OUTPUT_FIELDS = {"stream": ("name", "text"), "execute_result": ("data", "metadata", "execution_count"),
                 "display_data": ("data", "metadata"), "error": ("ename", "evalue", "traceback")}


class KernelDied(Exception):
    """The kernel reported `restarting` or `dead` (or its websocket closed) in the middle of the lesson."""


class KernelLost(KernelDied):
    """The kernel is up but never answered a cell (its reply went astray): the student restarts the kernel."""


class LessonFailed(Exception):
    """A cell raised an error, or the lesson could not be opened or run."""


@dataclass
class Run:
    """What happened to one student."""
    name: str
    started: bool = False
    completed: bool = False
    server_s: Optional[float] = None
    first_s: Optional[float] = None
    end_s: Optional[float] = None
    cells: int = 0
    kernel_deaths: int = 0
    events: list = field(default_factory=list)
    error: Optional[str] = None
    trace: list = field(default_factory=list)
    t0: float = field(default_factory=time.monotonic)

    def log(self, what: str) -> None:
        """A line of the student's timeline (scripts/prove-hub writes them all to target/prove-hub/students.log)."""
        self.trace.append(f"{time.monotonic() - self.t0:7.2f} s  {self.name}: {what}")


class Student:
    def __init__(self, base: str, name: str, password: str):
        self.base = base.rstrip("/")
        self.name = name
        self.password = password
        self.cookies: dict = {}
        self.token: Optional[str] = None
        self.http = AsyncHTTPClient()
        self.debug = None   # a function that logs every kernel message, when set

    # --- HTTP with a cookie jar (the hub's login) or the student's token (everything after it)
    async def fetch(self, path: str, method: str = "GET", body=None, headers=None, use_token=True,
                    expect=(200,), follow=False, timeout=300):
        h = {"Referer": self.base + "/hub/"}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            if "_xsrf" in self.cookies:
                h["X-XSRFToken"] = self.cookies["_xsrf"]
        if use_token and self.token:
            h["Authorization"] = f"token {self.token}"
        h.update(headers or {})
        if body is not None and not isinstance(body, (str, bytes)):
            body = json.dumps(body)
            h.setdefault("Content-Type", "application/json")
        req = HTTPRequest(self.base + path, method=method, body=body, headers=h, follow_redirects=follow,
                          request_timeout=timeout, connect_timeout=60)
        try:
            resp = await self.http.fetch(req, raise_error=False)
        except (OSError, HTTPClientError) as e:
            raise LessonFailed(f"{method} {path}: {e}") from e
        for value in resp.headers.get_list("Set-Cookie"):
            for k, morsel in SimpleCookie(value).items():
                self.cookies[k] = morsel.value
        if resp.code not in expect:
            text = (resp.body or b"")[:300].decode("utf-8", "replace")
            raise LessonFailed(f"{method} {path} answered {resp.code}, expected {expect}: {text}")
        return resp

    async def login(self) -> None:
        """The login form, as a browser posts it (with the form's _xsrf when the hub has one)."""
        page = await self.fetch("/hub/login", use_token=False)
        form = {"username": self.name, "password": self.password}
        m = re.search(rb'name="_xsrf" value="([^"]+)"', page.body or b"")
        if m:
            form["_xsrf"] = m.group(1).decode()
        await self.fetch("/hub/login", "POST", urlencode(form), use_token=False, expect=(302,),
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        if not any(k.startswith("jupyterhub-") for k in self.cookies):
            raise LessonFailed(f"{self.name}: the login set no hub cookie (wrong password?)")
        resp = await self.fetch(f"/hub/api/users/{self.name}/tokens", "POST",
                                {"note": "students.py", "expires_in": 7200}, use_token=False, expect=(200, 201))
        self.token = json.loads(resp.body)["token"]

    async def start_server(self, timeout: float = 300) -> None:
        await self.fetch(f"/hub/api/users/{self.name}/server", "POST", {}, expect=(201, 202, 400))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            resp = await self.fetch(f"/hub/api/users/{self.name}")
            server = json.loads(resp.body).get("servers", {}).get("")
            if server and server.get("ready"):
                return
            await asyncio.sleep(0.5)
        raise LessonFailed(f"{self.name}'s server was not ready after {timeout:.0f} s")

    async def stop_server(self) -> None:
        await self.fetch(f"/hub/api/users/{self.name}/server", "DELETE", expect=(202, 204))
        for _ in range(240):
            resp = await self.fetch(f"/hub/api/users/{self.name}")
            if not json.loads(resp.body).get("servers"):
                return
            await asyncio.sleep(0.5)
        raise LessonFailed(f"{self.name}'s server did not stop")

    def api(self, path: str) -> str:
        return f"/user/{self.name}/api/{path}"

    async def get_notebook(self, path: str) -> dict:
        resp = await self.fetch(self.api("contents/" + quote(path)) + "?content=1")
        return json.loads(resp.body)["content"]

    async def save_notebook(self, path: str, nb: dict) -> None:
        await self.fetch(self.api("contents/" + quote(path)), "PUT",
                         {"type": "notebook", "format": "json", "content": nb}, expect=(200, 201))

    async def start_kernel(self, path: str) -> str:
        resp = await self.fetch(self.api("sessions"), "POST",
                                {"path": path, "name": path.rsplit("/", 1)[-1], "type": "notebook",
                                 "kernel": {"name": "java"}}, expect=(200, 201))
        return json.loads(resp.body)["kernel"]["id"]

    async def kernel_state(self, kid: str) -> Optional[str]:
        resp = await self.fetch(self.api(f"kernels/{kid}"), expect=(200, 404))
        return json.loads(resp.body).get("execution_state") if resp.code == 200 else None

    async def connect(self, kid: str):
        url = (self.base.replace("http", "ws", 1) + self.api(f"kernels/{kid}/channels") + "?"
               + urlencode({"session_id": uuid.uuid4().hex}))
        # The server opens the websocket only once the kernel answers (or its own minute is up), and a kernel that
        # starts while twenty others do can take that long: a browser waits, so the driver does too.
        req = HTTPRequest(url, headers={"Authorization": f"token {self.token}"}, connect_timeout=240,
                          request_timeout=240)
        return await websocket_connect(req, max_message_size=256 << 20)

    # --- running cells
    def message(self, msg_type: str, content: dict) -> tuple:
        msg_id = uuid.uuid4().hex
        return msg_id, json.dumps({
            "header": {"msg_id": msg_id, "username": self.name, "session": uuid.uuid4().hex,
                       "msg_type": msg_type, "version": "5.3", "date": ""},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [], "content": content})

    async def wait_ready(self, ws, timeout: float = 20) -> bool:
        """What a browser does on connecting: ask kernel_info until the kernel answers on both channels, the reply
        on shell and its busy/idle status on IOPub. A kernel that is still starting may not be listening yet, and
        a connection opened then may never get IOPub's messages (its subscription came too early): False then, and
        the caller opens a new connection."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            msg_id, text = self.message("kernel_info_request", {})
            await ws.write_message(text)
            replied = status = False
            until = min(deadline, time.monotonic() + 2)
            while time.monotonic() < until:
                try:
                    raw = await asyncio.wait_for(ws.read_message(), until - time.monotonic())
                except asyncio.TimeoutError:
                    break
                if raw is None:
                    raise KernelDied("the kernel's websocket closed")
                msg = json.loads(raw)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                replied = replied or msg.get("msg_type") == "kernel_info_reply"
                status = status or msg.get("msg_type") == "status"
                if replied and status:
                    return True
        return False

    async def wait_quiet(self, ws, quiet: float = 2.0, timeout: float = 30) -> None:
        """Waits until the connection has carried no message for `quiet` seconds (at most `timeout`): the server
        nudges a kernel with kernel_info requests for a while after a connection opens, and the rapaio kernel can
        mix up the replies of a cell that runs meanwhile (seen under load, right after a restart). A student sees
        "Kernel starting" and waits for "Kernel idle" the same way."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                raw = await asyncio.wait_for(ws.read_message(), quiet)
            except asyncio.TimeoutError:
                return
            if raw is None:
                raise KernelDied("the kernel's websocket closed")

    async def execute(self, ws, code: str, on_output, timeout: float = 600, silence: float = 90) -> list:
        """Sends one execute_request and collects its outputs until the reply and the kernel's idle status."""
        msg_id, text = self.message("execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {}, "allow_stdin": False,
            "stop_on_error": True})
        await ws.write_message(text)
        outputs, replied, idle = [], None, False
        deadline = time.monotonic() + timeout
        heard = time.monotonic()
        while replied is None or not idle:
            if replied is None and time.monotonic() - heard > silence:
                raise KernelLost(f"no answer to the cell for {silence:.0f} s")
            left = min(deadline, heard + silence + 1) - time.monotonic()
            if time.monotonic() >= deadline:
                if replied is not None:
                    raise KernelDied("the kernel replied but its output channel (IOPub) stayed silent")
                raise LessonFailed(f"a cell ran longer than {timeout:.0f} s")
            try:
                raw = await asyncio.wait_for(ws.read_message(), max(left, 0.01))
            except asyncio.TimeoutError:
                continue
            if raw is None:
                raise KernelDied("the kernel's websocket closed")
            msg = json.loads(raw)
            kind = msg.get("msg_type") or msg.get("header", {}).get("msg_type")
            content = msg.get("content", {})
            if self.debug is not None:
                self.debug(f"{msg.get('channel')} {kind} {content.get('execution_state', '')} "
                           f"{'mine' if msg.get('parent_header', {}).get('msg_id') == msg_id else 'other'}")
            if kind == "status" and content.get("execution_state") in ("restarting", "dead"):
                raise KernelDied(f"kernel status `{content['execution_state']}`")
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            heard = time.monotonic()
            if kind in OUTPUT_FIELDS:
                # As the notebook stores it (nbformat): the message's content without `transient` and the like.
                outputs.append({"output_type": kind, **{k: content[k] for k in OUTPUT_FIELDS[kind] if k in content}})
                on_output()
            elif kind == "execute_reply":
                replied = content
                # Outputs and the idle status come on IOPub before or just after the reply: 15 s more at most.
                deadline = min(deadline, time.monotonic() + 15)
            elif kind == "status" and content.get("execution_state") == "idle":
                idle = True
        if replied.get("status") != "ok":
            raise LessonFailed(f"{replied.get('ename', 'error')}: {replied.get('evalue', '')}"[:300])
        return outputs


async def run_lesson(s: Student, path: str, run: Run, t0: float, kill_after: Optional[int] = None,
                     killer=None) -> dict:
    """Opens `path` from the student's copy and runs every code cell in order on a new `java` kernel. When the
    kernel dies the student does what a browser tells them: waits for the restart, then runs the lesson again from
    the top (killer(name) kills the kernel after `kill_after` cells, once: the fault test)."""
    nb = await s.get_notebook(path)
    run.log(f"opened {path}")
    kid = await s.start_kernel(path)
    run.log(f"kernel {kid} started")

    def first_output():
        if run.first_s is None:
            run.first_s = time.monotonic() - t0

    while True:
        patience = time.monotonic() + 300
        while True:
            ws = await s.connect(kid)
            if await s.wait_ready(ws):
                break
            ws.close()
            if time.monotonic() > patience:
                raise LessonFailed("the kernel did not answer kernel_info on shell and IOPub within 5 minutes")
            run.log("the kernel does not answer on both channels yet: a new connection")
        await s.wait_quiet(ws)
        run.log("websocket open, kernel answers")
        done = 0
        try:
            for cell in nb["cells"]:
                if cell["cell_type"] != "code":
                    continue
                source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                if kill_after is not None and done == kill_after and run.kernel_deaths == 0:
                    killer(s.name)
                if run.kernel_deaths:
                    s.debug = run.log
                    run.log(f"sending cell {done + 1}")
                cell["outputs"] = await s.execute(ws, source, first_output)
                done += 1
                run.log(f"cell {done} done")
            run.cells = done
            break
        except (KernelDied, WebSocketClosedError) as e:
            run.kernel_deaths += 1
            run.events.append(f"kernel died after {done} cells ({e}); waiting for its restart, then running the "
                              "lesson again")
            if run.kernel_deaths > 2:
                raise LessonFailed("the kernel died three times") from e
            run.log(f"kernel died: {e}")
            ws.close()
            # Jupyter restarts a dead kernel by itself; if it is not back within 45 s, the student clicks
            # "Restart kernel" (once), as the notebook's dialog suggests.
            waited, clicked = time.monotonic(), False
            if isinstance(e, KernelLost):
                run.log("the kernel never answered the cell: restarting it")
                await s.fetch(s.api(f"kernels/{kid}/restart"), "POST", {}, expect=(200,))
                clicked = True
            while (state := await s.kernel_state(kid)) not in ("idle", "busy"):
                if not clicked and time.monotonic() - waited > 45:
                    run.log(f"kernel state {state!r} after 45 s: asking for a restart")
                    await s.fetch(s.api(f"kernels/{kid}/restart"), "POST", {}, expect=(200,))
                    clicked = True
                if time.monotonic() - waited > 150:
                    raise LessonFailed(f"the kernel did not come back after it died (state {state!r})") from e
                await asyncio.sleep(0.5)
            run.log(f"kernel back ({state})")
        finally:
            ws.close()
    run.end_s = time.monotonic() - t0
    run.completed = True
    await s.save_notebook(path, nb)
    return nb


async def student_session(base: str, name: str, password: str, path: str, kill_after=None, killer=None,
                          stop_kernel: bool = False) -> Run:
    """One student from login to the end of the lesson; never raises (what went wrong is in Run.error)."""
    run = Run(name)
    s = Student(base, name, password)
    t0 = run.t0
    try:
        await s.login()
        run.log("logged in, token taken")
        await s.start_server()
        run.log("server ready")
        run.started = True
        run.server_s = time.monotonic() - t0
        await run_lesson(s, path, run, t0, kill_after, killer)
        if stop_kernel:
            resp = await s.fetch(s.api("sessions"))
            for session in json.loads(resp.body):
                await s.fetch(s.api(f"sessions/{session['id']}"), "DELETE", expect=(204,))
    except LessonFailed as e:
        run.error = str(e)
    except asyncio.CancelledError:
        run.error = "stopped: no end within the proof's time limit per student"
    except Exception as e:  # noqa: BLE001 (a report must name every failure, whatever it is)
        run.error = f"{type(e).__name__}: {e}"
    if run.error:
        run.log("ERROR " + run.error)
    return run
