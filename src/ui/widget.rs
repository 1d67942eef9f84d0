//! View helpers shared by the screens.

use iced::widget::{Space, button, column, container, row, text, text_input};
use iced::{Alignment, Element, Length};

use super::theme;

pub fn title<'a, M: 'a>(label: impl Into<String>) -> Element<'a, M> {
    text(label.into())
        .size(theme::TITLE)
        .font(theme::BOLD)
        .into()
}

pub fn heading<'a, M: 'a>(label: impl Into<String>) -> Element<'a, M> {
    text(label.into())
        .size(theme::HEADING)
        .font(theme::BOLD)
        .into()
}

pub fn muted<'a, M: 'a>(label: impl Into<String>) -> Element<'a, M> {
    text(label.into())
        .size(theme::SMALL)
        .color(theme::MUTED)
        .into()
}

pub fn error_text<'a, M: 'a>(message: impl Into<String>) -> Element<'a, M> {
    text(message.into())
        .size(theme::SMALL)
        .color(theme::ERROR)
        .into()
}

pub fn bold<'a, M: 'a>(label: impl Into<String>) -> Element<'a, M> {
    text(label.into()).font(theme::BOLD).into()
}

/// A labelled input with its error, if any, right under it.
///
/// The input's id is `field_id(label)`: screens focus it, tests find it by it.
pub fn field<'a, M: Clone + 'a>(
    label: impl Into<String>,
    value: &str,
    error: Option<&str>,
    on_input: impl Fn(String) -> M + 'a,
) -> iced::widget::Column<'a, M> {
    labelled_input(label.into(), value, error, on_input, false)
}

/// A `field` whose characters are hidden, for a PIN.
pub fn secret_field<'a, M: Clone + 'a>(
    label: impl Into<String>,
    value: &str,
    error: Option<&str>,
    on_input: impl Fn(String) -> M + 'a,
) -> iced::widget::Column<'a, M> {
    labelled_input(label.into(), value, error, on_input, true)
}

fn labelled_input<'a, M: Clone + 'a>(
    label: String,
    value: &str,
    error: Option<&str>,
    on_input: impl Fn(String) -> M + 'a,
    secret: bool,
) -> iced::widget::Column<'a, M> {
    let input = text_input(&label, value)
        .secure(secret)
        .on_input(on_input)
        .padding(6)
        .style(theme::field_input(error.is_some()))
        .id(field_id(&label));
    let mut field = column![text(label).size(theme::SMALL), input].spacing(3);
    if let Some(message) = error {
        field = field.push(error_text(message.to_string()));
    }
    field.width(Length::Fill)
}

/// The id of a field made by `field`: `campo:` and its label.
pub fn field_id(label: &str) -> String {
    format!("campo:{label}")
}

/// Puts the cursor in the field labelled `label`.
pub fn focus_field<M: Send + 'static>(label: &str) -> iced::Task<M> {
    iced::widget::operation::focus(field_id(label))
}

/// The band's colour with its label always written on it.
pub fn band_chip<'a, M: 'a>(label: &str, color: &str) -> Element<'a, M> {
    container(text(label.to_string()).size(theme::SMALL))
        .padding([2, 8])
        .style(theme::band_chip(theme::hex(color)))
        .into()
}

pub fn card<'a, M: 'a>(content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    container(content)
        .padding(14)
        .width(Length::Fill)
        .style(theme::card)
        .into()
}

/// A label above a value.
pub fn stat<'a, M: 'a>(label: impl Into<String>, value: impl Into<String>) -> Element<'a, M> {
    column![
        text(label.into()).size(theme::SMALL).color(theme::MUTED),
        text(value.into()).size(theme::HEADING).font(theme::BOLD)
    ]
    .spacing(2)
    .into()
}

/// One cell of a table row, taking `portion` of the width.
pub fn cell<'a, M: 'a>(value: String, portion: u16, right: bool) -> Element<'a, M> {
    let cell = text(value).width(Length::FillPortion(portion));
    if right {
        cell.align_x(iced::alignment::Horizontal::Right).into()
    } else {
        cell.into()
    }
}

/// A table row of cells with fixed portions.
pub fn cells<'a, M: 'a>(values: Vec<(String, u16, bool)>) -> Element<'a, M> {
    cells_row(values).into()
}

pub fn cells_row<'a, M: 'a>(values: Vec<(String, u16, bool)>) -> iced::widget::Row<'a, M> {
    let mut line = row![].spacing(8).align_y(Alignment::Center);
    for (value, portion, right) in values {
        line = line.push(cell(value, portion, right));
    }
    line
}

pub fn header_cells<'a, M: 'a>(values: Vec<(String, u16, bool)>) -> iced::widget::Row<'a, M> {
    let mut line = row![].spacing(8);
    for (value, portion, right) in values {
        let cell = text(value)
            .size(theme::SMALL)
            .color(theme::MUTED)
            .width(Length::FillPortion(portion));
        line = line.push(if right {
            cell.align_x(iced::alignment::Horizontal::Right)
        } else {
            cell
        });
    }
    line
}

pub fn primary_button<'a, M: Clone + 'a>(
    label: impl Into<String>,
    on_press: Option<M>,
) -> Element<'a, M> {
    button(text(label.into()))
        .padding([6, 14])
        .style(button::primary)
        .on_press_maybe(on_press)
        .into()
}

pub fn secondary_button<'a, M: Clone + 'a>(
    label: impl Into<String>,
    on_press: Option<M>,
) -> Element<'a, M> {
    button(text(label.into()))
        .padding([6, 14])
        .style(button::secondary)
        .on_press_maybe(on_press)
        .into()
}

/// A compact button inside a table row.
pub fn small_button<'a, M: Clone + 'a>(
    label: impl Into<String>,
    on_press: Option<M>,
) -> Element<'a, M> {
    button(text(label.into()).size(theme::SMALL))
        .padding([2, 8])
        .style(button::secondary)
        .on_press_maybe(on_press)
        .into()
}

/// A page that scrolls, its scrollbar kept clear of the content.
pub fn page_scroll<'a, M: 'a>(content: impl Into<Element<'a, M>>) -> Element<'a, M> {
    iced::widget::scrollable(container(content).padding(iced::Padding::ZERO.right(16)))
        .height(Length::Fill)
        .into()
}

pub fn spacer<'a, M: 'a>() -> Element<'a, M> {
    Space::new().width(Length::Fill).into()
}

/// A labelled checkbox.
pub fn check<'a, M: 'a>(
    label: impl Into<String>,
    checked: bool,
    on_toggle: impl Fn(bool) -> M + 'a,
) -> Element<'a, M> {
    iced::widget::checkbox(checked)
        .label(label.into())
        .on_toggle(on_toggle)
        .into()
}
