//! 事前绩效评估 (RULES.md §3.1): who needs one, the five scored dimensions,
//! the conclusions and their budget consequences, and the approval gate.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::domain_enum;
use crate::ledger::LedgerKind;
use crate::projects::ProjectKind;
use crate::reviews::TargetState;

domain_enum! {
    /// The five scored dimensions.
    Dimension {
        Necessity => ("necessity", "立项必要性"),
        Economy => ("economy", "投入经济性"),
        TargetReasonableness => ("target_reasonableness", "绩效目标合理性"),
        Feasibility => ("feasibility", "实施方案可行性"),
        FundingCompliance => ("funding_compliance", "筹资合规性"),
    }
}

domain_enum! {
    /// The conclusion of an assessment.
    Conclusion {
        Support => ("support", "予以支持"),
        SupportAdjusted => ("support_adjusted", "调整后支持"),
        Defer => ("defer", "暂缓支持"),
        Reject => ("reject", "不予支持"),
    }
}

domain_enum! {
    /// Who assesses: an expert panel or a commissioned third-party firm.
    AssessorKind {
        Panel => ("panel", "专家组"),
        Firm => ("firm", "第三方机构"),
    }
}

domain_enum! {
    /// Where an assessment stands.
    AssessmentState {
        InProgress => ("in_progress", "评估中"),
        Scored => ("scored", "已评分"),
        Concluded => ("concluded", "已出结论"),
    }
}

/// The configurable numbers [practice].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExAnteRules {
    /// Points each dimension is worth (default 20, total 100).
    pub max_per_dimension: Decimal,
    /// Continuing projects above this requested amount (元) need an assessment.
    pub continuing_threshold: Decimal,
}

impl Default for ExAnteRules {
    fn default() -> Self {
        ExAnteRules { max_per_dimension: Decimal::from(20), continuing_threshold: Decimal::from(5_000_000) }
    }
}

/// New projects and policies always need an assessment; continuing ones above
/// the threshold too. A unit's overall expenditure (部门整体支出) never does.
pub fn requires_assessment(kind: ProjectKind, is_new: bool, requested: Decimal, rules: &ExAnteRules) -> bool {
    match kind {
        ProjectKind::UnitOverall => false,
        ProjectKind::Project | ProjectKind::Policy => is_new || requested > rules.continuing_threshold,
    }
}

/// The fields of a project that decide whether it needs an assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GateFields {
    pub kind: ProjectKind,
    pub is_new: bool,
    pub requested: Decimal,
}

impl GateFields {
    pub fn requires_assessment(&self, rules: &ExAnteRules) -> bool {
        requires_assessment(self.kind, self.is_new, self.requested, rules)
    }

    /// The first gate field (its API name and label) that differs in `next`.
    /// Amounts compare by value (`1.5` equals `1.50`).
    pub fn changed(&self, next: &GateFields) -> Option<(&'static str, &'static str)> {
        if self.kind != next.kind {
            Some(("kind", "项目类型"))
        } else if self.is_new != next.is_new {
            Some(("isNew", "新增/延续"))
        } else if self.requested != next.requested {
            Some(("requestedAmount", "申报金额"))
        } else {
            None
        }
    }
}

/// Why the gate fields of a project can no longer be edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frozen {
    /// An assessment exists: it was made on these fields, for good.
    Assessed,
    /// The target is in review or approved; a return hands it back.
    InReview,
}

impl Frozen {
    /// The message for an edit of the field labelled `label`.
    pub fn message(self, label: &str) -> String {
        match self {
            Frozen::Assessed => {
                format!("该项目已开展事前绩效评估，“{label}”不能再修改；预算调整请在目标审核中办理（调整预算）")
            }
            Frozen::InReview => {
                format!("绩效目标已进入审核，“{label}”不能再修改；如需修改，请审核人退回后再改并重新提交")
            }
        }
    }
}

/// [design] Once an assessment exists, or the target has left the unit (in
/// review or approved), the fields deciding the gate are frozen: otherwise a
/// unit could lift the gate after an adverse conclusion by editing them. A
/// return gives the target back to the unit and reopens review from the first
/// step, unless an assessment exists.
pub fn gate_frozen(assessed: bool, target: Option<TargetState>) -> Option<Frozen> {
    if assessed {
        Some(Frozen::Assessed)
    } else if target.is_some_and(|s| !s.is_editable()) {
        Some(Frozen::InReview)
    } else {
        None
    }
}

/// Whether targets of a project with this conclusion may be approved.
pub fn allows_approval(conclusion: Conclusion) -> bool {
    matches!(conclusion, Conclusion::Support | Conclusion::SupportAdjusted)
}

/// Checks the five scores (in [`Dimension::ALL`] order) and returns the total.
pub fn total_score(scores: &[Decimal], rules: &ExAnteRules) -> Result<Decimal, String> {
    if scores.len() != Dimension::ALL.len() {
        return Err(format!("须对 {} 个维度逐一评分", Dimension::ALL.len()));
    }
    for (dimension, score) in Dimension::ALL.iter().zip(scores) {
        if *score < Decimal::ZERO || *score > rules.max_per_dimension || score.normalize().scale() > 2 {
            return Err(format!(
                "“{}”得分须在 0 到 {} 之间，最多两位小数",
                dimension.label(),
                rules.max_per_dimension.normalize()
            ));
        }
    }
    Ok(scores.iter().sum())
}

/// The mean of several experts' scores per dimension, rounded to 2 places.
pub fn mean_scores(sheets: &[Vec<Decimal>]) -> Option<Vec<Decimal>> {
    let n = Decimal::from(sheets.len());
    if sheets.is_empty() || sheets.iter().any(|s| s.len() != Dimension::ALL.len()) {
        return None;
    }
    Some((0..Dimension::ALL.len()).map(|d| (sheets.iter().map(|s| s[d]).sum::<Decimal>() / n).round_dp(2)).collect())
}

