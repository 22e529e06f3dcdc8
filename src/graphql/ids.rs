//! Global IDs: base64 of `Type:databaseId`, opaque to clients.

use async_graphql::ID;
use base64::{Engine, engine::general_purpose::STANDARD};

use crate::error::{AppError, AppResult};

pub fn global_id(type_name: &str, id: i32) -> ID {
    ID(STANDARD.encode(format!("{type_name}:{id}")))
}

/// `(type name, database id)` of a well-formed global ID.
pub fn decode_global_id(id: &ID) -> AppResult<(String, i32)> {
    let invalid = || AppError::bad_input(format!("El ID `{}` no es válido", truncate(id)));
    let bytes = STANDARD.decode(id.as_bytes()).map_err(|_| invalid())?;
    let text = String::from_utf8(bytes).map_err(|_| invalid())?;
    let (type_name, number) = text.split_once(':').ok_or_else(invalid)?;
    let number: i32 = number.parse().map_err(|_| invalid())?;
    if type_name.is_empty() || number <= 0 {
        return Err(invalid());
    }
    Ok((type_name.to_owned(), number))
}

/// The database id of a global ID that must name a `expected`.
pub fn decode_id(id: &ID, expected: &str) -> AppResult<i32> {
    let (type_name, number) = decode_global_id(id)?;
    if type_name != expected {
        return Err(AppError::bad_input(format!(
            "El ID `{}` no corresponde a un {expected}",
            truncate(id)
        )));
    }
    Ok(number)
}

/// `decode_id` for an optional argument.
pub fn decode_optional_id(id: Option<&ID>, expected: &str) -> AppResult<Option<i32>> {
    id.map(|id| decode_id(id, expected)).transpose()
}

/// Echoing a hostile 1 MB "ID" back would be rude to logs and clients alike.
fn truncate(id: &ID) -> &str {
    let s = id.as_str();
    match s.char_indices().nth(64) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejections() {
        let id = global_id("SocialWork", 12);
        assert_eq!(id.as_str(), "U29jaWFsV29yazoxMg==");
        assert_eq!(decode_id(&id, "SocialWork").unwrap(), 12);
        assert!(decode_id(&id, "Patient").is_err());
        for bad in [
            "",
            "!!!",
            "U29jaWFsV29yaw==",
            "OjE=",
            "U29jaWFsV29yazotMQ==",
        ] {
            assert!(decode_global_id(&ID(bad.into())).is_err(), "{bad}");
        }
    }
}
