use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, JoinType, QueryFilter, QuerySelect, RelationTrait};
use shared::ex_ante::Conclusion;
use shared::ledger::LedgerSource;
use shared::money::from_fen;
use shared::organisations::OrgKind;
use shared::permissions::Capability;
use shared::reviews::{ReviewAction, ReviewStep};

use crate::error::AppResult;
use crate::ex_ante::entity as assessment;
use crate::ledger::entity as ledger;
use crate::organisations::entity as organisation;
use crate::projects::entity as project;
use crate::targets::{entity as target, review};
use crate::viewer::Viewer;
use crate::years::{entity as fiscal_year, service as years};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConclusionCount {
    pub conclusion: Conclusion,
    pub count: i64,
    pub requested: Decimal,
    /// The amount the conclusion took out: the cut, or the whole request for
    /// 暂缓 and 不予支持.
    pub cut: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetStatistics {
    pub year: fiscal_year::Model,
    pub assessed: i64,
    pub by_conclusion: Vec<ConclusionCount>,
    pub reviewed: i64,
    pub returned: i64,
    /// Per cent with two places.
    pub returned_share: Decimal,
    pub projects_adjusted: i64,
    pub adjusted_amount: Decimal,
    /// (step, passed, returned)
    pub by_step: Vec<(ReviewStep, i64, i64)>,
    /// (unit kind, reviewed, returned)
    pub by_unit_kind: Vec<(OrgKind, i64, i64)>,
}

pub async fn for_year(db: &impl ConnectionTrait, viewer: &Viewer, year_id: i64) -> AppResult<TargetStatistics> {
    viewer.require(Capability::ReadCountyOverview)?;
    let year = years::get(db, year_id).await?;

    // Ex-ante: every concluded assessment of the year with its project.
    let concluded: Vec<(Option<String>, Option<i64>, i64)> = assessment::Entity::find()
        .select_only()
        .column(assessment::Column::Conclusion)
        .column(assessment::Column::CutFen)
        .column(project::Column::RequestedFen)
        .join(JoinType::InnerJoin, assessment::Relation::Project.def())
        .filter(project::Column::YearId.eq(year_id))
        .filter(assessment::Column::Conclusion.is_not_null())
        .into_tuple()
        .all(db)
        .await?;
    let by_conclusion = Conclusion::ALL
        .iter()
        .map(|c| {
            let rows: Vec<_> = concluded.iter().filter(|r| r.0.as_deref() == Some(c.as_str())).collect();
            let requested: Decimal = rows.iter().map(|r| from_fen(r.2)).sum();
            let cut = match c {
                Conclusion::Support => Decimal::ZERO,
                Conclusion::SupportAdjusted => rows.iter().map(|r| from_fen(r.1.unwrap_or(0))).sum(),
                Conclusion::Defer | Conclusion::Reject => requested,
            };
            ConclusionCount { conclusion: *c, count: i64::try_from(rows.len()).unwrap_or(0), requested, cut }
        })
        .collect();

    // Reviews by the finance bureau (not the unit's own submissions).
    let rows: Vec<(i64, String, String, String)> = review::Entity::find()
        .select_only()
        .column(review::Column::TargetId)
        .column(review::Column::Step)
        .column(review::Column::Action)
        .column(organisation::Column::Kind)
        .join(JoinType::InnerJoin, review::Relation::Target.def())
        .join(JoinType::InnerJoin, target::Relation::Project.def())
        .join(JoinType::InnerJoin, project::Relation::Unit.def())
        .filter(project::Column::YearId.eq(year_id))
        .filter(review::Column::Step.ne(ReviewStep::SelfReview.as_str()))
        .into_tuple()
        .all(db)
        .await?;
    let returned_action = ReviewAction::Return.as_str();
    let reviewed: BTreeSet<i64> = rows.iter().map(|r| r.0).collect();
    let returned: BTreeSet<i64> = rows.iter().filter(|r| r.2 == returned_action).map(|r| r.0).collect();
    let by_step = ReviewStep::ALL
        .iter()
        .filter(|s| **s != ReviewStep::SelfReview)
        .map(|s| {
            let at: Vec<_> = rows.iter().filter(|r| r.1 == s.as_str()).collect();
            let returns = at.iter().filter(|r| r.2 == returned_action).count();
            (*s, count(at.len() - returns), count(returns))
        })
        .collect();
    let mut kinds: BTreeMap<&str, (BTreeSet<i64>, BTreeSet<i64>)> = BTreeMap::new();
    for r in &rows {
        let entry = kinds.entry(r.3.as_str()).or_default();
        entry.0.insert(r.0);
        if r.2 == returned_action {
            entry.1.insert(r.0);
        }
    }
    let by_unit_kind = [OrgKind::Department, OrgKind::Township]
        .into_iter()
        .map(|k| {
            let (rev, ret) = kinds.get(k.as_str()).map(|(a, b)| (a.len(), b.len())).unwrap_or((0, 0));
            (k, count(rev), count(ret))
        })
        .collect();
    let returned_share = if reviewed.is_empty() {
        Decimal::ZERO
    } else {
        (Decimal::from(returned.len()) * Decimal::ONE_HUNDRED / Decimal::from(reviewed.len())).round_dp(2)
    };

    // Budget adjustments made in review: the ledger is the one source.
    let adjustments: Vec<(i64, i64)> = ledger::Entity::find()
        .select_only()
        .column(ledger::Column::ProjectId)
        .column(ledger::Column::AmountFen)
        .join(JoinType::InnerJoin, ledger::Relation::Project.def())
        .filter(project::Column::YearId.eq(year_id))
        .filter(ledger::Column::Source.eq(LedgerSource::TargetReview.as_str()))
        .into_tuple()
        .all(db)
        .await?;
    let projects_adjusted = adjustments.iter().map(|a| a.0).collect::<BTreeSet<_>>().len();
    let adjusted_amount = adjustments.iter().map(|a| from_fen(a.1)).sum();

    Ok(TargetStatistics {
        year,
        assessed: count(concluded.len()),
        by_conclusion,
        reviewed: count(reviewed.len()),
        returned: count(returned.len()),
        returned_share,
        projects_adjusted: count(projects_adjusted),
        adjusted_amount,
        by_step,
        by_unit_kind,
    })
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
