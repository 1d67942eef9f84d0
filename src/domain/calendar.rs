//! Brazilian bank business days: weekends, national holidays and the store's
//! own state/city holidays.
//!
//! National holidays are matched on month/day and on the offset from Easter
//! instead of building a list per call: `is_business_day` runs for every
//! installment of every simulation.

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// Name of 31 December: no public attendance at banks, and FEBRABAN lets
/// bills due that day be paid on the next business day.
const LAST_DAY_OF_YEAR_NAME: &str = "Sem expediente bancário (31/12)";

/// (month, day, first year it applies, name), in calendar order.
const FIXED_HOLIDAYS: [(u32, u32, i32, &str); 10] = [
    (1, 1, i32::MIN, "Confraternização Universal"),
    (4, 21, i32::MIN, "Tiradentes"),
    (5, 1, i32::MIN, "Dia do Trabalho"),
    (9, 7, i32::MIN, "Independência do Brasil"),
    (10, 12, i32::MIN, "Nossa Senhora Aparecida"),
    (11, 2, i32::MIN, "Finados"),
    (11, 15, i32::MIN, "Proclamação da República"),
    // National only since Lei 14.759/2023.
    (11, 20, 2024, "Dia Nacional de Zumbi e da Consciência Negra"),
    (12, 25, i32::MIN, "Natal"),
    (12, 31, i32::MIN, LAST_DAY_OF_YEAR_NAME),
];

/// (days from Easter Sunday, name). Ash Wednesday (−46) is a business day.
const EASTER_HOLIDAYS: [(i64, &str); 4] = [
    (-48, "Carnaval (segunda-feira)"),
    (-47, "Carnaval (terça-feira)"),
    (-2, "Sexta-feira Santa"),
    (60, "Corpus Christi"),
];

/// Without this cap a local list covering every weekday would loop forever.
const MAX_SEARCH_DAYS: u32 = 3_660;

/// When a local holiday happens.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HolidayDate {
    /// Every year on this day; 29/02 only counts in leap years.
    Annual { month: u32, day: u32 },
    /// Only on this date.
    Once { date: NaiveDate },
}

/// A state or city holiday added by the store.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Holiday {
    pub date: HolidayDate,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HolidayError {
    /// Not produced by `parse_list` (an empty list is allowed); for callers
    /// that require at least one holiday.
    Empty,
    /// The entry does not start with DD/MM, DD/MM/AAAA or AAAA-MM-DD (the entry).
    BadEntry(String),
    /// The numbers do not form a date, e.g. 31/04 (the date as typed).
    BadDate(String),
    /// A date with no name after it (the date as typed).
    NoName(String),
}

impl fmt::Display for HolidayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let message = match self {
            HolidayError::Empty => crate::t!("holiday-empty"),
            HolidayError::BadEntry(entry) => crate::t!("holiday-bad-entry", entry = entry.as_str()),
            HolidayError::BadDate(date) => crate::t!("holiday-bad-date", date = date.as_str()),
            HolidayError::NoName(date) => crate::t!("holiday-no-name", date = date.as_str()),
        };
        f.write_str(&message)
    }
}

impl std::error::Error for HolidayError {}

