"""Cross-form invariance on a small fixed sample (forms40, FAILURES.md section CM; the whole sample is
``bench/form_invariance.py``): three corpus text tables read right — a Sichuan form with its funds block and long
indicator names (``01``), a 部门整体 self-evaluation with 分值 and 得分 (``93``), a project with a 43-character name
(``133``) — rendered as units make their files (``form_renderings``: Word with ``w:vMerge``, Excel with merged ranges
and formatted numbers, HTML with ``rowspan``/``colspan``, LibreOffice's .xls, .ods and PDFs), each read the same as the
text: name, year, money unit, funds, and every indicator's levels, 三级 name, comparator, value, unit, weight, actual
and score. (.doc, a LibreOffice run more each way, and .et, the .xls LibreOffice writes under WPS's name, are in the
bench only.) Since forms42 also in the layouts units
really make (form_renderings.LAYOUTS), as the Word, Excel and HTML files written without LibreOffice."""

from __future__ import annotations

from pathlib import Path

import pytest

from perfbudget.load import load_path
from perfbudget.model import Document
from tests.readers.form_renderings import FORMS, LAYOUTS, Layout, form_of, reading_of, render_all

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "corpus"
SAMPLE = ("01", "93", "133")
WANTED = tuple(form for form in FORMS if form not in ("doc", "et"))  # (.et is LibreOffice's .xls: in the bench)


@pytest.fixture(scope="module")
def readings() -> list[Document]:
    readings = []
    for key in SAMPLE:
        [path] = CORPUS.glob(f"{key}_*.txt")
        document = load_path(path).document
        assert document is not None and len(document.projects) == 1
        readings.append(document)
    return readings


@pytest.fixture(scope="module")
def rendered(readings: list[Document], tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    forms = [form_of(document, document.projects[0]) for document in readings]
    return render_all([[form] for form in forms], list(SAMPLE), tmp_path_factory.mktemp("forms"), WANTED)


@pytest.mark.parametrize("form", WANTED)
def test_each_form_reads_as_the_text(readings: list[Document], rendered: dict[str, list[Path]], form: str) -> None:
    for document, path in zip(readings, rendered[form], strict=True):
        result = load_path(path)
        assert result.document is not None, (path.name, [p.message for p in result.errors])
        assert reading_of(result.document) == reading_of(document), path.name


_WRITTEN = ("docx", "xlsx", "html")  # the forms written without LibreOffice; its conversions are in the bench


@pytest.mark.parametrize("layout", [layout for layout in LAYOUTS if set(layout.forms) & set(_WRITTEN)],
                         ids=lambda layout: layout.name)
def test_each_layout_units_make_reads_as_the_text(readings: list[Document], tmp_path: Path, layout: Layout) -> None:
    """forms42: the same sample in the messier layouts (form_renderings.LAYOUTS) as Word, Excel and HTML files; two
    projects a file pairs ``01`` and ``133`` (both targets in 万元). The layout of names broken in their cells fails
    on 6a19f62a's readers (the line break kept in the name)."""
    figures = layout.percent == "places"  # (0.95 under 0.00% shows 95.00%: the figure compared, not the text)
    goals = layout.numbered  # (the goals a numbered list: compared too)
    if layout.projects == 2:
        files = [[form_of(document, document.projects[0]) for document in (readings[0], readings[2])]]
        expected = [reading_of(readings[0], figures, goals) + reading_of(readings[2], figures, goals)]
    else:
        files = [[form_of(document, document.projects[0])] for document in readings]
        expected = [reading_of(document, figures, goals) for document in readings]
    wanted = tuple(form for form in layout.forms if form in _WRITTEN)
    rendered = render_all(files, [f"t{n}" for n in range(len(files))], tmp_path, wanted, layout)
    for form in wanted:
        for want, path in zip(expected, rendered[form], strict=True):
            result = load_path(path)
            assert result.document is not None, (path.name, [p.message for p in result.errors])
            assert reading_of(result.document, figures, goals) == want, path.name


def test_an_actual_rewritten_by_a_reader_is_told(readings: list[Document]) -> None:
    """The harness compares an actual value by its text (a reader rewriting ``100%`` as ``100.00%`` fails), by the
    figure it states only in the layout that formats percentages ``0.00%``."""
    from dataclasses import replace

    def with_actual(actual: str) -> Document:
        document = readings[1]
        project = document.projects[0]
        first, *rest = project.indicators
        return replace(document, projects=[replace(project, indicators=[replace(first, actual=actual), *rest])])

    assert reading_of(with_actual("100%")) != reading_of(with_actual("100.00%"))
    assert reading_of(with_actual("100%"), by_figure=True) == reading_of(with_actual("100.00%"), by_figure=True)


def test_a_form_typed_over_with_track_changes_on_is_told(readings: list[Document], tmp_path: Path) -> None:
    """forms44: the layout typed over with track changes on reads as the text (above) and says so, one warning a
    table at its first change (the reading rests on changes nobody accepted yet)."""
    [layout] = [layout for layout in LAYOUTS if layout.tracked]
    files = [[form_of(document, document.projects[0])] for document in readings]
    rendered = render_all(files, [f"t{n}" for n in range(len(files))], tmp_path, ("docx",), layout)
    for path in rendered["docx"]:
        told = [p for p in load_path(path).problems if "修订" in p.message]
        assert len(told) == 1 and "删除的行" in told[0].message, (path.name, [p.message for p in told])
