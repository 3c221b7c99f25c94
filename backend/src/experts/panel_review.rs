//! 专家集中会审: a panel drawn at random from the pool, each expert's opinion
//! on its items, and the panel's conclusion (scores averaged, the target or
//! assessment moved on).

use chrono::Utc;
use rand::seq::SliceRandom;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter, Set, TransactionSession,
    TransactionTrait,
};
use shared::ex_ante::{AssessmentState, AssessorKind, mean_scores, total_score};
use shared::experts::{Candidate, MAX_PANEL, PanelPurpose, eligible};
use shared::indicators::Field;
use shared::limits::NumberKind;
use shared::permissions::Capability;
use shared::reviews::TargetState;
use shared::roles::Role;
use shared::text::LONG_TEXT_MAX;

use super::opinion;
use super::panel::{self, item, member};
use super::service::profiles;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::ex_ante::entity as assessment;
use crate::input;
use crate::projects::entity as project;
use crate::rules;
use crate::targets::entity as target;
use crate::users::entity as user;
use crate::viewer::Viewer;

pub struct NewPanel {
    pub year_id: i64,
    pub purpose: PanelPurpose,
    pub field: Field,
    pub size: i32,
    pub target_project_ids: Vec<i64>,
    pub assessment_ids: Vec<i64>,
}

