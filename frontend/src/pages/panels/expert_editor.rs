use leptos::prelude::*;
use shared::indicators::Field;

use crate::api::ApiError;
use crate::api::experts::{self, Expert};
use crate::api::organisations;
use crate::components::AsyncSection;

/// Edits an expert's fields (`.expert-field`) and conflicting units (`.expert-conflict`).
#[component]
pub fn ExpertEditor(expert: Expert, on_saved: Callback<Expert>) -> impl IntoView {
    let fields = RwSignal::new(expert.fields.clone());
    let conflicts = RwSignal::new(expert.conflict_units.iter().map(|u| u.id.clone()).collect::<Vec<_>>());
    let filter = RwSignal::new(String::new());
    let units = LocalResource::new(organisations::list_units);
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
    let field_boxes = Field::ALL
        .iter()
        .map(|f| {
            let f = *f;
            view! {
                <label class="field checkbox">
                    <input
                        type="checkbox"
                        class="expert-field"
                        value=f.as_str()
                        prop:checked=move || fields.with(|s| s.contains(&f))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            fields.update(|s| { s.retain(|x| *x != f); if on { s.push(f); } });
                        }
                     />
                    <span>{f.label()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="expert-editor">
            <h3>"擅长领域"</h3>
            <div class="checklist">{field_boxes}</div>
            <h3>"回避单位（存在利害关系的预算单位）"</h3>
            <input type="search" class="expert-unit-filter" placeholder="按名称筛选单位" bind:value=filter />
            <AsyncSection>
                {move || Suspend::new(async move {
                    let units = units.await?;
                    let boxes = units.into_iter().map(|u| {
                        let id = u.id.clone();
                        let shown = {
                            let (name, id) = (u.name.clone(), id.clone());
                            move || filter.with(|f| name.contains(f.trim())) || conflicts.with(|c| c.contains(&id))
                        };
                        let checked = {
                            let id = id.clone();
                            move || conflicts.with(|c| c.contains(&id))
                        };
                        view! {
                            <label class="field checkbox" class:hidden=move || !shown()>
                                <input
                                    type="checkbox"
                                    class="expert-conflict"
                                    value=u.id.clone()
                                    prop:checked=checked
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        conflicts.update(|c| { c.retain(|x| *x != id); if on { c.push(id.clone()); } });
                                    }
                                 />
                                <span>{format!("{}（{}）", u.name, u.kind.label())}</span>
                            </label>
                        }
                    }).collect_view();
                    Ok::<_, ApiError>(view! { <div class="checklist scroll">{boxes}</div> })
                })}
            </AsyncSection>
            <p class="form-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            <button class="expert-save" disabled=move || save.pending().get() on:click=move |_| {
                error.set(None);
                save.dispatch(());
            }>"保存"</button>
        </div>
    }
}
