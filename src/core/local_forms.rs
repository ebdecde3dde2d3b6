//! Dates, lengths of time and numbers as each language writes them: "26. November 2026" and
//! 1.000 in German, "26 November 2026" and 1,000 in (British) English. Pure, so the app and
//! the files it makes write them alike.

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

/// The months of a language, as they are written after the day: in the genitive where the
/// language declines them (Polish "grudnia", Ukrainian "грудня"). Arabic uses the names
/// known in every Arabic-speaking country (ديسمبر, as CLDR writes Arabic), not the Levantine
/// ones (كانون الأول) a child from Egypt or the Maghreb may not know.
fn month_names(language: &str) -> [&'static str; 12] {
    match primary_subtag(language).as_str() {
        "de" => [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ],
        "fr" => [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ],
        "pl" => [
            "stycznia",
            "lutego",
            "marca",
            "kwietnia",
            "maja",
            "czerwca",
            "lipca",
            "sierpnia",
            "września",
            "października",
            "listopada",
            "grudnia",
        ],
        "ro" => [
            "ianuarie",
            "februarie",
            "martie",
            "aprilie",
            "mai",
            "iunie",
            "iulie",
            "august",
            "septembrie",
            "octombrie",
            "noiembrie",
            "decembrie",
        ],
        "tr" => [
            "Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül",
            "Ekim", "Kasım", "Aralık",
        ],
        "uk" => [
            "січня",
            "лютого",
            "березня",
            "квітня",
            "травня",
            "червня",
            "липня",
            "серпня",
            "вересня",
            "жовтня",
            "листопада",
            "грудня",
        ],
        "ar" => [
            "يناير",
            "فبراير",
            "مارس",
            "أبريل",
            "مايو",
            "يونيو",
            "يوليو",
            "أغسطس",
            "سبتمبر",
            "أكتوبر",
            "نوفمبر",
            "ديسمبر",
        ],
        _ => [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ],
    }
}

/// A day (`YYYY-MM-DD`) in words, one way per language, so no reader can take 03/04 for
/// 4 March: "7 December 2026", "7. Dezember 2026", "1er décembre 2026", "7 grudnia 2026",
/// "7 ديسمبر 2026". Digits are Western in every language, Arabic too, as the app writes
/// every number (see [`number_form`]). A language not known is written in English.
/// Anything that is not such a day is given back as it is, so no stored text is ever lost in
/// the showing.
pub fn day(iso: &str, language: &str) -> String {
    let Some((year, month, day)) = parse_day(iso) else {
        return iso.to_owned();
    };
    // No language at all (a file made without its texts): the day without words.
    if language.trim().is_empty() {
        return iso.to_owned();
    }
    let (Ok(month_number), Ok(day_number)) = (month.parse::<usize>(), day.parse::<u32>()) else {
        return iso.to_owned();
    };
    if !(1..=12).contains(&month_number) || !(1..=31).contains(&day_number) {
        return iso.to_owned();
    }
    // Austria writes January as "Jänner".
    let austrian = language.to_ascii_lowercase().replace('_', "-") == "de-at";
    let month_name = match month_number {
        1 if austrian => "Jänner",
        _ => month_names(language)[month_number - 1],
    };
    match primary_subtag(language).as_str() {
        "de" => format!("{day_number}. {month_name} {year}"),
        // French writes the first of the month as an ordinal: "1er décembre".
        "fr" if day_number == 1 => format!("1er {month_name} {year}"),
        _ => format!("{day_number} {month_name} {year}"),
    }
}

/// A day and a time of day together: "7 December 2026, 14:02", the day in words as
/// [`day`] writes it and the time on the 24-hour clock, as every language of the app reads
/// it. Arabic separates them with its own comma.
pub fn day_and_time(iso: &str, hours: u32, minutes: u32, language: &str) -> String {
    let comma = match primary_subtag(language).as_str() {
        "ar" => "،",
        _ => ",",
    };
    format!("{}{comma} {hours:02}:{minutes:02}", day(iso, language))
}

/// How long something lasted, in whole minutes (rounded to the nearest, at least one), in
/// words: "45 minutes", "1 hour 5 minutes", "2 Stunden", "1 godzina 5 minut". None when it
/// has no length (an end before its start), or without a language to say it in.
pub fn duration(milliseconds: u64, language: &str) -> Option<String> {
    if milliseconds == 0 || language.trim().is_empty() {
        return None;
    }
    let total = (milliseconds.saturating_add(30_000) / 60_000).max(1);
    let (hours, minutes) = (total / 60, total % 60);
    let lang = primary_subtag(language);
    let hour_part = (hours > 0).then(|| counted(hours, Unit::Hour, &lang));
    let minute_part = (minutes > 0).then(|| counted(minutes, Unit::Minute, &lang));
    Some(match (hour_part, minute_part) {
        (Some(hours), Some(minutes)) => match lang.as_str() {
            "ar" => format!("{hours} و{minutes}"),
            "ro" => format!("{hours} și {minutes}"),
            _ => format!("{hours} {minutes}"),
        },
        (Some(alone), None) | (None, Some(alone)) => alone,
        (None, None) => return None,
    })
}

