//! Colours, fonts and widget styles of the app.

use iced::widget::{button, container, text_input};
use iced::{Background, Border, Color, Font, Theme, font};

pub use crate::docs::fonts::{BOLD_FONT_BYTES, FONT_BYTES};
pub const FONT: Font = Font::with_name("DejaVu Sans");
pub const BOLD: Font = Font {
    weight: font::Weight::Bold,
    ..FONT
};

pub const TEXT_SIZE: f32 = 15.0;
pub const SMALL: f32 = 13.0;
pub const TITLE: f32 = 22.0;
pub const HEADING: f32 = 17.0;

pub const INK: Color = Color::from_rgb(0.13, 0.15, 0.18);
pub const MUTED: Color = Color::from_rgb(0.40, 0.43, 0.47);
pub const ERROR: Color = Color::from_rgb(0.75, 0.11, 0.11);
pub const SUCCESS: Color = Color::from_rgb(0.11, 0.48, 0.22);
pub const SIDEBAR: Color = Color::from_rgb(0.16, 0.22, 0.31);
pub const SURFACE: Color = Color::from_rgb(0.97, 0.97, 0.98);
pub const LINE: Color = Color::from_rgb(0.86, 0.87, 0.89);
pub const SELECTED: Color = Color::from_rgb(0.87, 0.92, 0.99);

pub fn theme() -> Theme {
    Theme::Light
}

/// `#RRGGBB` as a colour; grey if malformed.
pub fn hex(color: &str) -> Color {
    let channel = |range: std::ops::Range<usize>| {
        color
            .get(range)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0x9E)
    };
    Color::from_rgb8(channel(1..3), channel(3..5), channel(5..7))
}

/// Black or white, whichever reads better on `background`.
pub fn ink_on(background: Color) -> Color {
    let luminance = 0.299 * background.r + 0.587 * background.g + 0.114 * background.b;
    if luminance > 0.55 { INK } else { Color::WHITE }
}

pub fn band_chip(color: Color) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(color)),
        text_color: Some(ink_on(color)),
        border: Border::default().rounded(4),
        ..container::Style::default()
    }
}

pub fn card(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::WHITE)),
        border: Border::default().rounded(6).width(1).color(LINE),
        ..container::Style::default()
    }
}

pub fn page(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(SURFACE)),
        text_color: Some(INK),
        ..container::Style::default()
    }
}

pub fn sidebar(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(SIDEBAR)),
        text_color: Some(Color::WHITE),
        ..container::Style::default()
    }
}

pub fn privacy_banner(_theme: &Theme) -> container::Style {
    container::Style {
        background: Some(Background::Color(Color::from_rgb(0.99, 0.93, 0.75))),
        text_color: Some(INK),
        border: Border::default().rounded(4),
        ..container::Style::default()
    }
}

pub fn notice(is_error: bool) -> impl Fn(&Theme) -> container::Style {
    move |_| container::Style {
        background: Some(Background::Color(if is_error {
            Color::from_rgb(0.99, 0.90, 0.90)
        } else {
            Color::from_rgb(0.88, 0.96, 0.89)
        })),
        text_color: Some(if is_error { ERROR } else { SUCCESS }),
        border: Border::default().rounded(4),
        ..container::Style::default()
    }
}

pub fn nav_button(active: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |_, status| {
        let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
        let background = if active {
            Color::from_rgb(0.27, 0.36, 0.50)
        } else if hovered {
            Color::from_rgb(0.22, 0.29, 0.40)
        } else {
            Color::TRANSPARENT
        };
        button::Style {
            background: Some(Background::Color(background)),
            text_color: Color::WHITE,
            border: Border::default().rounded(4),
            ..button::Style::default()
        }
    }
}

/// A list row: highlighted when selected or hovered.
pub fn row_button(selected: bool) -> impl Fn(&Theme, button::Status) -> button::Style {
    move |_, status| {
        let hovered = matches!(status, button::Status::Hovered | button::Status::Pressed);
        let background = if selected {
            SELECTED
        } else if hovered {
            Color::from_rgb(0.94, 0.95, 0.97)
        } else {
            Color::WHITE
        };
        button::Style {
            background: Some(Background::Color(background)),
            text_color: INK,
            border: Border::default().rounded(4),
            ..button::Style::default()
        }
    }
}

/// A text input whose border turns red when its field has an error.
pub fn field_input(has_error: bool) -> impl Fn(&Theme, text_input::Status) -> text_input::Style {
    move |theme, status| {
        let mut style = text_input::default(theme, status);
        if has_error {
            style.border = style.border.color(ERROR).width(1.5);
        }
        style
    }
}
