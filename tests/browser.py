"""A very small WebDriver client for the browser tests: Debian's chromium driven by its
chromedriver over HTTP on the loopback, with the standard library only (no selenium, no
playwright, no browser download).

`Browser(width)` starts chromedriver on a free local port and a headless Chromium whose viewport
is `width` CSS pixels wide (device-metrics emulation: a plain window cannot be narrower than
500 px in headless mode); `open`, `run` (JavaScript returning JSON) and `screenshot` (PNG
bytes); `resize` lays the open page out again at another width (the same emulation, through
chromedriver's DevTools endpoint: one browser for several widths); `close` ends both.
`missing()` says why the tests must skip, or None.
"""

from __future__ import annotations

import base64
import contextlib
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

CHROMIUM = "/usr/bin/chromium"
DRIVER = "/usr/bin/chromedriver"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--disable-dev-shm-usage",
]


def missing() -> str | None:
    for path, package in ((CHROMIUM, "chromium"), (DRIVER, "chromium-driver")):
        if not Path(path).exists() and shutil.which(Path(path).name) is None:
            return f"{path} is missing: apt-get install -y {package} (.ci/run installs it)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Browser:
    def __init__(self, width: int, height: int = 900) -> None:
        self.port = _free_port()
        self.profile = tempfile.mkdtemp(prefix="casualty-recon-chromium-")
        self.driver = subprocess.Popen(
            [shutil.which("chromedriver") or DRIVER, f"--port={self.port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.session = ""
        try:
            self._wait_ready()
            capabilities = {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": shutil.which("chromium") or CHROMIUM,
                    "args": [*FLAGS, f"--user-data-dir={self.profile}"],
                    "mobileEmulation": {
                        "deviceMetrics": {"width": width, "height": height, "pixelRatio": 1}
                    },
                },
            }
            reply = self._call("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})
            self.session = reply["sessionId"]
        except Exception:
            self.close()
            raise

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if self._call("GET", "/status").get("ready"):
                    return
            except (urllib.error.URLError, ConnectionError):
                pass
            time.sleep(0.1)
        raise RuntimeError("chromedriver did not start within 20 s")

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            data=data,
            method=method,
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"webdriver {method} {path}: {error.read()[:500]!r}") from None

    def open(self, path: Path) -> None:
        self._call("POST", f"/session/{self.session}/url", {"url": path.resolve().as_uri()})

    def run(self, script: str) -> Any:
        """Run `script` (a function body; `return` a JSON value) in the page."""
        return self._call(
            "POST", f"/session/{self.session}/execute/sync", {"script": script, "args": []}
        )

    def resize(self, width: int, height: int = 900) -> None:
        """Emulate a viewport `width` CSS pixels wide for the open page (a page opened after
        this is laid out at the width the browser was started with again)."""
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True}
        self._call(
            "POST",
            f"/session/{self.session}/goog/cdp/execute",
            {"cmd": "Emulation.setDeviceMetricsOverride", "params": metrics},
        )

    def screenshot(self) -> bytes:
        return base64.b64decode(self._call("GET", f"/session/{self.session}/screenshot"))

    def close(self) -> None:
        if self.session:
            with contextlib.suppress(RuntimeError, urllib.error.URLError, ConnectionError):
                self._call("DELETE", f"/session/{self.session}")
        self.driver.terminate()
        try:
            self.driver.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.driver.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
