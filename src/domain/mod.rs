//! The pure core: no I/O, no clock, no SQL. Every date-dependent rule takes `today`.

pub mod band;
pub mod calendar;
pub mod charges;
pub mod customer;
pub mod demo;
pub mod document;
pub mod imputation;
pub mod installment;
pub mod money;
pub mod negotiation;
pub mod outbox;
pub mod rate;
pub mod ruler;
pub mod sale;
pub mod settings;
pub mod templates;
pub mod text;
pub mod users;
