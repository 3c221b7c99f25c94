//! Jixiao (绩效) web UI: a client-side rendered Leptos app, served as WASM by
//! the backend, talking GraphQL to `/graphql` on the same origin.
//!
//! Layout: `app` holds the routes; `api` one module per domain; `contexts` the
//! session and the selected budget year; `pages/<domain>` the screens;
//! `components` shared widgets. Validation and formatting come from `shared`.

pub mod api;
pub mod app;
pub mod components;
pub mod contexts;
pub mod files;
pub mod format;
pub mod nav;
pub mod pages;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point, run by wasm-bindgen's `init()` in `index.html`.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
