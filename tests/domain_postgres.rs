#![cfg(not(target_arch = "wasm32"))]
//! Runs the generated SQL scripts through a real, throwaway PostgreSQL server.
//!
//! Only when PostgreSQL's server binaries are installed (Debian: `apt-get install postgresql`);
//! otherwise the test says so on stderr and passes: the quoting is also covered by
//! `domain_sql.rs`, which needs nothing installed.

use chrono::{Duration, TimeZone, Utc};
use event_sourcing_demo::domain::*;
use std::path::PathBuf;
use std::process::{Command as Process, Stdio};

const HOSTILE_NAMES: [&str; 9] = [
    "O'Brien",
    "Robert'); DROP TABLE orders;--",
    r"back\slash \' \\",
    "tab\tand\nnewline",
    "crab 🦀 ünïcödé",
    "$$dollar$$ quoting",
    "nul\0byte",
    "E'\\x27'",
    "/* not a comment */ -- nor this",
];

fn find_bin_dir() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path().join("bin")))
        .filter(|bin| bin.join("initdb").exists() && bin.join("psql").exists())
        .collect();
    candidates.sort();
    candidates.pop()
}

/// A private server on a Unix socket in a temporary directory, stopped and removed on drop.
struct Server {
    bin: PathBuf,
    dir: PathBuf,
    as_postgres: bool,
}

