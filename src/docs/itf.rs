//! Interleaved 2 of 5, the boleto barcode (`boleto-spec.md` §4): each pair of digits is
//! five bars (first digit) interleaved with five spaces (second digit), two of each five
//! wide. Widths are in narrow units; the drawing scales them to millimetres exactly.

/// Narrow/wide patterns of the digits 0–9 (`true` = wide).
const PATTERNS: [[bool; 5]; 10] = {
    const N: bool = false;
    const W: bool = true;
    [
        [N, N, W, W, N],
        [W, N, N, N, W],
        [N, W, N, N, W],
        [W, W, N, N, N],
        [N, N, W, N, W],
        [W, N, W, N, N],
        [N, W, W, N, N],
        [N, N, N, W, W],
        [W, N, N, W, N],
        [N, W, N, W, N],
    ]
};

/// Wide elements are three narrow ones, as the banks' reference drawings use.
pub const WIDE: u32 = 3;

/// The bars of `digits` (an even count of ASCII digits) as (start, width) in narrow
/// units from the start of the symbol, and the symbol's total width.
pub fn bars(digits: &str) -> Option<(Vec<(u32, u32)>, u32)> {
    let values: Vec<usize> = digits
        .bytes()
        .map(|b| b.is_ascii_digit().then(|| usize::from(b - b'0')))
        .collect::<Option<_>>()?;
    if values.is_empty() || !values.len().is_multiple_of(2) {
        return None;
    }
    let width = |wide: bool| if wide { WIDE } else { 1 };
    // Elements alternate bar, space, bar, space…
    let mut elements: Vec<u32> = vec![1, 1, 1, 1];
    for pair in values.chunks(2) {
        for (bar, space) in PATTERNS[pair[0]].iter().zip(PATTERNS[pair[1]].iter()) {
            elements.push(width(*bar));
            elements.push(width(*space));
        }
    }
    elements.extend([WIDE, 1, 1]);
    let mut bars = Vec::with_capacity(elements.len() / 2 + 1);
    let mut position = 0;
    for (index, element) in elements.iter().enumerate() {
        if index % 2 == 0 {
            bars.push((position, *element));
        }
        position += element;
    }
    Some((bars, position))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_boleto_barcode_is_405_narrow_units_with_89_wide_elements() {
        let digits = "00193373700000001000500940144816060680935031";
        let (bars, total) = bars(digits).unwrap();
        assert_eq!(total, 405);
        // 22 pairs × 5 bars + 2 start bars + 2 stop bars.
        assert_eq!(bars.len(), 114);
        assert_eq!(bars[0], (0, 1));
        assert_eq!(*bars.last().unwrap(), (404, 1));
    }

    #[test]
    fn odd_or_non_digit_input_is_refused() {
        assert!(bars("123").is_none());
        assert!(bars("12a4").is_none());
        assert!(bars("").is_none());
    }
}
