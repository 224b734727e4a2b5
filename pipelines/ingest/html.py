"""First stub of HTML reading (to be replaced by trafilatura extraction)."""


def read_html(html: str) -> tuple[str, dict]:
    return html, {}
