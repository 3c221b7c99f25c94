//! Writing a project's report: the executed amount checked against the
//! budget, each indicator checked against the approved target, and every
//! light computed by `shared::monitoring` under the round's rules.

use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};
use shared::indicators::Comparator;
use shared::money::{check_yuan, from_fen, to_fen};
use shared::monitoring::{
    Light, Progress, check_indicator_report, entry, execution_light, execution_rate, project_light,
};
use shared::reviews::TargetState;

use super::entity as report;
use super::indicator;
use super::service::IndicatorEntry;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::monitoring::rounds::{entity as round, service as rounds};
use crate::projects::entity as project;
use crate::targets::{entity as target, service as targets};
use crate::viewer::Viewer;

/// Writes (or rewrites) a project's report inside the caller's transaction.
/// `entries: None` keeps the indicator reports already there (an
/// executed-amount import).
pub async fn write_report(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    r: &round::Model,
    p: &project::Model,
    executed: Decimal,
    entries: Option<Vec<IndicatorEntry>>,
) -> AppResult<report::Model> {
    let executed = check_yuan(executed).map_err(|e| AppError::bad_field("executedAmount", e.to_string()))?;
    let budget = from_fen(p.approved_fen.unwrap_or(p.requested_fen));
    if executed > budget {
        return Err(AppError::bad_field(
            "executedAmount",
            format!("执行金额不能超过批复金额 {}", shared::money::format_yuan(budget)),
        ));
    }
    let rules = rounds::rules_of(r);
    let m = rounds::month(r);
    let rate = execution_rate(executed, budget);
    let exec_light = execution_light(executed, budget, m, &rules);
    let existing = report::Entity::find()
        .filter(report::Column::RoundId.eq(r.id))
        .filter(report::Column::ProjectId.eq(p.id))
        .one(db)
        .await?;
    let planned = target::Entity::find()
        .filter(target::Column::ProjectId.eq(p.id))
        .filter(target::Column::State.eq(TargetState::Approved.as_str()))
        .one(db)
        .await?
        .map(|t| targets::indicators(&t.indicators))
        .transpose()?
        .unwrap_or_default();
    let mut rows: Vec<indicator::ActiveModel> = Vec::new();
    let mut lights = Vec::new();
    let mut completions = Vec::new();
    match entries {
        Some(entries) => {
            let mut covered: Vec<i32> = entries.iter().map(|e| e.position).collect();
            covered.sort_unstable();
            covered.dedup();
            if covered.len() != entries.len() || entries.len() != planned.len() {
                return Err(AppError::bad_field(
                    "indicators",
                    format!("须逐一填报绩效目标的全部 {} 个指标", planned.len()),
                ));
            }
            for e in entries {
                let pos = usize::try_from(e.position).map_err(|_| AppError::bad_field("indicators", "指标序号无效"))?;
                let plan = planned.get(pos).ok_or_else(|| {
                    AppError::bad_field("indicators", format!("第 {} 个指标不存在于批复的绩效目标中", pos + 1))
                })?;
                check_indicator_report(e.likelihood, e.forecast, &e.reasons, &e.measures)
                    .map_err(|m| AppError::bad_field("indicators", format!("{}：{m}", plan.name)))?;
                let progress = match (plan.comparator, e.actual, e.qualitative) {
                    (Comparator::Qualitative, _, Some(q)) => Progress::Qualitative(q),
                    (Comparator::Qualitative, _, None) => {
                        return Err(AppError::bad_field("indicators", format!("{}：请选择完成情况", plan.name)));
                    }
                    (_, Some(a), _) if !a.is_sign_negative() => Progress::Actual(a),
                    _ => {
                        return Err(AppError::bad_field(
                            "indicators",
                            format!("{}：请填写截至目前完成值（不小于 0）", plan.name),
                        ));
                    }
                };
                let light = entry::indicator(plan, &progress, m, &rules);
                completions.extend(entry::completion(plan, &progress));
                lights.push(light);
                rows.push(indicator::ActiveModel {
                    project_report_id: Set(0),
                    position: Set(e.position),
                    name: Set(plan.name.chars().take(200).collect()),
                    actual: Set(e.actual.map(|a| a.normalize().to_string())),
                    qualitative: Set(e.qualitative.map(|q| q.as_str().into())),
                    likelihood: Set(e.likelihood.as_str().into()),
                    forecast: Set(e.forecast.map(|f| f.normalize().to_string())),
                    reasons: Set(e.reasons.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(",")),
                    measures: Set(e.measures.trim().chars().take(2000).collect()),
                    light: Set(light.as_str().into()),
                    ..Default::default()
                });
            }
        }
        None => {
            if let Some(prev) = &existing {
                let kept =
                    indicator::Entity::find().filter(indicator::Column::ProjectReportId.eq(prev.id)).all(db).await?;
                lights.extend(kept.iter().filter_map(|k| Light::parse(&k.light)));
                for k in &kept {
                    let plan = usize::try_from(k.position).ok().and_then(|i| planned.get(i));
                    let actual = k.actual.as_deref().and_then(|a| a.parse::<Decimal>().ok());
                    if let (Some(plan), Some(actual)) = (plan, actual) {
                        completions.extend(entry::completion(plan, &Progress::Actual(actual)));
                    }
                }
            }
        }
    }
    let light = project_light(Some((executed, budget)), m, &lights, &completions, &rules).unwrap_or(exec_light);
    let now = Utc::now();
    let saved = match existing {
        Some(prev) => {
            let before = prev.clone();
            let mut active = prev.into_active_model();
            active.executed_fen = Set(to_fen(executed));
            active.execution_rate = Set(rate.to_string());
            active.execution_light = Set(exec_light.as_str().into());
            active.light = Set(light.as_str().into());
            active.reported_by = Set(viewer.user_id);
            active.updated_at = Set(now);
            let after = active.update(db).await?;
            let change = Change::new("monitoring.report", "project_report", after.id).before(&before).after(&after);
            audit::record(db, viewer, change).await?;
            after
        }
        None => {
            let created = report::ActiveModel {
                round_id: Set(r.id),
                project_id: Set(p.id),
                unit_id: Set(p.unit_id),
                executed_fen: Set(to_fen(executed)),
                execution_rate: Set(rate.to_string()),
                execution_light: Set(exec_light.as_str().into()),
                light: Set(light.as_str().into()),
                reported_by: Set(viewer.user_id),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
            audit::record(db, viewer, Change::new("monitoring.report", "project_report", created.id).after(&created))
                .await?;
            created
        }
    };
    if !rows.is_empty() {
        indicator::Entity::delete_many().filter(indicator::Column::ProjectReportId.eq(saved.id)).exec(db).await?;
        for row in &mut rows {
            row.project_report_id = Set(saved.id);
        }
        indicator::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(saved)
}
