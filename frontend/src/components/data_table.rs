//! The data table of the page kit: a list of column definitions over rows of
//! any type; an optional detail row under each row; an optional footer.

use std::sync::Arc;

use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::monitoring::Light;

use super::{EmptyState, LightBadge, Money};

type Cell<T> = Arc<dyn Fn(&T) -> AnyView + Send + Sync>;

/// One column: its heading, the class of its cells (`num`, `wrap`,
/// `actions`) and how a row shows in it.
pub struct Column<T> {
    head: Arc<dyn Fn() -> AnyView + Send + Sync>,
    class: &'static str,
    cell: Cell<T>,
}

impl<T> Clone for Column<T> {
    fn clone(&self) -> Self {
        Self { head: self.head.clone(), class: self.class, cell: self.cell.clone() }
    }
}

impl<T: 'static> Column<T> {
    /// A column of any view.
    pub fn new<V: IntoView + 'static>(head: &'static str, cell: impl Fn(&T) -> V + Send + Sync + 'static) -> Self {
        Self { head: Arc::new(move || head.into_any()), class: "", cell: Arc::new(move |row| cell(row).into_any()) }
    }

    /// A right-aligned number.
    pub fn num<V: IntoView + 'static>(head: &'static str, cell: impl Fn(&T) -> V + Send + Sync + 'static) -> Self {
        Self::new(head, cell).class("num")
    }

    /// An amount in 元 (`—` when there is none).
    pub fn yuan(head: &'static str, amount: impl Fn(&T) -> Option<Decimal> + Send + Sync + 'static) -> Self {
        Self::num(head, move |row| view! { <Money value=amount(row) /> })
    }

    /// An amount in 万元.
    pub fn wan(head: &'static str, amount: impl Fn(&T) -> Decimal + Send + Sync + 'static) -> Self {
        Self::num(head, move |row| view! { <Money value=Some(amount(row)) wan=true /> })
    }

    /// A monitoring light as its badge.
    pub fn light(head: &'static str, light: impl Fn(&T) -> Option<Light> + Send + Sync + 'static) -> Self {
        Self::new(head, move |row| {
            let light = light(row);
            view! { <LightBadge light=Signal::derive(move || light) /> }
        })
    }

    /// Long text that may wrap.
    pub fn wrap(self) -> Self {
        self.class("wrap")
    }

    /// The class of the column's cells (and heading).
    pub fn class(mut self, class: &'static str) -> Self {
        self.class = class;
        self
    }

    /// A heading other than text (e.g. a light badge).
    pub fn head<V: IntoView + 'static>(mut self, head: impl Fn() -> V + Send + Sync + 'static) -> Self {
        self.head = Arc::new(move || head().into_any());
        self
    }
}

/// What unfolds under a row: shown while `open` (tracked) says so.
pub struct RowDetail<T> {
    open: Arc<dyn Fn(&T) -> bool + Send + Sync>,
    view: Cell<T>,
}

impl<T> Clone for RowDetail<T> {
    fn clone(&self) -> Self {
        Self { open: self.open.clone(), view: self.view.clone() }
    }
}

impl<T: 'static> RowDetail<T> {
    pub fn new<V: IntoView + 'static>(
        open: impl Fn(&T) -> bool + Send + Sync + 'static,
        view: impl Fn(&T) -> V + Send + Sync + 'static,
    ) -> Self {
        Self { open: Arc::new(open), view: Arc::new(move |row| view(row).into_any()) }
    }
}

fn class_of(class: &'static str) -> Option<&'static str> {
    (!class.is_empty()).then_some(class)
}

/// A table (`table.data#id`) of `rows` by `columns`. Rows carry `data-id`
/// from `row_key`; with `detail`, a `tr.details` row unfolds under each row.
/// With no rows it says `empty`.
#[component]
pub fn DataTable<T>(
    #[prop(optional)] id: Option<&'static str>,
    columns: Vec<Column<T>>,
    rows: Vec<T>,
    /// What to say when there are no rows.
    #[prop(optional)]
    empty: &'static str,
    /// More classes of the table.
    #[prop(optional)]
    class: &'static str,
    #[prop(optional)] row_class: &'static str,
    #[prop(optional_no_strip)] row_key: Option<fn(&T) -> String>,
    #[prop(optional_no_strip)] detail: Option<RowDetail<T>>,
    /// A totals row, one text per column.
    #[prop(optional_no_strip)]
    footer: Option<Vec<String>>,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    let span = columns.len();
    let heads = columns.iter().map(|c| view! { <th class=class_of(c.class)>{(c.head)()}</th> }).collect_view();
    let is_empty = rows.is_empty();
    let body = rows
        .into_iter()
        .map(|row| {
            let row = Arc::new(row);
            let cells =
                columns.iter().map(|c| view! { <td class=class_of(c.class)>{(c.cell)(&row)}</td> }).collect_view();
            let unfolded = detail.clone().map(|detail| {
                let row = row.clone();
                move || {
                    (detail.open)(&row).then(|| {
                        view! {
                            <tr class="details">
                                <td colspan=span>{(detail.view)(&row)}</td>
                            </tr>
                        }
                    })
                }
            });
            view! {
                <tr class=class_of(row_class) data-id=row_key.map(|key| key(&row))>
                    {cells}
                </tr>
                {unfolded}
            }
        })
        .collect_view();
    let foot = footer.map(|texts| {
        let cells =
            columns.iter().zip(texts).map(|(c, text)| view! { <td class=class_of(c.class)>{text}</td> }).collect_view();
        view! {
            <tfoot>
                <tr>{cells}</tr>
            </tfoot>
        }
    });
    view! {
        <div class="table-scroll">
            <table class=format!("data {class}") id=id>
                <thead>
                    <tr>{heads}</tr>
                </thead>
                <tbody>{body}</tbody>
                {foot}
            </table>
        </div>
        {(is_empty && !empty.is_empty()).then(|| view! { <EmptyState text=empty /> })}
    }
}
