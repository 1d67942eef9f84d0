//! The people at the counter: clerks (atendentes) and owners (dono/gerente), and the
//! rules for an owner's PIN.

use std::fmt;

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::text::tidy;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Clerk,
    Owner,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Clerk => "clerk",
            Role::Owner => "owner",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        match code {
            "clerk" => Some(Role::Clerk),
            "owner" => Some(Role::Owner),
            _ => None,
        }
    }

    pub fn label(self) -> String {
        match self {
            Role::Clerk => crate::t!("role-clerk"),
            Role::Owner => crate::t!("role-owner"),
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

/// Wrong PINs allowed before the user is locked out.
pub const MAX_TRIES: u32 = 5;
/// How long a lockout lasts.
pub const LOCKOUT_MINUTES: i64 = 5;
const MAX_NAME: usize = 60;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UserError {
    Name,
    Pin,
    OwnerNeedsPin,
}

impl fmt::Display for UserError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            UserError::Name => crate::t!("user-name", max = MAX_NAME.to_string()),
            UserError::Pin => crate::t!("user-pin"),
            UserError::OwnerNeedsPin => crate::t!("user-owner-needs-pin"),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for UserError {}

/// What a PIN field keeps of what is typed: digits, at most eight.
pub fn pin_digits(typed: &str) -> String {
    typed.chars().filter(char::is_ascii_digit).take(8).collect()
}

/// A user as typed in the form, before the PIN is hashed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserInput {
    pub name: String,
    pub role: Role,
    /// Digits; required for owners, optional for clerks.
    pub pin: String,
}

impl UserInput {
    /// The tidied name and the PIN to hash (if any).
    pub fn validate(&self) -> Result<(String, Option<String>), UserError> {
        let name = tidy(&self.name);
        if name.is_empty() || name.chars().count() > MAX_NAME {
            return Err(UserError::Name);
        }
        let pin = self.pin.trim();
        if pin.is_empty() {
            return match self.role {
                Role::Owner => Err(UserError::OwnerNeedsPin),
                Role::Clerk => Ok((name, None)),
            };
        }
        if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(UserError::Pin);
        }
        Ok((name, Some(pin.to_string())))
    }
}

/// After a wrong PIN: the new count and, at the limit, until when the user is locked.
pub fn after_wrong_pin(failed: u32, now: DateTime<Utc>) -> (u32, Option<DateTime<Utc>>) {
    let failed = failed + 1;
    if failed >= MAX_TRIES {
        (0, Some(now + Duration::minutes(LOCKOUT_MINUTES)))
    } else {
        (failed, None)
    }
}

/// Whole minutes (rounded up) the user must still wait, if locked at `now`.
pub fn minutes_locked(locked_until: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Option<i64> {
    let until = locked_until?;
    (until > now).then(|| ((until - now).num_seconds() + 59) / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_need_a_pin_of_four_to_eight_digits() {
        let input = |role, pin: &str| UserInput {
            name: "  Dona  Marta ".into(),
            role,
            pin: pin.into(),
        };
        assert_eq!(
            input(Role::Owner, "2468").validate(),
            Ok(("Dona Marta".to_string(), Some("2468".to_string())))
        );
        assert_eq!(
            input(Role::Owner, "").validate(),
            Err(UserError::OwnerNeedsPin)
        );
        assert_eq!(input(Role::Owner, "123").validate(), Err(UserError::Pin));
        assert_eq!(input(Role::Owner, "12a4").validate(), Err(UserError::Pin));
        assert_eq!(
            input(Role::Owner, "123456789").validate(),
            Err(UserError::Pin)
        );
        assert_eq!(
            input(Role::Clerk, "").validate(),
            Ok(("Dona Marta".to_string(), None))
        );
        let blank = UserInput {
            name: " ".into(),
            role: Role::Clerk,
            pin: String::new(),
        };
        assert_eq!(blank.validate(), Err(UserError::Name));
    }

    #[test]
    fn the_fifth_wrong_pin_locks_for_five_minutes() {
        let now = DateTime::parse_from_rfc3339("2026-11-22T14:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut failed = 0;
        for _ in 0..4 {
            let (count, locked) = after_wrong_pin(failed, now);
            assert!(locked.is_none());
            failed = count;
        }
        let (count, locked) = after_wrong_pin(failed, now);
        assert_eq!(count, 0);
        assert_eq!(minutes_locked(locked, now), Some(5));
        assert_eq!(
            minutes_locked(locked, now + Duration::seconds(241)),
            Some(1)
        );
        assert_eq!(minutes_locked(locked, now + Duration::minutes(5)), None);
    }
}
