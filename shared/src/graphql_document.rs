//! A GraphQL request as the frontend sends it: one operation (a `.graphql`
//! file under `frontend/src/api/graphql/`) and the fragments it spreads, taken
//! from the frontend's one fragment file.
//!
//! async-graphql refuses a document with a fragment it does not use
//! (`NoUnusedFragments`), so the whole fragment file cannot travel with every
//! operation: [`assemble`] appends exactly the fragments reachable from the
//! operation, in the fragment file's order. The frontend calls it for every
//! request and `tests/api/frontend_queries.rs` calls it to check the same
//! documents against `backend/schema.graphql`.
//!
//! This is a scanner, not a parser: it finds `fragment Name on …` definitions
//! at the top level and `...Name` spreads, skipping strings and comments. The
//! schema check is what tells whether a document is valid.

/// One `fragment Name on Type { … }` definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fragment<'a> {
    pub name: &'a str,
    /// The whole definition, from `fragment` to its closing brace.
    pub text: &'a str,
}

/// The operation followed by every fragment it spreads, directly or through
/// other fragments, that `fragments` defines and the operation does not.
/// Spreads of fragments defined nowhere are left for the server to refuse.
pub fn assemble(operation: &str, fragments: &str) -> String {
    let library = fragment_definitions(fragments);
    let local = fragment_definitions(operation);
    let mut needed: Vec<usize> = Vec::new();
    let mut queue = spreads(operation);
    while let Some(name) = queue.pop() {
        if local.iter().any(|f| f.name == name) {
            continue;
        }
        let Some(index) = library.iter().position(|f| f.name == name) else { continue };
        if !needed.contains(&index) {
            needed.push(index);
            queue.extend(spreads(library[index].text));
        }
    }
    needed.sort_unstable();
    let mut document = operation.trim_end().to_owned();
    for index in needed {
        document.push_str("\n\n");
        document.push_str(library[index].text);
    }
    document.push('\n');
    document
}

