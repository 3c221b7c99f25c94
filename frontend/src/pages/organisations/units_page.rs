use leptos::prelude::*;
use shared::organisations::OrgKind;
use shared::permissions::{Capability, Scope, unit_scope};

use super::organisation_form::{OrganisationForm, SaveOrganisation};
use crate::api::organisations::{self, OrgSummary, Organisation};
use crate::components::{Card, Column, EnumFilter, FilterBar, Notice, PageHead, PagedTable, PagerState};
use crate::contexts::use_session;

const PAGE_SIZE: u32 = 20;
const UNIT_KINDS: &[OrgKind] = &[OrgKind::Department, OrgKind::Township];

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
    let search = RwSignal::new(String::new());
    let pager = PagerState::new();
    // The organisation being edited: `Some(None)` for a new one.
    let editing = RwSignal::new(None::<Option<Organisation>>);
    let notice = RwSignal::new(None::<Result<String, String>>);

    let save = Action::new_local(move |request: &SaveOrganisation| {
        let request = request.clone();
        async move {
            let saved = match request {
                SaveOrganisation::Create(input) => organisations::create(input).await,
                SaveOrganisation::Update(id, input) => organisations::update(id, input).await,
            };
            if let Ok(org) = &saved {
                notice.set(Some(Ok(format!("已保存：{} {}", org.code, org.name))));
                editing.set(None);
            }
            saved
        }
    });
    let open = move |org: Option<Organisation>| {
        notice.set(None);
        save.clear();
        editing.set(Some(org));
    };
    let load = move |after| {
        let search = Some(search.get()).filter(|s| !s.is_empty());
        save.version().track();
        organisations::list(kind.get(), search, PAGE_SIZE, after)
    };
    let on_close = Callback::new(move |()| editing.set(None));

    view! {
        <PageHead title="单位" hint=scope_note.unwrap_or_default()>
            {admin.then(|| view! { <button id="new-organisation" on:click=move |_| open(None)>"新建单位"</button> })}
        </PageHead>
        <Notice message=notice />
        {move || editing.get().map(|initial| view! { <OrganisationForm initial save on_close /> })}
        <Card>
            <FilterBar search search_id="unit-search" placeholder="编码或名称" pager>
                <EnumFilter
                    label="类型"
                    id="filter-org-kind"
                    value=kind
                    options=if admin { OrgKind::ALL } else { UNIT_KINDS }
                    pager
                />
            </FilterBar>
            <PagedTable id="units-table" total_id="units-total" empty="没有符合条件的单位"
                columns=unit_columns(admin, open) row_key=|o: &Organisation| o.id.clone() pager load />
        </Card>
    }
}

fn unit_columns(
    admin: bool,
    on_edit: impl Fn(Option<Organisation>) + Copy + Send + Sync + 'static,
) -> Vec<Column<Organisation>> {
    let name_of = |org: &Option<OrgSummary>| org.as_ref().map_or_else(|| "—".to_owned(), |o| o.name.clone());
    let mut columns = vec![
        Column::new("编码", |o: &Organisation| o.code.clone()),
        Column::new("名称", |o: &Organisation| o.name.clone()),
        Column::new("类型", |o: &Organisation| o.kind.label()),
        Column::new("主管部门", move |o: &Organisation| name_of(&o.parent)),
        Column::new("归口业务股室", move |o: &Organisation| name_of(&o.section)),
    ];
    if admin {
        columns.push(
            Column::new("操作", move |o: &Organisation| {
                let org = StoredValue::new(o.clone());
                view! { <button class="link" on:click=move |_| on_edit(Some(org.get_value()))>"编辑"</button> }
            })
            .class("actions"),
        );
    }
    columns
}
