//! The one typeface of the app and its documents (DejaVu Sans, licence beside it in
//! `assets/fonts`): it has every Portuguese accent and is free to embed.

pub const FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub const BOLD_FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
