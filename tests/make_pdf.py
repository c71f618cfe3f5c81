"""Write a small PDF whose text layer maps every glyph to NUL and a character, as some generators do."""


def make_nul_pdf(text: str) -> bytes:
    """A one-page PDF showing ``text`` through a Type0 font whose ToUnicode CMap gives each glyph as
    four bytes, <0000 XXXX>: pypdf reads "\\x00辽\\x00阳…", the text the issue found."""
    characters = sorted(set(text))
    code = {c: i + 1 for i, c in enumerate(characters)}
    mapping = "\n".join(f"<{code[c]:04X}> <0000{ord(c):04X}>" for c in characters)
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Test def "
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{len(characters)} beginbfchar\n{mapping}\nendbfchar endcmap CMapName currentdict /CMap "
            "defineresource pop end end").encode()
    lines = [text]  # one line: its text comes out without a line break
    content = b"BT /F1 12 Tf 14 TL 40 800 Td " + b" ".join(
        b"<" + "".join(f"{code[c]:04X}" for c in line).encode() + b"> Tj T*" for line in lines) + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
        b"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)
