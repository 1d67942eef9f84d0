//! Each bank's campo livre (barcode positions 20–44) and nosso número check digits
//! (`boleto-spec.md` §3). Numbers are given as digits and zero-padded to their field.

use std::fmt;

use super::barcode::mod10;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CampoLivreError {
    /// The named field has characters other than digits, or more digits than it holds.
    Field {
        name: &'static str,
        max: usize,
    },
    Convenio(usize),
}

impl fmt::Display for CampoLivreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            CampoLivreError::Field { name, max } => crate::t!(
                "bank-field",
                field = name.to_string(),
                max = max.to_string()
            ),
            CampoLivreError::Convenio(length) => {
                crate::t!("bank-convenio", length = length.to_string())
            }
        };
        f.write_str(&message)
    }
}

impl std::error::Error for CampoLivreError {}

/// `value` as exactly `width` digits, zeros on the left.
fn digits(name: &'static str, value: &str, width: usize) -> Result<String, CampoLivreError> {
    let value = value.trim();
    if value.is_empty() || value.len() > width || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CampoLivreError::Field { name, max: width });
    }
    Ok(format!("{value:0>width$}"))
}

fn weighted(digits: &str, weights: impl Iterator<Item = u32>) -> u32 {
    digits
        .bytes()
        .rev()
        .zip(weights)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum()
}

/// Mod 11 with weights 2–9 from the right, `11 − resto`, above 9 → 0 (CAIXA, Santander,
/// Sicredi).
pub fn mod11_zero(digits: &str) -> u8 {
    let rest = weighted(digits, (2..=9).cycle()) % 11;
    match 11 - rest {
        digit @ 0..=9 => digit as u8,
        _ => 0,
    }
}

/// Banco do Brasil: weights 9…2 from the right, `sum mod 11`, 10 → `X`.
pub fn bb_check_digit(digits: &str) -> char {
    match weighted(digits, (2..=9).rev().cycle()) % 11 {
        10 => 'X',
        digit => char::from(b'0' + digit as u8),
    }
}

/// Bradesco, over carteira(2) + nosso número(11): weights 2–7 from the right;
/// resto 0 → `0`, resto 1 → `P`, else `11 − resto`.
pub fn bradesco_check_digit(carteira: &str, nosso_numero: &str) -> char {
    match weighted(&format!("{carteira}{nosso_numero}"), (2..=7).cycle()) % 11 {
        0 => '0',
        1 => 'P',
        rest => char::from(b'0' + (11 - rest) as u8),
    }
}

/// Sicoob, over cooperativa(4) + cliente(10) + nosso número(7): weights 3, 1, 9, 7 from
/// the left; resto 0 or 1 → 0, else `11 − resto`.
pub fn sicoob_check_digit(cooperativa: &str, cliente: &str, nosso_numero: &str) -> u8 {
    let sequence = format!("{cooperativa:0>4}{cliente:0>10}{nosso_numero:0>7}");
    let sum: u32 = sequence
        .bytes()
        .zip([3, 1, 9, 7].into_iter().cycle())
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    match sum % 11 {
        0 | 1 => 0,
        rest => (11 - rest) as u8,
    }
}

/// Banco do Brasil (001); the convênio's length chooses the layout.
pub fn banco_do_brasil(
    convenio: &str,
    nosso_numero: &str,
    agencia: &str,
    conta: &str,
    carteira: &str,
) -> Result<String, CampoLivreError> {
    let carteira = digits("carteira", carteira, 2)?;
    let convenio = convenio.trim();
    Ok(match convenio.len() {
        4 => format!(
            "{}{}{}{}{carteira}",
            digits("convênio", convenio, 4)?,
            digits("nosso número", nosso_numero, 7)?,
            digits("agência", agencia, 4)?,
            digits("conta", conta, 8)?
        ),
        6 => format!(
            "{}{}{}{}{carteira}",
            digits("convênio", convenio, 6)?,
            digits("nosso número", nosso_numero, 5)?,
            digits("agência", agencia, 4)?,
            digits("conta", conta, 8)?
        ),
        7 => format!(
            "000000{}{}{carteira}",
            digits("convênio", convenio, 7)?,
            digits("nosso número", nosso_numero, 10)?
        ),
        8 => format!(
            "000000{}{}{carteira}",
            digits("convênio", convenio, 8)?,
            digits("nosso número", nosso_numero, 9)?
        ),
        length => return Err(CampoLivreError::Convenio(length)),
    })
}

