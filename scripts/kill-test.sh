#!/usr/bin/env bash
# Kill test: SIGKILL `minqing run` at random moments and check that nothing is ever half-done
# (README "Nothing half-done"). Builds a release binary, prepares a workspace with two committed months
# (SampleData 2026-09, then a generated 20,000-demand 2026-10), and RUNS times (default 100) starts
# `minqing run --month 2026-10` on a different generated input (10,000 demands, other 编号), so that a
# completed run changes the database and all three reports, and kills it with SIGKILL after a delay
# drawn uniformly from [0, one full run's duration) with a seeded RNG. After each kill:
#
#   - `PRAGMA integrity_check` is ok (Python's sqlite3);
#   - the 2026-10 ingest count in the `ingest` table tells whether the kill came before or after the
#     commit. Before: the main database file and the three 2026-10 reports are byte-identical to the
#     baseline (sha256), and the month still holds the baseline's demands. After: the month holds the
#     new input's demands and the reports are the new complete ones (the workbook passes zipfile's
#     testzip, the Markdown ends with its footer line, and the three are byte-identical to a reference
#     run). A kill in the documented moment between the commit and the renames (old reports, new data)
#     is counted apart, repaired with `minqing report`, and is not a failure;
#   - the 2026-09 reports never change, and no file other than the reports and hidden temporary files
#     appears in the report folder.
#
# Then KILL_NEAR_COMMIT (default 20) more runs are killed where the uniform delays rarely land: at a
# delay uniform in [0, T) after the run logs its last report stage (`report: Markdown and 数据问题`,
# at --log-level debug), T being how long the reference run took from there to its exit — the
# commit, the renames and closing the database, about 0.04 s of a 1.6 s run.
#
# After every kill that left temporary files in the report folder, every 10 kills and at the end, a
# run goes to completion: it must remove the temporary files the killed run left behind and leave
# none of its own, and write the reference reports. Prints a summary and exits 1 on any failure.
#
#   scripts/kill-test.sh                 # 100 runs
#   scripts/kill-test.sh 20              # 20 runs
#   KILL_SEED=7 scripts/kill-test.sh     # another seed (the default is printed; same seed, same delays)
#   SCRATCH_PATH=.build-faults scripts/kill-test.sh   # swift build --scratch-path
#   MINQING_BIN=/path/to/minqing scripts/kill-test.sh # skip the build
#   KILL_DIR=/tmp/kill scripts/kill-test.sh           # keep the workspace and logs there
#   KILL_ROWS=20000 KILL_INPUT_ROWS=10000             # the baseline month's and the killed runs' sizes
#   KILL_NEAR_COMMIT=0 scripts/kill-test.sh           # only the uniform delays
#   KILL_CACHE_MB=128 scripts/kill-test.sh            # SQLite's page cache for the runs (default 2 MB, so a
#                                                     # run writes the database file long before its commit)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-100}"
seed="${KILL_SEED:-20261001}"

if [ -z "${MINQING_BIN:-}" ]; then
  scratch=()
  [ -n "${SCRATCH_PATH:-}" ] && scratch=(--scratch-path "$SCRATCH_PATH")
  echo "kill-test: building release (swift build -c release ${scratch[*]})" >&2
  swift build -c release "${scratch[@]}" >&2
  MINQING_BIN="$(swift build -c release "${scratch[@]}" --show-bin-path)/minqing"
fi
work="${KILL_DIR:-$(mktemp -d -t minqing-kill-XXXXXX)}"
mkdir -p "$work"

exec python3 - "$MINQING_BIN" "$work" "$runs" "$seed" "${KILL_ROWS:-20000}" "${KILL_INPUT_ROWS:-10000}" "${KILL_NEAR_COMMIT:-20}" "${KILL_CACHE_MB:-2}" <<'PYTHON'
import hashlib, os, random, shutil, signal, sqlite3, subprocess, sys, time, zipfile

binary, work = sys.argv[1], sys.argv[2]
runs, seed, rows, input_rows, near = (int(a) for a in sys.argv[3:8])
cache_mb = sys.argv[8]
root = os.getcwd()
seeds = os.path.join(root, "seeds")
month = "2026-10"
names = [f"民情月报-{month}.xlsx", f"民情月报-{month}.md", f"数据问题-{month}.csv", f"督办清单-{month}.xlsx"]
september = ["民情月报-2026-09.xlsx", "民情月报-2026-09.md", "数据问题-2026-09.csv", "督办清单-2026-09.xlsx"]
check_every = 10

def log(text):
    print(text, flush=True)

def sha(path):
    if not os.path.exists(path):
        return "missing"
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()

