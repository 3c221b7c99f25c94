//! 绩效运行监控 ("双监控", RULES.md §3.3): the lights of budget execution and
//! of target progress, under either configurable rule set.

use rust_decimal::Decimal;

use crate::domain_enum;

pub mod entry;
mod lights;
pub use lights::*;

domain_enum! {
    /// A light, from best to worst.
    Light {
        Blue => ("blue", "蓝灯（超额）"),
        Green => ("green", "绿灯"),
        Yellow => ("yellow", "黄灯"),
        Red => ("red", "红灯"),
    }
}

domain_enum! {
    /// 完成可能性.
    Likelihood {
        Certain => ("certain", "确定能"),
        Possible => ("possible", "有可能"),
        Impossible => ("impossible", "完全不可能"),
    }
}

domain_enum! {
    /// 偏差原因 (several may apply).
    DeviationReason {
        Personnel => ("personnel", "人员"),
        System => ("system", "制度"),
        Funding => ("funding", "经费"),
        Other => ("other", "其他"),
    }
}

domain_enum! {
    /// Progress of a qualitative indicator.
    QualitativeProgress {
        Achieved => ("achieved", "达成"),
        Partial => ("partial", "部分达成"),
        NotAchieved => ("not_achieved", "未达成"),
    }
}

domain_enum! {
    /// Which rule set computes the budget-execution light.
    ExecutionRuleKind {
        Ratio => ("ratio", "序时进度比"),
        FixedFloors => ("fixed_floors", "固定进度线（四川）"),
    }
}

/// A unit's report of one indicator must say why when completion is in doubt.
pub fn check_indicator_report(
    likelihood: Likelihood,
    forecast: Option<Decimal>,
    reasons: &[DeviationReason],
    measures: &str,
) -> Result<(), String> {
    if likelihood != Likelihood::Certain && forecast.is_none() {
        return Err("完成可能性不是“确定能”时，须填写全年预计完成值".into());
    }
    if likelihood != Likelihood::Certain && reasons.is_empty() {
        return Err("完成可能性不是“确定能”时，须选择偏差原因".into());
    }
    if likelihood == Likelihood::Impossible && measures.trim().is_empty() {
        return Err("“完全不可能”完成的指标须填写纠偏措施".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn reports_in_doubt_must_say_why() {
        assert!(check_indicator_report(Likelihood::Certain, None, &[], "").is_ok());
        assert!(check_indicator_report(Likelihood::Possible, None, &[DeviationReason::Funding], "").is_err());
        assert!(check_indicator_report(Likelihood::Possible, Some(d("900")), &[], "").is_err());
        assert!(check_indicator_report(Likelihood::Possible, Some(d("900")), &[DeviationReason::Funding], "").is_ok());
        assert!(check_indicator_report(Likelihood::Impossible, Some(d("0")), &[DeviationReason::Other], " ").is_err());
    }
}

domain_enum! {
    /// What the 绩效股 decides for a project after monitoring.
    DecisionKind {
        Continue => ("continue", "继续执行"),
        Reduce => ("reduce", "调减预算"),
        Recover => ("recover", "收回资金"),
        Pause => ("pause", "暂缓拨款"),
    }
}

impl DecisionKind {
    /// The ledger entry a decision writes, if it moves money.
    pub fn ledger_kind(self) -> Option<crate::ledger::LedgerKind> {
        match self {
            DecisionKind::Continue => None,
            DecisionKind::Reduce => Some(crate::ledger::LedgerKind::Reduce),
            DecisionKind::Recover => Some(crate::ledger::LedgerKind::Recover),
            DecisionKind::Pause => Some(crate::ledger::LedgerKind::Defer),
        }
    }

    /// Money decisions need an amount; 继续执行 takes none.
    pub fn needs_amount(self) -> bool {
        self != DecisionKind::Continue
    }
}

domain_enum! {
    /// A monitoring round (监控任务) is open for reports until the 绩效股 closes it.
    RoundStatus {
        Open => ("open", "进行中"),
        Closed => ("closed", "已结束"),
    }
}

domain_enum! {
    /// A background import's progress.
    JobStatus {
        Running => ("running", "导入中"),
        Succeeded => ("succeeded", "导入成功"),
        Failed => ("failed", "导入失败"),
    }
}
