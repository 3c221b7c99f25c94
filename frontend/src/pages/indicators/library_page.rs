use leptos::prelude::*;
use shared::indicators::LibraryStatus;
use shared::permissions::Capability;

use super::import_export::ImportPanel;
use super::indicator_form::{FormMode, IndicatorForm};
use super::library_browser::LibraryBrowser;
use crate::components::{Card, Notice, PageHead, TabBar};
use crate::contexts::use_session;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Active,
    Pending,
    Mine,
}

/// What is open above the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Panel {
    None,
    Form,
    Import,
}

/// 指标库: the common indicators by field, searchable. Units propose 特性指标
/// and follow them (我的提议); the 绩效股 reviews proposals (待审核), adds
/// entries, imports and exports the library.
#[component]
pub fn LibraryPage() -> impl IntoView {
    let session = use_session();
    let curator = session.can_untracked(Capability::OrganiseReviews);
    let proposer = session.can_untracked(Capability::EditTargets);
    let tab = RwSignal::new(Tab::Active);
    let panel = RwSignal::new(Panel::None);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let refresh = RwSignal::new(0usize);
    let bump = move || refresh.update(|n| *n += 1);
    let mut tabs = vec![(Tab::Active, "指标库", "tab-library-active")];
    if curator {
        tabs.push((Tab::Pending, "待审核", "tab-library-pending"));
    }
    if proposer {
        tabs.push((Tab::Mine, "我的提议", "tab-library-mine"));
    }
    let toggle = move |p: Panel| panel.update(|cur| *cur = if *cur == p { Panel::None } else { p });
    let on_saved = Callback::new(move |saved: crate::api::indicators::LibraryIndicator| {
        let what =
            if saved.status == LibraryStatus::Active { "已入库" } else { "已提交，待绩效股审核入库" };
        notice.set(Some(Ok(format!("指标“{}”{what}", saved.name))));
        panel.set(Panel::None);
        bump();
    });
    let on_imported = Callback::new(move |()| bump());
    let form_mode = if curator { FormMode::Create } else { FormMode::Propose };
    view! {
        <PageHead title="指标库">
            {(curator || proposer).then(|| {
                let (id, label) = if curator { ("library-new", "新增指标") } else { ("library-propose", "提议特性指标") };
                view! { <button id=id on:click=move |_| toggle(Panel::Form)>{label}</button> }
            })}
            {curator.then(|| view! {
                <button class="secondary" id="library-import" on:click=move |_| toggle(Panel::Import)>"导入"</button>
            })}
        </PageHead>
        <Notice message=notice />
        {move || match panel.get() {
            Panel::Form => view! { <IndicatorForm mode=form_mode on_saved /> }.into_any(),
            Panel::Import => view! { <ImportPanel on_imported /> }.into_any(),
            Panel::None => ().into_any(),
        }}
        <Card>
            {(tabs.len() > 1).then(|| view! { <TabBar tabs current=tab /> })}
            {move || match tab.get() {
                Tab::Active => {
                    view! { <LibraryBrowser statuses=&[LibraryStatus::Active] refresh exportable=curator /> }.into_any()
                }
                Tab::Pending => {
                    view! { <LibraryBrowser statuses=&[LibraryStatus::Proposed] reviewable=true refresh /> }.into_any()
                }
                Tab::Mine => view! {
                    <LibraryBrowser statuses=&[LibraryStatus::Proposed, LibraryStatus::Refused] refresh />
                }
                .into_any(),
            }}
        </Card>
    }
}
