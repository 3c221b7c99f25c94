//! The demo's monitoring: a finished September round of 2026 shaped like the
//! seed report (181 departments and 13 townships monitored, 12 projects
//! reduced by 109.51万 in all), and an open November round for every unit.

use chrono::{DateTime, TimeZone, Utc};
use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set};
use shared::ledger::{LedgerKind, LedgerSource};
use shared::money::{from_fen, to_fen};
use shared::monitoring::{DecisionKind, ExecutionRuleKind, LightRules, execution_light, execution_rate};
use shared::organisations::OrgKind;

use crate::ledger::entity as ledger;
use crate::monitoring::decisions::entity as decision;
use crate::monitoring::reports::entity as report;
use crate::monitoring::rounds::{entity as round, unit as round_unit};
use crate::organisations::entity as organisation;
use crate::projects::entity as project;

pub async fn seed(db: &impl ConnectionTrait, year_id: i64, performance: i64, now: DateTime<Utc>) -> anyhow::Result<()> {
    let units = organisation::Entity::find()
        .filter(organisation::Column::Kind.is_in([OrgKind::Department.as_str(), OrgKind::Township.as_str()]))
        .order_by_asc(organisation::Column::Id)
        .all(db)
        .await?;
    // Two sub-units were not part of the September round: 181 departments.
    let departments: Vec<i64> = units.iter().filter(|u| u.kind == OrgKind::Department.as_str()).map(|u| u.id).collect();
    let skipped: Vec<i64> = departments.iter().rev().take(departments.len().saturating_sub(181)).copied().collect();
    let september: Vec<i64> = units.iter().map(|u| u.id).filter(|id| !skipped.contains(id)).collect();
    let submitted_at = Utc.with_ymd_and_hms(2026, 10, 8, 9, 0, 0).single().unwrap_or(now);
    let sept =
        insert_round(db, year_id, 9, "2026-10-10", "closed", performance, &september, Some(submitted_at)).await?;
    let all: Vec<i64> = units.iter().map(|u| u.id).collect();
    insert_round(db, year_id, 11, "2026-12-10", "open", performance, &all, None).await?;

    // Every approved project of the covered units reports; execution varies.
    let projects = project::Entity::find()
        .filter(project::Column::YearId.eq(year_id))
        .filter(project::Column::ApprovedFen.is_not_null())
        .filter(project::Column::UnitId.is_in(september))
        .order_by_asc(project::Column::Id)
        .all(db)
        .await?;
    let rules = LightRules::default();
    let mut rows = Vec::new();
    for (i, p) in projects.iter().enumerate() {
        let budget = from_fen(p.approved_fen.unwrap_or(0));
        // Execution between 30 % and 95 % of the budget, deterministic.
        let share = Decimal::from(30 + (i * 37) % 66) / Decimal::ONE_HUNDRED;
        let executed = (budget * share).round_dp(2);
        let rate = execution_rate(executed, budget);
        let light = execution_light(executed, budget, 9, &rules);
        rows.push(report::ActiveModel {
            round_id: Set(sept),
            project_id: Set(p.id),
            unit_id: Set(p.unit_id),
            executed_fen: Set(to_fen(executed)),
            execution_rate: Set(rate.to_string()),
            execution_light: Set(light.as_str().into()),
            light: Set(light.as_str().into()),
            reported_by: Set(performance),
            updated_at: Set(submitted_at),
            ..Default::default()
        });
    }
    for chunk in rows.chunks(200) {
        report::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }

    // 12 projects reduced by 1,095,100.00 元 (109.51万): the largest of the lagging ones.
    let mut lagging: Vec<&project::Model> =
        projects.iter().enumerate().filter(|(i, _)| 30 + (i * 37) % 66 < 45).map(|(_, p)| p).collect();
    lagging.sort_by_key(|p| std::cmp::Reverse(p.approved_fen));
    anyhow::ensure!(lagging.len() >= 12, "the demo September round needs 12 lagging projects");
    for (i, p) in lagging.iter().take(12).enumerate() {
        let fen = if i == 11 { 9_410_000 } else { 9_100_000 };
        decision::ActiveModel {
            round_id: Set(sept),
            project_id: Set(p.id),
            kind: Set(DecisionKind::Reduce.as_str().into()),
            amount_fen: Set(Some(fen)),
            note: Set("执行进度严重滞后，调减预算".into()),
            decided_by: Set(performance),
            decided_at: Set(submitted_at),
            ..Default::default()
        }
        .insert(db)
        .await?;
        ledger::ActiveModel {
            project_id: Set(p.id),
            source: Set(LedgerSource::Monitoring.as_str().into()),
            kind: Set(LedgerKind::Reduce.as_str().into()),
            amount_fen: Set(fen),
            decision: Set("9 月监控：调减预算（执行进度严重滞后）".into()),
            decided_by: Set(performance),
            decided_at: Set(submitted_at),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn insert_round(
    db: &impl ConnectionTrait,
    year_id: i64,
    month: i32,
    due: &str,
    status: &str,
    by: i64,
    units: &[i64],
    submitted: Option<DateTime<Utc>>,
) -> anyhow::Result<i64> {
    let r = round::ActiveModel {
        year_id: Set(year_id),
        month: Set(month),
        due_date: Set(due.into()),
        rule: Set(ExecutionRuleKind::Ratio.as_str().into()),
        light_rules: Set(Some(serde_json::to_string(&LightRules::default())?)),
        status: Set(status.into()),
        created_by: Set(by),
        created_at: Set(submitted.unwrap_or_else(Utc::now)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let rows: Vec<round_unit::ActiveModel> = units
        .iter()
        .map(|u| round_unit::ActiveModel {
            round_id: Set(r.id),
            unit_id: Set(*u),
            submitted_at: Set(submitted),
            reviewed_at: Set(submitted),
            reviewed_by: Set(submitted.map(|_| by)),
            review_note: Set(if submitted.is_some() { "已审核".into() } else { String::new() }),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(200) {
        round_unit::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    Ok(r.id)
}