/// Draws `size` experts of the field at random, none with a conflict with any
/// item's unit, and assigns them the items.
pub async fn form_panel<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    new: NewPanel,
) -> AppResult<panel::Model> {
    viewer.require(Capability::OrganiseReviews)?;
    let size = usize::try_from(new.size).unwrap_or(0);
    if !(1..=MAX_PANEL).contains(&size) {
        return Err(AppError::bad_field("size", format!("专家组人数须在 1 到 {MAX_PANEL} 之间")));
    }
    input::distinct("targetProjectIds", &new.target_project_ids)?;
    input::distinct("assessmentIds", &new.assessment_ids)?;
    let txn = crate::tx::begin(db).await?;
    crate::years::service::ensure_writable(&txn, new.year_id).await?;
    // (target id, assessment id, unit id) of every item.
    let mut items: Vec<(Option<i64>, Option<i64>, i64)> = Vec::new();
    match new.purpose {
        PanelPurpose::TargetReview => {
            if new.target_project_ids.is_empty() || !new.assessment_ids.is_empty() {
                return Err(AppError::bad_field("targetProjectIds", "请选择待专家会审的项目目标"));
            }
            for pid in &new.target_project_ids {
                let p = project::Entity::find_by_id(*pid).one(&txn).await?.ok_or(AppError::NotFound("项目"))?;
                let t = target::Entity::find().filter(target::Column::ProjectId.eq(*pid)).one(&txn).await?;
                match t {
                    Some(t) if t.state == TargetState::PendingExpert.as_str() && p.year_id == new.year_id => {
                        items.push((Some(t.id), None, p.unit_id))
                    }
                    _ => return Err(AppError::Conflict(format!("项目 {} 的目标不在“待专家集中会审”阶段", p.code))),
                }
            }
        }
        PanelPurpose::ExAnte => {
            if new.assessment_ids.is_empty() || !new.target_project_ids.is_empty() {
                return Err(AppError::bad_field("assessmentIds", "请选择由专家组评估的事前绩效评估"));
            }
            for aid in &new.assessment_ids {
                let a =
                    assessment::Entity::find_by_id(*aid).one(&txn).await?.ok_or(AppError::NotFound("事前绩效评估"))?;
                let p = project::Entity::find_by_id(a.project_id).one(&txn).await?.ok_or(AppError::NotFound("项目"))?;
                if a.assessor_kind != AssessorKind::Panel.as_str()
                    || a.state != AssessmentState::InProgress.as_str()
                    || p.year_id != new.year_id
                {
                    return Err(AppError::Conflict(format!("项目 {} 的事前评估不是待专家组评估状态", p.code)));
                }
                items.push((None, Some(a.id), p.unit_id));
            }
        }
    }
    let experts = user::Entity::find()
        .filter(user::Column::Role.eq(Role::Expert.as_str()))
        .filter(user::Column::Active.eq(true))
        .all(&txn)
        .await?;
    let candidates: Vec<Candidate> = profiles(&txn, experts)
        .await?
        .into_iter()
        .map(|p| Candidate { id: p.user.id, fields: p.fields, conflicts: p.conflicts })
        .collect();
    let units: Vec<i64> = items.iter().map(|i| i.2).collect();
    let (free, excluded) = eligible(&candidates, new.field, &units);
    if free.len() < size {
        return Err(AppError::Conflict(format!(
            "{}领域符合条件的专家不足：需要 {size} 名，可抽取 {} 名（因利益冲突回避 {excluded} 名）",
            new.field.label(),
            free.len()
        )));
    }
    let drawn: Vec<i64> = free.choose_multiple(&mut rand::thread_rng(), size).copied().collect();
    let created = panel::ActiveModel {
        year_id: Set(new.year_id),
        purpose: Set(new.purpose.as_str().into()),
        field: Set(new.field.as_str().into()),
        created_by: Set(viewer.user_id),
        created_at: Set(Utc::now()),
        conclusion: Set(None),
        concluded_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for expert in &drawn {
        member::ActiveModel { panel_id: Set(created.id), expert_id: Set(*expert), ..Default::default() }
            .insert(&txn)
            .await?;
    }
    for (target_id, assessment_id, _) in &items {
        item::ActiveModel {
            panel_id: Set(created.id),
            target_id: Set(*target_id),
            assessment_id: Set(*assessment_id),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    let after = serde_json::json!({ "panel": created, "members": drawn, "items": items.len(), "excluded_for_conflict": excluded });
    audit::record(&txn, viewer, Change::new("panel.form", "expert_panel", created.id).after(&after)).await?;
    txn.commit().await?;
    Ok(created)
}

/// The panel item, if the viewer (an expert) is a member of its panel.
async fn my_item(db: &impl ConnectionTrait, viewer: &Viewer, item_id: i64) -> AppResult<(item::Model, panel::Model)> {
    let it = item::Entity::find_by_id(item_id).one(db).await?.ok_or(AppError::NotFound("评审事项"))?;
    let is_member = member::Entity::find()
        .filter(member::Column::PanelId.eq(it.panel_id))
        .filter(member::Column::ExpertId.eq(viewer.user_id))
        .one(db)
        .await?
        .is_some();
    if !is_member {
        return Err(AppError::NotFound("评审事项"));
    }
    let p = panel::Entity::find_by_id(it.panel_id).one(db).await?.ok_or(AppError::NotFound("专家组"))?;
    Ok((it, p))
}

pub async fn submit_opinion<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    item_id: i64,
    score: Option<String>,
    dimension_scores: Option<Vec<String>>,
    text: String,
) -> AppResult<item::Model> {
    viewer.require(Capability::GiveExpertOpinion)?;
    let text = input::required_multiline("opinion", "评审意见", &text, LONG_TEXT_MAX)?;
    let txn = crate::tx::begin(db).await?;
    let (it, p) = my_item(&txn, viewer, item_id).await?;
    if p.concluded_at.is_some() {
        return Err(AppError::Conflict("专家组已形成结论，不能再修改意见".into()));
    }
    let (score, dims) = if it.target_id.is_some() {
        let s = score
            .as_deref()
            .ok_or_else(|| AppError::bad_field("score", "请填写评分"))
            .and_then(|s| input::parse_number("score", "评分", NumberKind::Score, s))?;
        (Some(s.normalize().to_string()), None)
    } else {
        let parsed: Option<Vec<Decimal>> =
            dimension_scores.unwrap_or_default().iter().map(|s| shared::limits::parse_decimal(s)).collect();
        let parsed = parsed.ok_or_else(|| AppError::bad_field("dimensionScores", "各维度得分须为数字"))?;
        total_score(&parsed, &rules::ex_ante_rules(&txn).await?)
            .map_err(|m| AppError::bad_field("dimensionScores", m))?;
        let json = serde_json::to_string(&parsed.iter().map(|d| d.normalize().to_string()).collect::<Vec<_>>())
            .map_err(|e| AppError::Internal(e.into()))?;
        (None, Some(json))
    };
    let existing = opinion::Entity::find()
        .filter(opinion::Column::PanelItemId.eq(item_id))
        .filter(opinion::Column::ExpertId.eq(viewer.user_id))
        .one(&txn)
        .await?;
    let now = Utc::now();
    let saved = match existing {
        Some(o) => {
            let mut active = o.into_active_model();
            active.score = Set(score);
            active.dimension_scores = Set(dims);
            active.opinion = Set(text);
            active.at = Set(now);
            active.update(&txn).await?
        }
        None => {
            opinion::ActiveModel {
                panel_item_id: Set(item_id),
                expert_id: Set(viewer.user_id),
                score: Set(score),
                dimension_scores: Set(dims),
                opinion: Set(text),
                at: Set(now),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    audit::record(&txn, viewer, Change::new("panel.opinion", "panel_item", item_id).after(&saved)).await?;
    txn.commit().await?;
    Ok(it)
}

/// Records the panel's conclusion; for ex-ante panels the assessments take the
/// mean of the experts' dimension scores.
pub async fn conclude_panel<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    panel_id: i64,
    conclusion: String,
) -> AppResult<panel::Model> {
    viewer.require(Capability::OrganiseReviews)?;
    let conclusion = input::required_multiline("conclusion", "专家组结论", &conclusion, LONG_TEXT_MAX)?;
    let txn = crate::tx::begin(db).await?;
    let p = panel::Entity::find_by_id(panel_id).one(&txn).await?.ok_or(AppError::NotFound("专家组"))?;
    if p.concluded_at.is_some() {
        return Err(AppError::Conflict("专家组已形成结论".into()));
    }
    let items = item::Entity::find().filter(item::Column::PanelId.eq(panel_id)).all(&txn).await?;
    for it in &items {
        let opinions = opinion::Entity::find().filter(opinion::Column::PanelItemId.eq(it.id)).all(&txn).await?;
        if opinions.is_empty() {
            return Err(AppError::Conflict("尚有评审事项没有专家意见，不能形成结论".into()));
        }
        if let Some(aid) = it.assessment_id {
            let sheets: Vec<Vec<Decimal>> = opinions
                .iter()
                .filter_map(|o| o.dimension_scores.as_deref())
                .filter_map(|j| serde_json::from_str::<Vec<String>>(j).ok())
                .map(|v| v.iter().filter_map(|s| s.parse().ok()).collect())
                .collect();
            let mean = mean_scores(&sheets).ok_or_else(|| AppError::Conflict("专家评分不完整".into()))?;
            let total: Decimal = mean.iter().sum();
            let a = assessment::Entity::find_by_id(aid).one(&txn).await?.ok_or(AppError::NotFound("事前绩效评估"))?;
            let mut active = a.into_active_model();
            active.scores = Set(Some(
                serde_json::to_string(&mean.iter().map(|d| d.normalize().to_string()).collect::<Vec<_>>())
                    .map_err(|e| AppError::Internal(e.into()))?,
            ));
            active.total_score = Set(Some(total.normalize().to_string()));
            active.state = Set(AssessmentState::Scored.as_str().into());
            active.opinion = Set(conclusion.clone());
            active.update(&txn).await?;
        }
    }
    let before = p.clone();
    let mut active = p.into_active_model();
    active.conclusion = Set(Some(conclusion));
    active.concluded_at = Set(Some(Utc::now()));
    let after = active.update(&txn).await?;
    audit::record(&txn, viewer, Change::new("panel.conclude", "expert_panel", panel_id).before(&before).after(&after))
        .await?;
    txn.commit().await?;
    Ok(after)
}
