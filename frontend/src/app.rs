//! The routes. Everything but `/login` lives in the workspace shell, which
//! requires a session; each section is gated by the user's navigation.

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;
use shared::permissions::Capability;

use crate::components::RequireNav;
use crate::contexts::provide_session;
use crate::nav::NavItem;
use crate::pages::ex_ante::ExAntePage;
use crate::pages::experts::PanelsPage;
use crate::pages::inbox::InboxPage;
use crate::pages::indicators::LibraryPage;
use crate::pages::ledger::LedgerPage;
use crate::pages::monitoring::{MonitoringPage, RoundPage, UnitReportPage};
use crate::pages::organisations::UnitsPage;
use crate::pages::overview::OverviewPage;
use crate::pages::projects::{ProjectEditPage, ProjectNewPage, ProjectsPage};
use crate::pages::reviews::{ReviewPage, ReviewQueuePage};
use crate::pages::sessions::LoginPage;
use crate::pages::statistics::StatisticsPage;
use crate::pages::targets::TargetPage;
use crate::pages::users::UsersPage;
use crate::pages::workspace::{HomePage, NotFoundPage, ShellPage};
use crate::pages::years::YearsPage;

#[component]
pub fn App() -> impl IntoView {
    provide_session();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFoundPage /> }>
                <Route path=path!("/login") view=LoginPage />
                <ParentRoute path=path!("") view=ShellPage>
                    <Route path=path!("") view=HomePage />
                    <Route
                        path=path!("projects")
                        view=|| view! { <RequireNav item=NavItem::Projects><ProjectsPage /></RequireNav> }
                    />
                    <Route
                        path=path!("projects/new")
                        view=|| {
                            view! {
                                <RequireNav item=NavItem::Projects capability=Capability::EditProjects>
                                    <ProjectNewPage />
                                </RequireNav>
                            }
                        }
                    />
                    <Route
                        path=path!("projects/:id/edit")
                        view=|| {
                            view! {
                                <RequireNav item=NavItem::Projects capability=Capability::EditProjects>
                                    <ProjectEditPage />
                                </RequireNav>
                            }
                        }
                    />
                    <Route
                        path=path!("targets/:project_id")
                        view=|| view! { <RequireNav item=NavItem::Projects><TargetPage /></RequireNav> }
                    />
                    <Route
                        path=path!("reviews")
                        view=|| view! { <RequireNav item=NavItem::Reviews><ReviewQueuePage /></RequireNav> }
                    />
                    <Route
                        path=path!("reviews/:project_id")
                        view=|| view! { <RequireNav item=NavItem::Reviews><ReviewPage /></RequireNav> }
                    />
                    <Route
                        path=path!("library")
                        view=|| view! { <RequireNav item=NavItem::Library><LibraryPage /></RequireNav> }
                    />
                    <Route
                        path=path!("ex-ante")
                        view=|| view! { <RequireNav item=NavItem::ExAnte><ExAntePage /></RequireNav> }
                    />
                    <Route
                        path=path!("ledger")
                        view=|| view! { <RequireNav item=NavItem::Ledger><LedgerPage /></RequireNav> }
                    />
                    <Route
                        path=path!("statistics")
                        view=|| view! { <RequireNav item=NavItem::Statistics><StatisticsPage /></RequireNav> }
                    />
                    <Route
                        path=path!("monitoring")
                        view=|| view! { <RequireNav item=NavItem::Monitoring><MonitoringPage /></RequireNav> }
                    />
                    <Route
                        path=path!("monitoring/:round_id")
                        view=|| view! { <RequireNav item=NavItem::Monitoring><RoundPage /></RequireNav> }
                    />
                    <Route
                        path=path!("monitoring/:round_id/report")
                        view=|| {
                            view! {
                                <RequireNav item=NavItem::Monitoring capability=Capability::EditTargets>
                                    <UnitReportPage />
                                </RequireNav>
                            }
                        }
                    />
                    <Route
                        path=path!("panels")
                        view=|| view! { <RequireNav item=NavItem::Panels><PanelsPage /></RequireNav> }
                    />
                    <Route
                        path=path!("units")
                        view=|| view! { <RequireNav item=NavItem::Units><UnitsPage /></RequireNav> }
                    />
                    <Route
                        path=path!("overview")
                        view=|| view! { <RequireNav item=NavItem::Overview><OverviewPage /></RequireNav> }
                    />
                    <Route
                        path=path!("users")
                        view=|| view! { <RequireNav item=NavItem::Users><UsersPage /></RequireNav> }
                    />
                    <Route
                        path=path!("years")
                        view=|| view! { <RequireNav item=NavItem::Years><YearsPage /></RequireNav> }
                    />
                    <Route
                        path=path!("inbox")
                        view=|| view! { <RequireNav item=NavItem::Inbox><InboxPage /></RequireNav> }
                    />
                </ParentRoute>
            </Routes>
        </Router>
    }
}
