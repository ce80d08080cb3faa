# Sourced by .ci/run and scripts/test.sh: `phase NAME` starts a phase (ending the one before) and
# prints its heading; `phases_summary` ends the last one and prints a table. Each phase reports
# its wall time and the CPU time (user + system) of the commands it ran, so a CI log shows where
# the time goes: on 2 idle cores a compile phase's wall time is about half its CPU time, a serial
# phase's about all of it.
#
# The CPU figure is bash's `times` for finished children, read in this shell (in a subshell it
# would start from zero); a background job counts in the phase that waits for it.

phases_file=$(mktemp)
phases_rows=()
phase_name=""

phases_cpu() {
  times >"$phases_file"
  # Second line: the children's user and system time, as "1m2.345s 0m6.789s".
  phases_cpu_now=$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/);
    t += a[1] * 60 + a[2] } printf "%.0f", t }' "$phases_file")
}

phase_end() {
  [ -n "$phase_name" ] || return 0
  phases_cpu
  local wall=$((SECONDS - phase_start)) cpu=$((phases_cpu_now - phase_cpu_start))
  printf -- '-- %s: %d s wall, %d s CPU\n' "$phase_name" "$wall" "$cpu"
  phases_rows+=("$(printf '%6d %6d  %s' "$wall" "$cpu" "$phase_name")")
  phase_name=""
}

phase() {
  phase_end
  phase_name=$*
  phase_start=$SECONDS
  phases_cpu
  phase_cpu_start=$phases_cpu_now
  printf '\n== %s\n' "$*"
}

phases_summary() {
  phase_end
  printf '\n%6s %6s  %s\n' "wall s" "CPU s" "phase"
  printf '%s\n' "${phases_rows[@]}"
  rm -f "$phases_file"
}
