//! Money: `Decimal` yuan with two places, end to end.
//!
//! The database stores integer fen (分) so that SQLite and PostgreSQL both
//! round-trip exactly; GraphQL carries decimal strings; the screen shows 元,
//! 万元 or 亿元. No float ever touches an amount.

use rust_decimal::{Decimal, RoundingStrategy};

/// The largest amount accepted: 9,999,999,999,999.99 元 (under 10 trillion).
pub const MAX_YUAN: Decimal =
    Decimal::from_parts((MAX_FEN as u64 & 0xFFFF_FFFF) as u32, (MAX_FEN as u64 >> 32) as u32, 0, false, 2);

/// [`MAX_YUAN`] in fen.
pub const MAX_FEN: i64 = 999_999_999_999_999;

/// Why an amount was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("金额格式不正确，应为数字，最多两位小数")]
    Malformed,
    #[error("金额不能为负数")]
    Negative,
    #[error("金额最多两位小数")]
    TooPrecise,
    #[error("金额超出上限 9999999999999.99 元")]
    TooLarge,
}

/// Parses user input such as `"1234.5"` or `"1,234.50"` into yuan.
pub fn parse_yuan(input: &str) -> Result<Decimal, MoneyError> {
    let cleaned: String = input.trim().chars().filter(|c| *c != ',' && *c != '，').collect();
    let well_formed = !cleaned.is_empty()
        && cleaned.len() <= 32
        && cleaned.trim_start_matches('-').chars().all(|c| c.is_ascii_digit() || c == '.')
        && cleaned.matches('.').count() <= 1
        && cleaned.trim_start_matches('-').chars().next().is_some_and(|c| c.is_ascii_digit());
    if !well_formed {
        return Err(MoneyError::Malformed);
    }
    let value: Decimal = cleaned.parse().map_err(|_| MoneyError::Malformed)?;
    check_yuan(value)
}

/// Checks an amount already parsed as a `Decimal` (e.g. from GraphQL).
pub fn check_yuan(value: Decimal) -> Result<Decimal, MoneyError> {
    if value.is_sign_negative() && !value.is_zero() {
        return Err(MoneyError::Negative);
    }
    if value.normalize().scale() > 2 {
        return Err(MoneyError::TooPrecise);
    }
    if value > MAX_YUAN {
        return Err(MoneyError::TooLarge);
    }
    let mut v = value;
    v.rescale(2);
    Ok(v)
}

/// Yuan to integer fen, for storage. Callers pass checked amounts.
pub fn to_fen(yuan: Decimal) -> i64 {
    let fen = (yuan * Decimal::ONE_HUNDRED).round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero);
    i64::try_from(fen.mantissa() / 10i128.pow(fen.scale())).unwrap_or(i64::MAX)
}

/// Integer fen from storage to yuan with two places.
pub fn from_fen(fen: i64) -> Decimal {
    Decimal::new(fen, 2)
}

/// Formats yuan with thousands separators: `1234567.8` → `"1,234,567.80"`.
pub fn format_yuan(yuan: Decimal) -> String {
    group_thousands(yuan.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero), 2)
}

/// Formats yuan as 万元 with two places, as the annual report does: `1095100` → `"109.51"`.
pub fn format_wan(yuan: Decimal) -> String {
    let wan = (yuan / Decimal::from(10_000)).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    group_thousands(wan, 2)
}

/// Formats yuan as 亿元 with two places: `1311000000` → `"13.11"`.
pub fn format_yi(yuan: Decimal) -> String {
    let yi = (yuan / Decimal::from(100_000_000)).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    group_thousands(yi, 2)
}

fn group_thousands(value: Decimal, places: u32) -> String {
    let mut v = value;
    v.rescale(places);
    let text = v.abs().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if v.is_sign_negative() && !v.is_zero() { "-" } else { "" };
    if frac.is_empty() { format!("{sign}{grouped}") } else { format!("{sign}{grouped}.{frac}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_maximum_is_just_under_ten_trillion() {
        assert_eq!(MAX_YUAN, d("9999999999999.99"));
    }

    #[test]
    fn input_is_parsed_exactly() {
        assert_eq!(parse_yuan("0.10"), Ok(d("0.10")));
        assert_eq!(parse_yuan("1,234.5").map(|v| v.to_string()), Ok("1234.50".into()));
        assert_eq!(parse_yuan("9999999999999.99"), Ok(d("9999999999999.99")));
        assert_eq!(parse_yuan("10000000000000"), Err(MoneyError::TooLarge));
        assert_eq!(parse_yuan("-1"), Err(MoneyError::Negative));
        assert_eq!(parse_yuan("1.234"), Err(MoneyError::TooPrecise));
        assert_eq!(parse_yuan("1.230"), Ok(d("1.23")));
        for bad in ["", "abc", "1e5", "1.2.3", ".5", "¥5", "5元", "NaN"] {
            assert_eq!(parse_yuan(bad), Err(MoneyError::Malformed), "{bad}");
        }
    }

    #[test]
    fn fen_round_trips_at_the_extremes() {
        for s in ["0.00", "0.10", "0.01", "12345678901.89", "9999999999999.99"] {
            let v = d(s);
            assert_eq!(from_fen(to_fen(v)), v, "{s}");
        }
        assert_eq!(to_fen(d("9999999999999.99")), 999_999_999_999_999);
    }

    #[test]
    fn amounts_are_formatted_as_the_report_does() {
        assert_eq!(format_yuan(d("1234567.8")), "1,234,567.80");
        assert_eq!(format_yuan(d("0")), "0.00");
        assert_eq!(format_wan(d("1095100")), "109.51");
        assert_eq!(format_wan(d("655189400")), "65,518.94");
        assert_eq!(format_wan(d("2106600.49")), "210.66");
        assert_eq!(format_yi(d("1311000000")), "13.11");
        assert_eq!(format_yuan(d("-5")), "-5.00");
    }
}
