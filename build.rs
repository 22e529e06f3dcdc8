// `embed_migrations!` reads migrations/ at compile time; without this, adding a migration
// does not rebuild the crate and the binary silently lacks it.
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
