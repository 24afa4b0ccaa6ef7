"""The to-do list per role, the year with the user's work and the project list (issue 14, point 1)."""

from __future__ import annotations

import re

from tests.web.conftest import WebEnv, csrf_of


def _step(client, project_id: int, action: str, comment: str = "") -> None:  # type: ignore[no-untyped-def]
    token = csrf_of(client, f"/projects/{project_id}")
    response = client.post(f"/projects/{project_id}/workflow",
                           data={"csrf_token": token, "action": action, "comment": comment,
                                 "justification": "已核对"}, follow_redirects=False)
    assert response.status_code == 303, response.text


def test_landing_pages_show_each_roles_work_as_links(web: WebEnv) -> None:
    editor, reviewer = web.client("editor"), web.client("reviewer")
    first, second = web.project_ids[:2]
    _step(editor, first, "submit")
    _step(editor, second, "submit")
    _step(reviewer, second, "return", "请细化产出指标")

    page = reviewer.get("/dashboard?year=all").text
    assert re.search(r'id="todo-submitted" href="([^"]+)"><span class="n">1<', page)
    assert "review-queue" in page and "被退回" not in page
    link = re.search(r'id="todo-submitted" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    listed = reviewer.get(link).text
    assert 'id="list-total">共 1 个' in listed

    page = editor.get("/dashboard?year=all").text
    assert re.search(r'id="todo-returned" href="[^"]+"><span class="n">1<', page)
    assert "请细化产出指标" in page
    assert re.search(r'id="todo-draft" href="[^"]+"><span class="n">8<', page)
    assert 'id="todo-submitted"' not in page


def test_project_list_searches_filters_sorts_and_pages(web: WebEnv) -> None:
    client = web.client("admin")
    everything = client.get("/projects?year=all").text
    assert 'id="list-total">共 11 个' in everything
    # search in indicator text: the seed has an indicator naming 培训 in a few projects only
    found = client.get("/projects?year=all&q=" + "满意度").text
    assert "共" in found
    named = client.get("/projects?year=all&q=255101").text
    assert 'id="list-total">共 10 个' in named
    other = client.get("/projects?year=all&unit=999001").text
    assert 'id="list-total">共 1 个' in other
    paged = client.get("/projects?year=all&size=20&page=1").text
    assert 'id="list-pager"' not in paged
    small = client.get("/projects?year=all&state=draft&sort=name&desc=1").text
    names = re.findall(r'class="project-link">([^<]+)<', small)
    assert names == sorted(names, reverse=True) and len(names) == 11
    assert 'id="list-total">共 0 个' in client.get("/projects?year=all&grade=差&state=approved").text
    # another unit's editor sees only its own project, whatever the filter says
    mine = web.client("other_editor").get("/projects?year=all&unit=255101").text
    assert 'id="list-total">共 0 个' in mine


def test_the_default_year_is_the_year_with_the_users_work(web: WebEnv) -> None:
    from perfbudget.app.desk import work_year
    from perfbudget.app.roles import Principal, Role

    with web.app.state.store.reading() as tx:
        year = work_year(tx, Principal(1, "editor", "editor", Role.UNIT_EDITOR, "255101"))
    assert year is not None
    page = web.client("editor").get("/projects").text
    assert f'<option value="{year}" selected' in page


def test_every_bar_of_the_grade_state_and_self_evaluation_charts_is_its_filtered_list(web: WebEnv) -> None:
    """Each linked bar's number is the total of the list it links to (自评等级 included)."""
    from tests.web.helpers import approve

    approve(web.app, web.project_ids[0])
    client = web.client("admin")
    page = client.get("/dashboard?year=all").text
    bars = re.findall(r'<a href="([^"]+)" class="bar-link">.*?<title>([^<：]+)：(\d+)</title>', page)
    labels = {label for _, label, _ in bars}
    assert {"优", "未审核", "未自评", "草稿", "审核通过"} <= labels, labels
    for href, label, value in bars:
        listed = client.get(href.replace("&amp;", "&")).text
        assert f'id="list-total">共 {value} 个' in listed, (label, href)
    assert 'id="list-total">共 11 个' in client.get("/projects?year=all&egrade=未自评").text
    assert 'id="list-total">共 0 个' in client.get("/projects?year=all&egrade=优").text


def _dimension_bars(page: str) -> dict[str, tuple[str, int]]:
    """The 审核发现（按维度） bars of a dashboard: dimension → (link, number)."""
    bars = re.findall(r'<a href="([^"]+dimension=[^"]+)" class="bar-link"><title>([^<：]+)：(\d+)</title>', page)
    return {label: (href.replace("&amp;", "&"), int(value)) for href, label, value in bars}


def test_every_finding_dimension_bar_is_its_filtered_list_without_dismissed_findings(web: WebEnv) -> None:
    """Each 审核发现（按维度） bar counts the projects with a kept finding of its dimension and links to
    exactly that list; dismissing every finding of a dimension of one project takes it off both,
    confirming one of them again brings it back."""
    from perfbudget.app.review_desk import load_desk
    from perfbudget.app.roles import Principal, Role
    from perfbudget.review.finding import DIMENSIONS

    admin, reviewer = web.client("admin"), web.client("reviewer")
    bars = _dimension_bars(admin.get("/dashboard?year=all").text)
    assert set(bars) == set(DIMENSIONS), bars
    assert any(n for _, n in bars.values()), "the seed has findings"
    for label, (href, value) in bars.items():
        assert f'id="list-total">共 {value} 个' in admin.get(href).text, (label, href)

    pid = web.project_ids[0]
    desk = load_desk(web.app.state.store, Principal(2, "reviewer", "reviewer", Role.REVIEWER, None), pid,
                     web.app.state.core)
    by_dimension: dict[str, list[str]] = {}
    for item in desk.findings:
        by_dimension.setdefault(item.finding.dimension, []).append(item.key)
    dimension, keys = min(by_dimension.items(), key=lambda pair: len(pair[1]))
    href, before = bars[dimension]
    assert f'href="/projects/{pid}"' in admin.get(href + "&size=100").text
    token = csrf_of(reviewer, f"/projects/{pid}/review")
    for key in keys[:-1]:
        reviewer.post(f"/projects/{pid}/review/decide",
                      data={"csrf_token": token, "key": key, "decision": "dismissed", "reason": "不成立"})
    # one finding of the dimension still stands: the project stays
    assert _dimension_bars(admin.get("/dashboard?year=all").text)[dimension][1] == before
    reviewer.post(f"/projects/{pid}/review/decide",
                  data={"csrf_token": token, "key": keys[-1], "decision": "dismissed", "reason": "不成立"})
    after = _dimension_bars(admin.get("/dashboard?year=all").text)
    assert after[dimension][1] == before - 1
    listed = admin.get(href + "&size=100").text
    assert f'id="list-total">共 {before - 1} 个' in listed and f'href="/projects/{pid}"' not in listed
    # the last decision counts: confirmed again, the finding stands again
    reviewer.post(f"/projects/{pid}/review/decide",
                  data={"csrf_token": token, "key": keys[0], "decision": "confirmed", "reason": "成立"})
    assert _dimension_bars(admin.get("/dashboard?year=all").text)[dimension][1] == before
    assert f'href="/projects/{pid}"' in admin.get(href + "&size=100").text
    # an editor's own scope: the bars and the lists count the unit's projects only
    editor = web.client("other_editor")
    for label, (link, value) in _dimension_bars(editor.get("/dashboard?year=all").text).items():
        assert f'id="list-total">共 {value} 个' in editor.get(link).text, label
    # an unknown dimension is no filter at all
    assert 'id="list-total">共 11 个' in admin.get("/projects?year=all&dimension=其他").text


def test_an_approved_project_under_revision_stays_due_for_self_evaluation_and_monitoring(web: WebEnv) -> None:
    """待自评/待监控 asked for the state 审核通过: a project reopened for a budget adjustment (its approved version
    still standing, the one 自评 and 运行监控 take) left both lists (replay-f). Now any project with an approved
    version is due until its official version is evaluated / monitored."""
    from tests.web.helpers import approve

    first, second = web.project_ids[:2]
    approve(web.app, first)
    approve(web.app, second)
    admin = web.client("admin")
    _step(admin, second, "reopen", "预算调整")  # a revision pending: the state is 草稿 again
    for todo in ("evaluate", "monitor"):
        page = admin.get(f"/projects?year=all&todo={todo}").text
        listed = set(map(int, re.findall(r'href="/projects/(\d+)"', page)))
        assert {first, second} <= listed, (todo, listed)
        assert not (listed - {first, second}), (todo, listed)  # the never-approved ones are not due
