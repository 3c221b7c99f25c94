//! The seven roles of RULES.md §1.

use crate::domain_enum;

domain_enum! {
    /// What a user may do; a user has exactly one role.
    Role {
        Department => ("department", "部门（单位）用户"),
        Township => ("township", "乡镇（街道办）用户"),
        FinanceSection => ("finance_section", "财政局股室用户"),
        Expert => ("expert", "评审专家"),
        Evaluator => ("evaluator", "第三方机构用户"),
        Leadership => ("leadership", "县领导"),
        Admin => ("admin", "系统管理员"),
    }
}

impl Role {
    /// Unit roles act for one budget unit and see only its data.
    pub fn is_unit_role(self) -> bool {
        matches!(self, Role::Department | Role::Township)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_round_trips_through_its_code() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(*role));
        }
        assert_eq!(Role::ALL.len(), 7);
        assert_eq!(Role::parse("root"), None);
    }
}