/// The ledger entry a conclusion writes, if any: (kind, amount).
/// A cut must be positive and less than the requested amount.
pub fn consequence(
    conclusion: Conclusion,
    requested: Decimal,
    cut: Option<Decimal>,
) -> Result<Option<(LedgerKind, Decimal)>, String> {
    match conclusion {
        Conclusion::Support if cut.is_some_and(|c| !c.is_zero()) => Err("“予以支持”不应填写评减金额".into()),
        Conclusion::Support => Ok(None),
        Conclusion::SupportAdjusted => match cut {
            Some(c) if c > Decimal::ZERO && c < requested => Ok(Some((LedgerKind::Cut, c))),
            _ => Err("“调整后支持”须填写大于 0 且小于申报金额的评减金额".into()),
        },
        Conclusion::Defer => Ok(Some((LedgerKind::Defer, requested))),
        Conclusion::Reject => Ok(Some((LedgerKind::Reject, requested))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn who_needs_an_assessment() {
        let rules = ExAnteRules::default();
        assert!(requires_assessment(ProjectKind::Project, true, d("1"), &rules));
        assert!(requires_assessment(ProjectKind::Policy, true, d("1"), &rules));
        assert!(!requires_assessment(ProjectKind::Project, false, d("5000000"), &rules));
        assert!(requires_assessment(ProjectKind::Project, false, d("5000000.01"), &rules));
        assert!(!requires_assessment(ProjectKind::UnitOverall, true, d("90000000"), &rules));
    }

    #[test]
    fn the_gate_fields_freeze_once_assessed_or_in_review() {
        assert_eq!(gate_frozen(false, None), None);
        assert_eq!(gate_frozen(false, Some(TargetState::Draft)), None);
        assert_eq!(gate_frozen(false, Some(TargetState::Returned)), None);
        for s in [TargetState::PendingInitial, TargetState::PendingExpert, TargetState::Approved] {
            assert_eq!(gate_frozen(false, Some(s)), Some(Frozen::InReview), "{s:?}");
        }
        assert_eq!(gate_frozen(true, Some(TargetState::Returned)), Some(Frozen::Assessed));
        assert_eq!(gate_frozen(true, None), Some(Frozen::Assessed));
        assert!(Frozen::Assessed.message("申报金额").contains("“申报金额”不能再修改"));
    }

    #[test]
    fn a_change_to_a_gate_field_is_named() {
        let g = GateFields { kind: ProjectKind::Project, is_new: true, requested: d("40000000.00") };
        assert_eq!(g.changed(&g), None);
        assert_eq!(g.changed(&GateFields { requested: d("40000000"), ..g }), None);
        assert_eq!(g.changed(&GateFields { is_new: false, ..g }), Some(("isNew", "新增/延续")));
        assert_eq!(g.changed(&GateFields { requested: d("1"), ..g }).map(|c| c.0), Some("requestedAmount"));
        assert_eq!(g.changed(&GateFields { kind: ProjectKind::UnitOverall, ..g }).map(|c| c.0), Some("kind"));
        assert!(g.requires_assessment(&ExAnteRules::default()));
        assert!(!GateFields { is_new: false, requested: d("1"), ..g }.requires_assessment(&ExAnteRules::default()));
    }

    #[test]
    fn only_support_opens_the_gate() {
        assert!(allows_approval(Conclusion::Support));
        assert!(allows_approval(Conclusion::SupportAdjusted));
        assert!(!allows_approval(Conclusion::Defer));
        assert!(!allows_approval(Conclusion::Reject));
    }

    #[test]
    fn scores_are_bounded_per_dimension() {
        let rules = ExAnteRules::default();
        assert_eq!(total_score(&[d("18"), d("16.5"), d("17"), d("15"), d("20")], &rules), Ok(d("86.5")));
        assert!(total_score(&[d("21"), d("1"), d("1"), d("1"), d("1")], &rules).unwrap_err().contains("立项必要性"));
        assert!(total_score(&[d("1"), d("-1"), d("1"), d("1"), d("1")], &rules).is_err());
        assert!(total_score(&[d("1"), d("1")], &rules).is_err());
        assert!(total_score(&[d("1.555"), d("1"), d("1"), d("1"), d("1")], &rules).is_err());
    }

    #[test]
    fn panel_scores_average_per_dimension() {
        let sheets =
            vec![vec![d("18"), d("16"), d("17"), d("15"), d("20")], vec![d("17"), d("15"), d("16"), d("14"), d("19")]];
        assert_eq!(mean_scores(&sheets), Some(vec![d("17.5"), d("15.5"), d("16.5"), d("14.5"), d("19.5")]));
        assert_eq!(mean_scores(&[]), None);
    }

    #[test]
    fn conclusions_write_the_ledger() {
        let req = d("40000000");
        assert_eq!(consequence(Conclusion::Support, req, None), Ok(None));
        assert_eq!(consequence(Conclusion::Reject, req, None), Ok(Some((LedgerKind::Reject, req))));
        assert_eq!(consequence(Conclusion::Defer, req, None), Ok(Some((LedgerKind::Defer, req))));
        assert_eq!(
            consequence(Conclusion::SupportAdjusted, req, Some(d("1000000"))),
            Ok(Some((LedgerKind::Cut, d("1000000"))))
        );
        assert!(consequence(Conclusion::SupportAdjusted, req, None).is_err());
        assert!(consequence(Conclusion::SupportAdjusted, req, Some(req)).is_err());
        assert!(consequence(Conclusion::Support, req, Some(d("1"))).is_err());
    }
}
