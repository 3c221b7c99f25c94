use sea_orm::Set;
use sea_orm::entity::prelude::*;
use shared::indicators::{Comparator, Direction, Field, IndicatorSource, Level2, LibraryEntry, LibraryStatus};

/// One library indicator (a 三级 indicator). Enum columns hold the stable
/// codes of the `shared::indicators` enums.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel, serde::Serialize)]
#[sea_orm(table_name = "library_indicator")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub level2: String,
    pub field: String,
    pub name: String,
    pub comparator: String,
    pub unit: String,
    pub reference_value: String,
    pub scoring_standard: String,
    pub direction: String,
    pub source: String,
    pub status: String,
    /// The unit that proposed it (特性指标); `None` for common indicators.
    pub proposed_by_org_id: Option<i64>,
    pub refusal_reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "crate::organisations::entity::Entity",
        from = "Column::ProposedByOrgId",
        to = "crate::organisations::entity::Column::Id"
    )]
    ProposedBy,
}

impl ActiveModelBehavior for ActiveModel {}

impl Model {
    /// The stored row as the domain's entry; `None` if a stored code is unknown.
    pub fn entry(&self) -> Option<LibraryEntry> {
        Some(LibraryEntry {
            level2: Level2::parse(&self.level2)?,
            field: Field::parse(&self.field)?,
            name: self.name.clone(),
            comparator: Comparator::parse(&self.comparator)?,
            unit: self.unit.clone(),
            reference_value: self.reference_value.clone(),
            scoring_standard: self.scoring_standard.clone(),
            direction: Direction::parse(&self.direction)?,
        })
    }
}

impl ActiveModel {
    /// Sets the entry's columns (not status, source or proposer).
    pub fn set_entry(&mut self, entry: &LibraryEntry) {
        self.level2 = Set(entry.level2.as_str().into());
        self.field = Set(entry.field.as_str().into());
        self.name = Set(entry.name.clone());
        self.comparator = Set(entry.comparator.as_str().into());
        self.unit = Set(entry.unit.clone());
        self.reference_value = Set(entry.reference_value.clone());
        self.scoring_standard = Set(entry.scoring_standard.clone());
        self.direction = Set(entry.direction.as_str().into());
    }

    /// A new row for `entry`.
    pub fn new_entry(
        entry: &LibraryEntry,
        source: IndicatorSource,
        status: LibraryStatus,
        proposed_by: Option<i64>,
        now: DateTimeUtc,
    ) -> Self {
        let mut row = ActiveModel {
            source: Set(source.as_str().into()),
            status: Set(status.as_str().into()),
            proposed_by_org_id: Set(proposed_by),
            refusal_reason: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        };
        row.set_entry(entry);
        row
    }
}
