"""Turning a file's bytes into text: the encodings news files come in, or a clear refusal."""

from __future__ import annotations

import codecs


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
MAX_CONTROL_SHARE = 0.05  # text files have next to none; binary files have far more


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decodes a byte that is not UTF-8 as Windows-1252 (Latin-1 for its five undefined bytes)."""
    byte = error.object[error.start:error.start + 1]
    try:
        return byte.decode("cp1252"), error.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), error.start + 1


codecs.register_error("news_cp1252_fallback", _cp1252_fallback)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows as a NUL in every other byte of ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) / 2
    for nul_share, encoding in ((data[1::2].count(0) / half, "utf-16-le"), (data[0::2].count(0) / half, "utf-16-be")):
        if nul_share > 0.3:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _guess(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    # Before UTF-8: ASCII-heavy UTF-16 without a BOM is also valid UTF-8, full of NULs.
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Windows-1252 is what most non-UTF-8 English news text is; files mixing the two (a pasted paragraph)
    # keep their valid UTF-8 sequences.
    text = data.decode("utf-8", errors="news_cp1252_fallback")
    mixed = any(ord(ch) > 0xFF for ch in text if ch not in "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
    return text, "utf-8+cp1252" if mixed else "cp1252"


def _refuse_binary(text: str, removed_nuls: int) -> None:
    controls = sum(1 for ch in text if ch in _CONTROL) + removed_nuls
    if text and controls / (len(text) + removed_nuls) > MAX_CONTROL_SHARE:
        raise DecodingError("binary", f"The file looks binary, not text ({controls} control characters).")


def decode(data: bytes) -> tuple[str, str]:
    """(text with "\\n" line ends, encoding name). Raises DecodingError for binary data."""
    text, encoding = _guess(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    nuls = text.count("\x00")
    text = text.replace("\x00", "")  # a stray NUL (a bad scraper, a truncated write) carries no text
    _refuse_binary(text, nuls)
    return text, encoding
