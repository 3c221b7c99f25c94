use leptos::prelude::*;
use shared::passwords::check_password;

use super::create_user_panel::CreateUserPanel;
use crate::api::users::{self, NewUser, User, UserChange};
use crate::components::{Card, Column, FilterBar, FormField, Notice, PageHead, PagedTable, PagerState, RowDetail};

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
    let load = move |after| {
        let search = Some(search.get()).filter(|s| !s.is_empty());
        create.version().track();
        update.version().track();
        users::list(search, PAGE_SIZE, after)
    };
    let detail = RowDetail::new(
        move |u: &User| resetting.with(|r| r.as_deref() == Some(u.id.as_str())),
        move |u: &User| view! { <ResetPassword id=u.id.clone() update resetting /> },
    );

    view! {
        <PageHead title="用户">
            <button id="new-user" on:click=move |_| show_create.update(|v| *v = !*v)>
                {move || if show_create.get() { "收起" } else { "新建用户" }}
            </button>
        </PageHead>
        <Notice message=notice />
        <Show when=move || show_create.get()>
            <CreateUserPanel create />
        </Show>
        <Card>
            <FilterBar search search_id="user-search" placeholder="用户名或姓名" pager />
            <PagedTable id="users-table" total_id="users-total" empty="没有符合条件的用户"
                columns=user_columns(update, resetting) row_key=|u: &User| u.id.clone() detail pager load />
        </Card>
    }
}

fn status(user: &User) -> AnyView {
    match (&user.locked_until, user.active) {
        (_, false) => view! { <span class="tag muted">"已停用"</span> }.into_any(),
        (Some(until), true) => {
            view! { <span class="tag danger" title=format!("锁定至 {until}")>"已锁定"</span> }.into_any()
        }
        (None, true) => view! { <span class="tag ok">"正常"</span> }.into_any(),
    }
}

fn user_columns(update: Action<RowChange, ()>, resetting: RwSignal<Option<String>>) -> Vec<Column<User>> {
    let busy = update.pending();
    let change = move |user: &User, change: UserChange, done: String| {
        let row = RowChange { id: user.id.clone(), change, done };
        move |_| {
            update.dispatch(row.clone());
        }
    };
    vec![
        Column::new("用户名", |u: &User| u.username.clone()),
        Column::new("姓名", |u: &User| u.display_name.clone()),
        Column::new("角色", |u: &User| u.role.label()),
        Column::new("所属单位", |u: &User| u.organisation.name.clone()),
        Column::new("状态", status),
        Column::new("操作", move |u: &User| {
            let (name, active) = (u.display_name.clone(), u.active);
            let toggle = change(
                u,
                UserChange { active: Some(!active), ..Default::default() },
                format!("已{}用户 {name}", if active { "停用" } else { "启用" }),
            );
            let unlock = u.locked_until.is_some().then(|| {
                let unlock =
                    change(u, UserChange { unlock: Some(true), ..Default::default() }, format!("已解锁用户 {name}"));
                view! { <button class="link" disabled=move || busy.get() on:click=unlock>"解锁"</button> }
            });
            let id = u.id.clone();
            view! {
                <button class="link" disabled=move || busy.get() on:click=toggle>
                    {if active { "停用" } else { "启用" }}
                </button>
                {unlock}
                <button class="link" on:click=move |_| resetting.set(Some(id.clone()))>"重置密码"</button>
            }
        })
        .class("actions"),
    ]
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
            <FormField label="新密码" error=problem error_id="error-reset-password">
                <input id="reset-password" type="password" autocomplete="new-password" bind:value=password />
            </FormField>
            <div class="field">
                <span class="label">" "</span>
                <span class="form-actions">
                    <button type="submit" disabled=move || !valid() || update.pending().get()>"确定"</button>
                    <button type="button" class="secondary" on:click=move |_| resetting.set(None)>"取消"</button>
                </span>
            </div>
        </form>
    }
}
