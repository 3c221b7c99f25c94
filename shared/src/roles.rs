//! The roles of RULES.md §1, with the administrator split three ways
//! (三员分立: 系统管理员, 安全管理员, 审计管理员).

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
        /// Users' accounts, units, years, rule settings; no business data.
        Admin => ("admin", "系统管理员"),
        /// Role grants, unlocking, password resets, security settings.
        SecurityAdmin => ("security_admin", "安全管理员"),
        /// Reads and exports the audit log, nothing else.
        AuditAdmin => ("audit_admin", "审计管理员"),
    }
}

impl Role {
    /// Unit roles act for one budget unit and see only its data.
    pub fn is_unit_role(self) -> bool {
        matches!(self, Role::Department | Role::Township)
    }

    /// The three administrators (三员), who see no business data.
    pub fn is_administrator(self) -> bool {
        matches!(self, Role::Admin | Role::SecurityAdmin | Role::AuditAdmin)
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
        assert_eq!(Role::ALL.len(), 9);
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn the_administrators_are_three() {
        let admins: Vec<Role> = Role::ALL.iter().copied().filter(|r| r.is_administrator()).collect();
        assert_eq!(admins, [Role::Admin, Role::SecurityAdmin, Role::AuditAdmin]);
        assert_eq!(Role::SecurityAdmin.label(), "安全管理员");
        assert_eq!(Role::AuditAdmin.label(), "审计管理员");
    }
}
