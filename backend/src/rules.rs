//! Rule settings: the [practice] numbers of RULES.md as configurable values,
//! stored per key with the documented defaults.

use chrono::Utc;
use rust_decimal::Decimal;
use sea_orm::{
    ActiveModelTrait, ConnectionTrait, EntityTrait, IntoActiveModel, Set, TransactionSession, TransactionTrait,
};
use shared::ex_ante::ExAnteRules;
use shared::monitoring::{ExecutionRuleKind, FLOOR_MONTHS, Floor, LightRules};
use shared::permissions::Capability;
use shared::targets::TargetRules;

use crate::audit::{self, Change};
use crate::error::{AppError, AppResult};
use crate::viewer::Viewer;

pub mod graphql;

pub mod entity {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "rule_setting")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub key: String,
        pub value: String,
        pub updated_at: DateTimeUtc,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}

pub const TARGET_WEIGHT_TOTAL: &str = "target.weight_total";
pub const EX_ANTE_MAX_PER_DIMENSION: &str = "ex_ante.max_per_dimension";
pub const EX_ANTE_CONTINUING_THRESHOLD: &str = "ex_ante.continuing_threshold";
pub const MONITORING_RED_BELOW: &str = "monitoring.red_below";
pub const MONITORING_YELLOW_BELOW: &str = "monitoring.yellow_below";
pub const MONITORING_BLUE_AT: &str = "monitoring.blue_at_percent";
pub const MONITORING_GAP_POINTS: &str = "monitoring.gap_points";
/// The fixed-floor rule's floors, one key per checkpoint of [`FLOOR_MONTHS`].
pub const MONITORING_FLOORS: [&str; 4] =
    ["monitoring.floor_4", "monitoring.floor_6", "monitoring.floor_8", "monitoring.floor_10"];

async fn decimal(db: &impl ConnectionTrait, key: &str, default: Decimal) -> AppResult<Decimal> {
    let row = entity::Entity::find_by_id(key.to_owned()).one(db).await?;
    Ok(row.and_then(|r| r.value.parse().ok()).unwrap_or(default))
}

pub async fn target_rules(db: &impl ConnectionTrait) -> AppResult<TargetRules> {
    let d = TargetRules::default();
    Ok(TargetRules { weight_total: decimal(db, TARGET_WEIGHT_TOTAL, d.weight_total).await? })
}

pub async fn ex_ante_rules(db: &impl ConnectionTrait) -> AppResult<ExAnteRules> {
    let d = ExAnteRules::default();
    Ok(ExAnteRules {
        max_per_dimension: decimal(db, EX_ANTE_MAX_PER_DIMENSION, d.max_per_dimension).await?,
        continuing_threshold: decimal(db, EX_ANTE_CONTINUING_THRESHOLD, d.continuing_threshold).await?,
    })
}

/// The light rules a round opened now would use, for either execution rule.
pub async fn light_rules(db: &impl ConnectionTrait, execution: ExecutionRuleKind) -> AppResult<LightRules> {
    let d = LightRules::default();
    let mut floors = Vec::with_capacity(FLOOR_MONTHS.len());
    for (floor, key) in d.floors.iter().zip(MONITORING_FLOORS) {
        floors.push(Floor { month: floor.month, percent: decimal(db, key, floor.percent).await? });
    }
    Ok(LightRules {
        execution,
        red_below: decimal(db, MONITORING_RED_BELOW, d.red_below).await?,
        yellow_below: decimal(db, MONITORING_YELLOW_BELOW, d.yellow_below).await?,
        blue_at_percent: decimal(db, MONITORING_BLUE_AT, d.blue_at_percent).await?,
        floors,
        gap_points: decimal(db, MONITORING_GAP_POINTS, d.gap_points).await?,
    })
}

/// A setting as shown to the admin: its key, Chinese label, value and default.
pub struct Setting {
    pub key: &'static str,
    pub label: &'static str,
    pub value: Decimal,
    pub default: Decimal,
    /// Inclusive bounds of an acceptable value.
    pub range: (Decimal, Decimal),
}

