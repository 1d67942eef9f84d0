//! Text folding for search: "Conceição" and "conceicao" are the same to a clerk.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower case, accents dropped, runs of white space collapsed to one space.
pub fn fold(text: &str) -> String {
    let stripped: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect();
    stripped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Accents dropped and anything not printable ASCII left out, cut to `max` characters.
pub fn fold_ascii(text: &str, max: usize) -> String {
    let folded: String = text
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .filter(|c| c.is_ascii() && !c.is_ascii_control())
        .collect();
    folded
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(max)
        .collect()
}

/// Collapses runs of white space and trims, keeping case and accents.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first word of a name: "Maria da Conceição" → "Maria".
pub fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_and_case() {
        assert_eq!(fold("Conceição"), "conceicao");
        assert_eq!(fold("  JOSÉ   da  Silva "), "jose da silva");
        assert_eq!(fold("Ângela Müller Ñandú"), "angela muller nandu");
        assert_eq!(tidy("  Rua   das Flores "), "Rua das Flores");
        assert_eq!(first_name("Maria da Conceição"), "Maria");
    }
}
