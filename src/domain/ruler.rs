//! The collection ruler (régua de cobrança): the store's steps around each due date,
//! and the planner that decides, for one moment, which contacts are due
//! (`brazil-rules.md` §3, §6.1, §9 rules 10–13 and 28). Pure: the moment, the
//! customers' state and what was already contacted come in as values.

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::calendar::Calendar;
use super::customer::Channels;

/// How a step reaches the customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Email,
    /// A click-to-chat link a clerk opens, only for customers who opted in.
    WhatsApp,
    /// A printed letter.
    Letter,
    /// A call a clerk makes and records.
    Call,
}

/// The message a step sends, each with its own default text and tone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TemplateKind {
    FriendlyReminder,
    DueToday,
    NotIdentified,
    Formal,
    BeforeBureau,
    ThankYou,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Email,
        Channel::WhatsApp,
        Channel::Letter,
        Channel::Call,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::WhatsApp => "whatsapp",
            Channel::Letter => "letter",
            Channel::Call => "call",
        }
    }

    pub fn from_code(code: &str) -> Option<Channel> {
        Self::ALL.into_iter().find(|channel| channel.code() == code)
    }

    pub fn label(self) -> String {
        match self {
            Channel::Email => crate::t!("channel-email"),
            Channel::WhatsApp => crate::t!("channel-whatsapp"),
            Channel::Letter => crate::t!("ruler-channel-letter"),
            Channel::Call => crate::t!("ruler-channel-call"),
        }
    }
}

impl std::fmt::Display for Channel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

impl TemplateKind {
    pub const ALL: [TemplateKind; 6] = [
        TemplateKind::FriendlyReminder,
        TemplateKind::DueToday,
        TemplateKind::NotIdentified,
        TemplateKind::Formal,
        TemplateKind::BeforeBureau,
        TemplateKind::ThankYou,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TemplateKind::FriendlyReminder => "friendly_reminder",
            TemplateKind::DueToday => "due_today",
            TemplateKind::NotIdentified => "not_identified",
            TemplateKind::Formal => "formal",
            TemplateKind::BeforeBureau => "before_bureau",
            TemplateKind::ThankYou => "thank_you",
        }
    }

    pub fn from_code(code: &str) -> Option<TemplateKind> {
        Self::ALL.into_iter().find(|kind| kind.code() == code)
    }

    pub fn label(self) -> String {
        match self {
            TemplateKind::FriendlyReminder => crate::t!("template-kind-friendly-reminder"),
            TemplateKind::DueToday => crate::t!("template-kind-due-today"),
            TemplateKind::NotIdentified => crate::t!("template-kind-not-identified"),
            TemplateKind::Formal => crate::t!("template-kind-formal"),
            TemplateKind::BeforeBureau => crate::t!("template-kind-before-bureau"),
            TemplateKind::ThankYou => crate::t!("template-kind-thank-you"),
        }
    }

    /// The tone the kind's text keeps: friendly before and on the due date, formal after.
    pub fn tone(self) -> String {
        match self {
            TemplateKind::FriendlyReminder | TemplateKind::DueToday | TemplateKind::ThankYou => {
                crate::t!("tone-friendly")
            }
            TemplateKind::NotIdentified => crate::t!("tone-neutral"),
            TemplateKind::Formal | TemplateKind::BeforeBureau => crate::t!("tone-formal"),
        }
    }
}

impl std::fmt::Display for TemplateKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label())
    }
}

/// "D-5", "D0", "D+10": a step as the store reads it.
pub fn step_label(offset: i32) -> String {
    match offset {
        0 => "D0".to_string(),
        n if n > 0 => format!("D+{n}"),
        n => format!("D{n}"),
    }
}

/// One step: `offset` days from the due date (−5 is five days before).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Step {
    pub offset: i32,
    pub channel: Channel,
    pub template: TemplateKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ruler {
    /// Sorted by offset; at most one step per offset.
    pub steps: Vec<Step>,
}

impl Default for Ruler {
    /// The cadence of `brazil-rules.md` §6.1 for a crediário store.
    fn default() -> Ruler {
        use Channel::*;
        use TemplateKind::*;
        let step = |offset, channel, template| Step {
            offset,
            channel,
            template,
        };
        Ruler {
            steps: vec![
                step(-5, Email, FriendlyReminder),
                step(-1, WhatsApp, FriendlyReminder),
                step(0, Email, DueToday),
                step(1, Email, NotIdentified),
                step(5, Email, Formal),
                step(10, Call, Formal),
                step(15, Email, Formal),
                step(30, Letter, BeforeBureau),
                step(60, Email, Formal),
                step(90, Letter, Formal),
            ],
        }
    }
}

