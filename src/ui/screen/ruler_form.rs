//! The collection ruler as a form on the settings screen: its steps (day, channel,
//! message and its tone), the contact hours with the optional Saturday, and the caps.

use chrono::NaiveTime;
use iced::widget::{column, pick_list, row, text, text_input};
use iced::{Alignment, Element, Length};

use crate::domain::ruler::{
    Caps, Channel, ContactRules, ContactWindow, Step, TemplateKind, step_label,
};
use crate::ui::theme;
use crate::ui::widget::{self, field};

#[derive(Clone, Debug)]
struct StepRow {
    offset: String,
    channel: Channel,
    template: TemplateKind,
}

/// The ruler as typed.
#[derive(Clone, Debug)]
pub struct Form {
    steps: Vec<StepRow>,
    weekday_from: String,
    weekday_to: String,
    saturday: bool,
    saturday_from: String,
    saturday_to: String,
    per_seven_days: String,
    same_channel_hours: String,
}

#[derive(Clone, Debug)]
pub enum Edit {
    Offset(usize, String),
    Channel(usize, Channel),
    Template(usize, TemplateKind),
    Remove(usize),
    Add,
    WeekdayFrom(String),
    WeekdayTo(String),
    Saturday(bool),
    SaturdayFrom(String),
    SaturdayTo(String),
    PerSevenDays(String),
    SameChannelHours(String),
}

