"""Typed response models of the HTTP API (``/api/v1``), for OpenAPI and for checking what is sent.

The interchange models (:class:`InterchangeDocument` and its parts) mirror the perfbudget/1 JSON
Schema (``docs/interchange.schema.json``, served at ``/api/schema/perfbudget-1.json``); a test
checks that their fields and required fields are the schema's and that their output for the seed
validates against it. Every model forbids unknown keys, so a response that drifts from its model
fails loudly in the tests instead of being trimmed silently. Routes serialise with
``exclude_unset`` (:class:`perfbudget.web.api.openapi.TypedRoute`): a key the answer does not carry
is not added, so the JSON is the same as the dictionaries the endpoints build.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

DECIMAL = r"^-?[0-9]+(\.[0-9]+)?$"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# A request body's fields take their JSON types only: pydantic's lax mode read `true` as the integer 1 (the review
# batch's `version`, a project id), `"false"`, `"no"` or `0` as a boolean (an account's `active`, an import's
# `force`) and `2.0` or `"2"` as an integer, until attack40. Every body model of the API takes this configuration
# (`Body`, or `model_config = STRICT` beside a model allowing unknown keys); tests/security/test_attack40.py finds
# the routes' bodies and checks each.
STRICT = ConfigDict(strict=True)


class Body(BaseModel):
    model_config = Model.model_config | STRICT


# ---- errors -------------------------------------------------------------------------------------

class ErrorLocation(Model):
    location: str = Field(..., description="出错的位置（字段路径或文件位置）")
    message: str
    table: int | None = Field(None, description="JSON 文档中出错的项目表（从 1 起；null：整个文档）")
    name: str | None = Field(None, description="JSON 文档中出错的项目表的项目名称；筛选条件有误（invalid_filter）时为"
                                                "参数名，如 year")
    value: str | None = Field(None, description="筛选条件有误（invalid_filter）时：所写的值（去掉首尾空白，过长截短）")


class ErrorDetail(Model):
    code: str = Field(..., description="稳定的错误代码，如 not_found、stale_version、confirmation_required")
    message: str = Field(..., description="中文说明")
    details: list[ErrorLocation | str] | dict[str, int | None] | None = Field(
        None, description="细节：出错位置列表、问题说明列表，或如 {\"latest_version\": 3}")


class ErrorResponse(Model):
    """Every error of the API: ``{"error": {"code", "message", "details"}}``."""

    error: ErrorDetail


# ---- perfbudget/1 (docs/interchange.schema.json) ------------------------------------------------

def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for these error statuses, all in the one error shape."""
    shape = {"model": ErrorResponse, "description": '错误：{"error": {"code", "message", "details"}}'}
    return {status: shape for status in statuses}


class UnitRef(Model):
    code: str | None = Field(..., description="单位编码")
    name: str | None = Field(..., description="单位名称")


class Budget(Model):
    total: str | None = Field(..., pattern=DECIMAL, description="预算数（十进制字符串）")
    fiscal: str | None = Field(..., pattern=DECIMAL, description="其中：财政资金")
    other: str | None = Field(..., pattern=DECIMAL, description="其中：其他资金")
    # a self-evaluation's funds grid, its total row (optional: only where the table gives them)
    initial: str | None = Field(None, pattern=DECIMAL, description="年初预算数")
    executed: str | None = Field(None, pattern=DECIMAL, description="全年执行数")
    rate: str | None = Field(None, pattern=DECIMAL, description="执行率（百分数，98.5 即 98.5%）")
    weight: str | None = Field(None, pattern=DECIMAL, description="预算执行的分值")
    score: str | None = Field(None, pattern=DECIMAL, description="预算执行的得分")


class Period(Model):
    start: str
    end: str


class Due(Model):
    end_year: int | None = Field(..., ge=1000, le=9999)
    end_month: int = Field(..., ge=1, le=12)
    end_day: int | None = Field(..., ge=1, le=31)
    start_year: int | None = Field(..., ge=1000, le=9999)
    start_month: int | None = Field(..., ge=1, le=12)
    text: str


class Target(Model):
    raw: str = Field(..., description="指标值原文")
    kind: Literal["quantitative", "qualitative"]
    op: Literal[">=", "<=", "=", ">", "<"] | None
    value: str | None = Field(..., pattern=DECIMAL)
    unit: str | None
    direction: Literal["positive", "reverse", "exact"] | None
    upper: str | None = Field(None, pattern=DECIMAL, description="区间上限（如 90%-95%）")
    period: Period | None = None
    due: Due | None = Field(None, description="日期或期间目标（时效）的截止时间")