/// All ASCII digits, between `min` and `max` of them.
fn number(text: &str, min: usize, max: usize) -> Option<u32> {
    if (min..=max).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

/// The numbers of a date as typed, before checking that the date exists.
enum DateShape {
    Annual { day: u32, month: u32 },
    Once { day: u32, month: u32, year: i32 },
}

fn date_shape(text: &str) -> Option<DateShape> {
    let slash: Vec<&str> = text.split('/').collect();
    let dash: Vec<&str> = text.split('-').collect();
    match (slash.as_slice(), dash.as_slice()) {
        ([day, month], _) => Some(DateShape::Annual {
            day: number(day, 1, 2)?,
            month: number(month, 1, 2)?,
        }),
        ([day, month, year], _) => Some(DateShape::Once {
            day: number(day, 1, 2)?,
            month: number(month, 1, 2)?,
            year: i32::try_from(number(year, 4, 4)?).ok()?,
        }),
        (_, [year, month, day]) => Some(DateShape::Once {
            day: number(day, 1, 2)?,
            month: number(month, 1, 2)?,
            year: i32::try_from(number(year, 4, 4)?).ok()?,
        }),
        _ => None,
    }
}

impl Holiday {
    /// Parses the store's list: entries separated by `;` or line breaks, each
    /// `DD/MM Nome` (every year), `DD/MM/AAAA Nome` or `AAAA-MM-DD Nome` (once).
    /// Blank entries are skipped, so an empty input clears the list.
    pub fn parse_list(input: &str) -> Result<Vec<Holiday>, HolidayError> {
        input
            .split([';', '\n'])
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(Holiday::parse_entry)
            .collect()
    }

    /// One trimmed, non-blank entry.
    fn parse_entry(entry: &str) -> Result<Holiday, HolidayError> {
        let (date_text, name) = match entry.split_once(char::is_whitespace) {
            Some((date_text, name)) => (date_text, name.trim()),
            None => (entry, ""),
        };
        let shape =
            date_shape(date_text).ok_or_else(|| HolidayError::BadEntry(entry.to_string()))?;
        let bad_date = || HolidayError::BadDate(date_text.to_string());
        let date = match shape {
            DateShape::Annual { day, month } => {
                // Checked against a leap year so that 29/02 is allowed.
                NaiveDate::from_ymd_opt(2000, month, day).ok_or_else(bad_date)?;
                HolidayDate::Annual { month, day }
            }
            DateShape::Once { day, month, year } => HolidayDate::Once {
                date: NaiveDate::from_ymd_opt(year, month, day).ok_or_else(bad_date)?,
            },
        };
        if name.is_empty() {
            return Err(HolidayError::NoName(date_text.to_string()));
        }
        Ok(Holiday {
            date,
            name: name.to_string(),
        })
    }

    /// `DD/MM Nome; DD/MM/AAAA Nome`, the input `parse_list` reads back.
    ///
    /// The round trip holds for every list `parse_list` can produce (names
    /// without `;` or line breaks, trimmed, non-empty; years 0..=9999).
    pub fn format_list(holidays: &[Holiday]) -> String {
        holidays
            .iter()
            .map(|holiday| match holiday.date {
                HolidayDate::Annual { month, day } => {
                    format!("{day:02}/{month:02} {}", holiday.name)
                }
                HolidayDate::Once { date } => format!(
                    "{:02}/{:02}/{:04} {}",
                    date.day(),
                    date.month(),
                    date.year(),
                    holiday.name
                ),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    pub fn falls_on(&self, date: NaiveDate) -> bool {
        match self.date {
            HolidayDate::Annual { month, day } => date.month() == month && date.day() == day,
            HolidayDate::Once { date: once } => date == once,
        }
    }
}

/// Easter Sunday of the Gregorian calendar (anonymous algorithm: Meeus/Jones/Butcher).
///
/// Years outside chrono's range saturate to `NaiveDate::MIN`/`MAX`.
pub fn easter_sunday(year: i32) -> NaiveDate {
    // Euclidean division keeps the algorithm meaningful for proleptic negative years.
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31: both fit in u32.
    NaiveDate::from_ymd_opt(year, month.unsigned_abs(), day.unsigned_abs()).unwrap_or(if year < 0 {
        NaiveDate::MIN
    } else {
        NaiveDate::MAX
    })
}

/// The national holiday on `date`, if any (fixed dates take precedence when
/// Good Friday falls on Tiradentes).
fn national_name(date: NaiveDate) -> Option<&'static str> {
    let (year, month, day) = (date.year(), date.month(), date.day());
    if let Some(&(_, _, _, name)) = FIXED_HOLIDAYS
        .iter()
        .find(|&&(m, d, from, _)| m == month && d == day && year >= from)
    {
        return Some(name);
    }
    // Carnival Monday is on 2 Feb at the earliest, Corpus Christi on 24 Jun at the latest.
    if !(2..=6).contains(&month) {
        return None;
    }
    // All four fall in Easter's own year, so ordinals can be compared.
    let offset = i64::from(date.ordinal()) - i64::from(easter_sunday(year).ordinal());
    EASTER_HOLIDAYS
        .iter()
        .find(|&&(days, _)| days == offset)
        .map(|&(_, name)| name)
}

/// National non-business days of `year` (besides weekends), sorted by date,
/// with their Portuguese names; includes 31 Dec. When Good Friday falls on
/// 21 Apr (e.g. 2000) both entries are listed.
pub fn national_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let fixed = FIXED_HOLIDAYS
        .iter()
        .filter(|&&(_, _, from, _)| year >= from)
        .filter_map(|&(month, day, _, name)| {
            NaiveDate::from_ymd_opt(year, month, day).map(|date| (date, name))
        });
    let easter = easter_sunday(year);
    let movable = EASTER_HOLIDAYS.iter().filter_map(|&(days, name)| {
        let date = if days < 0 {
            easter.checked_sub_days(Days::new(days.unsigned_abs()))
        } else {
            easter.checked_add_days(Days::new(days.unsigned_abs()))
        };
        date.filter(|date| date.year() == year)
            .map(|date| (date, name))
    });
    let mut holidays: Vec<_> = fixed.chain(movable).collect();
    holidays.sort_by_key(|&(date, _)| date);
    holidays
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The first day from `date` on (at most `limit` days) that satisfies `accept`;
/// stops at the last representable date.
fn first_on_or_after(
    date: NaiveDate,
    limit: u32,
    accept: impl Fn(NaiveDate) -> bool,
) -> Option<NaiveDate> {
    let mut day = date;
    for _ in 0..limit {
        if accept(day) {
            return Some(day);
        }
        day = day.succ_opt()?;
    }
    None
}

/// The bank calendar: national holidays plus the store's local ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Calendar {
    pub local_holidays: Vec<Holiday>,
}

impl Calendar {
    pub fn new(local_holidays: Vec<Holiday>) -> Calendar {
        Calendar { local_holidays }
    }

    /// The holiday on `date`, national first, then local; weekends have no name.
    pub fn holiday_name(&self, date: NaiveDate) -> Option<String> {
        national_name(date).map(str::to_string).or_else(|| {
            self.local_holidays
                .iter()
                .find(|holiday| holiday.falls_on(date))
                .map(|holiday| holiday.name.clone())
        })
    }

    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        !is_weekend(date)
            && national_name(date).is_none()
            && !self
                .local_holidays
                .iter()
                .any(|holiday| holiday.falls_on(date))
    }

    /// The first business day strictly after `date` (`date` itself only at
    /// `NaiveDate::MAX`, where there is no after).
    pub fn next_business_day(&self, date: NaiveDate) -> NaiveDate {
        match date.succ_opt() {
            Some(next) => self.business_day_on_or_after(next),
            None => date,
        }
    }

    /// `date` if it is a business day, otherwise the next one.
    ///
    /// If local holidays block every weekday for ten years (only possible by
    /// entering thousands of dates) they are ignored rather than looping forever.
    pub fn business_day_on_or_after(&self, date: NaiveDate) -> NaiveDate {
        first_on_or_after(date, MAX_SEARCH_DAYS, |day| self.is_business_day(day))
            .or_else(|| {
                first_on_or_after(date, MAX_SEARCH_DAYS, |day| {
                    !is_weekend(day) && national_name(day).is_none()
                })
            })
            .unwrap_or(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("valid test date")
    }

    fn annual(day: u32, month: u32, name: &str) -> Holiday {
        Holiday {
            date: HolidayDate::Annual { month, day },
            name: name.to_string(),
        }
    }

    fn once(date: NaiveDate, name: &str) -> Holiday {
        Holiday {
            date: HolidayDate::Once { date },
            name: name.to_string(),
        }
    }

    // ---- Easter ----

    #[test]
    fn easter_known_years() {
        assert_eq!(easter_sunday(2024), ymd(2024, 3, 31));
        assert_eq!(easter_sunday(2025), ymd(2025, 4, 20));
        assert_eq!(easter_sunday(2026), ymd(2026, 4, 5));
        assert_eq!(easter_sunday(2027), ymd(2027, 3, 28));
        assert_eq!(easter_sunday(2000), ymd(2000, 4, 23));
        assert_eq!(easter_sunday(2038), ymd(2038, 4, 25));
        // The extremes of the range.
        assert_eq!(easter_sunday(1818), ymd(1818, 3, 22));
        assert_eq!(easter_sunday(2285), ymd(2285, 3, 22));
        assert_eq!(easter_sunday(1943), ymd(1943, 4, 25));
    }

    #[test]
    fn easter_out_of_range_years_saturate() {
        assert_eq!(easter_sunday(i32::MAX), NaiveDate::MAX);
        assert_eq!(easter_sunday(i32::MIN), NaiveDate::MIN);
    }

    // ---- national holidays ----

    #[test]
    fn national_holidays_2026() {
        let expected = [
            (1, 1),
            (2, 16),
            (2, 17),
            (4, 3),
            (4, 21),
            (5, 1),
            (6, 4),
            (9, 7),
            (10, 12),
            (11, 2),
            (11, 15),
            (11, 20),
            (12, 25),
            (12, 31),
        ];
        let dates: Vec<NaiveDate> = national_holidays(2026).iter().map(|&(d, _)| d).collect();
        let expected: Vec<NaiveDate> = expected.iter().map(|&(m, d)| ymd(2026, m, d)).collect();
        assert_eq!(dates, expected);
        let calendar = Calendar::default();
        for date in expected {
            assert!(!calendar.is_business_day(date), "{date}");
            assert!(calendar.holiday_name(date).is_some(), "{date}");
        }
    }

    #[test]
    fn national_holiday_names() {
        let calendar = Calendar::default();
        let name = |y, m, d| calendar.holiday_name(ymd(y, m, d));
        assert_eq!(
            name(2026, 1, 1).as_deref(),
            Some("Confraternização Universal")
        );
        assert_eq!(
            name(2026, 2, 16).as_deref(),
            Some("Carnaval (segunda-feira)")
        );
        assert_eq!(name(2026, 2, 17).as_deref(), Some("Carnaval (terça-feira)"));
        assert_eq!(name(2026, 4, 3).as_deref(), Some("Sexta-feira Santa"));
        assert_eq!(name(2026, 6, 4).as_deref(), Some("Corpus Christi"));
        assert_eq!(
            name(2026, 11, 20).as_deref(),
            Some("Dia Nacional de Zumbi e da Consciência Negra")
        );
        assert_eq!(
            name(2026, 12, 31).as_deref(),
            Some("Sem expediente bancário (31/12)")
        );
        assert_eq!(name(2026, 4, 5), None, "Easter Sunday is just a Sunday");
        assert_eq!(name(2026, 3, 14), None);
    }

    #[test]
    fn movable_holidays_2025() {
        let calendar = Calendar::default();
        for date in [
            ymd(2025, 3, 3),
            ymd(2025, 3, 4),
            ymd(2025, 4, 18),
            ymd(2025, 6, 19),
        ] {
            assert!(!calendar.is_business_day(date), "{date}");
        }
        // Ash Wednesday and the day after Corpus Christi are working days.
        assert!(calendar.is_business_day(ymd(2025, 3, 5)));
        assert!(calendar.is_business_day(ymd(2025, 6, 20)));
    }

    #[test]
    fn ash_wednesday_is_a_business_day() {
        let calendar = Calendar::default();
        assert!(calendar.is_business_day(ymd(2026, 2, 18)));
        assert_eq!(calendar.holiday_name(ymd(2026, 2, 18)), None);
        assert_eq!(
            calendar.next_business_day(ymd(2026, 2, 13)),
            ymd(2026, 2, 18)
        );
    }

    #[test]
    fn consciencia_negra_only_from_2024() {
        let calendar = Calendar::default();
        assert_eq!(ymd(2024, 11, 20).weekday(), Weekday::Wed);
        assert!(!calendar.is_business_day(ymd(2024, 11, 20)));
        assert_eq!(ymd(2023, 11, 20).weekday(), Weekday::Mon);
        assert!(calendar.is_business_day(ymd(2023, 11, 20)));
        assert_eq!(calendar.holiday_name(ymd(2023, 11, 20)), None);
        assert!(
            national_holidays(2023)
                .iter()
                .all(|&(d, _)| d != ymd(2023, 11, 20))
        );
        assert!(
            national_holidays(2024)
                .iter()
                .any(|&(d, _)| d == ymd(2024, 11, 20))
        );
    }

    #[test]
    fn good_friday_on_tiradentes_is_listed_twice() {
        let list = national_holidays(2000);
        let on_21_april: Vec<&str> = list
            .iter()
            .filter(|&&(d, _)| d == ymd(2000, 4, 21))
            .map(|&(_, name)| name)
            .collect();
        assert_eq!(on_21_april.len(), 2);
        assert!(on_21_april.contains(&"Tiradentes"));
        assert!(on_21_april.contains(&"Sexta-feira Santa"));
        assert_eq!(
            Calendar::default()
                .holiday_name(ymd(2000, 4, 21))
                .as_deref(),
            Some("Tiradentes")
        );
    }

    #[test]
    fn leap_day_2028_is_carnival_tuesday() {
        // Easter 2028 is 16 April, so Carnival falls on 28–29 February.
        let calendar = Calendar::default();
        assert_eq!(easter_sunday(2028), ymd(2028, 4, 16));
        assert_eq!(ymd(2028, 2, 29).weekday(), Weekday::Tue);
        assert!(!calendar.is_business_day(ymd(2028, 2, 29)));
        assert_eq!(
            calendar.holiday_name(ymd(2028, 2, 29)).as_deref(),
            Some("Carnaval (terça-feira)")
        );
        assert_eq!(
            calendar.next_business_day(ymd(2028, 2, 25)),
            ymd(2028, 3, 1)
        );
        // 2024: an ordinary leap day, a Thursday.
        assert_eq!(ymd(2024, 2, 29).weekday(), Weekday::Thu);
        assert!(calendar.is_business_day(ymd(2024, 2, 29)));
        assert_eq!(
            calendar.next_business_day(ymd(2024, 2, 28)),
            ymd(2024, 2, 29)
        );
    }

    #[test]
    fn year_turn() {
        let calendar = Calendar::default();
        assert_eq!(ymd(2026, 12, 31).weekday(), Weekday::Thu);
        assert!(!calendar.is_business_day(ymd(2026, 12, 31)));
        assert_eq!(
            calendar.next_business_day(ymd(2026, 12, 30)),
            ymd(2027, 1, 4)
        );
        assert_eq!(
            calendar.next_business_day(ymd(2026, 12, 31)),
            ymd(2027, 1, 4)
        );
        assert_eq!(
            calendar.business_day_on_or_after(ymd(2026, 12, 31)),
            ymd(2027, 1, 4)
        );
        assert_eq!(
            calendar.business_day_on_or_after(ymd(2026, 12, 30)),
            ymd(2026, 12, 30)
        );
    }

    #[test]
    fn weekends_and_plain_days() {
        let calendar = Calendar::default();
        assert!(!calendar.is_business_day(ymd(2026, 3, 14))); // Saturday
        assert!(!calendar.is_business_day(ymd(2026, 3, 15))); // Sunday
        assert!(calendar.is_business_day(ymd(2026, 3, 16)));
        assert_eq!(
            calendar.next_business_day(ymd(2026, 3, 13)),
            ymd(2026, 3, 16)
        );
        assert_eq!(
            calendar.next_business_day(ymd(2026, 3, 16)),
            ymd(2026, 3, 17)
        );
        assert_eq!(
            calendar.business_day_on_or_after(ymd(2026, 3, 14)),
            ymd(2026, 3, 16)
        );
        // Good Friday 2026 + weekend.
        assert_eq!(calendar.next_business_day(ymd(2026, 4, 2)), ymd(2026, 4, 6));
    }

    #[test]
    fn business_days_in_2026() {
        let calendar = Calendar::default();
        let count = ymd(2026, 1, 1)
            .iter_days()
            .take_while(|d| d.year() == 2026)
            .filter(|&d| calendar.is_business_day(d))
            .count();
        // 365 − 104 weekend days − 13 holidays on weekdays (15 Nov is a Sunday).
        assert_eq!(count, 248);
    }

    #[test]
    fn national_lookup_agrees_with_the_list() {
        let calendar = Calendar::default();
        for year in 1990..=2100 {
            let list = national_holidays(year);
            assert!(
                list.windows(2).all(|pair| pair[0].0 <= pair[1].0),
                "{year} sorted"
            );
            assert!(list.len() >= 13, "{year}");
            for day in ymd(year, 1, 1).iter_days().take_while(|d| d.year() == year) {
                let listed = list.iter().find(|&&(d, _)| d == day).map(|&(_, name)| name);
                assert_eq!(national_name(day), listed, "{day}");
                if listed.is_some() {
                    assert!(!calendar.is_business_day(day));
                }
            }
        }
    }

    #[test]
    fn date_limits_do_not_panic() {
        let calendar = Calendar::new(vec![annual(1, 1, "x")]);
        assert_eq!(calendar.next_business_day(NaiveDate::MAX), NaiveDate::MAX);
        let _ = calendar.business_day_on_or_after(NaiveDate::MAX);
        let _ = calendar.is_business_day(NaiveDate::MIN);
        let _ = national_holidays(NaiveDate::MAX.year());
        let _ = national_holidays(NaiveDate::MIN.year());
        assert!(national_holidays(i32::MAX).is_empty());
    }

    // ---- local holidays ----

    #[test]
    fn local_holidays_block_days() {
        let calendar = Calendar::new(vec![
            annual(25, 1, "Aniversário de São Paulo"),
            once(ymd(2026, 3, 19), "Ponto facultativo"),
        ]);
        assert_eq!(ymd(2027, 1, 25).weekday(), Weekday::Mon);
        assert!(!calendar.is_business_day(ymd(2027, 1, 25)));
        assert_eq!(
            calendar.holiday_name(ymd(2027, 1, 25)).as_deref(),
            Some("Aniversário de São Paulo")
        );
        assert!(!calendar.is_business_day(ymd(2026, 3, 19)));
        assert!(calendar.is_business_day(ymd(2027, 3, 19)));
        assert_eq!(
            calendar.next_business_day(ymd(2026, 3, 18)),
            ymd(2026, 3, 20)
        );
        // The default calendar does not know them.
        assert!(Calendar::default().is_business_day(ymd(2027, 1, 25)));
    }

    #[test]
    fn national_name_wins_over_local() {
        let calendar = Calendar::new(vec![annual(25, 12, "Festa local")]);
        assert_eq!(
            calendar.holiday_name(ymd(2026, 12, 25)).as_deref(),
            Some("Natal")
        );
    }

    #[test]
    fn annual_leap_day_only_in_leap_years() {
        let holiday = annual(29, 2, "Dia bissexto");
        assert!(holiday.falls_on(ymd(2024, 2, 29)));
        assert!(!holiday.falls_on(ymd(2025, 2, 28)));
        assert!(!holiday.falls_on(ymd(2025, 3, 1)));
        let calendar = Calendar::new(vec![holiday]);
        assert!(!calendar.is_business_day(ymd(2024, 2, 29)));
        assert!(calendar.is_business_day(ymd(2025, 2, 28)));
        assert_eq!(
            calendar.next_business_day(ymd(2024, 2, 28)),
            ymd(2024, 3, 1)
        );
    }

    #[test]
    fn a_calendar_with_no_business_days_still_answers() {
        // Every day of the year as an annual holiday: the local list is given up.
        let every_day: Vec<Holiday> = ymd(2024, 1, 1)
            .iter_days()
            .take_while(|d| d.year() == 2024)
            .map(|d| annual(d.day(), d.month(), "todo dia"))
            .collect();
        let calendar = Calendar::new(every_day);
        assert!(!calendar.is_business_day(ymd(2026, 3, 16)));
        assert_eq!(
            calendar.next_business_day(ymd(2026, 3, 13)),
            ymd(2026, 3, 16)
        );
    }

    // ---- parsing and formatting the list ----

    #[test]
    fn parse_list_reads_all_forms() {
        let list = Holiday::parse_list(
            "25/01 Aniversário de São Paulo; 09/07/2026 Revolução Constitucionalista\n\
             2026-07-10  Emenda  ;\r\n8/12 Nossa Senhora da Conceição",
        )
        .expect("valid list");
        assert_eq!(
            list,
            vec![
                annual(25, 1, "Aniversário de São Paulo"),
                once(ymd(2026, 7, 9), "Revolução Constitucionalista"),
                once(ymd(2026, 7, 10), "Emenda"),
                annual(8, 12, "Nossa Senhora da Conceição"),
            ]
        );
    }

    #[test]
    fn parse_list_skips_blank_entries_and_accepts_empty() {
        assert_eq!(Holiday::parse_list(""), Ok(vec![]));
        assert_eq!(Holiday::parse_list("  ; ;\n\n  "), Ok(vec![]));
        assert_eq!(
            Holiday::parse_list(";;01/02 Iemanjá;;"),
            Ok(vec![annual(1, 2, "Iemanjá")])
        );
    }

    #[test]
    fn parse_list_keeps_inner_spaces_of_the_name() {
        assert_eq!(
            Holiday::parse_list("20/01\tSão  Sebastião "),
            Ok(vec![annual(20, 1, "São  Sebastião")])
        );
    }

    #[test]
    fn parse_list_errors() {
        assert_eq!(
            Holiday::parse_list("31/04 Nada"),
            Err(HolidayError::BadDate("31/04".into()))
        );
        assert_eq!(
            Holiday::parse_list("30/02 Nada"),
            Err(HolidayError::BadDate("30/02".into()))
        );
        assert_eq!(
            Holiday::parse_list("29/02/2025 Nada"),
            Err(HolidayError::BadDate("29/02/2025".into()))
        );
        assert_eq!(
            Holiday::parse_list("2026-13-01 Nada"),
            Err(HolidayError::BadDate("2026-13-01".into()))
        );
        assert_eq!(
            Holiday::parse_list("00/01 Nada"),
            Err(HolidayError::BadDate("00/01".into()))
        );
        assert_eq!(
            Holiday::parse_list("25/12"),
            Err(HolidayError::NoName("25/12".into()))
        );
        assert_eq!(
            Holiday::parse_list("01/01 Ano; 25/12   ; 02/02 x"),
            Err(HolidayError::NoName("25/12".into()))
        );
        for entry in [
            "Natal",
            "25-12 Natal",
            "25/12/26 Natal",
            "25/12/02026 Natal",
            "2026/12/25x Natal",
            "25.12 Natal",
            "25/12Natal",
            "123/12 Natal",
            "+1/12 Natal",
            "2026-12 Natal",
            "/ Natal",
        ] {
            assert_eq!(
                Holiday::parse_list(entry),
                Err(HolidayError::BadEntry(entry.to_string())),
                "{entry}"
            );
        }
    }

    #[test]
    fn leap_day_is_accepted_as_annual() {
        assert_eq!(
            Holiday::parse_list("29/02 Bissexto"),
            Ok(vec![annual(29, 2, "Bissexto")])
        );
        assert_eq!(
            Holiday::parse_list("29/02/2028 Bissexto"),
            Ok(vec![once(ymd(2028, 2, 29), "Bissexto")])
        );
    }

    #[test]
    fn format_list_example() {
        let list = vec![
            annual(8, 12, "Nossa Senhora da Conceição"),
            once(ymd(2026, 7, 9), "Revolução"),
        ];
        let text = Holiday::format_list(&list);
        assert_eq!(
            text,
            "08/12 Nossa Senhora da Conceição; 09/07/2026 Revolução"
        );
        assert_eq!(Holiday::parse_list(&text), Ok(list));
        assert_eq!(Holiday::format_list(&[]), "");
    }

    #[test]
    fn serde_shape() {
        let list = vec![
            annual(8, 12, "Conceição"),
            once(ymd(2026, 7, 9), "Revolução"),
        ];
        let json = serde_json::to_value(&list).expect("serialize");
        assert_eq!(
            json,
            serde_json::json!([
                {"date": {"kind": "annual", "month": 12, "day": 8}, "name": "Conceição"},
                {"date": {"kind": "once", "date": "2026-07-09"}, "name": "Revolução"},
            ])
        );
        let back: Vec<Holiday> = serde_json::from_value(json).expect("deserialize");
        assert_eq!(back, list);
    }

    #[test]
    fn error_messages_carry_their_arguments() {
        let errors = [
            HolidayError::Empty,
            HolidayError::BadEntry("xyz Natal".into()),
            HolidayError::BadDate("31/04".into()),
            HolidayError::NoName("25/12".into()),
        ];
        for error in &errors {
            let message = error.to_string();
            assert!(!message.is_empty());
            assert!(!message.starts_with("holiday-"), "{error:?}: {message}");
        }
        assert!(errors[1].to_string().contains("xyz Natal"));
        assert!(errors[2].to_string().contains("31/04"));
        assert!(errors[3].to_string().contains("25/12"));
        let boxed: Box<dyn std::error::Error> = Box::new(HolidayError::Empty);
        assert!(!boxed.to_string().is_empty());
    }

    // ---- properties ----

    fn any_date() -> impl Strategy<Value = NaiveDate> {
        // 1900-01-01 ..= about 2200-12-31.
        (0u64..110_000).prop_map(|days| {
            ymd(1900, 1, 1)
                .checked_add_days(Days::new(days))
                .expect("in range")
        })
    }

    fn any_holiday() -> impl Strategy<Value = Holiday> {
        // Trimmed, no separators: what parse_list itself produces.
        let name = "[A-Za-zÀ-ú0-9][A-Za-zÀ-ú0-9 .()-]{0,20}[A-Za-zÀ-ú0-9)]";
        let date = prop_oneof![
            (1u32..=12, 1u32..=31)
                .prop_filter("exists in a leap year", |&(m, d)| {
                    NaiveDate::from_ymd_opt(2000, m, d).is_some()
                })
                .prop_map(|(month, day)| HolidayDate::Annual { month, day }),
            (0u64..3_000_000).prop_map(|days| HolidayDate::Once {
                date: ymd(1, 1, 1)
                    .checked_add_days(Days::new(days))
                    .expect("in range"),
            }),
        ];
        (date, name).prop_map(|(date, name)| Holiday { date, name })
    }

    fn any_calendar() -> impl Strategy<Value = Calendar> {
        let local = prop_oneof![
            (1u32..=12, 1u32..=28).prop_map(|(month, day)| annual(day, month, "local")),
            any_date().prop_map(|date| once(date, "uma vez")),
        ];
        proptest::collection::vec(local, 0..8).prop_map(Calendar::new)
    }

    proptest! {
        #[test]
        fn next_business_day_is_the_first_after(calendar in any_calendar(), date in any_date()) {
            let next = calendar.next_business_day(date);
            prop_assert!(next > date);
            prop_assert!(calendar.is_business_day(next));
            prop_assert!(next.signed_duration_since(date).num_days() <= 20);
            let mut day = date.succ_opt().expect("in range");
            while day < next {
                prop_assert!(!calendar.is_business_day(day), "{} skipped", day);
                day = day.succ_opt().expect("in range");
            }
        }

        #[test]
        fn on_or_after_is_identity_exactly_on_business_days(
            calendar in any_calendar(),
            date in any_date(),
        ) {
            let found = calendar.business_day_on_or_after(date);
            prop_assert_eq!(found == date, calendar.is_business_day(date));
            prop_assert!(found >= date);
            prop_assert!(calendar.is_business_day(found));
            if found != date {
                prop_assert_eq!(found, calendar.next_business_day(date));
            }
        }

        #[test]
        fn weekends_and_national_holidays_are_never_business_days(
            calendar in any_calendar(),
            date in any_date(),
        ) {
            if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) || national_name(date).is_some() {
                prop_assert!(!calendar.is_business_day(date));
            }
            if calendar.is_business_day(date) {
                prop_assert_eq!(calendar.holiday_name(date), None);
            }
        }

        #[test]
        fn easter_is_a_sunday_in_its_window(year in 1900i32..2200) {
            let easter = easter_sunday(year);
            prop_assert_eq!(easter.year(), year);
            prop_assert_eq!(easter.weekday(), Weekday::Sun);
            prop_assert!(easter >= ymd(year, 3, 22));
            prop_assert!(easter <= ymd(year, 4, 25));
        }

        #[test]
        fn easter_never_panics(year in any::<i32>()) {
            let _ = easter_sunday(year);
            let _ = national_holidays(year);
        }

        #[test]
        fn format_then_parse_round_trips(list in proptest::collection::vec(any_holiday(), 0..6)) {
            let text = Holiday::format_list(&list);
            prop_assert_eq!(Holiday::parse_list(&text), Ok(list));
        }

        #[test]
        fn parse_list_never_panics(input in "\\PC{0,40}") {
            if let Ok(list) = Holiday::parse_list(&input) {
                // Whatever it accepts formats back to the same list.
                prop_assert_eq!(Holiday::parse_list(&Holiday::format_list(&list)), Ok(list));
            }
        }
    }
}
