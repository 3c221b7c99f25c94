//! Display helpers for values the API sends as text: times, scores, shares.
//! Amounts use `shared::money` (`format_yuan`, `format_wan`).

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;

/// China Standard Time (UTC+8), the time of every county using the product.
const CST_SECONDS: i32 = 8 * 3600;

/// An RFC 3339 time as `2026-03-01 09:30` in China Standard Time; the text
/// itself if it does not parse.
pub fn date_time(text: &str) -> String {
    let Some(cst) = FixedOffset::east_opt(CST_SECONDS) else {
        return text.to_owned();
    };
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&cst).format("%Y-%m-%d %H:%M").to_string())
        .unwrap_or_else(|_| text.to_owned())
}

/// A weight or score without trailing zeros: `30.00` → `30`, `17.50` → `17.5`.
pub fn number(value: Decimal) -> String {
    value.normalize().to_string()
}

/// A per-cent value with two places and the sign: `40` → `40.00%`.
pub fn percent(value: Decimal) -> String {
    let mut v = value.round_dp(2);
    v.rescale(2);
    format!("{v}%")
}

/// The 一级指标 heading of a 二级指标 (groups the 二级 selects).
pub fn level1_label(level2: shared::indicators::Level2) -> &'static str {
    level2.level1().label()
}