/// Itaú carteiras whose nosso número DAC leaves out agência and conta.
const ITAU_SHORT_DAC: [&str; 12] = [
    "104", "105", "112", "113", "114", "126", "131", "145", "146", "147", "150", "166",
];
/// Itaú carteiras with seu número and código do cliente in the campo livre.
const ITAU_FIFTEEN: [&str; 8] = ["106", "107", "122", "142", "143", "195", "196", "198"];

/// The nosso número DAC printed as `CCC/NNNNNNNN-D`.
pub fn itau_nosso_numero_dac(agencia: &str, conta: &str, carteira: &str, nosso_numero: &str) -> u8 {
    if ITAU_SHORT_DAC.contains(&carteira) || carteira == "168" {
        mod10(&format!("{carteira}{nosso_numero}"))
    } else {
        mod10(&format!("{agencia}{conta}{carteira}{nosso_numero}"))
    }
}

/// Itaú (341), standard carteiras.
pub fn itau(
    carteira: &str,
    nosso_numero: &str,
    agencia: &str,
    conta: &str,
) -> Result<String, CampoLivreError> {
    let carteira = digits("carteira", carteira, 3)?;
    let nosso_numero = digits("nosso número", nosso_numero, 8)?;
    let agencia = digits("agência", agencia, 4)?;
    let conta = digits("conta", conta, 5)?;
    let dac = itau_nosso_numero_dac(&agencia, &conta, &carteira, &nosso_numero);
    let account_dac = mod10(&format!("{agencia}{conta}"));
    Ok(format!(
        "{carteira}{nosso_numero}{dac}{agencia}{conta}{account_dac}000"
    ))
}

/// Itaú (341), carteiras 106, 107, 122, 142, 143, 195, 196 and 198.
pub fn itau_with_client_code(
    carteira: &str,
    nosso_numero: &str,
    seu_numero: &str,
    codigo_cliente: &str,
) -> Result<String, CampoLivreError> {
    let carteira = digits("carteira", carteira, 3)?;
    if !ITAU_FIFTEEN.contains(&carteira.as_str()) {
        return Err(CampoLivreError::Field {
            name: "carteira",
            max: 3,
        });
    }
    let body = format!(
        "{carteira}{}{}{}",
        digits("nosso número", nosso_numero, 8)?,
        digits("seu número", seu_numero, 7)?,
        digits("código do cliente", codigo_cliente, 5)?
    );
    Ok(format!("{body}{}0", mod10(&body)))
}

/// Bradesco (237).
pub fn bradesco(
    agencia: &str,
    carteira: &str,
    nosso_numero: &str,
    conta: &str,
) -> Result<String, CampoLivreError> {
    Ok(format!(
        "{}{}{}{}0",
        digits("agência", agencia, 4)?,
        digits("carteira", carteira, 2)?,
        digits("nosso número", nosso_numero, 11)?,
        digits("conta", conta, 7)?
    ))
}

/// CAIXA (104), SIGCB: beneficiário of 6 digits (with its DV) or 7 (≥ 1.100.000, no DV),
/// nosso número of 17 (1st: carteira, 2nd: emissão).
pub fn caixa(beneficiario: &str, nosso_numero: &str) -> Result<String, CampoLivreError> {
    let beneficiario = beneficiario.trim();
    let code = if beneficiario.len() == 7 {
        digits("beneficiário", beneficiario, 7)?
    } else {
        let code = digits("beneficiário", beneficiario, 6)?;
        let dv = mod11_zero(&code);
        format!("{code}{dv}")
    };
    let nn = digits("nosso número", nosso_numero, 17)?;
    let body = format!(
        "{code}{}{}{}{}{}",
        &nn[2..5],
        &nn[0..1],
        &nn[5..8],
        &nn[1..2],
        &nn[8..17]
    );
    Ok(format!("{body}{}", mod11_zero(&body)))
}

