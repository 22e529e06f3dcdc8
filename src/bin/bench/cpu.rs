//! CPU time spent per request by the service and by PostgreSQL, from `/proc/<pid>/stat`.
//! Throughput on a shared machine swings with the neighbours' load; the CPU each request
//! costs moves much less, so it is what to compare between two builds.

/// Clock ticks per second of `/proc/<pid>/stat` (`USER_HZ`, 100 on Linux).
const TICKS_PER_SECOND: u64 = 100;

/// User plus system CPU time of the processes still alive among `pids`, in microseconds.
pub fn micros(pids: &[u32]) -> u64 {
    pids.iter().filter_map(|pid| ticks(*pid)).sum::<u64>() * 1_000_000 / TICKS_PER_SECOND
}

fn ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis,
    // where utime and stime are the 12th and 13th.
    let mut fields = stat.rsplit_once(')')?.1.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(user + system)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_its_own_process() {
        let spin = std::time::Instant::now();
        while spin.elapsed().as_millis() < 50 {
            std::hint::black_box(0);
        }
        assert!(super::micros(&[std::process::id()]) > 0);
        assert_eq!(super::micros(&[u32::MAX]), 0);
    }
}
