use leptos::prelude::*;
use shared::ex_ante::{AssessmentState, AssessorKind};
use shared::experts::{MAX_PANEL, PanelPurpose};
use shared::indicators::Field;
use shared::reviews::TargetState;

use crate::api::ApiError;
use crate::api::panels::{self, ExpertPanel, PanelRequest};
use crate::api::years::FiscalYear;
use crate::api::{ex_ante, targets};
use crate::components::{AsyncSection, EmptyState, EnumSelect};

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
    let size_error = Memo::new(move |_| match size.get().trim().parse::<i64>() {
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
    let class = move || if purpose.get() == Some(PanelPurpose::ExAnte) { "panel-assessment" } else { "panel-target" };
    view! {
        <div class="card" id="panel-form-card">
            <h2>{format!("组建专家组（{} 年度）", year.year)}</h2>
            <div class="form-grid">
                <label class="field">
                    <span class="label">"会审事项"</span>
                    <EnumSelect
                        id="panel-purpose"
                        options=PanelPurpose::ALL
                        value=purpose
                        label=PanelPurpose::label
                        code=PanelPurpose::as_str
                        parse=PanelPurpose::parse
                        on_change=Callback::new(move |()| chosen.set(Vec::new()))
                    />
                </label>
                <label class="field">
                    <span class="label">"领域"</span>
                    <EnumSelect
                        id="panel-field"
                        options=Field::ALL
                        value=field
                        label=Field::label
                        code=Field::as_str
                        parse=Field::parse
                    />
                </label>
                <label class="field">
                    <span class="label">"专家人数"</span>
                    <input id="panel-size" type="number" min="1" max=MAX_PANEL bind:value=size />
                    <p class="field-error" role="alert">{move || size_error.get().unwrap_or_default()}</p>
                </label>
            </div>
            <h3>{move || if purpose.get() == Some(PanelPurpose::ExAnte) { "待专家评估的事前评估项目" } else { "待专家集中会审的绩效目标" }}</h3>
            <AsyncSection>
                {move || Suspend::new(async move {
                    let items = candidates.await?;
                    if items.is_empty() {
                        return Ok::<_, ApiError>(view! { <EmptyState text="暂无待会审事项" /> }.into_any());
                    }
                    let boxes = items.into_iter().map(|(value, label)| {
                        let key = value.clone();
                        let checked = move || chosen.with(|c| c.contains(&key));
                        let toggle_value = value.clone();
                        view! {
                            <label class="field checkbox">
                                <input
                                    type="checkbox"
                                    class=class
                                    value=value
                                    prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        chosen.update(|c| {
                                            c.retain(|v| *v != toggle_value);
                                            if on { c.push(toggle_value.clone()); }
                                        });
                                    }
                                 />
                                <span>{label}</span>
                            </label>
                        }
                    }).collect_view();
                    Ok(view! { <div class="checklist">{boxes}</div> }.into_any())
                })}
            </AsyncSection>
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
        </div>
    }
}
