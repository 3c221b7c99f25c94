use leptos::prelude::*;
use shared::money::format_yuan;
use shared::monitoring::Light;

use super::report_detail::ReportDetail;
use crate::api::monitoring::{self, ProjectReport};
use crate::api::{ApiError, Connection};
use crate::components::{AsyncSection, EmptyState, EnumSelect, LightBadge, Pager, PagerState};
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
        self.pager.reset();
        self.open.set(None);
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
    let page = LocalResource::new(move || {
        decided.track();
        monitoring::reports(round_id.get_value(), filters.light.get(), filters.unit.get(), filters.pager.after())
    });
    let reset = Callback::new(move |()| {
        filters.pager.reset();
        filters.open.set(None);
    });
    let on_decided = Callback::new(move |()| decided.update(|n| *n += 1));
    let unit_options = move || {
        units
            .get()
            .into_iter()
            .map(|(id, name)| {
                let selected = {
                    let id = id.clone();
                    move || filters.unit.get().as_deref() == Some(id.as_str())
                };
                view! { <option value=id prop:selected=selected>{name}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="toolbar">
            <label>
                "灯"
                <EnumSelect
                    id="light-filter"
                    options=Light::ALL
                    value=filters.light
                    label=Light::label
                    code=Light::as_str
                    parse=Light::parse
                    any_label="全部"
                    on_change=reset
                />
            </label>
            <label>
                "单位"
                <select
                    id="unit-filter"
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filters.pick_unit(Some(value).filter(|v| !v.is_empty()));
                    }
                >
                    <option value="" prop:selected=move || filters.unit.get().is_none()>
                        "全部单位"
                    </option>
                    {unit_options}
                </select>
            </label>
        </div>
        <AsyncSection>
            {move || Suspend::new(async move {
                let connection = page.await?;
                Ok::<_, ApiError>(report_table(connection, round_id.get_value(), filters, can_decide, on_decided))
            })}
        </AsyncSection>
    }
}

fn report_table(
    connection: Connection<ProjectReport>,
    round_id: String,
    filters: ReportFilters,
    can_decide: bool,
    on_decided: Callback<()>,
) -> AnyView {
    if connection.edges.is_empty() {
        return view! { <EmptyState text="没有符合条件的项目报告。" /> }.into_any();
    }
    let total = connection.total_count;
    let next_cursor = connection.next_cursor();
    let round_id = StoredValue::new(round_id);
    let rows = connection
        .into_nodes()
        .into_iter()
        .map(|report| {
            let pid = report.project.id.clone();
            let is_open = {
                let pid = pid.clone();
                move || filters.open.with(|o| o.as_deref() == Some(pid.as_str()))
            };
            let budget = report.project.approved_amount.unwrap_or(report.project.requested_amount);
            let decision = report.decision.as_ref().and_then(|d| d.kind).map_or("—", |k| k.label());
            let (exec_light, light) = (report.execution_light, report.light);
            let toggle = {
                let pid = pid.clone();
                move |_| filters.open.update(|o| *o = if o.as_deref() == Some(pid.as_str()) { None } else { Some(pid.clone()) })
            };
            let report = StoredValue::new(report);
            let detail = {
                let is_open = is_open.clone();
                move || {
                    is_open().then(|| {
                        view! {
                            <tr class="details">
                                <td colspan="10">
                                    <ReportDetail report=report.get_value() round_id=round_id.get_value() can_decide on_decided />
                                </td>
                            </tr>
                        }
                    })
                }
            };
            let r = report.get_value();
            view! {
                <tr data-project=pid.clone() data-light=light.map_or("", Light::as_str)>
                    <td>{r.project.code.clone()}</td>
                    <td class="wrap">{r.project.name.clone()}</td>
                    <td>{r.unit.name.clone()}</td>
                    <td class="num">{format_yuan(budget)}</td>
                    <td class="num">{format_yuan(r.executed_amount)}</td>
                    <td class="num">{percent(r.execution_rate)}</td>
                    <td><LightBadge light=Signal::derive(move || exec_light) /></td>
                    <td><LightBadge light=Signal::derive(move || light) class="report-light" /></td>
                    <td class="report-decision">{decision}</td>
                    <td class="actions">
                        <button type="button" class="secondary small report-open" id=format!("open-report-{pid}") on:click=toggle>
                            {move || if is_open() { "收起" } else { "查看报告" }}
                        </button>
                    </td>
                </tr>
                {detail}
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="data" id="round-reports">
                <thead>
                    <tr>
                        <th>"项目编码"</th>
                        <th>"项目名称"</th>
                        <th>"单位"</th>
                        <th class="num">"批复金额(元)"</th>
                        <th class="num">"执行金额(元)"</th>
                        <th class="num">"执行率"</th>
                        <th>"执行灯"</th>
                        <th>"项目灯"</th>
                        <th>"处理决定"</th>
                        <th>"操作"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <Pager state=filters.pager total next_cursor total_id="round-reports-total" />
    }
    .into_any()
}
