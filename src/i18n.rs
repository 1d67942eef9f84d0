//! Fluent catalogues embedded in the binary; Portuguese first, English second.

use std::sync::LazyLock;

use i18n_embed::LanguageLoader;
use i18n_embed::fluent::{FluentLanguageLoader, fluent_language_loader};
use i18n_embed::unic_langid::LanguageIdentifier;
use rust_embed::RustEmbed;

#[derive(RustEmbed)]
#[folder = "i18n/"]
struct Localizations;

pub static LOADER: LazyLock<FluentLanguageLoader> = LazyLock::new(|| {
    let loader: FluentLanguageLoader = fluent_language_loader!();
    loader
        .load_fallback_language(&Localizations)
        .expect("the pt-BR catalogue is embedded");
    // Fluent wraps placeables in U+2068/U+2069 by default; they show up in a terminal.
    loader.set_use_isolating(false);
    loader
});

/// Looks a message up in the current language: `t!("id")` or `t!("id", name = value)`.
#[macro_export]
macro_rules! t {
    ($($tokens:tt)*) => {
        i18n_embed_fl::fl!($crate::i18n::LOADER, $($tokens)*)
    };
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Language {
    Portuguese,
    English,
}

impl Language {
    fn identifier(self) -> LanguageIdentifier {
        match self {
            Language::Portuguese => "pt-BR".parse().expect("valid language id"),
            Language::English => "en".parse().expect("valid language id"),
        }
    }

    pub const ALL: [Language; 2] = [Language::Portuguese, Language::English];

    pub fn code(self) -> &'static str {
        match self {
            Language::Portuguese => "pt-BR",
            Language::English => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Self::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }

    /// The language's name in itself, for the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Language::Portuguese => "Português (Brasil)",
            Language::English => "English",
        }
    }

    /// The language asked for by `LC_ALL`, `LC_MESSAGES` or `LANG` (first one set);
    /// Portuguese unless it names English.
    pub fn from_env() -> Language {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .unwrap_or_default();
        if value.to_ascii_lowercase().starts_with("en") {
            Language::English
        } else {
            Language::Portuguese
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.native_name())
    }
}

/// The language loaded (Portuguese, the fallback, until another is chosen). Choosing it
/// again must not reload the catalogue: while it reloads, the texts other threads make (the
/// app's workers, parallel tests) come out with Unicode isolation marks around figures.
static SELECTED: std::sync::Mutex<Language> = std::sync::Mutex::new(Language::Portuguese);

pub fn select(language: Language) {
    let mut selected = SELECTED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if *selected == language {
        return;
    }
    let loader = &*LOADER;
    loader
        .load_languages(&Localizations, &[language.identifier()])
        .expect("both catalogues are embedded");
    // Must be repeated after every load: it only affects bundles already loaded.
    loader.set_use_isolating(false);
    *selected = language;
}

/// Message ids of one embedded catalogue, for the test that both languages agree.
pub fn message_ids(language: Language) -> Vec<String> {
    let path = match language {
        Language::Portuguese => "pt-BR/regua.ftl",
        Language::English => "en/regua.ftl",
    };
    let file = Localizations::get(path).expect("catalogue embedded");
    let text = String::from_utf8_lossy(&file.data).into_owned();
    let mut ids: Vec<String> = text
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_alphabetic()))
        .filter_map(|line| line.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect();
    ids.sort();
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_messages() {
        let pt = message_ids(Language::Portuguese);
        let en = message_ids(Language::English);
        assert!(!pt.is_empty());
        let missing_in_en: Vec<_> = pt.iter().filter(|id| !en.contains(id)).collect();
        let missing_in_pt: Vec<_> = en.iter().filter(|id| !pt.contains(id)).collect();
        assert!(missing_in_en.is_empty(), "missing in en: {missing_in_en:?}");
        assert!(
            missing_in_pt.is_empty(),
            "missing in pt-BR: {missing_in_pt:?}"
        );
    }

    #[test]
    fn choosing_the_language_again_leaves_texts_being_made_alone() {
        let chooser = std::thread::spawn(|| {
            for _ in 0..200 {
                select(Language::Portuguese);
            }
        });
        for _ in 0..2_000 {
            let text = crate::t!("bank-status-paid");
            let counted = crate::t!("bank-waiting", count = 3);
            assert_eq!(
                (text.as_str(), counted.as_str()),
                ("Pagos", "3 boletos esperando")
            );
        }
        chooser.join().unwrap();
    }
}