/// Santander (033): beneficiary code (PSK), nosso número of 12 (its DV is added),
/// carteira 101 or 104.
pub fn santander(psk: &str, nosso_numero: &str, carteira: &str) -> Result<String, CampoLivreError> {
    let nn = digits("nosso número", nosso_numero, 12)?;
    Ok(format!(
        "9{}{nn}{}0{}",
        digits("código do beneficiário", psk, 7)?,
        mod11_zero(&nn),
        digits("carteira", carteira, 3)?
    ))
}

/// Sicoob (756); `parcela` is the carnê's installment number (`001` for a single boleto).
pub fn sicoob(
    carteira: &str,
    cooperativa: &str,
    modalidade: &str,
    cliente: &str,
    nosso_numero: &str,
    parcela: &str,
) -> Result<String, CampoLivreError> {
    let cooperativa = digits("cooperativa", cooperativa, 4)?;
    let cliente = digits("código do cliente", cliente, 7)?;
    let nn = digits("nosso número", nosso_numero, 7)?;
    let dv = sicoob_check_digit(&cooperativa, &cliente, &nn);
    Ok(format!(
        "{}{cooperativa}{}{cliente}{nn}{dv}{}",
        digits("carteira", carteira, 1)?,
        digits("modalidade", modalidade, 2)?,
        digits("parcela", parcela, 3)?
    ))
}

/// The parts of a Sicredi (748) boleto.
pub struct Sicredi<'a> {
    /// `1` com registro.
    pub tipo_cobranca: &'a str,
    /// `1` simples.
    pub carteira: &'a str,
    /// Year (2 digits), generator byte (2–9 by the beneficiary) and sequence (5).
    pub ano: &'a str,
    pub byte: &'a str,
    pub sequencial: &'a str,
    pub agencia: &'a str,
    pub posto: &'a str,
    pub beneficiario: &'a str,
    pub has_value: bool,
}

