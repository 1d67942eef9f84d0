//! The store's account at a bank (the beneficiary of its boletos), and how each bank turns
//! the account and a sequence number into a nosso número and a campo livre
//! (`boleto-spec.md` §3).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::banks::{self, CampoLivreError};
use super::barcode::mod10;
use crate::domain::customer::{FieldError, FieldErrors, FormField};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Bank {
    BancoDoBrasil,
    Santander,
    Caixa,
    Bradesco,
    Itau,
    Sicredi,
    Sicoob,
}

impl Bank {
    pub const ALL: [Bank; 7] = [
        Bank::BancoDoBrasil,
        Bank::Bradesco,
        Bank::Caixa,
        Bank::Itau,
        Bank::Santander,
        Bank::Sicoob,
        Bank::Sicredi,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Bank::BancoDoBrasil => "001",
            Bank::Santander => "033",
            Bank::Caixa => "104",
            Bank::Bradesco => "237",
            Bank::Itau => "341",
            Bank::Sicredi => "748",
            Bank::Sicoob => "756",
        }
    }

    /// The code with the check digit printed on the ficha; hard-coded because the banks
    /// map a remainder of 10 differently (spec §3, trap 14).
    pub fn printed_code(self) -> &'static str {
        match self {
            Bank::BancoDoBrasil => "001-9",
            Bank::Santander => "033-7",
            Bank::Caixa => "104-0",
            Bank::Bradesco => "237-2",
            Bank::Itau => "341-7",
            Bank::Sicredi => "748-X",
            Bank::Sicoob => "756-0",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Bank::BancoDoBrasil => "Banco do Brasil",
            Bank::Santander => "Santander",
            Bank::Caixa => "CAIXA",
            Bank::Bradesco => "Bradesco",
            Bank::Itau => "Itaú",
            Bank::Sicredi => "Sicredi",
            Bank::Sicoob => "Sicoob",
        }
    }

    pub fn from_code(code: &str) -> Option<Bank> {
        let code = code.trim();
        Bank::ALL
            .into_iter()
            .find(|bank| bank.code() == code || bank.code().trim_start_matches('0') == code)
    }

    /// "Local de pagamento" as each bank asks it to be printed.
    pub fn payment_place(self) -> &'static str {
        match self {
            Bank::Caixa => "EM TODA A REDE BANCÁRIA E SEUS CORRESPONDENTES ATÉ O VALOR LIMITE",
            Bank::BancoDoBrasil => "Pagável em qualquer banco",
            _ => "Pagável em qualquer banco até o vencimento; após, em qualquer banco",
        }
    }

    /// The usual registered carteira, suggested in the form.
    pub fn default_wallet(self) -> &'static str {
        match self {
            Bank::BancoDoBrasil => "17",
            Bank::Santander => "101",
            Bank::Caixa => "1",
            Bank::Bradesco => "09",
            Bank::Itau => "109",
            Bank::Sicredi | Bank::Sicoob => "1",
        }
    }
}

impl fmt::Display for Bank {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} – {}", self.code(), self.name())
    }
}

/// Bank account fields as the form holds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountInput {
    pub bank: Option<Bank>,
    /// `1234` or `1234-5`.
    pub agency: String,
    /// `12345` or `12345-6`.
    pub account: String,
    /// Convênio (BB), código do beneficiário (CAIXA, Santander), código do cliente
    /// (Sicoob), posto + código (Sicredi); empty for Itaú and Bradesco.
    pub beneficiary_code: String,
    pub wallet: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AccountField {
    Bank,
    Agency,
    Account,
    BeneficiaryCode,
    Wallet,
}

impl FormField for AccountField {
    fn label(self) -> String {
        match self {
            AccountField::Bank => crate::t!("account-bank"),
            AccountField::Agency => crate::t!("account-agency"),
            AccountField::Account => crate::t!("account-number"),
            AccountField::BeneficiaryCode => crate::t!("account-beneficiary-code"),
            AccountField::Wallet => crate::t!("account-wallet"),
        }
    }
}

