"""print41: a unit's 审核意见书 printed from the browser took 9 pages where its Word form took 7 (print40's left item):
the page printed 14 px text on 1.7 lines (17.85 pt) within 20 mm margins, Word 11 pt on 15 pt lines within 1.8 cm. The
page's print rules now set it as Word does (app/data/opinion.css, ``opinion_pages.HTML``)."""

from __future__ import annotations

from pathlib import Path

from tests.web.conftest import SEED_UNIT, WebEnv
from tests.web.test_printed_pages import _commented
from tests.writers.test_print_pdf import chromium_pdf, to_pdf

# cell comments added to the seed unit's first project, one round after another: the opinion of the seed's unit as
# it is (print40's), then longer
ADDED = (0, 12, 24)


def test_a_units_opinion_prints_on_as_many_pages_from_the_browser_as_from_word(web: WebEnv, tmp_path: Path) -> None:
    """The seed's unit's opinion (8 projects), then with 12 and 24 cell comments of two lines on its first project:
    the page printed by Chromium takes as many pages as the Word form printed by LibreOffice, or one fewer (before
    print41, 8 against 7 here, 9 against 7 with a dismissed finding)."""
    import pypdfium2

    client = web.client("reviewer")
    words, pages = [], []
    for number, count in enumerate(ADDED):
        _commented(web, web.project_ids[0], count - (ADDED[number - 1] if number else 0))
        word = tmp_path / f"unit{count}.docx"
        word.write_bytes(client.get(f"/units/{SEED_UNIT}/opinion.docx").content)
        page = tmp_path / f"page{count}.html"
        page.write_text(client.get(f"/units/{SEED_UNIT}/opinion.html").text, encoding="utf-8")
        words.append(word)
        pages.append(chromium_pdf(page, tmp_path))
    printed = to_pdf(words, tmp_path)
    counts = [(len(pypdfium2.PdfDocument(printed[word.name])), len(pypdfium2.PdfDocument(page)))
              for word, page in zip(words, pages, strict=True)]
    assert all(word - 1 <= page <= word for word, page in counts), counts
