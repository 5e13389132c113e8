#!/usr/bin/env bash
# Fuzzes the CSV reader, the date parser, the header matcher (issue #5) and the .xlsx and .xls readers
# (issue 12) with libFuzzer. (The .xls target fuzzes minqing's side of the .xls reader process: the
# process itself, FreeXL, is a release build of minqing-xls named in MINQING_XLS_READER.)
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET]     (default 60)
#
# Builds the Fuzz/ package with `-sanitize=fuzzer,address` into Fuzz/.build-fuzz (release: -O keeps
# Swift's bounds, overflow and precondition traps, MinqingKit has no assert(), and the CSV target runs
# 5-10 times as many inputs per second as in a debug build; -enable-testing lets the harnesses use
# MinqingKit's internal types), then runs FuzzCSV, FuzzDates, FuzzHeaders, FuzzXLSX and FuzzXLS one after
# the other, each for SECONDS_PER_TARGET seconds, with inputs of at most 4096 bytes (16384 for the
# workbook targets) and a 5-second limit per input (a slower input counts as a hang). Each target's
# corpus lives in Fuzz/.build-fuzz/corpus/TARGET (kept between runs, so later runs start where earlier
# ones stopped) and is seeded from Tests/Fixtures/bad-input/*.csv, Tests/Fixtures/e2e/*.csv and
# SampleData/**/*.csv, or for the workbook targets from Tests/Fixtures/forms and the workbooks
# Tests/Fixtures/forms/make_workbooks.py writes (copies: nothing is written into the repository). Logs go to
# Fuzz/.build-fuzz/logs/TARGET.log, crash reproducers to Fuzz/.build-fuzz/artifacts/TARGET/.
#
# Prints, per target, the seconds run, executions, corpus size, final coverage and features, and the
# crashes found; exits 1 when any target crashed, hung, ran out of memory or leaked.
#
# The targets run one at a time (the machine has 2 cores). Environment:
#   FUZZ_CONFIGURATION=debug   build with -c debug instead of -c release
#   FUZZ_TARGETS="FuzzCSV"     run only these targets
#   FUZZ_EXTRA_ARGS="-seed=1"  more libFuzzer flags
#   ASAN_OPTIONS               default malloc_context_size=0 (no allocation stacks: about 1.5 times the
#                              executions); run a reproducer with ASAN_OPTIONS= for the full report
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]] || (( seconds < 1 )); then
    echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
    exit 2
fi

scratch=$root/Fuzz/.build-fuzz
read -r -a targets <<<"${FUZZ_TARGETS:-FuzzCSV FuzzDates FuzzHeaders FuzzXLSX FuzzXLS}"
configuration=${FUZZ_CONFIGURATION:-release}

build() {
    # -enable-testing: the harnesses reach MinqingKit's internal parsers through `@testable import`.
    swift build --package-path Fuzz -c "$configuration" -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
        --scratch-path "$scratch" "$@"
}
mkdir -p "$scratch"
# One run at a time: two runs would share the corpora and overwrite each other's logs (and so each
# other's reported figures).
exec 9>"$scratch/fuzz.lock"
if ! flock -n 9; then
    echo "another scripts/fuzz.sh is running (lock: ${scratch#"$root"/}/fuzz.lock); wait for it to finish" >&2
    exit 1
fi
echo "== building the fuzzers ($configuration, -sanitize=fuzzer,address)"
# One retry: another build touching Sources/ at the same moment makes swift-build stop with
# "input file ... was modified during the build".
# Only the targets to run are built (a harness that no longer builds does not stop the others).
build_targets() {
    local product
    for product in "${targets[@]}"; do build --product "$product" || return 1; done
}
if ! build_targets >"$scratch/build.log" 2>&1 && ! build_targets >"$scratch/build.log" 2>&1; then
    tail -40 "$scratch/build.log" >&2
    echo "fuzz build failed (full log: ${scratch#"$root"/}/build.log)" >&2
    exit 1
