"""A 政府信息公开 column served on 127.0.0.1 for the crawl tests (never beyond loopback).

List pages link detail pages (list/detail templates, paging, tracking-parameter and
fragment duplicates of the same links), detail pages link attachments; plus robots.txt
with a disallowed path, a redirect, a 404, a 500, a slow page, a link loop, a huge file, an
HTML page called .xls, a download served by Content-Disposition. ``Site.expected`` lists
every URL the crawl should screen, with the personal values each shows.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.crawl.docs import detail_page, id_number, notice_docx, person, roster_xlsx

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DETAILS = 18
PER_LIST = 6
SLOW_SECONDS = 5.0


@dataclass
class Site:
    fixed: set[int] = field(default_factory=set)
    huge_bytes: int = 3 * 1024 * 1024
    hits: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    cache: dict[frozenset[int], dict[str, tuple[int, str, bytes, list[str]]]] = field(
        default_factory=dict
    )

    def pages(self) -> dict[str, tuple[int, str, bytes, list[str]]]:
        """path → (status, content type, body, personal values)."""
        key = frozenset(self.fixed)
        with self.lock:
            if key not in self.cache:
                self.cache[key] = self._build()
            return self.cache[key]

    def _build(self) -> dict[str, tuple[int, str, bytes, list[str]]]:
        out: dict[str, tuple[int, str, bytes, list[str]]] = {}
        html = "text/html; charset=utf-8"
        lists = (DETAILS + PER_LIST - 1) // PER_LIST
        nav = "".join(f"<a href='/xxgk/list_{k}.html'>第{k}页</a>" for k in range(1, lists + 1))
        for k in range(1, lists + 1):
            items = []
            for n in range((k - 1) * PER_LIST + 1, min(k * PER_LIST, DETAILS) + 1):
                variant = ("", "?utm_source=wechat&utm_medium=share", "#content", "?spm=a2.1.0")[
                    n % 4
                ]
                items.append(f"<li><a href='/xxgk/detail/{n}.html{variant}'>文件{n}</a></li>")
            extra = ""
            if k == 1:
                extra = (
                    "<a href='/private/internal.html'>内部</a><a href='/old/notice.html'>旧址</a>"
                    "<a href='/missing.html'>失效链接</a><a href='/broken.html'>出错</a>"
                    "<a href='/slow.html'>慢</a><a href='/loop/a.html'>专题</a>"
                    "<a href='http://www.example.invalid/'>外站</a>"
                    "<a href='/static/site.css'>样式</a>"
                )
            body = (
                "<html><head><meta charset='utf-8'><title>政府信息公开</title></head>"
                f"<body><ul>{''.join(items)}</ul>{nav}{extra}</body></html>"
            )
            out[f"/xxgk/list_{k}.html"] = (200, html, body.encode(), [])
        out["/xxgk/"] = (
            200,
            html,
            f"<html><body><h1>信息公开目录</h1>{nav}"
            f"<a href='/xxgk/index.html'>首页</a></body></html>".encode(),
            [],
        )
        attach = {
            3: "<a href='/files/roster_2024.xlsx'>拟聘用人员名单.xlsx</a>",
            6: "<a href='/files/cfjds.docx'>处罚决定书</a><a href='/files/plan.dwg'>图纸</a>",
            9: "<a href='/files/contacts.txt'>联系人</a><a href='/files/huge.pdf'>汇编</a>",
            12: "<a href='/files/table.xls'>统计表</a><a href='/download.jsp?id=7'>下载</a>",
        }
        for n in range(1, DETAILS + 1):
            links = (
                attach.get(n, "") + f"<a href='/xxgk/list_{(n - 1) // PER_LIST + 1}.html'>返回</a>"
            )
            page, values = detail_page(n, links, fixed=n in self.fixed)
            out[f"/xxgk/detail/{n}.html"] = (200, html, page.encode("utf-8"), values)
        roster, ids = roster_xlsx(60, 5)
        out["/files/roster_2024.xlsx"] = (
            200,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            roster,
            ids,
        )
        docx, ids = notice_docx(71)
        out["/files/cfjds.docx"] = (200, "application/octet-stream", docx, ids)
        txt = f"低保申请人：{person(80)}，身份证号{id_number(80)}，家住城东街道。\n"
        ctype = "text/plain; charset=utf-8"
        out["/files/contacts.txt"] = (200, ctype, txt.encode(), [id_number(80)])
        fake = (
            "<html><body><table><tr><td>姓名</td><td>身份证号</td></tr>"
            f"<tr><td>{person(90)}</td><td>{id_number(90)}</td></tr></table></body></html>"
        )
        out["/files/table.xls"] = (200, "application/vnd.ms-excel", fake.encode(), [id_number(90)])
        roster2, ids2 = roster_xlsx(95, 2)
        out["/download.jsp?id=7"] = (200, "application/octet-stream", roster2, ids2)
        out["/files/plan.dwg"] = (200, "application/acad", b"AC1032" + b"\0" * 900, [])
        out["/loop/a.html"] = (
            200,
            html,
            b"<html><body><a href='/loop/b.html'>b</a>"
            b"<a href='/loop/a.html?'>self</a></body></html>",
            [],
        )
        out["/loop/b.html"] = (
            200,
            html,
            b"<html><body><a href='/loop/a.html#top'>a</a><a href='/xxgk/'>up</a></body></html>",
            [],
        )
        out["/private/internal.html"] = (200, html, f"<p>{id_number(99)}</p>".encode(), [])
        return out

    def expected(self) -> dict[str, list[str]]:
        """Every path the crawl screens (200 documents) → its personal values."""
        return {p: v for p, (s, _, _, v) in self.pages().items() if not p.startswith("/private/")}


def serve(site: Site) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, *args: object) -> None:
            pass

        def _send(
            self, status: int, ctype: str, body: bytes, headers: dict[str, str] | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path
            with site.lock:
                site.hits[path] = site.hits.get(path, 0) + 1
            if path == "/sitemap.xml":  # detail pages only, some not linked from any list
                locs = "".join(
                    f"<url><loc>{base}/xxgk/detail/{n}.html</loc></url>" for n in (2, 4, 6, 8, 10)
                )
                xml = f'<?xml version="1.0"?><urlset xmlns="{SITEMAP_NS}">{locs}</urlset>'
                return self._send(200, "application/xml", xml.encode())
            if path == "/robots.txt":
                return self._send(200, "text/plain", b"User-agent: *\nDisallow: /private/\n")
            if path == "/old/notice.html":
                return self._send(301, "text/html", b"", {"Location": "/xxgk/detail/5.html"})
            if path == "/missing.html":
                return self._send(404, "text/html", "<h1>页面不存在</h1>".encode())
            if path == "/broken.html":
                return self._send(500, "text/html", b"<h1>500</h1>")
            if path == "/slow.html":
                time.sleep(SLOW_SECONDS)
                return self._send(200, "text/html", b"<p>slow</p>")
            if path == "/files/huge.pdf":
                body = b"%PDF-1.4\n" + b"0" * site.huge_bytes
                return self._send(200, "application/pdf", body)
            key = path.split("#")[0]
            pages = site.pages()
            if key not in pages:
                bare = key.split("?")[0]
                key = bare if bare in pages else key
            if key not in pages:
                return self._send(404, "text/html", b"<h1>404</h1>")
            status, ctype, body, _ = pages[key]
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            headers = {"ETag": etag, "Last-Modified": formatdate(1_700_000_000, usegmt=True)}
            if key.startswith("/download.jsp"):
                headers["Content-Disposition"] = (
                    "attachment; filename*=UTF-8''%E5%90%8D%E5%8D%95.xlsx"
                )
            return self._send(status, ctype, body, headers)

    class Server(ThreadingHTTPServer):
        request_queue_size = 128  # a crawl opens many connections at once
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass  # the crawler hung up (a timeout, a file over the size limit)

    server = Server(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base
