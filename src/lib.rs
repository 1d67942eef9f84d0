//! Régua: the store's ledger of credit sales, charges, bands and collection.
//!
//! Layers, from the bottom: `domain` (pure rules, `today` is always a parameter),
//! `store` (SQLite), `services` (one function per user action, one transaction
//! each) and the front ends (`cli`, and `ui`, the desktop app).

pub mod bank;
pub mod boleto;
pub mod cli;
pub mod docs;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod mail;
pub mod services;
pub mod store;
#[cfg(feature = "app")]
pub mod ui;

pub use error::{Error, Result};
