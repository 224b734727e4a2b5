"""Article metadata read from lines of text: bylines, contributors, publishers (dates: datelines.py)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pipelines.clean.datelines import YEAR

ROLES_FILE = Path(__file__).with_name("byline_roles.txt")
JOURNALIST_ROLES_FILE = Path(__file__).with_name("journalist_roles.txt")
OWNER_SUFFIXES_FILE = Path(__file__).with_name("owner_suffixes.txt")

_PARTICLES = {"de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "bin", "binti", "al", "el", "la",
              "le", "ibn", "y", "dos", "das"}
_NAME_TOKEN = re.compile(r"(?:[A-Z][\w'’.\-]*|\([A-Z][\w'’.\-]*\)|[A-Z]\.)", re.UNICODE)
_BARE_BY = re.compile(r"by\s*:?", re.IGNORECASE)
# "By A", "by: A", and a blog's footer "Posted by A at 9:14 PM".
_BY = re.compile(r"(?:(?:posted|written|words|text|story) )?by\s*[:\s]\s*(?P<names>.+)", re.IGNORECASE)
_AVATAR = re.compile(r"(?P<names>.+?)\s+(?:avatar|profile (?:photo|picture|image))", re.IGNORECASE)
# What follows the names: an affiliation after a dash or bar, or a time or date after "at"/"on".
_AFFILIATION = re.compile(r"\s+[-–—|]\s+|\s*\|\s*|\s+(?:at|on)\s+(?=\S*\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr"
                          r"|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)", re.IGNORECASE)
_NAME_LIST = re.compile(r"\s*(?:,\s*and\s+|,\s*|\s+and\s+|\s*&\s*|\s*;\s*)", re.IGNORECASE)
_CONTRIBUTORS_PREFIX = re.compile(
    r"[-—–]*\s*(?:with (?:additional )?(?:assistance|reporting) (?:from|by)|additional reporting (?:by|from)"
    r"|(?:reporting|writing|editing|research) by)\s+", re.IGNORECASE)
_LEGAL_SUFFIX = re.compile(
    r"[\s,]+(?:l\.?\s?p\.?|inc\.?|ltd\.?|llc|limited|corp\.?|corporation|company|co\.|plc|gmbh|s\.?a\.?|ag|"
    r"all rights reserved\.?)\s*$", re.IGNORECASE)
_COPYRIGHT_PREFIX = re.compile(r"^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{2,4})?)?[\s,.]*",
                               re.IGNORECASE)
_FIRST_PUBLISHED = re.compile(r"(?:first|originally) (?:published|appeared|posted) (?:on|in|by|at)\s+(?P<name>.+?)\.?$",
                              re.IGNORECASE)
# "(Bloomberg) --" or "WASHINGTON (Reuters) -" opening a story names the agency that wrote it.
_AGENCY_LEAD = re.compile(r"^(?:[A-Z][\w .,'-]{0,40}\s)?\((?P<name>[A-Z][\w&.' ]{1,40})\)\s*(?:--|—|–|-)\s")
# "Associated Press writer Jenna Cole in Phoenix contributed to this report."
_CONTRIBUTED = re.compile(r"(?P<who>.+?)\s+contributed(?: reporting)? to this (?:report|story|article)", re.IGNORECASE)
# An author box: "Jane Roe covers city hall for the Ledger." / "Jane Roe is a senior reporter at the Ledger."
_BIO_NAME = r"(?P<name>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3})"
_BIO_BEAT = re.compile(_BIO_NAME + r" (?:covers|writes about|writes on|reports on|has covered|has reported on)\b"
                       r".*\b(?:for|at) (?:the )?[A-Z]")  # ... for the Ledger: a beat, not "Roe covers her face"
_BIO_ROLE = re.compile(_BIO_NAME + r" (?:is|was|has been|serves as) (?:a|an|the) (?P<role>[^.,;]+)")
_ROLE_END = re.compile(r"\s(?:at|for|with|of|on|who|where|covering|based|in)\s")
_WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
_MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
           "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}


@cache
def _word_list(path: Path) -> frozenset[str]:
    rows = path.read_text(encoding="utf-8").splitlines()
    return frozenset(r.strip().lower() for r in rows if r.strip() and not r.startswith("#"))


def _roles() -> frozenset[str]:
    return _word_list(ROLES_FILE)


def is_name(text: str, min_tokens: int = 2, max_tokens: int = 5) -> bool:
    """Shaped like a person's name: a few capitalised tokens (particles and initials allowed)."""
    tokens = text.split()
    if not min_tokens <= len(tokens) <= max_tokens or any(ch.isdigit() for ch in text):
        return False
    if any(t.lower().strip("().") in _roles() for t in tokens):
        return False
    capitalised = [t for t in tokens if t.lower() not in _PARTICLES]
    # A date's words are no name ("Wednesday January"); a month alone may be a forename ("June Carter").
    words = [t.lower().strip(".,") for t in capitalised]
    if any(w in _WEEKDAYS for w in words) or all(w in _MONTHS for w in words):
        return False
    return len(capitalised) >= 2 and all(_NAME_TOKEN.fullmatch(t) for t in capitalised)


