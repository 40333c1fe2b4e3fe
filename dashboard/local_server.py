"""The real Streamlit server on this machine and the Chromium flags it is browsed with: for
the benchmark's server check, the browser tests and the screenshot tour."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from dashboard.export import PACKAGE_ROOT

CHROMIUM = os.environ.get("HEMBESOK_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps trying a closed network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(env: dict[str, str], keep_output: bool = False,
          seconds: float = 60, script: str = "app.py") -> tuple[subprocess.Popen, str]:
    """`streamlit run dashboard/<script>` (the app) with `env` on a free port, once it
    answers its health check: the process and its address. RuntimeError with the server's
    last output when it does not start in time (kept only with `keep_output`)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(PACKAGE_ROOT / "dashboard" / script),
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--server.headless", "true"], cwd=PACKAGE_ROOT, env=env,
        stdout=subprocess.PIPE if keep_output else subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    output = process.stdout.read().decode()[-2000:] if keep_output else ""
    raise RuntimeError("the Streamlit server did not start: " + output)
