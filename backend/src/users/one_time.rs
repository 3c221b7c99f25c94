//! One-time passwords: generated for a new or reset account, shown once to
//! the administrator who issued it, stored only as a hash, and changed by the
//! user at the first login.

use rand::Rng;
use rand::seq::SliceRandom;

/// Characters that cannot be mistaken for one another when read aloud or
/// copied from a screen (no 0/O, 1/l/I).
const LOWER: &[u8] = b"abcdefghijkmnpqrstuvwxyz";
const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS: &[u8] = b"23456789";
const SYMBOLS: &[u8] = b"#%+=@";

/// Length of a one-time password: ~70 bits from the alphabets above.
pub const LENGTH: usize = 12;

/// A fresh one-time password that meets `shared::passwords::check_password`.
pub fn generate() -> String {
    let mut rng = rand::thread_rng();
    let classes = [LOWER, UPPER, DIGITS, SYMBOLS];
    let all: Vec<u8> = classes.concat();
    // One of each class, the rest from all of them, then shuffled.
    let mut chars: Vec<u8> = classes.iter().map(|class| class[rng.gen_range(0..class.len())]).collect();
    while chars.len() < LENGTH {
        chars.push(all[rng.gen_range(0..all.len())]);
    }
    chars.shuffle(&mut rng);
    chars.into_iter().map(char::from).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_time_passwords_meet_the_policy_and_differ() {
        let mut seen = std::collections::HashSet::new();
        for _ in 0..500 {
            let p = generate();
            assert_eq!(p.chars().count(), LENGTH);
            assert_eq!(shared::passwords::check_password(&p), Ok(()), "{p}");
            assert!(p.chars().all(|c| !"0O1lI".contains(c)), "{p}");
            seen.insert(p);
        }
        assert_eq!(seen.len(), 500);
    }
}
