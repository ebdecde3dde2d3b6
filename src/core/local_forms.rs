//! Dates and numbers as each language writes them: 26.11.2026 and 1.000 in German, 26/11/2026
//! and 1,000 in (British) English. Pure, so the app and the summary file write them alike.

use super::language::primary_subtag;

/// How a language writes numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberForm {
    /// Between the whole part and the fraction: `.` in English, `,` in German.
    pub decimal: char,
    /// Between groups of three digits: `,` in English, `.` in German, a narrow space in
    /// French.
    pub group: char,
}

/// The number form of a language code (`de`, `de-AT`); English's for a language not known.
pub fn number_form(language: &str) -> NumberForm {
    let (decimal, group) = match primary_subtag(language).as_str() {
        "de" | "ro" | "tr" => (',', '.'),
        // A narrow no-break space in French, a no-break space in Polish and Ukrainian, so a
        // number never breaks across lines.
        "fr" => (',', '\u{202F}'),
        "pl" | "uk" => (',', '\u{A0}'),
        // Arabic as most children's schools write it with Western digits.
        _ => ('.', ','),
    };
    NumberForm { decimal, group }
}

impl NumberForm {
    /// A whole number with its groups: 1,000 or 1.000.
    pub fn whole(self, number: u64) -> String {
        let digits = number.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (index, digit) in digits.chars().enumerate() {
            if index > 0 && (digits.len() - index).is_multiple_of(3) {
                out.push(self.group);
            }
            out.push(digit);
        }
        out
    }

    /// A number with one decimal: 4.2 or 4,2.
    pub fn one_decimal(self, tenths: u64) -> String {
        format!("{}{}{}", self.whole(tenths / 10), self.decimal, tenths % 10)
    }
}

/// A day (`YYYY-MM-DD`) as the language writes it with digits: 26.11.2026 in German, Polish,
/// Romanian, Turkish and Ukrainian, 26/11/2026 in English, French and Arabic. Anything that
/// is not such a day is given back as it is, so no stored text is ever lost in the showing.
pub fn day(iso: &str, language: &str) -> String {
    let Some((year, month, day)) = parse_day(iso) else {
        return iso.to_owned();
    };
    let separator = match primary_subtag(language).as_str() {
        "de" | "pl" | "ro" | "tr" | "uk" => '.',
        "en" | "fr" | "ar" => '/',
        _ => return iso.to_owned(),
    };
    format!("{day}{separator}{month}{separator}{year}")
}

fn parse_day(iso: &str) -> Option<(&str, &str, &str)> {
    let mut parts = iso.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits =
        |part: &str, len: usize| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none() && digits(year, 4) && digits(month, 2) && digits(day, 2))
        .then_some((year, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_day_is_written_as_the_language_writes_it() {
        assert_eq!(day("2026-11-26", "de"), "26.11.2026");
        assert_eq!(day("2026-11-26", "de-AT"), "26.11.2026");
        assert_eq!(day("2026-11-26", "en"), "26/11/2026");
        assert_eq!(day("2026-11-26", "fr"), "26/11/2026");
        assert_eq!(day("2026-11-26", "uk"), "26.11.2026");
        assert_eq!(day("2026-11-26", "tr"), "26.11.2026");
        assert_eq!(day("2026-11-26", "ar"), "26/11/2026");
    }

    #[test]
    fn what_is_not_a_day_is_shown_as_it_is() {
        assert_eq!(day("26.11.2026", "de"), "26.11.2026");
        assert_eq!(day("2026-11", "de"), "2026-11");
        assert_eq!(day("2026-11-26-1", "de"), "2026-11-26-1");
        assert_eq!(day("", "de"), "");
        // A language without a known form keeps the unambiguous one.
        assert_eq!(day("2026-11-26", "xx"), "2026-11-26");
    }

    #[test]
    fn numbers_are_grouped_as_the_language_groups_them() {
        assert_eq!(number_form("en").whole(1_234_567), "1,234,567");
        assert_eq!(number_form("de").whole(1_234_567), "1.234.567");
        assert_eq!(number_form("fr").whole(1_000), "1\u{202F}000");
        assert_eq!(number_form("pl").whole(1_000), "1\u{A0}000");
        assert_eq!(number_form("de").whole(999), "999");
        assert_eq!(number_form("en").whole(0), "0");
        assert_eq!(number_form("de").one_decimal(42), "4,2");
        assert_eq!(number_form("en").one_decimal(12_345), "1,234.5");
    }
}
