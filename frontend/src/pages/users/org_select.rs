use leptos::prelude::*;
use shared::roles::Role;

use crate::api::organisations;
use crate::components::{IdSelect, Loaded};

/// The organisations a user with `role` may belong to (a new account, a role
/// grant), as a select that follows the chosen role.
#[component]
pub fn OrgForRoleSelect(
    id: &'static str,
    role: RwSignal<Option<Role>>,
    organisation: RwSignal<Option<String>>,
) -> impl IntoView {
    let orgs = LocalResource::new(|| organisations::list_all(None));
    view! {
        <Loaded resource=orgs let:orgs>
            {
                let orgs = StoredValue::new(orgs);
                move || {
                    let role = role.get();
                    let options = orgs.with_value(|orgs| {
                        orgs.iter()
                            .filter(|org| role.is_some_and(|role| org.kind.admits(role)))
                            .map(|org| (org.id.clone(), format!("{}（{}）", org.name, org.kind.label())))
                            .collect::<Vec<_>>()
                    });
                    view! { <IdSelect id=id value=organisation options placeholder="请选择所属单位" /> }
                }
            }
        </Loaded>
    }
}
