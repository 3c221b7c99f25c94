use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, JoinType, QueryFilter, QuerySelect,
    RelationTrait, Set, TransactionSession, TransactionTrait,
};
use shared::ex_ante::{AssessmentState, AssessorKind, Conclusion, consequence, total_score};
use shared::ledger::LedgerSource;
use shared::money::{check_yuan, from_fen, to_fen};
use shared::organisations::OrgKind;
use shared::permissions::Capability;
use shared::roles::Role;

use super::entity as assessment;
use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::experts::panel::{item, member};
use crate::input;
use crate::ledger::service as ledger;
use crate::organisations::entity as organisation;
use crate::pagination::{self, Page, PageRequest};
use crate::projects::{entity as project, service as projects};
use crate::rules;
use crate::scope;
use crate::viewer::Viewer;
use crate::years::service as years;

pub async fn for_project(db: &impl ConnectionTrait, project_id: i64) -> AppResult<Option<assessment::Model>> {
    Ok(assessment::Entity::find().filter(assessment::Column::ProjectId.eq(project_id)).one(db).await?)
}

/// Whether the project needs an assessment under the configured rules.
pub async fn required_for(db: &impl ConnectionTrait, p: &project::Model) -> AppResult<bool> {
    Ok(projects::gate_fields(p)?.requires_assessment(&rules::ex_ante_rules(db).await?))
}

pub fn state(a: &assessment::Model) -> AppResult<AssessmentState> {
    AssessmentState::parse(&a.state).ok_or_else(|| AppError::Internal(anyhow::anyhow!("bad assessment state")))
}

pub fn scores(a: &assessment::Model) -> Option<Vec<String>> {
    a.scores.as_deref().and_then(|j| serde_json::from_str(j).ok())
}

/// Assessments of a year the viewer may see: the county for the 绩效股 and
/// leadership, its commissions for a firm, its panels' items for an expert,
/// and the project scope for units and sections.
pub async fn list(
    db: &impl ConnectionTrait,
    viewer: &Viewer,
    year_id: i64,
    page: PageRequest,
) -> AppResult<Page<assessment::Model>> {
    let mut select = assessment::Entity::find()
        .join(JoinType::InnerJoin, assessment::Relation::Project.def())
        .filter(project::Column::YearId.eq(year_id));
    select = match viewer.role {
        Role::Evaluator => select.filter(assessment::Column::FirmId.eq(viewer.org_id)),
        Role::Expert => {
            let panels: Vec<i64> = member::Entity::find()
                .select_only()
                .column(member::Column::PanelId)
                .filter(member::Column::ExpertId.eq(viewer.user_id))
                .into_tuple()
                .all(db)
                .await?;
            let ids: Vec<Option<i64>> = item::Entity::find()
                .select_only()
                .column(item::Column::AssessmentId)
                .filter(item::Column::PanelId.is_in(panels))
                .into_tuple()
                .all(db)
                .await?;
            select.filter(assessment::Column::Id.is_in(ids.into_iter().flatten()))
        }
        role if role.is_administrator() => return Err(AppError::forbidden()),
        _ => select.filter(scope::units_condition(viewer, project::Column::UnitId)),
    };
    pagination::fetch(db, select, assessment::Column::Id, page).await
}

/// One assessment, if the viewer may see it.
pub async fn get(db: &impl ConnectionTrait, viewer: &Viewer, id: i64) -> AppResult<assessment::Model> {
    let a = assessment::Entity::find_by_id(id).one(db).await?.ok_or(AppError::NotFound("事前绩效评估"))?;
    let visible = match viewer.role {
        Role::Evaluator => a.firm_id == Some(viewer.org_id),
        Role::Expert => crate::experts::service::is_assigned_project(db, viewer, a.project_id).await?,
        role if role.is_administrator() => false,
        _ => projects::get(db, viewer, a.project_id).await.is_ok(),
    };
    if visible { Ok(a) } else { Err(AppError::NotFound("事前绩效评估")) }
}

