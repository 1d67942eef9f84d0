//! E-mail: the SMTP client and where its password is kept. The outbox's rules are in
//! `domain::outbox`; what to send and when, in `services::outbox`.

pub mod secret;
pub mod smtp;
