use leptos::prelude::*;
use shared::roles::Role;

use super::org_select::OrgForRoleSelect;
use crate::api::ApiError;
use crate::api::users::{NewUser, User};
use crate::components::{EnumSelect, FormField};

/// The new-account form (系统管理员): no password — the server issues a
/// one-time password — and the role is a request the 安全管理员 grants. The
/// organisation list offers only organisations the chosen role may belong to
/// (`OrgKind::admits`).
#[component]
pub fn CreateUserPanel(create: Action<NewUser, Result<User, ApiError>>) -> impl IntoView {
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let role = RwSignal::new(Some(Role::Department));
    let organisation = RwSignal::new(None::<String>);

    let server_error = move || create.value().get().and_then(Result::err);
    let field_error = move |field: &'static str| {
        Signal::derive(move || server_error().filter(|e| e.field.as_deref() == Some(field)).map(|e| e.message))
    };
    let form_error = move || {
        server_error()
            .filter(|e| {
                e.field.is_none() || !matches!(e.field.as_deref(), Some("username" | "displayName" | "organisationId"))
            })
            .map(|e| e.message)
            .unwrap_or_default()
    };
    let valid = move || {
        !username.with(|u| u.trim().is_empty())
            && !display_name.with(|d| d.trim().is_empty())
            && role.with(Option::is_some)
            && organisation.with(Option::is_some)
    };
    // A role change may make the chosen organisation unsuitable.
    let on_role = Callback::new(move |()| organisation.set(None));

    view! {
        <form
            class="card"
            id="create-user-form"
            on:submit=move |ev| {
                ev.prevent_default();
                let (Some(role), Some(organisation_id)) = (role.get_untracked(), organisation.get_untracked())
                else {
                    return;
                };
                if valid() {
                    create.dispatch(NewUser {
                        username: username.get_untracked().trim().to_owned(),
                        display_name: display_name.get_untracked().trim().to_owned(),
                        role,
                        organisation_id,
                    });
                }
            }
        >
            <h2>"新建用户"</h2>
            <p class="form-error" id="user-form-error" role="alert">{form_error}</p>
            <div class="form-grid">
                <FormField label="用户名" required=true error=field_error("username") error_id="error-username">
                    <input id="user-username" type="text" autocomplete="off" bind:value=username />
                </FormField>
                <FormField label="姓名" required=true error=field_error("displayName") error_id="error-displayName">
                    <input id="user-display-name" type="text" bind:value=display_name />
                </FormField>
                <FormField label="申请角色" required=true>
                    <EnumSelect id="user-role" value=role on_change=on_role />
                </FormField>
                <FormField label="所属单位" required=true full=true error=field_error("organisationId") error_id="error-organisationId">
                    <OrgForRoleSelect id="user-organisation" role organisation />
                </FormField>
            </div>
            <div class="form-actions">
                <button id="user-save" type="submit" disabled=move || !valid() || create.pending().get()>
                    "保存"
                </button>
            </div>
        </form>
    }
}