def generate(count, gen_seed, bad, start, path):
    if not os.path.exists(path):
        subprocess.run([sys.executable, "scripts/gen_demands.py", "--seeds", seeds, "--month", month, "--rows", str(count),
                        "--seed", str(gen_seed), "--bad-rows", str(bad), "--start-id", str(start), "--out", path], check=True)

class Space:
    def __init__(self, directory):
        self.dir = directory
        self.db = os.path.join(directory, "minqing.sqlite")
        self.out = os.path.join(directory, "reports")
        self.reports = os.path.join(self.out, month)

    def args(self, command, inputs, level="debug"):
        return [binary, command, "--month", month, "--seeds", seeds, "--db", self.db, "--out", self.out, "--log-level", level] + inputs

    def report_digests(self):
        return {n: sha(os.path.join(self.reports, n)) for n in names}

    def september_digests(self):
        return {n: sha(os.path.join(self.out, "2026-09", n)) for n in september}

    def hidden(self):
        return sorted(n for n in os.listdir(self.reports) if n.startswith("."))

    def strangers(self):
        return sorted(n for n in os.listdir(self.reports) if not n.startswith(".") and n not in names)

def facts(db):
    """integrity_check, 2026-10 ingests, 2026-10 demands (opening the database rolls back a hot -journal)."""
    c = sqlite3.connect(db)
    try:
        integrity = "\n".join(r[0] for r in c.execute("PRAGMA integrity_check"))
        ingests = c.execute("SELECT count(*) FROM ingest WHERE month = ?", (month,)).fetchone()[0]
        demands = c.execute("SELECT count(*) FROM demand WHERE month = ?", (month,)).fetchone()[0]
    finally:
        c.close()
    return integrity, ingests, demands

def logged(stderr_path, stage):
    with open(stderr_path, "rb") as f:
        return ("stage " + stage + ":").encode() in f.read()

def run(args, stderr_path, kill_after=None, after_stage=None):
    """Runs minqing; with kill_after, sends SIGKILL that many seconds after the start, or after the run
    logs `after_stage` (if still running)."""
    with open(stderr_path, "wb") as err:
        started = time.monotonic()
        env = dict(os.environ, MINQING_SQLITE_CACHE_MB=cache_mb)
        p = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, cwd=work, env=env)
        killed_at = None
        if kill_after is not None:
            origin = started
            if after_stage is not None:
                while p.poll() is None and not logged(stderr_path, after_stage):
                    time.sleep(0.001)
                origin = time.monotonic()
            remaining = origin + kill_after - time.monotonic()
            if remaining > 0:
                try:
                    p.wait(timeout=remaining)
                except subprocess.TimeoutExpired:
                    pass
            if p.poll() is None:
                killed_at = time.monotonic() - started
                p.send_signal(signal.SIGKILL)
        code = p.wait()
        return code, time.monotonic() - started, killed_at

