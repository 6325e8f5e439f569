"""The pytest plugin end to end: feature files run with pytester, with no Python in the project."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest

from .common import RULESET, dedent, make_project, run, write

pytest_plugins = ["pytester"]

BASIC = """
    Feature: Payments
      Background:
        Given the "payments" ruleset

      Scenario: Above the cap
        When a "payment" event is evaluated with:
          | field    | value      |
          | payer    | P-1        |
          | amount   | 150        |
          | approved | true       |
          | paid_on  | 2024-01-10 |
        Then the flag "PAY-01" fires
        And the flag "PAY-02" does not fire
        And the score is 20
        And the band is "low"
        And the explanation of "PAY-01" mentions "above the cap 100"

      Scenario: Expected to fire but does not
        When a "payment" event is evaluated with:
          | payer    | P-1  |
          | amount   | 50   |
          | approved | true |
        Then the flag "PAY-01" fires
"""


def test_passing_and_failing_scenarios_get_their_outcomes(pytester: pytest.Pytester) -> None:
    make_project(pytester, {"payments": BASIC})
    result = run(pytester)
    result.assert_outcomes(passed=1, failed=1)
    assert result.ret == 1


def test_a_failed_then_shows_the_steps_and_the_assessment(pytester: pytest.Pytester) -> None:
    make_project(pytester, {"payments": BASIC})
    result = run(pytester)
    result.stdout.fnmatch_lines(
        [
            "the flag 'PAY-01' (Amount above the cap) did not fire",
            "Feature: Payments  (payments.feature)",
            "  Scenario: Expected to fire but does not  (payments.feature:18)",
            '    Then the flag "PAY-01" fires   <- FAILED (line 23)',
            "assessment of the event (payment):",
            "  score          0, band low",
            "  fired          (none)",
            "  not evaluable  PAY-03 (missing payee.country)",
            "                 PAY-04 (missing payments_30d)",
            '  event          {"payer": "P-1", "amount": 50, "approved": true}',
            "the flag 'PAY-01' checks: amount > params.cap",
            "  with amount = 50, params.cap = 100",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_a_flag_that_fired_unexpectedly_shows_its_evidence(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "fired": """
            Feature: F
              Scenario: S
                Given the "payments" ruleset
                When a "payment" event is evaluated with:
                  | payer  | P-1 |
                  | amount | 500 |
                Then the flag "PAY-01" does not fire
            """
        },
    )
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "the flag 'PAY-01' (Amount above the cap) fired",
            "  fired          PAY-01 Amount above the cap (weight 20): Amount 500 is above the cap 100",
            "  with amount = 500, params.cap = 100",
        ]
    )


def test_an_unknown_step_names_the_closest_steps(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "unknown": """
            Feature: F
              Scenario: S
                Given the "payments" ruleset
                When a "payment" event is evaluated with:
                  | amount | 500 |
                Then the flag "PAY-01" is fired
            """
        },
    )
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            'unknown step: Then the flag "PAY-01" is fired',
            '    Then the flag "PAY-01" is fired   <- UNKNOWN STEP (line 6)',
            "the closest steps of the vocabulary:",
            '    Then the flag "PAY-01" fires',
        ]
    )


def test_a_step_under_the_wrong_keyword_says_which_keyword(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "keyword": """
            Feature: F
              Scenario: S
                Given the "payments" ruleset
                Then a "payment" event is evaluated with:
                  | amount | 500 |
            """
        },
    )
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*is a When step, used here as a Then step*"])


def test_an_unknown_flag_names_the_closest_flag_ids(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "flag": """
            Feature: F
              Scenario: S
                Given the "payments" ruleset
                When a "payment" event is evaluated with:
                  | amount | 500 |
                Then the flag "PAY-1" fires
            """
        },
    )
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["the ruleset 'payments' has no flag 'PAY-1'; did you mean 'PAY-01'?"])


def test_unknown_ruleset_kind_field_and_band_are_named_with_suggestions(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "names": """
            Feature: F
              Scenario: ruleset
                Given the "paymnts" ruleset

              Scenario: kind
                Given the "payments" ruleset
                When a "paymnt" event is evaluated with:
                  | amount | 5 |

              Scenario: field
                Given the "payments" ruleset
                When a "payment" event is evaluated with:
                  | amout | 5 |

              Scenario: band
                Given the "payments" ruleset
                When a "payment" event is evaluated with:
                  | amount | 5 |
                Then the band is "hgh"

              Scenario: param
                Given the "payments" ruleset
                And the parameter "capp" is 5
            """
        },
    )
    result = run(pytester)
    result.assert_outcomes(failed=5)
    result.stdout.fnmatch_lines_random(
        [
            "no ruleset 'paymnts'; did you mean 'payments'?",
            "the ruleset 'payments' has no event kind 'paymnt'; did you mean 'payment'?",
            "a 'payment' event has no field 'amout'; did you mean 'amount'?",
            "the ruleset 'payments' has no band 'hgh'; its bands are: low, medium, high; did you mean 'high'?",
            "the ruleset 'payments' has no parameter 'capp'; did you mean 'cap'?",
        ]
    )


def test_scenario_outline_runs_once_per_example(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "outline": """
            Feature: F
              Scenario Outline: cap <cap>, amount <amount>
                Given the "payments" ruleset
                And the parameter "cap" is <cap>
                When a "payment" event is evaluated with:
                  | amount | <amount> |
                Then the flag "PAY-01" <outcome>

                Examples:
                  | cap | amount | outcome       |
                  | 100 | 150    | fires         |
                  | 200 | 150    | does not fire |
                  | 50  | 60.5   | fires         |
                  | 100 | 150    | does not fire |
                  | 1.5 | 2      | fires         |
            """
        },
    )
    result = run(pytester, "-v")
    result.assert_outcomes(passed=3, failed=2)
    result.stdout.fnmatch_lines_random(
        [
            "the flag 'PAY-01' (Amount above the cap) fired",
            "*cannot set param 'cap'*1.5*",
        ]
    )


def test_typed_tables(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "typed": """
            Feature: Table values are read for their field's type
              Background:
                Given the "payments" ruleset

              Scenario: every type
                When a "payment" event is evaluated with:
                  | payer          | 007                  |
                  | amount         | 1_000.5              |
                  | count          | 12                   |
                  | paid_on        | 2024-02-29           |
                  | at             | 2024-02-29T10:00:00Z |
                  | approved       | false                |
                  | tags           | [a, "b, c"]          |
                  | shares         | [0.5, 1]             |
                  | payee.name     | Acme                 |
                  | payee.country  | PA                   |
                Then the event is scored
                And the flag "PAY-01" fires
                And the flag "PAY-02" fires
                And the flag "PAY-03" fires
                And the explanation of "PAY-03" mentions "Payee in PA"

              Scenario: missing values are unknown
                When a "payment" event is evaluated with:
                  | amount        | 5         |
                  | approved      |           |
                  | payee.country | <missing> |
                Then the flag "PAY-02" is not evaluable because "approved" is missing
                And the flag "PAY-03" is not evaluable because "payee.country" is missing
                And the flag "PAY-01" does not fire

              Scenario: null is unknown too
                When a "payment" event is evaluated with:
                  | approved | null |
                Then the flag "PAY-02" is not evaluable

              Scenario Outline: a value that does not fit is rejected like in the engine: <field> = <value>
                When a "payment" event is evaluated with:
                  | <field> | <value> |
                Then the event is rejected
                And the rejection mentions "<problem>"

                Examples:
                  | field    | value      | problem                               |
                  | amount   | lots       | expected a number, got the string     |
                  | amount   | "150"      | expected a number, got the string     |
                  | amount   | true       | expected a number, got the boolean    |
                  | count    | 1.5        | expected an integer, got the number   |
                  | approved | yes        | expected true or false                |
                  | approved | 1          | expected true or false                |
                  | paid_on  | 2024-02-30 | expected a date                       |
                  | paid_on  | 31/01/2024 | expected a date                       |
                  | tags     | a, b       | expected a list                       |
                  | shares   | [1, x]     | item 1: expected a number             |
                  | payer    | 5          | does-not-matter                       |
            """
        },
    )
    result = run(pytester)
    # the last example is scored: a string field keeps "5" as text, so "Then the event is rejected" fails
    result.assert_outcomes(passed=13, failed=1)
    result.stdout.fnmatch_lines(["*the event was expected to be rejected, but it was scored*"])


def test_scored_values_reach_the_engine_typed(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "values": """
            Feature: F
              Scenario: S
                Given the "payments" ruleset
                When a "payment" event is evaluated with:
                  | payer   | P-9        |
                  | amount  | 99.5       |
                  | paid_on | 2024-02-29 |
                Then the flag "PAY-01" fires
            """
        },
    )
    result = run(pytester)
    result.stdout.fnmatch_lines(['  event          {"payer": "P-9", "amount": 99.5, "paid_on": "2024-02-29"}'])


def test_stateful_flags_see_the_earlier_events(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "state": """
            Feature: F
              Background:
                Given the "payments" ruleset

              Scenario: earlier events count
                Given these earlier events:
                  | kind    | event_id | payer | amount | paid_on    |
                  | payment | e1       | P-1   | 10     | 2024-01-01 |
                  | refund  | r1       | P-1   | 10     |            |
                  | payment | e2       | P-1   | 10     | 2024-01-05 |
                When a "payment" event is evaluated with:
                  | payer   | P-1        |
                  | amount  | 10         |
                  | paid_on | 2024-01-10 |
                Then the flag "PAY-04" fires
                And the explanation of "PAY-04" mentions "2 earlier payments"

              Scenario: each scenario starts from a clean state
                When a "payment" event is evaluated with:
                  | payer   | P-1        |
                  | amount  | 10         |
                  | paid_on | 2024-01-10 |
                Then the flag "PAY-04" does not fire

              Scenario: a table of events, checked by event id
                When these events are evaluated:
                  | kind    | event_id | payer | amount | paid_on    |
                  | payment | a        | P-2   | 10     | 2024-01-01 |
                  | payment | b        | P-2   | 10     | 2024-01-02 |
                  | payment | c        | P-2   | 10     | 2024-01-03 |
                  | refund  | d        | P-2   | 500    |            |
                Then the flag "PAY-04" does not fire for event "b"
                And the flag "PAY-04" fires for event "c"
                And the flag "PAY-05" fires
                And the score is 5
                And the flag "PAY-04" fires for event "x"

              Scenario: a rejected earlier event stops the scenario
                Given these earlier events:
                  | kind    | payer | amount |
                  | payment | P-3   | many   |
            """
        },
    )
    result = run(pytester)
    result.assert_outcomes(passed=2, failed=2)
    result.stdout.fnmatch_lines_random(
        [
            "no event \"x\" was evaluated in this scenario; the events evaluated have the ids: a, b, c, d",
            "the earlier event 1 was rejected, so it cannot set the scene:",
        ]
    )


def test_the_kind_column_may_be_left_out_with_one_event_kind(pytester: pytest.Pytester) -> None:
    write(
        pytester,
        {
            "one.yaml": """
            ruleset: one
            version: "1"
            title: One kind
            events:
              sale:
                entity: id
                fields: {id: string, price: number}
            flags:
              - id: S-1
                title: Expensive
                on: sale
                when: price > 10
                severity: low
                weight: 1
                explain: "{price}"
            scoring: {method: sum, max_score: 100, bands: {low: 0}}
            """,
            "one.feature": """
            Feature: F
              Scenario: S
                Given the "one.yaml" ruleset
                When these events are evaluated:
                  | id | price |
                  | a  | 5     |
                  | b  | 50    |
                Then the flag "S-1" fires
            """,
        },
    )
    run(pytester).assert_outcomes(passed=1)


def test_rulesets_are_found_by_id_by_path_and_by_folder_option(pytester: pytest.Pytester) -> None:
    write(pytester, {"elsewhere/any_name.yaml": RULESET, "deep/down/rules/other.yaml": RULESET})
    scenario = """
        Feature: F
          Scenario: S
            Given the "{name}" ruleset
            When a "payment" event is evaluated with:
              | amount | 500 |
            Then the flag "PAY-01" fires
    """
    write(
        pytester,
        {
            "a/by_id.feature": scenario.replace("{name}", "payments"),  # ruleset: payments, in elsewhere/
            "deep/down/by_path.feature": scenario.replace("{name}", "rules/other.yaml"),
        },
    )
    result = run(pytester, "--bdd-rulesets", "elsewhere")
    result.assert_outcomes(passed=2)
    without = run(pytester, "a")
    without.assert_outcomes(failed=1)
    without.stdout.fnmatch_lines(["no ruleset 'payments'*"])


def test_a_rulesets_folder_above_the_feature_is_searched(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "features/sector/deep": """
            Feature: F
              Scenario: S
                Given the "payments" ruleset
                When a "payment" event is evaluated with:
                  | amount | 500 |
                Then the flag "PAY-01" fires
            """
        },
    )
    run(pytester, "features").assert_outcomes(passed=1)


def test_a_ruleset_that_does_not_load_fails_the_scenario_with_its_diagnostics(pytester: pytest.Pytester) -> None:
    write(
        pytester,
        {
            "broken.yaml": """
            ruleset: broken
            version: "1"
            title: Broken
            events:
              sale:
                entity: id
                fields: {id: string, price: number}
            flags:
              - id: B-1
                title: B
                on: sale
                when: prise > 10
                severity: low
                weight: 1
                explain: x
            scoring: {method: sum, max_score: 100, bands: {low: 0}}
            """,
            "b.feature": """
            Feature: F
              Scenario: S
                Given the "broken.yaml" ruleset
            """,
        },
    )
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*broken.yaml does not load; its problems:", "*unknown name 'prise'; did you mean 'price'?"])


def test_coverage_table_and_json(pytester: pytest.Pytester) -> None:
    make_project(pytester, {"payments": BASIC})
    result = run(pytester, "--bdd-coverage-json", "out/coverage.json")
    result.stdout.fnmatch_lines(
        [
            "*= flag coverage =*",
            "ruleset payments 1 (rulesets/payments.yaml): 1 of 5 flags fire in some scenario (20.0%)",
            "  flag    fires  does not fire  not evaluable  status       title",
            "  PAY-01  1      -              -              fires only   Amount above the cap",
            "  PAY-02  -      1              -              never fires  Unapproved payment",
            "  PAY-03  -      -              -              untouched    Payee in a risky country",
            "  no scenario makes these flags fire:",
            "    rulesets/payments.yaml:*: PAY-02 Unapproved payment (never fires)",
        ]
    )
    report = json.loads((pytester.path / "out" / "coverage.json").read_text())
    assert report["scenarios_run"] == 2
    assert report["passed"] is True and report["min_coverage"] is None
    [ruleset] = report["rulesets"]
    assert (ruleset["id"], ruleset["flags_total"], ruleset["flags_firing"], ruleset["percent_firing"]) == ("payments", 5, 1, 20.0)
    flags = {flag["id"]: flag for flag in ruleset["flags"]}
    assert flags["PAY-01"]["fires"] == ["payments.feature::above_the_cap"]
    assert flags["PAY-01"]["status"] == "fires only"
    assert flags["PAY-02"]["does_not_fire"] == ["payments.feature::above_the_cap"]
    assert flags["PAY-05"]["status"] == "untouched"
    assert isinstance(flags["PAY-05"]["line"], int) and flags["PAY-05"]["line"] > 1


def test_a_failed_fires_step_does_not_count_for_coverage(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "f": """
            Feature: F
              Scenario: S
                Given the "payments" ruleset
                When a "payment" event is evaluated with:
                  | amount | 5 |
                Then the flag "PAY-01" fires
            """
        },
    )
    run(pytester, "--bdd-coverage-json", "c.json")
    flags = json.loads((pytester.path / "c.json").read_text())["rulesets"][0]["flags"]
    assert all(not flag["fires"] for flag in flags)


FULL = """
    Feature: Every flag
      Background:
        Given the "payments" ruleset

      Scenario: four flags
        Given these earlier events:
          | kind    | payer | paid_on    |
          | payment | P-1   | 2024-01-01 |
          | payment | P-1   | 2024-01-02 |
        When a "payment" event is evaluated with:
          | payer         | P-1        |
          | amount        | 500        |
          | approved      | false      |
          | payee.country | KY         |
          | paid_on       | 2024-01-03 |
        Then the flag "PAY-01" fires
        And the flag "PAY-02" fires
        And the flag "PAY-03" fires
        And the flag "PAY-04" fires
        And the band is "high"

      Scenario: refund
        When a "refund" event is evaluated with:
          | payer  | P-1 |
          | amount | 500 |
        Then the flag "PAY-05" fires
