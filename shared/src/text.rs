//! Text and date rules for every input (RULES.md §2; issue 7 item 5).
//!
//! - No control characters: NUL and the rest of Unicode's `Cc` category, plus
//!   the bidirectional overrides that make text read differently from how it
//!   is stored. Multi-line texts (opinions, reasons) may hold line breaks and
//!   tabs; one-line texts (names, codes, units of measure) may not.
//! - A name has at least one visible character: blanks, ideographic spaces
//!   and zero-width characters alone are not a name.
//! - Lengths are counted in characters (a Chinese character is one).
//! - Dates are `YYYY-MM-DD` and lie in a fiscal year's window: from 1 January
//!   of the year to 31 December of the next (决算 happens the year after).

use chrono::{Datelike, NaiveDate};

/// Longest name (project, indicator, organisation, display name).
pub const NAME_MAX: usize = 100;
/// Longest short text (a reason, a note, a precondition, a scoring standard).
pub const TEXT_MAX: usize = 500;
/// Longest long text (an overall goal, an opinion, a panel's conclusion).
pub const LONG_TEXT_MAX: usize = 2000;

/// Why a text was refused. The message has no subject: callers say which
/// field (`项目名称不能包含控制字符`), see [`TextError::message`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("不能包含控制字符")]
    Control,
    #[error("不能为空")]
    Blank,
    #[error("不超过 {max} 个字符")]
    TooLong { max: usize },
}

impl TextError {
    /// The message with the field's Chinese name in front.
    pub fn message(&self, label: &str) -> String {
        format!("{label}{self}")
    }
}

/// Characters no stored text may hold: every control character except the
/// ones multi-line text needs, and the bidi overrides/isolates.
fn forbidden(c: char, multiline: bool) -> bool {
    if multiline && matches!(c, '\n' | '\r' | '\t') {
        return false;
    }
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether a character shows anything: not blank, not a control character,
/// not a zero-width or other format character.
pub fn is_visible(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00AD}'
                | '\u{034F}'
                | '\u{061C}'
                | '\u{115F}'
                | '\u{1160}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{206F}'
                | '\u{3164}'
                | '\u{FE00}'..='\u{FE0F}'
                | '\u{FEFF}'
                | '\u{FFA0}'
        ))
}

/// Whether `text` holds at least one visible character.
pub fn has_visible(text: &str) -> bool {
    text.chars().any(is_visible)
}

fn check(text: &str, max: usize, multiline: bool, required: bool) -> Result<String, TextError> {
    if text.chars().any(|c| forbidden(c, multiline)) {
        return Err(TextError::Control);
    }
    let trimmed = text.trim();
    if required && !has_visible(trimmed) {
        return Err(TextError::Blank);
    }
    if trimmed.chars().count() > max {
        return Err(TextError::TooLong { max });
    }
    Ok(trimmed.to_owned())
}

/// A name or other required one-line text: no control characters, at least
/// one visible character, at most `max` characters. Returns it trimmed.
pub fn check_name(text: &str, max: usize) -> Result<String, TextError> {
    check(text, max, false, true)
}

/// An optional one-line text (may be empty). Returns it trimmed.
pub fn check_line(text: &str, max: usize) -> Result<String, TextError> {
    check(text, max, false, false)
}

/// An optional multi-line text (line breaks and tabs allowed). Returns it trimmed.
pub fn check_multiline(text: &str, max: usize) -> Result<String, TextError> {
    check(text, max, true, false)
}

/// A required multi-line text (a reason, an opinion): something visible.
pub fn check_required_multiline(text: &str, max: usize) -> Result<String, TextError> {
    check(text, max, true, true)
}

/// Why a date was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("日期格式应为 YYYY-MM-DD")]
    Malformed,
    #[error("日期须在 {from} 至 {to} 之间")]
    OutOfRange { from: NaiveDate, to: NaiveDate },
}

/// Parses `YYYY-MM-DD` strictly (four-digit year, two-digit month and day).
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let t = text.trim();
    let shape = t.len() == 10
        && t.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shape {
        return Err(DateError::Malformed);
    }
    NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| DateError::Malformed)
}

/// The dates that make sense for `fiscal_year`: 1 January of the year to
/// 31 December of the next. `None` for a year outside 2000–2100.
pub fn fiscal_window(fiscal_year: i32) -> Option<(NaiveDate, NaiveDate)> {
    if !crate::years::valid_year(fiscal_year) {
        return None;
    }
    Some((NaiveDate::from_ymd_opt(fiscal_year, 1, 1)?, NaiveDate::from_ymd_opt(fiscal_year + 1, 12, 31)?))
}

