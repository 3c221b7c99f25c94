use leptos::prelude::*;
use shared::ex_ante::{AssessorKind, ExAnteRules, requires_assessment};
use shared::organisations::OrgKind;

use crate::api::ApiError;
use crate::api::ex_ante::{self, ExAnteAssessment};
use crate::api::organisations;
use crate::api::projects::{self, ProjectFilter};
use crate::api::years::FiscalYear;
use crate::components::{AsyncSection, EnumSelect};

/// 发起事前评估 (绩效股): a project of the year, by an expert panel or a
/// commissioned firm. Projects that need an assessment are marked.
#[component]
pub fn StartForm(year: FiscalYear, on_started: Callback<ExAnteAssessment>) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let project = RwSignal::new(None::<String>);
    let kind = RwSignal::new(Some(AssessorKind::Panel));
    let firm = RwSignal::new(None::<String>);
    let year_id = year.id.clone();
    let candidates = LocalResource::new(move || {
        let filter = ProjectFilter {
            year_id: Some(year_id.clone()),
            search: Some(search.get().trim().to_owned()).filter(|s| !s.is_empty()),
            ..ProjectFilter::default()
        };
        projects::list(filter, None)
    });
    let firms = LocalResource::new(|| organisations::list_all(Some(OrgKind::EvaluationFirm)));
    let start = Action::new_local(move |(project_id, kind, firm_id): &(String, AssessorKind, Option<String>)| {
        let (project_id, kind, firm_id) = (project_id.clone(), *kind, firm_id.clone());
        async move {
            let started = ex_ante::start(project_id, kind, firm_id).await;
            if let Ok(assessment) = &started {
                on_started.run(assessment.clone());
            }
            started
        }
    });
    let needs_firm = move || kind.get() == Some(AssessorKind::Firm);
    let ready = move || project.with(Option::is_some) && (!needs_firm() || firm.with(Option::is_some));
    let error = move || start.value().get().and_then(Result::err).map(|e| e.message).unwrap_or_default();
    let rules = ExAnteRules::default();
    view! {
        <div class="card" id="ex-ante-start-form">
            <h2>"发起事前绩效评估"</h2>
            <div class="form-grid">
                <label class="field">
                    <span class="label">"查找项目"</span>
                    <input id="ex-ante-project-search" type="search" placeholder="项目编码或名称" bind:value=search />
                </label>
                <label class="field">
                    <span class="label">"项目"</span>
                    <AsyncSection>
                        {move || Suspend::new(async move {
                            let page = candidates.await?;
                            let options = page.into_nodes().into_iter().map(|p| {
                                let needed = requires_assessment(p.kind, p.is_new, p.requested_amount, &rules);
                                let id = p.id.clone();
                                let mark = if needed { " · 需事前评估" } else { "" };
                                let label = format!("{} {}（{}）{mark}", p.code, p.name, p.unit.name);
                                let selected = move || project.with(|s| s.as_deref() == Some(id.as_str()));
                                view! { <option value=p.id prop:selected=selected>{label}</option> }
                            }).collect_view();
                            Ok::<_, ApiError>(view! {
                                <select
                                    id="ex-ante-project"
                                    on:change=move |ev| project.set(Some(event_target_value(&ev)).filter(|v| !v.is_empty()))
                                >
                                    <option value="" prop:selected=move || project.with(Option::is_none)>"请选择项目"</option>
                                    {options}
                                </select>
                            })
                        })}
                    </AsyncSection>
                </label>
                <label class="field">
                    <span class="label">"评估方式"</span>
                    <EnumSelect
                        id="ex-ante-assessor"
                        options=AssessorKind::ALL
                        value=kind
                        label=AssessorKind::label
                        code=AssessorKind::as_str
                        parse=AssessorKind::parse
                    />
                </label>
                <Show when=needs_firm>
                    <label class="field">
                        <span class="label">"第三方机构"</span>
                        <AsyncSection>
                            {move || Suspend::new(async move {
                                let firms = firms.await?;
                                let options = firms.into_iter().map(|f| view! { <option value=f.id>{f.name}</option> }).collect_view();
                                Ok::<_, ApiError>(view! {
                                    <select
                                        id="ex-ante-firm"
                                        on:change=move |ev| firm.set(Some(event_target_value(&ev)).filter(|v| !v.is_empty()))
                                    >
                                        <option value="">"请选择机构"</option>
                                        {options}
                                    </select>
                                })
                            })}
                        </AsyncSection>
                    </label>
                </Show>
            </div>
            <p class="form-error" id="ex-ante-error" role="alert">{error}</p>
            <div class="form-actions">
                <button id="ex-ante-start" disabled=move || !ready() || start.pending().get() on:click=move |_| {
                    if let (Some(p), Some(k)) = (project.get_untracked(), kind.get_untracked()) {
                        let firm_id = if k == AssessorKind::Firm { firm.get_untracked() } else { None };
                        start.dispatch((p, k, firm_id));
                    }
                }>"发起评估"</button>
            </div>
        </div>
    }
}