fn known() -> Vec<Setting> {
    let t = TargetRules::default();
    let e = ExAnteRules::default();
    let mut settings = vec![
        Setting {
            key: TARGET_WEIGHT_TOTAL,
            label: "绩效指标权重合计（其余为预算执行率）",
            value: t.weight_total,
            default: t.weight_total,
            range: (Decimal::ONE, Decimal::ONE_HUNDRED),
        },
        Setting {
            key: EX_ANTE_MAX_PER_DIMENSION,
            label: "事前评估每个维度分值",
            value: e.max_per_dimension,
            default: e.max_per_dimension,
            range: (Decimal::ONE, Decimal::ONE_HUNDRED),
        },
        Setting {
            key: EX_ANTE_CONTINUING_THRESHOLD,
            label: "延续项目须开展事前评估的申报金额起点（元）",
            value: e.continuing_threshold,
            default: e.continuing_threshold,
            range: (Decimal::ZERO, shared::money::MAX_YUAN),
        },
    ];
    let m = LightRules::default();
    let percent =
        |key, label, value| Setting { key, label, value, default: value, range: (Decimal::ZERO, Decimal::ONE_HUNDRED) };
    settings.push(Setting {
        range: (Decimal::ZERO, Decimal::from(1000)),
        ..percent(MONITORING_RED_BELOW, "运行监控红灯线（执行率÷序时进度×100 低于此值）", m.red_below)
    });
    settings.push(Setting {
        range: (Decimal::ZERO, Decimal::from(1000)),
        ..percent(MONITORING_YELLOW_BELOW, "运行监控黄灯线（低于此值且不低于红灯线）", m.yellow_below)
    });
    settings.push(Setting {
        range: (Decimal::ONE_HUNDRED, Decimal::from(1000)),
        ..percent(MONITORING_BLUE_AT, "运行监控蓝灯线（完成值达全年目标的百分比）", m.blue_at_percent)
    });
    let floor_labels =
        ["固定进度线 1–4 月（%）", "固定进度线 1–6 月（%）", "固定进度线 1–8 月（%）", "固定进度线 1–10 月（%）"];
    for ((key, label), floor) in MONITORING_FLOORS.into_iter().zip(floor_labels).zip(m.floors) {
        settings.push(percent(key, label, floor.percent));
    }
    settings.push(percent(MONITORING_GAP_POINTS, "目标完成率与预算执行率差距预警线（百分点）", m.gap_points));
    settings
}

/// Every setting with its current value.
pub async fn list(db: &impl ConnectionTrait) -> AppResult<Vec<Setting>> {
    let mut out = known();
    for s in &mut out {
        s.value = decimal(db, s.key, s.default).await?;
    }
    Ok(out)
}

/// The admin changes a rule setting.
pub async fn set<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    viewer: &Viewer,
    key: &str,
    value: &str,
) -> AppResult<Setting> {
    viewer.require(Capability::Administer)?;
    let mut setting =
        known().into_iter().find(|s| s.key == key).ok_or_else(|| AppError::bad_field("key", "没有这个规则参数"))?;
    let parsed = shared::limits::parse_decimal(value).ok_or_else(|| AppError::bad_field("value", "参数值须为数字"))?;
    if parsed < setting.range.0 || parsed > setting.range.1 || parsed.normalize().scale() > 2 {
        return Err(AppError::bad_field(
            "value",
            format!("参数值须在 {} 到 {} 之间，最多两位小数", setting.range.0, setting.range.1),
        ));
    }
    let txn = crate::tx::begin(db).await?;
    if key.starts_with("monitoring.") {
        // The light numbers must stay a usable set together (red ≤ yellow, floors ascending).
        let mut rules = light_rules(&txn, ExecutionRuleKind::Ratio).await?;
        match key {
            MONITORING_RED_BELOW => rules.red_below = parsed,
            MONITORING_YELLOW_BELOW => rules.yellow_below = parsed,
            MONITORING_BLUE_AT => rules.blue_at_percent = parsed,
            MONITORING_GAP_POINTS => rules.gap_points = parsed,
            _ => {
                let i = MONITORING_FLOORS.iter().position(|k| *k == key).unwrap_or_default();
                rules.floors[i].percent = parsed;
            }
        }
        rules.check().map_err(|m| AppError::bad_field("value", m))?;
    }
    let before = decimal(&txn, key, setting.default).await?;
    if before == parsed {
        // Nothing changes: nothing is written, not even an audit entry.
        setting.value = before;
        return Ok(setting);
    }
    let row = entity::Entity::find_by_id(key.to_owned()).one(&txn).await?;
    let now = Utc::now();
    match row {
        Some(r) => {
            let mut active = r.into_active_model();
            active.value = Set(parsed.normalize().to_string());
            active.updated_at = Set(now);
            active.update(&txn).await?;
        }
        None => {
            entity::ActiveModel {
                key: Set(key.into()),
                value: Set(parsed.normalize().to_string()),
                updated_at: Set(now),
            }
            .insert(&txn)
            .await?;
        }
    }
    let change = Change::new("rule.set", "rule_setting", key).before(&before.to_string()).after(&parsed.to_string());
    audit::record(&txn, viewer, change).await?;
    txn.commit().await?;
    setting.value = parsed;
    Ok(setting)
}
