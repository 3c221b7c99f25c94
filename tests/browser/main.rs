//! The browser test: the real built frontend (`dist/`, from `cargo xtask
//! build-web`) in headless Chromium, driven through chromedriver against a
//! running backend, as a user would use it.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use jixiao_tests::{PASSWORD, TestApp, workspace_root};
use serde_json::{Value, json};

const TIMEOUT: Duration = Duration::from_secs(20);

/// A chromedriver process, killed on drop.
struct ChromeDriver {
    child: Child,
    port: u16,
}

impl ChromeDriver {
    fn start() -> ChromeDriver {
        let port = std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).expect("free port").port();
        let child = Command::new(chromedriver())
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts (the test command installs Debian's chromium-driver)");
        ChromeDriver { child, port }
    }

    async fn client(&self) -> Client {
        // fantoccini's connector needs a process-wide rustls provider.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut caps = serde_json::Map::new();
        let args = [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1366,900",
            "--lang=zh-CN",
        ];
        caps.insert("goog:chromeOptions".into(), json!({ "binary": chromium(), "args": args }));
        let started = Instant::now();
        loop {
            match ClientBuilder::rustls()
                .expect("connector")
                .capabilities(caps.clone())
                .connect(&format!("http://127.0.0.1:{}", self.port))
                .await
            {
                Ok(client) => return client,
                Err(e) if started.elapsed() > TIMEOUT => panic!("chromedriver did not answer: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
            }
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into())
}

fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// A browser session with the helpers a test reads as user actions.
struct Browser {
    c: Client,
    shots: std::path::PathBuf,
}

impl Browser {
    async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        match self.c.wait().at_most(TIMEOUT).for_element(Locator::Css(css)).await {
            Ok(el) => el,
            Err(e) => self.fail(&format!("no element {css}: {e}")).await,
        }
    }

    async fn fill(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        el.clear().await.expect("clear");
        el.send_keys(text).await.expect("type");
    }

    async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.expect("click");
    }

    async fn select(&self, css: &str, label: &str) {
        self.wait_for(css).await.select_by_label(label).await.expect("select");
    }

