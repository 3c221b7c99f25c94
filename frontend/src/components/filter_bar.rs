use leptos::prelude::*;
use shared::DomainEnum;

use super::{EnumSelect, PagerState};

/// The search and filter bar above a list: the filters given as children
/// and, with `search`, a search box (`#search_id`) with 查询. Applying a
/// search goes back to page 1 of `pager`.
#[component]
pub fn FilterBar(
    #[prop(optional)] children: Option<Children>,
    /// The applied search text.
    #[prop(optional)]
    search: Option<RwSignal<String>>,
    #[prop(optional)] search_id: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] pager: Option<PagerState>,
) -> impl IntoView {
    let form = search.map(|applied| {
        let typed = RwSignal::new(applied.get_untracked());
        view! {
            <form on:submit=move |ev| {
                ev.prevent_default();
                applied.set(typed.get_untracked().trim().to_owned());
                if let Some(pager) = pager {
                    pager.reset();
                }
            }>
                <input id=search_id type="search" placeholder=placeholder bind:value=typed />
                <button type="submit" class="secondary">"查询"</button>
            </form>
        }
    });
    view! { <div class="toolbar">{children.map(|c| c())} {form}</div> }
}

/// A labelled filter over a domain enum, 全部 first; a change goes back to
/// page 1 of `pager` and runs `on_change`.
#[component]
pub fn EnumFilter<T: DomainEnum>(
    label: &'static str,
    id: &'static str,
    value: RwSignal<Option<T>>,
    #[prop(optional)] options: Option<&'static [T]>,
    #[prop(optional)] pager: Option<PagerState>,
    #[prop(optional)] on_change: Option<Callback<()>>,
    /// The "no choice" option; 全部 unless given. With `required`, none.
    #[prop(optional)]
    any_label: Option<&'static str>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let changed = Callback::new(move |()| {
        if let Some(pager) = pager {
            pager.reset();
        }
        if let Some(on_change) = on_change {
            on_change.run(());
        }
    });
    let any_label = (!required).then(|| any_label.unwrap_or("全部"));
    view! {
        <label>
            {label}
            <EnumSelect id value options any_label on_change=changed />
        </label>
    }
}
