package org.pcosync.testkit.fake;

import static java.util.Objects.requireNonNull;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.pcosync.testkit.MutableClock;

/**
 * JUnit 5 extension giving every test a fresh, started {@link FakePco} on its own {@link MutableClock},
 * closed after the test.
 *
 * <pre>{@code
 * @ExtendWith(FakePcoExtension.class)
 * final class SyncTest {
 *   @Test void syncs(FakePco pco, MutableClock clock) { ... }
 * }
 *
 * final class LimitedTest {
 *   @RegisterExtension
 *   final FakePcoExtension fake = FakePcoExtension.configure(b -> b.rateLimit(10, Duration.ofSeconds(20)));
 *   @Test void paces() { FakePco pco = fake.pco(); ... }
 * }
 * }</pre>
 *
 * <p>The builder the configuration receives already has the test's clock set. With {@code
 * @RegisterExtension} register it as an instance field (per-test state). Thread-safe for parallel
 * test classes: state lives in each test's extension context.
 */
public final class FakePcoExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FakePcoExtension.class);

  private final UnaryOperator<FakePco.Builder> configuration;
  private volatile FakePco current;
  private volatile MutableClock currentClock;

  /** Defaults: credentials {@code demo}/{@code demo}, 100 requests per 20 s. */
  public FakePcoExtension() {
    this(UnaryOperator.identity());
  }

  private FakePcoExtension(UnaryOperator<FakePco.Builder> configuration) {
    this.configuration = configuration;
  }

  /** An extension whose fakes are built by {@code configuration} (the clock is already set). */
  public static FakePcoExtension configure(UnaryOperator<FakePco.Builder> configuration) {
    return new FakePcoExtension(requireNonNull(configuration, "configuration == null"));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    MutableClock clock = MutableClock.create();
    FakePco pco = configuration.apply(FakePco.builder().clock(clock)).build().start();
    context.getStore(NS).put(FakePco.class, pco);
    context.getStore(NS).put(MutableClock.class, pco.clock());
    current = pco;
    currentClock = pco.clock();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    FakePco pco = context.getStore(NS).remove(FakePco.class, FakePco.class);
    if (pco != null) {
      pco.close();
    }
    current = null;
    currentClock = null;
  }

  /** The running fake of the current test (with {@code @RegisterExtension}). */
  public FakePco pco() {
    FakePco p = current;
    if (p == null) {
      throw new IllegalStateException("no test is running");
    }
    return p;
  }

  /** The current test's clock (with {@code @RegisterExtension}). */
  public MutableClock clock() {
    MutableClock c = currentClock;
    if (c == null) {
      throw new IllegalStateException("no test is running");
    }
    return c;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == FakePco.class || type == MutableClock.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    Object value = context.getStore(NS).get(type);
    if (value == null) {
      throw new ParameterResolutionException(type.getSimpleName() + " is only available in test methods");
    }
    return value;
  }
}
