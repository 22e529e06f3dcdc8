//! Several replicas of the real binary on one database, as an orchestrator starts them.

use std::{
    net::SocketAddr,
    process::Stdio,
    time::{Duration, Instant},
};

use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};

use crate::common::*;

const REPLICAS: usize = 3;

#[tokio::test]
async fn three_replicas_started_at_once_on_a_fresh_database_all_come_up_and_each_chore_happens_once()
 {
    // A database that does not exist yet: the three race to create it.
    let name = format!("clinic_replicas_{}", std::process::id());
    let server = server_url();
    let mut admin = AsyncPgConnection::establish(&format!("{server}/postgres"))
        .await
        .unwrap();
    let drop_database = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    diesel::sql_query(&drop_database)
        .execute(&mut admin)
        .await
        .unwrap();
    let url = format!("{server}/{name}");

    let logs = tempdir();
    let mut replicas = Vec::new();
    for i in 0..REPLICAS {
        let addr: SocketAddr = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        let log = std::fs::File::create(logs.join(format!("{i}.log"))).unwrap();
        let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_clinic"))
            .arg("serve")
            .env("DATABASE_URL", &url)
            .env("JWT_SECRET", SECRET)
            .env("LISTEN_ADDR", addr.to_string())
            .env("CLINIC_DEMO", "true")
            .env("ADMIN_USERNAME", "jefa")
            .env("ADMIN_PASSWORD", "una clave de la jefa, larga")
            .env("CLINIC_TIME_ZONE", "UTC")
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .stdout(Stdio::from(log.try_clone().unwrap()))
            .stderr(Stdio::from(log))
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        replicas.push((child, addr));
    }

    let started = Instant::now();
    for (i, (child, addr)) in replicas.iter_mut().enumerate() {
        loop {
            if let Ok(Some(status)) = child.try_wait() {
                let log = std::fs::read_to_string(logs.join(format!("{i}.log"))).unwrap();
                panic!("replica {i} exited ({status}) instead of serving:\n{log}");
            }
            if ready(*addr).await {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(90),
                "replica {i} is not ready"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    let logs: Vec<String> = (0..REPLICAS)
        .map(|i| std::fs::read_to_string(logs.join(format!("{i}.log"))).unwrap())
        .collect();
    let said = |text: &str| logs.iter().filter(|log| log.contains(text)).count();
    assert_eq!(
        said("applied migration"),
        1,
        "one replica migrates:\n{logs:#?}"
    );
    assert_eq!(said("loaded demo data"), 1, "the demo data is loaded once");
    assert_eq!(said("admin user set"), 1, "the admin is written once");
    assert!(
        logs.iter().all(|log| !log.contains("ERROR")),
        "no replica logged an error:\n{logs:#?}"
    );

    let mut conn = AsyncPgConnection::establish(&url).await.unwrap();
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let users: Count = diesel::sql_query("SELECT count(*) AS n FROM users")
        .get_result(&mut conn)
        .await
        .unwrap();
    assert_eq!(users.n, 4, "admin, staff, viewer from the demo, and jefa");
    drop(conn);

    for (child, _) in &mut replicas {
        child.kill().await.unwrap();
    }
    diesel::sql_query(&drop_database)
        .execute(&mut admin)
        .await
        .unwrap();
}

async fn ready(addr: SocketAddr) -> bool {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let Ok(mut stream) = tokio::net::TcpStream::connect(addr).await else {
        return false;
    };
    let request = format!("GET /readyz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).await.is_err() {
        return false;
    }
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response).await;
    response.starts_with("HTTP/1.1 200")
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("clinic-replicas-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
