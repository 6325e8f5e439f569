"""The command line (DESIGN §5): exit codes, output formats and human errors.

Most tests run the typer app in process (CliRunner keeps stdout and stderr apart); a few run the
installed ``riskengine`` console script in a subprocess to check the real streams, stdin and the
absence of a progress bar when standard error is not a terminal.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from riskengine import Engine, load_ruleset
from riskengine.engine.backend import engine_definition
from riskengine.interfaces.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
SOCCER = FIXTURES / "contract_soccer.yaml"
DIAGNOSTIC_LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.+)$")

# Fires SOC-01 (fee 15% > 10% cap) and SOC-03 (PA, force_band critical); SOC-02/04/05 lack data.
SOC01_EVENT = {
    "kind": "agent_payment",
    "event_id": "e-1",
    "agent_id": "AG-9",
    "client_role": "releasing_club",
    "fee": 1500000,
    "transfer_compensation": 10000000,
    "country": "PA",
}
# Scored, nothing fired: a buying-club agent in a low-risk country.
CLEAN_EVENT = {
    "kind": "agent_payment",
    "event_id": "e-2",
    "agent_id": "AG-1",
    "client_role": "buying_club",
    "fee": 10,
    "transfer_compensation": 1000,
    "annual_remuneration": 100000,
    "country": "FR",
    "bids": [],
    "tags": [],
    "paid_on": "2024-05-01",
}
REJECTED_EVENT = {"kind": "agent_payment", "event_id": "e-3", "agent_id": "AG-2", "fee": "150"}

BAD_RULESET = """\
ruleset: bad
version: "1"
title: Bad ruleset
events:
  payment:
    entity: payer
    fields:
      payer: string
      fee: number
flags:
  - id: B-01
    title: Fee typo
    on: payment
    when: fe > 10
    severity: high
    weight: 5
  - id: B-02
    title: Kind typo
    on: paymnt
    when: fee > 10
    severity: high
    weight: 5
"""

GOOD_RULESET = """\
ruleset: tiny
version: "1"
title: Tiny ruleset
params:
  limit: 100
events:
  payment:
    entity: payer
    fields:
      payer: string
      fee: number
flags:
  - id: T-01
    title: Fee above limit
    on: payment
    when: fee > params.limit
    severity: high
    weight: 50
    explain: "Fee {fee} is above {params.limit}"
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def jsonl(*events: object) -> str:
    return "".join((event if isinstance(event, str) else json.dumps(event)) + "\n" for event in events)


def expected_lines(text: str, ruleset_path: Path = SOCCER, params: dict | None = None) -> list[str]:
    engine = Engine(load_ruleset(ruleset_path, params=params))
    return [engine.evaluate_json(line).to_json() for line in text.splitlines() if line.strip()]


def assessments(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def no_traceback(result) -> None:
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


# ---------------------------------------------------------------------- --version / help


def test_version(runner):
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert re.fullmatch(r"riskengine \d+\.\d+\.\d+\S*\n", result.stdout)


def test_without_a_command_shows_the_commands(runner):
    result = runner.invoke(app, [])
    for command in ("validate", "score", "explain", "compile"):
        assert command in result.output


# ---------------------------------------------------------------------- validate


def test_validate_valid_file(runner):
    result = runner.invoke(app, ["validate", str(SOCCER)])
    assert result.exit_code == 0, result.output
    assert f"{SOCCER}: ok (5 flags, 1 event kind)" in result.stdout.splitlines()
    assert "1 valid" in result.stdout.splitlines()[-1]
    assert "error" not in result.stdout


def test_validate_bad_file_prints_exact_diagnostic_lines(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_RULESET)
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    # 'fe' is on line 14, after "    when: " (10 characters): column 11, 1-based.
    assert f"{bad}:14:11: error: unknown name 'fe'; did you mean 'fee'?" in lines
    assert f"{bad}:19:9: error: unknown event kind 'paymnt'; did you mean 'payment'?" in lines
    problems = [line for line in lines if DIAGNOSTIC_LINE.match(line)]
    assert len(problems) == 2  # every problem of the file, not just the first
    assert problems == sorted(problems, key=lambda line: tuple(int(n) for n in DIAGNOSTIC_LINE.match(line).group("line", "col")))
    assert "ok (" not in result.stdout
    assert "1 invalid" in lines[-1]


def test_validate_diagnostics_match_the_loader(runner, tmp_path):
    from riskengine import check_ruleset_file

    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_RULESET)
    _, diagnostics = check_ruleset_file(bad)
    result = runner.invoke(app, ["validate", str(bad)])
    assert [line for line in result.stdout.splitlines() if DIAGNOSTIC_LINE.match(line)] == [d.render() for d in diagnostics]