def stages(stderr_path):
    result = []
    with open(stderr_path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if "stage " in line:
                name = line.split("stage ", 1)[1].rsplit(": ", 1)[0]
                result.append(name)
    return result

STAGE_PHASE = {  # the last stage logged → where the run was when it was killed
    None: "start-up and reading the input",
    "ingest: read, check, classify and store": "ingest: repeat demands, corrections, history",
    "ingest: repeat demands, corrections, history": "report: gathering",
    "report: gather": "report: scores and workbook",
    "report: score and workbook": "report: Markdown, 数据问题 and fsync",
    "report: Markdown and 数据问题": "the commit",
    "commit": "renaming the reports",
    "rename reports": "closing the database",
    "database close": "exiting",
}
COMMITTED_STAGES = {"commit", "rename reports", "database close"}

def structure_problems(space):
    """The new reports are complete: the workbooks are sound zips, the Markdown ends with its footer."""
    problems = []
    for name in (names[0], names[3]):
        try:
            with zipfile.ZipFile(os.path.join(space.reports, name)) as z:
                bad = z.testzip()
                if bad is not None:
                    problems.append(f"{name}: member {bad} is corrupt")
                if "xl/workbook.xml" not in z.namelist():
                    problems.append(f"{name}: no xl/workbook.xml")
        except Exception as e:
            problems.append(f"{name}: not a zip file ({e})")
    with open(os.path.join(space.reports, names[1]), "rb") as f:
        text = f.read().decode("utf-8", errors="replace")
    lines = text.rstrip("\n").split("\n")
    if len(lines) < 2 or lines[-2] != "---" or "民情月报" not in lines[-1] or "由 minqing" not in lines[-1]:
        problems.append(f"{names[1]}: does not end with the footer (last line: {lines[-1][:80]!r})")
    with open(os.path.join(space.reports, names[2]), "rb") as f:
        if not f.read().endswith(b"\n"):
            problems.append(f"{names[2]}: does not end with a line break (its last row is cut)")
    return problems

# ---------------------------------------------------------------------------------------------
log(f"kill-test: seed {seed}, {runs} + {near} runs, binary {binary}, work folder {work}")
inputs = os.path.join(work, "inputs")
os.makedirs(inputs, exist_ok=True)
baseline_input = os.path.join(inputs, f"baseline-{month}-{rows}.csv")
kill_input = os.path.join(inputs, f"corrected-{month}-{input_rows}.csv")
generate(rows, 1, 5, 1, baseline_input)
generate(input_rows, 2, 7, rows + 1, kill_input)

# The baseline workspace: 2026-09 (sample) and 2026-10 (generated), both committed.
space = Space(os.path.join(work, "ws"))
shutil.rmtree(space.dir, ignore_errors=True)
os.makedirs(space.dir)
for m, files in [("2026-09", [os.path.join(root, "SampleData/2026-09/群众诉求-2026-09.csv")]), (month, [baseline_input])]:
    args = space.args("run", files, level="warning")
    args[args.index("--month") + 1] = m
    code, seconds, _ = run(args, os.path.join(work, f"baseline-{m}.stderr"))
    if code != 0:
        sys.exit(f"kill-test: the baseline run of {m} failed with status {code}; see {work}/baseline-{m}.stderr")
saved = os.path.join(work, "baseline")
shutil.rmtree(saved, ignore_errors=True)
os.makedirs(saved)
shutil.copy2(space.db, os.path.join(saved, "minqing.sqlite"))
for n in names:
    shutil.copy2(os.path.join(space.reports, n), os.path.join(saved, n))
base_db = sha(space.db)
base_reports = space.report_digests()
base_september = space.september_digests()
base_integrity, base_ingests, base_demands = facts(space.db)
assert base_integrity == "ok", base_integrity
assert sha(space.db) == base_db, "opening the baseline database changed it"
journal_left = os.path.exists(space.db + "-journal")
log(f"baseline: 2026-10 holds {base_demands} demands from {base_ingests} ingest(s); database {os.path.getsize(space.db):,} bytes, "
    f"sha256 {base_db[:16]}…; -journal left: {journal_left}")
for n in names:
    log(f"  {n}: {os.path.getsize(os.path.join(space.reports, n)):,} bytes, sha256 {base_reports[n][:16]}…")

def restore():
    """The baseline database (no -journal) and reports; temporary files are left where they are."""
    for suffix in ("-journal", "-wal", "-shm"):
        if os.path.exists(space.db + suffix):
            os.unlink(space.db + suffix)
    shutil.copy2(os.path.join(saved, "minqing.sqlite"), space.db)
    for n in names:
        shutil.copy2(os.path.join(saved, n), os.path.join(space.reports, n))

# Two complete runs of the new input: the reference reports (the same bytes both times), the
# duration the kills are spread over, and when the commit is logged (for the kills aimed at it).
LAST_STAGE_BEFORE_COMMIT = "report: Markdown and 数据问题"

def run_watching(args, stderr_path):
    """A complete run; also when it logged the last stage before the commit, and the commit."""
    with open(stderr_path, "wb") as err:
        started = time.monotonic()
        env = dict(os.environ, MINQING_SQLITE_CACHE_MB=cache_mb)
        p = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=err, cwd=work, env=env)
        seen = {}
        while p.poll() is None:
            for stage in (LAST_STAGE_BEFORE_COMMIT, "commit"):
                if stage not in seen and logged(stderr_path, stage):
                    seen[stage] = time.monotonic() - started
            time.sleep(0.001)
        return p.wait(), time.monotonic() - started, seen

durations, tails, commits, reference = [], [], [], None
for i in range(2):
    restore()
    code, seconds, seen = run_watching(space.args("run", [kill_input]), os.path.join(work, f"reference-{i}.stderr"))
    if code != 0:
        sys.exit(f"kill-test: the reference run failed with status {code}; see {work}/reference-{i}.stderr")
    durations.append(seconds)
    if LAST_STAGE_BEFORE_COMMIT in seen and "commit" in seen:
        tails.append(seconds - seen[LAST_STAGE_BEFORE_COMMIT])
        commits.append(seen["commit"] - seen[LAST_STAGE_BEFORE_COMMIT])
    digests = space.report_digests()
    if reference is not None and digests != reference:
        sys.exit("kill-test: two complete runs of the same input gave different reports; cannot compare bytes")
    reference = digests
    problems = structure_problems(space)
    if problems:
        sys.exit("kill-test: the reference reports are not complete: " + "; ".join(problems))
    new_integrity, new_ingests, new_demands = facts(space.db)
    assert new_integrity == "ok" and new_ingests == base_ingests + 1, (new_integrity, new_ingests)
    if space.hidden():
        sys.exit(f"kill-test: a complete run left temporary files: {space.hidden()}")
