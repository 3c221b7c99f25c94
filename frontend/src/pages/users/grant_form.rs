use leptos::prelude::*;
use shared::roles::Role;

use super::org_select::OrgForRoleSelect;
use crate::api::users::{self, User};
use crate::components::{EnumSelect, FormField};

/// 授权 (安全管理员): the role and organisation a user acts in, prefilled
/// with what the 系统管理员 asked for (or the user's current grant).
#[component]
pub fn GrantForm(user: User, on_granted: Callback<User>, #[prop(into)] on_cancel: Callback<()>) -> impl IntoView {
    let role = RwSignal::new(Some(user.role));
    let organisation = RwSignal::new(Some(user.organisation.id.clone()));
    let id = StoredValue::new(user.id.clone());
    let grant = Action::new_local(move |(role, org): &(Role, String)| {
        let (role, org) = (*role, org.clone());
        async move {
            let granted = users::grant(id.get_value(), role, org).await;
            if let Ok(user) = &granted {
                on_granted.run(user.clone());
            }
            granted
        }
    });
    let error = move || grant.value().get().and_then(Result::err).map(|e| e.message).unwrap_or_default();
    let on_role = Callback::new(move |()| organisation.set(None));
    view! {
        <form
            class="card"
            id="grant-form"
            on:submit=move |ev| {
                ev.prevent_default();
                if let (Some(role), Some(org)) = (role.get_untracked(), organisation.get_untracked()) {
                    grant.dispatch((role, org));
                }
            }
        >
            <h2>{format!("授权：{}（{}）", user.display_name, user.username)}</h2>
            <p class="form-error" id="grant-error" role="alert">{error}</p>
            <div class="form-grid">
                <FormField label="角色" required=true>
                    <EnumSelect id="grant-role" value=role on_change=on_role />
                </FormField>
                <FormField label="所属单位" required=true full=true>
                    <OrgForRoleSelect id="grant-organisation" role organisation />
                </FormField>
            </div>
            <div class="form-actions">
                <button
                    id="grant-save"
                    type="submit"
                    disabled=move || grant.pending().get() || role.with(Option::is_none) || organisation.with(Option::is_none)
                >
                    "授予"
                </button>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>
                    "取消"
                </button>
            </div>
        </form>
    }
}
