use async_graphql::{Context, ID, Object, Result, SimpleObject};
use shared::ex_ante::Conclusion;
use shared::organisations::OrgKind;
use shared::reviews::ReviewStep;

use super::service;
use crate::graphql::{Money, db, parse_id, viewer};
use crate::years::graphql::FiscalYearObject;

#[derive(SimpleObject)]
pub struct ConclusionCount {
    conclusion: Conclusion,
    count: i64,
    requested: Money,
    /// What the conclusion took out (the cut; the whole request for 暂缓/不予支持).
    cut: Money,
}

#[derive(SimpleObject)]
pub struct StepCount {
    step: ReviewStep,
    passed: i64,
    returned: i64,
}

#[derive(SimpleObject)]
pub struct UnitKindTargetCount {
    unit_kind: OrgKind,
    reviewed: i64,
    returned: i64,
}

#[derive(SimpleObject)]
pub struct TargetStatistics {
    year: FiscalYearObject,
    /// Ex-ante assessments concluded.
    assessed: i64,
    assessed_by_conclusion: Vec<ConclusionCount>,
    /// Targets the finance bureau reviewed.
    targets_reviewed: i64,
    /// Targets returned at least once.
    targets_returned: i64,
    /// Per cent with two places, e.g. "40.00".
    returned_share: String,
    projects_adjusted: i64,
    adjusted_amount: Money,
    by_step: Vec<StepCount>,
    by_unit_kind: Vec<UnitKindTargetCount>,
}

#[derive(Default)]
pub struct StatisticsQuery;

#[Object]
impl StatisticsQuery {
    /// A year's ex-ante and target-review figures (绩效股, leadership).
    #[graphql(complexity = "crate::request_limits::EXPENSIVE_COST + child_complexity")]
    async fn target_statistics(&self, ctx: &Context<'_>, year_id: ID) -> Result<TargetStatistics> {
        let s = service::for_year(db(ctx), viewer(ctx)?, parse_id(&year_id, "预算年度")?).await?;
        let mut share = s.returned_share;
        share.rescale(2);
        Ok(TargetStatistics {
            year: FiscalYearObject(s.year),
            assessed: s.assessed,
            assessed_by_conclusion: s
                .by_conclusion
                .into_iter()
                .map(|c| ConclusionCount {
                    conclusion: c.conclusion,
                    count: c.count,
                    requested: Money(c.requested),
                    cut: Money(c.cut),
                })
                .collect(),
            targets_reviewed: s.reviewed,
            targets_returned: s.returned,
            returned_share: share.to_string(),
            projects_adjusted: s.projects_adjusted,
            adjusted_amount: Money(s.adjusted_amount),
            by_step: s
                .by_step
                .into_iter()
                .map(|(step, passed, returned)| StepCount { step, passed, returned })
                .collect(),
            by_unit_kind: s
                .by_unit_kind
                .into_iter()
                .map(|(unit_kind, reviewed, returned)| UnitKindTargetCount { unit_kind, reviewed, returned })
                .collect(),
        })
    }
}
