"""A small PDF writer for the tests (standard library only): pages of text lines in
Helvetica, with a text layer as any word processor writes one, or pages with no text at
all (a drawn shape standing for a scanned image)."""

from __future__ import annotations

Line = tuple[float, float, str]  # x, y (from the bottom, in points), text (ASCII)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def pdf(pages: list[list[Line]], title: str | None = None, size: float = 11) -> bytes:
    """A PDF of A4 pages, each line of text drawn where its (x, y) says; a page with no
    lines is drawn as a grey box, with no text."""
    objects: list[bytes] = []
    font = 3
    page_ids = []
    contents: list[bytes] = []
    for lines in pages:
        if lines:
            ops = [f"BT /F1 {size:g} Tf 1 0 0 1 {x:g} {y:g} Tm ({_escape(t)}) Tj ET"
                   for x, y, t in lines]
        else:
            ops = ["0.5 g 50 50 495 742 re f"]
        contents.append("\n".join(ops).encode("latin-1"))
    # 1 catalog, 2 pages, 3 font, then per page: page, content; last: info
    n = 4
    kids = []
    for _ in contents:
        kids.append(n)
        page_ids.append((n, n + 1))
        n += 2
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(
        f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>"
        .encode()
    )
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")
    for (_page, content), stream in zip(page_ids, contents, strict=True):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font "
            f"<< /F1 {font} 0 R >> >> /Contents {content} 0 R >>".encode()
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    info = n
    objects.append(
        f"<< /Title ({_escape(title)}) /CreationDate (D:20240117120000Z) >>".encode()
        if title else b"<< /CreationDate (D:20240117120000Z) >>"
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, info, xref))
    return bytes(out)


def report(pages: list[list[str]], header: str | None, footer: bool = True,
           title: str | None = None) -> bytes:
    """A report: each page's paragraphs (lists of lines), a running header at the top
    of every page, a page number at the bottom; paragraphs apart by a blank line's
    height, lines of a paragraph 14 points apart."""
    drawn: list[list[Line]] = []
    for number, paragraphs in enumerate(pages, 1):
        lines: list[Line] = []
        if header:
            lines.append((72, 800, header))
        y = 760.0
        for paragraph in paragraphs:
            for line in paragraph.split("\n"):
                lines.append((72, y, line))
                y -= 14
            y -= 14
        if footer:
            lines.append((290, 40, f"Page {number} of {len(pages)}"))
        drawn.append(lines)
    return pdf(drawn, title)
