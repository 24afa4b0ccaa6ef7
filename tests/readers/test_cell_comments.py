"""An Excel cell's 批注 kept with its field (readers.cell_comments): the comment parts found through the workbook's
relationships, hostile parts read as nothing, a comment no field took told."""

from __future__ import annotations

import io
import zipfile

from perfbudget.readers.cell_comments import column_letters, workbook_comments

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _book(comments: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><sheets>'
                                      '<sheet name="表1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{_PKG}"><Relationship Id="rId1" '
                                                 f'Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
                                                 '</Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{_MAIN}"/>')
        z.writestr("xl/worksheets/_rels/sheet1.xml.rels", f'<Relationships xmlns="{_PKG}"><Relationship Id="rId2" '
                                                          f'Type="{_REL}/comments" Target="../comments1.xml"/>'
                                                          '</Relationships>')
        z.writestr("xl/comments1.xml", comments)
    return out.getvalue()


def test_comments_are_found_by_sheet_and_cell_with_their_author() -> None:
    part = (f'<comments xmlns="{_MAIN}"><authors><author>张三</author></authors><commentList>'
            '<comment ref="E8" authorId="0"><text><r><t>含两次</t></r><r><t>应急会议</t></r></text></comment>'
            '<comment ref="AB12" authorId="7"><text><t>无作者</t></text></comment>'
            '<comment ref="E9" authorId="0"><text><t>张三:\n已写作者</t></text></comment>'
            '<comment ref="bad" authorId="0"><text><t>没有位置</t></text></comment></commentList></comments>')
    assert workbook_comments(_book(part), 1 << 20) == {("表1", 8, 5): "张三：含两次应急会议",
                                                       ("表1", 12, 28): "无作者", ("表1", 9, 5): "张三:\n已写作者"}
    assert column_letters(28) == "AB" and column_letters(1) == "A"


def test_a_hostile_or_oversized_comments_part_reads_as_none() -> None:
    laughs = ('<?xml version="1.0"?><!DOCTYPE c [<!ENTITY a "哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
              f'<comments xmlns="{_MAIN}"><commentList><comment ref="A1"><text><t>&b;</t></text></comment>'
              '</commentList></comments>')
    found = workbook_comments(_book(laughs), 1 << 20)
    assert all("哈" not in text for text in found.values())  # entities never expanded
    assert workbook_comments(_book("<comments"), 1 << 20) == {}  # broken XML: nothing, no crash
    big = f'<comments xmlns="{_MAIN}"><commentList><comment ref="A1"><text><t>{"长" * 5000}</t></text></comment>' \
          '</commentList></comments>'
    assert workbook_comments(_book(big), 1000) == {}  # past the part limit: not read
    assert workbook_comments(b"not a zip", 1000) == {}
