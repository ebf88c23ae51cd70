package org.ambiseg.app.training;

import java.util.Arrays;

/**
 * A chart series that always holds fewer than {@code capacity} points, however long the run: points
 * are added as they come; when the series fills up, each pair of neighbouring points is replaced by
 * their mean (x and y) and from then on each new point is the mean of twice as many raw values.
 * Memory stays flat and the curve keeps its shape. Not thread-safe: {@link LiveMetrics} guards it.
 */
final class DecimatedSeries {

  /** What changed since a reader's last look: new points to append, or all points to replace. */
  record Change(boolean replace, double[] xs, double[] ys, long version, int size) {}

  private final int capacity;
  private final double[] xs;
  private final double[] ys;
  private int size;
  private int stride = 1;
  private double sumX;
  private double sumY;
  private int pending;
  private long version;

  /** A series of at most {@code capacity} points (an even number of at least 2). */
  DecimatedSeries(int capacity) {
    if (capacity < 2 || capacity % 2 != 0) {
      throw new IllegalArgumentException("capacity must be even and >= 2, got " + capacity);
    }
    this.capacity = capacity;
    this.xs = new double[capacity];
    this.ys = new double[capacity];
  }

  /** Adds one raw value. */
  void add(double x, double y) {
    sumX += x;
    sumY += y;
    pending++;
    if (pending < stride) {
      return;
    }
    xs[size] = sumX / pending;
    ys[size] = sumY / pending;
    size++;
    sumX = 0;
    sumY = 0;
    pending = 0;
    if (size == capacity) {
      compact();
    }
  }

  private void compact() {
    for (int i = 0; i < capacity / 2; i++) {
      xs[i] = (xs[2 * i] + xs[2 * i + 1]) / 2;
      ys[i] = (ys[2 * i] + ys[2 * i + 1]) / 2;
    }
    size = capacity / 2;
    stride *= 2;
    version++;
  }

  /** Points held now. */
  int size() {
    return size;
  }

  /** Raw values per point for new points (doubles at each compaction). */
  int stride() {
    return stride;
  }

  /** Counts compactions: a reader that saw another version must replace all its points. */
  long version() {
    return version;
  }

  /** X of point {@code i}. */
  double x(int i) {
    return xs[i];
  }

  /** Y of point {@code i}. */
  double y(int i) {
    return ys[i];
  }

  /**
   * The change since a reader saw {@code seenSize} points of {@code seenVersion}, or null when
   * nothing changed.
   */
  Change changesSince(long seenVersion, int seenSize) {
    if (seenVersion != version) {
      return new Change(true, Arrays.copyOf(xs, size), Arrays.copyOf(ys, size), version, size);
    }
    if (seenSize == size) {
      return null;
    }
    return new Change(
        false,
        Arrays.copyOfRange(xs, seenSize, size),
        Arrays.copyOfRange(ys, seenSize, size),
        version,
        size);
  }
}
