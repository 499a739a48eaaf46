"""URL canonicalisation, site scope and file names for fetched documents.

Government sites link the same page under many spellings: ``#fragment``, tracking
parameters (``utm_*``, ``spm`` …), query arguments in another order, ``…/index.html`` for
the folder. :func:`canonical` maps them to one URL, the key of the document.
"""

from __future__ import annotations

import mimetypes
import re
from pathlib import PurePosixPath
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

#: Query parameters that only track the visitor (dropped; ``utm_*`` by prefix).
TRACKING = frozenset(
    {
        "spm",
        "scm",
        "from",
        "share",
        "share_from",
        "gclid",
        "fbclid",
        "yclid",
        "msclkid",
        "_hsenc",
        "_hsmi",
        "mc_cid",
        "mc_eid",
        "isappinstalled",
        "wxshare",
        "timestamp",
        "_t",
    }
)
#: Folder index pages that name the folder itself (only without a query).
INDEX_PAGES = frozenset({"index.html", "index.htm", "index.shtml", "default.htm", "default.html"})
#: Links never worth fetching (style, scripts, fonts, media streams).
SKIP_EXTENSIONS = frozenset(
    {
        ".css",
        ".js",
        ".ico",
        ".woff",
        ".woff2",
        ".ttf",
        ".eot",
        ".svg",
        ".mp3",
        ".mp4",
        ".avi",
        ".flv",
        ".wmv",
        ".mov",
        ".swf",
        ".exe",
        ".apk",
        ".dmg",
        ".iso",
    }
)
#: Content types ingest expects a given extension for (when the URL path has none).
TYPE_EXTENSIONS = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/pdf": ".pdf",
    "application/msword": ".doc",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/ofd": ".ofd",
    "application/zip": ".zip",
    "application/x-7z-compressed": ".7z",
    "image/jpeg": ".jpg",
    "image/png": ".png",
}
#: Extensions of dynamic pages: the content type decides what they really are.
DYNAMIC = frozenset({".jsp", ".do", ".action", ".asp", ".aspx", ".php", ".cgi", ".jhtml", ""})


def canonical(url: str) -> str:
    """One spelling per document: no fragment, no tracking parameters, sorted query,
    lower-case host, ``…/index.html`` → ``…/``."""
    parts = urlsplit(url.strip())
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if k.lower() not in TRACKING and not k.lower().startswith("utm_")
    ]
    path = parts.path or "/"
    head, _, last = path.rpartition("/")
    if not query and last.lower() in INDEX_PAGES:
        path = head + "/"
    rebuilt = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, urlencode(query), ""))
    return canonicalize_url(rebuilt, keep_fragments=False)


def host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def in_scope(url: str, domains: frozenset[str]) -> bool:
    """``url`` is http(s) on one of ``domains`` or a subdomain of one."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    name = (parts.hostname or "").lower()
    return any(name == d or name.endswith("." + d) for d in domains)


def worth_fetching(url: str) -> bool:
    return PurePosixPath(urlsplit(url).path).suffix.lower() not in SKIP_EXTENSIONS


_FILENAME = re.compile(r"""filename\*?=(?:UTF-8''|utf-8'')?["']?([^"';]+)""", re.IGNORECASE)


def disposition_name(header: str | None) -> str | None:
    """The file name of a ``Content-Disposition`` header (``filename*=UTF-8''…`` too)."""
    if not header:
        return None
    found = _FILENAME.findall(header)
    if not found:
        return None
    name = unquote(found[-1].strip())
    return PurePosixPath(name.replace("\\", "/")).name or None


def file_name(url: str, content_type: str | None, disposition: str | None = None) -> str:
    """The name ingest gets for a fetched document: the download's file name, else the
    URL's last path segment; a dynamic or missing extension takes the content type's
    (``list.jsp`` served as text/html → ``list.jsp.html``). A real extension is kept even
    when the server says otherwise (ingest checks the content: an .xls that is HTML …)."""
    name = disposition_name(disposition) or unquote(PurePosixPath(urlsplit(url).path).name)
    name = name or "index"
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in DYNAMIC or not re.fullmatch(r"\.[a-z0-9]{1,5}", suffix):
        mime = (content_type or "").split(";")[0].strip().lower()
        ext = TYPE_EXTENSIONS.get(mime) or mimetypes.guess_extension(mime or "x/unknown")
        if ext:
            name += ext
    return name
