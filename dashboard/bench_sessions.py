"""The real server without a browser: clients that speak Streamlit's websocket protocol
(the BackMsg a browser sends to run a page, the ForwardMsgs it gets back) open pages the
way a browser's first visit does, each in a new session. What one load costs the server
(until its `script_finished`) and how many bytes it sends, alone and with many at once."""
from __future__ import annotations

import asyncio
import os
import random
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlencode

from dashboard import local_server


async def page_load(ws_url: str, route: str, params: dict) -> dict:
    """One new session opening `route` (a page's URL path) with `params` in its URL:
    seconds until the script finished, the bytes of the messages sent (before any
    compression of the socket) and whether it showed an error."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    started, size, error = time.perf_counter(), 0, False
    async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None,
                                  origin=ws_url.replace("ws://", "http://").split("/_")[0],
                                  compression=None) as ws:
        request = BackMsg()
        request.rerun_script.query_string = urlencode(params)
        request.rerun_script.page_name = route
        await ws.send(request.SerializeToString())
        while True:
            data = await asyncio.wait_for(ws.recv(), timeout=120)
            size += len(data)
            message = ForwardMsg()
            message.ParseFromString(data)
            kind = message.WhichOneof("type")
            if (kind == "delta" and message.delta.WhichOneof("type") == "new_element"
                    and message.delta.new_element.WhichOneof("type") == "exception"):
                error = True
            if kind == "script_finished":
                error |= message.script_finished != ForwardMsg.FINISHED_SUCCESSFULLY
                break
    return {"seconds": time.perf_counter() - started, "bytes": size, "error": error}


@contextmanager
def serving(export: Path, cache: Path, script: str = "app.py"):
    """The app's server (or another script of dashboard/) on `export`, row-level views
    granted, its database kept in `cache`: (process, http address) while in the block."""
    with tempfile.TemporaryDirectory() as tmp:
        settings = Path(tmp) / "settings.toml"
        settings.write_text("[access]\nrow_level = true\n", encoding="utf-8")
        env = {**os.environ, "HEMBESOK_DATA": str(export), "HEMBESOK_CACHE": str(cache),
               "HEMBESOK_SETTINGS": str(settings), "HEMBESOK_AUDIT": f"{tmp}/audit.jsonl"}
        server, url = local_server.start(env, seconds=180, script=script)
        try:
            yield server, url
        finally:
            server.terminate()
            server.wait(timeout=20)


def websocket(url: str) -> str:
    return url.replace("http://", "ws://") + "/_stcore/stream"


def measure(export: Path, cache: Path, routes: dict[str, str], selections: dict[str, dict],
            users: int, rounds: int, seed: int = 1) -> dict:
    """Against one real server: each page's bytes per selection (one load each, after a
    first that fills the result cache), then `rounds` times `users` new sessions at once,
    each opening one page and selection at random (shared/benchmark.md: each session a
    whole page run): every load's seconds and the errors."""
    async def each_page(ws_url):
        out = {}
        for page, route in routes.items():
            for name, params in selections.items():
                await page_load(ws_url, route, params)
                out[(page, name)] = await page_load(ws_url, route, params)
        return out

    async def at_once(ws_url, plan):
        async def user(route, params):
            try:
                return await page_load(ws_url, route, params)
            except Exception:  # noqa: BLE001 - a refused or dropped session is counted
                return {"seconds": None, "bytes": 0, "error": True}
        return await asyncio.gather(*(user(route, params) for route, params in plan))

    rng = random.Random(seed)
    plans = [[(rng.choice(list(routes.values())), rng.choice(list(selections.values())))
              for _ in range(users)] for _ in range(rounds)]
    with serving(export, cache) as (_, url):
        ws_url = websocket(url)
        pages = asyncio.run(each_page(ws_url))
        loads_done = [load for plan in plans for load in asyncio.run(at_once(ws_url, plan))]
    seconds = sorted(x["seconds"] for x in loads_done if x["seconds"] is not None)
    return {"bytes": {f"{p}|{n}": v["bytes"] for (p, n), v in pages.items()},
            "page_errors": sum(v["error"] for v in pages.values()),
            "seconds": seconds, "errors": sum(x["error"] for x in loads_done),
            "loads": len(loads_done)}
