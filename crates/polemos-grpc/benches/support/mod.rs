//! What the gRPC benches share: settings from the environment and the process's CPU time.

/// The environment variable `name` parsed, or `default` when unset or unparsable.
pub fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// CPU seconds this process (server, client and all) has used, from `/proc/self/stat`
/// (utime + stime at 100 ticks a second); 0 where that cannot be read.
#[allow(dead_code)] // not every bench measures CPU
pub fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or_default();
    let f: Vec<u64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0))
        .collect();
    // After the name: state is field 3, utime and stime fields 14 and 15 (1-based overall).
    #[allow(clippy::cast_precision_loss)] // tick counts far below 2^52
    let ticks = (f.get(11).copied().unwrap_or(0) + f.get(12).copied().unwrap_or(0)) as f64;
    ticks / 100.0
}
