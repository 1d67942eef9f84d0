//! Integration tests on real database files and the real binary; one test binary so
//! linking stays fast.

mod agreements;
mod backup;
mod cli;
mod counter;
mod database;
mod document_timings;
mod documents;
mod ledger;
mod negotiation;
mod pdf;
mod printing;
mod reports;
mod support;
#[cfg(feature = "app")]
mod ui;
mod users;
#[cfg(feature = "app")]
mod wizard;
