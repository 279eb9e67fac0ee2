package io.tickwatch.stats.anomaly;

import java.io.Serializable;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The context dictionary of {@link CadOseDetector}: the "Contextual Anomaly Detector" idea of
 * Mikhail Smirnov (CAD OSE, NAB 2016), reimplemented from its description.
 *
 * <p>A <b>fact</b> is a non-negative int: sensor facts ({@code < }{@link #NEURON_BASE}) describe
 * the current value, neuron facts ({@code NEURON_BASE + id}) say that context {@code id} was active
 * on the previous step. A <b>context</b> pairs a left semi-context (a set of facts of the previous
 * step: its sensor facts and active neurons) with a right semi-context (a set of sensor facts of
 * the following step). Each step:
 *
 * <ol>
 *   <li>the pair (previous step's facts, current sensor facts) is looked up as a "zero-level"
 *       context and stored when new;
 *   <li>every context whose left side was wholly contained in the previous step's facts was
 *       <i>selected</i> (it made a prediction): it counts how many of its right facts came true; if
 *       all did it is <i>active</i>;
 *   <li>when the zero-level context was new, the intersections of the previous and current facts
 *       with the known zero-level contexts (left side at most {@code maxLeftLength} facts) become
 *       candidate contexts; those not yet known are stored;
 *   <li>the most often confirmed active contexts (at most {@code maxActive}) become the neuron
 *       facts of the next step; the contexts whose left side is contained in the new facts and that
 *       have the best hit ratio predict the next sensor facts.
 * </ol>
 *
 * <p>Raw anomaly (when some current sensor fact was not predicted; else 0): {@code (1 -
 * active/selected + new/candidates) / 2}, where {@code new/candidates} is the share of the
 * candidate contexts (the zero-level one included) that were unknown, counted only on a step whose
 * zero-level context was new.
 *
 * <p><b>Bounded memory.</b> At most {@code maxContexts} contexts are stored (and so at most as many
 * semi-contexts of each side); at the cap the dictionary stops learning new ones but goes on
 * counting and scoring, and an unknown context still counts as new in the raw anomaly. State is
 * plain arrays (open-addressing hash tables included), no collections (a step's candidate set is a
 * local).
 */
final class ContextMemory implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Facts below this are sensor facts; context {@code id} is the neuron fact {@code BASE + id}. */
  static final int NEURON_BASE = 64;

  private static final int[] NONE = new int[0];

  private final int maxContexts;
  private final int maxLeftLength;
  private final int maxActive;

  // left semi-contexts: facts (sorted), their contexts
  private int[][] leftFacts = new int[16][];
  private int[][] leftContexts = new int[16][];
  private int[] leftContextCount = new int[16];
  private int leftCount;
  private int[] leftTable = filled(64); // open addressing: left id or -1

  // right semi-contexts: sensor facts only, so few (at most 3^bits - 1); a bit mask each
  private long[] rightMask = new long[8];
  private int[] rightSize = new int[8];
  private int rightCount;

  // inverted index: fact -> left semi-contexts containing it
  private int[][] factLefts = new int[NEURON_BASE + 16][];
  private int[] factLeftCount = new int[NEURON_BASE + 16];

  // contexts
  private int[] ctxLeft = new int[16];
  private int[] ctxRight = new int[16];
  private long[] ctxPredicted = new long[16]; // right facts predicted while selected
  private long[] ctxHits = new long[16]; // of those, how many came true
  private int[] ctxConfirmed = new int[16]; // times all right facts came true
  private boolean[] ctxZeroLevel = new boolean[16];
  private int ctxCount;
  private long[] ctxTableKey = new long[64]; // open addressing: (left << 32 | right) + 1, 0 = free
  private int[] ctxTableValue = new int[64];

  // step state
  private int[] group = NONE; // previous step's facts, sorted
  private int[] overlap = new int[16]; // per left semi-context, |facts ∩ group|
  private int[] touched = new int[16]; // left semi-contexts with overlap > 0, in touch order
  private int touchedCount;
  private int[] nextOverlap = new int[16];
  private int[] nextTouched = new int[16];
  private long predictedMask;

  ContextMemory(int maxContexts, int maxLeftLength, int maxActive) {
    if (maxContexts < 1 || maxLeftLength < 1 || maxActive < 0) {
      throw new IllegalArgumentException("invalid context memory bounds");
    }
    this.maxContexts = maxContexts;
    this.maxLeftLength = maxLeftLength;
    this.maxActive = maxActive;
  }

  /** Number of stored contexts (at most {@code maxContexts}). */
  int contexts() {
    return ctxCount;
  }

  /** Number of stored left semi-contexts. */
  int leftSemiContexts() {
    return leftCount;
  }

  /** Whether every fact of {@code sensorMask} was predicted by the previous step. */
  boolean predicted(long sensorMask) {
    return (sensorMask & ~predictedMask) == 0;
  }

  /**
   * Consumes one step's sensor facts and returns the raw anomaly in [0,1].
   *
   * @param sensorMask the current sensor facts as a bit mask (bit f = fact f, f {@literal <} 64)
   */
  double step(long sensorMask) {
    boolean error = !predicted(sensorMask);
    int[] facts = factsOf(sensorMask);
    int sensorSize = facts.length;

    // 1. the zero-level context (previous facts -> current facts)
    boolean newZero = false;
    int zeroId = -1;
    Set<Candidate> candidates = new HashSet<>();
    if (group.length > 0 && sensorSize > 0) {
      int left = findLeft(group);
      int right = findRight(sensorMask);
      int id = left >= 0 && right >= 0 ? findContext(left, right) : -1;
      if (id >= 0) {
        ctxZeroLevel[id] = true;
      } else {
        newZero = true;
        zeroId = addContext(group, sensorMask, true);
      }
      candidates.add(new Candidate(group, sensorMask));
    }

    // 2. contexts selected by the previous facts: count hits, collect the active ones
    int selected = 0;
    int[] active = new int[8];
    int activeCount = 0;
    long[] potentialRight = new long[8];
    int[][] potentialLeft = new int[8][];
    int potentialCount = 0;
    for (int t = 0; t < touchedCount; t++) {
      int ls = touched[t];
      int lov = overlap[ls];
      boolean whole = lov == leftFacts[ls].length;
      if (!whole && (!newZero || lov > maxLeftLength)) {
        continue; // neither selected nor a source of candidates
      }
      int[] ctxs = leftContexts[ls];
      int[] shared = whole ? leftFacts[ls] : null; // leftFacts ∩ group, computed once if needed
      for (int k = 0; k < leftContextCount[ls]; k++) {
        int c = ctxs[k];
        if (c == zeroId) {
          continue;
        }
        long rmask = rightMask[ctxRight[c]];
        long hitMask = rmask & sensorMask;
        int rov = Long.bitCount(hitMask);
        boolean candidate = false;
        if (whole) {
          selected++;
          ctxPredicted[c] += rightSize[ctxRight[c]];
          if (rov > 0) {
            ctxHits[c] += rov;
            if (hitMask == rmask) {
              ctxConfirmed[c]++;
              if (activeCount == active.length) {
                active = Arrays.copyOf(active, 2 * activeCount);
              }
              active[activeCount++] = c;
            } else {
              candidate = true;
            }
          }
        } else {
          candidate = rov > 0;
        }
        if (candidate && ctxZeroLevel[c] && newZero && lov <= maxLeftLength) {
          if (potentialCount == potentialLeft.length) {
            potentialLeft = Arrays.copyOf(potentialLeft, 2 * potentialCount);
            potentialRight = Arrays.copyOf(potentialRight, 2 * potentialCount);
          }
          if (shared == null) {
            shared = intersect(leftFacts[ls], group, lov);
          }
          potentialLeft[potentialCount] = shared;
          potentialRight[potentialCount++] = hitMask;
        }
      }
    }
    double activeShare = selected > 0 ? activeCount / (double) selected : 0.0;

    // 3. candidate contexts: count the unknown ones, store them while there is room
    int added = newZero ? 1 : 0;
    for (int p = 0; p < potentialCount; p++) {
      if (!candidates.add(new Candidate(potentialLeft[p], potentialRight[p]))) {
        continue;
      }
      int left = findLeft(potentialLeft[p]);
      int right = findRight(potentialRight[p]);
      if (left < 0 || right < 0 || findContext(left, right) < 0) {
        added++;
        addContext(potentialLeft[p], potentialRight[p], false);
      }
    }
    int candCount = candidates.size();
    double addedShare = newZero && candCount > 0 ? added / (double) candCount : 0.0;

    // 4. next facts: current sensor facts plus the most confirmed active contexts as neurons
    int neurons = Math.min(maxActive, activeCount);
    int[] next = Arrays.copyOf(facts, sensorSize + neurons);
    if (neurons > 0) {
      // most confirmed first, then the older context: (MAX - confirmed, id) in one sortable long
      long[] order = new long[activeCount];
      for (int i = 0; i < activeCount; i++) {
        int c = active[i];
        order[i] = (long) (Integer.MAX_VALUE - ctxConfirmed[c]) << 32 | c;
      }
      Arrays.sort(order);
      for (int i = 0; i < neurons; i++) {
        next[sensorSize + i] = NEURON_BASE + (int) order[i];
      }
      Arrays.sort(next);
    }
    crossLeft(next);
    group = next;

    return error ? (1.0 - activeShare + addedShare) / 2.0 : 0.0;
  }

  /** Overlaps of the new facts with every left semi-context, and the prediction they make. */
  private void crossLeft(int[] facts) {
    for (int t = 0; t < touchedCount; t++) {
      overlap[touched[t]] = 0;
    }
    ensureLeftScratch();
    int count = 0;
    for (int f : facts) {
      if (f >= factLefts.length || factLefts[f] == null) {
        continue;
      }
      int[] lefts = factLefts[f];
      for (int i = 0; i < factLeftCount[f]; i++) {
        int ls = lefts[i];
        if (nextOverlap[ls]++ == 0) {
          nextTouched[count++] = ls;
        }
      }
    }
    double best = 0.0;
    long prediction = 0L;
    for (int t = 0; t < count; t++) {
      int ls = nextTouched[t];
      if (nextOverlap[ls] != leftFacts[ls].length) {
        continue;
      }
      for (int k = 0; k < leftContextCount[ls]; k++) {
        int c = leftContexts[ls][k];
        double w = ctxPredicted[c] > 0 ? ctxHits[c] / (double) ctxPredicted[c] : 0.0;
        if (w > best) {
          best = w;
          prediction = rightMask[ctxRight[c]];
        } else if (w == best) {
          prediction |= rightMask[ctxRight[c]];
        }
      }
    }
    predictedMask = prediction;
    int[] o = overlap;
    overlap = nextOverlap;
    nextOverlap = o;
    int[] tt = touched;
    touched = nextTouched;
    nextTouched = tt;
    touchedCount = count;
  }

  private void ensureLeftScratch() {
    if (nextOverlap.length < leftCount) {
      int n = Math.max(leftCount, 2 * nextOverlap.length);
      nextOverlap = Arrays.copyOf(nextOverlap, n);
      nextTouched = Arrays.copyOf(nextTouched, n);
      overlap = Arrays.copyOf(overlap, n);
      touched = Arrays.copyOf(touched, n);
    }
  }

  /** Stores a context (and its semi-contexts) unless at the cap; its id or -1. */
  private int addContext(int[] left, long right, boolean zeroLevel) {
    if (ctxCount >= maxContexts) {
      return -1;
    }
    int ls = findLeft(left);
    if (ls < 0) {
      ls = addLeft(left);
    }
    int rs = findRight(right);
    if (rs < 0) {
      rs = addRight(right);
    }
    int id = ctxCount++;
    if (id == ctxLeft.length) {
      int n = 2 * id;
      ctxLeft = Arrays.copyOf(ctxLeft, n);
      ctxRight = Arrays.copyOf(ctxRight, n);
      ctxPredicted = Arrays.copyOf(ctxPredicted, n);
      ctxHits = Arrays.copyOf(ctxHits, n);
      ctxConfirmed = Arrays.copyOf(ctxConfirmed, n);
      ctxZeroLevel = Arrays.copyOf(ctxZeroLevel, n);
    }
    ctxLeft[id] = ls;
    ctxRight[id] = rs;
    ctxZeroLevel[id] = zeroLevel;
    if (leftContextCount[ls] == leftContexts[ls].length) {
      leftContexts[ls] = Arrays.copyOf(leftContexts[ls], 2 * leftContextCount[ls]);
    }
    leftContexts[ls][leftContextCount[ls]++] = id;
    putContext(ls, rs, id);
    return id;
  }

  private int addLeft(int[] facts) {
    int id = leftCount++;
    if (id == leftFacts.length) {
      int n = 2 * id;
      leftFacts = Arrays.copyOf(leftFacts, n);
      leftContexts = Arrays.copyOf(leftContexts, n);
      leftContextCount = Arrays.copyOf(leftContextCount, n);
    }
    leftFacts[id] = facts;
    leftContexts[id] = new int[2];
    for (int f : facts) {
      if (f >= factLefts.length) {
        int n = Math.max(f + 1, 2 * factLefts.length);
        factLefts = Arrays.copyOf(factLefts, n);
        factLeftCount = Arrays.copyOf(factLeftCount, n);
      }
      if (factLefts[f] == null) {
        factLefts[f] = new int[4];
      } else if (factLeftCount[f] == factLefts[f].length) {
        factLefts[f] = Arrays.copyOf(factLefts[f], 2 * factLeftCount[f]);
      }
      factLefts[f][factLeftCount[f]++] = id;
    }
    if (2 * leftCount > leftTable.length) {
      leftTable = filled(2 * leftTable.length);
      for (int i = 0; i < leftCount; i++) {
        leftTable[slotOfLeft(leftFacts[i])] = i;
      }
    } else {
      leftTable[slotOfLeft(facts)] = id;
    }
    ensureLeftScratch();
    return id;
  }

  private int addRight(long mask) {
    if (rightCount == rightMask.length) {
      rightMask = Arrays.copyOf(rightMask, 2 * rightCount);
      rightSize = Arrays.copyOf(rightSize, 2 * rightCount);
    }
    rightMask[rightCount] = mask;
    rightSize[rightCount] = Long.bitCount(mask);
    return rightCount++;
  }

  private int findRight(long mask) {
    for (int i = 0; i < rightCount; i++) {
      if (rightMask[i] == mask) {
        return i;
      }
    }
    return -1;
  }

  private int findLeft(int[] facts) {
    return leftTable[slotOfLeft(facts)];
  }

  /** The slot holding {@code facts}, or the free slot where it would go. */
  private int slotOfLeft(int[] facts) {
    int mask = leftTable.length - 1;
    int i = mix(Arrays.hashCode(facts)) & mask;
    while (leftTable[i] >= 0 && !Arrays.equals(leftFacts[leftTable[i]], facts)) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private int findContext(int left, int right) {
    long key = contextKey(left, right);
    int mask = ctxTableKey.length - 1;
    int i = mix(Long.hashCode(key)) & mask;
    while (ctxTableKey[i] != 0) {
      if (ctxTableKey[i] == key) {
        return ctxTableValue[i];
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  private void putContext(int left, int right, int id) {
    if (2 * ctxCount > ctxTableKey.length) {
      ctxTableKey = new long[2 * ctxTableKey.length];
      ctxTableValue = new int[ctxTableKey.length];
      for (int c = 0; c < ctxCount; c++) {
        insertContext(contextKey(ctxLeft[c], ctxRight[c]), c);
      }
    } else {
      insertContext(contextKey(left, right), id);
    }
  }

  private void insertContext(long key, int id) {
    int mask = ctxTableKey.length - 1;
    int i = mix(Long.hashCode(key)) & mask;
    while (ctxTableKey[i] != 0) {
      i = (i + 1) & mask;
    }
    ctxTableKey[i] = key;
    ctxTableValue[i] = id;
  }

  private static long contextKey(int left, int right) {
    return ((long) left << 32 | right) + 1;
  }

  /** A candidate context during one step (not part of the state). */
  private static final class Candidate {
    private final int[] left;
    private final long right;
    private final int hash;

    Candidate(int[] left, long right) {
      this.left = left;
      this.right = right;
      this.hash = 31 * Arrays.hashCode(left) + Long.hashCode(right);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Candidate c
          && c.hash == hash
          && c.right == right
          && Arrays.equals(c.left, left);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private static int mix(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  private static int[] filled(int n) {
    int[] a = new int[n];
    Arrays.fill(a, -1);
    return a;
  }

  private static int[] factsOf(long mask) {
    int[] out = new int[Long.bitCount(mask)];
    int n = 0;
    for (long m = mask; m != 0; m &= m - 1) {
      out[n++] = Long.numberOfTrailingZeros(m);
    }
    return out;
  }

  /** Sorted intersection of two sorted arrays, known to have {@code size} elements. */
  private static int[] intersect(int[] a, int[] b, int size) {
    int[] out = new int[size];
    int i = 0;
    int j = 0;
    int n = 0;
    while (n < size) {
      if (a[i] < b[j]) {
        i++;
      } else if (a[i] > b[j]) {
        j++;
      } else {
        out[n++] = a[i];
        i++;
        j++;
      }
    }
    return out;
  }
}