class Progress(Model):
    """A 监控表 indicator's monitoring columns typed (only the fields the table gives)."""

    actual: str | None = Field(None, description="本期（1-N 月）实际完成值原文")
    actual_value: str | None = Field(None, pattern=DECIMAL, description="实际完成值的数值（一个数时）")
    actual_unit: str | None = Field(None, description="实际完成值的单位")
    forecast: str | None = Field(None, description="全年预计完成情况原文")
    forecast_value: str | None = Field(None, pattern=DECIMAL, description="全年预计完成值的数值（一个数时）")
    forecast_unit: str | None = Field(None, description="全年预计完成值的单位")
    likelihood: Literal["确定能", "有可能", "完全不可能"] | None = Field(None, description="完成目标可能性")
    likelihood_text: str | None = Field(None, description="完成目标可能性原文")
    reason: str | None = Field(None, description="偏差原因")
    measure: str | None = Field(None, description="纠偏措施")


class Indicator(Model):
    level1: str = Field(..., description="一级指标")
    level2: str = Field(..., description="二级指标；表格没有二级指标（两级指标的表）时为空字符串")
    level3: str = Field(..., description="三级指标")
    description: str | None = Field(..., description="绩效指标描述")
    target: Target
    weight: str | None = Field(None, pattern=DECIMAL, description="分值（自评表）")
    actual: str | None = Field(None, description="实际完成值（自评表）")
    score: str | None = Field(None, pattern=DECIMAL, description="得分（自评表）")
    deviation: str | None = Field(None, description="偏差原因（自评表）")
    extras: list[list[str]] | None = Field(None, description="其他列：[表头, 内容]")
    progress: Progress | None = Field(None, description="监控表的监控列：本期实际、全年预计、可能性、偏差、纠偏")


class CutSource(Model):
    """A location in the file read (where a cut-off table broke)."""

    file: str
    line: int | None = Field(None, ge=1)
    sheet: str | None = None
    table: int | None = Field(None, ge=1)
    row: int | None = Field(None, ge=1)
    column: int | None = Field(None, ge=1)
    page: int | None = Field(None, ge=1)


class Project(Model):
    seq: int = Field(..., ge=1, description="表内序号")
    title: str | None
    name: str = Field(..., description="项目名称")
    fund_label: str | None
    fund_year: int | None = Field(..., description="资金年度")
    fund_source: str | None
    budget: Budget
    purpose: str | None = Field(..., description="资金用途")
    goals: list[str] = Field(..., description="绩效目标")
    indicators: list[Indicator]
    name_cell: str | None = None
    extras: list[list[str]] | None = Field(None, description="其他表头字段：[名称, 内容]")
    complete: bool | None = Field(None, description="只写作 false：表格不完整（截断），只含截断前读到的内容")
    cut: CutSource | None = Field(None, description="不完整表格的截断位置")
    needs_check: list[str] | None = Field(None, description="读取时的推测，需人工核对")
    # only where the table gives them: a 监控表's period, a 自评表's own total score and grade
    month: int | None = Field(None, ge=1, le=12, description="监控表的监控期间：1-N 月的 N")
    table_total: str | None = Field(None, pattern=DECIMAL, description="自评表自身写的自评总分")
    table_grade: Literal["优", "良", "中", "差"] | None = Field(None, description="自评表自身写的评价等级")


class InterchangeDocument(Model):
    """A document in the interchange format perfbudget/1 (绩效目标表 or 自评表)."""

    format: Literal["perfbudget/1"]
    kind: Literal["target", "self-evaluation", "monitoring"] | None = None
    unit: UnitRef
    money_unit: str | None = Field(..., description="金额单位：万元或元")
    projects: list[Project]


# The models that stand for each part of the schema (checked by tests/web/test_api_models.py).
SCHEMA_PARTS: dict[str, type[Model]] = {"": InterchangeDocument, "unit": UnitRef, "budget": Budget,
                                        "project": Project, "indicator": Indicator, "target": Target,
                                        "period": Period, "due": Due, "progress": Progress}


# ---- reviews ------------------------------------------------------------------------------------

class SourceRef(Model):
    file: str | None = None
    line: int | None = None
    sheet: str | None = None
    table: int | None = None
    row: int | None = None
    column: int | None = None
    page: int | None = None


class FindingOut(Model):
    rule: str
    dimension: str = Field(..., description="完整性/相关性/适当性/可行性/规范性")
    severity: Literal["error", "warning", "info"]
    project: int | None = Field(..., description="项目序号")
    indicator: int | None = Field(..., description="指标位置（从 1 起）")
    field: str | None
    message: str
    suggestion: str
    source: SourceRef | None


