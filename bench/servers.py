"""The servers under test as child processes: granian (litfass, the floor app) and nginx.

Each server runs in a process group of its own, so that stopping it reaches every worker, and
so that Ctrl-C in the terminal reaches only the bench, which then stops the servers in order.
Use the servers as context managers: they stop on every way out, errors included.
"""

from __future__ import annotations

import http.client
import os
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from bench import BenchError
from bench.workspace import LOG_DIR, ROOT, WORK, venv_tool

STARTUP_SECONDS = 60.0
STOP_SECONDS = 10.0


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    """A running server: its name, port and main process."""

    name: str
    port: int
    process: subprocess.Popen[bytes]
    log_path: Path

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def worker_rss_kb(self) -> list[int]:
        """VmRSS in kB of each worker (the main process's children), read from /proc."""
        return [_rss_kb(pid) for pid in _children(self.process.pid)]


@contextmanager
def running(
    name: str, argv: list[str], *, env: dict[str, str], port: int, ready_path: str = "/"
) -> Iterator[Server]:
    """Start ``argv`` in its own process group, wait until it answers HTTP, stop it on exit."""
    log_path = LOG_DIR / f"{name}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log: IO[bytes] = log_path.open("wb")
    process = subprocess.Popen(
        argv,
        env=env,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    server = Server(name=name, port=port, process=process, log_path=log_path)
    try:
        _wait_until_answering(server, ready_path)
        yield server
    finally:
        _stop(process)
        log.close()


def granian(
    name: str, target: str, *, env: dict[str, str], workers: int
) -> AbstractContextManager[Server]:
    """granian serving the WSGI ``target`` as production does: one thread per worker."""
    port = free_port()
    argv = [
        venv_tool("granian"),
        "--interface",
        "wsgi",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--blocking-threads",
        "1",
        "--no-ws",
        "--working-dir",
        str(ROOT),
        target,
    ]
    return running(name, argv, env=env, port=port)


NGINX_CONF = """\
# Written by the bench: nginx serving one static file as the ceiling of the machine.
{user}worker_processes {workers};
pid {work}/nginx.pid;
error_log {work}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    default_type application/octet-stream;
    types {{ text/html html; }}
    client_body_temp_path {work}/tmp/body;
    proxy_temp_path {work}/tmp/proxy;
    fastcgi_temp_path {work}/tmp/fastcgi;
    uwsgi_temp_path {work}/tmp/uwsgi;
    scgi_temp_path {work}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
    }}
}}
"""


def nginx(
    name: str, *, root: Path, workers: int, ready_path: str
) -> AbstractContextManager[Server]:
    """nginx serving the files under ``root``, configured under bench/work/nginx."""
    executable = nginx_executable()
    port = free_port()
    work = WORK / "nginx"
    (work / "tmp").mkdir(parents=True, exist_ok=True)
    conf = work / "nginx.conf"
    # As root, nginx would hand its workers to "nobody", who may not read bench/work.
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf.write_text(NGINX_CONF.format(user=user, workers=workers, work=work, port=port, root=root))
    argv = [executable, "-p", str(work), "-e", str(work / "error.log"), "-c", str(conf)]
    argv += ["-g", "daemon off;"]
    return running(name, argv, env=dict(os.environ), port=port, ready_path=ready_path)


def nginx_executable() -> str:
    for candidate in ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"):
        if Path(candidate).exists():
            return candidate
    from_path = shutil.which("nginx")
    if from_path is None:
        raise BenchError("nginx not found (scripts/ensure-bench-tools.sh installs nginx-light)")
    return from_path


def _wait_until_answering(server: Server, path: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise BenchError(
                f"{server.name} exited with code {server.process.returncode} while starting; "
                f"its log ({server.log_path}):\n{server.log_tail()}"
            )
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
        try:
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
        finally:
            connection.close()
    raise BenchError(f"{server.name} did not answer within {STARTUP_SECONDS:.0f} s")


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop the whole process group: SIGTERM, then SIGKILL after a grace period."""
    if process.poll() is None:
        _signal_group(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            _signal_group(process.pid, signal.SIGKILL)
            process.wait()
    # Workers that outlived their main process are still in its group.
    _signal_group(process.pid, signal.SIGKILL)


def _signal_group(pgid: int, signum: signal.Signals) -> None:
    with suppress(ProcessLookupError):
        os.killpg(pgid, signum)


def _children(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name in parentheses may hold spaces; the parent pid follows the ")".
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            children.append(int(entry.name))
    return sorted(children)


def _rss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0
