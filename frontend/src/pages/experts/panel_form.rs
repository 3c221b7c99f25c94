use leptos::prelude::*;
use shared::ex_ante::{AssessmentState, AssessorKind};
use shared::experts::{MAX_PANEL, PanelPurpose};
use shared::indicators::Field;
use shared::reviews::TargetState;

use crate::api::ApiError;
use crate::api::experts::panels::{self, ExpertPanel, PanelRequest};
use crate::api::years::FiscalYear;
use crate::api::{ex_ante, targets};
use crate::components::{Card, CheckList, EmptyState, EnumSelect, FormField, Loaded};

/// The most items one checklist lists (the API's complexity limit allows about 80 full rows).
const CHECKLIST_SIZE: u32 = 50;

/// 组建专家组 (绩效股): purpose, field, size and the items, drawn at random
/// from the experts of the field with no conflict of interest.
#[component]
pub fn PanelForm(year: FiscalYear, on_formed: Callback<ExpertPanel>) -> impl IntoView {
    let purpose = RwSignal::new(Some(PanelPurpose::TargetReview));
    let field = RwSignal::new(Some(Field::Education));
    let size = RwSignal::new("5".to_owned());
    let chosen = RwSignal::new(Vec::<String>::new());
    let year_id = year.id.clone();
    // (value, label) of what may go before a panel of the chosen purpose.
    let candidates = LocalResource::new(move || {
        let (year_id, purpose) = (year_id.clone(), purpose.get());
        async move {
            Ok::<_, ApiError>(match purpose {
                Some(PanelPurpose::ExAnte) => ex_ante::list(year_id, CHECKLIST_SIZE, None)
                    .await?
                    .into_nodes()
                    .into_iter()
                    .filter(|a| {
                        a.state == AssessmentState::InProgress
                            && a.assessor_kind == AssessorKind::Panel
                            && a.panel.is_none()
                    })
                    .map(|a| (a.id, format!("{} {}（{}）", a.project.code, a.project.name, a.project.unit.name)))
                    .collect::<Vec<_>>(),
                _ => targets::list(year_id, Some(TargetState::PendingExpert), true, CHECKLIST_SIZE, None)
                    .await?
                    .into_nodes()
                    .into_iter()
                    .map(|t| {
                        (t.project.id, format!("{} {}（{}）", t.project.code, t.project.name, t.project.unit.name))
                    })
                    .collect(),
            })
        }
    });
    let size_error = Signal::derive(move || match size.get().trim().parse::<i64>() {
        Ok(n) if (1..=i64::try_from(MAX_PANEL).unwrap_or(15)).contains(&n) => None,
        _ => Some(format!("专家人数须为 1 到 {MAX_PANEL} 之间的整数")),
    });
    let form = Action::new_local(move |input: &PanelRequest| {
        let input = input.clone();
        async move {
            let formed = panels::form(input).await;
            if let Ok(panel) = &formed {
                chosen.set(Vec::new());
                on_formed.run(panel.clone());
            }
            formed
        }
    });
    let error = move || form.value().get().and_then(Result::err).map(|e| e.message).unwrap_or_default();
    let year_id = year.id.clone();
    let submit = move |_| {
        let (Some(purpose), Some(field), Ok(size)) =
            (purpose.get_untracked(), field.get_untracked(), size.get_untracked().trim().parse())
        else {
            return;
        };
        form.dispatch(PanelRequest { year_id: year_id.clone(), purpose, field, size, items: chosen.get_untracked() });
    };
    let class =
        move || if purpose.get_untracked() == Some(PanelPurpose::ExAnte) { "panel-assessment" } else { "panel-target" };
    view! {
        <Card id="panel-form-card" title=format!("组建专家组（{} 年度）", year.year)>
            <div class="form-grid">
                <FormField label="会审事项">
                    <EnumSelect id="panel-purpose" value=purpose on_change=Callback::new(move |()| chosen.set(Vec::new())) />
                </FormField>
                <FormField label="领域">
                    <EnumSelect id="panel-field" value=field />
                </FormField>
                <FormField label="专家人数" error=size_error>
                    <input id="panel-size" type="number" min="1" max=MAX_PANEL bind:value=size />
                </FormField>
            </div>
            <h3>{move || if purpose.get() == Some(PanelPurpose::ExAnte) { "待专家评估的事前评估项目" } else { "待专家集中会审的绩效目标" }}</h3>
            <Loaded resource=candidates let:items>
                {if items.is_empty() {
                    view! { <EmptyState text="暂无待会审事项" /> }.into_any()
                } else {
                    view! { <CheckList items chosen class=class() /> }.into_any()
                }}
            </Loaded>
            <p class="form-error" id="panel-error" role="alert">{error}</p>
            <div class="form-actions">
                <button
                    id="panel-form"
                    disabled=move || form.pending().get() || size_error.with(Option::is_some) || chosen.with(Vec::is_empty)
                    on:click=submit
                >
                    "随机抽取专家并组建"
                </button>
            </div>
        </Card>
    }
}