class StoredReview(Model):
    grade: str | None = Field(..., description="系统评定：优/良/中/差")
    reviewer_grade: str | None = Field(None, description="审核人员评定（正式等级；未评定时为 null）")
    basis: list[str] = Field([], description="系统评定的等级依据：决定等级的规则与影响最大的审核意见"
                                             "（与 perfbudget review 的「等级依据」相同）")
    findings: list[FindingOut]


class ProjectGrade(Model):
    seq: int | None
    name: str
    grade: str
    errors: int
    warnings: int
    infos: int
    category: str | None
    complete: bool
    basis: list[str]


class ReviewReport(Model):
    format: str
    projects: list[ProjectGrade]
    findings: list[FindingOut]


# ---- projects -----------------------------------------------------------------------------------

class Me(Model):
    id: int
    username: str
    role: Literal["admin", "reviewer", "unit_editor", "viewer"]
    unit_code: str | None


class RuleOut(Model):
    """One review rule as every face lists it (``perfbudget rules --json``, ``review.catalogue.catalogue_dicts``)."""

    id: str = Field(..., description="规则编号，如 rate-over-100（审核意见的 rule）")
    title: str = Field(..., description="规则名称")
    dimension: Literal["完整性", "相关性", "适当性", "可行性", "规范性"]
    severity: Literal["error", "warning", "info"]
    severity_label: Literal["错误", "警告", "提示"]
    params: dict[str, str] = Field(..., description="可在审核配置中调整的参数及其默认值（按 TOML 写法）")
    description: str = Field(..., description="规则检查什么（中文）")


class ProjectSummary(Model):
    id: int
    name: str
    fund_label: str | None
    fund_year: int | None
    unit: UnitRef
    version: int = Field(..., description="正式版本号")
    budget_total: str | None = Field(..., pattern=DECIMAL)
    money_unit: str | None
    indicator_count: int | None
    review_grade: str | None = Field(..., description="系统评定")
    reviewer_grade: str | None = Field(..., description="审核人员评定（未评定时为 null）")
    grade: str | None = Field(..., description="正式等级：审核人员评定，未评定时为系统评定")
    state: str
    evaluation_grade: str | None
    evaluation_total: str | None = Field(None, description="最近一次自评的总分（未自评时为 null）")
    latest_version: int


class ProjectPage(Model):
    total: int = Field(..., description="符合条件的项目总数")
    limit: int
    offset: int
    items: list[ProjectSummary]


class TodoCount(Model):
    key: str = Field(..., description="submitted、returned、draft、evaluate、monitor、approved（查看人员）")
    label: str = Field(..., description="待审核、被退回、草稿、待自评、待监控……（其他年度：「2023 年度被退回」）")
    count: int


class TodoProject(ProjectSummary):
    errors: int | None = Field(None, description="最近一次审核的错误数（不含已驳回的审核发现，与审核等级同据）")
    warnings: int | None = Field(None, description="最近一次审核的警告数（不含已驳回的审核发现）")
    submitted_at: str | None = Field(None, description="送审时间（ISO 8601，UTC）")
    comment: str | None = Field(None, description="被退回的项目：最近一次退回意见")


class Todo(Model):
    year: int | None = Field(..., description="所列年度（不给 year 时为有待办工作的年度；all：null，全部年度）")
    role: str
    items: list[TodoCount] = Field(..., description="本年度的待办及其数量，与网页首页相同")
    elsewhere: list[TodoCount] = Field(..., description="其他年度仍待处理的（被退回、待审核）")
    returned: list[TodoProject] = Field(..., description="被退回的项目及退回意见（填报人员、管理员；至多 10 个）")
    queue: list[TodoProject] = Field(..., description="审核队列，先送审的在前（审核人员、管理员；至多 10 个）")


class IndicatorRow(Model):
    project_id: int
    project: str = Field(..., description="项目名称")
    fund_label: str | None
    unit_code: str | None
    version: int = Field(..., description="指标所在的版本：正式版本（latest=1 时为最新版本）")
    latest_version: int
    position: int = Field(..., description="指标在该版本中的序号")
    level1: str | None
    level2: str | None
    level3: str | None
    target: str = Field(..., description="指标值（填写原文）")


class UnitRow(Model):
    id: int = Field(..., description="单位编号：unit=by-id/N 中的 N")
    code: str | None = Field(..., description="单位编码（没有时为 null，用 by-name/名称 或 by-id/编号 指它）")
    name: str | None
    projects: int = Field(..., description="项目数（给了 year 时为该年度的）")


