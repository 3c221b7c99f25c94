use leptos::prelude::*;
use shared::organisations::OrgKind;
use shared::permissions::{Capability, Scope, unit_scope};

use super::organisation_form::{OrganisationForm, SaveOrganisation};
use crate::api::organisations::{self, Organisation};
use crate::api::{ApiError, Connection};
use crate::components::{AsyncSection, EmptyState, EnumSelect, Pager, PagerState};
use crate::contexts::use_session;

const PAGE_SIZE: u32 = 20;
const UNIT_KINDS: &[OrgKind] = &[OrgKind::Department, OrgKind::Township];

/// What the edit panel shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Panel {
    Closed,
    New,
    Edit(Organisation),
}

/// 单位. Finance sections: the budget units in their scope (归口单位, or the whole
/// county for 绩效股), read-only. Admin: every organisation, with create and edit.
#[component]
pub fn UnitsPage() -> impl IntoView {
    let session = use_session();
    let admin = session.can_untracked(Capability::Administer);
    let scope_note = session.user_untracked().map(|user| match unit_scope(user.role, user.organisation.kind) {
        _ if admin => "全县所有机构：预算单位、财政局股室、评价机构、专家库、县领导",
        Scope::AssignedUnits => "本股室归口管理的预算单位",
        Scope::County => "全县预算单位",
        Scope::OwnUnit | Scope::Nothing => "您可查看的预算单位",
    });
    let kind = RwSignal::new(None::<OrgKind>);
    let search_input = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let pager = PagerState::new();
    let panel = RwSignal::new(Panel::Closed);
    let notice = RwSignal::new(None::<String>);

    let save = Action::new_local(move |request: &SaveOrganisation| {
        let request = request.clone();
        async move {
            let saved = match request {
                SaveOrganisation::Create(input) => organisations::create(input).await,
                SaveOrganisation::Update(id, input) => organisations::update(id, input).await,
            };
            if let Ok(org) = &saved {
                notice.set(Some(format!("已保存：{} {}", org.code, org.name)));
                panel.set(Panel::Closed);
            }
            saved
        }
    });
    let list = LocalResource::new(move || {
        let kind = kind.get();
        let search = Some(search.get()).filter(|s| !s.is_empty());
        let after = pager.after();
        save.version().track();
        organisations::list(kind, search, PAGE_SIZE, after)
    });
    let on_edit = move |org: Organisation| {
        notice.set(None);
        save.clear();
        panel.set(Panel::Edit(org));
    };

    view! {
        <div class="page-head">
            <div>
                <h1>"单位"</h1>
                <p class="field-hint">{scope_note}</p>
            </div>
            {admin
                .then(|| {
                    view! {
                        <button
                            id="new-organisation"
                            on:click=move |_| {
                                notice.set(None);
                                save.clear();
                                panel.set(Panel::New);
                            }
                        >
                            "新建单位"
                        </button>
                    }
                })}
        </div>
        {move || notice.get().map(|text| view! { <div class="notice ok">{text}</div> })}
        {move || match panel.get() {
            Panel::Closed => None,
            Panel::New => {
                Some(
                    view! {
                        <OrganisationForm initial=None save on_close=Callback::new(move |()| panel.set(Panel::Closed)) />
                    },
                )
            }
            Panel::Edit(org) => {
                Some(
                    view! {
                        <OrganisationForm
                            initial=Some(org)
                            save
                            on_close=Callback::new(move |()| panel.set(Panel::Closed))
                        />
                    },
                )
            }
        }}
        <div class="card">
            <div class="toolbar">
                <label>
                    "类型"
                    <EnumSelect
                        id="filter-org-kind"
                        options=if admin { OrgKind::ALL } else { UNIT_KINDS }
                        value=kind
                        label=OrgKind::label
                        code=OrgKind::as_str
                        parse=OrgKind::parse
                        any_label="全部"
                        on_change=Callback::new(move |()| pager.reset())
                    />
                </label>
                <form on:submit=move |ev| {
                    ev.prevent_default();
                    search.set(search_input.get_untracked().trim().to_owned());
                    pager.reset();
                }>
                    <input id="unit-search" type="search" placeholder="编码或名称" bind:value=search_input />
                    <button type="submit" class="secondary">
                        "查询"
                    </button>
                </form>
            </div>
            <AsyncSection>
                {move || Suspend::new(async move {
                    let page = list.await?;
                    Ok::<_, ApiError>(units_table(page, pager, admin, on_edit))
                })}
            </AsyncSection>
        </div>
    }
}

fn units_table(
    page: Connection<Organisation>,
    pager: PagerState,
    admin: bool,
    on_edit: impl Fn(Organisation) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let total = page.total_count;
    let next_cursor = page.next_cursor();
    let empty = page.edges.is_empty();
    let name_of = |org: &Option<crate::api::organisations::OrgSummary>| {
        org.as_ref().map_or_else(|| "—".to_owned(), |o| o.name.clone())
    };
    let rows = page
        .into_nodes()
        .into_iter()
        .map(|org| {
            let edit = admin.then(|| {
                let org = StoredValue::new(org.clone());
                view! {
                    <td class="actions">
                        <button class="link" on:click=move |_| on_edit(org.get_value())>
                            "编辑"
                        </button>
                    </td>
                }
            });
            view! {
                <tr data-id=org.id.clone()>
                    <td>{org.code.clone()}</td>
                    <td>{org.name.clone()}</td>
                    <td>{org.kind.label()}</td>
                    <td>{name_of(&org.parent)}</td>
                    <td>{name_of(&org.section)}</td>
                    {edit}
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data" id="units-table">
            <thead>
                <tr>
                    <th>"编码"</th>
                    <th>"名称"</th>
                    <th>"类型"</th>
                    <th>"主管部门"</th>
                    <th>"归口业务股室"</th>
                    {admin.then(|| view! { <th>"操作"</th> })}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {empty.then(|| view! { <EmptyState text="没有符合条件的单位" /> })}
        <Pager state=pager total next_cursor total_id="units-total" />
    }
}
