//! Expert panels (专家集中会审, ex-ante review): who may be drawn.

use crate::domain_enum;
use crate::indicators::Field;

domain_enum! {
    /// What a panel reviews.
    PanelPurpose {
        TargetReview => ("target_review", "专家集中会审"),
        ExAnte => ("ex_ante", "事前绩效评估"),
    }
}

/// An expert as the draw sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: i64,
    pub fields: Vec<Field>,
    /// Units the expert declared a conflict of interest with.
    pub conflicts: Vec<i64>,
}

/// The experts of `field` with no conflict with any of `units`, and how many
/// of the field were excluded for a conflict.
pub fn eligible(candidates: &[Candidate], field: Field, units: &[i64]) -> (Vec<i64>, usize) {
    let of_field: Vec<&Candidate> = candidates.iter().filter(|c| c.fields.contains(&field)).collect();
    let free: Vec<i64> =
        of_field.iter().filter(|c| !c.conflicts.iter().any(|u| units.contains(u))).map(|c| c.id).collect();
    let excluded = of_field.len() - free.len();
    (free, excluded)
}

pub const MAX_PANEL: usize = 15;

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: i64, fields: &[Field], conflicts: &[i64]) -> Candidate {
        Candidate { id, fields: fields.to_vec(), conflicts: conflicts.to_vec() }
    }

    #[test]
    fn the_draw_keeps_the_field_and_drops_conflicts() {
        let pool = [
            c(1, &[Field::Education], &[]),
            c(2, &[Field::Education, Field::Health], &[100]),
            c(3, &[Field::Health], &[]),
            c(4, &[Field::Education], &[200]),
        ];
        assert_eq!(eligible(&pool, Field::Education, &[100]), (vec![1, 4], 1));
        assert_eq!(eligible(&pool, Field::Education, &[100, 200]), (vec![1], 2));
        assert_eq!(eligible(&pool, Field::Health, &[]), (vec![2, 3], 0));
        assert_eq!(eligible(&pool, Field::Culture, &[]), (vec![], 0));
    }
}