class UnitPage(Model):
    total: int
    total_capped: bool
    limit: int
    offset: int
    items: list[UnitRow]


class IndicatorPage(Model):
    total: int = Field(..., description="符合条件的指标总数（有搜索时至多计到 1,000，见 total_capped）")
    total_capped: bool = Field(..., description="true：总数至少为 total")
    limit: int
    offset: int
    items: list[IndicatorRow]


class ProjectDetail(Model):
    project_id: int
    version: int
    latest_version: int
    official_version: int
    revision_pending: bool
    state: str
    state_label: str
    review: StoredReview
    document: InterchangeDocument


class EditResult(Model):
    status: str
    message: str
    version: int | None


# ---- imports ------------------------------------------------------------------------------------

class TableFateOut(Model):
    position: int
    name: str
    fate: Literal["new", "unchanged", "changed", "revision", "confirm", "refused", "incomplete"]
    project_id: int | None
    latest_version: int | None
    message: str


class StoredVersionRef(Model):
    position: int
    project_id: int
    version: int
    version_id: int
    created: bool
    name: str


class RefusedTable(Model):
    source: SourceRef
    message: str


class ProblemOut(Model):
    source: SourceRef
    severity: Literal["error", "warning", "info"]
    message: str


class ImportResult(Model):
    """A dry run (``status`` dry_run: ``review`` and ``plan`` only) or an import's outcome."""

    status: str = Field(..., description="dry_run / imported / unchanged")
    file: str | None = Field(None, description="所导入的文件（上传的文件名；JSON 文档为「JSON 文档（提交人）」）")
    name: str | None = Field(None, description="库中记录的文件名（历史版本的「导入自」、审核记录与审计日志所用），"
                                               "与 perfbudget import --json 的 name 相同")
    document_id: int | None = None
    new_projects: int | None = None
    changed_projects: int | None = None
    unchanged_projects: int | None = None
    same_file_as: int | None = Field(None, description="与之字节相同、已导入过的文档编号（导入为 unchanged）")
    versions: list[StoredVersionRef] | None = None
    notices: list[str] | None = Field(None, description="修订稿、按确认导入等说明")
    refused_tables: list[RefusedTable] | None = Field(None, description="未导入的不完整表格，及有错误的表格")
    problems: list[ProblemOut] | None = None
    project_ids: list[int] | None = None
    review: ReviewReport
    plan: list[TableFateOut] = Field(..., description="每张表导入后会怎样")


# ---- history, workflow ---------------------------------------------------------------------------

class ChangeOut(Model):
    kind: str
    subject: str | None
    field: str | None
    old: str | None
    new: str | None
    message: str


class VersionEntry(Model):
    version: int
    document_id: int
    file: str | None
    sha256: str | None
    imported_at: str
    indicator_count: int | None
    budget_total: str | None
    changes: list[ChangeOut] = Field(..., description="本页的改动（changes_limit、changes_offset 分页）")
    changes_total: int = Field(..., description="这一版的改动总数")
    username: str | None
    display_name: str | None = Field(None, description="该账号的显示名称（没有时为 null）")
    user_label: str | None = Field(None, description="给人看的修改人：显示名称，没有时为账号名")
    via: str | None
    how: str | None = Field(None, description="这一版从哪里来：网页修改、接口修改、命令行导入、网页上传、"
                                              "接口导入、网页申报；未记录修改人时为「导入」")
    source: str | None = Field(None, description="给人看的来源：导入的文件名，修改时为「网页修改」等（不含账号名）")
    fingerprint: str | None = Field(None, description="同名的文件在该项目的历史中有不同内容时，该文件 SHA-256 的前 8 位"
                                                      "（区分两个文件夹中的同名文件）；否则为 null")


class WorkflowEvent(Model):
    id: int
    project_id: int
    version_number: int | None
    action: str
    from_state: str
    to_state: str
    comment: str | None
    justification: str | None
    user_id: int | None
    username: str | None
    display_name: str | None = Field(None, description="该账号的显示名称（没有时为 null）")
    user_label: str | None = Field(None, description="给人看的操作人：显示名称，没有时为账号名")
    at: str