impl Server {
    fn start(bin: PathBuf) -> Server {
        let dir = std::env::temp_dir().join(format!("esd-pg-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        // PostgreSQL refuses to run as root: use the `postgres` account then.
        let as_postgres = run_plain("id", &["-u"]).trim() == "0";
        if as_postgres {
            run_plain("chown", &["postgres", dir.to_str().unwrap()]);
        }
        let server = Server {
            bin,
            dir,
            as_postgres,
        };
        let data = server.dir.join("data");
        server.run(
            "initdb",
            &[
                "-D",
                data.to_str().unwrap(),
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C",
                "--no-sync",
            ],
            "",
        );
        let options = format!(
            "-k {} -c listen_addresses='' -c fsync=off",
            server.dir.display()
        );
        let log = server.dir.join("log");
        server.run(
            "pg_ctl",
            &[
                "-D",
                data.to_str().unwrap(),
                "-o",
                &options,
                "-l",
                log.to_str().unwrap(),
                "-w",
                "start",
            ],
            "",
        );
        server
    }

    fn run(&self, tool: &str, args: &[&str], stdin: &str) -> String {
        let program = self.bin.join(tool);
        let mut process = if self.as_postgres {
            let mut p = Process::new("runuser");
            p.args(["-u", "postgres", "--"]).arg(&program);
            p
        } else {
            Process::new(&program)
        };
        process.args(args).current_dir(&self.dir);
        process
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = process.spawn().unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{tool} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn psql(&self, database: &str, input: &str) -> String {
        let host = self.dir.to_str().unwrap().to_string();
        self.run(
            "psql",
            &[
                "-h",
                &host,
                "-U",
                "postgres",
                "-d",
                database,
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-f",
                "-",
            ],
            input,
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let data = self.dir.join("data");
        let pg_ctl = self.bin.join("pg_ctl");
        let mut stop = if self.as_postgres {
            let mut p = Process::new("runuser");
            p.args(["-u", "postgres", "--"]).arg(pg_ctl);
            p
        } else {
            Process::new(pg_ctl)
        };
        let _ = stop
            .args(["-D", data.to_str().unwrap(), "-m", "immediate", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run_plain(program: &str, args: &[&str]) -> String {
    let out = Process::new(program).args(args).output().unwrap();
    assert!(out.status.success(), "{program} failed");
    String::from_utf8(out.stdout).unwrap()
}

fn hex(text: &str) -> String {
    text.bytes().map(|b| format!("{b:02x}")).collect()
}

/// Orders with hostile customer names, moved through every status, as a log.
fn hostile_log() -> Vec<RecordedEvent> {
    let start = Utc.with_ymd_and_hms(2024, 5, 6, 10, 0, 0).unwrap();
    let mut projections = Projections::default();
    let mut log = Vec::new();
    for (i, name) in HOSTILE_NAMES.iter().enumerate() {
        let order_id = projections.next_order_id();
        let mut commands = vec![Command::PlaceOrder {
            customer_id: name.to_string(),
            total_amount: Money(1999 + i as i64),
        }];
        commands.extend(
            [
                Command::PayOrder,
                Command::ShipOrder {
                    carrier: "Post'NL".into(),
                    tracking_number: name.to_string(),
                },
            ]
            .into_iter()
            .take(i % 3),
        );
        if i % 4 == 3 {
            commands.push(Command::CancelOrder {
                reason: format!("changed mind: {name}"),
            });
        }
        for command in commands {
            let at = start + Duration::minutes(log.len() as i64);
            let order = projections.order(order_id);
            let events = decide_and_record(&order, &command, projections.next_event_id(), at)
                .unwrap_or_else(|r| panic!("{command:?} on {order:?}: {r}"));
            for event in events {
                projections.apply(&event);
                log.push(event);
            }
        }
    }
    log
}

#[test]
fn generated_scripts_recreate_both_databases_in_postgresql() {
    let Some(bin) = find_bin_dir() else {
        // `.ci/test` installs PostgreSQL and sets this, so in CI the check can never be skipped.
        assert!(
            std::env::var_os("REQUIRE_POSTGRES").is_none(),
            "REQUIRE_POSTGRES is set but PostgreSQL's server is not installed"
        );
        eprintln!("PostgreSQL is not installed: skipping the real-database check.");
        return;
    };
    let server = Server::start(bin);
    let log = hostile_log();
    let table = TraditionalTable::rebuild(&log);
    server.psql(
        "postgres",
        "CREATE DATABASE traditional;\nCREATE DATABASE event_sourced;\n",
    );
    server.psql("traditional", &traditional_script(&table));
    server.psql("event_sourced", &event_sourced_script(&log));

    let expected_rows: String = table
        .rows()
        .map(|row| {
            format!(
                "{}|{}|{}|{}\n",
                row.order_id,
                hex(&row.customer_id.replace('\0', "\u{FFFD}")),
                row.total_amount,
                row.status
            )
        })
        .collect();
    let actual_rows = server.psql(
        "traditional",
        "SELECT order_id, encode(convert_to(customer_id, 'UTF8'), 'hex'), total_amount, status \
         FROM orders ORDER BY order_id;",
    );
    assert_eq!(actual_rows, expected_rows);

    // Every event arrived, and the JSON kept each hostile name byte for byte.
    let expected_events: String = log
        .iter()
        .map(|e| format!("{}|{}|{}\n", e.event_id, e.order_id, e.event.event_type()))
        .collect();
    let actual_events = server.psql(
        "event_sourced",
        "SELECT event_id, order_id, event_type FROM order_events ORDER BY event_id;",
    );
    assert_eq!(actual_events, expected_events);
    let expected_names: String = HOSTILE_NAMES
        .iter()
        .map(|n| format!("{}\n", hex(&n.trim().replace('\0', "\u{FFFD}"))))
        .collect();
    let actual_names = server.psql(
        "event_sourced",
        "SELECT encode(convert_to(event_data->>'customer_id', 'UTF8'), 'hex') FROM order_events \
         WHERE event_type = 'OrderPlaced' ORDER BY event_id;",
    );
    assert_eq!(actual_names, expected_names);

    // The derived state agrees: the latest event per order gives the traditional status.
    let latest = server.psql(
        "event_sourced",
        "SELECT DISTINCT ON (order_id) order_id, event_type FROM order_events \
         ORDER BY order_id, event_id DESC;",
    );
    assert_eq!(latest.lines().count(), table.rows().count());
}
