//! Fiscal years: 编制 → 执行 → 决算 → 关闭. A closed year is read-only.

use crate::domain_enum;

domain_enum! {
    /// The status of a fiscal year (预算年度).
    YearStatus {
        Drafting => ("drafting", "编制"),
        Executing => ("executing", "执行"),
        FinalAccounts => ("final_accounts", "决算"),
        Closed => ("closed", "关闭"),
    }
}

impl YearStatus {
    /// The one status that may follow this one.
    pub fn next(self) -> Option<YearStatus> {
        match self {
            YearStatus::Drafting => Some(YearStatus::Executing),
            YearStatus::Executing => Some(YearStatus::FinalAccounts),
            YearStatus::FinalAccounts => Some(YearStatus::Closed),
            YearStatus::Closed => None,
        }
    }

    /// Years move forward one step at a time; a closed year never reopens.
    pub fn can_move_to(self, to: YearStatus) -> bool {
        self.next() == Some(to)
    }

    pub fn is_read_only(self) -> bool {
        self == YearStatus::Closed
    }
}

/// Fiscal years the product accepts.
pub fn valid_year(year: i32) -> bool {
    (2000..=2100).contains(&year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_move_forward_one_step_and_close_for_good() {
        assert!(YearStatus::Drafting.can_move_to(YearStatus::Executing));
        assert!(YearStatus::Executing.can_move_to(YearStatus::FinalAccounts));
        assert!(YearStatus::FinalAccounts.can_move_to(YearStatus::Closed));
        assert!(!YearStatus::Drafting.can_move_to(YearStatus::Closed));
        assert!(!YearStatus::Executing.can_move_to(YearStatus::Drafting));
        for to in YearStatus::ALL {
            assert!(!YearStatus::Closed.can_move_to(*to));
        }
        assert!(YearStatus::Closed.is_read_only());
        assert!(!YearStatus::FinalAccounts.is_read_only());
        assert!(valid_year(2026) && !valid_year(1999) && !valid_year(2101));
    }
}
