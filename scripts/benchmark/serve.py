"""Serve a built site on 127.0.0.1 as a static host would: index pages, MIME types, gzip for text.

Every static host the edition is meant for (GitHub Pages, Netlify, nginx,
Apache with mod_deflate) compresses text; Lighthouse measures what travels, so
a server that does not would measure a site nobody publishes. The server runs in
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

COMPRESSED = ("text/", "application/javascript", "application/json", "image/svg+xml")


class _Handler(SimpleHTTPRequestHandler):
    """Static files from one folder, gzip-compressed when the client accepts it and the type is text."""

    def do_GET(self) -> None:
        """Answer with the file, its directory's index.html, or 404."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        body = path.read_bytes()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(200)
        if "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSED):
            body = gzip.compress(body, compresslevel=6, mtime=0)
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Type", f"{kind}; charset=utf-8" if kind.startswith("text/") else kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the benchmark and the tests print their own results."""


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """Serve `folder` on a free loopback port for the `with` block; yield its base URL."""
    with running(ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(folder)))) as url:
        yield url


@contextmanager
def running(server: ThreadingHTTPServer) -> Iterator[str]:
    """Run a server in a thread for the `with` block, yield its root URL, and always stop it."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