impl Ruler {
    /// The latest step that applies to an installment `days` from its due date
    /// (negative before it): after days without running, only that one is sent.
    pub fn step_for(&self, days: i64) -> Option<&Step> {
        self.steps
            .iter()
            .filter(|step| i64::from(step.offset) <= days)
            .max_by_key(|step| step.offset)
    }
}

/// When contacts may go out (rule 10): weekdays in hours, Saturday only if the store
/// allows it, never Sundays or holidays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactWindow {
    pub weekday_from: NaiveTime,
    pub weekday_to: NaiveTime,
    /// `None`: no contact on Saturdays (the default; RJ, ES and AM forbid them).
    pub saturday: Option<(NaiveTime, NaiveTime)>,
}

impl Default for ContactWindow {
    fn default() -> ContactWindow {
        ContactWindow {
            weekday_from: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            weekday_to: NaiveTime::from_hms_opt(19, 0, 0).unwrap_or_default(),
            saturday: None,
        }
    }
}

impl ContactWindow {
    pub fn is_open(&self, at: NaiveDateTime, calendar: &Calendar) -> bool {
        let day = at.date();
        if calendar.holiday_name(day).is_some() {
            return false;
        }
        let time = at.time();
        match day.weekday() {
            Weekday::Sun => false,
            Weekday::Sat => self
                .saturday
                .is_some_and(|(from, to)| time >= from && time < to),
            _ => time >= self.weekday_from && time < self.weekday_to,
        }
    }
}

/// How often a customer may be contacted (rule 11).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caps {
    pub per_day: usize,
    pub per_seven_days: usize,
    pub same_channel_hours: i64,
}

impl Default for Caps {
    fn default() -> Caps {
        Caps {
            per_day: 1,
            per_seven_days: 3,
            same_channel_hours: 48,
        }
    }
}

/// A contact made or queued for a customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PastContact {
    pub at: NaiveDateTime,
    pub channel: Channel,
}

/// An installment as the planner sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenInstallment {
    pub id: i64,
    pub due_date: NaiveDate,
    /// Past the five years of CC art. 206 §5 I: never collected again.
    pub prescribed: bool,
}

/// Everything the planner needs of one customer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomerState {
    pub customer_id: i64,
    /// Channels consented to for collection, and whether there is an address for them.
    pub consent: Channels,
    pub has_email: bool,
    pub has_phone: bool,
    /// Disputed, over-indebtedness procedure or asked not to be contacted.
    pub stopped: bool,
    /// Lives in a state that forbids collection contacts on Saturdays (RJ, ES, AM).
    pub saturday_banned: bool,
    /// A promise to pay not yet due stops collection until its date.
    pub promise_due: Option<NaiveDate>,
    pub installments: Vec<OpenInstallment>,
    /// Contacts already made or queued, for the caps.
    pub contacts: Vec<PastContact>,
    /// Steps already planned, as (installment id, step offset).
    pub done: HashSet<(i64, i32)>,
    /// Payments received and not yet thanked, by payment id and date.
    pub unthanked_payments: Vec<(i64, NaiveDate)>,
}

/// What the planner decided for one customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PlannedContact {
    pub customer_id: i64,
    /// The step's offset from the due date, or `None` for a thank-you.
    pub step: Option<i32>,
    pub template: TemplateKind,
    pub channel: Channel,
    pub scheduled_at: NaiveDateTime,
    pub installment_ids: Vec<i64>,
    /// The payment a thank-you is for.
    pub payment_id: Option<i64>,
}

/// The store's rules for contacting customers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactRules {
    pub ruler: Ruler,
    pub window: ContactWindow,
    pub caps: Caps,
}

/// Why the owner's ruler, window or caps cannot be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RulerProblem {
    NoSteps,
    StepOutOfRange(i32),
    RepeatedStep(i32),
    EmptyWindow,
    /// Later or earlier than rule 10 allows on weekdays.
    WeekdayOutsideLaw,
    SaturdayOutsideLaw,
    /// Looser than rule 11.
    CapsAboveLaw,
}

