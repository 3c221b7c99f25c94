//! The county-scale round the bench measures.

use backend::config::HashCost;
use backend::viewer::Viewer;
use chrono::Utc;
use sea_orm::{DatabaseConnection, EntityTrait, Set};
use serde_json::{Value, json};
use shared::organisations::OrgKind;
use shared::roles::Role;

use super::{INDICATORS_PER_PROJECT, PROJECTS, UNITS};

/// Inserts the county-scale data set; returns the round and the 绩效股 viewer.
pub(crate) async fn seed(db: &DatabaseConnection) -> anyhow::Result<(i64, Viewer)> {
    use backend::monitoring::reports::{entity as report, indicator};
    use backend::monitoring::rounds::{entity as round, unit as round_unit};
    use backend::organisations::entity as organisation;
    use backend::projects::entity as project;
    use backend::targets::entity as target;
    use backend::users::entity as user;
    use backend::years::entity as fiscal_year;
    use sea_orm::ActiveModelTrait;

    let now = Utc::now();
    let org = |kind: OrgKind, code: String, name: String, section: Option<i64>| organisation::ActiveModel {
        kind: Set(kind.as_str().into()),
        code: Set(code),
        name: Set(name),
        parent_id: Set(None),
        section_id: Set(section),
        created_at: Set(now),
        ..Default::default()
    };
    let perf_org = org(OrgKind::PerformanceSection, "S-JX".into(), "绩效股".into(), None).insert(db).await?;
    let section = org(OrgKind::BusinessSection, "S-A".into(), "业务股".into(), None).insert(db).await?;
    let mut unit_rows = Vec::new();
    for i in 0..UNITS {
        let kind = if i < 187 { OrgKind::Department } else { OrgKind::Township };
        unit_rows.push(org(kind, format!("U{i:03}"), format!("单位{i:03}"), Some(section.id)));
    }
    organisation::Entity::insert_many(unit_rows).exec(db).await?;
    let units: Vec<i64> = organisation::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .filter(|o| o.code.starts_with('U'))
        .map(|o| o.id)
        .collect();
    let hash = backend::sessions::password::hash("Bench@2026", HashCost::TEST)?;
    let perf = user::ActiveModel {
        username: Set("perf".into()),
        display_name: Set("绩效股".into()),
        password_hash: Set(hash),
        role: Set(Role::FinanceSection.as_str().into()),
        organisation_id: Set(perf_org.id),
        active: Set(true),
        failed_logins: Set(0),
        locked_until: Set(None),
        last_login_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let year = fiscal_year::ActiveModel {
        year: Set(2026),
        status: Set("executing".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut rows = Vec::new();
    for i in 0..PROJECTS {
        rows.push(project::ActiveModel {
            year_id: Set(year.id),
            unit_id: Set(units[i % units.len()]),
            code: Set(format!("P{i:05}")),
            name: Set(format!("项目{i:05}")),
            kind: Set("project".into()),
            budget_type: Set("general_public".into()),
            requested_fen: Set(100_000_000),
            approved_fen: Set(Some(100_000_000)),
            is_new: Set(false),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        });
    }
    for chunk in rows.chunks(500) {
        project::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    let projects = project::Entity::find().all(db).await?;
    let indicators: Vec<Value> = (0..INDICATORS_PER_PROJECT)
        .map(|k| json!({ "level2": if k % 3 == 0 { "SOCIAL" } else { "QUANTITY" }, "name": format!("指标{k}"), "comparator": "AT_LEAST", "targetValue": "1200", "unit": "人", "weight": "9", "direction": "POSITIVE", "scoringStandard": "", "explanation": "", "source": "LIBRARY", "libraryId": null }))
        .collect();
    let json_text = serde_json::to_string(&indicators)?;
    let targets: Vec<target::ActiveModel> = projects
        .iter()
        .map(|p| target::ActiveModel {
            project_id: Set(p.id),
            state: Set("approved".into()),
            revision: Set(1),
            overall_goal: Set("目标".into()),
            indicators: Set(json_text.clone()),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in targets.chunks(500) {
        target::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    let r = round::ActiveModel {
        year_id: Set(year.id),
        month: Set(9),
        due_date: Set("2026-10-10".into()),
        rule: Set("ratio".into()),
        light_rules: Set(None),
        status: Set("open".into()),
        created_by: Set(perf.id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let round_units: Vec<round_unit::ActiveModel> = units
        .iter()
        .map(|u| round_unit::ActiveModel {
            round_id: Set(r.id),
            unit_id: Set(*u),
            submitted_at: Set(Some(now)),
            reviewed_at: Set(None),
            reviewed_by: Set(None),
            review_note: Set(String::new()),
            ..Default::default()
        })
        .collect();
    round_unit::Entity::insert_many(round_units).exec(db).await?;
    let lights = ["green", "yellow", "red", "blue"];
    let reports: Vec<report::ActiveModel> = projects
        .iter()
        .enumerate()
        .map(|(i, p)| report::ActiveModel {
            round_id: Set(r.id),
            project_id: Set(p.id),
            unit_id: Set(p.unit_id),
            executed_fen: Set(50_000_000),
            execution_rate: Set("50.00".into()),
            execution_light: Set("green".into()),
            light: Set(lights[i % 4].into()),
            reported_by: Set(perf.id),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in reports.chunks(500) {
        report::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    let report_ids: Vec<i64> = report::Entity::find().all(db).await?.into_iter().map(|r| r.id).collect();
    let mut ind_rows = Vec::new();
    for id in &report_ids {
        for k in 0..INDICATORS_PER_PROJECT {
            ind_rows.push(indicator::ActiveModel {
                project_report_id: Set(*id),
                position: Set(i32::try_from(k).unwrap_or(0)),
                name: Set(format!("指标{k}")),
                actual: Set(Some("900".into())),
                qualitative: Set(None),
                likelihood: Set("certain".into()),
                forecast: Set(None),
                reasons: Set(String::new()),
                measures: Set(String::new()),
                light: Set("green".into()),
                ..Default::default()
            });
        }
    }
    for chunk in ind_rows.chunks(1000) {
        indicator::Entity::insert_many(chunk.to_vec()).exec(db).await?;
    }
    let viewer = Viewer {
        user_id: perf.id,
        username: "perf".into(),
        role: Role::FinanceSection,
        org_id: perf_org.id,
        org_kind: OrgKind::PerformanceSection,
        restriction: None,
    };
    Ok((r.id, viewer))
}
