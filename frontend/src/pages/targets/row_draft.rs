//! The editable form of a target's indicator rows, and its conversions to the
//! shared rules' `TargetIndicator` (live checks) and the API input (save).

use leptos::prelude::*;
use rust_decimal::Decimal;
use shared::indicators::{Comparator, Direction, IndicatorSource, Level2};
use shared::targets::{TargetDraft, TargetIndicator};

use crate::api::indicators::LibraryIndicator;
use crate::api::targets::TargetIndicatorInput;
use crate::format::number;

/// One indicator row as the user edits it: every input is its own signal.
#[derive(Debug, Clone, Copy)]
pub struct RowDraft {
    /// Stable key of the row within the page.
    pub key: u64,
    pub level2: RwSignal<Option<Level2>>,
    pub name: RwSignal<String>,
    pub comparator: RwSignal<Option<Comparator>>,
    pub target_value: RwSignal<String>,
    pub unit: RwSignal<String>,
    pub weight: RwSignal<String>,
    pub direction: RwSignal<Option<Direction>>,
    pub scoring_standard: RwSignal<String>,
    pub explanation: RwSignal<String>,
    pub source: IndicatorSource,
    pub library_id: StoredValue<Option<String>>,
}

/// The parsed weight; anything unreadable counts as 0 (and is reported as such).
pub fn parse_weight(text: &str) -> Option<Decimal> {
    text.trim().parse::<Decimal>().ok()
}

impl RowDraft {
    fn blank(key: u64, source: IndicatorSource) -> Self {
        Self {
            key,
            level2: RwSignal::new(Some(Level2::Quantity)),
            name: RwSignal::new(String::new()),
            comparator: RwSignal::new(Some(Comparator::AtLeast)),
            target_value: RwSignal::new(String::new()),
            unit: RwSignal::new(String::new()),
            weight: RwSignal::new(String::new()),
            direction: RwSignal::new(Some(Direction::Positive)),
            scoring_standard: RwSignal::new(String::new()),
            explanation: RwSignal::new(String::new()),
            source,
            library_id: StoredValue::new(None),
        }
    }

    /// An empty 特性指标 row.
    pub fn characteristic(key: u64) -> Self {
        Self::blank(key, IndicatorSource::Characteristic)
    }

    /// A row picked from the library: the weight is left for the user.
    pub fn from_library(key: u64, entry: &LibraryIndicator) -> Self {
        let row = Self::blank(key, IndicatorSource::Library);
        row.level2.set(Some(entry.level2));
        row.name.set(entry.name.clone());
        row.comparator.set(Some(entry.comparator));
        row.target_value.set(entry.reference_value.clone());
        row.unit.set(entry.unit.clone());
        row.direction.set(Some(entry.direction));
        row.scoring_standard.set(entry.scoring_standard.clone());
        row.library_id.set_value(Some(entry.id.clone()));
        row
    }

    /// A saved indicator.
    pub fn from_saved(key: u64, ind: &TargetIndicator) -> Self {
        let row = Self::blank(key, ind.source);
        row.level2.set(Some(ind.level2));
        row.name.set(ind.name.clone());
        row.comparator.set(Some(ind.comparator));
        row.target_value.set(ind.target_value.clone());
        row.unit.set(ind.unit.clone());
        // A weight saved as 0 is one still to be set.
        row.weight.set(if ind.weight.is_zero() { String::new() } else { number(ind.weight) });
        row.direction.set(Some(ind.direction));
        row.scoring_standard.set(ind.scoring_standard.clone());
        row.explanation.set(ind.explanation.clone());
        row.library_id.set_value(ind.library_id.map(|id| id.to_string()));
        row
    }

    /// The row as the shared rules see it (tracked).
    pub fn to_rule_input(self) -> TargetIndicator {
        TargetIndicator {
            level2: self.level2.get().unwrap_or(Level2::Quantity),
            name: self.name.get(),
            comparator: self.comparator.get().unwrap_or(Comparator::AtLeast),
            target_value: self.target_value.get(),
            unit: self.unit.get(),
            weight: parse_weight(&self.weight.get()).unwrap_or(Decimal::ZERO),
            direction: self.direction.get().unwrap_or(Direction::Positive),
            scoring_standard: self.scoring_standard.get(),
            explanation: self.explanation.get(),
            source: self.source,
            library_id: self.library_id.get_value().and_then(|id| id.parse().ok()),
        }
    }

    /// The row as `saveTarget` takes it (untracked; texts trimmed).
    pub fn to_input(self) -> TargetIndicatorInput {
        let text = |s: RwSignal<String>| s.get_untracked().trim().to_owned();
        TargetIndicatorInput {
            level2: self.level2.get_untracked().unwrap_or(Level2::Quantity),
            name: text(self.name),
            comparator: self.comparator.get_untracked().unwrap_or(Comparator::AtLeast),
            target_value: text(self.target_value),
            unit: text(self.unit),
            // An empty weight is saved as 0 (and reported) so a draft can be kept unfinished.
            weight: match parse_weight(&self.weight.get_untracked()) {
                Some(weight) => number(weight),
                None if text(self.weight).is_empty() => "0".to_owned(),
                None => text(self.weight),
            },
            direction: self.direction.get_untracked().unwrap_or(Direction::Positive),
            scoring_standard: text(self.scoring_standard),
            explanation: text(self.explanation),
            source: self.source,
            library_id: self.library_id.get_value(),
        }
    }
}

/// The whole draft for `validate_target` (tracked).
pub fn rule_draft(goal: &str, rows: &[RowDraft]) -> TargetDraft {
    TargetDraft { overall_goal: goal.to_owned(), indicators: rows.iter().map(|r| r.to_rule_input()).collect() }
}
