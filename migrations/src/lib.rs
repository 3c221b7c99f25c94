//! Database migrations, laid out as sea-orm-migration expects. The backend runs
//! [`Migrator`] at start-up and the tests run it on every fresh database.

pub use sea_orm_migration::prelude::*;

mod indexes;
mod m20261129_000001_foundation;
mod m20261129_000002_indicator_library;
mod m20261129_000003_targets;
mod m20261129_000004_monitoring;
mod m20261202_060000_three_administrators;
mod m20261202_130000_round_rules;
mod m20261202_150000_audit_chain;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_foundation::Migration),
            Box::new(m20261129_000002_indicator_library::Migration),
            Box::new(m20261129_000003_targets::Migration),
            Box::new(m20261129_000004_monitoring::Migration),
            Box::new(m20261202_060000_three_administrators::Migration),
            Box::new(m20261202_130000_round_rules::Migration),
            Box::new(m20261202_150000_audit_chain::Migration),
        ]
    }
}