def test_validate_folder_is_recursive_and_sorted(runner, tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "z.yaml").write_text(GOOD_RULESET)
    (tmp_path / "b" / "a.yml").write_text(GOOD_RULESET)
    (tmp_path / "a.yaml").write_text(GOOD_RULESET)
    (tmp_path / "notes.txt").write_text("not a ruleset: [")
    (tmp_path / ".git" / "hidden.yaml").write_text("not a ruleset: [")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 0, result.output
    ok_lines = [line for line in result.stdout.splitlines() if ": ok (" in line]
    assert ok_lines == [
        f"{tmp_path / 'a.yaml'}: ok (1 flag, 1 event kind)",
        f"{tmp_path / 'b' / 'a.yml'}: ok (1 flag, 1 event kind)",
        f"{tmp_path / 'z.yaml'}: ok (1 flag, 1 event kind)",
    ]
    assert result.stdout.splitlines()[-1] == "3 rulesets checked: 3 valid"


def test_validate_folder_with_one_bad_file_fails(runner, tmp_path):
    (tmp_path / "good.yaml").write_text(GOOD_RULESET)
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "bad.yaml").write_text(BAD_RULESET)
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'good.yaml'}: ok (1 flag, 1 event kind)" in result.stdout
    assert f"{tmp_path / 'nested' / 'bad.yaml'}:14:11: error: unknown name 'fe'" in result.stdout


def test_validate_missing_path_is_an_error_line(runner, tmp_path):
    missing = tmp_path / "missing.yaml"
    result = runner.invoke(app, ["validate", str(SOCCER), str(missing)])
    assert result.exit_code == 1
    match = [DIAGNOSTIC_LINE.match(line) for line in result.stdout.splitlines() if line.startswith(str(missing))]
    assert match and match[0] and match[0].group("message").startswith("cannot read the ruleset")
    assert f"{SOCCER}: ok (" in result.stdout  # the other file is still checked
    no_traceback(result)


