"""Serve a built site on 127.0.0.1 as a static host would: index pages, MIME types, gzip for text, a path prefix.

Every static host the edition is meant for (GitHub Pages, Netlify, nginx, Apache with
mod_deflate) compresses text and serves `folder/index.html` for `folder/`. The preview,
the tests and the benchmark all serve sites through this one handler; the server runs in
a thread of the calling process and is stopped by leaving the `with` block.
"""

from __future__ import annotations

import gzip
import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/wasm")
LOOPBACK = "127.0.0.1"


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files of one folder under a path prefix ("/" or a sub-path such as "/editions/crimea/"); anything else is 404."""

    prefix = "/"
    cache_control = "max-age=3600"
    """As a static host sends it; the preview, whose files change at every save, sends "no-cache"."""

    def folder(self) -> Path:
        """The folder served now (the preview's changes from one build to the next)."""
        return Path(self.directory)

    def respond(self, path: Path, body: bytes, kind: str) -> bytes:
        """The body to send for a file: as it is (the preview adds its script to pages)."""
        return body

    def do_GET(self) -> None:
        """Answer with the file, its folder's index.html, a redirect to the folder, or 404."""
        request = self.path.split("?", 1)[0].split("#", 1)[0]
        if not request.startswith(self.prefix):
            self.send_error(404)
            return
        path = self._local(request.removeprefix(self.prefix))
        if path is not None and path.is_dir():
            if not request.endswith("/"):
                self.send_response(301)
                self.send_header("Location", request + "/")
                self.end_headers()
                return
            path = path / "index.html"
        if path is None or not path.is_file():
            self._not_found()
            return
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self._send(200, self.respond(path, path.read_bytes(), kind), kind)

    def _local(self, relative: str) -> Path | None:
        """The file a request names inside the served folder; None for a path that would leave it."""
        root = self.folder().resolve()
        path = (root / relative.lstrip("/")).resolve()
        return path if path.is_relative_to(root) else None

    def _not_found(self) -> None:
        """The site's own 404 page when it has one, with the 404 status."""
        page = self.folder() / "404.html"
        if page.is_file():
            self._send(404, self.respond(page, page.read_bytes(), "text/html"), "text/html")
        else:
            self.send_error(404)

    def _send(self, status: int, body: bytes, kind: str) -> None:
        """Send a response, compressed when the client accepts it and the type is text."""
        self.send_response(status)
        if "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSED):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", self.cache_control)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the preview, the benchmark and the tests print their own results."""


@contextmanager
def serving(folder: Path, prefix: str = "/", port: int = 0) -> Iterator[str]:
    """Serve `folder` under `prefix` on a loopback port (a free one unless given) for the `with` block; yield its address."""
    handler = type("PrefixedSiteHandler", (SiteHandler,), {"prefix": prefix})
    with running(ThreadingHTTPServer((LOOPBACK, port), partial(handler, directory=str(folder)))) as root:
        yield root.removesuffix("/") + prefix


@contextmanager
def running(server: ThreadingHTTPServer) -> Iterator[str]:
    """Run a server in a thread for the `with` block, yield its root address, and always stop it."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host!s}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
