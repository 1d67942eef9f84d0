//! Boleto codes (FEBRABAN barcode, digitable line, due-date factor) and the Pix
//! BR Code: pure functions, checked against the published vectors.

pub mod account;
pub mod banks;
pub mod barcode;
pub mod pix;
pub mod pix_key;
