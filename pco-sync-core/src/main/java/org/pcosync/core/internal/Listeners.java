package org.pcosync.core.internal;

import java.util.function.Consumer;
import org.pcosync.core.SyncListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a {@link SyncListener} so that its exceptions never break a run. Thread-safe. */
public final class Listeners {
  private static final Logger log = LoggerFactory.getLogger(Listeners.class);

  private final SyncListener listener;

  /** @param listener the host's listener */
  public Listeners(SyncListener listener) {
    this.listener = listener;
  }

  /** Calls the listener; logs and ignores what it throws. */
  public void fire(Consumer<SyncListener> call) {
    try {
      call.accept(listener);
    } catch (RuntimeException e) {
      log.warn("SyncListener {} threw; ignored", listener.getClass().getName(), e);
    }
  }
}