full = sum(durations) / len(durations)
if not tails:
    sys.exit("kill-test: the reference runs did not log their stages (--log-level debug)")
tail = max(tails)
commit = sum(commits) / len(commits)
log(f"complete run of the new input ({input_rows:,} demands): {', '.join(f'{d:.2f} s' for d in durations)}; "
    f"from the stage «{LAST_STAGE_BEFORE_COMMIT}» to the exit: {', '.join(f'{t * 1000:.0f} ms' for t in tails)} "
    f"(commit logged after {', '.join(f'{c * 1000:.0f} ms' for c in commits)}); 2026-10 then holds {new_demands} demands from {new_ingests} ingests")
log(f"  stages: {' → '.join(stages(os.path.join(work, 'reference-1.stderr')))}")
log(f"kill delays: {runs} uniform in [0, {full:.2f} s) from the start, and {near} uniform in [0, {tail * 1000:.0f} ms) "
    f"after the run logs «{LAST_STAGE_BEFORE_COMMIT}» (commit, renames, close); random.Random({seed})")

rng = random.Random(seed)
SERIES = ("uniform", "near the commit")
counts = {series: {"before": 0, "window": 0, "after": 0, "completed": 0, "error": 0} for series in SERIES}
by_stage = {}
failures = []
checks = 0
stale_removed = 0
hidden_max = 0
rolled_back = 0
started_all = time.monotonic()

def fail(text):
    failures.append(text)
    log("  FAIL " + text)

def follow_up(label):
    """A run to completion: removes the killed runs' temporary files and leaves none of its own."""
    global checks, stale_removed
    restore()
    stale = space.hidden()
    code, seconds, _ = run(space.args("run", [kill_input]), os.path.join(work, "follow-up.stderr"))
    checks += 1
    left = space.hidden()
    if code != 0:
        fail(f"{label}: the follow-up run exited {code}")
    if left:
        fail(f"{label}: temporary files remain after a successful run: {left}")
    else:
        stale_removed += len(stale)
    if space.report_digests() != reference:
        fail(f"{label}: the follow-up run's reports differ from the reference")
    integrity, ingests, _ = facts(space.db)
    if integrity != "ok" or ingests != base_ingests + 1:
        fail(f"{label}: after the follow-up run: integrity {integrity}, {ingests} ingests")
    log(f"  follow-up run: exit {code} in {seconds:.2f} s; removed {len(stale)} temporary file(s) of killed runs; left {len(left)}")