/// Checks that `date` lies in `fiscal_year`'s window.
pub fn check_fiscal_date(date: NaiveDate, fiscal_year: i32) -> Result<NaiveDate, DateError> {
    let fallback = (NaiveDate::MIN, NaiveDate::MIN);
    let (from, to) = fiscal_window(fiscal_year).unwrap_or(fallback);
    if date < from || date > to || !crate::years::valid_year(date.year()) {
        return Err(DateError::OutOfRange { from, to });
    }
    Ok(date)
}

/// Parses a typed date and checks it against the fiscal year.
pub fn parse_fiscal_date(text: &str, fiscal_year: i32) -> Result<NaiveDate, DateError> {
    parse_date(text).and_then(|d| check_fiscal_date(d, fiscal_year))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_refused_everywhere() {
        for bad in ["a\0b", "\u{1}", "名\u{7f}", "x\u{9b}y", "\u{202E}gnp.exe", "a\u{2066}b"] {
            assert_eq!(check_name(bad, 100), Err(TextError::Control), "{bad:?}");
            assert_eq!(check_line(bad, 100), Err(TextError::Control), "{bad:?}");
            assert_eq!(check_multiline(bad, 100), Err(TextError::Control), "{bad:?}");
        }
        assert_eq!(check_name("第一行\n第二行", 100), Err(TextError::Control));
        assert_eq!(check_line("a\tb", 100), Err(TextError::Control));
        assert_eq!(check_multiline("第一行\r\n第二行\t完", 100), Ok("第一行\r\n第二行\t完".into()));
    }

    #[test]
    fn a_name_needs_something_visible() {
        for blank in ["", "   ", "\u{3000}\u{3000}", "\u{200B}", "\u{FEFF}\u{200D}", " \u{00AD} ", "\u{3164}"] {
            assert_eq!(check_name(blank, 100), Err(TextError::Blank), "{blank:?}");
        }
        assert_eq!(check_name("  县教育局 ", 100), Ok("县教育局".into()));
        assert_eq!(check_name("\u{200B}局", 100), Ok("\u{200B}局".into()));
        assert_eq!(check_line("   ", 100), Ok(String::new()));
        assert_eq!(check_required_multiline("\n\t", 100), Err(TextError::Blank));
        assert_eq!(TextError::Blank.message("项目名称"), "项目名称不能为空");
    }

    #[test]
    fn lengths_count_characters_after_trimming() {
        assert_eq!(check_name(&"名".repeat(100), NAME_MAX), Ok("名".repeat(100)));
        assert_eq!(check_name(&"名".repeat(101), NAME_MAX), Err(TextError::TooLong { max: 100 }));
        assert_eq!(check_name(&format!(" {} ", "名".repeat(100)), NAME_MAX).map(|s| s.chars().count()), Ok(100));
        assert_eq!(TextError::TooLong { max: TEXT_MAX }.message("退回理由"), "退回理由不超过 500 个字符");
    }

    #[test]
    fn dates_are_strict_and_inside_the_fiscal_window() {
        let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(parse_date("2026-10-15"), Ok(ymd(2026, 10, 15)));
        for bad in ["2026-2-1", "26-10-15", "2026/10/15", "2026-02-30", "+2026-10-1", "", "2026-10-15x"] {
            assert_eq!(parse_date(bad), Err(DateError::Malformed), "{bad:?}");
        }
        assert_eq!(parse_fiscal_date("2026-01-01", 2026), Ok(ymd(2026, 1, 1)));
        assert_eq!(parse_fiscal_date("2027-12-31", 2026), Ok(ymd(2027, 12, 31)));
        assert!(parse_fiscal_date("2025-12-31", 2026).is_err());
        assert!(parse_fiscal_date("2028-01-01", 2026).is_err());
        assert!(parse_fiscal_date("0000-01-01", 2026).is_err());
        assert_eq!(
            parse_fiscal_date("2030-01-01", 2026).unwrap_err().to_string(),
            "日期须在 2026-01-01 至 2027-12-31 之间"
        );
        assert!(check_fiscal_date(ymd(2026, 5, 1), 1999).is_err());
        assert_eq!(fiscal_window(2101), None);
    }
}