impl std::fmt::Display for RulerProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let message = match self {
            RulerProblem::NoSteps => crate::t!("ruler-no-steps"),
            RulerProblem::StepOutOfRange(offset) => crate::t!(
                "ruler-step-range",
                offset = offset.to_string(),
                min = EARLIEST_STEP.to_string(),
                max = LATEST_STEP.to_string()
            ),
            RulerProblem::RepeatedStep(offset) => {
                crate::t!("ruler-step-repeated", offset = offset.to_string())
            }
            RulerProblem::EmptyWindow => crate::t!("ruler-window-empty"),
            RulerProblem::WeekdayOutsideLaw => crate::t!("ruler-window-weekday"),
            RulerProblem::SaturdayOutsideLaw => crate::t!("ruler-window-saturday"),
            RulerProblem::CapsAboveLaw => crate::t!("ruler-caps"),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for RulerProblem {}

pub const EARLIEST_STEP: i32 = -30;
pub const LATEST_STEP: i32 = 365;

fn hour(h: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, 0, 0).unwrap_or_default()
}

impl ContactRules {
    /// The owner may be stricter than the law, never looser (rules 10 and 11).
    pub fn validate(&self) -> Result<(), RulerProblem> {
        if self.ruler.steps.is_empty() {
            return Err(RulerProblem::NoSteps);
        }
        let mut seen = HashSet::new();
        for step in &self.ruler.steps {
            if !(EARLIEST_STEP..=LATEST_STEP).contains(&step.offset) {
                return Err(RulerProblem::StepOutOfRange(step.offset));
            }
            if !seen.insert(step.offset) {
                return Err(RulerProblem::RepeatedStep(step.offset));
            }
        }
        let window = &self.window;
        if window.weekday_from >= window.weekday_to {
            return Err(RulerProblem::EmptyWindow);
        }
        if window.weekday_from < hour(9) || window.weekday_to > hour(19) {
            return Err(RulerProblem::WeekdayOutsideLaw);
        }
        if let Some((from, to)) = window.saturday {
            if from >= to {
                return Err(RulerProblem::EmptyWindow);
            }
            if from < hour(8) || to > hour(14) {
                return Err(RulerProblem::SaturdayOutsideLaw);
            }
        }
        let law = Caps::default();
        let caps = &self.caps;
        if caps.per_day == 0
            || caps.per_day > law.per_day
            || caps.per_seven_days == 0
            || caps.per_seven_days > law.per_seven_days
            || caps.same_channel_hours < law.same_channel_hours
        {
            return Err(RulerProblem::CapsAboveLaw);
        }
        Ok(())
    }

    /// The steps sorted by offset, as the planner and the screens expect them.
    pub fn sort_steps(&mut self) {
        self.ruler.steps.sort_by_key(|step| step.offset);
    }
}

impl CustomerState {
    fn may_use(&self, channel: Channel) -> bool {
        match channel {
            Channel::Email => self.consent.email && self.has_email,
            Channel::WhatsApp => self.consent.whatsapp && self.has_phone,
            Channel::Call => self.has_phone,
            Channel::Letter => true,
        }
    }

    /// The step's channel when consented to, else e-mail when that is (§6.1: "WhatsApp
    /// or SMS, else e-mail").
    fn channel_for(&self, wanted: Channel) -> Option<Channel> {
        if self.may_use(wanted) {
            Some(wanted)
        } else if wanted == Channel::WhatsApp && self.may_use(Channel::Email) {
            Some(Channel::Email)
        } else {
            None
        }
    }

    fn within_caps(&self, caps: &Caps, channel: Channel, now: NaiveDateTime) -> bool {
        let today = now.date();
        let on_day = self
            .contacts
            .iter()
            .filter(|c| c.at.date() == today)
            .count();
        let in_week = self
            .contacts
            .iter()
            .filter(|c| c.at > now - Duration::days(7) && c.at <= now)
            .count();
        let same_channel = self.contacts.iter().any(|c| {
            c.channel == channel
                && c.at <= now
                && now - c.at < Duration::hours(caps.same_channel_hours)
        });
        on_day < caps.per_day && in_week < caps.per_seven_days && !same_channel
    }
}

