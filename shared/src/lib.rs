//! Jixiao's domain vocabulary and pure rules, shared by the backend and the
//! WASM frontend. Nothing here touches I/O: every function is tested natively.

pub mod audit;
pub mod errors;
pub mod ex_ante;
pub mod experts;
pub mod graphql_document;
pub mod indicators;
pub mod ledger;
pub mod limits;
pub mod money;
pub mod monitoring;
pub mod organisations;
pub mod passwords;
pub mod permissions;
pub mod projects;
pub mod reviews;
pub mod roles;
pub mod targets;
pub mod text;
pub mod years;

/// A closed domain enum: every variant, its stable code and its Chinese label.
/// Implemented by every enum `domain_enum!` declares, so that generic code
/// (the frontend's selects and filters) needs no per-enum functions.
pub trait DomainEnum: Copy + PartialEq + Send + Sync + 'static {
    /// Every variant, in declaration order.
    const ALL: &'static [Self];
    /// The stable wire/database code.
    fn as_str(self) -> &'static str;
    /// The official Chinese term.
    fn label(self) -> &'static str;
    /// Parses a code; `None` for anything unknown.
    fn parse(code: &str) -> Option<Self>;
}

/// Declares a closed domain enum with a stable wire code and a Chinese label.
///
/// The wire code (`as_str`) is what the database stores; the GraphQL name is the
/// SCREAMING_CASE form async-graphql derives from the variant.
macro_rules! domain_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => ($code:literal, $label:literal)),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "graphql", derive(async_graphql::Enum))]
        #[serde(rename_all = "SCREAMING_SNAKE_CASE")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The official Chinese term shown to users.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// Parses a stored code; `None` for anything unknown.
            pub fn parse(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl $crate::DomainEnum for $name {
            const ALL: &'static [$name] = $name::ALL;
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
            fn label(self) -> &'static str {
                $name::label(self)
            }
            fn parse(code: &str) -> Option<Self> {
                $name::parse(code)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}
pub(crate) use domain_enum;
