use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::money::parse_yuan;
use shared::organisations::OrgKind;
use shared::projects::{BudgetType, ProjectKind, validate_project_text};

use crate::api::ApiError;
use crate::api::organisations;
use crate::api::projects::{self, NewProject, Project, ProjectChange};
use crate::api::years::FiscalYear;
use crate::components::{EnumSelect, FieldError, FormField, IdSelect, Loaded, TextInput};
use crate::contexts::use_session;

/// The input fields that have their own error element; a server error naming
/// another field (or none) is shown above the form.
const FIELDS: &[&str] = &["code", "name", "kind", "budgetType", "requestedAmount", "isNew", "unitId"];

#[derive(Debug, Clone)]
enum SaveRequest {
    Create(NewProject),
    Update(String, ProjectChange),
}

/// Creates a project (`initial` is `None`) or edits one. Fields are checked
/// as the user types with `shared::projects::validate_project_text`; save is
/// disabled while anything is invalid. Finance sections choose the unit,
/// while units create for themselves. 批复金额 is not typed: approval sets it.
/// Once the target is in review (or an ex-ante assessment exists) the server
/// refuses changes to 项目类型, 新增/延续 and 申报金额 (`FIELD_FROZEN`).
#[component]
pub fn ProjectForm(year: FiscalYear, initial: Option<Project>) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let finance = session.user_untracked().is_some_and(|u| !u.role.is_unit_role());
    let editing = initial.as_ref().map(|p| p.id.clone());
    let creating = editing.is_none();
    let read_only = year.status.is_read_only();

    let code = RwSignal::new(initial.as_ref().map(|p| p.code.clone()).unwrap_or_default());
    let name = RwSignal::new(initial.as_ref().map(|p| p.name.clone()).unwrap_or_default());
    let kind = RwSignal::new(Some(initial.as_ref().map_or(ProjectKind::Project, |p| p.kind)));
    let budget_type = RwSignal::new(Some(initial.as_ref().map_or(BudgetType::GeneralPublic, |p| p.budget_type)));
    let requested = RwSignal::new(initial.as_ref().map(|p| p.requested_amount.to_string()).unwrap_or_default());
    let is_new = RwSignal::new(initial.as_ref().is_none_or(|p| p.is_new));
    let unit = RwSignal::new(initial.as_ref().map(|p| p.unit.id.clone()));
    let current_unit_name = initial.as_ref().map(|p| p.unit.name.clone());

    // Messages show once a field has been edited (or on a save attempt).
    let touched = RwSignal::new(BTreeSet::<&'static str>::new());
    let server_error = RwSignal::new(None::<ApiError>);
    let touch = move |field: &'static str| {
        touched.update(|t| {
            t.insert(field);
        });
        if server_error.with_untracked(|e| e.as_ref().is_some_and(|e| e.field.as_deref() == Some(field))) {
            server_error.set(None);
        }
    };

    let errors = Memo::new(move |_| validate_project_text(&code.get(), &name.get(), &requested.get()));
    let unit_missing = move || finance && creating && unit.with(Option::is_none);
    let message = move |field: &'static str| {
        Signal::derive(move || {
            let local = if touched.with(|t| t.contains(field)) {
                match field {
                    "unitId" if unit_missing() => Some("请选择预算单位".to_owned()),
                    _ => errors.with(|errs| errs.iter().find(|e| e.field() == field).map(ToString::to_string)),
                }
            } else {
                None
            };
            local.or_else(|| {
                server_error
                    .with(|e| e.as_ref().filter(|e| e.field.as_deref() == Some(field)).map(|e| e.message.clone()))
            })
        })
    };
    let has_error_element = move |field: &str| FIELDS.contains(&field) && (finance || field != "unitId");
    let form_error = move || {
        server_error.with(|e| {
            e.as_ref()
                .filter(|e| e.field.as_deref().is_none_or(|f| !has_error_element(f)))
                .map(|e| e.message.clone())
                .unwrap_or_default()
        })
    };

    let save = Action::new_local(move |request: &SaveRequest| {
        let request = request.clone();
        let navigate = navigate.clone();
        async move {
            let saved = match request {
                SaveRequest::Create(input) => projects::create(input).await,
                SaveRequest::Update(id, input) => projects::update(id, input).await,
            };
            match saved {
                Ok(_) => navigate("/projects", Default::default()),
                Err(err) => server_error.set(Some(err)),
            }
        }
    });
    let invalid = move || !errors.with(Vec::is_empty) || unit_missing();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        touched.set(FIELDS.iter().copied().collect());
        if invalid() || read_only {
            return;
        }
        server_error.set(None);
        // The fields are valid, so the amounts parse; send them normalised.
        let amount = |text: String| parse_yuan(&text).map(|v| v.to_string()).unwrap_or(text);
        let requested_amount = amount(requested.get_untracked());
        let kind = kind.get_untracked().unwrap_or(ProjectKind::Project);
        let budget_type = budget_type.get_untracked().unwrap_or(BudgetType::GeneralPublic);
        let request = match editing.clone() {
            None => SaveRequest::Create(NewProject {
                year_id: year.id.clone(),
                unit_id: if finance { unit.get_untracked() } else { None },
                code: code.get_untracked().trim().to_owned(),
                name: name.get_untracked().trim().to_owned(),
                kind,
                budget_type,
                requested_amount,
                is_new: is_new.get_untracked(),
            }),
            Some(id) => SaveRequest::Update(
                id,
                ProjectChange {
                    code: code.get_untracked().trim().to_owned(),
                    name: name.get_untracked().trim().to_owned(),
                    kind,
                    budget_type,
                    requested_amount,
                    is_new: is_new.get_untracked(),
                },
            ),
        };
        save.dispatch(request);
    };
    let cancel = {
        let navigate = use_navigate();
        move |_| navigate("/projects", Default::default())
    };

    let unit_field = finance.then(|| {
        let select = match current_unit_name.clone() {
            // The unit of an existing project does not change.
            Some(unit_name) => view! {
                <select id="project-unit" disabled>
                    <option selected>{unit_name}</option>
                </select>
            }
            .into_any(),
            None => view! { <UnitSelect unit on_change=Callback::new(move |()| touch("unitId")) /> }.into_any(),
        };
        view! {
            <FormField label="预算单位" required=true full=true error=message("unitId") error_id="error-unitId">
                {select}
            </FormField>
        }
    });

    // A text field of the form: its messages, its `.invalid` mark, and `touch` as it is typed in.
    let text = move |label: &'static str,
                     required: bool,
                     field: &'static str,
                     error_id: &'static str,
                     id: &'static str,
                     value: RwSignal<String>,
                     placeholder: Option<&'static str>| {
        let invalid = Signal::derive(move || message(field).get().is_some());
        let on_input = Callback::new(move |()| touch(field));
        let decimal = field.ends_with("Amount");
        view! {
            <FormField label required error=message(field) error_id>
                <TextInput id value invalid on_input decimal placeholder=placeholder.unwrap_or_default() />
            </FormField>
        }
    };
    view! {
        <form class="card" id="project-form" on:submit=submit novalidate>
            <p class="form-error" id="form-error" role="alert">{form_error}</p>
            {read_only.then(|| view! { <div class="notice info">"该预算年度已关闭，项目只读。"</div> })}
            <div class="form-grid">
                <div class="field readonly full">
                    <span class="label">"预算年度"</span>
                    <span class="value">{format!("{} 年度（{}）", year.year, year.status.label())}</span>
                </div>
                {unit_field}
                {text("项目编码", true, "code", "error-code", "project-code", code, None)}
                {text("项目名称", true, "name", "error-name", "project-name", name, None)}
                <FormField label="项目类型" error=message("kind") error_id="error-kind">
                    <EnumSelect id="project-kind" value=kind on_change=Callback::new(move |()| touch("kind")) />
                </FormField>
                <FormField label="预算类型" error=message("budgetType") error_id="error-budgetType">
                    <EnumSelect id="project-budget-type" value=budget_type on_change=Callback::new(move |()| touch("budgetType")) />
                </FormField>
                {text("申报金额（元）", true, "requestedAmount", "error-requestedAmount", "project-requested", requested, Some("例如 1200000.00"))}
                <label class="field checkbox">
                    <input
                        id="project-is-new"
                        type="checkbox"
                        prop:checked=move || is_new.get()
                        on:change=move |ev| {
                            is_new.set(event_target_checked(&ev));
                            touch("isNew");
                        }
                    />
                    <span>"新增项目（不勾选为延续项目）"</span>
                    <FieldError id="error-isNew" message=message("isNew") />
                </label>
            </div>
            <div class="form-actions">
                <button
                    id="project-save"
                    type="submit"
                    disabled=move || read_only || invalid() || save.pending().get()
                >
                    {move || if save.pending().get() { "保存中…" } else { "保存" }}
                </button>
                <button type="button" class="secondary" on:click=cancel>
                    "取消"
                </button>
            </div>
        </form>
    }
}

/// The budget units a finance section may create projects for, 部门 and 乡镇 grouped.
#[component]
fn UnitSelect(unit: RwSignal<Option<String>>, on_change: Callback<()>) -> impl IntoView {
    let units = LocalResource::new(|| async {
        let units = organisations::list_units().await?;
        let group = |kind: OrgKind| {
            let options =
                units.iter().filter(|u| u.kind == kind).map(|u| (u.id.clone(), format!("{} {}", u.code, u.name)));
            (kind.label(), options.collect::<Vec<_>>())
        };
        Ok::<_, ApiError>(vec![group(OrgKind::Department), group(OrgKind::Township)])
    });
    view! {
        <Loaded resource=units let:groups>
            <IdSelect id="project-unit" value=unit groups placeholder="请选择预算单位" on_change />
        </Loaded>
    }
}