pub fn sicredi(parts: &Sicredi<'_>) -> Result<String, CampoLivreError> {
    let agencia = digits("agência", parts.agencia, 4)?;
    let posto = digits("posto", parts.posto, 2)?;
    let beneficiario = digits("beneficiário", parts.beneficiario, 5)?;
    let ano = digits("ano", parts.ano, 2)?;
    let byte = digits("byte", parts.byte, 1)?;
    let sequencial = digits("sequencial", parts.sequencial, 5)?;
    let nn_dv = mod11_zero(&format!(
        "{agencia}{posto}{beneficiario}{ano}{byte}{sequencial}"
    ));
    let body = format!(
        "{}{}{ano}{byte}{sequencial}{nn_dv}{agencia}{posto}{beneficiario}{}0",
        digits("tipo de cobrança", parts.tipo_cobranca, 1)?,
        digits("carteira", parts.carteira, 1)?,
        if parts.has_value { "1" } else { "0" }
    );
    Ok(format!("{body}{}", mod11_zero(&body)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn vectors(key: &str) -> Vec<Value> {
        let all: Value =
            serde_json::from_str(include_str!("../../tests/vectors/boleto-pix-public.json"))
                .unwrap();
        all[key].as_array().unwrap().clone()
    }

    #[test]
    fn every_published_campo_livre_is_rebuilt() {
        for v in vectors("campo_livre") {
            let input = |k: &str| v["inputs"][k].as_str().unwrap_or("").to_string();
            let expected = v["campo_livre"].as_str().unwrap();
            let layout = v["layout"].as_str().unwrap();
            let built = match v["bank"].as_str().unwrap() {
                "001" => {
                    let nn = if v["inputs"]["nosso_numero_complemento"].is_string() {
                        input("nosso_numero_complemento")
                    } else {
                        input("nosso_numero")
                    };
                    banco_do_brasil(
                        &input("convenio"),
                        &nn,
                        &input("agencia"),
                        &input("conta"),
                        &input("carteira"),
                    )
                }
                "341" if layout.contains("106") => itau_with_client_code(
                    &input("carteira"),
                    &input("nosso_numero"),
                    &input("seu_numero"),
                    &input("codigo_cliente"),
                ),
                "341" => itau(
                    &input("carteira"),
                    &input("nosso_numero"),
                    &input("agencia"),
                    &input("conta"),
                ),
                "237" => bradesco(
                    &input("agencia"),
                    &input("carteira"),
                    &input("nosso_numero"),
                    &input("conta"),
                ),
                "104" => caixa(&input("beneficiario"), &input("nosso_numero_17")),
                "033" => santander(&input("psk"), &input("nosso_numero"), &input("carteira")),
                "756" => sicoob(
                    &input("carteira"),
                    &input("cooperativa"),
                    &input("modalidade"),
                    &input("cliente"),
                    &input("nosso_numero"),
                    &input("parcela"),
                ),
                "748" => sicredi(&Sicredi {
                    tipo_cobranca: &input("tipo_cobranca"),
                    carteira: &input("carteira"),
                    ano: &input("ano"),
                    byte: &input("byte_idt"),
                    sequencial: &input("sequencial"),
                    agencia: &input("agencia"),
                    posto: &input("posto"),
                    beneficiario: &input("beneficiario"),
                    has_value: true,
                }),
                other => panic!("bank {other} without a layout"),
            };
            assert_eq!(built.as_deref(), Ok(expected), "{layout}");
        }
    }

    #[test]
    fn every_published_nosso_numero_check_digit() {
        for v in vectors("nosso_numero_dv") {
            let rule = v["rule"].as_str().unwrap();
            let parts: Vec<&str> = v["input"].as_str().unwrap().split(' ').collect();
            let all: String = parts.concat();
            let expected = v["dv"].as_str().unwrap();
            let dv = match v["bank"].as_str().unwrap() {
                "001" => bb_check_digit(&all).to_string(),
                "341" if parts.len() == 4 => {
                    itau_nosso_numero_dac(parts[0], parts[1], parts[2], parts[3]).to_string()
                }
                "341" => mod10(&all).to_string(),
                "237" => bradesco_check_digit(parts[0], parts[1]).to_string(),
                "756" => sicoob_check_digit(parts[0], parts[1], parts[2]).to_string(),
                _ => mod11_zero(&all).to_string(),
            };
            assert_eq!(dv, expected, "{rule}: {all}");
        }
        assert_eq!(bradesco_check_digit("19", "00000000002"), '8');
        assert_eq!(bradesco_check_digit("19", "00000000006"), '0');
    }

    #[test]
    fn bad_fields_are_named() {
        assert_eq!(
            bradesco("12a4", "09", "1", "1"),
            Err(CampoLivreError::Field {
                name: "agência",
                max: 4
            })
        );
        assert_eq!(
            banco_do_brasil("12345", "1", "1", "1", "17"),
            Err(CampoLivreError::Convenio(5))
        );
        assert!(santander("0282033", "1234567890123", "101").is_err());
    }

    #[test]
    fn the_official_santander_barcode_comes_out_whole() {
        let campo = santander("0282033", "566612457800", "101").unwrap();
        let due = chrono::NaiveDate::from_ymd_opt(2022, 7, 13).unwrap();
        let barcode =
            super::super::barcode::Barcode::parse("03398204600000273719028203356661245780020101")
                .unwrap();
        assert_eq!(barcode.campo_livre(), campo);
        let rebuilt = super::super::barcode::Barcode::build(
            "033",
            barcode.due_date(due).unwrap(),
            barcode.value(),
            &campo,
        )
        .unwrap();
        assert_eq!(rebuilt, barcode);
    }
}
