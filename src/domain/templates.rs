//! The ruler's message templates: the Portuguese defaults for each kind, filling in
//! their placeholders, and the check that refuses a template the law forbids
//! (`brazil-rules.md` §1.1, §3.4 and §9 rules 8, 13 and 14).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::ruler::TemplateKind;
use super::text::fold;

/// A subject and a body with `{placeholders}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    pub subject: String,
    pub body: String,
}

/// The placeholders a template may use, with what each becomes.
pub const PLACEHOLDERS: [&str; 9] = [
    "primeiro_nome",
    "loja",
    "cnpj",
    "endereco_loja",
    "telefone_loja",
    "parcelas",
    "total",
    "linha_digitavel",
    "pix_copia_e_cola",
];

/// Why a template cannot be saved; each says what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateProblem {
    Threat(String),
    Insult(String),
    Shouting(String),
    ShortDeadline(String),
    /// The subject would tell whoever sees the inbox that there is a debt.
    SubjectStatesDebt(String),
    UnknownPlaceholder(String),
    /// Rule 8: every message names the store and itemizes the amounts.
    MissingIdentification,
}

impl fmt::Display for TemplateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            TemplateProblem::Threat(word) => crate::t!("template-threat", word = word.clone()),
            TemplateProblem::Insult(word) => crate::t!("template-insult", word = word.clone()),
            TemplateProblem::Shouting(words) => {
                crate::t!("template-shouting", words = words.clone())
            }
            TemplateProblem::ShortDeadline(words) => {
                crate::t!("template-deadline", words = words.clone())
            }
            TemplateProblem::SubjectStatesDebt(word) => {
                crate::t!("template-subject", word = word.clone())
            }
            TemplateProblem::UnknownPlaceholder(name) => {
                crate::t!("template-placeholder", name = name.clone())
            }
            TemplateProblem::MissingIdentification => crate::t!("template-identification"),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for TemplateProblem {}

/// Folded (no accents, lower case) phrases that threaten or expose (CDC arts. 42, 71).
const THREATS: [&str; 12] = [
    "policia",
    "prisao",
    "preso",
    "cadeia",
    "delegacia",
    "expor seu nome",
    "expor o seu nome",
    "acao judicial ja",
    "processo criminal",
    "vamos te processar",
    "seus vizinhos",
    "seu empregador",
];

const INSULTS: [&str; 9] = [
    "caloteiro",
    "caloteira",
    "vagabund",
    "safad",
    "desonest",
    "mau pagador",
    "ma pagadora",
    "vergonha",
    "sem vergonha",
];

/// Deadlines shorter than two days on an offer (CDC art. 54-B III, 54-C IV).
const SHORT_DEADLINES: [&str; 8] = [
    "24 horas",
    "24h",
    "hoje ate",
    "so hoje",
    "somente hoje",
    "ate amanha",
    "prazo de 1 dia",
    "ultimo dia para",
];

/// Words that give the debt away in a subject (§3.4).
const DEBT_WORDS: [&str; 9] = [
    "divida", "debito", "atraso", "cobranca", "inadimpl", "vencid", "devendo", "r$", "negativa",
];

fn find<'a>(text: &str, words: &[&'a str]) -> Option<&'a str> {
    let folded = fold(text);
    words.iter().copied().find(|word| folded.contains(word))
}

/// Three or more words in capitals in a row (acronyms like CNPJ alone are fine).
fn shouting(text: &str) -> Option<String> {
    let mut run: Vec<&str> = Vec::new();
    for word in text.split_whitespace() {
        let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
        let loud = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        if loud {
            run.push(word);
            if run.len() >= 3 {
                return Some(run.join(" "));
            }
        } else {
            run.clear();
        }
    }
    None
}

fn placeholders(text: &str) -> impl Iterator<Item = &str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
}

impl Template {
    /// Every problem the template has; empty when it may be saved.
    pub fn problems(&self) -> Vec<TemplateProblem> {
        let mut found = Vec::new();
        let both = format!("{}\n{}", self.subject, self.body);
        if let Some(word) = find(&both, &THREATS) {
            found.push(TemplateProblem::Threat(word.to_string()));
        }
        if let Some(word) = find(&both, &INSULTS) {
            found.push(TemplateProblem::Insult(word.to_string()));
        }
        if let Some(words) = shouting(&both) {
            found.push(TemplateProblem::Shouting(words));
        }
        if let Some(words) = find(&both, &SHORT_DEADLINES) {
            found.push(TemplateProblem::ShortDeadline(words.to_string()));
        }
        if let Some(word) = find(&self.subject, &DEBT_WORDS) {
            found.push(TemplateProblem::SubjectStatesDebt(word.to_string()));
        }
        for name in placeholders(&both) {
            if !PLACEHOLDERS.contains(&name) {
                found.push(TemplateProblem::UnknownPlaceholder(name.to_string()));
            }
        }
        let names: Vec<&str> = placeholders(&self.body).collect();
        let identifies = ["loja", "cnpj", "endereco_loja"]
            .iter()
            .all(|name| names.contains(name));
        if !identifies {
            found.push(TemplateProblem::MissingIdentification);
        }
        found
    }

