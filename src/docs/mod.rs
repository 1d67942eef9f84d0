//! The PDFs Régua prints: boletos, second copies, carnês, receipts and the day-end
//! report. Drawing only; the figures come in already computed (`model`).

pub mod agreement;
pub mod boleto;
pub mod canvas;
pub mod carne;
pub mod day_end;
pub mod extenso;
pub mod ficha;
pub mod fonts;
pub mod itf;
pub mod letter;
pub mod model;
pub mod pix_block;
pub mod receipt;
pub mod second_copy;