pub type AccountErrors = FieldErrors<AccountField>;

/// A validated account; numbers are digits, check digits kept apart as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankAccount {
    pub bank: Bank,
    pub agency: String,
    pub agency_digit: String,
    pub account: String,
    pub account_digit: String,
    pub beneficiary_code: String,
    pub wallet: String,
}

/// What a new boleto of this account is identified by.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OurNumber {
    /// Digits only, unique per account.
    pub digits: String,
    /// As printed on the ficha, with the bank's check digit and punctuation.
    pub printed: String,
    pub campo_livre: String,
}

/// `1234-5`, or `1234` without a check digit.
fn with_digit(number: &str, digit: &str) -> String {
    if digit.is_empty() {
        number.to_string()
    } else {
        format!("{number}-{digit}")
    }
}

/// Splits `1234-5` into `1234` and `5`; the check digit may be a digit, X or P.
fn number_and_digit(text: &str) -> Option<(String, String)> {
    let text: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    let (number, digit) = match text.split_once('-') {
        Some((number, digit)) => (number.to_string(), digit.to_uppercase()),
        None => (text, String::new()),
    };
    let digit_ok = digit.is_empty()
        || (digit.len() == 1
            && digit
                .chars()
                .all(|c| c.is_ascii_digit() || c == 'X' || c == 'P'));
    (!number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) && digit_ok)
        .then_some((number, digit))
}

