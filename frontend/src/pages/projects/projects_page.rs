use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::permissions::Capability;

use crate::api::projects::{self, Project, ProjectFilter};
use crate::api::years::FiscalYear;
use crate::components::{
    Card, Column, Confirm, ConfirmDialog, EnumFilter, FilterBar, Notice, PageHead, PagedTable, YearGate, YearSelect,
};
use crate::contexts::{ProjectListState, use_project_list, use_session, use_years};
use crate::nav::NavItem;

/// 我的项目 (units) / 项目 (finance sections, leadership): the projects of a
/// budget year, filtered and paged. Units and finance sections may add, edit
/// and delete; leadership reads only.
#[component]
pub fn ProjectsPage() -> impl IntoView {
    let session = use_session();
    let years = use_years();
    let navigate = use_navigate();
    let role = session.user_untracked().map(|user| user.role);
    let title = role.map_or("项目", |role| NavItem::Projects.label(role));
    let can_edit = session.can_untracked(Capability::EditProjects);
    let year_open = move || years.current.get().is_some_and(|year| !year.status.is_read_only());

    // Kept in the session, so the list is as it was left after the form.
    let filters = use_project_list();
    // The pages belong to one year: another year starts again at the first page.
    Effect::new(move |_| {
        let year = years.current.get().map(|year| year.id);
        if filters.year_id.get_untracked() != year {
            filters.year_id.set(year);
            filters.pager.reset();
        }
    });
    let pager = filters.pager;

    view! {
        <PageHead title>
            <Show when=move || can_edit && year_open()>
                <button id="new-project" on:click={
                    let navigate = navigate.clone();
                    move |_| navigate("/projects/new", Default::default())
                }>"新建项目"</button>
            </Show>
        </PageHead>
        <Card>
            <FilterBar search=filters.search search_id="project-search" placeholder="编码或名称" pager>
                <YearSelect />
                <EnumFilter label="预算类型" id="filter-budget-type" value=filters.budget_type pager />
                <EnumFilter label="项目类型" id="filter-kind" value=filters.kind pager />
            </FilterBar>
            <Show when=move || years.current.get().is_some_and(|year| year.status.is_read_only())>
                <div class="notice info">"该预算年度已关闭，项目只读。"</div>
            </Show>
            <YearGate let:year>
                <ProjectTable year filters can_edit />
            </YearGate>
        </Card>
    }
}

#[component]
fn ProjectTable(year: FiscalYear, filters: ProjectListState, can_edit: bool) -> impl IntoView {
    let editable = can_edit && !year.status.is_read_only();
    let delete = Action::new_local(|id: &String| projects::delete(id.clone()));
    let notice = RwSignal::new(None::<Result<String, String>>);
    Effect::new(move |_| match delete.value().get() {
        Some(Err(err)) => notice.set(Some(Err(err.message))),
        Some(Ok(_)) => notice.set(Some(Ok("项目已删除".to_owned()))),
        None => {}
    });
    let confirm = Confirm::new();
    let on_delete = move |p: &Project| {
        let id = p.id.clone();
        confirm.ask(
            format!("删除项目「{} {}」", p.code, p.name),
            "项目及其尚未提交的绩效目标草稿将被删除，删除后不可恢复。",
            "确定删除",
            move || {
                delete.dispatch(id.clone());
            },
        );
    };
    let year_id = year.id;
    let load = move |after| {
        let filter = ProjectFilter {
            year_id: Some(year_id.clone()),
            budget_type: filters.budget_type.get(),
            kind: filters.kind.get(),
            search: Some(filters.search.get()).filter(|s| !s.is_empty()),
        };
        delete.version().track();
        projects::list(filter, after)
    };
    view! {
        <Notice message=notice />
        <ConfirmDialog confirm />
        <PagedTable id="projects-table" total_id="projects-total" empty="暂无符合条件的项目"
            columns=project_columns(editable, on_delete) row_key=|p: &Project| p.id.clone() pager=filters.pager load />
    }
}

fn project_columns(
    editable: bool,
    on_delete: impl Fn(&Project) + Copy + Send + Sync + 'static,
) -> Vec<Column<Project>> {
    vec![
        Column::new("编码", |p: &Project| p.code.clone()),
        Column::new("名称", |p: &Project| p.name.clone()),
        Column::new("单位", |p: &Project| p.unit.name.clone()),
        Column::new("类型", |p: &Project| p.kind.label()),
        Column::new("预算类型", |p: &Project| p.budget_type.label()),
        Column::yuan("申报金额(元)", |p: &Project| Some(p.requested_amount)),
        Column::yuan("批复金额(元)", |p: &Project| p.approved_amount),
        Column::new("新增/延续", |p: &Project| {
            if p.is_new {
                view! { <span class="tag">"新增"</span> }
            } else {
                view! { <span class="tag muted">"延续"</span> }
            }
        }),
        Column::new("操作", move |p: &Project| {
            let project = StoredValue::new(p.clone());
            view! {
                <a class="button secondary small" id=format!("target-{}", p.id) href=format!("/targets/{}", p.id)>
                    "绩效目标"
                </a>
                {editable.then(|| view! {
                    <a href=format!("/projects/{}/edit", p.id)>"编辑"</a>
                    <button class="link danger" on:click=move |_| project.with_value(|p| on_delete(p))>"删除"</button>
                })}
            }
        })
        .class("actions"),
    ]
}
