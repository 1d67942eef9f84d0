//! Boleto codes (FEBRABAN barcode, digitable line, due-date factor) and the Pix
//! BR Code: pure functions, checked against the published vectors.

pub mod banks;
pub mod barcode;
pub mod pix;
