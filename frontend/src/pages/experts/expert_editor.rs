use leptos::prelude::*;
use shared::indicators::Field;

use crate::api::ApiError;
use crate::api::experts::{self, Expert};
use crate::api::organisations;
use crate::components::{CheckList, Loaded};

/// Edits an expert's fields (`.expert-field`) and conflicting units (`.expert-conflict`).
#[component]
pub fn ExpertEditor(expert: Expert, on_saved: Callback<Expert>) -> impl IntoView {
    let fields = RwSignal::new(expert.fields.clone());
    let conflicts = RwSignal::new(expert.conflict_units.iter().map(|u| u.id.clone()).collect::<Vec<_>>());
    let filter = RwSignal::new(String::new());
    let units = LocalResource::new(|| async {
        let units = organisations::list_units().await?;
        Ok::<_, ApiError>(
            units.into_iter().map(|u| (u.id, format!("{}（{}）", u.name, u.kind.label()))).collect::<Vec<_>>(),
        )
    });
    let error = RwSignal::new(None::<String>);
    let user_id = expert.id.clone();
    let save = Action::new_local(move |(): &()| {
        let (user_id, fields, conflicts) = (user_id.clone(), fields.get_untracked(), conflicts.get_untracked());
        async move {
            match experts::set_profile(user_id, fields, conflicts).await {
                Ok(saved) => on_saved.run(saved),
                Err(err) => error.set(Some(err.message)),
            }
        }
    });
    let field_items = Field::ALL.iter().map(|f| (*f, f.label().to_owned())).collect::<Vec<_>>();
    view! {
        <div class="expert-editor">
            <h3>"擅长领域"</h3>
            <CheckList items=field_items chosen=fields class="expert-field" />
            <h3>"回避单位（存在利害关系的预算单位）"</h3>
            <input type="search" class="expert-unit-filter" placeholder="按名称筛选单位" bind:value=filter />
            <Loaded resource=units let:items>
                <CheckList items chosen=conflicts class="expert-conflict" filter scroll=true />
            </Loaded>
            <p class="form-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            <button class="expert-save" disabled=move || save.pending().get() on:click=move |_| {
                error.set(None);
                save.dispatch(());
            }>"保存"</button>
        </div>
    }
}
