//! The four-step review chain of targets (RULES.md §3.2):
//! 单位自审 → 业务股室初审 → 绩效股复审 → 专家集中会审 → 批复.
//! One state machine: every transition is checked here, for role and state.

use crate::domain_enum;

domain_enum! {
    /// Where a target stands.
    TargetState {
        Draft => ("draft", "编制中"),
        PendingInitial => ("pending_initial", "待业务股室初审"),
        PendingRecheck => ("pending_recheck", "待绩效股复审"),
        PendingExpert => ("pending_expert", "待专家集中会审"),
        PendingApproval => ("pending_approval", "待批复"),
        Approved => ("approved", "已批复"),
        Returned => ("returned", "已退回"),
    }
}

domain_enum! {
    /// The steps of the chain, as recorded in the review history.
    ReviewStep {
        SelfReview => ("self_review", "单位自审"),
        Initial => ("initial", "业务股室初审"),
        Recheck => ("recheck", "绩效股复审"),
        Expert => ("expert", "专家集中会审"),
        Approval => ("approval", "批复"),
    }
}

domain_enum! {
    /// What a reviewer does at a step.
    ReviewAction {
        Submit => ("submit", "自审通过并提交"),
        Pass => ("pass", "通过"),
        Return => ("return", "退回"),
        Approve => ("approve", "批复"),
    }
}

/// Who acts, relative to the target's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reviewer {
    /// A user of the unit that owns the project (or its 主管部门).
    OwnUnit,
    /// The unit's 归口业务股室.
    AssignedSection,
    /// The 绩效股.
    PerformanceSection,
    /// Anyone else.
    Other,
}

impl Reviewer {
    fn label(self) -> &'static str {
        match self {
            Reviewer::OwnUnit => "项目所属单位",
            Reviewer::AssignedSection => "归口业务股室",
            Reviewer::PerformanceSection => "绩效股",
            Reviewer::Other => "其他用户",
        }
    }
}

/// Why a transition is refused; the message says what would be allowed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("目标当前为“{state}”，不能执行“{action}”")]
    WrongState { state: &'static str, action: &'static str },
    #[error("“{state}”阶段只能由{expected}操作")]
    WrongReviewer { state: &'static str, expected: &'static str },
}

impl TargetState {
    /// The unit may edit its target only while it is with the unit.
    pub fn is_editable(self) -> bool {
        matches!(self, TargetState::Draft | TargetState::Returned)
    }

    /// The step a target in this state waits for.
    pub fn step(self) -> Option<ReviewStep> {
        match self {
            TargetState::Draft | TargetState::Returned => Some(ReviewStep::SelfReview),
            TargetState::PendingInitial => Some(ReviewStep::Initial),
            TargetState::PendingRecheck => Some(ReviewStep::Recheck),
            TargetState::PendingExpert => Some(ReviewStep::Expert),
            TargetState::PendingApproval => Some(ReviewStep::Approval),
            TargetState::Approved => None,
        }
    }

    /// Who acts at this state's step.
    pub fn actor(self) -> Option<Reviewer> {
        match self {
            TargetState::Draft | TargetState::Returned => Some(Reviewer::OwnUnit),
            TargetState::PendingInitial => Some(Reviewer::AssignedSection),
            TargetState::PendingRecheck | TargetState::PendingExpert | TargetState::PendingApproval => {
                Some(Reviewer::PerformanceSection)
            }
            TargetState::Approved => None,
        }
    }
}

impl ReviewAction {
    /// Whether a budget adjustment may go with this action: money moves only
    /// with a passing decision (通过, 批复), never with a return (退回).
    pub fn may_adjust_budget(self) -> bool {
        matches!(self, ReviewAction::Pass | ReviewAction::Approve)
    }
}

/// The state after `action` by `who`, or why it is refused.
pub fn transition(state: TargetState, action: ReviewAction, who: Reviewer) -> Result<TargetState, TransitionError> {
    use TargetState::*;
    let next = match (state, action) {
        (Draft | Returned, ReviewAction::Submit) => PendingInitial,
        (PendingInitial, ReviewAction::Pass) => PendingRecheck,
        (PendingRecheck, ReviewAction::Pass) => PendingExpert,
        (PendingExpert, ReviewAction::Pass) => PendingApproval,
        (PendingApproval, ReviewAction::Approve) => Approved,
        (PendingInitial | PendingRecheck | PendingExpert | PendingApproval, ReviewAction::Return) => Returned,
        _ => return Err(TransitionError::WrongState { state: state.label(), action: action.label() }),
    };
    let expected = state.actor().ok_or(TransitionError::WrongState { state: state.label(), action: action.label() })?;
    if who != expected {
        return Err(TransitionError::WrongReviewer { state: state.label(), expected: expected.label() });
    }
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReviewAction::*;
    use Reviewer::*;
    use TargetState::*;

    #[test]
    fn the_happy_path_runs_through_every_step() {
        let mut s = Draft;
        for (action, who, want) in [
            (Submit, OwnUnit, PendingInitial),
            (Pass, AssignedSection, PendingRecheck),
            (Pass, PerformanceSection, PendingExpert),
            (Pass, PerformanceSection, PendingApproval),
            (Approve, PerformanceSection, Approved),
        ] {
            s = transition(s, action, who).unwrap();
            assert_eq!(s, want);
        }
    }

    #[test]
    fn every_review_step_can_return_and_the_unit_resubmits() {
        for (state, who) in [
            (PendingInitial, AssignedSection),
            (PendingRecheck, PerformanceSection),
            (PendingExpert, PerformanceSection),
            (PendingApproval, PerformanceSection),
        ] {
            assert_eq!(transition(state, Return, who), Ok(Returned));
        }
        assert_eq!(transition(Returned, Submit, OwnUnit), Ok(PendingInitial));
    }

    /// Every (state, action, reviewer) triple: exactly the legal ones pass.
    #[test]
    fn every_illegal_transition_is_refused() {
        let legal = [
            (Draft, Submit, OwnUnit),
            (Returned, Submit, OwnUnit),
            (PendingInitial, Pass, AssignedSection),
            (PendingInitial, Return, AssignedSection),
            (PendingRecheck, Pass, PerformanceSection),
            (PendingRecheck, Return, PerformanceSection),
            (PendingExpert, Pass, PerformanceSection),
            (PendingExpert, Return, PerformanceSection),
            (PendingApproval, Approve, PerformanceSection),
            (PendingApproval, Return, PerformanceSection),
        ];
        let mut checked = 0;
        for state in TargetState::ALL {
            for action in ReviewAction::ALL {
                for who in [OwnUnit, AssignedSection, PerformanceSection, Other] {
                    let allowed = legal.contains(&(*state, *action, who));
                    assert_eq!(transition(*state, *action, who).is_ok(), allowed, "{state:?} {action:?} {who:?}");
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 7 * 4 * 4);
    }

    #[test]
    fn only_a_passing_decision_moves_money() {
        assert!(Pass.may_adjust_budget() && Approve.may_adjust_budget());
        assert!(!Return.may_adjust_budget() && !Submit.may_adjust_budget());
    }

    #[test]
    fn refusals_say_why() {
        assert_eq!(
            transition(PendingInitial, Pass, PerformanceSection).unwrap_err().to_string(),
            "“待业务股室初审”阶段只能由归口业务股室操作"
        );
        assert_eq!(
            transition(Approved, Return, PerformanceSection).unwrap_err().to_string(),
            "目标当前为“已批复”，不能执行“退回”"
        );
        assert!(Draft.is_editable() && Returned.is_editable() && !PendingInitial.is_editable());
    }
}
