//! Amounts written out in Portuguese words ("valor por extenso"), as receipts state them.

use crate::domain::money::Money;

const UNITS: [&str; 20] = [
    "zero",
    "um",
    "dois",
    "três",
    "quatro",
    "cinco",
    "seis",
    "sete",
    "oito",
    "nove",
    "dez",
    "onze",
    "doze",
    "treze",
    "quatorze",
    "quinze",
    "dezesseis",
    "dezessete",
    "dezoito",
    "dezenove",
];
const TENS: [&str; 10] = [
    "",
    "",
    "vinte",
    "trinta",
    "quarenta",
    "cinquenta",
    "sessenta",
    "setenta",
    "oitenta",
    "noventa",
];
const HUNDREDS: [&str; 10] = [
    "",
    "cento",
    "duzentos",
    "trezentos",
    "quatrocentos",
    "quinhentos",
    "seiscentos",
    "setecentos",
    "oitocentos",
    "novecentos",
];

/// 1 to 999.
fn below_thousand(n: u64) -> String {
    if n == 100 {
        return "cem".to_string();
    }
    let mut parts = Vec::new();
    if n >= 100 {
        parts.push(HUNDREDS[(n / 100) as usize].to_string());
    }
    let rest = n % 100;
    if rest >= 20 {
        parts.push(TENS[(rest / 10) as usize].to_string());
        if !rest.is_multiple_of(10) {
            parts.push(UNITS[(rest % 10) as usize].to_string());
        }
    } else if rest > 0 {
        parts.push(UNITS[rest as usize].to_string());
    }
    parts.join(" e ")
}

/// A whole number in words: `1.234.567` → "um milhão duzentos e trinta e quatro mil
/// quinhentos e sessenta e sete".
fn number(n: u64) -> String {
    if n == 0 {
        return UNITS[0].to_string();
    }
    let groups = [
        (n / 1_000_000_000 % 1000, "bilhão", "bilhões"),
        (n / 1_000_000 % 1000, "milhão", "milhões"),
        (n / 1000 % 1000, "mil", "mil"),
        (n % 1000, "", ""),
    ];
    let mut parts: Vec<String> = Vec::new();
    for (value, singular, plural) in groups {
        if value == 0 {
            continue;
        }
        let words = match (singular, value) {
            ("mil", 1) => "mil".to_string(),
            ("", _) => below_thousand(value),
            (_, 1) => format!("um {singular}"),
            _ => format!("{} {plural}", below_thousand(value)),
        };
        parts.push(words);
    }
    // The last group joins with "e" when it is below 100 or a round hundred.
    let last = n % 1000;
    if parts.len() > 1 && last > 0 && (last < 100 || last.is_multiple_of(100)) {
        let tail = parts.pop().unwrap_or_default();
        format!("{} e {tail}", parts.join(" "))
    } else {
        parts.join(" ")
    }
}

/// "cento e cinquenta reais e vinte centavos".
pub fn brl_in_words(amount: Money) -> String {
    let cents = amount.cents().unsigned_abs();
    let (reais, centavos) = (cents / 100, cents % 100);
    let whole = reais % 1_000_000 == 0 && reais >= 1_000_000;
    let reais_words = match reais {
        0 => String::new(),
        1 => "um real".to_string(),
        // "um milhão de reais".
        _ if whole => format!("{} de reais", number(reais)),
        _ => format!("{} reais", number(reais)),
    };
    let centavos_words = match centavos {
        0 => String::new(),
        1 => "um centavo".to_string(),
        _ => format!("{} centavos", number(centavos)),
    };
    match (reais_words.is_empty(), centavos_words.is_empty()) {
        (true, true) => "zero real".to_string(),
        (false, true) => reais_words,
        (true, false) => centavos_words,
        (false, false) => format!("{reais_words} e {centavos_words}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(cents: i64) -> String {
        brl_in_words(Money::from_cents(cents))
    }

    #[test]
    fn amounts_read_as_a_brazilian_would_write_them() {
        assert_eq!(words(100), "um real");
        assert_eq!(words(15_020), "cento e cinquenta reais e vinte centavos");
        assert_eq!(words(10_000), "cem reais");
        assert_eq!(words(1), "um centavo");
        assert_eq!(words(200_000), "dois mil reais");
        assert_eq!(words(100_100), "mil e um reais");
        assert_eq!(
            words(123_456),
            "mil duzentos e trinta e quatro reais e cinquenta e seis centavos"
        );
        assert_eq!(words(250_000), "dois mil e quinhentos reais");
        assert_eq!(words(100_000_000), "um milhão de reais");
        assert_eq!(words(0), "zero real");
        assert_eq!(words(1_719), "dezessete reais e dezenove centavos");
    }
}
