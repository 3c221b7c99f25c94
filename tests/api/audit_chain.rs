//! The audit log is a hash chain (issue 8 item 6): concurrent writers extend
//! it in order, and the verifier names the first entry that was edited,
//! deleted or inserted behind the product's back.

use backend::audit::chain;
use futures_util::future::join_all;
use jixiao_tests::{Actor, TestApp};
use serde_json::json;

async fn verify(app: &TestApp) -> Option<chain::Broken> {
    chain::verify(&app.db).await.unwrap().1
}

async fn nth_id(app: &TestApp, n: i64) -> i64 {
    use sea_orm::{EntityTrait, QueryOrder, QuerySelect};
    backend::audit::entity::Entity::find()
        .order_by_asc(backend::audit::entity::Column::Id)
        .offset(u64::try_from(n).unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn parallel_writers_extend_one_chain_and_an_edit_or_a_deletion_is_named() {
    let app = TestApp::spawn().await;
    let admin = app.token(Actor::Admin).await;
    // Twenty years created at once: twenty entries, one unbroken chain.
    let create = "mutation($y: Int!) { createYear(year: $y) { id } }";
    let all = join_all((0..20).map(|i| app.gql(Some(&admin), create, json!({ "y": 2040 + i })))).await;
    for res in &all {
        res.ok();
    }
    let (checked, broken) = chain::verify(&app.db).await.unwrap();
    assert_eq!(broken, None);
    assert!(checked >= 20, "{checked}");

    // An edited entry is named, whatever field was changed.
    let target = nth_id(&app, 5).await;
    app.exec(&format!("UPDATE audit_log SET after = '{{}}' WHERE id = {target}")).await;
    assert_eq!(verify(&app).await.map(|b| b.id), Some(target));
    app.exec(&format!("UPDATE audit_log SET after = NULL, actor_name = 'admin_demo' WHERE id = {target}")).await;
    assert_eq!(verify(&app).await.map(|b| b.id), Some(target));

    // Deleting an entry breaks the link of the one after it.
    let app = TestApp::spawn().await;
    let admin = app.token(Actor::Admin).await;
    for y in 2050..2054 {
        app.gql(Some(&admin), create, json!({ "y": y })).await.ok();
    }
    assert_eq!(verify(&app).await, None);
    let gone = nth_id(&app, 2).await;
    let next = nth_id(&app, 3).await;
    app.exec(&format!("DELETE FROM audit_log WHERE id = {gone}")).await;
    assert_eq!(verify(&app).await.map(|b| b.id), Some(next));
}

#[tokio::test]
async fn a_fork_of_the_chain_is_refused_by_the_database() {
    let app = TestApp::spawn().await;
    app.token(Actor::Admin).await; // a login writes an entry
    let last = nth_id(&app, 0).await;
    let copy = format!(
        "INSERT INTO audit_log (at, actor_id, actor_name, operation, object_type, object_id, before, after, prev_hash, hash) \
         SELECT at, actor_id, actor_name, operation, object_type, object_id, before, after, prev_hash, hash FROM audit_log WHERE id = {last}"
    );
    use sea_orm::ConnectionTrait;
    assert!(app.db.execute_unprepared(&copy).await.is_err(), "a second entry chained to the same predecessor");
}
