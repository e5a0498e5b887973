"""Load with wrk and single requests with http.client: what the bench measures and checks."""

from __future__ import annotations

import http.client
import re
import shutil
import subprocess
from dataclasses import dataclass
from urllib.parse import urlsplit

from bench import BenchError

# wrk prints times with these units (see format_time in wrk's stats.c).
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
LATENCY_LINE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", re.MULTILINE)
RPS_LINE = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
REQUESTS_LINE = re.compile(r"^\s*(\d+) requests in ", re.MULTILINE)
NON_2XX_LINE = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
SOCKET_ERRORS_LINE = re.compile(
    r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)"
)


@dataclass(frozen=True)
class WrkResult:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx_3xx: int
    socket_errors: int


def wrk_executable() -> str:
    found = shutil.which("wrk")
    if found is None:
        raise BenchError("wrk not found (scripts/ensure-bench-tools.sh installs it)")
    return found


def run_wrk(
    url: str,
    *,
    seconds: int,
    connections: int,
    threads: int,
    headers: tuple[str, ...] = (),
) -> WrkResult:
    """Load ``url`` for ``seconds`` and return throughput and latency percentiles."""
    argv = [
        wrk_executable(),
        f"-t{min(threads, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "30s",
        "--latency",
    ]
    for header in headers:
        argv += ["-H", header]
    argv.append(url)
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BenchError(f"wrk failed on {url}: {done.stderr.strip() or done.stdout.strip()}")
    return parse_wrk(done.stdout)


def parse_wrk(output: str) -> WrkResult:
    """Read requests/s, the 50 % and 99 % latency (in ms) and error counts from wrk's output."""
    latencies = {
        int(m.group(1)): float(m.group(2)) * UNIT_MS[m.group(3)]
        for m in LATENCY_LINE.finditer(output)
    }
    rps = RPS_LINE.search(output)
    requests = REQUESTS_LINE.search(output)
    if rps is None or requests is None or set(latencies) != {50, 99}:
        raise BenchError(f"could not read wrk's output:\n{output}")
    non_2xx = NON_2XX_LINE.search(output)
    socket_errors = SOCKET_ERRORS_LINE.search(output)
    return WrkResult(
        rps=float(rps.group(1)),
        p50_ms=latencies[50],
        p99_ms=latencies[99],
        requests=int(requests.group(1)),
        non_2xx_3xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
    )


@dataclass(frozen=True)
class Response:
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes


def fetch(url: str, headers: dict[str, str] | None = None) -> Response:
    """One GET without following redirects (a redirect is an answer the bench must see)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
    try:
        connection.request("GET", parts.path or "/", headers=headers or {})
        response = connection.getresponse()
        return Response(
            status=response.status,
            headers={name.lower(): value for name, value in response.getheaders()},
            body=response.read(),
        )
    except OSError as error:
        raise BenchError(f"GET {url} failed: {error}") from None
    finally:
        connection.close()


def expect_ok(url: str) -> Response:
    """GET ``url`` and return the response, or raise BenchError if it is not a 200."""
    response = fetch(url)
    if response.status != 200:
        location = response.headers.get("location", "")
        detail = f" to {location}" if location else ""
        snippet = response.body[:300].decode("utf-8", "replace")
        raise BenchError(
            f"GET {url} answered {response.status}{detail}, expected 200; the bench measures only "
            f"pages that work. Response begins:\n{snippet}"
        )
    return response


def revalidates(url: str) -> bool:
    """True if ``url`` sends an ETag and answers 304 to a request with that If-None-Match."""
    etag = fetch(url).headers.get("etag")
    if not etag:
        return False
    return fetch(url, {"If-None-Match": etag}).status == 304
