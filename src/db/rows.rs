//! The statements every table of the API has, by id: fetch several (for the loaders), insert,
//! update and, where the API deletes, delete. Written once, for each table's module to declare.

/// `FetchById` for the rows of `$table`: the statement the by-id loaders run.
#[macro_export]
macro_rules! fetch_by_id {
    ($table:ident, $row:ty) => {
        impl $crate::db::FetchById for $row {
            fn id(&self) -> i32 {
                self.id
            }
            async fn fetch(
                conn: &mut diesel_async::AsyncPgConnection,
                ids: &[i32],
            ) -> diesel::QueryResult<Vec<Self>> {
                use diesel::prelude::*;
                use diesel_async::RunQueryDsl;
                $crate::db::schema::$table::table
                    .filter($crate::db::schema::$table::id.eq_any(ids))
                    .select(<$row>::as_select())
                    .load(conn)
                    .await
            }
        }
    };
}

/// Declares, in a table's model module, `by_ids`, `FetchById` for the row, `insert`, `update`
/// (`None` when there is no such row; a change that sets nothing reads the row as it is) and,
/// with `delete`, `delete` (false when there is no such row; a foreign-key violation while
/// another row references it).
#[macro_export]
macro_rules! row_statements {
    ($table:ident, $row:ty, $new:ty, $changes:ty $(, $delete:ident)?) => {
        pub async fn by_ids(
            conn: &mut diesel_async::AsyncPgConnection,
            ids: &[i32],
        ) -> diesel::QueryResult<Vec<$row>> {
            <$row as $crate::db::FetchById>::fetch(conn, ids).await
        }

        $crate::fetch_by_id!($table, $row);

        pub async fn insert(
            conn: &mut diesel_async::AsyncPgConnection,
            new: &$new,
        ) -> diesel::QueryResult<$row> {
            use diesel::prelude::*;
            use diesel_async::RunQueryDsl;
            diesel::insert_into($crate::db::schema::$table::table)
                .values(new)
                .returning(<$row>::as_returning())
                .get_result(conn)
                .await
        }

        pub async fn update(
            conn: &mut diesel_async::AsyncPgConnection,
            id: i32,
            changes: &$changes,
        ) -> diesel::QueryResult<Option<$row>> {
            use diesel::prelude::*;
            use diesel_async::RunQueryDsl;
            let updated = diesel::update($crate::db::schema::$table::table.find(id))
                .set(changes)
                .returning(<$row>::as_returning())
                .get_result(&mut *conn)
                .await;
            match updated {
                Err(err) if $crate::db::is_empty_changeset(&err) => {
                    Ok(by_ids(conn, &[id]).await?.pop())
                }
                other => other.optional(),
            }
        }

        $($crate::row_statements!(@$delete $table);)?
    };
    (@delete $table:ident) => {
        pub async fn delete(
            conn: &mut diesel_async::AsyncPgConnection,
            id: i32,
        ) -> diesel::QueryResult<bool> {
            use diesel::prelude::*;
            use diesel_async::RunQueryDsl;
            Ok(diesel::delete($crate::db::schema::$table::table.find(id))
                .execute(conn)
                .await?
                > 0)
        }
    };
}
