//! The e-mail outbox's rules: a message is stored before it is sent, moves pending →
//! sending → sent, waits and tries again after a temporary failure (for up to three
//! days), and stops with the server's reason after a permanent one. Pure: the moment
//! comes in as a value.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxStatus {
    Pending,
    /// Handed to the server; if the app dies here, the next sender resends it once,
    /// with the same Message-ID.
    Sending,
    Sent,
    /// Waiting for `next_try` after a temporary failure.
    Retry,
    Failed,
    Cancelled,
}

impl OutboxStatus {
    pub fn code(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sending => "sending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Retry => "retry",
            OutboxStatus::Failed => "failed",
            OutboxStatus::Cancelled => "cancelled",
        }
    }

    pub fn from_code(code: &str) -> Option<OutboxStatus> {
        [
            OutboxStatus::Pending,
            OutboxStatus::Sending,
            OutboxStatus::Sent,
            OutboxStatus::Retry,
            OutboxStatus::Failed,
            OutboxStatus::Cancelled,
        ]
        .into_iter()
        .find(|status| status.code() == code)
    }

    /// Whether a sender should pick the message up at `now`.
    pub fn is_due(self, next_try: Option<DateTime<Utc>>, now: DateTime<Utc>) -> bool {
        match self {
            OutboxStatus::Pending | OutboxStatus::Sending => true,
            OutboxStatus::Retry => next_try.is_none_or(|at| at <= now),
            _ => false,
        }
    }
}

/// What the server said to one try.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendResult {
    Accepted,
    /// Network down, server busy, 4xx: try again later.
    Temporary(String),
    /// Wrong password, unknown recipient, 5xx: trying again will not help.
    Permanent(String),
}

/// How long the outbox keeps trying a message.
pub const GIVE_UP_AFTER_DAYS: i64 = 3;
const FIRST_WAIT_MINUTES: i64 = 5;
const LONGEST_WAIT_HOURS: i64 = 6;

/// Where a message stands after a try.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AfterTry {
    pub status: OutboxStatus,
    pub attempts: u32,
    pub next_try: Option<DateTime<Utc>>,
    pub last_error: Option<String>,
}

/// The wait before try number `attempts + 1`: 5 min, 10, 20, … at most 6 h.
pub fn backoff(attempts: u32) -> Duration {
    let minutes = FIRST_WAIT_MINUTES.saturating_mul(1_i64 << attempts.saturating_sub(1).min(20));
    Duration::minutes(minutes.min(LONGEST_WAIT_HOURS * 60))
}

/// The message's state after try number `attempts` (counting this one) of a message
/// queued at `queued_at`.
pub fn after_try(
    attempts: u32,
    queued_at: DateTime<Utc>,
    now: DateTime<Utc>,
    result: SendResult,
) -> AfterTry {
    match result {
        SendResult::Accepted => AfterTry {
            status: OutboxStatus::Sent,
            attempts,
            next_try: None,
            last_error: None,
        },
        SendResult::Permanent(reason) => AfterTry {
            status: OutboxStatus::Failed,
            attempts,
            next_try: None,
            last_error: Some(reason),
        },
        SendResult::Temporary(reason) => {
            let next = now + backoff(attempts);
            if next - queued_at > Duration::days(GIVE_UP_AFTER_DAYS) {
                AfterTry {
                    status: OutboxStatus::Failed,
                    attempts,
                    next_try: None,
                    last_error: Some(crate::t!("outbox-gave-up", reason = reason)),
                }
            } else {
                AfterTry {
                    status: OutboxStatus::Retry,
                    attempts,
                    next_try: Some(next),
                    last_error: Some(reason),
                }
            }
        }
    }
}

/// The Message-ID of outbox message `id`: the same on every try, so a resend after a
/// crash is recognised as the same message.
pub fn message_id(id: i64, created_at: &str, sender_domain: &str) -> String {
    let stamp: String = created_at.chars().filter(char::is_ascii_digit).collect();
    let domain = if sender_domain.is_empty() {
        "regua.local"
    } else {
        sender_domain
    };
    format!("<regua.{id}.{stamp}@{domain}>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn temporary_failures_wait_longer_each_time_and_give_up_after_three_days() {
        assert_eq!(backoff(1), Duration::minutes(5));
        assert_eq!(backoff(2), Duration::minutes(10));
        assert_eq!(backoff(4), Duration::minutes(40));
        assert_eq!(backoff(30), Duration::hours(6));
        let queued = at("2026-11-23T12:00:00Z");
        let first = after_try(1, queued, queued, SendResult::Temporary("rede".into()));
        assert_eq!(first.status, OutboxStatus::Retry);
        assert_eq!(first.next_try, Some(queued + Duration::minutes(5)));
        assert!(!OutboxStatus::Retry.is_due(first.next_try, queued));
        assert!(OutboxStatus::Retry.is_due(first.next_try, queued + Duration::minutes(5)));
        let late = after_try(
            30,
            queued,
            queued + Duration::days(3),
            SendResult::Temporary("rede".into()),
        );
        assert_eq!(late.status, OutboxStatus::Failed);
        assert!(late.last_error.unwrap().contains("rede"));
    }

    #[test]
    fn a_permanent_failure_stops_with_the_reason_and_a_sent_message_is_done() {
        let now = at("2026-11-23T12:00:00Z");
        let failed = after_try(1, now, now, SendResult::Permanent("535 senha".into()));
        assert_eq!(failed.status, OutboxStatus::Failed);
        assert_eq!(failed.last_error.as_deref(), Some("535 senha"));
        assert!(!OutboxStatus::Failed.is_due(None, now));
        let sent = after_try(2, now, now, SendResult::Accepted);
        assert_eq!(sent.status, OutboxStatus::Sent);
        assert!(!OutboxStatus::Sent.is_due(None, now));
        // A message caught mid-send by a crash goes again.
        assert!(OutboxStatus::Sending.is_due(None, now));
    }

    #[test]
    fn the_message_id_is_stable() {
        let id = message_id(42, "2026-11-23T12:00:00.123Z", "moveisconceicao.com.br");
        assert_eq!(id, "<regua.42.20261123120000123@moveisconceicao.com.br>");
        assert_eq!(
            id,
            message_id(42, "2026-11-23T12:00:00.123Z", "moveisconceicao.com.br")
        );
    }
}
