//! Input checks of every mutation: `shared::text` and `shared::limits` turned
//! into `BAD_USER_INPUT` errors that name the field (issue 7 item 5).
//!
//! Services call these before they open a transaction, so a refused input
//! writes nothing: no row, no audit entry.

use std::fmt::Display;
use std::hash::Hash;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use shared::limits::{self, CountKind, NumberKind};
use shared::text::{self, NAME_MAX};

use crate::error::{AppError, AppResult};

/// A required one-line name of at most [`NAME_MAX`] characters, trimmed.
pub fn name(field: &'static str, label: &str, value: &str) -> AppResult<String> {
    name_max(field, label, value, NAME_MAX)
}

/// A required one-line text of at most `max` characters, trimmed.
pub fn name_max(field: &'static str, label: &str, value: &str, max: usize) -> AppResult<String> {
    text::check_name(value, max).map_err(|e| AppError::bad_field(field, e.message(label)))
}

/// An optional one-line text (may be empty), trimmed.
pub fn line(field: &'static str, label: &str, value: &str, max: usize) -> AppResult<String> {
    text::check_line(value, max).map_err(|e| AppError::bad_field(field, e.message(label)))
}

/// An optional multi-line text (line breaks and tabs allowed), trimmed.
pub fn multiline(field: &'static str, label: &str, value: &str, max: usize) -> AppResult<String> {
    text::check_multiline(value, max).map_err(|e| AppError::bad_field(field, e.message(label)))
}

/// A required multi-line text (a reason, an opinion, a conclusion), trimmed.
pub fn required_multiline(field: &'static str, label: &str, value: &str, max: usize) -> AppResult<String> {
    text::check_required_multiline(value, max).map_err(|e| AppError::bad_field(field, e.message(label)))
}

/// A number of `kind`, in its documented range and places.
pub fn number(field: &'static str, label: &str, kind: NumberKind, value: Decimal) -> AppResult<Decimal> {
    limits::check(kind, value).map_err(|e| AppError::bad_field(field, format!("{label}：{e}")))
}

/// A number typed as text (strict grammar), in its kind's range.
pub fn parse_number(field: &'static str, label: &str, kind: NumberKind, value: &str) -> AppResult<Decimal> {
    limits::parse(kind, value).map_err(|e| AppError::bad_field(field, format!("{label}：{e}")))
}

/// A whole number of `kind`.
pub fn count(field: &'static str, kind: CountKind, value: i64) -> AppResult<i64> {
    limits::check_count(kind, value).map_err(|e| AppError::bad_field(field, e.to_string()))
}

/// A list input carries each item once (and at most `limits::MAX_LIST` items).
pub fn distinct<T: Eq + Hash + Display>(field: &'static str, items: &[T]) -> AppResult<()> {
    limits::check_distinct(items).map_err(|e| AppError::bad_field(field, e.to_string()))
}

/// A `YYYY-MM-DD` date inside `fiscal_year`'s window.
pub fn fiscal_date(field: &'static str, label: &str, value: &str, fiscal_year: i32) -> AppResult<NaiveDate> {
    text::parse_fiscal_date(value, fiscal_year).map_err(|e| AppError::bad_field(field, format!("{label}：{e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(err: AppError) -> Option<&'static str> {
        match err {
            AppError::BadInput { field, .. } => field,
            _ => None,
        }
    }

    #[test]
    fn each_check_names_its_field() {
        assert_eq!(name("name", "项目名称", " 学校 ").ok().as_deref(), Some("学校"));
        assert_eq!(field(name("name", "项目名称", "a\0b").unwrap_err()), Some("name"));
        assert_eq!(field(name("name", "项目名称", "\u{3000}").unwrap_err()), Some("name"));
        assert_eq!(field(line("unit", "计量单位", "人\n", 20).unwrap_err()), Some("unit"));
        assert_eq!(multiline("note", "备注", "一\n二", 20).ok().as_deref(), Some("一\n二"));
        assert_eq!(field(required_multiline("reasons", "理由", " \n", 20).unwrap_err()), Some("reasons"));
        let max = Decimal::from(1_000_000_000_001i64);
        assert_eq!(field(number("actual", "实际值", NumberKind::IndicatorValue, max).unwrap_err()), Some("actual"));
        assert_eq!(field(parse_number("score", "评分", NumberKind::Score, "1e2").unwrap_err()), Some("score"));
        assert_eq!(field(count("size", CountKind::PanelSize, 0).unwrap_err()), Some("size"));
        assert_eq!(field(distinct("assessmentIds", &[1, 1]).unwrap_err()), Some("assessmentIds"));
        assert_eq!(field(fiscal_date("dueDate", "截止日期", "0000-01-01", 2026).unwrap_err()), Some("dueDate"));
        assert!(fiscal_date("dueDate", "截止日期", "2026-10-15", 2026).is_ok());
    }
}
