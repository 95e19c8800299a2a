"""A static file server like the hosts the site is deployed to: gzip for
text, cache headers, and an optional sub-path (e.g. /backprop/).

    python tests/static_server.py SITE_DIR [PORT] [PREFIX]
"""

import functools
import gzip
import http.server
import sys
import threading
from pathlib import Path

TEXT = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".py",
        ".map", ".ipynb"}  # fmt: skip


class Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return "/nonexistent"
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self):
        path = Path(self.translate_path(self.path.split("?")[0]))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirect to the slash form
            path = path / "index.html"
        gz = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in TEXT and gz):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)  # send_head's caller copies nothing more
        return None


def serve(site, port=0, prefix="/"):
    """Start serving `site` in a thread; returns (server, base_url)."""
    handler = functools.partial(Handler, directory=str(site))
    Handler.prefix = prefix
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}{prefix}"


if __name__ == "__main__":
    site = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8000
    httpd, url = serve(site, port, sys.argv[3] if len(sys.argv) > 3 else "/")
    print(f"serving {site} at {url}")
    threading.Event().wait()