def test_validate_empty_folder_fails(runner, tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert DIAGNOSTIC_LINE.match(result.stdout.splitlines()[0])
    assert "no ruleset files" in result.stdout


def test_validate_yaml_syntax_error(runner, tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("ruleset: x\nflags: [\n")
    result = runner.invoke(app, ["validate", str(broken)])
    assert result.exit_code == 1
    assert DIAGNOSTIC_LINE.match(result.stdout.splitlines()[0]).group("path") == str(broken)
    no_traceback(result)


# ---------------------------------------------------------------------- score


def test_score_file_matches_engine(runner, tmp_path):
    events = tmp_path / "events.jsonl"
    text = jsonl(SOC01_EVENT, CLEAN_EVENT)
    events.write_text(text)
    result = runner.invoke(app, ["score", str(SOCCER), str(events)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines == expected_lines(text)
    first, second = assessments(result.stdout)
    assert [flag["id"] for flag in first["flags"]] == ["SOC-03", "SOC-01"]
    assert first["band"] == "critical"
    assert second["flags"] == [] and second["status"] == "scored"


def test_score_summary_goes_to_stderr(runner, tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text(jsonl(SOC01_EVENT, SOC01_EVENT, CLEAN_EVENT))
    result = runner.invoke(app, ["score", str(SOCCER), str(events)])
    assert result.exit_code == 0
    assert "3 events: 3 scored, 0 rejected" in result.stderr
    assert re.search(r"critical\s*│\s*2\s*│", result.stderr)
    assert re.search(r"low\s*│\s*1\s*│", result.stderr)
    assert re.search(r"SOC-01\s*│\s*Releasing-club agent fee above cap\s*│\s*2\s*│", result.stderr)
    assert "SOC-02" not in result.stderr  # never fired
    assert all(line.startswith("{") for line in result.stdout.splitlines())


def test_score_rejected_line_exits_2_and_batch_goes_on(runner, tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text(jsonl(SOC01_EVENT, "", REJECTED_EVENT, "{not json", CLEAN_EVENT))
    result = runner.invoke(app, ["score", str(SOCCER), str(events)])
    assert result.exit_code == 2
    statuses = [item["status"] for item in assessments(result.stdout)]
    assert statuses == ["scored", "rejected", "rejected", "scored"]  # the blank line is skipped
    rejected = assessments(result.stdout)[1]
    assert rejected["errors"] == [{"field": "fee", "problem": 'expected a number, got the string "150"'}]
    assert f"{events}:3: rejected: fee: expected a number" in result.stderr
    assert f"{events}:4: rejected: invalid JSON" in result.stderr
    assert "4 events: 2 scored, 2 rejected" in result.stderr


def test_score_non_utf8_line_is_rejected(runner, tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_bytes(b'{"kind": "agent_payment", "agent_id": "\xff"}\n' + jsonl(CLEAN_EVENT).encode())
    result = runner.invoke(app, ["score", str(SOCCER), str(events)])
    assert result.exit_code == 2
    first, second = assessments(result.stdout)
    assert first["status"] == "rejected" and "UTF-8" in first["errors"][0]["problem"]
    assert second["status"] == "scored"


@pytest.mark.parametrize("args", [[], ["-"]], ids=["omitted", "dash"])
def test_score_reads_stdin(runner, args):
    text = jsonl(SOC01_EVENT, REJECTED_EVENT)
    result = runner.invoke(app, ["score", str(SOCCER), *args], input=text)
    assert result.exit_code == 2
    assert result.stdout.splitlines() == expected_lines(text)
    assert "<stdin>:2: rejected" in result.stderr


def test_score_output_file(runner, tmp_path):
    events = tmp_path / "events.jsonl"
    out = tmp_path / "out.jsonl"
    text = jsonl(SOC01_EVENT, CLEAN_EVENT)
    events.write_text(text)
    result = runner.invoke(app, ["score", str(SOCCER), str(events), "-o", str(out)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").splitlines() == expected_lines(text)
    assert "2 events" in result.stderr


def test_score_set_changes_results(runner, tmp_path):
    events = tmp_path / "events.jsonl"
    text = jsonl(SOC01_EVENT)
    events.write_text(text)
    default = assessments(runner.invoke(app, ["score", str(SOCCER), str(events)]).stdout)[0]
    raised = runner.invoke(app, ["score", str(SOCCER), str(events), "--set", "releasing_agent_fee_cap=0.2"])
    assert raised.exit_code == 0, raised.stderr
    assert raised.stdout.splitlines() == expected_lines(text, params={"releasing_agent_fee_cap": 0.2})
    assessed = assessments(raised.stdout)[0]
    assert "SOC-01" in [flag["id"] for flag in default["flags"]]
    assert "SOC-01" not in [flag["id"] for flag in assessed["flags"]]  # 15% is under a 20% cap
    assert assessed["score"] < default["score"]


def test_score_set_list_param_and_repeat(runner, tmp_path):
    events = tmp_path / "events.jsonl"
    event = dict(CLEAN_EVENT, fee=5000, transfer_compensation=1000000, annual_remuneration=1000000)
    events.write_text(jsonl(event))
    default = runner.invoke(app, ["score", str(SOCCER), str(events)])
    assert assessments(default.stdout)[0]["flags"] == []
    result = runner.invoke(
        app,
        ["score", str(SOCCER), str(events), "--set", "high_risk_countries=FR,ES", "--set", "releasing_agent_fee_cap=0.05"],
    )
    assert result.exit_code == 0, result.stderr
    flags = assessments(result.stdout)[0]["flags"]
    assert [flag["id"] for flag in flags] == ["SOC-03"]
    assert flags[0]["evidence"]["params.high_risk_countries"] == ["FR", "ES"]


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("releasing_agent_fee_cap=abc", "error: --set releasing_agent_fee_cap=abc: expected a number"),
        ("releasing_agent_fee_cp=0.2", "error: --set releasing_agent_fee_cp=0.2: unknown param 'releasing_agent_fee_cp'; did you mean 'releasing_agent_fee_cap'?"),
        ("zzz=1", "error: --set zzz=1: unknown param 'zzz'; known params: high_risk_countries, releasing_agent_fee_cap"),
        ("releasing_agent_fee_cap", "error: --set releasing_agent_fee_cap: expected NAME=VALUE"),
        ("releasing_agent_fee_cap=[0.1]", "error: --set releasing_agent_fee_cap=[0.1]: expected a number, got [0.1]"),
        ("releasing_agent_fee_cap=true", "error: --set releasing_agent_fee_cap=true: expected a number, got true (boolean)"),
    ],
)
def test_bad_set_is_a_clear_error(runner, tmp_path, assignment, message):
    events = tmp_path / "events.jsonl"
    events.write_text(jsonl(SOC01_EVENT))
    result = runner.invoke(app, ["score", str(SOCCER), str(events), "--set", assignment])
    assert result.exit_code == 1
    assert message in result.stderr
    assert result.stdout == ""
    no_traceback(result)


def test_every_bad_set_is_reported(runner, tmp_path):
    result = runner.invoke(app, ["compile", str(SOCCER), "--set", "a=1", "--set", "releasing_agent_fee_cap=true"])
    assert result.exit_code == 1
    assert len([line for line in result.stderr.splitlines() if line.startswith("error: --set")]) == 2


def test_score_invalid_ruleset_prints_diagnostics_on_stderr(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_RULESET)
    result = runner.invoke(app, ["score", str(bad)], input=jsonl(SOC01_EVENT))
    assert result.exit_code == 1
    assert f"{bad}:14:11: error: unknown name 'fe'; did you mean 'fee'?" in result.stderr.splitlines()
    assert result.stdout == ""


def test_score_missing_files_are_human_errors(runner, tmp_path):
    result = runner.invoke(app, ["score", str(tmp_path / "nope.yaml"), "-"], input="")
    assert result.exit_code == 1
    assert DIAGNOSTIC_LINE.match(result.stderr.splitlines()[0])
    no_traceback(result)

    result = runner.invoke(app, ["score", str(SOCCER), str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 1
    assert "error: cannot read the events file" in result.stderr
    no_traceback(result)


def test_score_empty_input(runner):
    result = runner.invoke(app, ["score", str(SOCCER)], input="\n\n")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "0 events: 0 scored, 0 rejected" in result.stderr


# ---------------------------------------------------------------------- explain


def test_explain_text_report(runner, tmp_path):
    event = tmp_path / "event.json"
    event.write_text(json.dumps(SOC01_EVENT, indent=2))
    result = runner.invoke(app, ["explain", str(SOCCER), str(event)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for text in (
        "e-1",
        "agent_payment",
        "AG-9",
        "65",
        "critical",
        "SOC-01",
        "Releasing-club agent fee above cap",
        "Agent fee 1500000 exceeds 0.1 of the transfer compensation 10000000",
        "params.releasing_agent_fee_cap",
        "transfer_compensation",
        "FIFA Football Agent Regulations (2023)",
        "SOC-03",
    ):
        assert text in out, text
    not_evaluable = out[out.index("Not evaluable") :]
    assert "SOC-02" in not_evaluable and "annual_remuneration" in not_evaluable
    assert out.index("SOC-03") < out.index("SOC-01")  # heaviest first, as in the assessment


def test_explain_says_when_force_band_raised_the_band(runner, tmp_path):
    event = tmp_path / "event.json"
    event.write_text(json.dumps(SOC01_EVENT))
    result = runner.invoke(app, ["explain", str(SOCCER), str(event), "--set", "releasing_agent_fee_cap=0.2"])
    assert result.exit_code == 0
    assert "force_band of SOC-03" in result.stdout
    assert "releasing_agent_fee_cap=0.2" in result.stdout


def test_explain_json_matches_engine(runner, tmp_path):
    event = tmp_path / "event.json"
    event.write_text(json.dumps(SOC01_EVENT))
    result = runner.invoke(app, ["explain", str(SOCCER), str(event), "--json"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == expected_lines(json.dumps(SOC01_EVENT))


def test_explain_rejected_event(runner, tmp_path):
    event = tmp_path / "event.json"
    event.write_text(json.dumps(REJECTED_EVENT))
    result = runner.invoke(app, ["explain", str(SOCCER), str(event)])
    assert result.exit_code == 2
    assert "rejected" in result.stdout
    assert re.search(r"fee\s*│\s*expected a number, got the string \"150\"", result.stdout)


def test_explain_json_lines_file_takes_first_event(runner, tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text("\n" + jsonl(CLEAN_EVENT, SOC01_EVENT))
    result = runner.invoke(app, ["explain", str(SOCCER), str(events), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["event_id"] == "e-2"
    assert "first event (line 2)" in result.stderr


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"kind": "agent_payment",\n  fee: 1}\n', ":2:3: invalid JSON"),
        ("", "holds no event"),
        ("{nope\n{}\n", ":1:2: invalid JSON"),
    ],
    ids=["broken-object", "empty", "broken-first-line"],
)
def test_explain_bad_json_file_is_a_human_error(runner, tmp_path, content, message):
    event = tmp_path / "event.json"
    event.write_text(content)
    result = runner.invoke(app, ["explain", str(SOCCER), str(event)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and message in result.stderr
    no_traceback(result)


def test_explain_missing_event_file(runner, tmp_path):
    result = runner.invoke(app, ["explain", str(SOCCER), str(tmp_path / "nope.json")])
    assert result.exit_code == 1
    assert "error: cannot read the event file" in result.stderr
    no_traceback(result)


# ---------------------------------------------------------------------- compile


def test_compile_prints_the_durable_rules_ruleset(runner):
    result = runner.invoke(app, ["compile", str(SOCCER)])
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    ruleset = load_ruleset(SOCCER)
    assert document == engine_definition(ruleset.compiled)
    assert result.stdout.startswith("{\n  ")  # indent=2
    (name, rules), = document.items()
    assert name == ruleset.compiled.name
    # a true rule per flag and kind, and a false rule unless it could never fire (compile_durable.guard_false)
    assert len(ruleset.flags) <= len(rules) <= 2 * len(ruleset.flags)
    assert set(rules) == set(ruleset.compiled.targets)
    for rule in rules.values():
        condition = rule["all"][0]["m"]
        first = condition["$and"][0] if "$and" in condition else condition
        assert first == {"kind": "agent_payment"}


def test_compile_with_set_changes_the_ruleset_name(runner):
    default = json.loads(runner.invoke(app, ["compile", str(SOCCER)]).stdout)
    changed = runner.invoke(app, ["compile", str(SOCCER), "--set", "releasing_agent_fee_cap=0.2"])
    assert changed.exit_code == 0
    assert list(json.loads(changed.stdout)) != list(default)


def test_compile_invalid_ruleset(runner, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_RULESET)
    result = runner.invoke(app, ["compile", str(bad)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{bad}:14:11: error:" in result.stderr


# ---------------------------------------------------------------------- the installed console script


def _console_script() -> list[str]:
    script = Path(sys.executable).parent / "riskengine"
    if script.exists():
        return [str(script)]
    found = shutil.which("riskengine")
    if found:
        return [found]
    return [sys.executable, "-c", "from riskengine.interfaces.cli import main; main()"]


def test_console_script_scores_stdin(tmp_path):
    text = jsonl(SOC01_EVENT, REJECTED_EVENT, CLEAN_EVENT)
    completed = subprocess.run(
        [*_console_script(), "score", str(SOCCER)],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 2, completed.stderr
    assert completed.stdout.splitlines() == expected_lines(text)
    assert "3 events: 2 scored, 1 rejected" in completed.stderr
    assert "scoring" not in completed.stderr  # no progress bar: stderr is not a terminal
    assert "\x1b[" not in completed.stderr


def test_console_script_validate(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_RULESET)
    completed = subprocess.run(
        [*_console_script(), "validate", str(bad), str(SOCCER)], capture_output=True, text=True, timeout=120
    )
    assert completed.returncode == 1
    assert f"{bad}:14:11: error: unknown name 'fe'; did you mean 'fee'?\n" in completed.stdout
    assert completed.stderr == ""


def test_score_with_audit_records_every_decision_for_replay(tmp_path, runner):
    events = tmp_path / "events.jsonl"
    events.write_text(
        json.dumps({"kind": "agent_payment", "event_id": "a1", "agent_id": "AG-1", "client_role": "releasing_club",
                    "fee": 5, "transfer_compensation": 10}) + "\n" + '{"kind": "nope"}\n',
        encoding="utf-8",
    )
    audit = tmp_path / "audit.db"
    result = runner.invoke(app, ["score", str(SOCCER), str(events), "--audit", str(audit)])
    assert result.exit_code == 2  # one rejected line
    exported = runner.invoke(app, ["audit", "export", "--audit", str(audit)])
    decisions = [json.loads(line) for line in exported.stdout.splitlines() if line.startswith("{")]
    assert len(decisions) == 2
    replay = runner.invoke(app, ["replay", decisions[0]["decision_id"], "--audit", str(audit)])
    assert replay.exit_code == 0 and "identical" in replay.stdout