/// The 绩效股 commissions an assessment of a project.
pub async fn start<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    project_id: i64,
    kind: AssessorKind,
    firm_id: Option<i64>,
) -> AppResult<assessment::Model> {
    viewer.require(Capability::OrganiseReviews)?;
    let txn = crate::tx::begin(db).await?;
    let p = projects::get(&txn, viewer, project_id).await?;
    years::ensure_writable(&txn, p.year_id).await?;
    if for_project(&txn, project_id).await?.is_some() {
        return Err(AppError::Conflict("该项目已开展事前绩效评估".into()));
    }
    let firm_id = match (kind, firm_id) {
        (AssessorKind::Firm, Some(firm)) => {
            let org = organisation::Entity::find_by_id(firm).one(&txn).await?;
            if org.as_ref().map(|o| o.kind.as_str()) != Some(OrgKind::EvaluationFirm.as_str()) {
                return Err(AppError::bad_field("firmId", "请选择第三方评价机构"));
            }
            Some(firm)
        }
        (AssessorKind::Firm, None) => return Err(AppError::bad_field("firmId", "委托第三方机构时须选择机构")),
        (AssessorKind::Panel, Some(_)) => return Err(AppError::bad_field("firmId", "专家组评估不选择机构")),
        (AssessorKind::Panel, None) => None,
    };
    let created = assessment::ActiveModel {
        project_id: Set(project_id),
        assessor_kind: Set(kind.as_str().into()),
        firm_id: Set(firm_id),
        state: Set(AssessmentState::InProgress.as_str().into()),
        scores: Set(None),
        total_score: Set(None),
        conclusion: Set(None),
        cut_fen: Set(None),
        preconditions: Set(String::new()),
        opinion: Set(String::new()),
        created_by: Set(viewer.user_id),
        created_at: Set(Utc::now()),
        concluded_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(&txn, viewer, Change::new("ex_ante.start", "ex_ante_assessment", created.id).after(&created)).await?;
    txn.commit().await?;
    Ok(created)
}

/// The commissioned firm uploads its five scores and opinion.
pub async fn submit_scores<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    id: i64,
    raw: Vec<String>,
    opinion: String,
) -> AppResult<assessment::Model> {
    viewer.require(Capability::SubmitFindings)?;
    let parsed: Option<Vec<Decimal>> = raw.iter().map(|s| shared::limits::parse_decimal(s)).collect();
    let parsed = parsed.ok_or_else(|| AppError::bad_field("scores", "各维度得分须为数字"))?;
    let opinion = input::multiline("opinion", "评估意见", &opinion, 4000)?;
    let txn = crate::tx::begin(db).await?;
    let a = get(&txn, viewer, id).await?;
    if state(&a)? == AssessmentState::Concluded {
        return Err(AppError::Conflict("评估已出结论，不能再修改评分".into()));
    }
    let total =
        total_score(&parsed, &rules::ex_ante_rules(&txn).await?).map_err(|m| AppError::bad_field("scores", m))?;
    let before = a.clone();
    let mut active = a.into_active_model();
    let normalized: Vec<String> = parsed.iter().map(|d| d.normalize().to_string()).collect();
    active.scores = Set(Some(serde_json::to_string(&normalized).map_err(|e| AppError::Internal(e.into()))?));
    active.total_score = Set(Some(total.normalize().to_string()));
    active.state = Set(AssessmentState::Scored.as_str().into());
    active.opinion = Set(opinion);
    let after = active.update(&txn).await?;
    audit::record(&txn, viewer, Change::new("ex_ante.score", "ex_ante_assessment", id).before(&before).after(&after))
        .await?;
    txn.commit().await?;
    Ok(after)
}

/// The 绩效股 records the conclusion; cut, defer and reject write the ledger.
pub async fn conclude<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    id: i64,
    conclusion: Conclusion,
    cut: Option<Decimal>,
    preconditions: Option<String>,
) -> AppResult<assessment::Model> {
    viewer.require(Capability::OrganiseReviews)?;
    let cut = cut.map(|c| check_yuan(c).map_err(|e| AppError::bad_field("cutAmount", e.to_string()))).transpose()?;
    let preconditions =
        input::multiline("preconditions", "前置条件", &preconditions.unwrap_or_default(), shared::text::LONG_TEXT_MAX)?;
    let txn = crate::tx::begin(db).await?;
    let a = get(&txn, viewer, id).await?;
    match state(&a)? {
        AssessmentState::InProgress => return Err(AppError::Conflict("评估尚未评分，不能出具结论".into())),
        AssessmentState::Concluded => return Err(AppError::Conflict("评估已出结论".into())),
        AssessmentState::Scored => {}
    }
    let p = project::Entity::find_by_id(a.project_id).one(&txn).await?.ok_or(AppError::NotFound("项目"))?;
    years::ensure_writable(&txn, p.year_id).await?;
    let requested = from_fen(p.requested_fen);
    let effect = consequence(conclusion, requested, cut).map_err(|m| AppError::bad_field("cutAmount", m))?;
    if let Some((kind, amount)) = effect {
        let decision = format!("事前绩效评估结论：{}", conclusion.label());
        ledger::record(&txn, viewer, p.id, LedgerSource::ExAnte, kind, amount, &decision).await?;
    }
    let before = a.clone();
    let mut active = a.into_active_model();
    active.conclusion = Set(Some(conclusion.as_str().into()));
    active.cut_fen = Set(cut.filter(|_| conclusion == Conclusion::SupportAdjusted).map(to_fen));
    active.preconditions = Set(preconditions);
    active.state = Set(AssessmentState::Concluded.as_str().into());
    active.concluded_at = Set(Some(Utc::now()));
    let after = active.update(&txn).await?;
    audit::record(
        &txn,
        viewer,
        Change::new("ex_ante.conclude", "ex_ante_assessment", id).before(&before).after(&after),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}
