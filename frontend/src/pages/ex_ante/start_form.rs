use leptos::prelude::*;
use shared::ex_ante::{AssessorKind, ExAnteRules, requires_assessment};
use shared::organisations::OrgKind;

use crate::api::ApiError;
use crate::api::ex_ante::{self, ExAnteAssessment};
use crate::api::organisations;
use crate::api::projects::{self, ProjectFilter};
use crate::api::years::FiscalYear;
use crate::components::{Card, EnumSelect, FormField, IdSelect, Loaded};

/// 发起事前评估 (绩效股): a project of the year, by an expert panel or a
/// commissioned firm. Projects that need an assessment are marked.
#[component]
pub fn StartForm(year: FiscalYear, on_started: Callback<ExAnteAssessment>) -> impl IntoView {
    let search = RwSignal::new(String::new());
    let project = RwSignal::new(None::<String>);
    let kind = RwSignal::new(Some(AssessorKind::Panel));
    let firm = RwSignal::new(None::<String>);
    let year_id = year.id.clone();
    let rules = ExAnteRules::default();
    let candidates = LocalResource::new(move || {
        let filter = ProjectFilter {
            year_id: Some(year_id.clone()),
            search: Some(search.get().trim().to_owned()).filter(|s| !s.is_empty()),
            ..ProjectFilter::default()
        };
        async move {
            let page = projects::list(filter, None).await?;
            Ok::<_, ApiError>(
                page.into_nodes()
                    .into_iter()
                    .map(|p| {
                        let needed = requires_assessment(p.kind, p.is_new, p.requested_amount, &rules);
                        let mark = if needed { " · 需事前评估" } else { "" };
                        (p.id, format!("{} {}（{}）{mark}", p.code, p.name, p.unit.name))
                    })
                    .collect::<Vec<_>>(),
            )
        }
    });
    let firms = LocalResource::new(|| async {
        let firms = organisations::list_all(Some(OrgKind::EvaluationFirm)).await?;
        Ok::<_, ApiError>(firms.into_iter().map(|f| (f.id, f.name)).collect::<Vec<_>>())
    });
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
    view! {
        <Card id="ex-ante-start-form" title="发起事前绩效评估">
            <div class="form-grid">
                <FormField label="查找项目">
                    <input id="ex-ante-project-search" type="search" placeholder="项目编码或名称" bind:value=search />
                </FormField>
                <FormField label="项目">
                    <Loaded resource=candidates let:options>
                        <IdSelect id="ex-ante-project" value=project options placeholder="请选择项目" />
                    </Loaded>
                </FormField>
                <FormField label="评估方式">
                    <EnumSelect id="ex-ante-assessor" value=kind />
                </FormField>
                <Show when=needs_firm>
                    <FormField label="第三方机构">
                        <Loaded resource=firms let:options>
                            <IdSelect id="ex-ante-firm" value=firm options placeholder="请选择机构" />
                        </Loaded>
                    </FormField>
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
        </Card>
    }
}
