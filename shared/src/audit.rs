//! The audit log's vocabulary: the operations and object types entries are
//! recorded with, and the Chinese labels the 审计管理员 sees. An operation or
//! object type missing here is shown by its code.

/// Operation codes and their labels, grouped by the object they act on.
pub const OPERATIONS: &[(&str, &str)] = &[
    ("session.login", "登录"),
    ("session.login_failed", "登录失败"),
    ("session.logout", "退出登录"),
    ("session.refresh", "刷新会话"),
    ("session.refresh_reused", "会话令牌重复使用（已吊销）"),
    ("user.create", "创建账户"),
    ("user.update", "修改账户"),
    ("user.grant_role", "授予角色"),
    ("user.reset_password", "重置密码"),
    ("user.unlock", "解除锁定"),
    ("user.locked", "账户锁定"),
    ("user.change_password", "修改密码"),
    ("audit.export", "导出审计日志"),
    ("year.create", "创建预算年度"),
    ("year.advance", "推进预算年度"),
    ("organisation.create", "创建单位"),
    ("organisation.update", "修改单位"),
    ("rule.set", "修改规则参数"),
    ("project.create", "创建项目"),
    ("project.update", "修改项目"),
    ("project.delete", "删除项目"),
    ("project.approve", "批复项目"),
    ("indicator.propose", "申报特性指标"),
    ("indicator.accept", "指标入库"),
    ("indicator.refuse", "指标不予入库"),
    ("indicator.create", "新增共性指标"),
    ("indicator.import", "导入指标库"),
    ("indicator.starter", "载入初始指标库"),
    ("target.create", "新建绩效目标"),
    ("target.save", "保存绩效目标"),
    ("target.submit", "提交绩效目标"),
    ("target.pass", "审核通过"),
    ("target.return", "审核退回"),
    ("target.approve", "批复绩效目标"),
    ("expert.profile", "设置专家信息"),
    ("panel.form", "抽取专家组"),
    ("panel.opinion", "专家提交意见"),
    ("panel.conclude", "专家组结论"),
    ("ex_ante.start", "发起事前绩效评估"),
    ("ex_ante.score", "提交事前评估评分"),
    ("ex_ante.conclude", "事前评估结论"),
    ("ledger.record", "记入结果应用台账"),
    ("monitoring.open", "发起监控"),
    ("monitoring.report", "填报监控"),
    ("monitoring.submit", "提交监控报告"),
    ("monitoring.review", "审核监控报告"),
    ("monitoring.decide", "监控结果处理"),
    ("monitoring.close", "结束监控"),
    ("monitoring.import_start", "开始导入执行数"),
    ("monitoring.import", "导入执行数"),
];

/// Object types and their labels.
pub const OBJECT_TYPES: &[(&str, &str)] = &[
    ("user", "用户"),
    ("audit_log", "审计日志"),
    ("fiscal_year", "预算年度"),
    ("organisation", "单位"),
    ("rule_setting", "规则参数"),
    ("project", "项目"),
    ("library_indicator", "指标库指标"),
    ("target", "绩效目标"),
    ("expert_panel", "专家组"),
    ("panel_item", "专家评审事项"),
    ("ex_ante_assessment", "事前绩效评估"),
    ("ledger_entry", "结果应用台账"),
    ("monitoring_round", "监控批次"),
    ("round_unit", "监控单位"),
    ("project_report", "项目监控报告"),
    ("monitoring_decision", "监控结果处理"),
    ("import_job", "导入任务"),
];

fn label_in(table: &'static [(&'static str, &'static str)], code: &str) -> Option<&'static str> {
    table.iter().find(|(c, _)| *c == code).map(|(_, label)| *label)
}

/// The Chinese label of an operation code, if it is a known one.
pub fn operation_label(code: &str) -> Option<&'static str> {
    label_in(OPERATIONS, code)
}

/// The Chinese label of an object type, if it is a known one.
pub fn object_type_label(code: &str) -> Option<&'static str> {
    label_in(OBJECT_TYPES, code)
}

/// How an operation filter matches: a code ending in `.` matches every
/// operation of that object (`user.` → `user.create`, `user.unlock`, …).
pub fn is_operation_prefix(filter: &str) -> bool {
    filter.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_labelled() {
        for table in [OPERATIONS, OBJECT_TYPES] {
            let mut codes: Vec<&str> = table.iter().map(|(c, _)| *c).collect();
            codes.sort_unstable();
            codes.dedup();
            assert_eq!(codes.len(), table.len());
            assert!(table.iter().all(|(c, l)| !c.is_empty() && !l.is_empty()));
        }
        assert_eq!(operation_label("user.grant_role"), Some("授予角色"));
        assert_eq!(object_type_label("project"), Some("项目"));
        assert_eq!(operation_label("no.such"), None);
        assert!(is_operation_prefix("user.") && !is_operation_prefix("user.create"));
    }
}
