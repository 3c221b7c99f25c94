use leptos::prelude::*;
use shared::monitoring::Light;

use super::report_detail::ReportDetail;
use crate::api::monitoring::{self, ProjectReport};
use crate::components::{Column, EnumFilter, FilterBar, IdSelect, PagedTable, PagerState, RowDetail};
use crate::format::percent;

/// The filters of the project list, shared with the units × lights grid.
#[derive(Debug, Clone, Copy)]
pub struct ReportFilters {
    pub light: RwSignal<Option<Light>>,
    pub unit: RwSignal<Option<String>>,
    pub pager: PagerState,
    /// The project whose report is open.
    pub open: RwSignal<Option<String>>,
}

impl ReportFilters {
    pub fn new() -> Self {
        ReportFilters {
            light: RwSignal::new(None),
            unit: RwSignal::new(None),
            pager: PagerState::new(),
            open: RwSignal::new(None),
        }
    }

    /// Shows one unit's projects from the first page.
    pub fn pick_unit(&self, unit: Option<String>) {
        self.unit.set(unit);
        self.reset();
    }

    /// Back to the first page, every report folded.
    pub fn reset(&self) {
        self.pager.reset();
        self.open.set(None);
    }

    fn is_open(&self, report: &ProjectReport) -> bool {
        self.open.with(|o| o.as_deref() == Some(report.project.id.as_str()))
    }
}

impl Default for ReportFilters {
    fn default() -> Self {
        Self::new()
    }
}

/// The round's project reports, paged, filtered by light and unit; a row
/// opens the report (and the decision form for the 绩效股).
#[component]
pub fn RoundReports(
    round_id: String,
    filters: ReportFilters,
    /// (id, name) of the units that can be picked.
    #[prop(into)]
    units: Signal<Vec<(String, String)>>,
    can_decide: bool,
    /// Bumped after a decision; the list re-reads.
    decided: RwSignal<u32>,
) -> impl IntoView {
    let round_id = StoredValue::new(round_id);
    let reset = Callback::new(move |()| filters.reset());
    let on_decided = Callback::new(move |()| decided.update(|n| *n += 1));
    let detail = RowDetail::new(
        move |r: &ProjectReport| filters.is_open(r),
        move |r: &ProjectReport| {
            view! { <ReportDetail report=r.clone() round_id=round_id.get_value() can_decide on_decided /> }
        },
    );
    let load = move |after| {
        decided.track();
        monitoring::reports(round_id.get_value(), filters.light.get(), filters.unit.get(), after)
    };
    view! {
        <FilterBar>
            <EnumFilter label="灯" id="light-filter" value=filters.light on_change=reset />
            <label>
                "单位"
                {move || view! { <IdSelect id="unit-filter" value=filters.unit options=units.get() placeholder="全部单位" on_change=reset /> }}
            </label>
        </FilterBar>
        <PagedTable id="round-reports" total_id="round-reports-total" empty="没有符合条件的项目报告。"
            columns=report_columns(filters) row_key=|r: &ProjectReport| r.project.id.clone() detail pager=filters.pager load />
    }
}

fn report_columns(filters: ReportFilters) -> Vec<Column<ProjectReport>> {
    vec![
        Column::new("项目编码", |r: &ProjectReport| r.project.code.clone()),
        Column::new("项目名称", |r: &ProjectReport| r.project.name.clone()).wrap(),
        Column::new("单位", |r: &ProjectReport| r.unit.name.clone()),
        Column::yuan("批复金额(元)", |r: &ProjectReport| {
            Some(r.project.approved_amount.unwrap_or(r.project.requested_amount))
        }),
        Column::yuan("执行金额(元)", |r: &ProjectReport| Some(r.executed_amount)),
        Column::num("执行率", |r: &ProjectReport| percent(r.execution_rate)),
        Column::light("执行灯", |r: &ProjectReport| r.execution_light),
        Column::light("项目灯", |r: &ProjectReport| r.light).class("report-light"),
        Column::new("处理决定", |r: &ProjectReport| {
            r.decision.as_ref().and_then(|d| d.kind).map_or("—", |k| k.label())
        })
        .class("report-decision"),
        Column::new("操作", move |r: &ProjectReport| {
            let pid = r.project.id.clone();
            let report = StoredValue::new(r.clone());
            let is_open = move || report.with_value(|r| filters.is_open(r));
            view! {
                <button
                    type="button"
                    class="secondary small report-open"
                    id=format!("open-report-{pid}")
                    on:click=move |_| filters.open.set(if is_open() { None } else { Some(pid.clone()) })
                >
                    {move || if is_open() { "收起" } else { "查看报告" }}
                </button>
            }
        })
        .class("actions"),
    ]
}
