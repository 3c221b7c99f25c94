//! The GraphQL schema is a contract: the committed SDL must match the code.

#[test]
fn the_committed_schema_matches_the_code() {
    let path = jixiao_tests::workspace_root().join("backend/schema.graphql");
    let current = backend::schema::sdl();
    if std::env::var("UPDATE_SCHEMA").is_ok() {
        std::fs::write(&path, &current).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == current,
        "backend/schema.graphql is out of date: review the API change, then run `UPDATE_SCHEMA=1 cargo test -p jixiao-tests --test api schema`"
    );
}
