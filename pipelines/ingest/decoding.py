"""Turning a file's bytes into text: the encodings news files come in, or a clear refusal.

Decoding never raises anything but DecodingError: a byte-order mark decides the encoding, and bytes that do
not fit it (a truncated last character, a stray surrogate, a Windows-1252 byte after a UTF-8 BOM) are read as
well as they can be rather than failing the file.
"""

from __future__ import annotations

import codecs


class DecodingError(ValueError):
    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


# UTF-32 LE's mark begins with UTF-16 LE's, so it is tried first.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
REPLACEMENT = "\ufffd"
# Control characters other than tab, newline, carriage return and form feed mark binary data.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f"}
MAX_CONTROL_SHARE = 0.05  # text files have next to none; binary files have far more
# More characters than this share (and this number) that fit no encoding: the bytes are not text.
MAX_REPLACED_SHARE = 0.05
MAX_REPLACED_ANYWAY = 8
_CP1252_ONLY = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")


def _cp1252_fallback(error: UnicodeDecodeError) -> tuple[str, int]:
    """Decodes a byte that is not UTF-8 as Windows-1252 (Latin-1 for its five undefined bytes)."""
    byte = error.object[error.start:error.start + 1]
    try:
        return byte.decode("cp1252"), error.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), error.start + 1


codecs.register_error("news_cp1252_fallback", _cp1252_fallback)


def _utf8_or_cp1252(data: bytes) -> tuple[str, str]:
    """UTF-8; else Windows-1252, which is what most non-UTF-8 English news text is. Files mixing the two (a
    pasted paragraph) keep their valid UTF-8 sequences."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="news_cp1252_fallback")
    mixed = any(ord(ch) > 0xFF for ch in text if ch not in _CP1252_ONLY)
    return text, "utf-8+cp1252" if mixed else "cp1252"


def _whole_units(data: bytes, unit: int) -> bytes:
    """The bytes without a truncated last character (a file cut off mid-character, an odd-length UTF-16 file)."""
    return data[:len(data) - len(data) % unit]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows as a NUL in every other byte of ASCII-heavy text."""
    even = _whole_units(data, 2)
    if len(even) < 4:
        return None
    half = len(even) / 2
    for nul_share, encoding in ((even[1::2].count(0) / half, "utf-16-le"), (even[0::2].count(0) / half, "utf-16-be")):
        if nul_share > 0.3:
            return even.decode(encoding, errors="replace")
    return None


def _guess(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            rest = data[len(bom):]
            if encoding == "utf-8":
                text, found = _utf8_or_cp1252(rest)
                return text, "utf-8-sig" if found == "utf-8" else "utf-8-sig+cp1252"
            text = _whole_units(rest, 2 if "16" in encoding else 4).decode(encoding, errors="replace")
            if encoding.startswith("utf-32") and _mostly_replaced(text):
                continue  # UTF-16 LE text whose first character is a NUL, not UTF-32
            return text, encoding[:6]
    # Before UTF-8: ASCII-heavy UTF-16 without a BOM is also valid UTF-8, full of NULs.
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16"
    return _utf8_or_cp1252(data)


def _mostly_replaced(text: str) -> bool:
    replaced = text.count(REPLACEMENT)
    return replaced > MAX_REPLACED_ANYWAY and replaced > MAX_REPLACED_SHARE * len(text)


def _refuse_binary(text: str, removed_nuls: int) -> None:
    controls = sum(1 for ch in text if ch in _CONTROL) + removed_nuls
    if text and controls / (len(text) + removed_nuls) > MAX_CONTROL_SHARE:
        raise DecodingError("binary", f"The file looks binary, not text ({controls} control characters).")
    if _mostly_replaced(text):
        raise DecodingError("undecodable", f"The file's bytes do not fit its encoding ({text.count(REPLACEMENT)} "
                                           f"of {len(text)} characters could not be decoded).")


def decode(data: bytes) -> tuple[str, str]:
    """(text with "\\n" line ends, encoding name). Raises DecodingError for binary or undecodable data."""
    text, encoding = _guess(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    nuls = text.count("\x00")
    text = text.replace("\x00", "")  # a stray NUL (a bad scraper, a truncated write) carries no text
    _refuse_binary(text, nuls)
    return text, encoding
