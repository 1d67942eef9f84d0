//! Ajuda: the user guide (`assets/guia.md`), which version this is, where the store's data
//! and its daily copies live, and a copy of the database saved where the owner chooses.

use std::path::PathBuf;

use iced::widget::{column, row, text};
use iced::{Alignment, Element, Task};

use super::{Outcome, Route};
use crate::ui::widget;
use crate::ui::{Context, theme};

const GUIDE: &str = include_str!("../../../assets/guia.md");

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A piece of the guide as the screen draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Block {
    Title(String),
    Heading(String),
    Paragraph(String),
    /// A list item with its marker ("•" or "1.").
    Item(String, String),
}

/// The guide's markdown, as far as it uses it: titles, headings, paragraphs and list items
/// whose lines continue indented.
fn blocks(markdown: &str) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut open = false;
    for line in markdown.lines() {
        let trimmed = line.trim();
        let plain = |text: &str| text.replace('`', "");
        if trimmed.is_empty() {
            open = false;
        } else if let Some(title) = trimmed.strip_prefix("# ") {
            blocks.push(Block::Title(plain(title)));
            open = false;
        } else if let Some(heading) = trimmed.strip_prefix("## ") {
            blocks.push(Block::Heading(plain(heading)));
            open = false;
        } else if let Some(item) = trimmed.strip_prefix("- ") {
            blocks.push(Block::Item("•".into(), plain(item)));
            open = true;
        } else if let Some((number, item)) = trimmed
            .split_once(". ")
            .filter(|(number, _)| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
        {
            blocks.push(Block::Item(format!("{number}."), plain(item)));
            open = true;
        } else if open {
            match blocks.last_mut() {
                Some(Block::Paragraph(text) | Block::Item(_, text)) => {
                    text.push(' ');
                    text.push_str(&plain(trimmed));
                }
                _ => blocks.push(Block::Paragraph(plain(trimmed))),
            }
        } else {
            blocks.push(Block::Paragraph(plain(trimmed)));
            open = true;
        }
    }
    blocks
}

pub struct State {
    blocks: Vec<Block>,
}

#[derive(Clone, Debug)]
pub enum Message {
    Copy,
    CopyTo(Option<PathBuf>),
    Back,
}

impl Default for State {
    fn default() -> Self {
        State::new()
    }
}

impl State {
    pub fn new() -> State {
        State {
            blocks: blocks(GUIDE),
        }
    }

    pub fn update(&mut self, context: &mut Context, message: Message) -> Outcome<Message> {
        match message {
            Message::Copy => {
                let name = format!("regua-{}.sqlite", context.today.format("%Y-%m-%d"));
                Outcome::Task(Task::perform(
                    async move {
                        rfd::AsyncFileDialog::new()
                            .set_title(crate::t!("help-copy"))
                            .set_file_name(name)
                            .save_file()
                            .await
                            .map(|file| file.path().to_path_buf())
                    },
                    Message::CopyTo,
                ))
            }
            Message::CopyTo(None) => Outcome::None,
            Message::CopyTo(Some(path)) => {
                if path == context.path() {
                    return Outcome::Error(crate::t!("cli-backup-same-file"));
                }
                let actor = context.actor.clone();
                match crate::services::backup::backup_to(context.db(), &actor, &path) {
                    Ok(()) => {
                        Outcome::Notice(crate::t!("backup-done", path = path.display().to_string()))
                    }
                    Err(error) => Outcome::Error(error.to_string()),
                }
            }
            Message::Back => Outcome::Go(Route::Board),
        }
    }

    pub fn view<'a>(&'a self, context: &'a Context) -> Element<'a, Message> {
        let database = context.path().display().to_string();
        let backups = crate::store::backup::backups_folder(context.path())
            .display()
            .to_string();
        let about = column![
            row![
                widget::heading(crate::t!("help-about", version = VERSION)),
                widget::spacer(),
                widget::primary_button(crate::t!("help-copy"), Some(Message::Copy)),
            ]
            .spacing(10)
            .align_y(Alignment::Center),
            text(crate::t!("help-database", path = database)).size(theme::SMALL),
            text(crate::t!("help-backups", path = backups)).size(theme::SMALL),
        ]
        .spacing(6);
        let mut guide = column![].spacing(8);
        for block in &self.blocks {
            guide = guide.push(match block {
                Block::Title(title) => widget::title(title.clone()),
                Block::Heading(heading) => widget::heading(heading.clone()),
                Block::Paragraph(paragraph) => text(paragraph.clone()).into(),
                Block::Item(marker, item) => row![
                    text(marker.clone()).width(22),
                    text(item.clone()).width(iced::Length::Fill),
                ]
                .into(),
            });
        }
        widget::page_scroll(column![widget::card(about), widget::card(guide)].spacing(12))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_reads_as_titles_paragraphs_and_items() {
        let blocks = blocks(
            "# Guia\n\nUm parágrafo\nque continua.\n\n## Parte\n\n1. Primeiro passo\n   que continua.\n2. Segundo\n- `regua restore` volta\n",
        );
        assert_eq!(
            blocks,
            [
                Block::Title("Guia".into()),
                Block::Paragraph("Um parágrafo que continua.".into()),
                Block::Heading("Parte".into()),
                Block::Item("1.".into(), "Primeiro passo que continua.".into()),
                Block::Item("2.".into(), "Segundo".into()),
                Block::Item("•".into(), "regua restore volta".into()),
            ]
        );
        let guide = super::blocks(GUIDE);
        assert!(guide.len() > 30);
        assert!(guide.contains(&Block::Heading("Cópias de segurança".into())));
    }
}
