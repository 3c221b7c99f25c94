use leptos::prelude::*;
use shared::permissions::Capability;

use super::create_user_panel::CreateUserPanel;
use super::grant_form::GrantForm;
use crate::api::ApiError;
use crate::api::users::{self, Issued, NewUser, User, UserChange};
use crate::components::{Card, Column, FilterBar, Notice, PageHead, PagedTable, PagerState};
use crate::contexts::use_session;

const PAGE_SIZE: u32 = 20;

/// An act on a row of the list.
#[derive(Debug, Clone)]
enum RowAct {
    /// 系统管理员: enable or disable.
    Toggle { id: String, active: bool, name: String },
    /// 安全管理员: lift a lockout.
    Unlock { id: String, name: String },
    /// 安全管理员: a new one-time password.
    Reset { id: String },
}

fn one_time(issued: &Issued, what: &str) -> String {
    format!(
        "{what} {}（{}）的一次性密码：{}。仅显示这一次，请当面转交；用户首次登录须修改密码。",
        issued.user.display_name, issued.user.username, issued.one_time_password
    )
}

/// 用户: the 系统管理员 opens accounts (a one-time password, the role
/// awaiting a grant) and enables or disables them; the 安全管理员 grants
/// roles, unlocks and resets passwords. Each sees only its own acts.
#[component]
pub fn UsersPage() -> impl IntoView {
    let session = use_session();
    let accounts = session.can_untracked(Capability::Administer);
    let security = session.can_untracked(Capability::ManageSecurity);
    let search = RwSignal::new(String::new());
    let awaiting = RwSignal::new(false);
    let pager = PagerState::new();
    let show_create = RwSignal::new(false);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let granting = RwSignal::new(None::<User>);
    let granted = RwSignal::new(0u32);

    let create = Action::new_local(move |input: &NewUser| {
        let input = input.clone();
        async move {
            let created = users::create(input).await;
            if let Ok(issued) = &created {
                notice.set(Some(Ok(one_time(issued, "已新建用户，角色待安全管理员授权。"))));
                show_create.set(false);
            }
            created.map(|issued| issued.user)
        }
    });
    let act = Action::new_local(move |act: &RowAct| {
        let act = act.clone();
        async move {
            let result = match act {
                RowAct::Toggle { id, active, name } => users::update(id, UserChange { active: Some(!active) })
                    .await
                    .map(|_| format!("已{}用户 {name}", if active { "停用" } else { "启用" })),
                RowAct::Unlock { id, name } => users::unlock(id).await.map(|_| format!("已解锁用户 {name}")),
                RowAct::Reset { id } => users::reset_password(id).await.map(|i| one_time(&i, "已重置密码。")),
            };
            notice.set(Some(result.map_err(|e: ApiError| e.message)));
        }
    });
    let on_granted = Callback::new(move |user: User| {
        notice.set(Some(Ok(format!(
            "已授予 {} {}（{}）",
            user.display_name,
            user.role.label(),
            user.organisation.name
        ))));
        granting.set(None);
        granted.update(|n| *n += 1);
    });
    let load = move |after| {
        let search = Some(search.get()).filter(|s| !s.is_empty());
        let awaiting = awaiting.get().then_some(true);
        create.version().track();
        act.version().track();
        granted.track();
        users::list(search, awaiting, PAGE_SIZE, after)
    };

    view! {
        <PageHead title="用户">
            {accounts
                .then(|| {
                    view! {
                        <button id="new-user" on:click=move |_| show_create.update(|v| *v = !*v)>
                            {move || if show_create.get() { "收起" } else { "新建用户" }}
                        </button>
                    }
                })}
        </PageHead>
        <Notice message=notice />
        <Show when=move || show_create.get()>
            <CreateUserPanel create />
        </Show>
        {move || granting.get().map(|user| view! { <GrantForm user on_granted on_cancel=move || granting.set(None) /> })}
        <Card>
            <FilterBar search search_id="user-search" placeholder="用户名或姓名" pager>
                <label class="check">
                    <input
                        id="user-awaiting"
                        type="checkbox"
                        on:change=move |ev| {
                            awaiting.set(event_target_checked(&ev));
                            pager.reset();
                        }
                    />
                    "只看待授权"
                </label>
            </FilterBar>
            <PagedTable
                id="users-table"
                total_id="users-total"
                empty="没有符合条件的用户"
                columns=user_columns(act, granting, accounts, security)
                row_key=|u: &User| u.id.clone()
                pager
                load
            />
        </Card>
    }
}

/// The account's state, the most pressing first.
fn status(user: &User) -> AnyView {
    if !user.active {
        view! { <span class="tag muted">"已停用"</span> }.into_any()
    } else if let Some(until) = &user.locked_until {
        view! { <span class="tag danger" title=format!("锁定至 {until}")>"已锁定"</span> }.into_any()
    } else if user.role_granted == Some(false) {
        view! { <span class="tag warn">"待授权"</span> }.into_any()
    } else if user.must_change_password == Some(true) {
        view! { <span class="tag warn">"待修改初始密码"</span> }.into_any()
    } else {
        view! { <span class="tag ok">"正常"</span> }.into_any()
    }
}

fn user_columns(
    act: Action<RowAct, ()>,
    granting: RwSignal<Option<User>>,
    accounts: bool,
    security: bool,
) -> Vec<Column<User>> {
    let busy = act.pending();
    let button = move |label: &'static str, act_of: RowAct| {
        view! {
            <button class="link" disabled=move || busy.get() on:click=move |_| {
                act.dispatch(act_of.clone());
            }>{label}</button>
        }
    };
    vec![
        Column::new("用户名", |u: &User| u.username.clone()),
        Column::new("姓名", |u: &User| u.display_name.clone()),
        Column::new("角色", |u: &User| u.role.label()),
        Column::new("所属单位", |u: &User| u.organisation.name.clone()),
        Column::new("状态", status),
        Column::new("操作", move |u: &User| {
            let (id, name) = (u.id.clone(), u.display_name.clone());
            let toggle = accounts.then(|| {
                let act_of = RowAct::Toggle { id: id.clone(), active: u.active, name: name.clone() };
                button(if u.active { "停用" } else { "启用" }, act_of)
            });
            let grant = security.then(|| {
                let user = u.clone();
                view! { <button class="link grant-open" on:click=move |_| granting.set(Some(user.clone()))>"授权"</button> }
            });
            let unlock = (security && u.locked_until.is_some())
                .then(|| button("解锁", RowAct::Unlock { id: id.clone(), name: name.clone() }));
            let reset = security.then(|| button("重置密码", RowAct::Reset { id: id.clone() }));
            view! { {toggle} {grant} {unlock} {reset} }
        })
        .class("actions"),
    ]
}
