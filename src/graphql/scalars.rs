//! The contract's scalars: `Date` (YYYY-MM-DD), `DateTime` (RFC 3339, UTC) and `Decimal`
//! (exact, sent as a string so no client ever parses money as a float).

use std::str::FromStr;

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};
use bigdecimal::BigDecimal;
use chrono::{Datelike, NaiveDate, NaiveTime, SecondsFormat, Timelike, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

/// `YYYY-MM-DD` with a four-digit year from 0001: chrono also reads year 0, negative and
/// five-digit years, which PostgreSQL refuses or reads otherwise.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|date| shaped && date.year() >= 1)
}

/// A calendar date, `YYYY-MM-DD` (RFC 3339 `full-date`), years 0001 to 9999; no time and no
/// zone. "Today" is the clinic's date (`CLINIC_TIME_ZONE`).
#[Scalar(
    name = "Date",
    specified_by_url = "https://scalars.graphql.org/andimarek/local-date.html"
)]
impl ScalarType for Date {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => parse_date(s).map(Date).ok_or_else(|| {
                InputValueError::custom(format!(
                    "fecha inválida `{}`: use AAAA-MM-DD, desde el año 0001",
                    s.chars().take(40).collect::<String>()
                ))
            }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.format("%Y-%m-%d").to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateTime(pub chrono::DateTime<Utc>);

/// An instant, RFC 3339 `date-time` with its offset (`2026-11-23T05:55:42-03:00` as input);
/// answered in UTC with milliseconds (`2026-11-23T08:55:42.452Z`).
#[Scalar(
    name = "DateTime",
    specified_by_url = "https://scalars.graphql.org/andimarek/date-time.html"
)]
impl ScalarType for DateTime {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => chrono::DateTime::parse_from_rfc3339(s)
                .map(|dt| DateTime(dt.with_timezone(&Utc)))
                .map_err(|_| {
                    InputValueError::custom(format!("fecha y hora inválida `{s}`: use RFC 3339"))
                }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.to_rfc3339_opts(SecondsFormat::Millis, true))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decimal(pub BigDecimal);

/// Integer digits of any amount: money is below a trillion everywhere (columns included).
pub const MAX_INTEGER_DIGITS: usize = 12;
/// Decimal places the scalar reads: money has two (each column's CHECK says so, with its own
/// message), a biochemical unit value four.
pub const MAX_FRACTION_DIGITS: usize = 4;

/// A plain decimal (`-1520.50`; no exponent, no `+`, no spaces inside) with at most
/// `max_integer` integer and `max_fraction` decimal digits, checked on the text before any
/// arithmetic: `"1e131000"` would otherwise become a 131,001-digit number.
pub fn parse_plain_decimal(
    text: &str,
    max_integer: usize,
    max_fraction: usize,
) -> Option<BigDecimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (integer, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let ok = !integer.is_empty()
        && integer.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
        && (!fraction.is_empty() || !digits.ends_with('.'))
        && integer.trim_start_matches('0').len() <= max_integer
        && integer.len() <= max_integer + 8
        && fraction.len() <= max_fraction;
    ok.then(|| BigDecimal::from_str(text).ok()).flatten()
}

/// An exact decimal number as a JSON string in plain notation, a subset of XML Schema's
/// `decimal` lexical form (an optional `-`, digits, optionally `.` and digits: no `+`, no
/// leading or trailing `.`, no exponent), e.g.
/// `"1520.50"`, so that no client reads money as a float. At most 12 integer digits and 4
/// decimals (money columns take two). JSON integers are accepted as input; answers are
/// strings without trailing zeros (`"1520.5"`).
#[Scalar(
    name = "Decimal",
    specified_by_url = "https://www.w3.org/TR/xmlschema11-2/#decimal"
)]
impl ScalarType for Decimal {
    fn parse(value: Value) -> InputValueResult<Self> {
        let parsed = match &value {
            Value::String(s) => {
                parse_plain_decimal(s.trim(), MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS)
            }
            Value::Number(n) if n.is_i64() || n.is_u64() => {
                parse_plain_decimal(&n.to_string(), MAX_INTEGER_DIGITS, 0)
            }
            _ => None,
        };
        parsed.map(Decimal).ok_or_else(|| {
            InputValueError::custom(format!(
                "número decimal inválido: envíelo como texto, sin exponente, con hasta \
                 {MAX_INTEGER_DIGITS} dígitos enteros y {MAX_FRACTION_DIGITS} decimales, \
                 por ejemplo \"1520.50\""
            ))
        })
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.normalized().to_plain_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime(pub NaiveTime);

/// `HH:MM` or `HH:MM:SS`, 24-hour, two digits each: nothing chrono would also read (a
/// leap second, fractions, a one-digit hour).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let bytes = text.as_bytes();
    let shaped = matches!(bytes.len(), 5 | 8)
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 2 || i == 5 {
                *b == b':'
            } else {
                b.is_ascii_digit()
            }
        });
    let format = if bytes.len() == 5 {
        "%H:%M"
    } else {
        "%H:%M:%S"
    };
    NaiveTime::parse_from_str(text, format)
        .ok()
        .filter(|time| shaped && time.nanosecond() == 0)
}

