//! Keyset pagination over ids, shared by every list.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use crate::error::{AppError, AppResult};

pub const MAX_PAGE: i32 = 100;

/// A validated page request: `first` rows after the row with id `after`.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub first: u64,
    pub after: Option<i64>,
}

impl PageRequest {
    pub fn parse(first: Option<i32>, after: Option<&str>, default: i32) -> AppResult<Self> {
        let first = first.unwrap_or(default);
        if !(1..=MAX_PAGE).contains(&first) {
            return Err(AppError::bad_field("first", format!("每页条数须在 1 到 {MAX_PAGE} 之间")));
        }
        let after = after.map(decode_cursor).transpose()?;
        Ok(PageRequest { first: u64::try_from(first).unwrap_or(1), after })
    }
}

/// One page of rows plus what a connection needs to describe it.
pub struct Page<M> {
    pub rows: Vec<M>,
    pub has_next: bool,
    pub total: u64,
}

/// Fetches a page of `select`, ordered by `id_col`, with the total count.
pub async fn fetch<E, C>(
    db: &impl ConnectionTrait,
    select: Select<E>,
    id_col: C,
    page: PageRequest,
) -> AppResult<Page<E::Model>>
where
    E: EntityTrait,
    E::Model: Sync,
    C: ColumnTrait,
{
    let total = select.clone().count(db).await?;
    let mut query = select.order_by_asc(id_col).limit(page.first + 1);
    if let Some(after) = page.after {
        query = query.filter(id_col.gt(after));
    }
    let mut rows = query.all(db).await?;
    let has_next = rows.len() as u64 > page.first;
    rows.truncate(usize::try_from(page.first).unwrap_or(usize::MAX));
    Ok(Page { rows, has_next, total })
}

pub fn encode_cursor(id: i64) -> String {
    URL_SAFE_NO_PAD.encode(format!("id:{id}"))
}

fn decode_cursor(cursor: &str) -> AppResult<i64> {
    let bad = || AppError::bad_field("after", "分页游标无效");
    let bytes = URL_SAFE_NO_PAD.decode(cursor).map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    text.strip_prefix("id:").and_then(|id| id.parse().ok()).ok_or_else(bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_garbage_is_refused() {
        assert_eq!(decode_cursor(&encode_cursor(1234)).unwrap(), 1234);
        assert!(decode_cursor("nonsense!").is_err());
        assert!(PageRequest::parse(Some(0), None, 20).is_err());
        assert!(PageRequest::parse(Some(101), None, 20).is_err());
        assert_eq!(PageRequest::parse(None, None, 20).unwrap().first, 20);
    }
}