def kill_once(label, delay, series):
    """Starts a run, kills it after `delay` seconds, and checks what it left; returns the hidden files."""
    global hidden_max, rolled_back
    restore()
    stderr_path = os.path.join(work, "kill.stderr")
    after = LAST_STAGE_BEFORE_COMMIT if series == "near the commit" else None
    code, seconds, killed_at = run(space.args("run", [kill_input]), stderr_path, kill_after=delay, after_stage=after)
    # Before anything opens the database: was the file written (pages the cache could not hold), and
    # is a -journal left? Opening it (facts() below) rolls an interrupted transaction back.
    written_before_open = sha(space.db) != base_db
    journal_left = os.path.exists(space.db + "-journal")
    logged = stages(stderr_path)
    last = logged[-1] if logged else None
    where = STAGE_PHASE.get(last, f"after stage {last}")
    reports = space.report_digests()
    hidden = space.hidden()
    hidden_max = max(hidden_max, len(hidden))
    if space.strangers():
        fail(f"{label}: unexpected files in the report folder: {space.strangers()}")
    if space.september_digests() != base_september:
        fail(f"{label}: the 2026-09 reports changed")
    try:
        integrity, ingests, demands = facts(space.db)
    except Exception as e:
        integrity, ingests, demands = f"cannot open: {e}", -1, -1
    db_digest = sha(space.db)
    if integrity != "ok":
        fail(f"{label}: PRAGMA integrity_check says {integrity}")

    if code == 0:  # finished before the signal (or just as it was sent: it then reaps an exited process)
        phase = "completed"
        if ingests != base_ingests + 1 or demands != new_demands or reports != reference:
            fail(f"{label}: the run finished before the kill, but the month or the reports are not the new ones")
    elif code != -signal.SIGKILL:
        phase = "error"
        fail(f"{label}: the run exited {code} by itself (see {stderr_path})")
    elif ingests == base_ingests:
        phase = "before"
        if last in COMMITTED_STAGES:
            fail(f"{label}: the run logged stage «{last}» but the database does not hold its ingest")
        if db_digest != base_db:
            fail(f"{label}: killed before the commit, but the main database file differs once SQLite has opened it")
        if written_before_open:
            rolled_back += 1
        if demands != base_demands:
            fail(f"{label}: killed before the commit, but 2026-10 holds {demands} demands, not {base_demands}")
        for n in names:
            if reports[n] != base_reports[n]:
                fail(f"{label}: killed before the commit, but {n} changed ({where})")
    elif ingests == base_ingests + 1:
        phase = "after"
        if demands != new_demands:
            fail(f"{label}: killed after the commit, but 2026-10 holds {demands} demands, not {new_demands}")
        if reports != reference:
            # The documented moment between the commit and the renames: each report old or new, and
            # `minqing report` writes the new ones.
            phase = "window"
            mixed = [n for n in names if reports[n] not in (base_reports[n], reference[n])]
            if mixed:
                fail(f"{label}: killed after the commit; {mixed} are neither the old nor the new report")
            code_r, _, _ = run(space.args("report", []), os.path.join(work, "repair.stderr"))
            if code_r != 0 or space.report_digests() != reference:
                fail(f"{label}: minqing report did not write the new reports after a kill between commit and renames")
        for problem in structure_problems(space):
            fail(f"{label}: killed after the commit: {problem}")
    else:
        phase = "error"
        fail(f"{label}: 2026-10 has {ingests} ingests (baseline {base_ingests})")

    counts[series][phase] += 1
    if phase not in ("completed", "error"):
        key = (series, "before" if phase == "before" else "after", where)
        by_stage[key] = by_stage.get(key, 0) + 1
    how = f"killed at {killed_at:.3f} s" if code == -signal.SIGKILL else f"exit {code} after {seconds:.3f} s"
    if after and code == -signal.SIGKILL:
        how += f" ({delay * 1000:.0f} ms after «{after}»)"
    log(f"{label}: {how}, during {where}; {phase}; 2026-10 ingests {ingests}; temporary files now {len(hidden)}")
    return hidden

plan = [("uniform", rng.uniform(0, full)) for _ in range(runs)] + [("near the commit", rng.uniform(0, tail)) for _ in range(near)]
for i, (series, delay) in enumerate(plan, 1):
    label = f"run {i} ({series}): delay {delay:.3f} s"
    hidden = kill_once(label, delay, series)
    if hidden or i % check_every == 0 or i == len(plan):
        follow_up(label)

elapsed = time.monotonic() - started_all
order = list(STAGE_PHASE.values())
log("")
log("== kill-test summary")
log(f"seed {seed}; binary {binary}")
log(f"baseline: 2026-09 (sample) + 2026-10 ({rows:,} generated demands); killed runs: {input_rows:,} other demands; "
    f"one complete run {full:.2f} s, of which {tail * 1000:.0f} ms from the last report stage to the exit")
log(f"runs: {len(plan)} in {elapsed:.0f} s ({runs} with delays uniform over the run, {near} around the commit)")
for series in SERIES:
    c = counts[series]
    if sum(c.values()) == 0:
        continue
    log(f"{series}: killed before the commit {c['before']}; killed after the commit {c['after'] + c['window']} "
        f"(of them between the commit and the renames, repaired by minqing report: {c['window']}); finished before the kill {c['completed']}")
log("kill points by phase (the last stage the run logged):")
for (series, side, where), n in sorted(by_stage.items(), key=lambda kv: (SERIES.index(kv[0][0]), order.index(kv[0][2]) if kv[0][2] in order else 99, kv[0][1])):
    log(f"  {series:16s} {n:4d}  {where}  ({side} the commit)")
left_behind = sum(1 for f in failures if "temporary files remain" in f)
log(f"killed before the commit with pages already in the database file (page cache {cache_mb} MB), rolled back by SQLite when next opened: {rolled_back}")
log(f"follow-up complete runs: {checks}; temporary files of killed runs they removed: {stale_removed} (at most {hidden_max} waiting at once); runs that left temporary files: {left_behind}")
log(f"failures: {len(failures)}")
for f in failures[:20]:
    log(f"  {f}")
sys.exit(1 if failures else 0)
PYTHON
