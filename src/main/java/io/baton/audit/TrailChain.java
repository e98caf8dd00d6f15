package io.baton.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks entries of one or more cases, fed in trail order per case: each entry's hash is what its
 * content gives, its {@code prevHash} is the hash of the entry before it in its case, and its
 * sequence number follows without a gap; its payload gives its {@code payloadSha256}, or it was
 * removed by an erasure that the case's trail records (an {@link TrailKind#ERASURE} entry whose
 * {@code sourceRef} is {@link #erasureRef}). The first problem is kept.
 *
 * <p>A whole trail starts at entry 1. An export of a period may start a case in the middle of its
 * trail: {@link #fromAnyEntry()} then takes the first entry of each case it sees as the anchor.
 */
public final class TrailChain {

  private final Map<String, TrailEntry> last = new HashMap<>();
  private final Map<String, TrailEntry> erasedWithoutRecord = new LinkedHashMap<>();
  private final Set<String> erasures = new HashSet<>();
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
    } else if (entry.payload() == null && entry.erasedBy() == null) {
      fail(entry, "entry %d lost its payload, and no erasure says why".formatted(entry.seq()));
    } else if (entry.payload() != null
        && !TrailHash.digest(TrailHash.canonical(entry.payload())).equals(entry.payloadSha256())) {
      fail(
          entry,
          "entry %d's payload was changed after it was recorded: it no longer gives its digest"
              .formatted(entry.seq()));
    } else {
      noteErasures(entry);
    }
  }

  /** An erased entry must be followed, in its case, by the entry of the erasure that removed it. */
  private void noteErasures(TrailEntry entry) {
    if (TrailKind.ERASURE.name().equals(entry.kind()) && entry.sourceRef() != null) {
      erasures.add(entry.sourceRef());
      erasedWithoutRecord.remove(entry.sourceRef());
    }
    if (entry.erasedBy() != null) {
      String ref = erasureRef(entry.erasedBy(), entry.processInstanceId());
      if (!erasures.contains(ref)) {
        erasedWithoutRecord.putIfAbsent(ref, entry);
      }
    }
  }

  /**
   * The {@code sourceRef} of the entry that records an erasure in one case's trail (source refs are
   * unique across cases, so it names the case).
   */
  public static String erasureRef(String erasureId, String processInstanceId) {
    return "erasure:" + erasureId + "/" + processInstanceId;
  }

  private void fail(TrailEntry entry, String what) {
    brokenAt = entry;
    problem = "case " + entry.processInstanceId() + ": " + what;
  }

  public TrailVerification result() {
    if (problem == null && wholeTrails && !erasedWithoutRecord.isEmpty()) {
      TrailEntry erased = erasedWithoutRecord.values().iterator().next();
      fail(
          erased,
          "entry %d's payload was removed by erasure %s, which the trail does not record"
              .formatted(erased.seq(), erased.erasedBy()));
    }
    return new TrailVerification(
        problem == null,
        checked,
        brokenAt == null ? null : brokenAt.processInstanceId(),
        brokenAt == null ? null : brokenAt.seq(),
        problem);
  }
}