class History(Model):
    total: int = Field(..., description="项目的版本总数")
    limit: int = Field(..., description="本页最多几个版本（最早的在前）")
    offset: int = Field(..., description="本页从第几个版本之后开始")
    changes_limit: int = Field(..., description="每个版本最多列出几处改动")
    changes_offset: int = Field(..., description="每个版本的改动从第几处之后开始")
    versions: list[VersionEntry]
    workflow_total: int = Field(..., description="项目的流程记录总数")
    workflow_limit: int = Field(..., description="本页最多几条流程记录（最早的在前）")
    workflow_offset: int = Field(..., description="本页流程记录从第几条之后开始")
    workflow: list[WorkflowEvent]


class StepResult(Model):
    state: str
    state_label: str
    message: str
    version: int | None = Field(None, description="这一步所在的版本（审核通过的即被审核通过的版本）")


# ---- the reviewer's desk (web/api/desk.py; app.review_desk.desk_dict) --------------------------

class DeskProjectUnit(Model):
    code: str | None
    name: str | None


class DeskProject(Model):
    id: int
    name: str
    fund_label: str | None
    unit: DeskProjectUnit
    version: int = Field(..., description="审核台所示的版本（正式版本）")
    state: str


class DeskDecision(Model):
    decision: Literal["dismissed", "confirmed"]
    label: str
    reason: str
    username: str | None
    display_name: str | None = Field(None, description="该账号的显示名称（没有时为 null）")
    user_label: str | None = Field(None, description="给人看的人名：显示名称，没有时为账号名")
    at: str
    carried: bool = Field(..., description="true：在较早版本上作出，单元格未变，沿用至今")


class DeskFinding(Model):
    number: int = Field(..., description="在审核台上的序号（从 1 起）")
    key: str = Field(..., description="标识：规则与单元格内容的散列，单元格不变时跨版本不变")
    rule: str
    severity: str
    severity_label: str = Field(..., description="错误、警告或提示")
    dimension: str
    message: str
    suggestion: str
    place: str = Field(..., description="所在位置，如「第 7 个指标「…」的指标值」")
    decision: DeskDecision | None


class DeskComment(Model):
    place: str
    label: str
    text: str
    username: str | None
    display_name: str | None = Field(None, description="该账号的显示名称（没有时为 null）")
    user_label: str | None = Field(None, description="给人看的人名：显示名称，没有时为账号名")
    at: str
    version: int | None = Field(None, description="较早版本上的意见：所在版本号")


class DeskGrade(Model):
    grade: str
    reason: str | None
    username: str | None
    display_name: str | None = Field(None, description="该账号的显示名称（没有时为 null）")
    user_label: str | None = Field(None, description="给人看的人名：显示名称，没有时为账号名")
    at: str


class DeskPlace(Model):
    place: str
    label: str


class Desk(Model):
    project: DeskProject
    grade: str | None = Field(..., description="系统评定等级")
    basis: list[str] = Field([], description="系统评定的等级依据：决定等级的规则与影响最大的审核意见")
    official_grade: str | None = Field(..., description="正式等级：审核人员评定的，没有时为系统评定的")
    reviewer_grade: DeskGrade | None
    may_review: bool
    conclusions: list[str] = Field(..., description="现在可以采取的结论步骤（approve / return）")
    findings: list[DeskFinding]
    comments: list[DeskComment]
    earlier_comments: list[DeskComment]
    places: list[DeskPlace]


class DeskSaved(Model):
    message: str


class BatchItem(Model):
    project_id: int
    ok: bool
    state: str | None
    state_label: str | None
    message: str
    version: int | None = Field(None, description="处理了的项目：这一步所在的版本（审核通过的即被审核通过的版本）")


class BatchUnresolved(Model):
    reference: str
    message: str


class BatchResult(Model):
    message: str = Field(..., description="与审核队列页相同的说明：审核通过或退回了哪几个项目，未处理的各原因及其项目")
    done: int
    results: list[BatchItem]
    unresolved: list[BatchUnresolved] = Field(
        default_factory=list, description="未找到的项目（perfbudget desk batch 按名称给出时；API 按编号，恒为空）")


# ---- self-evaluation ----------------------------------------------------------------------------

class IndicatorScore(Model):
    position: int
    level1: str
    level2: str
    level3: str
    target: str
    actual: str
    actual_value: str | None
    grade: str | None
    weight: str = Field(..., description="分值（两位小数）")
    score: str = Field(..., description="得分（两位小数）")
    weight_exact: str | None
    score_exact: str | None
    formula: str
    explanation: str
    flags: list[str]
    deviation: str | None
    source: SourceRef | None


class Pool(Model):
    level1: str
    weight: str
    weight_exact: str | None


