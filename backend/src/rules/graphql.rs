use async_graphql::{Context, Object, Result, SimpleObject};

use super::{Setting, list, set};
use crate::graphql::{db, viewer};

/// A configurable number of the rule set (RULES.md [practice] values).
#[derive(SimpleObject)]
pub struct RuleSetting {
    key: String,
    label: String,
    /// Decimal string.
    value: String,
    default: String,
}

impl From<Setting> for RuleSetting {
    fn from(s: Setting) -> Self {
        RuleSetting {
            key: s.key.into(),
            label: s.label.into(),
            value: s.value.normalize().to_string(),
            default: s.default.normalize().to_string(),
        }
    }
}

#[derive(Default)]
pub struct RuleQuery;

#[Object]
impl RuleQuery {
    /// The rule set's configurable numbers.
    async fn rule_settings(&self, ctx: &Context<'_>) -> Result<Vec<RuleSetting>> {
        viewer(ctx)?;
        Ok(list(db(ctx)).await?.into_iter().map(RuleSetting::from).collect())
    }
}

#[derive(Default)]
pub struct RuleMutation;

#[Object]
impl RuleMutation {
    /// The admin changes one of the rule set's numbers.
    async fn set_rule_setting(&self, ctx: &Context<'_>, key: String, value: String) -> Result<RuleSetting> {
        Ok(set(db(ctx), viewer(ctx)?, &key, &value).await?.into())
    }
}