#[derive(Clone, Copy)]
enum Unit {
    Hour,
    Minute,
}

/// A number of hours or minutes with the word in the form the number asks for.
fn counted(count: u64, unit: Unit, lang: &str) -> String {
    let (one, few, many): (&str, &str, &str) = match (lang, unit) {
        ("de", Unit::Hour) => ("Stunde", "Stunden", "Stunden"),
        ("de", Unit::Minute) => ("Minute", "Minuten", "Minuten"),
        ("fr", Unit::Hour) => ("heure", "heures", "heures"),
        ("fr", Unit::Minute) => ("minute", "minutes", "minutes"),
        ("pl", Unit::Hour) => ("godzina", "godziny", "godzin"),
        ("pl", Unit::Minute) => ("minuta", "minuty", "minut"),
        ("uk", Unit::Hour) => ("година", "години", "годин"),
        ("uk", Unit::Minute) => ("хвилина", "хвилини", "хвилин"),
        // Romanian: 1 minut, 2 to 19 minute, 20 and on "de minute".
        ("ro", Unit::Hour) => ("oră", "ore", "de ore"),
        ("ro", Unit::Minute) => ("minut", "minute", "de minute"),
        // Turkish keeps the noun singular after a number.
        ("tr", Unit::Hour) => ("saat", "saat", "saat"),
        ("tr", Unit::Minute) => ("dakika", "dakika", "dakika"),
        ("ar", unit) => return arabic_count(count, unit),
        (_, Unit::Hour) => ("hour", "hours", "hours"),
        (_, Unit::Minute) => ("minute", "minutes", "minutes"),
    };
    let word = match lang {
        "pl" => {
            if count == 1 {
                one
            } else if (2..=4).contains(&(count % 10)) && !(12..=14).contains(&(count % 100)) {
                few
            } else {
                many
            }
        }
        "uk" => {
            if count % 10 == 1 && count % 100 != 11 {
                one
            } else if (2..=4).contains(&(count % 10)) && !(12..=14).contains(&(count % 100)) {
                few
            } else {
                many
            }
        }
        "ro" => {
            if count == 1 {
                one
            } else if count == 0 || (1..=19).contains(&(count % 100)) {
                few
            } else {
                many
            }
        }
        // French counts 0 and 1 as one; English and German only 1.
        "fr" if count <= 1 => one,
        _ if count == 1 => one,
        _ => few,
    };
    format!("{count} {word}")
}

/// Arabic: one and two in words (the dual), 3 to 10 with the plural, 11 and on with the
/// singular, as Arabic counts.
fn arabic_count(count: u64, unit: Unit) -> String {
    let (one, two, plural, singular) = match unit {
        Unit::Hour => ("ساعة واحدة", "ساعتان", "ساعات", "ساعة"),
        Unit::Minute => ("دقيقة واحدة", "دقيقتان", "دقائق", "دقيقة"),
    };
    match count {
        1 => one.to_owned(),
        2 => two.to_owned(),
        _ if (3..=10).contains(&(count % 100)) => format!("{count} {plural}"),
        _ => format!("{count} {singular}"),
    }
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
    fn what_is_not_a_day_is_shown_as_it_is() {
        assert_eq!(day("26.11.2026", "de"), "26.11.2026");
        assert_eq!(day("2026-11", "de"), "2026-11");
        assert_eq!(day("2026-11-26-1", "de"), "2026-11-26-1");
        assert_eq!(day("2026-13-01", "en"), "2026-13-01");
        assert_eq!(day("2026-12-00", "en"), "2026-12-00");
        assert_eq!(day("", "de"), "");
        // Without a language there are no words to write it with.
        assert_eq!(day("2026-12-07", ""), "2026-12-07");
    }

    #[test]
    fn german_in_austria_says_jaenner() {
        assert_eq!(day("2027-01-05", "de-AT"), "5. Jänner 2027");
        assert_eq!(day("2027-01-05", "de"), "5. Januar 2027");
    }

    #[test]
    fn a_duration_rounds_to_whole_minutes() {
        assert_eq!(duration(0, "en"), None);
        assert_eq!(duration(60_000, ""), None);
        assert_eq!(duration(10_000, "en").as_deref(), Some("1 minute"));
        assert_eq!(duration(89_000, "en").as_deref(), Some("1 minute"));
        assert_eq!(duration(91_000, "en").as_deref(), Some("2 minutes"));
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