/// The contacts due at `now` for `customers`: nothing outside the window; at most one
/// per customer, combining every installment at the chosen step; never for a stopped
/// customer, one with a promise not yet due, or prescribed debts; only on consented
/// channels and within the caps. Contacts already queued count, so running it again
/// for the same moment plans nothing new.
pub fn plan(
    rules: &ContactRules,
    calendar: &Calendar,
    customers: &[CustomerState],
    now: NaiveDateTime,
) -> Vec<PlannedContact> {
    if !rules.window.is_open(now, calendar) {
        return Vec::new();
    }
    customers
        .iter()
        .filter_map(|customer| plan_one(rules, calendar, customer, now))
        .collect()
}

fn plan_one(
    rules: &ContactRules,
    calendar: &Calendar,
    customer: &CustomerState,
    now: NaiveDateTime,
) -> Option<PlannedContact> {
    let today = now.date();
    if customer.saturday_banned && today.weekday() == Weekday::Sat {
        return None;
    }
    // The thank-you comes first: a customer who just paid hears that before anything.
    // One thank-you covers every payment so far; its receipt is the latest one's.
    if let Some(&(payment_id, _)) = customer
        .unthanked_payments
        .iter()
        .filter(|(_, paid_on)| today <= calendar.next_business_day(*paid_on))
        .max_by_key(|(id, paid_on)| (*paid_on, *id))
    {
        let channel = [Channel::Email, Channel::WhatsApp]
            .into_iter()
            .find(|channel| customer.may_use(*channel))?;
        return Some(PlannedContact {
            customer_id: customer.customer_id,
            step: None,
            template: TemplateKind::ThankYou,
            channel,
            scheduled_at: now,
            installment_ids: Vec::new(),
            payment_id: Some(payment_id),
        });
    }
    if customer.stopped || customer.promise_due.is_some_and(|due| due >= today) {
        return None;
    }

    // Installments grouped by the latest step that applies to each, not yet done.
    let mut by_step: BTreeMap<i32, (Step, Vec<i64>)> = BTreeMap::new();
    for installment in customer.installments.iter().filter(|i| !i.prescribed) {
        let days = (today - installment.due_date).num_days();
        let Some(step) = rules.ruler.step_for(days) else {
            continue;
        };
        // A later step already done means this one was overtaken, not missed.
        let overtaken = customer
            .done
            .iter()
            .any(|(id, offset)| *id == installment.id && *offset >= step.offset);
        if overtaken {
            continue;
        }
        by_step
            .entry(step.offset)
            .or_insert_with(|| (*step, Vec::new()))
            .1
            .push(installment.id);
    }
    // The most advanced stage goes first; the others wait for the caps to allow.
    let (_, (step, mut installment_ids)) = by_step.into_iter().next_back()?;
    let channel = customer.channel_for(step.channel)?;
    if !customer.within_caps(&rules.caps, channel, now) {
        return None;
    }
    installment_ids.sort_unstable();
    Some(PlannedContact {
        customer_id: customer.customer_id,
        step: Some(step.offset),
        template: step.template,
        channel,
        scheduled_at: now,
        installment_ids,
        payment_id: None,
    })
}