class ProjectEvaluationOut(Model):
    seq: int
    title: str | None
    form: str | None = Field(None, description="所评表格的种类：项目支出绩效自评表或部门整体支出绩效自评表")
    name: str
    name_cell: str | None
    fund_year: int | None
    total: str
    total_exact: str | None
    grade: str
    execution_score: str
    execution_score_exact: str | None
    execution_weight: str | None
    execution_rate: str | None
    execution_explanation: str
    initial_budget: str | None
    fiscal: str | None
    other: str | None
    budget: str | None
    executed: str | None
    goals: list[str]
    goal_result: str | None
    pools: list[Pool]
    notes: list[str]
    department: str | None
    implementer: str | None
    table_total: str | None = Field(None, description="自评表自身写的自评得分（无则为空）")
    table_grade: str | None = Field(None, description="自评表自身写的评价等级（无则为空）")
    indicators: list[IndicatorScore]


class EvaluationOut(Model):
    format: str
    unit: UnitRef
    money_unit: str | None
    weights: dict[str, str] = Field(..., description="各部分分值：预算执行率与各一级指标")
    reverse: str
    document_file: str | None
    actuals_file: str | None
    projects: list[ProjectEvaluationOut]


class EvaluationRecord(Model):
    """One saved 自评 or 运行监控 of a project (``perfbudget evaluations PROJECT --json``'s items)."""

    id: int = Field(..., description="记录编号")
    version_id: int
    project_id: int
    version: int | None = Field(..., description="所评的项目版本")
    year: int = Field(..., description="评价年度")
    kind: str = Field(..., description="self-evaluation（自评）或 monitoring（运行监控）")
    kind_label: str = Field(..., description="自评 或 运行监控")
    month: int | None = Field(..., description="运行监控：截至月份")
    total: str | None = Field(..., description="自评：总分")
    grade: str | None = Field(..., description="自评：等级")
    colour: str | None = Field(..., description="运行监控：项目的预警灯（red、yellow、green、blue）")
    colour_label: str | None = Field(..., description="运行监控：预警灯的中文（红灯、黄灯、绿灯、蓝灯）；自评为 null")
    actor: str | None = Field(..., description="填报人的账号名（保存时的）")
    display_name: str | None = Field(..., description="填报人账号的显示名称（没有时为 null）")
    user_label: str | None = Field(..., description="给人看的填报人：显示名称，没有时为账号名")
    created_at: str
    sheet: str | None = Field(..., description="填报表的文件名")


class ReviewRecordOut(Model):
    """One saved review of a project version (``perfbudget reviews PROJECT --json``'s ``reviews``)."""

    id: int = Field(..., description="记录编号")
    version_id: int
    project_id: int
    version: int | None = Field(..., description="所审的项目版本")
    year: int | None
    grade: str | None = Field(..., description="系统评定的审核等级")
    errors: int = Field(..., description="错误数：审核等级所计的（重新评定的记录不含已驳回的审核发现）")
    warnings: int = Field(..., description="警告数：同上")
    actor: str | None = Field(..., description="审核人（账号名，命令行的 --actor，或「perfbudget serve」等）")
    display_name: str | None = Field(..., description="审核人账号的显示名称（没有时为 null）")
    user_label: str | None = Field(..., description="给人看的审核人：显示名称，没有时为 actor")
    created_at: str
    regraded: bool = Field(False, description="驳回/确认审核发现后按保留的审核发现重新评定的记录（审核发现同上一条，"
                                              "actor 为处理人）")
    regraded_inferred: bool = Field(False, description="regraded 为据历史记录推断（标记重新评定之前保存的记录），"
                                                       "而非记录本身所标")


class SavedReviewOut(ReviewRecordOut):
    """One saved review with its findings (``perfbudget reviews PROJECT --show N``; since replay-s)."""

    report: ReviewReport = Field(..., description="保存的审核结果本身（同 perfbudget reviews 项目 --show 编号 --json）")


class ReviewerGradeRecord(Model):
    id: int
    version: int = Field(..., description="所评的项目版本")
    grade: str = Field(..., description="审核人员评定的等级（该版本最新的一条为正式等级）")
    reason: str | None
    actor: str | None = Field(..., description="评定的账号")
    display_name: str | None = Field(..., description="该账号的显示名称（没有时为 null）")
    user_label: str | None = Field(..., description="给人看的评定人：显示名称，没有时为账号名")
    created_at: str


class ReviewRecords(Model):
    project_id: int
    reviews: list[ReviewRecordOut] = Field(..., description="历次保存的审核结果，最早的在前")
    reviewer_grades: list[ReviewerGradeRecord] = Field(..., description="审核人员的评定，最早的在前")


