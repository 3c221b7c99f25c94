use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::money::format_yuan;
use shared::permissions::Capability;
use shared::projects::{BudgetType, ProjectKind};

use crate::api::projects::{self, Project, ProjectFilter};
use crate::api::years::FiscalYear;
use crate::api::{ApiError, Connection};
use crate::components::{AsyncSection, EmptyState, EnumSelect, Pager, PagerState, YearGate, YearSelect};
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
    let search_input = RwSignal::new(filters.search.get_untracked());
    // The pages belong to one year: another year starts again at the first page.
    Effect::new(move |_| {
        let year = years.current.get().map(|year| year.id);
        if filters.year_id.get_untracked() != year {
            filters.year_id.set(year);
            filters.pager.reset();
        }
    });
    let reset_pager = Callback::new(move |()| filters.pager.reset());

    view! {
        <div class="page-head">
            <h1>{title}</h1>
            <Show when=move || can_edit && year_open()>
                <button
                    id="new-project"
                    on:click={
                        let navigate = navigate.clone();
                        move |_| navigate("/projects/new", Default::default())
                    }
                >
                    "新建项目"
                </button>
            </Show>
        </div>
        <div class="card">
            <div class="toolbar">
                <YearSelect />
                <label>
                    "预算类型"
                    <EnumSelect
                        id="filter-budget-type"
                        options=BudgetType::ALL
                        value=filters.budget_type
                        label=BudgetType::label
                        code=BudgetType::as_str
                        parse=BudgetType::parse
                        any_label="全部"
                        on_change=reset_pager
                    />
                </label>
                <label>
                    "项目类型"
                    <EnumSelect
                        id="filter-kind"
                        options=ProjectKind::ALL
                        value=filters.kind
                        label=ProjectKind::label
                        code=ProjectKind::as_str
                        parse=ProjectKind::parse
                        any_label="全部"
                        on_change=reset_pager
                    />
                </label>
                <form on:submit=move |ev| {
                    ev.prevent_default();
                    filters.search.set(search_input.get_untracked().trim().to_owned());
                    filters.pager.reset();
                }>
                    <input
                        id="project-search"
                        type="search"
                        placeholder="编码或名称"
                        bind:value=search_input
                    />
                    <button type="submit" class="secondary">
                        "查询"
                    </button>
                </form>
            </div>
            <Show when=move || years.current.get().is_some_and(|year| year.status.is_read_only())>
                <div class="notice info">"该预算年度已关闭，项目只读。"</div>
            </Show>
            <YearGate let:year>
                <ProjectTable year filters can_edit />
            </YearGate>
        </div>
    }
}

#[component]
fn ProjectTable(year: FiscalYear, filters: ProjectListState, can_edit: bool) -> impl IntoView {
    let editable = can_edit && !year.status.is_read_only();
    let year_id = year.id.clone();
    let delete = Action::new_local(|id: &String| projects::delete(id.clone()));
    let page = LocalResource::new(move || {
        let filter = ProjectFilter {
            year_id: Some(year_id.clone()),
            budget_type: filters.budget_type.get(),
            kind: filters.kind.get(),
            search: Some(filters.search.get()).filter(|s| !s.is_empty()),
        };
        let after = filters.pager.after();
        delete.version().track();
        projects::list(filter, after)
    });
    let delete_error = move || match delete.value().get() {
        Some(Err(err)) => Some(view! { <div class="notice error" role="alert">{err.message}</div> }),
        _ => None,
    };
    let on_delete = move |project: &Project| {
        let question = format!("确定删除项目「{} {}」吗？删除后不可恢复。", project.code, project.name);
        if window().confirm_with_message(&question).unwrap_or(false) {
            delete.dispatch(project.id.clone());
        }
    };
    view! {
        {delete_error}
        <AsyncSection>
            {move || Suspend::new(async move {
                let connection: Connection<Project> = page.await?;
                Ok::<_, ApiError>(project_table(connection, filters.pager, editable, on_delete))
            })}
        </AsyncSection>
    }
}

fn project_table(
    connection: Connection<Project>,
    pager: PagerState,
    editable: bool,
    on_delete: impl Fn(&Project) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let navigate = use_navigate();
    let total = connection.total_count;
    let next_cursor = connection.next_cursor();
    let empty = connection.edges.is_empty();
    let rows = connection
        .into_nodes()
        .into_iter()
        .map(|project| {
            let project = StoredValue::new(project);
            let p = project.get_value();
            view! {
                <tr data-id=p.id.clone()>
                    <td>{p.code.clone()}</td>
                    <td>{p.name.clone()}</td>
                    <td>{p.unit.name.clone()}</td>
                    <td>{p.kind.label()}</td>
                    <td>{p.budget_type.label()}</td>
                    <td class="num">{format_yuan(p.requested_amount)}</td>
                    <td class="num">{p.approved_amount.map_or_else(|| "—".to_owned(), format_yuan)}</td>
                    <td>
                        {if p.is_new {
                            view! { <span class="tag">"新增"</span> }
                        } else {
                            view! { <span class="tag muted">"延续"</span> }
                        }}
                    </td>
                    <td class="actions">
                        <button
                            class="secondary small"
                            id=format!("target-{}", p.id)
                            on:click={
                                let navigate = navigate.clone();
                                let href = format!("/targets/{}", p.id);
                                move |_| navigate(&href, Default::default())
                            }
                        >
                            "绩效目标"
                        </button>
                        {editable
                            .then(|| {
                                view! {
                                    <a href=format!("/projects/{}/edit", p.id)>"编辑"</a>
                                    <button
                                        class="link danger"
                                        on:click=move |_| project.with_value(|p| on_delete(p))
                                    >
                                        "删除"
                                    </button>
                                }
                            })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="data" id="projects-table">
            <thead>
                <tr>
                    <th>"编码"</th>
                    <th>"名称"</th>
                    <th>"单位"</th>
                    <th>"类型"</th>
                    <th>"预算类型"</th>
                    <th class="num">"申报金额(元)"</th>
                    <th class="num">"批复金额(元)"</th>
                    <th>"新增/延续"</th>
                    <th>"操作"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {empty.then(|| view! { <EmptyState text="暂无符合条件的项目" /> })}
        <Pager state=pager total next_cursor total_id="projects-total" />
    }
}
