package io.baton.audit;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks entries of one or more cases, fed in trail order per case: each entry's hash is what its
 * content gives, its {@code prevHash} is the hash of the entry before it in its case, and its
 * sequence number follows without a gap. The first problem is kept.
 *
 * <p>A whole trail starts at entry 1. An export of a period may start a case in the middle of its
 * trail: {@link #fromAnyEntry()} then takes the first entry of each case it sees as the anchor.
 */
public final class TrailChain {

  private final Map<String, TrailEntry> last = new HashMap<>();
  private final boolean wholeTrails;
  private long checked;
  private String problem;
  private TrailEntry brokenAt;

  private TrailChain(boolean wholeTrails) {
    this.wholeTrails = wholeTrails;
  }

  /** For a case's whole trail: it must start at entry 1 after {@link TrailHash#GENESIS}. */
  public static TrailChain wholeTrails() {
    return new TrailChain(true);
  }

  /** For an export of a period: a case may start with any entry. */
  public static TrailChain fromAnyEntry() {
    return new TrailChain(false);
  }

  public void accept(TrailEntry entry) {
    checked++;
    if (problem != null) {
      return;
    }
    TrailEntry before = last.put(entry.processInstanceId(), entry);
    boolean anchor = before == null && !wholeTrails;
    String expectedPrev =
        anchor ? entry.prevHash() : before == null ? TrailHash.GENESIS : before.hash();
    int expectedSeq = anchor ? entry.seq() : before == null ? 1 : before.seq() + 1;
    if (entry.seq() != expectedSeq) {
      fail(
          entry,
          "entry %d follows entry %d: an entry is missing or out of order"
              .formatted(entry.seq(), expectedSeq - 1));
    } else if (!expectedPrev.equals(entry.prevHash())) {
      fail(
          entry, "entry %d does not follow the hash of the entry before it".formatted(entry.seq()));
    } else if (!TrailHash.of(entry).equals(entry.hash())) {
      fail(
          entry,
          "entry %d was changed after it was recorded: its content no longer gives its hash"
              .formatted(entry.seq()));
    }
  }

  private void fail(TrailEntry entry, String what) {
    brokenAt = entry;
    problem = "case " + entry.processInstanceId() + ": " + what;
  }

  public TrailVerification result() {
    return new TrailVerification(
        problem == null,
        checked,
        brokenAt == null ? null : brokenAt.processInstanceId(),
        brokenAt == null ? null : brokenAt.seq(),
        problem);
  }
}
