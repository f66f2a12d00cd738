# JupyterHub for a class: the course on one server, every student with their own copy of the lessons.
#
# Started by `./course hub start` (see README, "Teaching a class"), which installs the course into $MLF_COURSE and
# passes the settings below as environment variables; `jupyterhub -f <course>/hub/jupyterhub_config.py` with the
# same variables does the same. Every value here comes from Debian's own packages: jupyterhub (with
# node-configurable-http-proxy), the single-user server (python3-notebook on Debian 12, JupyterLab on 13) and the
# course's Java kernel, installed by ./course hub into $MLF_COURSE/share/jupyter.
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from settings import env_int, memory_bytes  # noqa: E402

c = get_config()  # noqa: F821 (JupyterHub defines it)

course = Path(os.environ.get("MLF_COURSE", "/opt/ml-foundations"))
state = Path(os.environ.get("MLF_HUB_STATE", "/var/lib/ml-foundations-hub"))
ip = os.environ.get("MLF_HUB_IP", "0.0.0.0")
port = env_int("MLF_HUB_PORT", 8000)
idle_seconds = env_int("MLF_IDLE_SECONDS", 60 * env_int("MLF_IDLE_MINUTES", 60))   # seconds: for tests
group = os.environ.get("MLF_STUDENTS_GROUP", "ml-foundations")
admins = {a for a in os.environ.get("MLF_ADMINS", "").split(",") if a}

# --- Where it listens. Students reach the proxy on `port`; the proxy's API and the hub itself stay on loopback.
c.JupyterHub.bind_url = f"http://{ip}:{port}"
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{port + 1}"
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{port + 81}"
if os.environ.get("MLF_SSL_CERT"):
    c.JupyterHub.ssl_cert = os.environ["MLF_SSL_CERT"]
    c.JupyterHub.ssl_key = os.environ["MLF_SSL_KEY"]

# --- State that must outlive a restart of the hub: the user database, the cookie secret, the proxy's pid.
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "jupyterhub_cookie_secret")
c.ConfigurableHTTPProxy.pid_file = str(state / "jupyterhub-proxy.pid")
c.ConfigurableHTTPProxy.command = ["configurable-http-proxy"]
# Debian's proxy finds its Node modules in /usr/share/nodejs, which Debian's own node searches but a node from
# elsewhere (NodeSource, nvm) does not: name the folder for the proxy, which inherits the hub's environment.
if Path("/usr/share/nodejs/configurable-http-proxy").is_dir():
    os.environ["NODE_PATH"] = os.pathsep.join(p for p in [os.environ.get("NODE_PATH"), "/usr/share/nodejs"] if p)
# Stopping the hub (an update, a crash) leaves the students' servers and kernels running; the hub finds them again
# when it starts (their process ids are in the database).
c.JupyterHub.cleanup_servers = False

# --- Who may log in: system users (PAM: their login name and password) in the course's group.
c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"
c.PAMAuthenticator.allowed_groups = {group}
c.PAMAuthenticator.open_sessions = False
c.Authenticator.admin_users = admins

# --- Each student's server: their own system user, their own copy of the course (hub/course-home makes it on
# first start and adds back any lesson they deleted), the Java kernel, a memory limit enforced by a cgroup.
c.JupyterHub.spawner_class = "course_spawner.CourseSpawner"
c.Spawner.cmd = [str(course / "hub" / "course-home"), "jupyterhub-singleuser"]
c.Spawner.notebook_dir = "~/ml-foundations"
c.Spawner.default_url = "/tree/notebooks"
c.Spawner.environment = {
    "COURSE_SOURCE": str(course),
    # The course's `java` kernel (and its class-data-sharing archive) comes first on the kernels' search path.
    "JUPYTER_PATH": str(course / "share" / "jupyter"),
}
c.Spawner.mem_limit = memory_bytes(os.environ.get("MLF_MEMORY", "2G")) or None
# Twenty servers starting at once on a small machine take a while; the defaults (60 s, 30 s) are too tight.
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 180

# --- Idle servers are culled by the servers themselves (jupyterhub-idle-culler is not packaged by Debian): a
# kernel with no activity for the idle time ($MLF_IDLE_MINUTES) is shut down, open browser tab or not, and a server with no kernel and
# no activity for as long stops; the hub notices and frees its memory. 0 turns culling off.
if idle_seconds > 0:
    seconds = idle_seconds
    c.Spawner.args = [
        f"--MappingKernelManager.cull_idle_timeout={seconds}",
        f"--MappingKernelManager.cull_interval={min(60, seconds)}",
        "--MappingKernelManager.cull_connected=True",
        # Debian 12's jupyterhub-singleuser runs the classic Notebook (NotebookApp), Debian 13's Jupyter Server
        # (ServerApp): each reads its own option and ignores the other's.
        f"--NotebookApp.shutdown_no_activity_timeout={seconds}",
        f"--ServerApp.shutdown_no_activity_timeout={seconds}",
    ]
