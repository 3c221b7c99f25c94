//! The budget years and the one selected for the lists and the overview,
//! shared by every page of the workspace (the choice survives navigation).

use leptos::prelude::*;
use shared::years::YearStatus;

use crate::api::ApiError;
use crate::api::years::{self, FiscalYear};
use crate::contexts::use_session;

/// The years and the selection.
#[derive(Clone, Copy)]
pub struct YearsContext {
    /// All years, newest first.
    pub list: LocalResource<Result<Vec<FiscalYear>, ApiError>>,
    chosen: RwSignal<Option<String>>,
    /// The selected year, or the default one, once the list is loaded.
    pub current: Memo<Option<FiscalYear>>,
}

impl YearsContext {
    pub fn select(&self, id: String) {
        self.chosen.set(Some(id));
    }

    /// Reloads the list (after a year is created or advanced).
    pub fn refetch(&self) {
        self.list.refetch();
    }
}

/// The year a page opens on: the newest year being worked on (执行 or 编制),
/// else the newest year.
pub fn default_year(years: &[FiscalYear]) -> Option<&FiscalYear> {
    years.iter().find(|y| matches!(y.status, YearStatus::Executing | YearStatus::Drafting)).or_else(|| years.first())
}

/// Loads the years; call once, in the workspace shell.
pub fn provide_years() -> YearsContext {
    let session = use_session();
    // Keyed on the user: nothing is asked before login, and a new login reloads.
    let list = LocalResource::new(move || {
        let signed_in = session.user().map(|user| user.id);
        async move {
            match signed_in {
                Some(_) => years::list().await,
                None => Ok(Vec::new()),
            }
        }
    });
    let chosen = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| {
        let chosen = chosen.get();
        list.get().and_then(Result::ok).and_then(|years| {
            chosen.and_then(|id| years.iter().find(|y| y.id == id).cloned()).or_else(|| default_year(&years).cloned())
        })
    });
    let context = YearsContext { list, chosen, current };
    provide_context(context);
    context
}

pub fn use_years() -> YearsContext {
    expect_context::<YearsContext>()
}