fi
bin=$(build --show-bin-path)
# FuzzXLS starts the .xls reader (minqing-xls) as minqing does: an ordinary release build of it, for
# FreeXL is not what is fuzzed (it runs in that process so that its crashes are refusals).
if [[ " ${targets[*]} " == *" FuzzXLS "* ]]; then
    if ! swift build -c release --product minqing-xls >>"$scratch/build.log" 2>&1; then
        tail -20 "$scratch/build.log" >&2
        echo "building minqing-xls failed (full log: ${scratch#"$root"/}/build.log)" >&2
        exit 1
    fi
    xls_reader=$(swift build -c release --show-bin-path)/minqing-xls
    export MINQING_XLS_READER=$xls_reader
fi

# Seed files, the same for every target: each one is a whole input. For the date parser and the header
# matcher, also the single date-like cells and the header lines of the same files.
seeds=()
shopt -s nullglob globstar
for f in Tests/Fixtures/bad-input/*.csv Tests/Fixtures/e2e/*.csv SampleData/**/*.csv; do seeds+=("$f"); done
shopt -u nullglob globstar
(( ${#seeds[@]} > 0 )) || { echo "no seed files found" >&2; exit 1; }

# Dictionaries: the tokens each parser looks for (UTF-8 bytes written as \xNN).
dicts=$scratch/dicts
mkdir -p "$dicts"
dict_entry() {  # dict_entry TEXT → kw="\xNN..." for any text
    printf 'kw="%s"\n' "$(printf '%s' "$1" | od -An -v -tx1 | tr -s ' \n' ' ' | sed 's/^ //; s/ $//; s/ /\\x/g; s/^/\\x/')"
}
{
    for t in ',' '"' '""' $'\r' $'\n' $'\r\n' $'\xef\xbb\xbf' $'\xff\xfe' '中' '，' '𠀀' $'\x81\x30\x81\x30' $'\xd6\xd0'; do
        dict_entry "$t"
    done
    echo 'kw="\x00"'
} >"$dicts/FuzzCSV.dict"
{
    for t in '-' '/' '.' ':' ' ' 'T' '年' '月' '日' '号' '０' '９' '－' '／' '．' '：' $'\u3000' $'\u00a0' \
             '2026' '1900' '2100' '02' '29' '30' '31' '12' '13' '23:59:59' '24:00' '.123' \
             '时' '点' '分' '秒' '上午' '下午' '晚上' '46300' '60' '73415' '.5' '20261103'; do
        dict_entry "$t"
    done
} >"$dicts/FuzzDates.dict"
{
    for t in 编号 受理日期 渠道 诉求内容 办理状态 诉求人 联系电话 人数 乡镇 村社区 涉及领域 等级 主管部门 办结日期 满意度 \
             id received channel content status petitioner phone headcount township village domain grade \
             department resolved satisfaction ID Received STATUS ',' $'\n' $'\r\n' ' ' $'\t' $'\u3000' $'\ufeff' $'\u00a0'; do
        dict_entry "$t"
    done
} >"$dicts/FuzzHeaders.dict"
{
    for t in '<row' '</row>' '<c' '</c>' '<v>' '</v>' '<is>' '<t>' '</t>' '<r>' '<rPh>' '<f>' '<sheetData>' \
             '</sheetData>' ' r="' ' s="' ' t="' '"s"' '"inlineStr"' '"str"' '"b"' '"e"' '"d"' 'A1' 'XFD1048576' \
             '1048577' '<si>' '</si>' '<numFmt numFmtId="' ' formatCode="' '<cellXfs>' '<xf numFmtId="' '<!DOCTYPE' \
             '<!ENTITY' '&amp;' '&#' '<![CDATA[' 'yyyy' '[h]' '\\' '"' '1E+308' '2958466' '60' \
             $'PK\x03\x04' $'PK\x01\x02' $'PK\x05\x06'; do
        dict_entry "$t"
    done
    echo 'kw="\x00"'
} >"$dicts/FuzzXLSX.dict"
{
    # BIFF8 record types (BOF, EOF, BOUNDSHEET, SST, LABELSST, NUMBER, RK, MULRK, FILEPASS, DATEMODE, XF,
    # FORMAT, DIMENSION), the OLE2 signature and its free and end-of-chain sector markers; the frame kinds
    # a reader writes (B, R, Z, E) and a row header.
    for kw in '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' '\x09\x08' '\x0a\x00' '\x85\x00' '\xfc\x00' '\xfd\x00' \
              '\x03\x02' '\x7e\x02' '\xbd\x00' '\x2f\x00' '\x22\x00' '\xe0\x00' '\x1e\x04' '\x00\x02' \
              '\xfe\xff\xff\xff' '\xff\xff\xff\xff' '\x00\x00' 'B' 'R' 'Z' 'E' '\x00\x00\x01\x00'; do
        printf 'kw="%s"\n' "$kw"
    done
} >"$dicts/FuzzXLS.dict"

# The workbook seeds: the committed fixtures, and what make_workbooks.py writes (without its large hostile
# files) when python3 and openpyxl are there.
workbooks=$scratch/workbooks
rm -rf "$workbooks"
mkdir -p "$workbooks"
cp Tests/Fixtures/forms/*.xlsx Tests/Fixtures/forms/*.xls "$workbooks"/
python3 Tests/Fixtures/forms/make_workbooks.py "$workbooks" >/dev/null 2>&1 \
    || echo "   (make_workbooks.py did not run: the workbook targets start from the committed fixtures)" >&2

seed_corpus() {  # seed_corpus TARGET DIR
    local target=$1 dir=$2
    mkdir -p "$dir"
    case $target in
        FuzzXLSX)
            # The first byte picks the harness's mode: 0 = a whole file, 1 = a sheet's XML, 3 = shared
            # strings and styles XML (see FuzzXLSX.swift).
            for f in "$workbooks"/*.xlsx; do
                [[ $(stat -c %s "$f") -le 16383 ]] || continue
                local id
                id=$(sha1sum <"$f" | cut -c1-16)
                { printf '\x00'; cat "$f"; } >"$dir/file-$id"
                if unzip -tq "$f" >/dev/null 2>&1; then
                    # (A part the workbook lacks is just left out: unzip's status does not count.)
                    { printf '\x01'; unzip -p "$f" xl/worksheets/sheet1.xml 2>/dev/null | head -c 16000 || true
                    } >"$dir/sheet-$id"
                    { printf '\x03'; unzip -p "$f" xl/sharedStrings.xml 2>/dev/null | head -c 8000 || true; printf '\x00'
                      unzip -p "$f" xl/styles.xml 2>/dev/null | head -c 8000 || true; } >"$dir/parts-$id"
                fi
            done
            return
            ;;
        FuzzXLS)
            # The first byte picks the harness's mode: 0 = a file for the reader process, 1 = the frames a
            # reader writes (see FuzzXLS.swift); the frames are the reader's own output for each seed.
            for f in "$workbooks"/*.xls Tests/Fixtures/forms/encrypted.xlsx; do
                local id
                id=$(sha1sum <"$f" | cut -c1-16)
                { printf '\x00'; cat "$f"; } >"$dir/file-$id"
                { printf '\x01'; "$xls_reader" "$f" | head -c 16000 || true; } >"$dir/frames-$id"
            done
            return
            ;;
    esac
    for f in "${seeds[@]}"; do
        cp "$f" "$dir/seed-$(printf '%s' "$f" | sha1sum | cut -c1-16)"
    done
    case $target in
        FuzzDates)
            # Every cell of the seed files that starts with four digits (full-width ones included).
            grep -ohE '(^|,)"?([0-9]|０|１|２|３|４|５|６|７|８|９){4}[^,"]{0,40}' "${seeds[@]}" 2>/dev/null \
                | sed -E 's/^,?"?//' | sort -u | head -500 | while IFS= read -r cell; do
                    printf '%s' "$cell" >"$dir/cell-$(printf '%s' "$cell" | sha1sum | cut -c1-16)"
                done || true
            ;;
        FuzzHeaders)
            for f in "${seeds[@]}"; do
                head -n 1 "$f" >"$dir/header-$(printf '%s' "$f" | sha1sum | cut -c1-16)"
            done
            ;;
    esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=0:detect_leaks=1}
# A Swift trap otherwise starts swift-backtrace, which ASan's interceptors crash and which then hangs on
# to this script's lock; libFuzzer's own handler reports the trap and keeps the input.
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
summary=()
failed=0
for target in "${targets[@]}"; do
    corpus=$scratch/corpus/$target
    artifacts=$scratch/artifacts/$target
    log=$scratch/logs/$target.log
    mkdir -p "$artifacts" "$(dirname "$log")" "$scratch/tmp"
    seed_corpus "$target" "$corpus"
    before=$(find "$artifacts" -type f | sort)
    echo "== $target: ${seconds}s, corpus $(find "$corpus" -type f | wc -l) files (log: ${log#"$root"/})"
    start=$(date +%s)
    set +e
    max_len=4096
    case $target in FuzzXLSX|FuzzXLS) max_len=16384 ;; esac
    # shellcheck disable=SC2086
    TMPDIR=$scratch/tmp "$bin/$target" "$corpus" \
        -max_total_time="$seconds" -max_len="$max_len" -timeout=5 -rss_limit_mb=2048 \
        -dict="$dicts/$target.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 \
        ${FUZZ_EXTRA_ARGS:-} >"$log" 2>&1
    rc=$?
    set -e
    # The harnesses' input files (libFuzzer may end with _Exit).
    rm -f "$scratch/tmp"/minqing-fuzzcsv-*.csv "$scratch/tmp"/minqing-fuzzxlsx-*.xlsx "$scratch/tmp"/minqing-fuzzxls-*.xls
    elapsed=$(( $(date +%s) - start ))
    execs=$(grep -oE '^stat::number_of_executed_units:[[:space:]]+[0-9]+' "$log" | awk '{print $2}' | tail -1 || true)
    last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
    cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$last")
    ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$last")
    rss=$(grep -oE '^stat::peak_rss_mb:[[:space:]]+[0-9]+' "$log" | awk '{print $2}' | tail -1 || true)
    size=$(find "$corpus" -type f | wc -l)
    new_artifacts=$(comm -13 <(printf '%s\n' "$before") <(find "$artifacts" -type f | sort) | sed '/^$/d')
    found=$(printf '%s' "$new_artifacts" | grep -c . || true)
    if (( rc != 0 && found == 0 )); then found=1; fi
    line=$(printf '%-12s %6ss %10s execs %8s exec/s  corpus %5s  cov %5s  ft %6s  peak %5s MB  crashes %s' \
        "$target" "$elapsed" "${execs:-?}" "$(( ${execs:-0} / (elapsed > 0 ? elapsed : 1) ))" "$size" \
        "${cov:-?}" "${ft:-?}" "${rss:-?}" "$found")
    echo "$line"
    summary+=("$line")
    if (( found > 0 )); then
        failed=1
        echo "-- $target failed (exit $rc):" >&2
        grep -E 'ERROR: |invariant violated|Fatal error|SUMMARY|Test unit written|#[0-9]+ 0x' "$log" | head -40 >&2
        while IFS= read -r crash; do
            [[ -n $crash ]] || continue
            echo "   reproduce: ASAN_OPTIONS= $bin/$target $crash" >&2
            echo "   minimise:  $bin/$target -minimize_crash=1 -max_total_time=60 $crash" >&2
        done <<<"$new_artifacts"
    fi
done

echo
echo "== fuzzing summary (${seconds}s per target, $configuration build, $(swift --version 2>/dev/null | head -1))"
printf '%s\n' "${summary[@]}"
exit "$failed"