    /// Waits until the element's text satisfies `check`.
    async fn wait_text(&self, css: &str, what: &str, check: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        let mut last = String::new();
        while started.elapsed() < TIMEOUT {
            if let Ok(el) = self.c.find(Locator::Css(css)).await
                && let Ok(text) = el.text().await
            {
                if check(&text) {
                    return text;
                }
                last = text;
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        self.fail(&format!("{css} never showed {what}; last text: {last:?}")).await
    }

    async fn login(&self, base: &str, username: &str) {
        self.c.goto(&format!("{base}/login")).await.expect("open login");
        self.fill("#username", username).await;
        self.fill("#password", PASSWORD).await;
        self.click("#login-submit").await;
        self.wait_text("#current-user", "the user's name", |t| t.contains(username)).await;
    }

    /// The `i`-th element matching `css`, waiting until there are enough.
    async fn nth(&self, css: &str, i: usize) -> fantoccini::elements::Element {
        let started = Instant::now();
        while started.elapsed() < TIMEOUT {
            if let Ok(all) = self.c.find_all(Locator::Css(css)).await
                && all.len() > i
            {
                return all.into_iter().nth(i).unwrap_or_else(|| unreachable!());
            }
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        self.fail(&format!("fewer than {} elements {css}", i + 1)).await
    }

    /// Types into the field `css` inside the `i`-th indicator row.
    async fn fill_row(&self, i: usize, css: &str, text: &str) {
        let row = self.nth(".indicator-row", i).await;
        let el = row.find(Locator::Css(css)).await.expect("field in row");
        el.clear().await.expect("clear");
        el.send_keys(text).await.expect("type");
    }

    async fn select_row(&self, i: usize, css: &str, label: &str) {
        let row = self.nth(".indicator-row", i).await;
        row.find(Locator::Css(css)).await.expect("select in row").select_by_label(label).await.expect("select");
    }

    async fn logout(&self) {
        self.click("#logout").await;
        self.wait_for("#username").await;
    }

    async fn shot(&self, name: &str) {
        if let Ok(png) = self.c.screenshot().await {
            let _ = std::fs::create_dir_all(&self.shots);
            let _ = std::fs::write(self.shots.join(format!("{name}.png")), png);
        }
    }

    async fn fail(&self, message: &str) -> ! {
        self.shot("failure").await;
        panic!("{message} (screenshot: {})", self.shots.join("failure.png").display());
    }
}

/// The integers in a text, e.g. `"共 2 项"` → `[2]`.
fn numbers(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_ascii_digit()).filter_map(|s| s.parse().ok()).collect()
}

#[tokio::test]
async fn a_department_creates_a_project_and_leadership_sees_it_in_the_overview() {
    let index = workspace_root().join("dist/index.html");
    assert!(index.exists(), "no frontend bundle at {}: run `cargo xtask build-web` first", index.display());
    let app = TestApp::spawn().await;
    let base = format!("http://{}", app.addr);
    let driver = ChromeDriver::start();
    let b = Browser { c: driver.client().await, shots: workspace_root().join("target/browser") };

    // A department user logs in and lands on 我的项目.
    b.login(&base, "dept1").await;
    // D1's own project and its sub-unit's, in the current year.
    b.wait_text("#projects-total", "two projects", |t| numbers(t).contains(&2)).await;
    b.shot("1-my-projects").await;

    // Creates a project; a bad amount is caught as it is typed.
    b.click("#new-project").await;
    b.fill("#project-code", "XM-BROWSER-1").await;
    b.fill("#project-name", "浏览器测试：农村饮水安全巩固提升").await;
    b.select("#project-kind", "项目支出").await;
    b.select("#project-budget-type", "政府性基金预算").await;
    b.fill("#project-requested", "-5").await;
    b.wait_text("#error-requestedAmount", "the negative-amount message", |t| t.contains("负数")).await;
    b.shot("2-inline-error").await;
    b.fill("#project-requested", "123456.78").await;
    b.wait_text("#error-requestedAmount", "the message cleared", str::is_empty).await;
    b.click("#project-save").await;

    // Sees it listed.
    b.wait_text("#projects-table", "the new project", |t| t.contains("XM-BROWSER-1")).await;
    b.wait_text("#projects-table", "the amount formatted", |t| t.contains("123,456.78")).await;
    b.shot("3-listed").await;

    // Logs out.
    b.click("#logout").await;
    b.wait_for("#username").await;

    // Leadership logs in and sees the overview including it: 5 + 1 projects.
    b.login(&base, "leader").await;
    b.click("#nav-overview").await;
    b.wait_text("#overview-project-count", "six projects", |t| t.trim() == "6").await;
    b.wait_text("#overview-by-budget-type", "the fund budget row", |t| t.contains("政府性基金预算")).await;
    b.shot("4-overview").await;

    // The backend agrees with what the browser showed.
    let leader = app.token(jixiao_tests::Actor::Leadership).await;
    let res = app
        .gql(Some(&leader), "{ projects(filter: { search: \"XM-BROWSER-1\" }) { edges { node { requestedAmount budgetType unit { name } } } } }", json!({}))
        .await;
    let node = &res.ok()["projects"]["edges"][0]["node"];
    assert_eq!(node["requestedAmount"], "123456.78");
    assert_eq!(node["budgetType"], "GOVERNMENT_FUND");
    assert_eq!(node["unit"]["name"], "县教育局");
    let _ = b.c.close().await;
}

/// Issue 3 in the browser: a department drafts a target from the library,
/// fails a check and sees why, submits; the business section returns it; it
/// resubmits; it passes 初审 and 复审, the expert panel (through the API), and
/// is approved; the statistics page shows the figures.
#[tokio::test]
async fn a_target_goes_through_the_review_chain_in_the_browser() {
    let index = workspace_root().join("dist/index.html");
    assert!(index.exists(), "no frontend bundle at {}: run `cargo xtask build-web` first", index.display());
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let base = format!("http://{}", app.addr);
    let driver = ChromeDriver::start();
    let b = Browser { c: driver.client().await, shots: workspace_root().join("target/browser") };
    let state = |token: String| {
        let app = &app;
        async move {
            let res = app
                .gql(
                    Some(&token),
                    "query($p: ID!) { target(projectId: $p) { state } }",
                    json!({ "p": f.p_d1.to_string() }),
                )
                .await;
            res.ok()["target"]["state"].as_str().unwrap_or_default().to_owned()
        }
    };
    let perf_token = app.token(jixiao_tests::Actor::Performance).await;

    // The department drafts: one indicator from the library, one characteristic.
    b.login(&base, "dept1").await;
    b.c.goto(&format!("{base}/targets/{}", f.p_d1)).await.expect("open target");
    b.fill("#target-goal", "保障全县义务教育学生营养餐供应，学生营养状况明显改善").await;
    b.click("#add-from-library").await;
    b.fill("#library-search", "受益学生人数").await;
    b.click(".library-pick").await;
    b.fill_row(0, ".ind-weight", "50").await;
    b.click("#add-characteristic").await;
    b.select_row(1, ".ind-level2", "社会效益指标").await;
    b.fill_row(1, ".ind-name", "学生营养状况改善").await;
    b.select_row(1, ".ind-comparator", "定性").await;
    b.fill_row(1, ".ind-value", "明显改善").await;
    b.fill_row(1, ".ind-weight", "30").await;
    // It fails a check and says why; submitting is not possible yet.
    b.wait_text("#target-issues", "the weight check", |t| t.contains("指标权重合计应为 90，当前为 80")).await;
    b.shot("5-target-check").await;
    let submit = b.wait_for("#target-submit").await;
    assert!(!submit.is_enabled().await.expect("enabled?"), "submit must wait for the checks");
    b.fill_row(0, ".ind-weight", "60").await;
    b.wait_text("#weight-total", "90 of 90", |t| t.contains("90 / 90")).await;
    b.click("#target-save").await;
    b.wait_text("#target-note", "the save confirmed", |t| t.contains("已保存")).await;
    b.click("#target-submit").await;
    b.wait_text("#target-state", "submitted", |t| t.contains("待业务股室初审")).await;
    b.logout().await;

    // The business section returns it with reasons.
    b.login(&base, "section_a").await;
    b.c.goto(&format!("{base}/reviews")).await.expect("queue");
    b.wait_text("#review-queue", "the target waiting", |t| t.contains("P-D1")).await;
    b.c.goto(&format!("{base}/reviews/{}", f.p_d1)).await.expect("review page");
    b.fill("#review-reasons", "受益学生人数请按学籍数核实").await;
    b.click("#review-return").await;
    let section_token = app.token(jixiao_tests::Actor::Section).await;
    for _ in 0..50 {
        if state(section_token.clone()).await == "RETURNED" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if state(section_token.clone()).await != "RETURNED" {
        b.fail("the business section's return did not take").await;
    }
    b.logout().await;

    // The department sees why, revises and resubmits.
    b.login(&base, "dept1").await;
    b.c.goto(&format!("{base}/targets/{}", f.p_d1)).await.expect("open target");
    b.wait_text("#target-state", "returned", |t| t.contains("已退回")).await;
    b.wait_text("#target-reviews", "the reasons", |t| t.contains("按学籍数核实")).await;
    b.fill_row(0, ".ind-value", "5200").await;
    b.click("#target-save").await;
    b.wait_text("#target-note", "the save confirmed", |t| t.contains("已保存")).await;
    b.click("#target-submit").await;
    b.wait_text("#target-state", "resubmitted", |t| t.contains("待业务股室初审")).await;
    b.wait_text("#target-history", "the change", |t| t.contains("5200")).await;
    b.shot("6-history").await;
    b.logout().await;

    // 初审 passes (business section), 复审 passes (绩效股).
    for (user, after) in [("section_a", "PENDING_RECHECK"), ("perf", "PENDING_EXPERT")] {
        b.login(&base, user).await;
        b.c.goto(&format!("{base}/reviews/{}", f.p_d1)).await.expect("review page");
        b.fill("#review-reasons", "同意").await;
        b.click("#review-pass").await;
        for _ in 0..50 {
            if state(perf_token.clone()).await == after {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(state(perf_token.clone()).await, after);
        b.logout().await;
    }

    // The expert panel, through the API: one education expert drawn, opinion, conclusion.
    let expert_id = app.onboard_user("expert_edu", "教育专家", "EXPERT", f.expert_pool, "Expert#2026").await;
    app.gql(
        Some(&perf_token),
        "mutation($u: ID!) { setExpertProfile(userId: $u, fields: [EDUCATION], conflictUnitIds: []) { id } }",
        json!({ "u": expert_id }),
    )
    .await
    .ok();
    let panel = app
        .gql(Some(&perf_token), "mutation($y: ID!, $t: [ID!]) { formPanel(yearId: $y, purpose: TARGET_REVIEW, field: EDUCATION, size: 1, targetProjectIds: $t) { id items { id } } }", json!({ "y": f.year.to_string(), "t": [f.p_d1.to_string()] }))
        .await;
    let panel = panel.ok()["formPanel"].clone();
    let expert = app.login("expert_edu", "Expert#2026").await;
    let expert = expert.ok()["login"]["accessToken"].as_str().unwrap().to_owned();
    app.gql(
        Some(&expert),
        "mutation($i: ID!) { submitOpinion(panelItemId: $i, score: \"90\", opinion: \"同意\") { id } }",
        json!({ "i": panel["items"][0]["id"] }),
    )
    .await
    .ok();
    app.gql(
        Some(&perf_token),
        "mutation($p: ID!) { concludePanel(panelId: $p, conclusion: \"通过\") { id } }",
        json!({ "p": panel["id"] }),
    )
    .await
    .ok();

    // The 绩效股 passes the expert step and approves, in the browser.
    b.login(&base, "perf").await;
    b.c.goto(&format!("{base}/reviews/{}", f.p_d1)).await.expect("review page");
    b.click("#review-pass").await;
    for _ in 0..50 {
        if state(perf_token.clone()).await == "PENDING_APPROVAL" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    b.c.goto(&format!("{base}/reviews/{}", f.p_d1)).await.expect("review page");
    b.click("#review-approve").await;
    for _ in 0..50 {
        if state(perf_token.clone()).await == "APPROVED" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(state(perf_token.clone()).await, "APPROVED");

    // The statistics page: one target reviewed, returned once: 100.00 %.
    b.click("#nav-statistics").await;
    b.wait_text("#stat-returned-share", "the returned share", |t| t.contains("100.00")).await;
    b.shot("7-statistics").await;
    let _ = b.c.close().await;
}

/// Issue 4 in the browser: the 绩效股 opens a round; a department reports by
/// form with live lights (45 % executed at month 9 is 60.0 → yellow); a
/// township imports an .xlsx, a bad row rejected with its row number, then a
/// good file; the 绩效股 reduces one project and the statistics show it.
#[tokio::test]
async fn a_monitoring_round_in_the_browser() {
    let index = workspace_root().join("dist/index.html");
    assert!(index.exists(), "no frontend bundle at {}: run `cargo xtask build-web` first", index.display());
    let app = TestApp::spawn().await;
    let f = app.fixture.clone();
    let base = format!("http://{}", app.addr);
    let p_dept = jixiao_tests::fixture::approved_project(&app, f.d1, "RD-1").await;
    let p_town = jixiao_tests::fixture::approved_project(&app, f.t1, "RT-1").await;
    let perf = app.token(jixiao_tests::Actor::Performance).await;
    let driver = ChromeDriver::start();
    let b = Browser { c: driver.client().await, shots: workspace_root().join("target/browser") };

    // The 绩效股 opens the September round for every unit.
    b.login(&base, "perf").await;
    b.c.goto(&format!("{base}/monitoring")).await.expect("monitoring");
    b.wait_for("#round-month").await.select_by_value("9").await.expect("month");
    b.fill("#round-due", "2027-12-31").await;
    b.click("#round-scope-all").await;
    b.click("#round-open").await;
    let mut round = String::new();
    for _ in 0..50 {
        let res = app
            .gql(
                Some(&perf),
                "query($y: ID!) { monitoringRounds(yearId: $y) { id month } }",
                json!({ "y": f.year.to_string() }),
            )
            .await;
        if let Some(r) = res.ok()["monitoringRounds"].as_array().and_then(|rs| rs.iter().find(|r| r["month"] == 9)) {
            round = r["id"].as_str().unwrap_or_default().to_owned();
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if round.is_empty() {
        b.fail("the round was not opened").await;
    }
    b.logout().await;

    // The department reports by form; the lights are live.
    b.login(&base, "dept1").await;
    b.c.goto(&format!("{base}/monitoring/{round}/report")).await.expect("report form");
    let card = "section[data-code='RD-1']";
    b.fill(&format!("{card} .report-executed"), "45000").await;
    b.wait_text(&format!("{card} .live-execution-light"), "a yellow execution light", |t| t.contains("黄")).await;
    b.fill(&format!("{card} .report-actual"), "1000").await;
    b.select(&format!("{card} .report-likelihood"), "确定能").await;
    let qualitative = b.nth(&format!("{card} .report-likelihood"), 1).await;
    qualitative.select_by_label("确定能").await.expect("likelihood");
    b.select(&format!("{card} .report-qualitative"), "达成").await;
    b.wait_text(&format!("{card} .live-project-light"), "the worst light: yellow", |t| t.contains("黄")).await;
    b.shot("8-monitoring-form").await;
    b.click(&format!("{card} .report-save")).await;
    let report =
        "query($r: ID!, $p: ID!) { projectReport(roundId: $r, projectId: $p) { executionRate executionLight light } }";
    let mut saved = Value::Null;
    for _ in 0..50 {
        let res = app.gql(Some(&perf), report, json!({ "r": round, "p": p_dept.to_string() })).await;
        saved = res.ok()["projectReport"].clone();
        if !saved.is_null() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(saved, json!({ "executionRate": "45.00", "executionLight": "YELLOW", "light": "YELLOW" }));
    b.click("#round-submit").await;
    b.logout().await;

    // The township imports: a bad row is rejected with its row number, then a good file.
    b.login(&base, "town1").await;
    b.c.goto(&format!("{base}/monitoring/{round}/report")).await.expect("report form");
    let dir = std::env::temp_dir().join(format!("jixiao-browser-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bad = dir.join("bad.xlsx");
    std::fs::write(&bad, jixiao_tests::workbook::bytes(&[("RT-1", Some("30000"), None), ("NO-SUCH", Some("1"), None)]))
        .expect("write");
    let good = dir.join("good.xlsx");
    std::fs::write(&good, jixiao_tests::workbook::bytes(&[("RT-1", Some("30,000.00"), None)])).expect("write");
    b.wait_for("#import-file").await.send_keys(&bad.display().to_string()).await.expect("choose file");
    b.click("#import-start").await;
    b.wait_text("#import-errors", "row 3 named", |t| t.contains('3') && t.contains("NO-SUCH")).await;
    b.shot("9-import-errors").await;
    let file = b.wait_for("#import-file").await;
    file.clear().await.ok();
    file.send_keys(&good.display().to_string()).await.expect("choose file");
    b.click("#import-start").await;
    b.wait_text("#import-status", "success", |t| t.contains("成功")).await;
    let res = app.gql(Some(&perf), report, json!({ "r": round, "p": p_town.to_string() })).await;
    assert_eq!(res.ok()["projectReport"]["executionLight"], "RED", "30 % at month 9 is 40.0");
    let _ = std::fs::remove_dir_all(&dir);
    b.logout().await;

    // The 绩效股 reduces the red project; statistics and the ledger show it.
    b.login(&base, "perf").await;
    b.c.goto(&format!("{base}/monitoring/{round}")).await.expect("dashboard");
    b.wait_text("#unit-lights", "the units grid", |t| t.contains("城关镇")).await;
    b.click(&format!("#open-report-{p_town}")).await;
    b.select("#decision-kind", "调减预算").await;
    b.fill("#decision-amount", "10951.00").await;
    b.fill("#decision-note", "执行进度严重滞后").await;
    b.click("#decision-save").await;
    b.wait_for("#decision-existing").await;
    b.wait_text("#round-statistics", "the reduction", |t| t.contains("1.10")).await;
    b.shot("10-monitoring-dashboard").await;
    let ledger = app
        .gql(
            Some(&perf),
            "query($y: ID!) { ledgerSummary(yearId: $y) { bySource { key count amount } } }",
            json!({ "y": f.year.to_string() }),
        )
        .await;
    assert_eq!(
        ledger.ok()["ledgerSummary"]["bySource"],
        json!([{ "key": "MONITORING", "count": 1, "amount": "10951.00" }])
    );
    let _ = b.c.close().await;
}
