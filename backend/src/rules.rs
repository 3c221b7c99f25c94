//! Rule settings: the [practice] numbers of RULES.md as configurable values,
//! stored per key with the documented defaults.

use rust_decimal::Decimal;
use sea_orm::{ConnectionTrait, EntityTrait};
use shared::ex_ante::ExAnteRules;
use shared::targets::TargetRules;

use crate::error::AppResult;

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
