use leptos::prelude::*;
use shared::passwords::check_password;

use super::create_user_panel::CreateUserPanel;
use crate::api::users::{self, NewUser, User, UserChange};
use crate::api::{ApiError, Connection};
use crate::components::{AsyncSection, EmptyState, FieldError, Pager, PagerState};

const PAGE_SIZE: u32 = 20;

/// A change made from a row of the list, and how to report it.
#[derive(Debug, Clone)]
struct RowChange {
    id: String,
    change: UserChange,
    done: String,
}

/// 用户 (admin): search and page through users; create one; enable or
/// disable, unlock, reset a password.
#[component]
pub fn UsersPage() -> impl IntoView {
    let search_input = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let pager = PagerState::new();
    let show_create = RwSignal::new(false);
    let notice = RwSignal::new(None::<Result<String, String>>);
    let resetting = RwSignal::new(None::<String>);

    let create = Action::new_local(move |input: &NewUser| {
        let input = input.clone();
        async move {
            let created = users::create(input).await;
            if let Ok(user) = &created {
                notice.set(Some(Ok(format!("已新建用户 {}（{}）", user.display_name, user.username))));
                show_create.set(false);
            }
            created
        }
    });
    let update = Action::new_local(move |row: &RowChange| {
        let row = row.clone();
        async move {
            match users::update(row.id, row.change).await {
                Ok(_) => {
                    notice.set(Some(Ok(row.done)));
                    resetting.set(None);
                }
                Err(err) => notice.set(Some(Err(err.message))),
            }
        }
    });
    let list = LocalResource::new(move || {
        let search = Some(search.get()).filter(|s| !s.is_empty());
        let after = pager.after();
        create.version().track();
        update.version().track();
        users::list(search, PAGE_SIZE, after)
    });

    view! {
        <div class="page-head">
            <h1>"用户"</h1>
            <button id="new-user" on:click=move |_| show_create.update(|v| *v = !*v)>
                {move || if show_create.get() { "收起" } else { "新建用户" }}
            </button>
        </div>
        {move || {
            notice
                .get()
                .map(|n| match n {
                    Ok(text) => view! { <div class="notice ok">{text}</div> }.into_any(),
                    Err(text) => view! { <div class="notice error" role="alert">{text}</div> }.into_any(),
                })
        }}
        <Show when=move || show_create.get()>
            <CreateUserPanel create />
        </Show>
        <div class="card">
            <div class="toolbar">
                <form on:submit=move |ev| {
                    ev.prevent_default();
                    search.set(search_input.get_untracked().trim().to_owned());
                    pager.reset();
                }>
                    <input id="user-search" type="search" placeholder="用户名或姓名" bind:value=search_input />
                    <button type="submit" class="secondary">
                        "查询"
                    </button>
                </form>
            </div>
            <AsyncSection>
                {move || Suspend::new(async move {
                    let page = list.await?;
                    Ok::<_, ApiError>(users_table(page, pager, update, resetting))
                })}
            </AsyncSection>
        </div>
    }
}

fn users_table(
    page: Connection<User>,
    pager: PagerState,
    update: Action<RowChange, ()>,
    resetting: RwSignal<Option<String>>,
) -> impl IntoView {
    let total = page.total_count;
    let next_cursor = page.next_cursor();
    let empty = page.edges.is_empty();
    let busy = update.pending();
    let rows = page
        .into_nodes()
        .into_iter()
        .map(|user| {
            let id = user.id.clone();
            let toggle = {
                let (id, name, active) = (id.clone(), user.display_name.clone(), user.active);
                move |_| {
                    update.dispatch(RowChange {
                        id: id.clone(),
                        change: UserChange { active: Some(!active), ..Default::default() },
                        done: format!("已{}用户 {name}", if active { "停用" } else { "启用" }),
                    });
                }
            };
            let unlock = user.locked_until.clone().map(|until| {
                let (id, name) = (id.clone(), user.display_name.clone());
                let unlock = move |_| {
                    update.dispatch(RowChange {
                        id: id.clone(),
                        change: UserChange { unlock: Some(true), ..Default::default() },
                        done: format!("已解锁用户 {name}"),
                    });
                };
                (until, unlock)
            });
            let status = match (&unlock, user.active) {
                (_, false) => view! { <span class="tag muted">"已停用"</span> }.into_any(),
                (Some((until, _)), true) => {
                    view! { <span class="tag danger" title=format!("锁定至 {until}")>"已锁定"</span> }.into_any()
                }
                (None, true) => view! { <span class="tag ok">"正常"</span> }.into_any(),
            };
            let reset_id = id.clone();
            let open_reset = move |_| resetting.set(Some(reset_id.clone()));
            let row_id = id.clone();
            let reset_row = move || {
                resetting.with(|r| r.as_deref() == Some(row_id.as_str())).then(|| {
                    view! {
                        <tr class="inline-row">
                            <td colspan="6">
                                <ResetPassword id=row_id.clone() update resetting />
                            </td>
                        </tr>
                    }
                })
            };
            view! {
                <tr data-id=id.clone()>
                    <td>{user.username.clone()}</td>
                    <td>{user.display_name.clone()}</td>
                    <td>{user.role.label()}</td>
                    <td>{user.organisation.name.clone()}</td>
                    <td>{status}</td>
                    <td class="actions">
                        <button class="link" disabled=move || busy.get() on:click=toggle>
                            {if user.active { "停用" } else { "启用" }}
                        </button>
                        {unlock
                            .map(|(_, unlock)| {
                                view! {
                                    <button class="link" disabled=move || busy.get() on:click=unlock>
                                        "解锁"
                                    </button>
                                }
                            })}
                        <button class="link" on:click=open_reset>
                            "重置密码"
                        </button>
                    </td>
                </tr>
                {reset_row}
            }
        })
        .collect_view();
    view! {
        <table class="data" id="users-table">
            <thead>
                <tr>
                    <th>"用户名"</th>
                    <th>"姓名"</th>
                    <th>"角色"</th>
                    <th>"所属单位"</th>
                    <th>"状态"</th>
                    <th>"操作"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        {empty.then(|| view! { <EmptyState text="没有符合条件的用户" /> })}
        <Pager state=pager total next_cursor total_id="users-total" />
    }
}

/// Sets a new password for a user, checked live against the password policy.
#[component]
fn ResetPassword(id: String, update: Action<RowChange, ()>, resetting: RwSignal<Option<String>>) -> impl IntoView {
    let password = RwSignal::new(String::new());
    let problem = Signal::derive(move || {
        password.with(|p| (!p.is_empty()).then(|| check_password(p).err().map(|e| e.to_string())).flatten())
    });
    let valid = move || password.with(|p| check_password(p).is_ok());
    let id = StoredValue::new(id);
    view! {
        <form
            class="inline-form"
            on:submit=move |ev| {
                ev.prevent_default();
                if valid() {
                    update.dispatch(RowChange {
                        id: id.get_value(),
                        change: UserChange { password: Some(password.get_untracked()), ..Default::default() },
                        done: "密码已重置".to_owned(),
                    });
                }
            }
        >
            <label class="field">
                <span class="label">"新密码"</span>
                <input id="reset-password" type="password" autocomplete="new-password" bind:value=password />
                <FieldError id="error-reset-password" message=problem />
            </label>
            <div class="field">
                <span class="label">" "</span>
                <span class="form-actions">
                    <button type="submit" disabled=move || !valid() || update.pending().get()>
                        "确定"
                    </button>
                    <button type="button" class="secondary" on:click=move |_| resetting.set(None)>
                        "取消"
                    </button>
                </span>
            </div>
        </form>
    }
}
