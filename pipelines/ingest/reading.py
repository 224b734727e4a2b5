"""Reading a file of the corpus folder safely: only regular files, symbolic links followed only to files
inside the folder, and never a read that blocks (a FIFO named ``x.txt`` is refused, not waited on)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


class ReadRefused(Exception):
    """A file that is not read, and why (``kind`` is the ingest_errors.error value)."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_inside(path: Path, root: Path, limit: int) -> bytes:
    """The bytes of a regular file at ``path`` (a link is followed only to a file inside ``root``), read as one
    consistent snapshot without ever blocking. Raises ReadRefused, or OSError when the system says no."""
    if path.is_symlink():
        target = Path(os.path.realpath(path))
        if not target.is_relative_to(os.path.realpath(root)):
            raise ReadRefused("outside_corpus", "The file is a symbolic link to a file outside the corpus folder; "
                                                "links are followed only inside it.")
        if not os.path.lexists(target):
            raise ReadRefused("broken_link", "The file is a symbolic link to a file that does not exist.")
        path = target
    fd = os.open(path, _READ_FLAGS)  # non-blocking: opening a FIFO with no writer returns at once
    try:
        before = os.fstat(fd)
        if not stat.S_ISREG(before.st_mode):
            raise ReadRefused("not_a_file", f"The file is {_kind(before.st_mode)}, not a regular file; only "
                                            "regular files are read.")
        if before.st_size > limit:
            raise ReadRefused("too_large", f"The file is {before.st_size:,} bytes; files over {limit:,} bytes are "
                                           "not read (is it really one article?).")
        chunks, size = [], 0
        while size <= limit and (chunk := os.read(fd, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
        after = os.fstat(fd)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if (before.st_mtime_ns, before.st_size) != (after.st_mtime_ns, after.st_size) or len(data) != after.st_size:
        raise ReadRefused("changing", "The file changed while the run was reading it; it will be read on the next run.")
    return data
