//! PgBouncer in transaction pooling in front of the benchmark's server, for the rows that
//! measure what the extra hop costs. Built once by `tests/pgbouncer/build` (1.24.1 from
//! Debian's source package; bookworm's own 1.18 cannot carry prepared statements there).

use std::{
    net::SocketAddr,
    process::{Child, Command, Stdio},
};

use anyhow::{Context, bail};

pub struct PgBouncer {
    child: Child,
    addr: SocketAddr,
    user: String,
    _dir: TempDir,
}

impl PgBouncer {
    /// Listens on `addr` for `server_url`'s databases, as many server sessions per database
    /// as `server_sessions` (the service's pool size, so that only the hop differs).
    pub fn start(server_url: &str, addr: SocketAddr, server_sessions: u64) -> anyhow::Result<Self> {
        let build = Command::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/pgbouncer/build"
        ))
        .stderr(Stdio::inherit())
        .output()
        .context("running tests/pgbouncer/build")?;
        if !build.status.success() {
            bail!("building PgBouncer failed");
        }
        let binary = String::from_utf8(build.stdout)?.trim().to_owned();
        let (user, host, port) = split_server_url(server_url)
            .with_context(|| format!("cannot read user, host and port from {server_url}"))?;
        let dir = TempDir::new()?;
        std::fs::write(dir.0.join("users.txt"), format!("\"{user}\" \"\"\n"))?;
        std::fs::write(
            dir.0.join("pgbouncer.ini"),
            format!(
                "[databases]\n* = host={host} port={port}\n\
                 [pgbouncer]\nlisten_addr = {ip}\nlisten_port = {listen}\nunix_socket_dir =\n\
                 auth_type = trust\nauth_file = {users}\npool_mode = transaction\n\
                 max_prepared_statements = 200\ndefault_pool_size = {server_sessions}\n\
                 max_client_conn = 1000\nserver_tls_sslmode = disable\nlog_connections = 0\n\
                 log_disconnections = 0\nlog_stats = 0\n",
                ip = addr.ip(),
                listen = addr.port(),
                users = dir.0.join("users.txt").display()
            ),
        )?;
        let mut command = Command::new(binary);
        // PgBouncer refuses to run as root.
        if is_root() {
            command.args(["-u", "postgres"]);
        }
        let child = command
            .arg(dir.0.join("pgbouncer.ini"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        for _ in 0..100 {
            if std::net::TcpStream::connect(addr).is_ok() {
                return Ok(Self {
                    child,
                    addr,
                    user: user.to_owned(),
                    _dir: dir,
                });
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        bail!("PgBouncer did not listen on {addr}")
    }

    /// The URL of `database` through PgBouncer.
    pub fn url(&self, database: &str) -> String {
        format!("postgres://{}@{}/{database}", self.user, self.addr)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for PgBouncer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether this process runs as root (`id -u`).
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii() == b"0")
}

/// `postgres://user[:password]@host:port` -> (user, host, port).
fn split_server_url(url: &str) -> Option<(&str, &str, &str)> {
    let rest = url.split_once("://")?.1;
    let (userinfo, authority) = rest.rsplit_once('@')?;
    let user = userinfo.split(':').next()?;
    let authority = authority.split('/').next()?;
    let (host, port) = authority.rsplit_once(':').unwrap_or((authority, "5432"));
    Some((user, host, port))
}

/// A directory removed when dropped.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new() -> std::io::Result<Self> {
        let dir =
            std::env::temp_dir().join(format!("clinic-bench-pgbouncer-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok(Self(dir))
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_user_host_and_port() {
        assert_eq!(
            super::split_server_url("postgres://postgres@127.0.0.1:5432"),
            Some(("postgres", "127.0.0.1", "5432"))
        );
        assert_eq!(
            super::split_server_url("postgres://u:secret@db.example/x"),
            Some(("u", "db.example", "5432"))
        );
    }
}
