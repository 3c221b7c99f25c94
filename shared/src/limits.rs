//! Input bounds: the documented range of every numeric input kind.
//!
//! Every number a user types (in the browser or through the API) is checked
//! here before it reaches a rule, so the browser and the server accept exactly
//! the same values and arithmetic on accepted values provably fits a `Decimal`
//! (28 significant digits):
//!
//! | kind | range | places |
//! |---|---|---|
//! | money (元) | 0 ..= 9,999,999,999,999.99 | 2 |
//! | indicator value (target, actual, forecast) | 0 ..= 1,000,000,000,000 | 4 |
//! | weight | > 0 ..= 100 | 2 |
//! | score | 0 ..= 100 | 2 |
//! | percentage | 0 ..= 1,000 | 2 |
//!
//! Counts (`CountKind`) are whole numbers: panel size 1–15, checkpoint month
//! 1–12, fiscal year 2000–2100, page size 1–100, items of a list input 0–1,000.
//!
//! The largest product a rule forms is value × 100 × 12 (≈ 1.2·10¹⁵) and the
//! largest sum the database forms is 10¹⁵ fen × rows, summed as NUMERIC (see
//! `docs/ARCHITECTURE.md`, "Sums"), far inside both.

use std::collections::HashSet;
use std::fmt::Display;
use std::hash::Hash;

use rust_decimal::Decimal;

use crate::money::MAX_YUAN;

/// What a number is, which decides its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NumberKind {
    /// An amount in 元.
    Money,
    /// An indicator's target value, actual to date or full-year forecast.
    IndicatorValue,
    /// An indicator's weight.
    Weight,
    /// A score: an expert's, one ex-ante dimension's, a total.
    Score,
    /// A percentage (execution rate, a rule setting such as 120 %).
    Percent,
}

/// The largest indicator value accepted: one trillion (10¹²).
pub const MAX_INDICATOR_VALUE: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);

/// The inclusive bounds and decimal places of a kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub min: Decimal,
    /// When true, `min` itself is refused (a weight must be above 0).
    pub min_exclusive: bool,
    pub max: Decimal,
    pub places: u32,
}

impl NumberKind {
    pub const ALL: &'static [NumberKind] =
        &[NumberKind::Money, NumberKind::IndicatorValue, NumberKind::Weight, NumberKind::Score, NumberKind::Percent];

    /// The Chinese name used in messages.
    pub fn label(self) -> &'static str {
        match self {
            NumberKind::Money => "金额",
            NumberKind::IndicatorValue => "指标值",
            NumberKind::Weight => "权重",
            NumberKind::Score => "分值",
            NumberKind::Percent => "百分比",
        }
    }

    pub fn range(self) -> Range {
        let (min, min_exclusive, max, places) = match self {
            NumberKind::Money => (Decimal::ZERO, false, MAX_YUAN, 2),
            NumberKind::IndicatorValue => (Decimal::ZERO, false, MAX_INDICATOR_VALUE, 4),
            NumberKind::Weight => (Decimal::ZERO, true, Decimal::ONE_HUNDRED, 2),
            NumberKind::Score => (Decimal::ZERO, false, Decimal::ONE_HUNDRED, 2),
            NumberKind::Percent => (Decimal::ZERO, false, Decimal::from(1000), 2),
        };
        Range { min, min_exclusive, max, places }
    }
}

/// Whole-number inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountKind {
    PanelSize,
    Month,
    Year,
    PageSize,
    ListItems,
}

impl CountKind {
    pub fn label(self) -> &'static str {
        match self {
            CountKind::PanelSize => "专家组人数",
            CountKind::Month => "月份",
            CountKind::Year => "年度",
            CountKind::PageSize => "每页条数",
            CountKind::ListItems => "列表项数",
        }
    }

    /// Inclusive bounds.
    pub fn range(self) -> (i64, i64) {
        match self {
            CountKind::PanelSize => (1, crate::experts::MAX_PANEL as i64),
            CountKind::Month => (1, 12),
            CountKind::Year => (2000, 2100),
            CountKind::PageSize => (1, 100),
            CountKind::ListItems => (0, MAX_LIST),
        }
    }
}

/// The most items a list input (ids, indicators, rows) may carry.
pub const MAX_LIST: i64 = 1000;

