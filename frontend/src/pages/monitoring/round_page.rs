use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_params_map;
use shared::permissions::Capability;

use super::figures::MonitoringFigures;
use super::import_panel::ImportPanel;
use super::round_header::{RoundFacts, RoundRoute, round_title};
use super::round_reports::{ReportFilters, RoundReports};
use super::round_units::RoundUnits;
use super::unit_lights::UnitLightsGrid;
use crate::api::monitoring::{self, Round};
use crate::components::{Card, Loaded};
use crate::contexts::use_session;

/// `/monitoring/:round_id`: the round's dashboard. The 绩效股 sees the
/// figures, the units × lights grid, every project's report with the decision
/// form, and may import execution data; business sections see their units
/// and review (审核) submitted reports; leadership reads. Units are sent to
/// their report form.
#[component]
pub fn RoundPage() -> impl IntoView {
    let params = use_params_map();
    let session = use_session();
    let round_id = move || params.with(|p| p.get("round_id")).unwrap_or_default();
    if session.can_untracked(Capability::EditTargets) {
        return (move || view! { <Redirect path=format!("/monitoring/{}/report", round_id()) /> }).into_any();
    }
    view! {
        <RoundRoute title="绩效监控看板" missing="监控任务不存在，或您无权查看。" let:round>
            <RoundDashboard round />
        </RoundRoute>
    }
    .into_any()
}

#[component]
fn RoundDashboard(round: Round) -> impl IntoView {
    let session = use_session();
    let can_decide = session.can_untracked(Capability::OrganiseReviews);
    let can_review = session.can_untracked(Capability::ReviewTargets);
    let can_stats = session.can_untracked(Capability::ReadCountyOverview);
    let round_id = round.id.clone();
    // Bumped after a decision or an import: figures, grid and list re-read.
    let changed = RwSignal::new(0u32);
    let filters = ReportFilters::new();
    let stats = LocalResource::new({
        let round_id = round_id.clone();
        move || {
            changed.track();
            let round_id = round_id.clone();
            async move { if can_stats { monitoring::round_statistics(round_id).await.map(Some) } else { Ok(None) } }
        }
    });
    let grid = LocalResource::new({
        let round_id = round_id.clone();
        move || {
            changed.track();
            monitoring::unit_lights(round_id.clone())
        }
    });
    let units = Signal::derive(move || {
        grid.get()
            .and_then(Result::ok)
            .map(|rows| rows.into_iter().map(|r| (r.unit.id, r.unit.name)).collect())
            .unwrap_or_default()
    });
    let on_pick = Callback::new(move |unit: String| filters.pick_unit(Some(unit)));
    let on_imported = Callback::new(move |()| changed.update(|n| *n += 1));
    let role_note = match (can_decide, can_review) {
        (true, _) => None,
        (false, true) => Some("您可查看归口单位的监控报告，并对已提交的单位报告进行审核。"),
        (false, false) => Some("只读：本页为监控结果汇总。"),
    };
    let import = (can_decide).then(|| view! { <ImportPanel round_id=round_id.clone() open=round.open on_imported /> });
    let title = round_title(&round);
    let reports_round = round_id.clone();
    view! {
        <div class="card round-header" id="round-header">
            <h2>{title}</h2>
            <RoundFacts round=round.clone() />
            {role_note.map(|text| view! { <div class="notice info">{text}</div> })}
        </div>
        {can_stats
            .then(|| {
                view! {
                    <Card title="本轮监控统计">
                        <Loaded resource=stats let:stats>
                            {stats.map(|stats| view! { <MonitoringFigures stats id="round-statistics" /> })}
                        </Loaded>
                    </Card>
                }
            })}
        {import}
        <Card title="单位 × 灯">
            <p class="field-hint">"点击单位名称，在下方项目列表中查看该单位的项目。"</p>
            <Loaded resource=grid let:rows>
                <UnitLightsGrid rows on_pick />
            </Loaded>
        </Card>
        <Card id="round-reports-card" title="项目监控报告">
            <RoundReports round_id=reports_round filters units can_decide decided=changed />
        </Card>
        <Card title="单位填报情况">
            <RoundUnits round_id can_review />
        </Card>
    }
}
