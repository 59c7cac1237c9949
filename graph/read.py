"""Read a release file into plain text: encoding detection, HTML/Markdown markup stripped.

The text returned here is the one every character offset in the graph points into.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from .vocab import safe_doc_id, short_hash

MAX_BYTES = 5 * 1024 * 1024  # a release is a few kB; 5 MiB is far past any real one
RELEASE_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}


class ReadError(Exception):
    """A file that cannot be read as a release; the message says why, in one line."""


@dataclass
class Release:
    doc_id: str
    path: Path
    text: str
    source_format: str  # text, html or markdown


def doc_id_for(path: Path) -> str:
    """The document id: the file name without its extension ('acme.2020.txt' is 'acme.2020'),
    made safe for IRIs ('my release.txt' is 'my-release')."""
    return safe_doc_id(path.stem)


def source_fingerprint(path: Path) -> str:
    """Which file a document came from, as an opaque hash of its absolute path: the store keeps
    it so a later run can tell the same file (replace it) from another file with the same name
    (a clash), without recording a machine's paths in the data."""
    return short_hash(Path(path).resolve().as_posix())


def release_files(paths) -> list[Path]:
    """Expand files and directories (all release files in them, sorted) into a file list."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and p.suffix.lower() in RELEASE_SUFFIXES))
        else:
            files.append(path)
    return files


def decode(data: bytes, name: str) -> str:
    if not data.strip():
        raise ReadError(f"{name}: empty file")
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"{name}: binary file, not a text release")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ReadError(f"{name}: not text in any encoding we could detect")
    return str(best)


def read_release(path: str | Path) -> Release:
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ReadError(f"{path}: {exc.strerror or exc}") from exc
    if path.is_dir():
        raise ReadError(f"{path}: is a directory")
    if path.suffix and path.suffix.lower() not in RELEASE_SUFFIXES:
        raise ReadError(f"{path}: {path.suffix} files are not releases; esgkg reads text, HTML "
                        f"and Markdown ({', '.join(sorted(RELEASE_SUFFIXES))})")
    if size > MAX_BYTES:
        raise ReadError(f"{path}: {size} bytes is over the {MAX_BYTES // (1024 * 1024)} MiB limit for one release")
    text = decode(path.read_bytes(), str(path))
    other = other_format(text)
    if other:
        raise ReadError(f"{path}: this is {other}, not a release (text, HTML or Markdown)")
    suffix = path.suffix.lower()
    if suffix in {".html", ".htm"} or (suffix not in {".md", ".markdown"} and _looks_like_html(text)):
        text, fmt = html_to_text(text), "html"
    elif suffix in {".md", ".markdown"}:
        text, fmt = markdown_to_text(text), "markdown"
    else:
        fmt = "text"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ReadError(f"{path}: no text left after removing markup")
    return Release(doc_id_for(path), path, text, fmt)


# What a file that is data, not prose, starts with: (pattern on its first characters, its name).
_OTHER_FORMATS = [
    (re.compile(r"%PDF-"), "a PDF file"),
    (re.compile(r"\{\\rtf"), "an RTF file"),
    (re.compile(r"<\?xml\b(?![^>]*>\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b)", re.I | re.S),
     "an XML file"),
    (re.compile(r"<(?:gexf|graphml|rdf:RDF|svg|feed|rss)\b", re.I), "an XML file"),
    (re.compile(r"@prefix\s|PREFIX\s+\w*:\s*<", re.I), "an RDF (Turtle) file"),
    (re.compile(r"[{\[]\s*[\"{\[\]]"), "a JSON file"),
]


# How far into a file its format shows: the patterns above (an XML prolog may carry comments
# before its first element), and an HTML document type or <html> tag.
FORMAT_SNIFF_CHARS = 2000
HTML_SNIFF_CHARS = 500


def other_format(text: str) -> str | None:
    """What a text that is not a release is (XML, JSON, RDF, PDF...), by its first characters."""
    head = text.lstrip("\ufeff \t\r\n")[:FORMAT_SNIFF_CHARS]
    for pattern, name in _OTHER_FORMATS:
        if pattern.match(head):
            return name
    return None


def _looks_like_html(text: str) -> bool:
    return bool(re.match(r"\s*(<!doctype html|<html\b)", text[:HTML_SNIFF_CHARS], re.I))


BLOCK_TAGS = ["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "header", "footer", "title", "blockquote"]


def html_to_text(html: str) -> str:
    """Visible text only: scripts, styles and templates are dropped, blocks become lines."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(["script", "style", "noscript", "template", "iframe", "svg", "nav"]):
        tag.decompose()
    for tag in soup.find_all(BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = soup.get_text()
    lines = [re.sub(r"[ \t\xa0]+", " ", line).strip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def markdown_to_text(md: str) -> str:
    """Markdown without its markup: headings, emphasis, links, images, code fences."""
    text = re.sub(r"```.*?```", "", md, flags=re.S)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}#{1,6}\s*", "", text, flags=re.M)
    text = re.sub(r"^\s{0,3}>\s?", "", text, flags=re.M)
    text = re.sub(r"^\s*[-*+]\s+", "• ", text, flags=re.M)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]+)`", r"\1", text)
    return text
