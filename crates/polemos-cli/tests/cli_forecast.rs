//! End-to-end tests of `polemos forecast`, driving the real binary on the shipped scenarios and on
//! a stored dispute.

use std::process::{Command, Output};

const SCENARIOS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/scenarios");
const KURIL: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../examples/dossiers/kuril-islands.json"
);

fn polemos(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args(args)
        .env_remove("POLEMOS_DB")
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn median_table_shows_the_ec_round_zero_numbers() {
    let o = polemos(&[
        "forecast",
        "--model",
        "median",
        &format!("{SCENARIOS}/ec-emissions.csv"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = stdout(&o);
    let row = out
        .lines()
        .find(|l| l.trim_start().starts_with("Position "))
        .expect("outcome row");
    let cells: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(
        cells,
        ["Position", "7.000", "7.000", "7.000", "7.390"],
        "{out}"
    );
}

#[test]
fn bdm_json_has_the_trace() {
    let o = polemos(&[
        "--json",
        "forecast",
        "--model",
        "bdm",
        "--rounds",
        "2",
        &format!("{SCENARIOS}/ec-emissions.csv"),
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["model"], "bdm");
    let rounds = v["rounds"].as_array().expect("rounds");
    assert_eq!(rounds.len(), 3, "round 0 and two rounds of offers");
    let first = &rounds[1]["moves"][0];
    for key in ["actor", "with", "kind", "reason", "from", "to"] {
        assert!(!first[key].is_null(), "move lacks {key}: {first}");
    }
}

#[test]
fn monte_carlo_is_reproducible_from_the_seed() {
    let args = [
        "--json",
        "forecast",
        "--model",
        "compromise",
        "--monte-carlo",
        "50",
        "--seed",
        "9",
        "--range",
        "6..8",
    ];
    let file = format!("{SCENARIOS}/ec-emissions.csv");
    let run = || {
        let mut a: Vec<&str> = args.to_vec();
        a.push(&file);
        let o = polemos(&a);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_slice::<serde_json::Value>(&o.stdout).expect("json")
    };
    let (a, b) = (run(), run());
    assert_eq!(a["forecasts"], b["forecasts"]);
    assert_eq!(a["forecasts"].as_array().map(Vec::len), Some(50));
    assert!(a["distributions"][0]["probability_in_range"].is_number());
}

/// A scenario file's Monte Carlo keeps to the engine's limits like a stored dispute's: an
/// invalid argument (exit 2) naming the flag as typed, before any draw.
#[test]
fn monte_carlo_options_past_the_engines_limits_are_invalid_arguments() {
    let file = format!("{SCENARIOS}/ec-emissions.csv");
    for (option, named) in [
        ("--monte-carlo=100001", "`--monte-carlo`"),
        ("--position-noise=1.5", "`--position-noise`"),
        ("--capability-noise=-0.2", "`--capability-noise`"),
    ] {
        let mut args = vec!["forecast", "--model", "median", option, file.as_str()];
        if !option.starts_with("--monte-carlo") {
            args.push("--monte-carlo=10");
        }
        let o = polemos(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{option}: {err}");
        assert!(err.contains(named), "{option}: {err}");
    }
}

/// Options that only shape Monte Carlo are refused without `--monte-carlo`, rather than
/// accepted and silently unused.
#[test]
fn monte_carlo_options_without_draws_are_refused() {
    let file = format!("{SCENARIOS}/ec-emissions.csv");
    for option in [
        "--position-noise=0.3",
        "--salience-noise=0.3",
        "--capability-noise=0.3",
        "--seed=4",
        "--range=6..8",
    ] {
        let o = polemos(&["forecast", "--model", "median", option, file.as_str()]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{option}: {err}");
        assert!(err.contains("--monte-carlo"), "{option}: {err}");
    }
    let plain = polemos(&["forecast", "--model", "median", file.as_str()]);
    assert!(
        plain.status.success(),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );
}

/// `--as-of` and `--revision` choose what a stored dispute's scenario is read from; a scenario
/// file has neither, so they are refused rather than ignored, as the Monte Carlo options are.
#[test]
fn dispute_options_on_a_scenario_file_are_refused() {
    let file = format!("{SCENARIOS}/ec-emissions.csv");
    for option in ["--as-of=2020-01-01", "--revision=1"] {
        let o = polemos(&["forecast", "--model", "median", option, file.as_str()]);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{option}: {err}");
        let flag = option.split('=').next().expect("flag");
        assert!(err.contains(flag), "{option}: {err}");
    }
}

#[test]
fn malformed_file_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("tmp");
    let path = dir.path().join("bad.csv");
    std::fs::write(
        &path,
        "Actor,Capability,Position,Salience\nA,1,5,0.5\nB,-2,5,0.5\n",
    )
    .expect("write");
    let o = polemos(&["forecast", "--model", "bdm", path.to_str().expect("utf8")]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("line 3, column `Capability`: expected a number >= 0, found `-2`"),
        "{err}"
    );
}

#[test]
fn forecasts_a_stored_dispute() {
    let dir = tempfile::tempdir().expect("tmp");
    let db = dir.path().join("p.db");
    let db = db.to_str().expect("utf8");
    let o = polemos(&["--db", db, "import", KURIL]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = polemos(&[
        "--db",
        db,
        "--json",
        "forecast",
        "--model",
        "compromise",
        "--dispute",
        "kuril-islands",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let dims = v["dimensions"].as_array().expect("dimensions");
    assert!(!dims.is_empty(), "one dimension per issue with stances");
    for o in v["outcome"].as_array().expect("outcome") {
        let x = o["forecast"].as_f64().expect("number");
        assert!((0.0..=100.0).contains(&x));
    }
    let o = polemos(&["--db", db, "forecast", "--dispute", "no-such-dispute"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("not found"));
}
