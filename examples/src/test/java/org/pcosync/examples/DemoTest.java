package org.pcosync.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pcosync.api.SyncField;
import org.pcosync.core.SyncFailure;

/** The README's demo, run small and without a rate limit so it takes seconds. */
final class DemoTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  /** One full demo, shared by the tests that only read its outcome (it takes a while on a busy machine). */
  private static Demo.Result threeRuns;
  private static String threeRunsOutput;

  private Demo.Result demo(String... args) throws Exception {
    return new Demo(out, Demo.Options.parse(args, Map.of())).run();
  }

  private static synchronized Demo.Result threeRuns() throws Exception {
    if (threeRuns == null) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      threeRuns = new Demo(new PrintStream(b, true, StandardCharsets.UTF_8),
          Demo.Options.parse(new String[] {"--people", "50", "--rate-limit-period", "500ms", "--seed", "3"}, Map.of()))
          .run();
      threeRunsOutput = b.toString(StandardCharsets.UTF_8);
    }
    return threeRuns;
  }

  @Test
  void threeRunsEndInAStateThatWritesNothing() throws Exception {
    Demo.Result r = threeRuns();

    assertThat(r.exitCode()).isZero();
    assertThat(r.first().created()).isNotEmpty();
    assertThat(r.first().linked()).isNotEmpty();
    assertThat(r.second().updated()).isNotEmpty();
    assertThat(r.second().conflicts()).hasSize(1);
    assertThat(r.thirdRunWrites()).isZero();
    assertThat(r.thirdRunRequests()).isPositive();
    assertThat(threeRunsOutput).contains("0 writes (POST/PATCH/DELETE)");
  }

  @Test
  void invalidHostRecordsAreReportedByFieldAndTheRestSyncs() throws Exception {
    Demo.Result r = threeRuns();

    assertThat(r.first().failures()).extracting(SyncFailure::field)
        .contains(SyncField.EMAIL, SyncField.MOBILE_PHONE);
    assertThat(r.first().created().size() + r.first().linked().size()).isGreaterThan(35);
  }

  @Test
  void dryRunWritesNothingAndPrintsThePlan() throws Exception {
    Demo.Result r = demo("--people", "30", "--rate-limit-period", "500ms", "--dry-run");

    assertThat(r.thirdRunWrites()).isZero();
    assertThat(r.dryRunPlan().hasChanges()).isTrue();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("Dry run").contains("CreatePerson");
  }

  @Test
  void unknownOptionIsRejectedWithTheListOfOptions() {
    assertThatThrownBy(() -> Demo.Options.parse(new String[] {"--fast"}, Map.of()))
        .hasMessageContaining("--fast").hasMessageContaining("--dry-run");
  }

  @Test
  void rateLimitPeriodTakesUnits() {
    assertThat(Demo.Options.parsePeriod("500ms")).hasMillis(500);
    assertThat(Demo.Options.parsePeriod("2s")).hasSeconds(2);
    assertThatThrownBy(() -> Demo.Options.parsePeriod("fast")).hasMessageContaining("2s, 500ms");
  }

  @Test
  void credentialsInTheEnvironmentTargetTheRealPco() {
    Demo.Options o = Demo.Options.parse(new String[0], Map.of("PCO_APP_ID", "app", "PCO_SECRET", "s"));
    assertThat(o.realPco()).isTrue();
    assertThat(o.apply()).isFalse();
  }
}
