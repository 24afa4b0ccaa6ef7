"""Found by attack26 (2026-12-06) on a fresh server; each test failed before its fix."""

from __future__ import annotations

from tests.web.conftest import WebEnv


def _turned_text(wide: int, rows: int) -> bytes:
    """A table whose indicator header is written down a column (a turned table), one row ``wide`` cells long over
    ``rows`` rows of three cells: some 22 bytes a row."""
    lines = [["项目名称", "项目甲"] + ["x"] * wide, ["一级指标", "产出指标", "效益指标"],
             ["二级指标", "数量指标", "社会效益指标"], ["三级指标", "覆盖率", "满意度"], ["指标值", "100%", "≥90%"]]
    lines += [[f"字段{i}", "值", "值"] for i in range(rows)]
    return "\n".join("|" + "|".join(line) + "|" for line in lines).encode()


def test_a_turned_table_is_refused_before_its_blank_positions_are_made(web: WebEnv) -> None:
    # A table read turned (rows and columns exchanged, layouts27) became a cell at every position, the blank ones
    # where a short row ends too: one row of 8,000 cells over 8,000 rows of three (a 183 KB upload, 40,000 cells)
    # made 64,000,000 cells, 148 s of CPU and 18 GB in any unit editor's upload preview; 2,000 (45 KB) 9 s and
    # 1.1 GB. Refused now past 150,000 positions, saying so at the header column, nothing made.
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    answer = client.post("/api/v1/uploads", headers=headers, files={"file": ("turned.txt", _turned_text(400, 400))})
    assert answer.status_code == 200, answer.text[:300]
    preview = answer.json()
    said = [p["message"] for p in preview["problems"] if p["severity"] == "error"]
    assert not preview["read_ok"] and any("互换后共 162810 个单元格" in m and "150000" in m for m in said), said[:3]
    assert preview["problems"][0]["source"]["line"] == 1  # the top of the header column (项目名称 above 一级指标)
    # a turned table within the bound is read turned, as layouts27 made it
    small = "|项目名称|项目甲|||\n|一级指标|产出指标|产出指标|效益指标|\n|二级指标|数量指标|质量指标|社会效益指标|\n" \
            "|三级指标|覆盖率|合格率|满意度|\n|指标值|100%|≥95%|≥90%|\n"
    read = client.post("/api/v1/uploads", headers=headers, files={"file": ("turned.txt", small.encode())})
    assert read.status_code == 200 and [p["indicators"] for p in read.json()["projects"]] == [3], read.text[:500]
    assert any("行列互换" in p["message"] for p in read.json()["problems"])


def test_style_sheets_and_source_breaks_are_read_in_linear_time(web: WebEnv) -> None:
    # Three patterns of the HTML reader tried a run of text again from each of its characters: the style sheets' rules
    # (css_grid._RULE, a <style> of text without 「{」), a style's declarations (_DECLARATION, an inline style without
    # 「:」) and the source's line breaks (html._SOURCE_BREAK, a run of spaces not followed by one, in a cell holding a
    # line break). A 40 KB page cost 16–24 s of CPU for each in any unit editor's upload preview, 1 MB some hours.
    # The same matches now, each run scanned once.
    import time

    run = 30_000
    pages = {"sheet.html": f"<html><head><style>{'a' * run}</style></head><body><p>grid</p>",
             "inline.html": f"<html><body><div style=\"{'a' * run}\">grid</div>",
             "breaks.html": f"<html><body><table><tr><td>项目名称</td><td>甲\n{'a' + ' ' * run}b</td></tr></table>"}
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    for name, page in pages.items():
        started = time.process_time()
        answer = client.post("/api/v1/uploads", headers=headers,
                             files={"file": (name, (page + "<table><tr><td>一级指标</td></tr></table></body></html>")
                                     .encode())})
        spent = time.process_time() - started
        assert answer.status_code == 200 and not answer.json()["read_ok"], answer.text[:300]
        assert spent < 4, (name, spent)  # main: 6–12 s of CPU each at this size (quadratic), now some 0.1 s


def _wide_header_text(columns: int, rows: int) -> bytes:
    """An indicator header of ``columns`` columns (三级指标 | 分值 | 绩效目标 repeated) over ``rows`` rows of four
    cells."""
    head = (["三级指标", "分值", "绩效目标"] * columns)[:columns]
    lines = [head, ["指标值", "二级指标", "二级指标", "项目名称"]] + [["≥90%", "预算数", "实际完成值", "得分"]] * rows
    return "\n".join("|" + "|".join(line) + "|" for line in lines).encode()


def test_rows_under_a_header_of_thousands_of_columns_cost_no_more_than_their_positions(web: WebEnv) -> None:
    # Each short row was padded and checked at every place under the header (row_alignment._only_coherent_place):
    # rows × columns² — 720 columns over 240 rows (a 10 KB text) cost 9 s of CPU, 3,600 over 1,200 (40 KB) hours, in
    # any unit editor's upload preview. Only the places that put a filled cell under the 三级 and target columns are
    # tried now, and an indicator block of more than 1,000,000 positions (rows × header columns) is refused.
    import time

    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    started = time.process_time()
    read = client.post("/api/v1/uploads", headers=headers, files={"file": ("wide.txt", _wide_header_text(720, 240))})
    spent = time.process_time() - started
    assert read.status_code == 200 and spent < 3, (read.status_code, spent)  # main: some 9 s
    assert not any("个位置" in p["message"] for p in read.json()["problems"])  # 173,000 positions: read
    refused = client.post("/api/v1/uploads", headers=headers,
                          files={"file": ("wide.txt", _wide_header_text(3_600, 1_200))})
    said = [p["message"] for p in refused.json()["problems"] if p["severity"] == "error"]
    assert any("指标表头 3600 列" in m and "1000000 个的上限" in m for m in said), said[:3]


def test_tables_joined_one_by_one_are_not_scanned_again_for_each(web: WebEnv) -> None:
    # join_continued asked the table it had joined onto for its indicator header and header block again for every
    # table after it: 1,200 small tables each continuing the one before (a 164 KB tab text) were 2,880,000 rows'
    # worth of header tests, 8 s of CPU in any unit editor's upload preview. Each table's answers are kept now and
    # carried over a join (the same joins, compared on 3,000 random lists of tables).
    import time

    text = "\n".join(["合计", "财政资金\t效益指标\t数量指标\t实施单位",
                      "实施单位\t产出指标\t实施单位\t预算数\t主管部门\t满意度指标"] * 1_200).encode()
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    started = time.process_time()
    answer = client.post("/api/v1/uploads", headers=headers, files={"file": ("joined.txt", text)})
    spent = time.process_time() - started
    assert answer.status_code == 200 and spent < 3, (answer.status_code, spent)  # main: some 8 s


def test_a_label_line_with_a_long_run_of_white_space_is_read_in_linear_time(web: WebEnv) -> None:
    # A 「label：value」 line's value was matched lazily before 「\s*$」 (text_label_blocks._LINE): a run of tabs inside
    # the value was tried again after each character, a 50 KB line cost 12 s of CPU in any unit editor's upload
    # preview.
    import time

    text = ("项目名称：甲\n绩效目标：a" + "\t" * 30_000 + "b\n").encode()
    client = web.client()
    headers = {"Authorization": f"Bearer {web.token('editor')}"}
    started = time.process_time()
    answer = client.post("/api/v1/uploads", headers=headers, files={"file": ("label.txt", text)})
    spent = time.process_time() - started
    assert answer.status_code == 200 and spent < 2, (answer.status_code, spent)  # main: some 4 s