class EvaluationRecords(Model):
    project_id: int
    evaluations: list[EvaluationRecord] = Field(..., description="历次记录，最早的在前")


class SavedBy(Model):
    """Who saved a 自评 or 运行监控: the account as saved and what people are shown."""

    actor: str | None = Field(..., description="填报人的账号名")
    display_name: str | None = Field(..., description="填报人账号的显示名称（没有时为 null）")
    user_label: str | None = Field(..., description="给人看的填报人：显示名称，没有时为账号名")


class StoredEvaluation(SavedBy):
    total: str | None = Field(..., description="总分（各项得分之和）")
    grade: str | None
    version: int | None = Field(..., description="自评所用的项目版本")
    evaluation: EvaluationOut
    notes: list[str] = Field([], description="打分时的提示与警告，同网页的「提示」（如自评表中写的自评得分与按评分规则"
                                             "计算的总分是否一致）")


class IndicatorProgressOut(Model):
    position: int
    level1: str
    level2: str
    level3: str
    target: str
    actual: str = Field(..., description="1-M月执行情况（填写原文）")
    actual_value: str | None = Field(..., description="换算到指标值单位的执行数")
    progress: str | None = Field(..., description="进度（比值；反向与定性指标为 null）")
    light: Literal["red", "yellow", "green", "blue"]
    light_label: str = Field(..., description="红灯 / 黄灯 / 绿灯 / 蓝灯")
    explanation: str
    likelihood: str | None = Field(..., description="完成目标可能性")
    forecast: str | None = Field(..., description="全年预计完成情况")
    reason: str | None = Field(..., description="偏差原因（经费保障、制度保障、人员保障、硬件条件保障、其他）")
    deviation: str | None = Field(..., description="偏差原因分析")
    remark: str | None
    source: SourceRef | None


class ProjectMonitorOut(Model):
    seq: int
    name: str
    name_cell: str | None
    month: int
    year: int | None = Field(None, description="监控年度（项目资金年度；已保存的结果为其保存年度），未知时为 null")
    budget: str | None
    executed: str | None
    budget_progress: str | None = Field(..., description="预算执行进度：执行率 ÷ (M/12)")
    budget_light: Literal["red", "yellow", "green", "blue"]
    budget_light_label: str
    budget_explanation: str
    colour: Literal["red", "yellow", "green", "blue"] = Field(..., description="项目预警：各指标中最差的")
    colour_label: str
    indicators: list[IndicatorProgressOut]


class MonitoringOut(Model):
    format: str
    month: int = Field(..., description="监控截至月份 M（1-M月）")
    unit: UnitRef
    money_unit: str | None
    scale_rates: bool
    document_file: str | None
    actuals_file: str | None
    projects: list[ProjectMonitorOut]


class SavedEvaluationOut(EvaluationRecord):
    """One saved 自评 or 运行监控 with its result (``perfbudget evaluations PROJECT --show N``; since replay-s)."""

    evaluation: EvaluationOut | None = Field(None, description="自评记录：保存的自评结果（同 perfbudget evaluations "
                                                               "项目 --show 编号 --json）")
    monitoring: MonitoringOut | None = Field(None, description="运行监控记录：保存的监控结果")


class StoredMonitoring(SavedBy):
    month: int
    colour: str = Field(..., description="项目预警颜色（red / yellow / green / blue）")
    colour_label: str = Field(..., description="预警颜色的中文：红灯、黄灯、绿灯、蓝灯")
    version: int | None = Field(..., description="监控所用的项目版本")
    monitoring: MonitoringOut


# ---- dashboard, audit ---------------------------------------------------------------------------

class GradeCounts(Model):
    优: int
    良: int
    中: int
    差: int
    未审核: int | None = None
    未自评: int | None = None


class SeverityCounts(Model):
    error: int
    warning: int
    info: int


class DimensionCounts(Model):
    完整性: SeverityCounts
    相关性: SeverityCounts
    适当性: SeverityCounts
    可行性: SeverityCounts
    规范性: SeverityCounts
    其他: SeverityCounts | None = None


class StateCounts(Model):
    draft: int
    submitted: int
    returned: int
    approved: int


class DashboardOut(Model):
    year: int | None
    units: int
    projects: int
    budget_total: str = Field(..., description="预算总额（万元）")
    review_grades: GradeCounts
    findings_by_dimension: DimensionCounts
    evaluation_grades: GradeCounts
    workflow_states: StateCounts