/// Why a number was refused. The message names the kind; callers that know
/// the field prefix it (`申报金额：…`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LimitError {
    #[error("{label}须为数字")]
    NotANumber { label: &'static str },
    #[error("{label}须在 {min} 到 {max} 之间")]
    OutOfRange { label: &'static str, min: String, max: String },
    #[error("{label}须大于 {min}、不超过 {max}")]
    NotAbove { label: &'static str, min: String, max: String },
    #[error("{label}最多 {places} 位小数")]
    TooPrecise { label: &'static str, places: u32 },
    #[error("列表中“{id}”重复出现")]
    Duplicate { id: String },
    #[error("列表最多 {max} 项")]
    TooMany { max: i64 },
}

/// Checks a number of `kind`; returns it with its scale set to the kind's
/// places (`1.5` money → `1.50`), so equal values compare and print alike.
pub fn check(kind: NumberKind, value: Decimal) -> Result<Decimal, LimitError> {
    let r = kind.range();
    let label = kind.label();
    let too_low = if r.min_exclusive { value <= r.min } else { value < r.min };
    if too_low || value > r.max {
        let (min, max) = (r.min.normalize().to_string(), r.max.normalize().to_string());
        return Err(if r.min_exclusive {
            LimitError::NotAbove { label, min, max }
        } else {
            LimitError::OutOfRange { label, min, max }
        });
    }
    if value.normalize().scale() > r.places {
        return Err(LimitError::TooPrecise { label, places: r.places });
    }
    let mut v = value.normalize();
    v.rescale(r.places);
    Ok(if kind == NumberKind::Money { v } else { v.normalize() })
}

/// Parses typed text strictly (digits, at most one `.`, an optional leading
/// `-`; no exponent, `_`, `+` or blanks inside) and checks it.
pub fn parse(kind: NumberKind, text: &str) -> Result<Decimal, LimitError> {
    parse_decimal(text).ok_or(LimitError::NotANumber { label: kind.label() }).and_then(|v| check(kind, v))
}

/// The strict decimal grammar of [`parse`], without a range.
pub fn parse_decimal(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = !int.is_empty()
        && t.len() <= 40
        && int.chars().all(|c| c.is_ascii_digit())
        && frac.chars().all(|c| c.is_ascii_digit())
        && !(digits.contains('.') && frac.is_empty());
    if !ok {
        return None;
    }
    t.parse().ok()
}

/// Checks a whole number of `kind`.
pub fn check_count(kind: CountKind, n: i64) -> Result<i64, LimitError> {
    let (min, max) = kind.range();
    if (min..=max).contains(&n) {
        Ok(n)
    } else {
        Err(LimitError::OutOfRange { label: kind.label(), min: min.to_string(), max: max.to_string() })
    }
}

/// A list input carries each item once and at most [`MAX_LIST`] items.
pub fn check_distinct<T: Eq + Hash + Display>(items: &[T]) -> Result<(), LimitError> {
    if items.len() as u64 > MAX_LIST as u64 {
        return Err(LimitError::TooMany { max: MAX_LIST });
    }
    let mut seen = HashSet::with_capacity(items.len());
    match items.iter().find(|item| !seen.insert(*item)) {
        Some(dup) => Err(LimitError::Duplicate { id: dup.to_string() }),
        None => Ok(()),
    }
}

/// `a × b`, or `None` when it would not fit a `Decimal`. Rules call these on
/// user numbers so that even an unchecked value cannot panic.
pub fn mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a ÷ b`, or `None` for a zero divisor or an overflow.
pub fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_div(b)
}

/// `Σ values`, or `None` when the sum would not fit.
pub fn sum(values: impl IntoIterator<Item = Decimal>) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, Decimal::checked_add)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn each_kind_has_its_documented_range() {
        assert_eq!(MAX_INDICATOR_VALUE, d("1000000000000"));
        assert_eq!(check(NumberKind::Money, d("9999999999999.99")), Ok(d("9999999999999.99")));
        assert!(check(NumberKind::Money, d("10000000000000")).is_err());
        assert_eq!(check(NumberKind::Money, d("1.5")).map(|v| v.to_string()), Ok("1.50".into()));
        assert_eq!(check(NumberKind::IndicatorValue, d("1000000000000")), Ok(d("1000000000000")));
        assert!(check(NumberKind::IndicatorValue, d("1000000000000.0001")).is_err());
        assert_eq!(check(NumberKind::IndicatorValue, d("0.0001")), Ok(d("0.0001")));
        assert_eq!(check(NumberKind::Weight, d("100")), Ok(d("100")));
        assert_eq!(check(NumberKind::Weight, d("0")).unwrap_err().to_string(), "权重须大于 0、不超过 100");
        assert_eq!(check(NumberKind::Score, d("100.01")).unwrap_err().to_string(), "分值须在 0 到 100 之间");
        assert_eq!(check(NumberKind::Percent, d("1000")), Ok(d("1000")));
        for kind in NumberKind::ALL {
            assert!(check(*kind, d("-0.01")).is_err(), "{kind:?}");
            assert!(check(*kind, Decimal::MAX).is_err(), "{kind:?}");
            assert!(check(*kind, Decimal::MIN).is_err(), "{kind:?}");
        }
    }

    #[test]
    fn too_many_places_are_refused_but_trailing_zeros_are_not() {
        assert_eq!(check(NumberKind::Money, d("1.001")).unwrap_err().to_string(), "金额最多 2 位小数");
        assert_eq!(check(NumberKind::Money, d("1.0000")).map(|v| v.to_string()), Ok("1.00".into()));
        assert_eq!(check(NumberKind::Score, d("18.500")).map(|v| v.to_string()), Ok("18.5".into()));
        assert!(check(NumberKind::IndicatorValue, d("0.00001")).is_err());
    }

    #[test]
    fn typed_numbers_follow_a_strict_grammar() {
        assert_eq!(parse(NumberKind::IndicatorValue, " 12.5 "), Ok(d("12.5")));
        assert_eq!(parse(NumberKind::IndicatorValue, "0"), Ok(Decimal::ZERO));
        for bad in ["", "-", "1e5", "1_000", "+1", "1.", ".5", "1.2.3", "1 000", "NaN", "１２", "0x10"] {
            assert_eq!(
                parse(NumberKind::IndicatorValue, bad),
                Err(LimitError::NotANumber { label: "指标值" }),
                "{bad:?}"
            );
        }
        assert!(parse(NumberKind::IndicatorValue, &"9".repeat(41)).is_err());
        assert!(parse(NumberKind::IndicatorValue, "-1").is_err());
        assert_eq!(parse_decimal("-1.5"), Some(d("-1.5")));
    }

    #[test]
    fn counts_have_bounds() {
        assert_eq!(check_count(CountKind::Month, 12), Ok(12));
        assert!(check_count(CountKind::Month, 0).is_err());
        assert!(check_count(CountKind::Month, 13).is_err());
        assert_eq!(check_count(CountKind::Year, 1999).unwrap_err().to_string(), "年度须在 2000 到 2100 之间");
        assert!(check_count(CountKind::PanelSize, 16).is_err());
        assert!(check_count(CountKind::PageSize, i64::MIN).is_err());
        assert!(check_count(CountKind::ListItems, 1001).is_err());
    }

    #[test]
    fn list_inputs_carry_each_id_once() {
        assert_eq!(check_distinct(&[1, 2, 3]), Ok(()));
        assert_eq!(check_distinct::<i64>(&[]), Ok(()));
        assert_eq!(check_distinct(&["7", "8", "7"]), Err(LimitError::Duplicate { id: "7".into() }));
        assert_eq!(check_distinct(&["7", "8", "7"]).unwrap_err().to_string(), "列表中“7”重复出现");
        let many: Vec<i64> = (0..1001).collect();
        assert_eq!(check_distinct(&many), Err(LimitError::TooMany { max: 1000 }));
    }

    #[test]
    fn checked_arithmetic_reports_overflow_instead_of_panicking() {
        assert_eq!(mul(Decimal::MAX, Decimal::TWO), None);
        assert_eq!(div(Decimal::ONE, Decimal::ZERO), None);
        assert_eq!(div(Decimal::MAX, d("0.1")), None);
        assert_eq!(sum([Decimal::MAX, Decimal::ONE]), None);
        assert_eq!(sum([d("1.5"), d("2")]), Some(d("3.5")));
        // The largest accepted values stay far inside Decimal.
        let biggest = mul(MAX_INDICATOR_VALUE, Decimal::from(1200)).and_then(|v| mul(v, Decimal::from(12)));
        assert!(biggest.is_some());
    }
}
