//! Integration tests on real database files and the real binary; one test binary so
//! linking stays fast.

mod agreements;
mod backup;
mod bank;
mod cli;
mod collection;
mod collection_timings;
mod counter;
mod database;
mod document_timings;
mod documents;
mod ledger;
mod negotiation;
mod pdf;
mod printing;
mod reports;
mod smtp_server;
mod support;
#[cfg(feature = "app")]
mod today_ui;
#[cfg(feature = "app")]
mod ui;
mod users;
#[cfg(feature = "app")]
mod wizard;
