"""Round 43's attack (docs/security.md, 「Attacked from outside (attack43)」): each test failed on d34ad5c6."""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from perfbudget.config import Limits
from perfbudget.readers.docx import read_docx_tables

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_TYPES = ('<?xml version="1.0" encoding="UTF-8"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.document.main+xml"/>'
          '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.styles+xml"/>'
          '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.'
          'wordprocessingml.numbering+xml"/>{}</Types>')
_HEADER_TYPE = ('<Override PartName="/word/header{}.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                'wordprocessingml.header+xml"/>')
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="word/document.xml"/>'
                 '</Relationships>')
_DOCUMENT_RELS = ('<?xml version="1.0" encoding="UTF-8"?>'
                  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                  f'<Relationship Id="rId1" Type="{_RELS}/styles" Target="styles.xml"/>'
                  f'<Relationship Id="rId2" Type="{_RELS}/numbering" Target="numbering.xml"/>{{}}</Relationships>')
_DECIMAL = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')


def _docx(body: str, styles: str, numbering: str, headers: tuple[str, ...] = ()) -> bytes:
    """A .docx of ``body`` (a table of one cell holding it), ``styles``, ``numbering`` and page ``headers`` (each
    one header part's paragraphs, all of its one section), built with zipfile."""
    numbers = range(1, len(headers) + 1)
    section = "".join(f'<w:headerReference w:type="default" r:id="rIdH{i}"/>' for i in numbers)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", _TYPES.format("".join(_HEADER_TYPE.format(i) for i in numbers)))
        package.writestr("_rels/.rels", _PACKAGE_RELS)
        package.writestr("word/_rels/document.xml.rels", _DOCUMENT_RELS.format("".join(
            f'<Relationship Id="rIdH{i}" Type="{_RELS}/header" Target="header{i}.xml"/>' for i in numbers)))
        package.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NS} '
                                              f'xmlns:r="{_RELS}"><w:body><w:tbl><w:tr><w:tc>{body}</w:tc></w:tr>'
                                              f'</w:tbl><w:sectPr>{section}</w:sectPr></w:body></w:document>')
        for i, header in zip(numbers, headers, strict=True):
            package.writestr(f"word/header{i}.xml",
                             f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {_NS}>{header}</w:hdr>')
        package.writestr("word/styles.xml",
                         f'<?xml version="1.0" encoding="UTF-8"?><w:styles {_NS}>{styles}</w:styles>')
        package.writestr("word/numbering.xml",
                         f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {_NS}>{numbering}</w:numbering>')
    return out.getvalue()


def _paragraphs(props: str, *texts: str) -> str:
    return "".join(f"<w:p><w:pPr>{props}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>" for text in texts)


def _chain(n: int, root: str) -> str:
    """Styles s0 … s(n-1), each based on the one before; s0 holds ``root``."""
    return (f'<w:style w:type="paragraph" w:styleId="s0">{root}</w:style>'
            + "".join(f'<w:style w:type="paragraph" w:styleId="s{i}"><w:basedOn w:val="s{i - 1}"/></w:style>'
                      for i in range(1, n)))


def numbered_by_style_chain(n: int) -> bytes:
    """Two paragraphs of the last style of a chain whose first style numbers them."""
    root = '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>'
    return _docx(_paragraphs(f'<w:pStyle w:val="s{n - 1}"/>', "验收合格", "资料归档"), _chain(n, root), _DECIMAL)


def hidden_by_style_chain(n: int) -> bytes:
    """A paragraph of the last style of a chain whose first style hides its text, and one shown."""
    return _docx(_paragraphs(f'<w:pStyle w:val="s{n - 1}"/>', "填写说明") + _paragraphs("", "验收合格"),
                 _chain(n, "<w:rPr><w:vanish/></w:rPr>"), "")


def hidden_by_style_chain_under_headers(n: int) -> bytes:
    """As :func:`hidden_by_style_chain`, with n / 10 page headers each holding a paragraph of the chain's last style
    (on the branch before its mend the styles were walked again for each header: 500 headers, 52 s of CPU)."""
    header = _paragraphs(f'<w:pStyle w:val="s{n - 1}"/>', "第1页")
    return _docx(_paragraphs(f'<w:pStyle w:val="s{n - 1}"/>', "填写说明") + _paragraphs("", "验收合格"),
                 _chain(n, "<w:rPr><w:vanish/></w:rPr>"), "", (header,) * (n // 10))


def numbered_by_linked_lists(n: int) -> bytes:
    """Lists 1 … n whose definitions each link (``w:numStyleLink``) to a numbering style of the next list; the last
    definition draws 「（%1）」; two paragraphs of list 1."""
    styles = "".join(f'<w:style w:type="numbering" w:styleId="t{i}"><w:pPr><w:numPr><w:numId w:val="{i + 1}"/>'
                      f"</w:numPr></w:pPr></w:style>" for i in range(1, n))
    numbering = "".join(f'<w:abstractNum w:abstractNumId="{i}"><w:numStyleLink w:val="t{i}"/></w:abstractNum>'
                        for i in range(1, n))
    numbering += (f'<w:abstractNum w:abstractNumId="{n}"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                  '<w:numFmt w:val="decimal"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>')
    numbering += "".join(f'<w:num w:numId="{i}"><w:abstractNumId w:val="{i}"/></w:num>' for i in range(1, n + 1))
    return _docx(_paragraphs('<w:numPr><w:numId w:val="1"/></w:numPr>', "验收合格", "资料归档"), styles, numbering)


_WALKERS = {str(Path(module.__file__).resolve()) for module in (
    sys.modules["perfbudget.readers.docx"], sys.modules["perfbudget.readers.word_numbering"])}


def _lines_walked(data: bytes) -> tuple[list[str], int]:
    """The cell's text and the lines of the docx reader's and the numbering's own code run to read it (a count of
    work, not of time: on d34ad5c6 a style was walked up its whole chain anew for each style)."""
    walked = 0

    def trace(frame: Any, event: str, _arg: Any) -> Callable[..., Any] | None:
        nonlocal walked
        if event == "call":
            return trace if frame.f_code.co_filename in _WALKERS or "style_chains" in frame.f_code.co_filename \
                else None
        if event == "line":
            walked += 1
        return trace

    found = sys.gettrace()  # (coverage's or a debugger's: given back after)
    sys.settrace(trace)
    try:
        tables = read_docx_tables(data, "x.docx", Limits())
    finally:
        sys.settrace(found)
    return [cell.text for row in tables[0].rows for cell in row], walked


def test_the_count_gives_back_the_tracer_it_found() -> None:
    """The count of lines run set no tracer back when done: coverage's or a debugger's was gone for the tests after."""
    def outer(_frame: Any, _event: str, _arg: Any) -> None:
        return None

    found = sys.gettrace()
    sys.settrace(outer)
    try:
        _lines_walked(numbered_by_style_chain(3))
        after = sys.gettrace()
    finally:
        sys.settrace(found)
    assert after is outer


@pytest.mark.parametrize("make, text", [
    (numbered_by_style_chain, "1.验收合格\n2.资料归档"),
    (hidden_by_style_chain, "验收合格"),
    (hidden_by_style_chain_under_headers, "验收合格"),
    (numbered_by_linked_lists, "（1）验收合格\n（2）资料归档"),
])
def test_a_chain_of_styles_is_walked_once(make: Callable[[int], bytes], text: str) -> None:
    """A chain of n styles (or linked list definitions) cost n²/2 steps: 20,000 of them (112 KB) 24 s of CPU, 52 s
    when the first hid its text, 20,000 linked lists (327 KB) 63 s, before the table was read. Twice the chain is
    now about twice the work (it was four times), and the paragraphs read as the chain says."""
    short_cells, short = _lines_walked(make(300))
    long_cells, long = _lines_walked(make(600))
    assert [cell.replace("\r", "") for cell in short_cells] == [text] == \
        [cell.replace("\r", "") for cell in long_cells]
    assert long < 2.5 * short, (short, long)


def test_a_tail_of_links_into_a_loop_takes_the_loops_first_definition() -> None:
    """List 1's definition links to definition 2, 2 to 3 and 3 back to 2 (``w:numStyleLink`` through numbering
    styles): d34ad5c6 drew list 1 by definition 2, where the links first come round; the branch left list 1 on its own
    definition, no levels, no labels."""
    styles = "".join(f'<w:style w:type="numbering" w:styleId="{name}"><w:pPr><w:numPr><w:numId w:val="{num_id}"/>'
                     "</w:numPr></w:pPr></w:style>" for name, num_id in (("a", 20), ("b", 30), ("c", 20)))
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="a"/></w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="b"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
                 '<w:numFmt w:val="decimal"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum>'
                 '<w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="c"/></w:abstractNum>'
                 + "".join(f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
                           for num_id, abstract_id in ((1, 1), (20, 2), (30, 3))))
    data = _docx(_paragraphs('<w:numPr><w:numId w:val="1"/></w:numPr>', "验收合格", "资料归档"), styles, numbering)
    cells = [cell.text.replace("\r", "") for row in read_docx_tables(data, "x.docx", Limits())[0].rows for cell in row]
    assert cells == ["（1）验收合格\n（2）资料归档"]


def test_a_list_label_is_bounded() -> None:
    """A level's w:lvlText of 200,000 characters was drawn before each of 400 numbered paragraphs (a 2 KB file: 5.5 s
    and 247 MB); the branch then refused the file over a label past 200 characters. Such a level's paragraphs are now
    read without their number, with one warning naming the first paragraph's text and its table."""
    numbering = ('<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
                 f'<w:lvlText w:val="{"%1" * 20_000}"/></w:lvl></w:abstractNum>'
                 '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>')
    first = "项目按期完成验收并将全部资料整理归档备查。"  # (21 characters: the warning names the first 20)
    data = _docx(_paragraphs('<w:numPr><w:numId w:val="1"/></w:numPr>', first, *["资料归档"] * 49), "", numbering)
    tables = read_docx_tables(data, "long-label.docx", Limits())
    assert tables[0].rows[0][0].text.replace("\r", "").split("\n") == [first, *["资料归档"] * 49]
    assert [str(problem) for problem in tables[0].problems] == [
        f"long-label.docx:表1: 「{first[:20]}」等 50 段的列表编号格式长于 200 个字符（Word 自带的只有几个字符），"
        "编号没有读取，只读取了文字；请核对原文件"]


# Run in a fresh interpreter (a test run earlier in the same worker could have read the same files: a cache left
# unregistered would then not grow here): every module of the package imported, its module-level dicts, sets and
# lists counted, one real table of each reader's kind read, reviewed, stored and loaded, counted again, the texts
# budget's caches emptied, counted a third time. Printed: the formats that gave a document, those stored (not the same
# project twice), the containers grown and those still grown after the emptying, both leaving out the store's SQL by
# table and batch and the header reader's numbers for classes of answers (keyed on the schema and on flags, not texts).
_WORKLOAD = """
import importlib, json, pkgutil, sys
from pathlib import Path

import perfbudget
from perfbudget import text_caches
from perfbudget.load import load_bytes
from perfbudget.review.engine import review_document
from perfbudget.store.api import Store

NOT_KEYED_ON_TEXTS = {"perfbudget.store.bulk._SQL", "perfbudget.store.bulk._PROCESSORS",
                      "perfbudget.store.bulk._INSERTS", "perfbudget.store.bulk._MISSING",
                      "perfbudget.store.bulk._DROPPABLE", "perfbudget.readers.header_plans._CLASS_NUMBERS"}


def containers():
    return {f"{name}.{key}": len(value) for name, module in list(sys.modules.items())
            if name.startswith("perfbudget") and module is not None
            for key, value in list(vars(module).items())
            if isinstance(value, (dict, set, list)) and not key.startswith("__")
            and f"{name}.{key}" not in NOT_KEYED_ON_TEXTS}


for module in pkgutil.walk_packages(perfbudget.__path__, "perfbudget."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
text_caches.empty()
before = containers()
read, stored = [], []
with Store(sys.argv[1]) as store:
    for file in map(Path, sys.argv[2:]):
        document = load_bytes(file.read_bytes(), file.name).document
        if document is None or not document.projects:
            continue
        read.append(file.suffix)
        review_document(document)
        outcome = store.import_document(document, file.name)
        if outcome.document_id is not None:  # (else the same project's again: not stored twice)
            assert store.document(outcome.document_id) is not None, file
            stored.append(file.suffix)
grown = sorted(key for key, size in containers().items() if size > before.get(key, 0))
text_caches.empty()
kept = {key: size - before.get(key, 0) for key, size in containers().items() if size > before.get(key, 0)}
print(json.dumps({"read": read, "stored": stored, "grown": grown, "kept": kept}))
"""


def test_every_module_container_a_read_a_review_or_a_load_fills_is_emptied_with_the_texts_budget(
        tmp_path: Path, sqlite_migrated_template: Path) -> None:
    """Round 42's registry test looked at ``lru_cache``s only; a dict cache (``held_by``) was registered by hand. Any
    module-level dict, set or list that reading, reviewing, storing and loading one real table of each reader's kind
    leaves grown must be emptied by ``text_caches.empty`` (its entries hold the tables' texts). Class attributes and
    caches held inside objects are not seen."""
    import json
    import shutil
    import subprocess

    suffixes = (".txt", ".docx", ".xlsx", ".html", ".xls", ".ods", ".pdf")
    corpus = Path(__file__).parents[1] / "fixtures" / "real" / "corpus"
    files = [sorted(corpus.glob(f"*{suffix}"))[0] for suffix in suffixes]
    shutil.copyfile(sqlite_migrated_template, tmp_path / "store.db")
    run = subprocess.run([sys.executable, "-c", _WORKLOAD, f"sqlite:///{tmp_path / 'store.db'}", *map(str, files)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr[-3000:]
    outcome = json.loads(run.stdout.splitlines()[-1])
    assert outcome["read"] == list(suffixes), "each reader's kind gave a document"
    assert outcome["stored"], "a document was stored and loaded"
    assert "perfbudget.readers.header_block._CELL_FACTS" in outcome["grown"], "the workload filled a text cache"
    assert outcome["kept"] == {}