# Words no person's name holds, though a site's or a button's does: "The Guardian", "Edit Your Profile".
_NOT_IN_NAMES = frozenset("the a an your my our their his her its this these those "
                          # a page's buttons beside a byline ("View Comments", "Contribute Subscribe")
                          "view comments comment share follow subscribe contribute email print tweet reply".split())


def is_person_name(name: str) -> bool:
    """A name found in a byline that reads as a person's, not an organisation's or a button's."""
    return not any(token.lower() in _NOT_IN_NAMES for token in name.split())


def _names(text: str) -> list[str] | None:
    """The names in "A, B and C" (roles after a comma dropped); None when a part is not a name."""
    parts = [p.strip(" .,") for p in _NAME_LIST.split(text) if p.strip(" .,")]
    names = [p for p in parts if is_name(p)]
    roles = [p for p in parts if not is_name(p)]
    if not names or any(not _is_role(r) for r in roles):
        return None
    return [_name_case(name) for name in names]


def _name_case(name: str) -> str:
    """An all-capitals name ("ANDREW MALLORY", a wire-style byline) in title case; any other name as written."""
    if any(ch.islower() for ch in name):
        return name
    tokens = name.split()
    return " ".join(t.lower() if i and t.lower() in _PARTICLES else t.title() for i, t in enumerate(tokens))


def _is_role(text: str) -> bool:
    return any(w.lower().strip("().") in _roles() for w in text.split()) or YEAR.search(text) is not None


def byline_authors(text: str) -> list[str] | None:
    """The authors a byline line names ([] for a bare "By"); None when the line is not a byline."""
    if _BARE_BY.fullmatch(text):
        return []
    for pattern in (_AVATAR, _BY):
        match = pattern.fullmatch(text)
        if match:
            names = _names(_AFFILIATION.split(match["names"], maxsplit=1)[0])
            if names is not None:
                return names
    return None


def named_line(text: str) -> list[str] | None:
    """The names of a line that is only names, maybe with an affiliation ("Jane Roe | Science Desk")."""
    return _names(_AFFILIATION.split(text, maxsplit=1)[0])


def contributor_names(text: str) -> list[str]:
    """The people credited in "--With assistance from A and B.", "Reporting by A; Editing by B" or
    "Wire writer A in Paris contributed to this report."."""
    names = []
    for part in re.split(r"\s*;\s*", text):
        match = _CONTRIBUTORS_PREFIX.match(part)
        if match:
            names += _names(part[match.end():].rstrip(". ")) or []
    contributed = _CONTRIBUTED.match(text)
    if contributed:
        names += [name for part in _NAME_LIST.split(contributed["who"]) if (name := _credited_name(part))]
    return names


