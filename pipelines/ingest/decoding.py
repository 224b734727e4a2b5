"""Turning a file's bytes into text: the encodings news files come in, or a clear refusal."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class DecodingError(ValueError):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab, newline, carriage return and form feed mark binary data.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}
MAX_CONTROL_SHARE = 0.01


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows as a NUL in every other byte of ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) / 2)
    odd_nuls = data[1::2].count(0) / (len(data) / 2)
    for share, encoding in ((odd_nuls, "utf-16-le"), (even_nuls, "utf-16-be")):
        if share > 0.3:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _guess(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16"
    try:
        # Windows-1252 is what most non-UTF-8 English news text is; it leaves five bytes undefined.
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DecodingError("undecodable", "The bytes are not text in any encoding we recognise.")
    return str(best), best.encoding


def decode(data: bytes) -> tuple[str, str]:
    """(text with "\\n" line ends, encoding name). Raises DecodingError for binary or unreadable data."""
    text, encoding = _guess(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    nuls = text.count("\x00")
    text = text.replace("\x00", "")
    controls = sum(1 for ch in text if ch in _CONTROL)
    if text and (controls + nuls) / (len(text) + nuls) > MAX_CONTROL_SHARE:
        raise DecodingError("binary", f"The file looks binary, not text ({controls + nuls} control bytes).")
    return text, encoding
