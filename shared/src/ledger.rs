//! The adjustment ledger (结果应用, RULES.md §3.5): every money consequence of
//! every stage is one entry.

use crate::domain_enum;

domain_enum! {
    /// The stage that decided the consequence ("四挂钩").
    LedgerSource {
        ExAnte => ("ex_ante", "事前绩效评估"),
        TargetReview => ("target_review", "绩效目标审核"),
        Monitoring => ("monitoring", "绩效运行监控"),
        Evaluation => ("evaluation", "绩效评价"),
    }
}

domain_enum! {
    /// What the consequence is.
    LedgerKind {
        Reject => ("reject", "不予支持"),
        Cut => ("cut", "评减"),
        Defer => ("defer", "暂缓"),
        Reduce => ("reduce", "调减"),
        Recover => ("recover", "收回"),
        Incentive => ("incentive", "激励"),
    }
}

impl LedgerKind {
    /// Kinds that take money out of the project's budget.
    pub fn reduces_budget(self) -> bool {
        matches!(self, LedgerKind::Reject | LedgerKind::Cut | LedgerKind::Reduce | LedgerKind::Recover)
    }
}