def _credited_name(text: str) -> str | None:
    """The person in "Wire writer Jane Roe in Paris": after the last role word, before the place."""
    tokens = text.split()
    after_role = max((i + 1 for i, t in enumerate(tokens) if t.lower().strip(".,") in _roles()), default=0)
    tokens = tokens[after_role:]
    place = next((i for i, t in enumerate(tokens) if t in ("in", "from")), len(tokens))
    candidate = " ".join(tokens[:place])
    return _name_case(candidate) if is_name(candidate) else None


def author_bio_name(text: str) -> str | None:
    """The author an author box presents ("Jane Roe is a senior reporter at the Ledger..."), else None."""
    match = _BIO_BEAT.match(text)
    if match is None:
        match = _BIO_ROLE.match(text)
        role = _ROLE_END.split(f"{match['role']} ", maxsplit=1)[0].lower().split() if match else []
        if not any(word.rstrip("s") in _word_list(JOURNALIST_ROLES_FILE) for word in role):
            return None
    return match["name"] if is_name(match["name"]) else None


_LEADING_BY = re.compile(r"by\s*:?\s+(?P<rest>.+)", re.IGNORECASE)
MAX_LEADING_NAME_TOKENS = 4


def leading_byline_name(text: str) -> str | None:
    """The name that opens a byline followed by other things: "By Erin Cunningham March 18 at 3:57 PM Follow"
    → "Erin Cunningham"; None when "By" is not followed by a name."""
    match = _LEADING_BY.match(text)
    if match is None:
        return None
    tokens = []
    words = match["rest"].split()
    for i, token in enumerate(words[:MAX_LEADING_NAME_TOKENS]):
        word = token.rstrip(",;|")
        # A month opens the date after the name ("March 18"); before a name it is one ("Laura June Topolsky").
        starts_date = word.lower().rstrip(".") in _MONTHS and (i + 1 == len(words) or words[i + 1][:1].isdigit())
        if not (_NAME_TOKEN.fullmatch(word) or word.lower() in _PARTICLES) or starts_date:
            break
        tokens.append(word)
        if word != token:  # a comma or bar closes the name
            break
    name = " ".join(tokens)
    return _name_case(name) if is_name(name) else None


def copyright_year(text: str) -> int | None:
    """The (last) year of a copyright line: "©2020-2024 X" → 2024."""
    years = YEAR.findall(text)
    return int(years[-1]) if years else None


def publisher_from_copyright(text: str) -> str | None:
    """"©2024 Bloomberg L.P." → "Bloomberg"; "© 2025 Example Media Group" → "Example"."""
    name = _COPYRIGHT_PREFIX.sub("", text)
    name = re.sub(r"\.?\s*all rights reserved.*$", "", name, flags=re.IGNORECASE).strip(" ,.")
    while _LEGAL_SUFFIX.search(name):
        name = _LEGAL_SUFFIX.sub("", name)
    words = name.split()
    while len(words) > 1 and words[-1].lower() in _word_list(OWNER_SUFFIXES_FILE):
        words.pop()
    name = " ".join(words)
    return name if name and len(words) <= 6 and name[0].isupper() else None


def spelled_out(name: str, texts: list[str]) -> str:
    """An initialism ("AP") as ``texts`` spell it out ("Associated Press"); the name itself otherwise."""
    if not (2 <= len(name) <= 5 and name.isalpha() and name.isupper()):
        return name
    pattern = re.compile(r"\b" + r"\s+".join(f"{letter}[a-z]+" for letter in name) + r"\b")
    return next((match[0] for text in texts if (match := pattern.search(text))), name)


def publisher_from_first_published(text: str) -> str | None:
    """"This article was first published on SCMP." → "SCMP"."""
    match = _FIRST_PUBLISHED.search(text)
    name = match["name"].strip() if match else ""
    return name if name and len(name.split()) <= 6 else None


def agency_from_lead(text: str) -> str | None:
    """"(Bloomberg) -- A budding alliance..." → "Bloomberg"."""
    match = _AGENCY_LEAD.match(text)
    return match["name"].strip() if match else None