    /// The subject and body with each `{placeholder}` replaced by `value(name)`.
    pub fn fill(&self, value: impl Fn(&str) -> String) -> (String, String) {
        let fill = |text: &str| {
            let mut out = String::with_capacity(text.len());
            let mut rest = text;
            while let Some(start) = rest.find('{') {
                out.push_str(&rest[..start]);
                match rest[start + 1..].split_once('}') {
                    Some((name, after)) if PLACEHOLDERS.contains(&name) => {
                        out.push_str(&value(name));
                        rest = after;
                    }
                    _ => {
                        out.push('{');
                        rest = &rest[start + 1..];
                    }
                }
            }
            out.push_str(rest);
            out
        };
        (fill(&self.subject), fill(&self.body))
    }

    /// The default text of each kind: polite, itemized, the store identified.
    pub fn default_for(kind: TemplateKind) -> Template {
        let footer = "\n\n{loja} – CNPJ {cnpj}\n{endereco_loja} – {telefone_loja}\n\
                      Se já pagou, por favor desconsidere esta mensagem.";
        let (subject, opening) = match kind {
            TemplateKind::FriendlyReminder => (
                "Lembrete da {loja}",
                "Olá, {primeiro_nome}! Passando para lembrar das parcelas abaixo, que vencem \
                 em breve:",
            ),
            TemplateKind::DueToday => (
                "{loja}: lembrete de hoje",
                "Olá, {primeiro_nome}! Hoje é o dia do vencimento das parcelas abaixo:",
            ),
            TemplateKind::NotIdentified => (
                "{loja}: informação sobre seu crediário",
                "Olá, {primeiro_nome}. Ainda não identificamos o pagamento das parcelas abaixo. \
                 Se já pagou, obrigado e desconsidere; se não, os valores de hoje são:",
            ),
            TemplateKind::Formal => (
                "{loja}: informação sobre seu crediário",
                "Prezado(a) {primeiro_nome}, as parcelas abaixo seguem em aberto. Estamos à \
                 disposição para conversar e encontrar a melhor forma de pagamento. Valores \
                 atualizados de hoje:",
            ),
            TemplateKind::BeforeBureau => (
                "{loja}: aviso importante sobre seu crediário",
                "Prezado(a) {primeiro_nome}, as parcelas abaixo seguem em aberto. Se não forem \
                 pagas ou contestadas em até 10 dias, o débito poderá ser informado aos \
                 cadastros de proteção ao crédito (CDC art. 43 §2º). Valores atualizados de hoje:",
            ),
            TemplateKind::ThankYou => (
                "{loja}: obrigado!",
                "Olá, {primeiro_nome}! Recebemos o seu pagamento. Obrigado pela confiança; o \
                 recibo segue em anexo.",
            ),
        };
        let details = if kind == TemplateKind::ThankYou {
            ""
        } else {
            "\n\n{parcelas}\nTotal de hoje: {total}\n\nLinha digitável: {linha_digitavel}\n\
             Pix copia e cola: {pix_copia_e_cola}"
        };
        Template {
            subject: subject.to_string(),
            body: format!("{opening}{details}{footer}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_pass_their_own_check_and_subjects_never_state_the_debt() {
        for kind in TemplateKind::ALL {
            let template = Template::default_for(kind);
            assert_eq!(template.problems(), Vec::new(), "{kind:?}");
        }
    }

    fn with_body(body: &str) -> Template {
        Template {
            subject: "Lembrete da {loja}".into(),
            body: format!("{body}\n{{loja}} {{cnpj}} {{endereco_loja}}"),
        }
    }

    #[test]
    fn threats_insults_shouting_and_short_deadlines_are_refused() {
        let cases = [
            ("Pague ou chamaremos a polícia.", "policia"),
            ("Não seja caloteiro.", "caloteiro"),
            ("PAGUE AGORA MESMO sua parcela.", "PAGUE AGORA MESMO"),
            ("Oferta válida só hoje!", "so hoje"),
            ("Vamos expor seu nome na cidade.", "expor seu nome"),
        ];
        for (body, word) in cases {
            let problems = with_body(body).problems();
            assert!(
                problems.iter().any(|p| match p {
                    TemplateProblem::Threat(w)
                    | TemplateProblem::Insult(w)
                    | TemplateProblem::Shouting(w)
                    | TemplateProblem::ShortDeadline(w) => w == word,
                    _ => false,
                }),
                "{body}: {problems:?}"
            );
        }
        // Acronyms are not shouting.
        assert_eq!(with_body("CNPJ e CPF conferidos.").problems(), Vec::new());
    }

    #[test]
    fn a_subject_with_the_debt_and_a_message_without_the_store_are_refused() {
        let template = Template {
            subject: "Sua dívida de R$ 300,00".into(),
            body: "Olá {primeiro_nome}".into(),
        };
        let problems = template.problems();
        assert!(problems.contains(&TemplateProblem::SubjectStatesDebt("divida".into())));
        assert!(problems.contains(&TemplateProblem::MissingIdentification));
        assert_eq!(
            with_body("Olá {apelido}").problems(),
            vec![TemplateProblem::UnknownPlaceholder("apelido".into())]
        );
    }

    #[test]
    fn filling_replaces_known_placeholders_only() {
        let template = Template {
            subject: "Lembrete da {loja}".into(),
            body: "Olá, {primeiro_nome}! {x} {total}".into(),
        };
        let (subject, body) = template.fill(|name| match name {
            "loja" => "Móveis Conceição".into(),
            "primeiro_nome" => "Márcia".into(),
            "total" => "R$ 105,33".into(),
            _ => String::new(),
        });
        assert_eq!(subject, "Lembrete da Móveis Conceição");
        assert_eq!(body, "Olá, Márcia! {x} R$ 105,33");
    }
}