/// The top-level fragment definitions of a document, in order.
pub fn fragment_definitions(source: &str) -> Vec<Fragment<'_>> {
    let code = code_only(source);
    let mut found = Vec::new();
    let mut depth = 0usize;
    let mut open: Option<(usize, &str)> = None;
    let mut i = 0;
    while i < code.len() {
        match code[i] {
            b'{' => depth += 1,
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0
                    && let Some((start, name)) = open.take()
                {
                    found.push(Fragment { name, text: &source[start..=i] });
                }
            }
            _ if depth == 0 && starts_name(&code, i) => {
                let end = name_end(&code, i);
                if &code[i..end] == b"fragment" {
                    let name_start = skip_ignored(&code, end);
                    if starts_name(&code, name_start) {
                        let name_stop = name_end(&code, name_start);
                        open = Some((i, &source[name_start..name_stop]));
                        i = name_stop;
                        continue;
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// The names of the named fragments a text spreads (`...Name`; inline
/// fragments `... on Type` are not spreads of a named fragment).
pub fn spreads(text: &str) -> Vec<&str> {
    let code = code_only(text);
    let mut names = Vec::new();
    let mut i = 0;
    while i + 3 <= code.len() {
        if &code[i..i + 3] != b"..." {
            i += 1;
            continue;
        }
        let start = skip_ignored(&code, i + 3);
        if starts_name(&code, start) {
            let end = name_end(&code, start);
            if &code[start..end] != b"on" {
                names.push(&text[start..end]);
            }
            i = end;
        } else {
            i = start;
        }
    }
    names
}

/// The source's bytes with strings and comments blanked out, so that
/// scanning sees only code; byte positions stay those of the source.
fn code_only(source: &str) -> Vec<u8> {
    let bytes = source.as_bytes();
    let mut code = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'"' if bytes[i..].starts_with(b"\"\"\"") => {
                i += 3;
                while i < bytes.len() && !(bytes[i..].starts_with(b"\"\"\"") && bytes[i - 1] != b'\\') {
                    i += 1;
                }
                i = (i + 3).min(bytes.len());
            }
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' && bytes[i] != b'\n' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(bytes.len());
            }
            _ => {
                i += 1;
                continue;
            }
        }
        code[start..i].fill(b' ');
    }
    code
}

fn is_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether a name starts at `i` (and is not the tail of a name or a `$variable`).
fn starts_name(code: &[u8], i: usize) -> bool {
    i < code.len()
        && (code[i].is_ascii_alphabetic() || code[i] == b'_')
        && (i == 0 || !(is_name_char(code[i - 1]) || code[i - 1] == b'$'))
}

fn name_end(code: &[u8], mut i: usize) -> usize {
    while i < code.len() && is_name_char(code[i]) {
        i += 1;
    }
    i
}

/// The first position at or after `i` that is not white space or a comma.
fn skip_ignored(code: &[u8], mut i: usize) -> usize {
    while i < code.len() && matches!(code[i], b' ' | b'\t' | b'\n' | b'\r' | b',') {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAGMENTS: &str = r#"
# The organisation as a list shows it.
fragment OrgSummary on Organisation { id name }

fragment ProjectFields on Project {
  id
  unit { ...OrgSummary }
}

fragment Unused on Project { code }

fragment TargetFields on Target {
  id
  project { ...ProjectFields }
  exAnte { ... on ExAnteAssessment { id } }
}
"#;

    #[test]
    fn finds_every_top_level_fragment_with_its_whole_text() {
        let found = fragment_definitions(FRAGMENTS);
        let names: Vec<_> = found.iter().map(|f| f.name).collect();
        assert_eq!(names, ["OrgSummary", "ProjectFields", "Unused", "TargetFields"]);
        assert_eq!(found[1].text, "fragment ProjectFields on Project {\n  id\n  unit { ...OrgSummary }\n}");
    }

    #[test]
    fn an_operation_gets_the_fragments_it_reaches_and_no_others() {
        let doc = assemble("query Target($id: ID!) { target(projectId: $id) { ...TargetFields } }", FRAGMENTS);
        assert!(doc.starts_with("query Target("));
        assert!(doc.contains("fragment TargetFields on Target"));
        assert!(doc.contains("fragment ProjectFields on Project"));
        assert!(doc.contains("fragment OrgSummary on Organisation"));
        assert!(!doc.contains("Unused"));
        // In the fragment file's order, each once.
        let at = |name: &str| doc.find(name).unwrap();
        assert!(at("fragment OrgSummary") < at("fragment ProjectFields"));
        assert!(at("fragment ProjectFields") < at("fragment TargetFields"));
        assert_eq!(doc.matches("fragment OrgSummary").count(), 1);
    }

    #[test]
    fn an_operation_without_spreads_is_sent_as_it_is() {
        let op = "mutation Logout($refreshToken: String!) { logout(refreshToken: $refreshToken) }\n";
        assert_eq!(assemble(op, FRAGMENTS), op);
    }

    #[test]
    fn inline_fragments_strings_and_comments_are_not_spreads() {
        let text = "{ a(s: \"...Unused\") # ...Unused\n ... on Project { id } ...  OrgSummary }";
        assert_eq!(spreads(text), ["OrgSummary"]);
    }

    #[test]
    fn a_fragment_the_operation_defines_itself_is_not_appended_again() {
        let op = "query Me { me { ...Mine } }\nfragment Mine on User { id unit { ...OrgSummary } }";
        let doc = assemble(op, FRAGMENTS);
        assert_eq!(doc.matches("fragment Mine").count(), 1);
        assert!(doc.contains("fragment OrgSummary"));
    }

    #[test]
    fn a_variable_named_fragment_is_not_a_definition() {
        assert!(fragment_definitions("query Q($fragment: String) { a(b: $fragment) }").is_empty());
    }
}