/// A time of day on the clinic's clock (`CLINIC_TIME_ZONE`), `HH:MM:SS`, 24-hour, no zone;
/// `HH:MM` is accepted as input.
#[Scalar(
    name = "LocalTime",
    specified_by_url = "https://scalars.graphql.org/andimarek/local-time.html"
)]
impl ScalarType for LocalTime {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => parse_time(s).map(LocalTime).ok_or_else(|| {
                InputValueError::custom(format!(
                    "hora inválida `{}`: use HH:MM o HH:MM:SS (00:00 a 23:59:59)",
                    s.chars().take(40).collect::<String>()
                ))
            }),
            _ => Err(InputValueError::expected_type(value)),
        }
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.format("%H:%M:%S").to_string())
    }
}

/// Any JSON value (RFC 8259): a SUAP document as pasted, an audit entry's row.
pub struct JsonValue(pub serde_json::Value);

/// Any JSON value (RFC 8259): objects, arrays, strings, numbers, booleans, null. Integers
/// beyond 64 bits are read as floating point.
#[Scalar(
    name = "JSON",
    specified_by_url = "https://www.rfc-editor.org/rfc/rfc8259"
)]
impl ScalarType for JsonValue {
    fn parse(value: Value) -> InputValueResult<Self> {
        value
            .into_json()
            .map(JsonValue)
            .map_err(|_| InputValueError::custom("JSON inválido"))
    }

    fn to_value(&self) -> Value {
        Value::from_json(self.0.clone()).unwrap_or(Value::Null)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_plain_and_bounded_before_any_arithmetic() {
        let ok = |t: &str| parse_plain_decimal(t, 12, 2).map(|d| d.to_string());
        assert_eq!(ok("1520.50").as_deref(), Some("1520.50"));
        assert_eq!(ok("-3").as_deref(), Some("-3"));
        assert!(ok("999999999999.99").is_some());
        assert!(
            ok("0001520").is_some(),
            "leading zeros are not digits of magnitude"
        );
        for refused in [
            "1e131000",
            "1E2",
            "1e13",
            "1000000000000",
            "1.555",
            "+1",
            " 1",
            "1.",
            ".5",
            "",
            "-",
            "1_000",
            "NaN",
            "inf",
            "0x10",
            "1..2",
        ] {
            assert!(ok(refused).is_none(), "{refused} accepted");
        }
    }

    #[test]
    fn times_are_two_digit_hours_and_minutes_with_optional_seconds() {
        assert_eq!(parse_time("08:30").unwrap().to_string(), "08:30:00");
        assert!(parse_time("23:59:59").is_some());
        for refused in [
            "8:30",
            "24:00",
            "08:60",
            "08:30:60",
            "08:30:00.5",
            "0830",
            "",
            "08:30Z",
        ] {
            assert!(parse_time(refused).is_none(), "{refused} accepted");
        }
    }

    #[test]
    fn dates_have_four_digit_years_from_one() {
        assert!(parse_date("2026-11-30").is_some());
        assert!(parse_date("0001-01-01").is_some());
        for refused in [
            "0000-01-01",
            "-001-01-01",
            "+2026-01-01",
            "20260-01-01",
            "2026-1-1",
            "2026-02-30",
        ] {
            assert!(parse_date(refused).is_none(), "{refused} accepted");
        }
    }
}
