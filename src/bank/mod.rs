//! The bank's files: the remittance (remessa) that registers boletos and the return
//! (retorno) that reports them paid, in CNAB 240 and CNAB 400 (`boleto-spec.md` §6).
//! Fixed-width text, built and read field by field at the positions the manuals give.

pub mod cnab240;
pub mod cnab400;
pub mod event;
pub mod itau400;
pub mod layout;
pub mod record;
pub mod returns;
