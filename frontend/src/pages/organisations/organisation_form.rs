use leptos::prelude::*;
use shared::organisations::{OrgError, OrgKind, validate_org};

use crate::api::ApiError;
use crate::api::organisations::{self, NewOrganisation, Organisation, OrganisationChange};
use crate::components::{EnumSelect, FormField, IdSelect, Loaded, TextInput};

/// A create or update request from the form.
#[derive(Debug, Clone)]
pub enum SaveOrganisation {
    Create(NewOrganisation),
    Update(String, OrganisationChange),
}

/// Create an organisation (`initial` is `None`) or edit its name, code,
/// 主管部门 and 归口业务股室. Checked as the user types with
/// `shared::organisations::validate_org`.
#[component]
pub fn OrganisationForm(
    initial: Option<Organisation>,
    save: Action<SaveOrganisation, Result<Organisation, ApiError>>,
    on_close: Callback<()>,
) -> impl IntoView {
    let editing = initial.as_ref().map(|o| o.id.clone());
    let kind = RwSignal::new(Some(initial.as_ref().map_or(OrgKind::Department, |o| o.kind)));
    let code = RwSignal::new(initial.as_ref().map(|o| o.code.clone()).unwrap_or_default());
    let name = RwSignal::new(initial.as_ref().map(|o| o.name.clone()).unwrap_or_default());
    let parent = RwSignal::new(initial.as_ref().and_then(|o| o.parent.as_ref()).map(|p| p.id.clone()));
    let section = RwSignal::new(initial.as_ref().and_then(|o| o.section.as_ref()).map(|s| s.id.clone()));
    let touched = RwSignal::new(false);
    let is_unit = move || kind.get().is_some_and(OrgKind::is_unit);

    let problem = Memo::new(move |_| {
        let kind = kind.get().unwrap_or(OrgKind::Department);
        let has_relations = parent.with(Option::is_some) || section.with(Option::is_some);
        validate_org(kind, code.get().trim(), &name.get(), has_relations).err()
    });
    let server_error = move || save.value().get().and_then(Result::err);
    let message_for = move |field: &'static str, local: OrgError| {
        Signal::derive(move || {
            let mine = problem.get().filter(|p| *p == local && touched.get()).map(|p| p.to_string());
            mine.or_else(|| server_error().filter(|e| e.field.as_deref() == Some(field)).map(|e| e.message))
        })
    };
    let form_error = move || {
        let local = problem.get().filter(|p| *p == OrgError::NotAUnit).map(|p| p.to_string());
        local
            .or_else(|| {
                server_error().filter(|e| !matches!(e.field.as_deref(), Some("code" | "name"))).map(|e| e.message)
            })
            .unwrap_or_default()
    };

    // Relations only exist for budget units: drop them when the kind changes.
    let on_kind = Callback::new(move |()| {
        if !is_unit() {
            parent.set(None);
            section.set(None);
        }
    });
    let editing_id = editing.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        let Some(kind) = kind.get_untracked() else {
            return;
        };
        if problem.get_untracked().is_some() {
            return;
        }
        let (code, name) = (code.get_untracked().trim().to_owned(), name.get_untracked().trim().to_owned());
        let (parent_id, section_id) = (parent.get_untracked(), section.get_untracked());
        save.dispatch(match editing_id.clone() {
            None => SaveOrganisation::Create(NewOrganisation { kind, code, name, parent_id, section_id }),
            Some(id) => SaveOrganisation::Update(
                id,
                // Relations are sent (null clears them) only for budget units.
                OrganisationChange {
                    code: Some(code),
                    name: Some(name),
                    parent_id: kind.is_unit().then_some(parent_id),
                    section_id: kind.is_unit().then_some(section_id),
                },
            ),
        });
    };
    let self_id = editing.clone();
    let kind_field = match initial.as_ref() {
        Some(org) => view! {
            <div class="field readonly">
                <span class="label">"类型"</span>
                <span class="value">{org.kind.label()}</span>
            </div>
        }
        .into_any(),
        None => view! {
            <FormField label="类型">
                <EnumSelect id="org-kind" value=kind on_change=on_kind />
            </FormField>
        }
        .into_any(),
    };

    let touch = Callback::new(move |()| touched.set(true));
    view! {
        <form class="card" id="organisation-form" on:submit=submit novalidate>
            <h2>{if editing.is_some() { "编辑单位" } else { "新建单位" }}</h2>
            <p class="form-error" id="org-form-error" role="alert">{form_error}</p>
            <div class="form-grid">
                {kind_field}
                <FormField label="编码" required=true error=message_for("code", OrgError::BadCode) error_id="error-org-code">
                    <TextInput id="org-code" value=code maxlength=32 on_input=touch />
                </FormField>
                <FormField label="名称" required=true full=true error=message_for("name", OrgError::BadName) error_id="error-org-name">
                    <TextInput id="org-name" value=name on_input=touch />
                </FormField>
                <Show when=is_unit>
                    <RelationSelect
                        id="org-parent"
                        label="主管部门"
                        kind=OrgKind::Department
                        value=parent
                        exclude=self_id.clone()
                    />
                    <RelationSelect
                        id="org-section"
                        label="归口业务股室"
                        kind=OrgKind::BusinessSection
                        value=section
                        exclude=None
                    />
                </Show>
            </div>
            <div class="form-actions">
                <button
                    id="org-save"
                    type="submit"
                    disabled=move || save.pending().get() || (touched.get() && problem.get().is_some())
                >
                    "保存"
                </button>
                <button type="button" class="secondary" on:click=move |_| on_close.run(())>
                    "取消"
                </button>
            </div>
        </form>
    }
}

/// A select of the organisations of one kind (主管部门 or 归口业务股室).
#[component]
fn RelationSelect(
    id: &'static str,
    label: &'static str,
    kind: OrgKind,
    value: RwSignal<Option<String>>,
    exclude: Option<String>,
) -> impl IntoView {
    let options = LocalResource::new(move || {
        let exclude = exclude.clone();
        async move {
            let orgs = organisations::list_all(Some(kind)).await?;
            Ok::<_, ApiError>(
                orgs.into_iter()
                    .filter(|org| exclude.as_deref() != Some(org.id.as_str()))
                    .map(|org| (org.id, format!("{} {}", org.code, org.name)))
                    .collect::<Vec<_>>(),
            )
        }
    });
    view! {
        <FormField label>
            <Loaded resource=options let:options>
                <IdSelect id value options placeholder="（无）" />
            </Loaded>
        </FormField>
    }
}
