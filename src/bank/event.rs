//! What a return line means for the boleto, from its movement code (ocorrência).

use serde::Serialize;

/// The events the app acts on; the rest are kept as their code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReturnEvent {
    /// Entrada confirmada: the boleto is registered.
    Confirmed,
    /// Entrada rejeitada: the reasons come with the line.
    Rejected,
    /// Liquidação: paid (also after a write-off, or at the notary's).
    Paid,
    /// Baixa: the bank no longer collects it.
    WrittenOff,
    /// Vencimento alterado.
    DueDateChanged,
    Other(u64),
}

impl ReturnEvent {
    /// CNAB 240 (FEBRABAN, segment T positions 16–17).
    pub fn from_cnab240(code: u64) -> ReturnEvent {
        match code {
            2 => ReturnEvent::Confirmed,
            3 => ReturnEvent::Rejected,
            6 | 17 => ReturnEvent::Paid,
            9 => ReturnEvent::WrittenOff,
            14 => ReturnEvent::DueDateChanged,
            other => ReturnEvent::Other(other),
        }
    }

    /// Bradesco CNAB 400 (positions 109–110).
    pub fn from_bradesco(code: u64) -> ReturnEvent {
        match code {
            2 => ReturnEvent::Confirmed,
            3 => ReturnEvent::Rejected,
            6 | 15 | 17 => ReturnEvent::Paid,
            9 | 10 => ReturnEvent::WrittenOff,
            14 => ReturnEvent::DueDateChanged,
            other => ReturnEvent::Other(other),
        }
    }

    /// Itaú CNAB 400 (positions 109–110): 06 liquidação, 08 em cartório, 10 baixa
    /// por pagamento; 09 baixa simples.
    pub fn from_itau(code: u64) -> ReturnEvent {
        match code {
            2 => ReturnEvent::Confirmed,
            3 => ReturnEvent::Rejected,
            6 | 8 | 10 => ReturnEvent::Paid,
            9 => ReturnEvent::WrittenOff,
            14 => ReturnEvent::DueDateChanged,
            other => ReturnEvent::Other(other),
        }
    }

    pub fn label(self) -> String {
        match self {
            ReturnEvent::Confirmed => crate::t!("bank-event-confirmed"),
            ReturnEvent::Rejected => crate::t!("bank-event-rejected"),
            ReturnEvent::Paid => crate::t!("bank-event-paid"),
            ReturnEvent::WrittenOff => crate::t!("bank-event-written-off"),
            ReturnEvent::DueDateChanged => crate::t!("bank-event-due-date"),
            ReturnEvent::Other(code) => {
                crate::t!("bank-event-other", code = format!("{code:02}"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movement_codes_mean_the_same_event_in_both_layouts() {
        for (code, event) in [
            (2, ReturnEvent::Confirmed),
            (3, ReturnEvent::Rejected),
            (6, ReturnEvent::Paid),
            (17, ReturnEvent::Paid),
            (9, ReturnEvent::WrittenOff),
            (14, ReturnEvent::DueDateChanged),
        ] {
            assert_eq!(ReturnEvent::from_cnab240(code), event);
            assert_eq!(ReturnEvent::from_bradesco(code), event);
        }
        assert_eq!(ReturnEvent::from_bradesco(10), ReturnEvent::WrittenOff);
        assert_eq!(ReturnEvent::from_cnab240(28), ReturnEvent::Other(28));
        assert_eq!(
            ReturnEvent::Other(28).label(),
            "Outra ocorrência do banco (28)"
        );
    }
}
