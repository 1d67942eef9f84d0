//! Sending one e-mail through the store's SMTP server (lettre, rustls: no OpenSSL),
//! and telling a temporary failure (try again later) from a permanent one.

use std::time::Duration;

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};

use crate::domain::outbox::SendResult;
use crate::domain::settings::{SmtpSecurity, SmtpSettings};
use crate::error::{Error, Result};

/// A message ready to go: the text and the documents already rendered.
pub struct Outgoing<'a> {
    pub from_name: &'a str,
    pub from_address: &'a str,
    pub to_name: &'a str,
    pub to_address: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub message_id: &'a str,
    /// File name and PDF bytes.
    pub attachments: Vec<(String, Vec<u8>)>,
}

pub struct Mailer {
    transport: SmtpTransport,
}

impl Mailer {
    /// The client for the store's server; nothing is sent or connected yet.
    pub fn new(settings: &SmtpSettings, password: Option<&str>) -> Result<Mailer> {
        if !settings.is_set() {
            return Err(Error::SmtpNotSetUp);
        }
        let host = settings.host.trim();
        let mut tls = TlsParameters::builder(host.to_string());
        if !settings.ca_file.trim().is_empty() {
            let path = settings.ca_file.trim();
            let pem = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            let certificate =
                Certificate::from_pem(&pem).map_err(|e| Error::Mail(e.to_string()))?;
            tls = tls.add_root_certificate(certificate);
        }
        let tls = tls.build().map_err(|e| Error::Mail(e.to_string()))?;
        let mut builder = SmtpTransport::builder_dangerous(host)
            .port(settings.port)
            .timeout(Some(Duration::from_secs(30)))
            .tls(match settings.security {
                SmtpSecurity::StartTls => Tls::Required(tls),
                SmtpSecurity::Tls => Tls::Wrapper(tls),
            });
        if !settings.user.trim().is_empty() {
            builder = builder.credentials(Credentials::new(
                settings.user.trim().to_string(),
                password.unwrap_or_default().to_string(),
            ));
        }
        Ok(Mailer {
            transport: builder.build(),
        })
    }

    /// Sends one message and says how it went; never panics on what the server does.
    pub fn send(&self, outgoing: &Outgoing<'_>) -> SendResult {
        let message = match build(outgoing) {
            Ok(message) => message,
            Err(reason) => return SendResult::Permanent(reason),
        };
        match self.transport.send(&message) {
            Ok(_) => SendResult::Accepted,
            Err(error) => classify(&error),
        }
    }
}

fn mailbox(name: &str, address: &str) -> Result<Mailbox, String> {
    let address = address
        .trim()
        .parse()
        .map_err(|_| crate::t!("mail-bad-address", address = address.to_string()))?;
    Ok(Mailbox::new(Some(name.to_string()), address))
}

fn build(outgoing: &Outgoing<'_>) -> Result<Message, String> {
    let mut parts = MultiPart::mixed().singlepart(SinglePart::plain(outgoing.body.to_string()));
    for (name, bytes) in &outgoing.attachments {
        let pdf = ContentType::parse("application/pdf").map_err(|e| e.to_string())?;
        parts = parts.singlepart(Attachment::new(name.clone()).body(bytes.clone(), pdf));
    }
    Message::builder()
        .from(mailbox(outgoing.from_name, outgoing.from_address)?)
        .to(mailbox(outgoing.to_name, outgoing.to_address)?)
        .subject(outgoing.subject)
        .message_id(Some(outgoing.message_id.to_string()))
        .multipart(parts)
        .map_err(|e| e.to_string())
}

/// A 5xx answer, a refused login or a certificate that cannot be trusted will not
/// change by waiting; anything else (no network, server down, 4xx) may.
fn classify(error: &lettre::transport::smtp::Error) -> SendResult {
    let detail = error.to_string();
    if error.is_permanent() {
        SendResult::Permanent(crate::t!("mail-refused", detail = detail))
    } else if error.is_tls() {
        SendResult::Permanent(crate::t!("mail-tls", detail = detail))
    } else if error.is_transient() {
        SendResult::Temporary(crate::t!("mail-busy", detail = detail))
    } else {
        SendResult::Temporary(crate::t!("mail-unreachable", detail = detail))
    }
}