fn clock(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

fn parse_clock(text: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").ok()
}

impl Form {
    pub fn from_rules(rules: &ContactRules) -> Form {
        let (saturday_from, saturday_to) = rules.window.saturday.unwrap_or((
            NaiveTime::from_hms_opt(8, 0, 0).unwrap_or_default(),
            NaiveTime::from_hms_opt(14, 0, 0).unwrap_or_default(),
        ));
        Form {
            steps: rules
                .ruler
                .steps
                .iter()
                .map(|step| StepRow {
                    offset: step_label(step.offset),
                    channel: step.channel,
                    template: step.template,
                })
                .collect(),
            weekday_from: clock(rules.window.weekday_from),
            weekday_to: clock(rules.window.weekday_to),
            saturday: rules.window.saturday.is_some(),
            saturday_from: clock(saturday_from),
            saturday_to: clock(saturday_to),
            per_seven_days: rules.caps.per_seven_days.to_string(),
            same_channel_hours: rules.caps.same_channel_hours.to_string(),
        }
    }

    pub fn apply(&mut self, edit: Edit) {
        match edit {
            Edit::Offset(i, value) => self.steps[i].offset = value,
            Edit::Channel(i, channel) => self.steps[i].channel = channel,
            Edit::Template(i, template) => self.steps[i].template = template,
            Edit::Remove(i) => {
                self.steps.remove(i);
            }
            Edit::Add => self.steps.push(StepRow {
                offset: String::new(),
                channel: Channel::Email,
                template: TemplateKind::Formal,
            }),
            Edit::WeekdayFrom(value) => self.weekday_from = value,
            Edit::WeekdayTo(value) => self.weekday_to = value,
            Edit::Saturday(on) => self.saturday = on,
            Edit::SaturdayFrom(value) => self.saturday_from = value,
            Edit::SaturdayTo(value) => self.saturday_to = value,
            Edit::PerSevenDays(value) => self.per_seven_days = value,
            Edit::SameChannelHours(value) => self.same_channel_hours = value,
        }
    }

    /// The ruler, or what is wrong with it, each in a sentence.
    pub fn collect(&self) -> Result<ContactRules, Vec<String>> {
        let mut errors = Vec::new();
        let mut steps = Vec::new();
        for row in &self.steps {
            let digits = row
                .offset
                .trim()
                .trim_start_matches(['D', 'd'])
                .replace('+', "");
            match digits.trim().parse::<i32>() {
                Ok(offset) => steps.push(Step {
                    offset,
                    channel: row.channel,
                    template: row.template,
                }),
                Err(_) => errors.push(crate::t!("ruler-form-day", value = row.offset.clone())),
            }
        }
        let mut time = |text: &str| match parse_clock(text) {
            Some(time) => time,
            None => {
                errors.push(crate::t!("ruler-form-time", value = text.to_string()));
                NaiveTime::default()
            }
        };
        let weekday_from = time(&self.weekday_from);
        let weekday_to = time(&self.weekday_to);
        let saturday = if self.saturday {
            Some((time(&self.saturday_from), time(&self.saturday_to)))
        } else {
            None
        };
        let per_seven_days = self.per_seven_days.trim().parse::<usize>();
        let hours = self.same_channel_hours.trim().parse::<i64>();
        let (Ok(per_seven_days), Ok(same_channel_hours)) = (per_seven_days, hours) else {
            errors.push(crate::t!("ruler-caps"));
            return Err(errors);
        };
        if !errors.is_empty() {
            return Err(errors);
        }
        let mut rules = ContactRules {
            ruler: crate::domain::ruler::Ruler { steps },
            window: ContactWindow {
                weekday_from,
                weekday_to,
                saturday,
            },
            caps: Caps {
                per_day: 1,
                per_seven_days,
                same_channel_hours,
            },
        };
        rules.sort_steps();
        rules
            .validate()
            .map_err(|problem| vec![problem.to_string()])?;
        Ok(rules)
    }

    pub fn view(&self) -> Element<'_, Edit> {
        let mut steps = column![
            widget::heading(crate::t!("settings-ruler")),
            widget::muted(crate::t!("settings-ruler-explain")),
            widget::header_cells(vec![
                (crate::t!("ruler-form-day-header"), 1, false),
                (crate::t!("cli-col-channel"), 2, false),
                (crate::t!("cli-col-template"), 3, false),
                (crate::t!("ruler-form-tone"), 1, false),
                (String::new(), 1, false),
            ]),
        ]
        .spacing(6);
        for (index, step) in self.steps.iter().enumerate() {
            steps = steps.push(
                row![
                    text_input("D+5", &step.offset)
                        .on_input(move |v| Edit::Offset(index, v))
                        .padding(5)
                        .width(Length::FillPortion(1)),
                    pick_list(Channel::ALL.to_vec(), Some(step.channel), move |c| {
                        Edit::Channel(index, c)
                    })
                    .padding(5)
                    .width(Length::FillPortion(2)),
                    pick_list(TemplateKind::ALL.to_vec(), Some(step.template), move |t| {
                        Edit::Template(index, t)
                    })
                    .padding(5)
                    .width(Length::FillPortion(3)),
                    text(step.template.tone())
                        .size(theme::SMALL)
                        .width(Length::FillPortion(1)),
                    iced::widget::container(widget::small_button(
                        crate::t!("ruler-form-remove"),
                        Some(Edit::Remove(index))
                    ))
                    .width(Length::FillPortion(1)),
                ]
                .spacing(8)
                .align_y(Alignment::Center),
            );
        }
        steps = steps.push(widget::secondary_button(
            crate::t!("ruler-form-add"),
            Some(Edit::Add),
        ));
        let mut hours = row![
            field(
                crate::t!("ruler-form-weekday-from"),
                &self.weekday_from,
                None,
                Edit::WeekdayFrom
            )
            .width(140),
            field(
                crate::t!("ruler-form-weekday-to"),
                &self.weekday_to,
                None,
                Edit::WeekdayTo
            )
            .width(140),
            iced::widget::container(widget::check(
                crate::t!("ruler-form-saturday"),
                self.saturday,
                Edit::Saturday
            ))
            .padding(iced::Padding::ZERO.top(18)),
        ]
        .spacing(12);
        if self.saturday {
            hours = hours
                .push(
                    field(
                        crate::t!("ruler-form-saturday-from"),
                        &self.saturday_from,
                        None,
                        Edit::SaturdayFrom,
                    )
                    .width(140),
                )
                .push(
                    field(
                        crate::t!("ruler-form-saturday-to"),
                        &self.saturday_to,
                        None,
                        Edit::SaturdayTo,
                    )
                    .width(140),
                );
        }
        let caps = row![
            field(
                crate::t!("ruler-form-per-week"),
                &self.per_seven_days,
                None,
                Edit::PerSevenDays
            )
            .width(220),
            field(
                crate::t!("ruler-form-same-channel"),
                &self.same_channel_hours,
                None,
                Edit::SameChannelHours
            )
            .width(260),
        ]
        .spacing(12);
        column![
            steps,
            widget::heading(crate::t!("ruler-form-window")),
            hours,
            widget::muted(crate::t!("ruler-form-window-law")),
            caps,
            widget::muted(crate::t!("ruler-form-caps-law")),
        ]
        .spacing(10)
        .into()
    }
}
