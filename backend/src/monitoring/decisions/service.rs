//! Deciding on a project after a round; money decisions write the ledger
//! (source `monitoring`) in the same transaction.

use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::TransactionSession;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set, TransactionTrait};
use shared::ledger::LedgerSource;
use shared::money::{check_yuan, from_fen, to_fen};
use shared::monitoring::DecisionKind;
use shared::permissions::Capability;

use super::entity as decision;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::ledger::service as ledger;
use crate::monitoring::rounds::service as rounds;
use crate::projects::service as projects;
use crate::viewer::Viewer;
use crate::years::service as years;

/// The 绩效股 decides; money decisions write the ledger (source `monitoring`).
pub async fn decide<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    round_id: i64,
    project_id: i64,
    kind: DecisionKind,
    amount: Option<Decimal>,
    note: String,
) -> AppResult<decision::Model> {
    viewer.require(Capability::OrganiseReviews)?;
    let note = crate::input::multiline("note", "处理意见", &note, shared::text::LONG_TEXT_MAX)?;
    let txn = crate::tx::begin(db).await?;
    let r = rounds::get(&txn, viewer, round_id).await?;
    let p = projects::get(&txn, viewer, project_id).await?;
    if p.year_id != r.year_id {
        return Err(AppError::bad_field("projectId", "项目不属于本监控年度"));
    }
    years::ensure_writable(&txn, p.year_id).await?;
    if decision::Entity::find()
        .filter(decision::Column::RoundId.eq(round_id))
        .filter(decision::Column::ProjectId.eq(project_id))
        .one(&txn)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict("本轮监控已对该项目作出处理决定".into()));
    }
    let budget = from_fen(p.approved_fen.unwrap_or(p.requested_fen));
    let amount = match (kind.needs_amount(), amount) {
        (false, Some(_)) => return Err(AppError::bad_field("amount", "“继续执行”不填写金额")),
        (false, None) => None,
        (true, None) => return Err(AppError::bad_field("amount", "请填写金额")),
        (true, Some(a)) => {
            let a = check_yuan(a).map_err(|e| AppError::bad_field("amount", e.to_string()))?;
            if a.is_zero() || a > budget {
                return Err(AppError::bad_field("amount", "金额须大于 0 且不超过项目批复金额"));
            }
            Some(a)
        }
    };
    let created = decision::ActiveModel {
        round_id: Set(round_id),
        project_id: Set(project_id),
        kind: Set(kind.as_str().into()),
        amount_fen: Set(amount.map(to_fen)),
        note: Set(note.clone()),
        decided_by: Set(viewer.user_id),
        decided_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if let (Some(ledger_kind), Some(a)) = (kind.ledger_kind(), amount) {
        let text = format!(
            "{} 月监控：{}{}",
            r.month,
            kind.label(),
            if note.is_empty() { String::new() } else { format!("（{note}）") }
        );
        ledger::record(&txn, viewer, project_id, LedgerSource::Monitoring, ledger_kind, a, &text).await?;
    }
    audit::record(&txn, viewer, Change::new("monitoring.decide", "monitoring_decision", created.id).after(&created))
        .await?;
    txn.commit().await?;
    Ok(created)
}

/// The decisions on `projects` in one round (one query), for the loader.
pub async fn of_projects(
    db: &impl ConnectionTrait,
    round_id: i64,
    projects: impl IntoIterator<Item = i64>,
) -> AppResult<Vec<decision::Model>> {
    Ok(decision::Entity::find()
        .filter(decision::Column::RoundId.eq(round_id))
        .filter(decision::Column::ProjectId.is_in(projects))
        .all(db)
        .await?)
}