fn digits_only(text: &str) -> Option<String> {
    let digits: String = text.chars().filter(|c| !" .-/".contains(*c)).collect();
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// Each bank's limits: agency and account digits, beneficiary code lengths, wallet width.
struct Shape {
    account_max: usize,
    codes: &'static [usize],
    wallet: usize,
}

fn shape(bank: Bank) -> Shape {
    match bank {
        Bank::BancoDoBrasil => Shape {
            account_max: 8,
            codes: &[4, 6, 7, 8],
            wallet: 2,
        },
        Bank::Santander => Shape {
            account_max: 9,
            codes: &[7],
            wallet: 3,
        },
        Bank::Caixa => Shape {
            account_max: 12,
            codes: &[6, 7],
            wallet: 1,
        },
        Bank::Bradesco => Shape {
            account_max: 7,
            codes: &[0],
            wallet: 2,
        },
        Bank::Itau => Shape {
            account_max: 5,
            codes: &[0],
            wallet: 3,
        },
        Bank::Sicredi => Shape {
            account_max: 9,
            codes: &[7],
            wallet: 1,
        },
        Bank::Sicoob => Shape {
            account_max: 10,
            codes: &[7],
            wallet: 1,
        },
    }
}

impl AccountInput {
    pub fn from_account(account: &BankAccount) -> AccountInput {
        AccountInput {
            bank: Some(account.bank),
            agency: with_digit(&account.agency, &account.agency_digit),
            account: with_digit(&account.account, &account.account_digit),
            beneficiary_code: account.beneficiary_code.clone(),
            wallet: account.wallet.clone(),
        }
    }

    pub fn validate(&self) -> Result<BankAccount, AccountErrors> {
        let mut errors = Vec::new();
        let Some(bank) = self.bank else {
            return Err(FieldErrors(vec![(
                AccountField::Bank,
                FieldError::Required,
            )]));
        };
        let shape = shape(bank);
        let (agency, agency_digit) = match number_and_digit(&self.agency) {
            Some((number, digit)) if number.len() <= 4 => (format!("{number:0>4}"), digit),
            _ => {
                errors.push((
                    AccountField::Agency,
                    FieldError::Message(crate::t!("account-agency-invalid", max = "4")),
                ));
                Default::default()
            }
        };
        let (account, account_digit) = match number_and_digit(&self.account) {
            // `030120` and `30120` are the same account.
            Some((number, digit)) if number.len() <= shape.account_max => {
                let trimmed = number.trim_start_matches('0');
                let number = if trimmed.is_empty() { "0" } else { trimmed };
                (number.to_string(), digit)
            }
            _ => {
                errors.push((
                    AccountField::Account,
                    FieldError::Message(crate::t!(
                        "account-number-invalid",
                        max = shape.account_max.to_string()
                    )),
                ));
                Default::default()
            }
        };
        let beneficiary_code = if bank == Bank::Bradesco {
            // Not in the boleto; the código da empresa of its remittance files.
            match digits_only(&self.beneficiary_code) {
                Some(code) if code.len() <= 20 => code,
                None if self.beneficiary_code.trim().is_empty() => String::new(),
                _ => {
                    errors.push((
                        AccountField::BeneficiaryCode,
                        FieldError::Message(crate::t!("account-bradesco-code-invalid")),
                    ));
                    String::new()
                }
            }
        } else if shape.codes == [0] {
            String::new()
        } else {
            match digits_only(&self.beneficiary_code) {
                Some(code) if shape.codes.contains(&code.len()) => code,
                _ => {
                    let mut lengths: Vec<String> =
                        shape.codes.iter().map(usize::to_string).collect();
                    let last = lengths.pop().unwrap_or_default();
                    let lengths = if lengths.is_empty() {
                        last
                    } else {
                        format!("{} {} {last}", lengths.join(", "), crate::t!("word-or"))
                    };
                    errors.push((
                        AccountField::BeneficiaryCode,
                        FieldError::Message(crate::t!(
                            "account-code-invalid",
                            bank = bank.name(),
                            lengths = lengths
                        )),
                    ));
                    String::new()
                }
            }
        };
        let wallet = match digits_only(&self.wallet) {
            Some(wallet) if wallet.len() <= shape.wallet => {
                format!("{wallet:0>width$}", width = shape.wallet)
            }
            _ => {
                errors.push((
                    AccountField::Wallet,
                    FieldError::Message(crate::t!(
                        "account-wallet-invalid",
                        max = shape.wallet.to_string()
                    )),
                ));
                String::new()
            }
        };
        if !errors.is_empty() {
            return Err(FieldErrors(errors));
        }
        Ok(BankAccount {
            bank,
            agency,
            agency_digit,
            account,
            account_digit,
            beneficiary_code,
            wallet,
        })
    }
}

impl BankAccount {
    /// "Agência / Código do beneficiário" as the bank prints it.
    pub fn printed_agency_code(&self) -> String {
        let agency = with_digit(&self.agency, &self.agency_digit);
        match self.bank {
            Bank::Itau => {
                let account = format!("{:0>5}", self.account);
                let dac = mod10(&format!("{}{account}", self.agency));
                format!("{} / {account}-{dac}", self.agency)
            }
            Bank::Caixa => {
                let code = &self.beneficiary_code;
                if code.len() == 6 {
                    format!("{} / {code}-{}", self.agency, banks::mod11_zero(code))
                } else {
                    format!("{} / {code}", self.agency)
                }
            }
            Bank::Santander | Bank::Sicoob => format!("{agency} / {}", self.beneficiary_code),
            Bank::Sicredi => format!(
                "{}.{}.{}",
                self.agency,
                &self.beneficiary_code[..2],
                &self.beneficiary_code[2..]
            ),
            Bank::BancoDoBrasil => {
                format!(
                    "{agency} / {}",
                    with_digit(&self.account, &self.account_digit)
                )
            }
            Bank::Bradesco => format!(
                "{agency} / {}",
                with_digit(&format!("{:0>7}", self.account), &self.account_digit)
            ),
        }
    }

    /// The largest sequence number the bank's nosso número holds for this account.
    pub fn max_sequence(&self) -> u64 {
        let width = match self.bank {
            Bank::BancoDoBrasil => match self.beneficiary_code.len() {
                4 => 7,
                6 => 5,
                7 => 10,
                _ => 9,
            },
            Bank::Itau => 8,
            Bank::Bradesco => 11,
            Bank::Caixa => 15,
            Bank::Santander => 12,
            Bank::Sicoob => 7,
            Bank::Sicredi => 5,
        };
        10u64.pow(width) - 1
    }

    /// The nosso número of sequence number `sequence`; `year` (two digits) is Sicredi's
    /// prefix and `parcel` goes in Sicoob's campo livre.
    pub fn our_number(
        &self,
        sequence: u64,
        year: u32,
        parcel: u32,
    ) -> Result<OurNumber, CampoLivreError> {
        if sequence == 0 || sequence > self.max_sequence() {
            return Err(CampoLivreError::Field {
                name: "nosso número",
                max: self.max_sequence().to_string().len(),
            });
        }
        let agency = &self.agency;
        let account = &self.account;
        let wallet = &self.wallet;
        let code = &self.beneficiary_code;
        Ok(match self.bank {
            Bank::BancoDoBrasil => {
                let width = self.max_sequence().to_string().len();
                let complement = format!("{sequence:0width$}");
                let digits = format!("{code}{complement}");
                let printed = if code.len() <= 6 {
                    format!("{digits}-{}", banks::bb_check_digit(&digits))
                } else {
                    digits.clone()
                };
                let campo_livre =
                    banks::banco_do_brasil(code, &complement, agency, account, wallet)?;
                OurNumber {
                    digits,
                    printed,
                    campo_livre,
                }
            }
            Bank::Itau => {
                let nn = format!("{sequence:08}");
                let account5 = format!("{account:0>5}");
                let dac = banks::itau_nosso_numero_dac(agency, &account5, wallet, &nn);
                OurNumber {
                    printed: format!("{wallet}/{nn}-{dac}"),
                    campo_livre: banks::itau(wallet, &nn, agency, &account5)?,
                    digits: nn,
                }
            }
            Bank::Bradesco => {
                let nn = format!("{sequence:011}");
                let dv = banks::bradesco_check_digit(wallet, &nn);
                OurNumber {
                    printed: format!("{wallet}/{nn}-{dv}"),
                    campo_livre: banks::bradesco(agency, wallet, &nn, account)?,
                    digits: nn,
                }
            }
            Bank::Caixa => {
                // 1 = registered, 4 = issued by the beneficiary.
                let nn = format!("14{sequence:015}");
                OurNumber {
                    printed: format!("{nn}-{}", banks::mod11_zero(&nn)),
                    campo_livre: banks::caixa(code, &nn)?,
                    digits: nn,
                }
            }
            Bank::Santander => {
                let nn = format!("{sequence:012}");
                OurNumber {
                    printed: format!("{nn}-{}", banks::mod11_zero(&nn)),
                    campo_livre: banks::santander(code, &nn, wallet)?,
                    digits: nn,
                }
            }
            Bank::Sicoob => {
                let nn = format!("{sequence:07}");
                let client = code.as_str();
                let dv = banks::sicoob_check_digit(agency, client, &nn);
                OurNumber {
                    printed: format!("{nn}-{dv}"),
                    campo_livre: banks::sicoob(
                        wallet,
                        agency,
                        "01",
                        client,
                        &nn,
                        &format!("{:03}", parcel.clamp(1, 999)),
                    )?,
                    digits: nn,
                }
            }
            Bank::Sicredi => {
                let year = format!("{:02}", year % 100);
                let sequential = format!("{sequence:05}");
                let (posto, beneficiary) = code.split_at(2);
                let parts = banks::Sicredi {
                    tipo_cobranca: "1",
                    carteira: "1",
                    ano: &year,
                    byte: "2",
                    sequencial: &sequential,
                    agencia: agency,
                    posto,
                    beneficiario: beneficiary,
                    has_value: true,
                };
                let campo_livre = banks::sicredi(&parts)?;
                let dv = &campo_livre[10..11];
                OurNumber {
                    printed: format!("{year}/2{sequential}-{dv}"),
                    digits: format!("{year}2{sequential}"),
                    campo_livre,
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account(bank: Bank, agency: &str, number: &str, code: &str, wallet: &str) -> BankAccount {
        AccountInput {
            bank: Some(bank),
            agency: agency.into(),
            account: number.into(),
            beneficiary_code: code.into(),
            wallet: wallet.into(),
        }
        .validate()
        .unwrap()
    }

    #[test]
    fn itau_official_example_is_rebuilt_from_an_account() {
        // ITAU-SISCOB: carteira 110, NN 12345678 (DAC 8), agência 0057, conta 12345-7.
        let itau = account(Bank::Itau, "0057", "12345-7", "", "110");
        let nn = itau.our_number(12_345_678, 26, 1).unwrap();
        assert_eq!(nn.campo_livre, "1101234567880057123457000");
        assert_eq!(nn.printed, "110/12345678-8");
        assert_eq!(itau.printed_agency_code(), "0057 / 12345-7");
    }

    #[test]
    fn caixa_official_example_is_rebuilt_from_an_account() {
        let caixa = account(Bank::Caixa, "1234", "1", "005507", "1");
        assert_eq!(caixa.printed_agency_code(), "1234 / 005507-7");
        let nn = caixa.our_number(19, 26, 1).unwrap();
        assert_eq!(nn.printed, "14000000000000019-7");
    }

    #[test]
    fn santander_official_example_is_rebuilt_from_an_account() {
        let santander = account(Bank::Santander, "1234", "13000123", "0282033", "101");
        let nn = santander.our_number(566_612_457_800, 26, 1).unwrap();
        assert_eq!(nn.campo_livre, "9028203356661245780020101");
        assert_eq!(nn.printed, "566612457800-2");
    }

    #[test]
    fn bradesco_check_digit_p_is_printed() {
        let bradesco = account(Bank::Bradesco, "1234-5", "0012345-6", "", "19");
        assert_eq!(
            bradesco.our_number(1, 26, 1).unwrap().printed,
            "19/00000000001-P"
        );
        assert_eq!(bradesco.printed_agency_code(), "1234-5 / 0012345-6");
    }

    #[test]
    fn every_bank_builds_a_valid_barcode_for_its_first_and_last_numbers() {
        let accounts = [
            account(Bank::BancoDoBrasil, "1234-5", "12345-6", "1234567", "17"),
            account(Bank::BancoDoBrasil, "1234-5", "12345-6", "123456", "18"),
            account(Bank::BancoDoBrasil, "1234-5", "12345-6", "1234", "18"),
            account(Bank::Itau, "0057", "12345-7", "", "109"),
            account(Bank::Bradesco, "1234-5", "12345-6", "", "09"),
            account(Bank::Caixa, "1234", "1", "1100000", "1"),
            account(Bank::Santander, "1234", "1", "0282033", "101"),
            account(Bank::Sicoob, "4133", "1", "0012345", "1"),
            account(Bank::Sicredi, "0165", "1", "0212345", "1"),
        ];
        let due = chrono::NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        for account in accounts {
            for sequence in [1, account.max_sequence()] {
                let nn = account.our_number(sequence, 26, 3).unwrap();
                let barcode = super::super::barcode::Barcode::build(
                    account.bank.code(),
                    due,
                    crate::domain::money::Money::from_cents(12_345),
                    &nn.campo_livre,
                )
                .unwrap();
                assert!(super::super::barcode::Barcode::parse(barcode.as_str()).is_ok());
            }
            assert!(
                account
                    .our_number(account.max_sequence() + 1, 26, 1)
                    .is_err()
            );
        }
    }

    #[test]
    fn each_field_is_checked_against_its_bank() {
        let errors = AccountInput {
            bank: Some(Bank::BancoDoBrasil),
            agency: "12345".into(),
            account: "12a".into(),
            beneficiary_code: "12345".into(),
            wallet: "123".into(),
        }
        .validate()
        .unwrap_err();
        let fields: Vec<AccountField> = errors.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                AccountField::Agency,
                AccountField::Account,
                AccountField::BeneficiaryCode,
                AccountField::Wallet
            ]
        );
        assert!(AccountInput::default().validate().is_err());
    }
}
