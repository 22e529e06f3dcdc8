//! The contract's scalars: `Date` (YYYY-MM-DD), `DateTime` (RFC 3339, UTC) and `Decimal`
//! (exact, sent as a string so no client ever parses money as a float).

use std::str::FromStr;

use async_graphql::{InputValueError, InputValueResult, Scalar, ScalarType, Value};
use bigdecimal::BigDecimal;
use chrono::{NaiveDate, SecondsFormat, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date(pub NaiveDate);

/// A calendar date, `YYYY-MM-DD`.
#[Scalar(name = "Date")]
impl ScalarType for Date {
    fn parse(value: Value) -> InputValueResult<Self> {
        match &value {
            Value::String(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(Date)
                .map_err(|_| {
                    InputValueError::custom(format!("fecha inválida `{s}`: use AAAA-MM-DD"))
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

/// An instant, RFC 3339 in UTC (`2026-11-23T08:55:42.452Z`).
#[Scalar(name = "DateTime")]
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

/// An exact decimal number as a string (`"1520.50"`); integers are accepted as input.
#[Scalar(name = "Decimal")]
impl ScalarType for Decimal {
    fn parse(value: Value) -> InputValueResult<Self> {
        let parsed = match &value {
            Value::String(s) if s.len() <= 40 => BigDecimal::from_str(s.trim()).ok(),
            Value::Number(n) if n.is_i64() || n.is_u64() => {
                BigDecimal::from_str(&n.to_string()).ok()
            }
            _ => None,
        };
        parsed.map(Decimal).ok_or_else(|| {
            InputValueError::custom(
                "número decimal inválido: envíelo como texto, por ejemplo \"1520.50\"",
            )
        })
    }

    fn to_value(&self) -> Value {
        Value::String(self.0.normalized().to_plain_string())
    }
}