/// Records `planned` in the customers' state as the outbox would: the contact made,
/// its steps done, the payment thanked.
pub fn record(customers: &mut [CustomerState], planned: &[PlannedContact]) {
    for contact in planned {
        let Some(customer) = customers
            .iter_mut()
            .find(|c| c.customer_id == contact.customer_id)
        else {
            continue;
        };
        customer.contacts.push(PastContact {
            at: contact.scheduled_at,
            channel: contact.channel,
        });
        if let Some(offset) = contact.step {
            for id in &contact.installment_ids {
                customer.done.insert((*id, offset));
            }
        }
        if contact.payment_id.is_some() {
            let day = contact.scheduled_at.date();
            customer
                .unthanked_payments
                .retain(|(_, paid_on)| *paid_on > day);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn at(day: NaiveDate, hour: u32) -> NaiveDateTime {
        day.and_hms_opt(hour, 0, 0).unwrap()
    }

    fn customer(id: i64, due: &[NaiveDate]) -> CustomerState {
        CustomerState {
            customer_id: id,
            consent: Channels {
                email: true,
                whatsapp: true,
                sms: false,
            },
            has_email: true,
            has_phone: true,
            installments: due
                .iter()
                .enumerate()
                .map(|(index, due_date)| OpenInstallment {
                    id: id * 100 + index as i64,
                    due_date: *due_date,
                    prescribed: false,
                })
                .collect(),
            ..CustomerState::default()
        }
    }

    #[test]
    fn the_window_is_weekdays_in_hours_never_sundays_or_holidays() {
        let window = ContactWindow::default();
        let calendar = Calendar::new(Vec::new());
        // Monday 23 Nov 2026.
        let monday = date(2026, 11, 23);
        assert!(!window.is_open(at(monday, 8), &calendar));
        assert!(window.is_open(at(monday, 9), &calendar));
        assert!(window.is_open(at(monday, 18), &calendar));
        assert!(!window.is_open(at(monday, 19), &calendar));
        assert!(!window.is_open(at(date(2026, 11, 28), 10), &calendar));
        assert!(!window.is_open(at(date(2026, 11, 29), 10), &calendar));
        // Christmas, a Friday.
        assert!(!window.is_open(at(date(2026, 12, 25), 10), &calendar));
        let saturdays = ContactWindow {
            saturday: Some((
                NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
                NaiveTime::from_hms_opt(14, 0, 0).unwrap(),
            )),
            ..window
        };
        assert!(saturdays.is_open(at(date(2026, 11, 28), 10), &calendar));
        assert!(!saturdays.is_open(at(date(2026, 11, 28), 15), &calendar));
    }

    #[test]
    fn one_message_per_customer_lists_every_installment_at_that_stage() {
        let rules = ContactRules::default();
        let calendar = Calendar::new(Vec::new());
        let now = at(date(2026, 11, 23), 10);
        // Two installments one day late, one fifteen days late: the later stage first.
        let mut customers = vec![customer(
            1,
            &[date(2026, 11, 22), date(2026, 11, 22), date(2026, 11, 8)],
        )];
        let planned = plan(&rules, &calendar, &customers, now);
        assert_eq!(planned.len(), 1);
        assert_eq!(planned[0].step, Some(15));
        assert_eq!(planned[0].installment_ids, vec![102]);
        record(&mut customers, &planned);
        // Same moment again: nothing new. The next day: still within the caps? The
        // 48 h on e-mail wait; on the third day the D+1 group goes.
        assert!(plan(&rules, &calendar, &customers, now).is_empty());
        let next = plan(&rules, &calendar, &customers, at(date(2026, 11, 24), 10));
        assert!(next.is_empty(), "{next:?}");
        let third = plan(&rules, &calendar, &customers, at(date(2026, 11, 25), 10));
        assert_eq!(third.len(), 1);
        assert_eq!(third[0].step, Some(1));
        assert_eq!(third[0].installment_ids, vec![100, 101]);
    }

    #[test]
    fn after_a_week_off_only_the_latest_step_goes() {
        let rules = ContactRules::default();
        let calendar = Calendar::new(Vec::new());
        let due = date(2026, 11, 16);
        let customers = vec![customer(7, &[due])];
        // Eight days late: D+5 applies, not D-5, D-1, D0 nor D+1 as well.
        let planned = plan(&rules, &calendar, &customers, at(date(2026, 11, 24), 11));
        assert_eq!(planned.len(), 1);
        assert_eq!(planned[0].step, Some(5));
    }

    #[test]
    fn nobody_is_contacted_when_they_should_not_be() {
        let rules = ContactRules::default();
        let calendar = Calendar::new(Vec::new());
        let now = at(date(2026, 11, 23), 10);
        let late = [date(2026, 11, 18)];
        let stopped = CustomerState {
            stopped: true,
            ..customer(1, &late)
        };
        let promised = CustomerState {
            promise_due: Some(date(2026, 11, 30)),
            ..customer(2, &late)
        };
        let mut prescribed = customer(3, &[date(2020, 1, 10)]);
        prescribed.installments[0].prescribed = true;
        let no_consent = CustomerState {
            consent: Channels::default(),
            ..customer(4, &late)
        };
        let planned = plan(
            &rules,
            &calendar,
            &[stopped, promised, prescribed, no_consent],
            now,
        );
        assert!(planned.is_empty(), "{planned:?}");
        // WhatsApp without opt-in falls back to e-mail.
        let whatsapp_step = customer(5, &[date(2026, 11, 24)]);
        let email_only = CustomerState {
            consent: Channels {
                email: true,
                ..Channels::default()
            },
            ..whatsapp_step
        };
        let planned = plan(&rules, &calendar, &[email_only], now);
        assert_eq!(planned[0].channel, Channel::Email);
        assert_eq!(planned[0].step, Some(-1));
    }

    #[test]
    fn a_payment_gets_its_thank_you_within_one_business_day() {
        let rules = ContactRules::default();
        let calendar = Calendar::new(Vec::new());
        // Paid on Friday 27 Nov; Monday 30 Nov is the next business day.
        let mut paid = customer(9, &[]);
        paid.unthanked_payments.push((55, date(2026, 11, 27)));
        let planned = plan(
            &rules,
            &calendar,
            &[paid.clone()],
            at(date(2026, 11, 30), 9),
        );
        assert_eq!(planned[0].template, TemplateKind::ThankYou);
        assert_eq!(planned[0].payment_id, Some(55));
        assert!(plan(&rules, &calendar, &[paid], at(date(2026, 12, 1), 9)).is_empty());
    }

    fn days(start: NaiveDate, count: i64) -> impl Iterator<Item = NaiveDate> {
        (0..count).map(move |n| start + Duration::days(n))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(8))]

        /// Ninety simulated days of a few hundred customers, the planner run every
        /// two hours (some days the PC stays off): the window and the caps are never
        /// broken, running twice plans nothing new, and a paid customer hears only
        /// the thank-you.
        #[test]
        fn ninety_days_keep_the_window_the_caps_and_the_payments(
            offsets in proptest::collection::vec(
                proptest::collection::vec(-20i64..120, 0..4), 150..300),
            off_days in proptest::collection::hash_set(0i64..90, 0..20),
            paid_on_day in proptest::collection::vec(proptest::option::of(0i64..90), 300),
        ) {
            let rules = ContactRules::default();
            let calendar = Calendar::new(Vec::new());
            let start = date(2026, 9, 1);
            let mut customers: Vec<CustomerState> = offsets
                .iter()
                .enumerate()
                .map(|(index, offs)| {
                    let due: Vec<NaiveDate> =
                        offs.iter().map(|o| start + Duration::days(*o)).collect();
                    customer(index as i64 + 1, &due)
                })
                .collect();
            let mut sent: Vec<PlannedContact> = Vec::new();
            for (day_index, day) in days(start, 90).enumerate() {
                // Payments of the day: the customer owes nothing more.
                for (index, customer) in customers.iter_mut().enumerate() {
                    if paid_on_day[index] == Some(day_index as i64)
                        && !customer.installments.is_empty()
                    {
                        customer.installments.clear();
                        customer.unthanked_payments.push((index as i64, day));
                    }
                }
                if off_days.contains(&(day_index as i64)) {
                    continue;
                }
                for hour in (8..21).step_by(2) {
                    let now = at(day, hour);
                    let planned = plan(&rules, &calendar, &customers, now);
                    for contact in &planned {
                        prop_assert!(rules.window.is_open(contact.scheduled_at, &calendar));
                    }
                    record(&mut customers, &planned);
                    prop_assert!(plan(&rules, &calendar, &customers, now).is_empty());
                    sent.extend(planned);
                }
            }
            for customer in &customers {
                // The caps bind collection; a thank-you is not one (rule 28).
                let mine: Vec<&PlannedContact> = sent
                    .iter()
                    .filter(|c| c.customer_id == customer.customer_id && c.step.is_some())
                    .collect();
                for contact in &mine {
                    let now = contact.scheduled_at;
                    let same_day = mine
                        .iter()
                        .filter(|c| c.scheduled_at.date() == now.date())
                        .count();
                    prop_assert!(same_day <= 1);
                    let week = mine
                        .iter()
                        .filter(|c| c.scheduled_at > now - Duration::days(7) && c.scheduled_at <= now)
                        .count();
                    prop_assert!(week <= 3);
                    let close = mine.iter().filter(|c| {
                        c.channel == contact.channel
                            && c.scheduled_at < now
                            && now - c.scheduled_at < Duration::hours(48)
                    }).count();
                    prop_assert_eq!(close, 0);
                }
            }
            // After a payment only the thank-you: no collection step for that customer.
            for (index, paid) in paid_on_day.iter().enumerate().take(customers.len()) {
                let Some(paid) = paid else { continue };
                let paid_day = start + Duration::days(*paid);
                let id = index as i64 + 1;
                let had_debt = !offsets[index].is_empty();
                for contact in sent.iter().filter(|c| c.customer_id == id) {
                    if had_debt && contact.scheduled_at.date() > paid_day {
                        prop_assert!(contact.step.is_none(), "{contact:?}");
                    }
                }
            }
        }
    }
}
