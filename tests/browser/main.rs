//! The browser test: the real built frontend (`dist/`, from `cargo xtask
//! build-web`) in headless Chromium, driven through chromedriver against a
//! running backend, as a user would use it.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use jixiao_tests::{PASSWORD, TestApp, workspace_root};
use serde_json::json;

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