"""


def test_min_coverage_passes_when_every_flag_fires(pytester: pytest.Pytester) -> None:
    make_project(pytester, {"full": FULL})
    result = run(pytester, "--bdd-min-coverage", "100")
    assert result.ret == 0
    result.stdout.fnmatch_lines(["flag coverage: every ruleset reaches the required 100%"])


def test_min_coverage_fails_the_run_below_the_threshold(pytester: pytest.Pytester) -> None:
    make_project(pytester, {"full": FULL})
    result = run(pytester, "--bdd-min-coverage", "100", "-k", "four")
    result.assert_outcomes(passed=1, deselected=1)
    assert result.ret == 1
    result.stdout.fnmatch_lines(
        ["FAILED flag coverage: ruleset 'payments' (rulesets/payments.yaml): 80.0% of its flags fire in a scenario, below the required 100%"]
    )
    assert run(pytester, "--bdd-min-coverage", "80", "-k", "four").ret == 0


def test_coverage_percentages_round_down(pytester: pytest.Pytester) -> None:
    from riskengine.interfaces.bdd.coverage import floor_percent

    assert floor_percent(2, 3) == 66.6
    assert floor_percent(1999, 2000) == 99.9
    assert floor_percent(0, 5) == 0.0 and floor_percent(5, 5) == 100.0


def test_min_coverage_fails_when_no_scenario_ran(pytester: pytest.Pytester) -> None:
    make_project(pytester, {"full": FULL})
    result = run(pytester, "--bdd-min-coverage", "0", "-k", "nothing_matches")
    assert result.ret != 0
    result.stdout.fnmatch_lines(["FAILED flag coverage: no scenario ran"])


def test_cover_reports_rulesets_no_scenario_uses(pytester: pytest.Pytester) -> None:
    make_project(pytester, {"full": FULL})
    write(pytester, {"more/other.yaml": (pytester.path / "rulesets" / "payments.yaml").read_text().replace("ruleset: payments", "ruleset: other")})
    result = run(pytester, "--bdd-min-coverage", "100", "--bdd-cover", "more", "full.feature")
    assert result.ret == 1
    result.stdout.fnmatch_lines(["ruleset other 1 (more/other.yaml): 0 of 5 flags fire in some scenario (0.0%)"])


def test_rules_with_scenarios_of_the_same_name_all_run(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "rules": """
            Feature: F
              Background:
                Given the "payments" ruleset

              Rule: PAY-01
                Scenario: Below the threshold
                  When a "payment" event is evaluated with:
                    | amount | 5 |
                  Then the flag "PAY-01" does not fire

              Rule: PAY-05
                Scenario: Below the threshold
                  When a "refund" event is evaluated with:
                    | amount | 5 |
                  Then the flag "PAY-05" does not fire
            """
        },
    )
    result = run(pytester, "--bdd-coverage-json", "c.json")
    result.assert_outcomes(passed=2)
    flags = {flag["id"]: flag for flag in json.loads((pytester.path / "c.json").read_text())["rulesets"][0]["flags"]}
    assert flags["PAY-01"]["does_not_fire"] and flags["PAY-05"]["does_not_fire"]


def test_tags_become_markers_without_warnings(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "tags": """
            @payments
            Feature: F
              Background:
                Given the "payments" ruleset

              @slow
              Scenario: slow one
                When a "refund" event is evaluated with:
                  | amount | 500 |
                Then the flag "PAY-05" fires

              Scenario: quick one
                When a "refund" event is evaluated with:
                  | amount | 5 |
                Then the flag "PAY-05" does not fire
            """
        },
    )
    result = run(pytester, "-m", "payments and not slow", "--strict-markers")
    result.assert_outcomes(passed=1, deselected=1)
    assert "PytestUnknownMarkWarning" not in result.stdout.str()


def test_a_feature_file_that_does_not_parse_is_a_collection_error(pytester: pytest.Pytester) -> None:
    write(pytester, {"bad.feature": "Feature: F\n  Scenario: S\n    And the \"payments\" ruleset\n"})
    result = run(pytester)
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(["*bad.feature:3:*"])


def test_then_without_when_and_when_without_ruleset_explain_the_order(pytester: pytest.Pytester) -> None:
    write(
        pytester,
        {
            "order.feature": """
            Feature: F
              Scenario: no when
                Given the "payments.yaml" ruleset
                Then the flag "PAY-01" fires

              Scenario: no ruleset
                When a "payment" event is evaluated with:
                  | amount | 5 |
            """
        },
    )
    write(pytester, {"payments.yaml": RULESET})
    result = run(pytester)
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines_random(
        [
            "no event has been evaluated yet: a Then step needs a When step before it*",
            'no ruleset: start the scenario (or its Background) with Given the "<ruleset>" ruleset',
        ]
    )


def test_junit_and_cucumber_reports(pytester: pytest.Pytester) -> None:
    make_project(pytester, {"payments": BASIC})
    result = run(pytester, "--junitxml", "junit.xml", "--cucumberjson", "cucumber.json")
    result.assert_outcomes(passed=1, failed=1)
    suite = ElementTree.parse(pytester.path / "junit.xml").getroot().find("testsuite")
    assert suite is not None and suite.get("tests") == "2" and suite.get("failures") == "1"
    failure = suite.find("testcase/failure")
    assert failure is not None and "did not fire" in failure.get("message", "")
    [feature] = json.loads((pytester.path / "cucumber.json").read_text())
    assert feature["name"] == "Payments"
    statuses = [[step["result"]["status"] for step in element["steps"]] for element in feature["elements"]]
    assert statuses == [["passed"] * 7, ["passed", "passed", "failed"]]


def test_the_collector_can_be_turned_off(pytester: pytest.Pytester) -> None:
    make_project(pytester, {"payments": BASIC})
    pytester.makeini("[pytest]\nriskengine_collect_features = false\n")
    result = run(pytester)
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_gherkin_output_groups_scenarios_by_feature_and_rule(pytester: pytest.Pytester) -> None:
    make_project(
        pytester,
        {
            "gherkin": """
            Feature: Payments
              Background:
                Given the "payments" ruleset

              Rule: PAY-05 large refunds
                Scenario: a large refund
                  When a "refund" event is evaluated with:
                    | amount | 500 |
                  Then the flag "PAY-05" fires
            """
        },
    )
    result = run(pytester, "--bdd-gherkin", "-v")
    result.stdout.fnmatch_lines(
        [
            "Feature: Payments  (gherkin.feature)",
            "  Rule: PAY-05 large refunds",
            "    Scenario: a large refund PASSED",
            '        Given the "payments" ruleset',
            '        When a "refund" event is evaluated with:',
            '        Then the flag "PAY-05" fires',
        ]
    )


def test_steps_can_be_used_from_a_conftest_with_pytest_bdd_scenarios(pytester: pytest.Pytester) -> None:
    make_project(pytester, {"features/bound": BASIC})
    pytester.makeini("[pytest]\nriskengine_collect_features = false\n")
    pytester.makeconftest("from riskengine.interfaces.bdd.steps import *  # noqa\n")
    pytester.makepyfile(test_bound="from pytest_bdd import scenarios\nscenarios('features/bound.feature')\n")
    run(pytester).assert_outcomes(passed=1, failed=1)


def test_dedent_helper_keeps_gherkin_indentation() -> None:
    assert dedent("\n    a\n      b\n") == "a\n  b\n"
