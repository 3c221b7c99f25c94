use jixiao_tests::{Actor, TestApp};
use serde_json::json;

const CREATE: &str = "mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id code name kind parent { id } section { name } } }";
const UPDATE: &str = "mutation($id: ID!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $i) { id name parent { id } } }";

#[tokio::test]
async fn the_admin_creates_a_sub_unit_under_a_department() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let input = json!({ "kind": "DEPARTMENT", "code": "D1-SUB2", "name": "县第二中学", "parentId": f.d1.to_string(), "sectionId": f.section_a.to_string() });
    let res = app.as_actor(Actor::Admin, CREATE, json!({ "i": input })).await;
    let org = &res.ok()["createOrganisation"];
    assert_eq!(org["parent"]["id"], f.d1.to_string());
    assert_eq!(org["section"]["name"], "教科文股");
    assert_eq!(app.latest_audit().await.operation, "organisation.create");
    // The department now sees the new sub-unit.
    let seen =
        app.as_actor(Actor::Department, "{ organisations(search: \"第二中学\") { totalCount } }", json!({})).await;
    assert_eq!(seen.ok()["organisations"]["totalCount"], 1);
}

#[tokio::test]
async fn organisation_rules_are_enforced() {
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let token = app.token(Actor::Admin).await;
    let before = app.count("organisation").await;
    // Duplicate code.
    let dup = json!({ "kind": "DEPARTMENT", "code": "D1", "name": "重复" });
    app.gql(Some(&token), CREATE, json!({ "i": dup })).await.expect_code("CONFLICT");
    // A section is not a unit and takes no parent.
    let bad = json!({ "kind": "BUSINESS_SECTION", "code": "S-C", "name": "新股室", "parentId": f.d1.to_string() });
    app.gql(Some(&token), CREATE, json!({ "i": bad })).await.expect_code("BAD_USER_INPUT");
    // The section of a unit must be a business section.
    let bad = json!({ "kind": "DEPARTMENT", "code": "D9", "name": "新局", "sectionId": f.d2.to_string() });
    let res = app.gql(Some(&token), CREATE, json!({ "i": bad })).await;
    res.expect_code("BAD_USER_INPUT");
    assert_eq!(res.field(), Some("sectionId"));
    assert_eq!(app.count("organisation").await, before);
    // No cycles: D1 cannot become a sub-unit of its own sub-unit.
    let res = app
        .gql(Some(&token), UPDATE, json!({ "id": f.d1.to_string(), "i": { "parentId": f.d1_sub.to_string() } }))
        .await;
    res.expect_code("BAD_USER_INPUT");
    assert_eq!(res.field(), Some("parentId"));
    // Clearing a parent with null works.
    let res = app.gql(Some(&token), UPDATE, json!({ "id": f.d1_sub.to_string(), "i": { "parentId": null } })).await;
    assert_eq!(res.ok()["updateOrganisation"]["parent"], serde_json::Value::Null);
}

#[tokio::test]
async fn organisations_filter_by_kind() {
    let app = TestApp::spawn().await;
    let res = app
        .as_actor(
            Actor::Leadership,
            "{ organisations(kind: TOWNSHIP) { totalCount edges { node { name } } } }",
            json!({}),
        )
        .await;
    assert_eq!(res.ok()["organisations"]["totalCount"], 2);
}
