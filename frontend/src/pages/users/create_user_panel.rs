use leptos::prelude::*;
use shared::passwords::check_password;
use shared::roles::Role;

use crate::api::ApiError;
use crate::api::organisations::{self, Organisation};
use crate::api::users::{NewUser, User};
use crate::components::{AsyncSection, EnumSelect, FieldError};

/// The new-user form: the password policy is checked as the user types, and
/// the organisation list offers only organisations the chosen role may belong to.
#[component]
pub fn CreateUserPanel(create: Action<NewUser, Result<User, ApiError>>) -> impl IntoView {
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let role = RwSignal::new(Some(Role::Department));
    let organisation = RwSignal::new(None::<String>);
    let orgs = LocalResource::new(|| organisations::list_all(None));

    let password_problem = Signal::derive(move || {
        password.with(|p| (!p.is_empty()).then(|| check_password(p).err().map(|e| e.to_string())).flatten())
    });
    let server_error = move || create.value().get().and_then(Result::err);
    let field_error = move |field: &'static str| {
        Signal::derive(move || server_error().filter(|e| e.field.as_deref() == Some(field)).map(|e| e.message))
    };
    let form_error = move || {
        server_error()
            .filter(|e| {
                e.field.is_none()
                    || !matches!(e.field.as_deref(), Some("username" | "displayName" | "password" | "organisationId"))
            })
            .map(|e| e.message)
            .unwrap_or_default()
    };
    let valid = move || {
        !username.with(|u| u.trim().is_empty())
            && !display_name.with(|d| d.trim().is_empty())
            && password.with(|p| check_password(p).is_ok())
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
                        password: password.get_untracked(),
                        role,
                        organisation_id,
                    });
                }
            }
        >
            <h2>"新建用户"</h2>
            <p class="form-error" id="user-form-error" role="alert">{form_error}</p>
            <div class="form-grid">
                <label class="field">
                    <span class="label">"用户名" <span class="required">"*"</span></span>
                    <input id="user-username" type="text" autocomplete="off" bind:value=username />
                    <FieldError id="error-username" message=field_error("username") />
                </label>
                <label class="field">
                    <span class="label">"姓名" <span class="required">"*"</span></span>
                    <input id="user-display-name" type="text" bind:value=display_name />
                    <FieldError id="error-displayName" message=field_error("displayName") />
                </label>
                <label class="field">
                    <span class="label">"初始密码" <span class="required">"*"</span></span>
                    <input id="user-password" type="password" autocomplete="new-password" bind:value=password />
                    <FieldError
                        id="error-password"
                        message=Signal::derive(move || password_problem.get().or_else(|| field_error("password").get()))
                    />
                    <p class="field-hint">"至少 8 位，含大写字母、小写字母、数字、符号中的至少三类"</p>
                </label>
                <label class="field">
                    <span class="label">"角色" <span class="required">"*"</span></span>
                    <EnumSelect
                        id="user-role"
                        options=Role::ALL
                        value=role
                        label=Role::label
                        code=Role::as_str
                        parse=Role::parse
                        on_change=on_role
                    />
                </label>
                <label class="field full">
                    <span class="label">"所属单位" <span class="required">"*"</span></span>
                    <AsyncSection>
                        {move || Suspend::new(async move {
                            let orgs = orgs.await?;
                            Ok::<_, ApiError>(view! { <OrgOptions orgs role organisation /> })
                        })}
                    </AsyncSection>
                    <FieldError id="error-organisationId" message=field_error("organisationId") />
                </label>
            </div>
            <div class="form-actions">
                <button id="user-save" type="submit" disabled=move || !valid() || create.pending().get()>
                    "保存"
                </button>
            </div>
        </form>
    }
}

/// The organisations a user of the chosen role may belong to (`OrgKind::admits`).
#[component]
fn OrgOptions(
    orgs: Vec<Organisation>,
    role: RwSignal<Option<Role>>,
    organisation: RwSignal<Option<String>>,
) -> impl IntoView {
    let orgs = StoredValue::new(orgs);
    let options = move || {
        let role = role.get();
        orgs.with_value(|orgs| {
            orgs.iter()
                .filter(|org| role.is_some_and(|role| org.kind.admits(role)))
                .map(|org| {
                    let id = org.id.clone();
                    view! {
                        <option
                            value=org.id.clone()
                            prop:selected=move || organisation.with(|o| o.as_deref() == Some(id.as_str()))
                        >
                            {format!("{}（{}）", org.name, org.kind.label())}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <select
            id="user-organisation"
            on:change=move |ev| organisation.set(Some(event_target_value(&ev)).filter(|v| !v.is_empty()))
        >
            <option value="" prop:selected=move || organisation.with(Option::is_none)>
                "请选择所属单位"
            </option>
            {options}
        </select>
    }
}
