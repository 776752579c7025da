package org.pcosync.examples;

import java.io.PrintStream;
import org.pcosync.api.RunMode;
import org.pcosync.core.PersonPlan;
import org.pcosync.core.SyncListener;
import org.pcosync.core.SyncPlan;
import org.pcosync.core.SyncReport;

/** Draws a one-line progress bar while a run applies its plan. Not thread-safe (one run at a time). */
final class ProgressBar implements SyncListener {
  private static final int WIDTH = 40;
  private final PrintStream out;
  private final boolean redraw;
  private int pagesRead;
  private int lastDrawn = -1;

  /**
   * @param out where to draw
   * @param redraw whether {@code out} is a terminal that redraws a line on {@code \r}; otherwise a
   *     line is printed at each quarter
   */
  ProgressBar(PrintStream out, boolean redraw) {
    this.out = out;
    this.redraw = redraw;
  }

  @Override
  public void runStarted(String accountId, RunMode mode) {
    pagesRead = 0;
    lastDrawn = -1;
  }

  @Override
  public void pageRead(String what, int count) {
    pagesRead++;
  }

  @Override
  public void planned(SyncPlan plan) {
    out.println("  read " + pagesRead + " pages from PCO; plan: " + plan.summary());
  }

  @Override
  public void personApplied(PersonPlan plan, int done, int total) {
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    int step = redraw ? filled : filled * 4 / WIDTH;
    if (step == lastDrawn && done != total) {
      return;
    }
    lastDrawn = step;
    String bar = "  [" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total;
    if (redraw) {
      out.print("\r" + bar);
      if (done == total) {
        out.println();
      }
    } else {
      out.println(bar);
    }
  }

  @Override
  public void runFinished(SyncReport report) {
    lastDrawn = -1;
  }
}