class AuditChange(Model):
    """One field an audit entry changed, as people read it."""

    field: str = Field(description="字段的中文名称，如 流程状态、第 3 个指标「…」 指标值")
    before: str | None = Field(description="修改前的值（文字；null：此前没有）")
    after: str | None = Field(description="修改后的值（文字；null：已去掉）")


class AuditEntryOut(Model):
    id: int
    at: str
    user: str | None
    user_label: str | None = Field(None, description="操作人的显示名称，没有时为账号名（与网页「审计日志」相同）")
    action: str
    action_label: str = Field(description="操作的中文名称（如 审核通过），与 perfbudget audit --json 相同")
    object_type: str
    object_label: str = Field(description="对象的中文名称（项目、文件、账号、API 令牌、指标组）")
    object_id: str | None
    object_name: str | None = Field(None, description="对象的名称：项目为「名称」（资金），账号为显示名称；"
                                                      "其他对象或已不存在时为 null")
    object_text: str = Field("", description="对象，供人阅读：如 项目「某项目」（资金）、账号 王小明、API 令牌 6"
                                             "（与网页相同）")
    unit_code: str | None
    summary: str
    before: Any = Field(None, description="修改前（JSON，随操作而定；修改项目时为交换格式文档）")
    after: Any = Field(None, description="修改后（JSON，随操作而定）")
    ip: str | None
    values_omitted: bool = Field(False, description="列表中修改前或修改后超过 20,000 个字符，未给出（为 null）；"
                                                    "用 GET /api/v1/audit/{entry_id} 读取整条")
    changes: list[AuditChange] = Field(default_factory=list, description=(
        "改了什么，供人阅读：每个字段的中文名称与修改前、修改后的文字（与 perfbudget audit 和网页相同）；"
        "before/after 为机器读取的 JSON"))


class AuditPage(Model):
    total: int
    limit: int | None = None
    offset: int | None = None
    items: list[AuditEntryOut]


# ---- indicator library ---------------------------------------------------------------------------

class LibraryProject(Model):
    """A project the library names (an example, or a similar project), with its unit and year."""

    project_id: int
    project: str
    fund_label: str | None
    year: int | None
    unit_code: str | None
    unit: str | None


class LibraryExample(LibraryProject):
    indicator: str
    target: str | None
    link: str = Field(..., description="项目页的地址")


class LibraryGroup(Model):
    id: int = Field(..., description="组编号（GET /api/v1/library/groups/{id}）")
    name: str
    count: int = Field(..., description="组内指标数")
    units: int = Field(..., description="使用这组指标的单位数")
    level1: str | None
    level2: str | None
    measure_unit: str | None = Field(..., description="最常用的计量单位")
    direction: str | None = Field(..., description="positive（越大越好）/ reverse（越小越好）/ exact")
    targets: dict[str, str | None] = Field(..., description="该计量单位的指标值分布：min、p25、p50、p75、max")
    examples: list[LibraryExample]


class LibrarySearch(Model):
    groups: list[LibraryGroup]


class LibraryExportGroup(LibraryGroup):
    """One group of the exported library (``perfbudget library export --to json``): a group as the search gives
    it, with its measures and names."""

    qualitative_share: str = Field(..., description="定性指标值的占比（0–1）")
    measures: list[dict[str, str | int | None]] = Field(..., description="每个计量单位：指标数、单位数与分布")
    names: list[str] = Field(..., description="组内的指标名称（归一化后）")


class LibraryExport(Model):
    groups: list[LibraryExportGroup]


class LibraryName(Model):
    name: str
    used: int
    reason: str = Field(..., description="归入本组的理由")
    score: float
    spellings: list[str]


class LibraryGroupDetail(LibraryGroup):
    leader: str = Field(..., description="代表名称")
    levels: list[list[str | int]] = Field(..., description="[一级指标, 二级指标, 指标数]，按指标数")
    directions: dict[str, int]
    qualitative: int
    qualitative_share: str = Field(..., description="定性指标值的占比（0–1）")
    qualitative_percent: str = Field(..., description="同一占比，按人读的写法（如「100%」「33%」），同 CLI 与网页")
    measures: list[dict[str, str | int | None]] = Field(..., description="每个计量单位：指标数、单位数、"
                                                                      "min、p10、p25、p50、p75、p90、max")
    names: list[LibraryName]


class SimilarIndicator(Model):
    level1: str
    level2: str
    level3: str
    target: str | None


class SimilarProject(LibraryProject):
    score: float = Field(..., description="相似度（共用的指标组、名称和资金用途）")
    shared_groups: int
    link: str
    indicators: list[SimilarIndicator]


class SimilarProjects(Model):
    project_id: int
    similar: list[SimilarProject]
